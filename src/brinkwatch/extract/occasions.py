"""Occasions: why an event mentioned in a sentence is context for its news rather than news itself.

A sentence reports its main clause. Relative clauses, adverbial clauses of occasion or reason, purpose
clauses, participles of consequence, event nouns in adjuncts, the charge of an accusation and what someone was
kept from doing are context; an adverbial clause telling a finished act of a doer of its own is news again.
``background_reason`` reads the trigger's position, ``SentenceRoles`` its place among the sentence's other acts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Token

from brinkwatch.nlp.frames import Frame, decider_of, finite_governor, gerund_subject, lemma_of

if TYPE_CHECKING:
    from brinkwatch.extract.drafts import Draft


def background_reason(trigger: Token, background_preps: tuple[str, ...],
                      speech_verbs: tuple[str, ...] = (), causative_verbs: tuple[str, ...] = (),
                      decider_nouns: tuple[str, ...] = ()) -> str | None:
    """Why an event mentioned in this position is context for the sentence's news, not news itself.

    A sentence reports its main clause; relative clauses and participial modifiers describe who someone is
    ("the group that seized Mosul"), adverbial clauses give the occasion or the reason ("after rebels
    overran it", "because of fighting between ..."), a purpose clause says what was intended, not what
    happened ("opened fire to disperse the crowd"), a participle of consequence is the same happening
    seen from its result ("shelled Juba, killing 20"), and an event noun in an adjunct names an earlier
    event ("since the invasion in March", "following the killing of ..."). Coding such mentions again on
    the sentence's date is what makes archive-wide event counts drift, so the coder keeps them only when
    the sentence has no main event. What a speaker adds in a gerund ("a spokesman said, adding that the fire
    was returned") is reported, not a consequence, and so is what a causative participle says its object did
    ("..., prompting Ghana to recall its envoy"). ``None`` for a main-clause event.
    """
    tok = trigger
    below = trigger  # the token the climb came from
    for _ in range(12):
        dep = tok.dep_
        if dep == "relcl" and _news_aside(tok):
            return None  # "... talks between the ministers, who agreed to meet again in June": news of its own
        if dep == "relcl" or (dep == "acl" and tok.tag_ in {"VBN", "VBG"}):
            return "relative clause"
        if dep == "acl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
            if decider_of(tok, decider_nouns) is not None:
                return None  # "protested Hanoi's decision to expel three reporters": a decision taken tells its act
            return "content"  # "an EU decision to send aid", "Finland's plan to host": not said to happen
        if dep == "advcl":
            marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
            caused = lemma_of(tok.head) in causative_verbs and any(c.dep_ == "dobj" for c in tok.head.children)
            if (any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children) and not caused) or "so" in marks:
                return "purpose"
            if marks & ADVERBIAL_MARKS:
                # "after fighters entered the town and clashed with troops": a conjunct shares the clause's doer
                return None if _conjunct_of(trigger, tok) and _prior_happening(tok, marks) else "adverbial clause"
            if marks & CONDITION_MARKS:
                return "condition"  # "unless Kabul met its terms": not said to happen
            if tok.tag_ == "VBG" and not marks and tok.i != trigger.i and lemma_of(tok) in speech_verbs \
                    and _finished(trigger):
                return None  # "..., a spokesman said, adding that the fire was returned": what was reported
            if tok.tag_ == "VBG" and not marks and below.i != tok.i and lemma_of(tok) in causative_verbs and \
                    _complement_of(below, tok) and any(c.dep_ == "dobj" for c in tok.children):
                return None  # "..., leading Mexico to sever ties with Ecuador": Mexico's act, news of its own
            if tok.tag_ == "VBG" and not marks:
                # "shelled Juba, killing 20"; with a subject of its own, an absolute clause giving the setting
                return "consequence" if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children) \
                    else "adverbial clause"
        if dep == "pcomp" and tok.head.lower_ in background_preps:
            return "adverbial clause"  # "before allowing aid convoys", "after meeting the envoy"
        if dep == "pobj" and tok.lemma_.lower() in background_preps and tok.head.lower_ == "in":
            return "adjunct"  # "fired missiles in retaliation for ...": the retaliation is the main act itself
        if dep == "pobj" and tok.i == trigger.i and tok.pos_ == "NOUN" and _noun_news(tok):
            return None  # "after the storming of a police station by opposition supporters, the army ...": news
        if dep == "pobj" and tok.pos_ in {"NOUN", "PROPN"} and (
                tok.head.lower_ in background_preps
                or (tok.head.lower_ in {"of", "for", "to", "at", "against"} and tok.head.head.lower_ in background_preps)):
            return "adjunct"
        if tok.head.i == tok.i:
            return None
        below = tok
        tok = finite_governor(tok) or tok.head  # "calls on X to free ... and urges Y": urges is calls' conjunct
    return None


def _complement_of(verb: Token, governor: Token) -> bool:
    """``verb`` is ``governor``'s to-infinitive complement ("prompting Tehran to vow revenge")."""
    return verb.head.i == governor.i and verb.pos_ == "VERB" and verb.dep_ in {"xcomp", "advcl", "ccomp"} and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def setting_reason(trigger: Token, setting_nouns: tuple[str, ...], setting_preps: tuple[str, ...]) -> str | None:
    """"Began a fresh assault in its conflict with Armenia", "two soldiers died during the insurgency": a lasting
    conflict named in an adjunct is where the news happens, not news of the sentence's date."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ in setting_preps and lemma_of(trigger) in setting_nouns:
        return "setting"
    return None


def undone_reason(trigger: Token, undoing_verbs: tuple[str, ...] = ()) -> str | None:
    """"Bombed the town without warning", "withdrew without consulting Baghdad": what a without-phrase names
    was not done; "loosened restrictions on travel", "repealed the ban": a measure a verb undoes was not
    imposed then (a verb with a pattern of its own, "lifted the curfew", codes the easing itself)."""
    prep = trigger.head
    if trigger.dep_ in {"pobj", "pcomp"} and prep.lower_ == "without" and prep.dep_ == "prep":
        return "not done"
    if trigger.pos_ == "NOUN" and trigger.dep_ in {"dobj", "nsubjpass"} and lemma_of(prep) in undoing_verbs:
        return "not done"
    if trigger.pos_ == "NOUN" and any(c.dep_ == "amod" and lemma_of(c) in undoing_verbs for c in trigger.children):
        return "not done"  # "the repealed ban", and the parser's reading of "loosened restrictions" as a modifier
    return None


def prevented_reason(trigger: Token, preventing_verbs: tuple[str, ...]) -> str | None:
    """"barred women from attending universities", "stopped the leader from travelling": the act after "from"
    is what someone was kept from doing; it did not happen. ``None`` when the trigger is not such an act."""
    prep = trigger.head
    if trigger.dep_ == "pcomp" and prep.lower_ == "from" and prep.dep_ == "prep" and \
            prep.head.lemma_.lower() in preventing_verbs:
        return "prevented"
    return None


# subordinators of clauses that give the occasion, time or reason of the main event
CONDITION_MARKS = {"if", "unless"}
ADVERBIAL_MARKS = {"after", "since", "before", "as", "when", "while", "because", "until", "once", "following"}
# of those, the ones whose clause can tell a happening of its own, with its own doer: "struck radar sites
# hours after the Houthis fired a missile at a tanker" reports two acts; "since the army seized power" (long
# past), "because ..." (a reason given), "until ..." (an end point) and "as"/"while" (what was going on at the
# time: "lifted the curfew as police in the capital were making arrests") do not
TELLING_MARKS = {"after", "before", "when"}
# "as"/"while" with a simple past of a doer of its own tell a second happening of the same time: "arrested 40
# in Nairobi while protesters in Mombasa set fire to an office", "lifted the curfew as opposition leaders called
# off the protests"; their progressive ("as police were making arrests") is still the setting
SIMULTANEOUS_MARKS = {"while"}
AGENT_SUBJECTS = {"nsubj"}


LONG_GAPS = {"week", "month", "year", "decade"}


def _long_before(verb: Token) -> bool:
    """"three months after the army seized the airport", "days after the vote": a happening reported before,
    recalled as the occasion; "hours after" is the same news. The gap is read from the words before the
    subordinator, wherever the parser hangs them."""
    def gap(tok: Token) -> bool:
        return lemma_of(tok) in LONG_GAPS or (lemma_of(tok) == "day" and tok.tag_ == "NNS")
    children = list(verb.children)  # walked once: a token's children are found by scanning its subtree
    marks = [c for c in children if c.dep_ == "mark"]
    return any(gap(c) for c in children if c.dep_ == "npadvmod") or any(
        m.i > 0 and gap(verb.doc[m.i - 1]) for m in marks)


# prepositions whose event noun, with a doer of its own, tells a happening of its own (as TELLING_MARKS do)
TELLING_PREPS = {"after", "following", "before"}


def _noun_news(noun: Token) -> bool:
    """An event noun after "after", "following" or "before" naming a doer of its own, not the main clause's
    subject: "Following Russia's seizure of two grain ships, insurers raised premiums", "after the storming of a
    police station by opposition supporters, the army imposed a curfew". Without a doer ("after the attack on its
    troops") or long before ("three months after the army's seizure of the airport") it stays the occasion."""
    prep = noun.head
    if prep.lower_ not in TELLING_PREPS or prep.dep_ != "prep":
        return False
    if any(c.dep_ == "npadvmod" and (lemma_of(c) in LONG_GAPS or (lemma_of(c) == "day" and c.tag_ == "NNS"))
           for c in prep.children):
        return False
    doers = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    doers += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children
              if p.dep_ == "pobj"]
    if not doers:
        return False
    main = prep.head
    main_subjects = {lemma_of(c) for c in main.children if c.dep_ in {"nsubj", "nsubjpass"}}
    return not any(lemma_of(d) in main_subjects for d in doers)


def _news_aside(verb: Token) -> bool:
    """A non-restrictive "who" clause telling a finished act of the people just named, not their history:
    "hosted talks between the foreign ministers, who agreed to meet again", "detained two activists, who
    went on hunger strike", "the defence minister, whose forces struck Beirut overnight"; so does a ", where"
    clause with a doer of its own. "The group that seized Mosul" (restrictive) and ", who seized Mosul in 2014" (a
    year: background) describe who someone is."""
    # ", whose forces struck Beirut overnight,": the people just named act through their own
    who = [c for c in verb.children if c.dep_ == "nsubj" and (
        c.lower_ == "who" or any(g.dep_ == "poss" and g.lower_ == "whose" for g in c.children))]
    if not who and verb.tag_ == "VBD" and any(c.dep_ == "nsubj" for c in verb.children):
        # "a clash in Gujranwala, where rival supporters fought with sticks": what happened at the place named
        who = [c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "where"]
    start = who[0].left_edge.i if who else 0
    if not who or start == 0 or verb.doc[start - 1].text != "," or not _finished(verb):
        return False
    return not any(t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4 for t in verb.subtree)


def _finished(verb: Token) -> bool:
    """A verb telling a finished act: "attacked", "had attacked", "was returned", "were shelling" (not "would
    welcome", "must resign", nor an event noun)."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and bool(auxes & {"had", "has", "have", "was", "were"})) or (
        verb.tag_ == "VBG" and bool(auxes & {"was", "were"}))


def _conjunct_of(trigger: Token, verb: Token) -> bool:
    """``trigger`` is ``verb`` or a verb coordinated with it ("entered ... and clashed")."""
    while trigger.i != verb.i and trigger.dep_ == "conj" and trigger.pos_ in {"VERB", "AUX"}:
        trigger = trigger.head
    return trigger.i == verb.i


def _prior_happening(verb: Token, marks: set[str]) -> bool:
    """An adverbial clause that tells a finished act of a named doer of its own, not the main clause's: news
    in its own right, however the lead sentence is built ("Troops shelled X, killing 4, after rebels attacked
    a checkpoint"). A passive ("after the drone was shot down"), a pronoun doer ("after it bombed ...": the
    main clause's actor, already coded), the main clause's own subject, or a present or future clause ("before
    the troops withdraw") stay context."""
    if not marks & (TELLING_MARKS | SIMULTANEOUS_MARKS):
        return False
    subjects = [c for c in verb.children if c.dep_ in AGENT_SUBJECTS]
    if not subjects or any(s.pos_ == "PRON" for s in subjects):
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxes & {"had", "has", "have"}) or (
        verb.tag_ == "VBG" and auxes & {"was", "were"} and marks & TELLING_MARKS)
    if not past or _long_before(verb):
        return False
    main = verb.head
    main_subjects = {lemma_of(c) for c in main.children if c.dep_ in {"nsubj", "nsubjpass"}}
    return not any(lemma_of(s) in main_subjects for s in subjects)


@dataclass
class SentenceRoles:
    """What the sentence's drafts are, computed once per sentence: which tokens trigger coded acts, which
    of them are charges, warnings or violence. Another event's position relative to these makes it context."""

    by_trigger: dict[int, Frame]
    codes: dict[int, str]  # trigger index -> code of the draft
    charges: set[int]
    warnings: set[int]
    violent: set[int]
    reactions: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, drafts: list[Draft], by_trigger: dict[int, Frame], gov) -> SentenceRoles:
        codes: dict[int, str] = {}
        for d in drafts:
            codes.setdefault(d.trigger.i, d.code)  # the first draft of a trigger speaks for it
        return cls(by_trigger, codes,
                   charges={i for i, c in codes.items() if c[:2] in gov.charge_roots},
                   warnings={i for i, c in codes.items() if c[:2] in gov.warning_roots},
                   violent={i for i, c in codes.items() if c[:2] in gov.violent_roots},
                   reactions={i for i, c in codes.items() if c[:2] in gov.reaction_roots})

    def object_reason(self, draft: Draft) -> str | None:
        """An event noun that another coded act is about ("brokered a deal between Russia and Ukraine",
        "condemned the air strikes") is that act's object: the act is the news. And an act whose subject is
        a violent event noun ("Iran's missile attack injured 100 soldiers") is that event's outcome."""
        trigger = draft.trigger
        holder = self.by_trigger.get(trigger.head.i)
        if trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ in {"dobj", "attr"} and trigger.head.i in self.codes \
                and holder is not None and holder.kind == "verb":
            if trigger.head.i in self.reactions and _own_agent(draft):
                return None  # "France condemned the Russian shelling of Kharkiv": the shelling is told too
            return "object"
        if trigger.pos_ == "VERB" and trigger.i in self.violent and any(
                (c.dep_ == "nsubj" or gerund_subject(c)) and c.i in self.violent for c in trigger.children):
            return "outcome"
        return None

    def phrase_reason(self, trigger: Token) -> str | None:
        """Context found through the other events of the sentence: an event noun inside another event noun's
        phrase ("a fresh assault in its conflict with Armenia", "talks on the conflict"), and what someone is
        accused, criticised, arrested or charged for ("accused the militia of breaking the truce"): the
        charge is the accuser's claim, coded as the accusation itself."""
        prep = trigger.head if trigger.dep_ in {"pobj", "pcomp"} else None
        if prep is not None and prep.dep_ == "prep" and trigger.pos_ in {"NOUN", "PROPN"}:
            holder = self.by_trigger.get(prep.head.i)
            if holder is not None and holder.kind == "noun" and prep.head.i != trigger.i:
                return "adjunct"
        for anc in _ancestors(trigger):
            if anc.dep_ == "prep" and anc.lower_ in {"of", "for", "over"} and anc.head.i in self.charges:
                return "charge"
            if anc.dep_ == "prep" and anc.lower_ == "against" and anc.head.i in self.warnings:
                return "warned against"  # "warned Iran against attacking shipping": the attack did not happen
        return None


def _ancestors(tok: Token) -> list[Token]:
    """The token's ancestors, with a finite verb the parser hung on a gerund ("accused Kyiv of attacking a
    bridge and launched missiles") read as the conjunct of the verb it coordinates with."""
    out: list[Token] = []
    node = tok
    while True:
        governor = finite_governor(node) if node.pos_ in {"VERB", "AUX"} else None
        following = governor if governor is not None else (node.head if node.head.i != node.i else None)
        if following is None:
            return out
        out.append(following)
        node = following


def _own_agent(draft: Draft) -> bool:
    """The event noun names its own doer ("the Russian shelling", "Israel's strike", "attacks by rebels")."""
    first = draft.source_groups[0] if draft.source_groups else []
    subtree = {t.i for t in draft.trigger.subtree}
    return bool(first) and all(t.i in subtree for t in first)

