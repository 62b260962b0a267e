"""Senses of event words that report no political event: sport, markets, weather, fame, history.

Most event verbs have everyday senses: "the striker shot", "investors attacked the bond market", "Nigeria's
women captured the title", "Turkish inflation hit 61 percent", "Pakistan has long accused India". A pattern
matches the verb; this module says when its use is not a political act, from the words around it and the
actors it resolves to. The word lists are data (``extract/data/senses.yaml``, validated by ``SenseTable``);
the checks are:

- ``draft_reason``: a draft whose doer is a sports or market noun ("bowlers", "investors", "Poland's volleyball
  team"), whose doer is a market, price or the weather ("inflation", "copper prices"), whose object makes the
  verb figurative ("title", "record books", "social media"), or whose verb says what has long been the case
  ("has long accused", "have rejected ... for decades") is dropped before its actors are resolved;
- ``political_pair``: an act by a civilian, business or media actor that reaches no one ("Nigeria's women
  captured the title") is no political event, except a protest, appeal or verbal act; nor is an act between
  firms ("Turkish Airlines signed a deal to buy 50 Airbus jets");
- ``draft_reason`` also drops a forecast of someone else's act ("analysts expect Turkey to launch an offensive",
  "experts warn that China could blockade Taiwan", "whether Pakistan will retaliate"), a judgement on an act not
  done ("would be foolish to invade"), an act that only marks a starting point ("since Hamas attacked Israel")
  and an event noun behind an abstract change ("the invasion has reshaped European security");
- ``is_history``: an event its own clause dates years before the report is background ("In 2003, US-led forces
  invaded Iraq", "the peace deal, signed in 2016, ...").
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError
from spacy.tokens import Span, Token

from brinkwatch.errors import DataFileError
from brinkwatch.extract.events import Draft, mandative
from brinkwatch.model import Actor
from brinkwatch.nlp.frames import clause_verb, lemma_of

SENSES_FILE = Path(__file__).parent / "data" / "senses.yaml"
_OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
# acts of words (CAMEO roots): statements, appeals, talks, demands, criticism, rejection, threats, protest (not
# intents, 03: "will defend their title" is an intent by the time the senses are read)
_WORD_ROOTS = frozenset({"01", "02", "04", "10", "11", "12", "13", "14"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})


class SenseTable(BaseModel):
    """The word lists of ``senses.yaml`` (see the comments there)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    source: str
    nonpolitical_doers: frozenset[str]
    team_nouns: frozenset[str]
    sport_phrases: tuple[str, ...]
    sport_modifiers: frozenset[str]
    figurative_objects: tuple[str, ...]
    figurative_subjects: frozenset[str]
    habitual_adverbs: frozenset[str]
    habitual_spans: frozenset[str]
    nonpolitical_sectors: frozenset[str]
    political_roots_of_civilians: frozenset[str]
    business_sectors: frozenset[str]
    business_countries: frozenset[str]
    forceless_business_roots: frozenset[str]
    meeting_codes: frozenset[str]
    third_place_code: str
    history_years: int
    belief_verbs: frozenset[str]
    observer_nouns: frozenset[str]
    modal_auxiliaries: frozenset[str]
    judgement_adjectives: frozenset[str]
    abstract_effect_verbs: frozenset[str]
    history_preps: frozenset[str]
    history_periods: tuple[str, ...]
    tally_preps: frozenset[str]
    warning_verbs: frozenset[str]
    warning_consequences: frozenset[str] = frozenset()
    same_day_spans: frozenset[str] = frozenset()
    insistence_verbs: frozenset[str]
    obligation_modals: frozenset[str]
    unit_heads: frozenset[str]
    sport_bodies: frozenset[str]
    blocked_plan_nouns: frozenset[str]
    blocking_verbs: frozenset[str]
    sport_names: frozenset[str]
    diplomatic_purpose_verbs: frozenset[str] = frozenset()
    diplomatic_act_roots: frozenset[str] = frozenset()
    question_auxiliaries: frozenset[str] = frozenset()
    likelihood_adjectives: frozenset[str] = frozenset()
    trend_verbs: frozenset[str] = frozenset()
    aspect_verbs: frozenset[str] = frozenset()
    way_verbs: frozenset[str] = frozenset()
    contact_verbs: frozenset[str] = frozenset()
    explosive_objects: tuple[str, ...] = ()


@lru_cache(maxsize=4)
def load_senses(path: Path = SENSES_FILE) -> SenseTable:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return SenseTable.model_validate(data)
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"cannot read the senses file: {exc}", source=str(path)) from exc
    except ValidationError as exc:
        raise DataFileError(f"senses file invalid: {exc.errors()[0]['msg']} ({exc.errors()[0]['loc']})",
                            source=str(path)) from exc


def political_drafts(drafts: list[Draft], table: SenseTable) -> list[Draft]:
    """The drafts that may be political events: those ``draft_reason`` finds nothing against, less any that
    hangs under a dropped one ("has long accused India of backing separatists": the backing is not news)."""
    if drafts and _is_sports_report(drafts[0].trigger.sent.text, table):
        return []
    dropped = {d.trigger.i for d in drafts
               if draft_reason(d.trigger, d.source_tokens, d.target_tokens, table,
                               words_only=d.code[:2] in _WORD_ROOTS) is not None
               or _is_conditions_warning(d, table)}
    if drafts and _is_market_story(drafts[0].trigger.sent.root, table):
        # a market story names events as causes ("after Houthi attacks"); a clause with its own doer stays
        dropped |= {d.trigger.i for d in drafts if d.trigger.pos_ in {"NOUN", "PROPN"}}
    # no event of its own, but what it reports stays ("Turkey insisted that it had not violated ...")
    alone = {d.trigger.i for d in drafts
             if _is_insisted_fact(d, table) or _names_a_unit(d, table) or _is_blocked_plan(d.trigger, table)}
    alone |= _diplomatic_purposes(drafts, table)
    if not dropped and not alone:
        return drafts
    return [d for d in drafts if d.trigger.i not in dropped | alone and not _hangs_under(d.trigger, dropped)]


def _hangs_under(tok: Token, dropped: set[int]) -> bool:
    """A dropped draft's complements go with it; a clause coordinated with it does not ("warned that ... and
    said the United States held Iran responsible": the second verb is a conjunct of the first, not its content)."""
    child = tok
    for head in tok.ancestors:
        if head.i in dropped and child.dep_ != "conj":
            return True
        child = head
    return False


def draft_reason(trigger: Token, sources: list[Token], targets: list[Token], table: SenseTable,
                 words_only: bool = False) -> str | None:
    """Why this use of an event word is no political event, or None when it may be one.

    ``sources`` and ``targets`` are the draft's argument tokens (heads of noun phrases). ``words_only``: the
    draft is an act of words (an appeal, talks, a demand, criticism, rejection, threat or protest), which a
    figurative direct object does not turn into sport or markets: "condemned the vote" and "rejected the vote"
    are politics, "captured the vote" is not ("a campaign against measles" still is no protest)."""
    for tok in sources:
        if _is_sport_or_market_doer(tok, table):
            return "sport or market doer"
        if lemma_of(tok) in table.figurative_subjects:
            return "market, price or weather as doer"
    objects = [c for c in trigger.children if c.dep_ in _OBJECT_DEPS] + targets[:1]
    objects += [o for tok in [trigger, *objects] for p in tok.children  # "against malaria", "tonnes of cocaine"
                if p.dep_ == "prep" and p.lower_ in {"against", "on", "of"} for o in p.children if o.dep_ == "pobj"]
    if not any(c.dep_ in _OBJECT_DEPS for c in trigger.children):  # "battled for the lead", "fought for the
        objects += [o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "for"  # title" ("attacked
                    for o in p.children if o.dep_ == "pobj"]  # the bank for inflation" has an object: it stays)
    direct = {c.i for c in trigger.children if c.dep_ in _OBJECT_DEPS} if words_only else set()
    if any(_is_figurative_object(tok, table) for tok in objects if tok.i not in direct):
        return "figurative object"
    if _hit_explosive(trigger, table):
        return "struck by an explosive device"
    if _is_habitual(trigger, table):
        return "what has long been the case"
    if _is_tally(trigger, table):
        return "a running tally"
    return _forecast_reason(trigger, table) or _backdrop_reason(trigger, table)


def _forecast_reason(trigger: Token, table: SenseTable) -> str | None:
    """Someone's forecast of another's act, a judgement on an act not done, an open question."""
    if _in_direct_question(trigger, table):
        return "a question"
    if _said_to_be_likely(trigger, table):
        return "a forecast of an event noun"
    if _paved_way(trigger, table):
        return "a prospect"
    if lemma_of(trigger) in table.belief_verbs and any(  # "Iran expects the IAEA to visit": a governor's draft
            c.dep_ in {"ccomp", "xcomp"} and any(g.dep_ == "nsubj" for g in c.children) for c in trigger.children):
        return "someone's forecast"
    if trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ in _OBJECT_DEPS:
        trigger = trigger.head  # "predict that Ankara will lift its veto": the noun is forecast with its verb
    modal = _is_modal(trigger, table)
    node = trigger
    for _ in range(4):  # the clause chain above the act: "analysts say [Ethiopia is preparing [to seize]]"
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in node.children):
            return "an open question"
        if node.dep_ not in {"ccomp", "xcomp", "advcl", "conj"} or node.head is node:
            return None
        head = node.head
        if lemma_of(head) in table.belief_verbs and (modal or node.dep_ == "xcomp"):
            return "someone's forecast"
        if node.dep_ == "xcomp" and any(lemma_of(a) in table.judgement_adjectives
                                        for a in [head, *(c for c in head.children if c.dep_ == "acomp")]):
            return "a judgement on an act not done"  # "would be foolish to invade"
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if any(lemma_of(s) in table.observer_nouns for s in subjects):
            return "an observer's forecast"
        node = head
    return None


def _in_direct_question(trigger: Token, table: SenseTable) -> bool:
    """"Would Beijing really invade Taiwan if ...?": a sentence that ends in a question mark and opens with an
    auxiliary, or with a wh-word and holds a modal ("Why would Ankara expel him?")."""
    sent = trigger.sent
    # read once per sentence, not once per draft: a long sentence has many drafts
    cache = trigger.doc.user_data.setdefault(_QUESTION_KEY, {})
    key = (sent.start, sent.end, id(table))
    if key not in cache:
        cache[key] = _is_direct_question(sent, table)
    return cache[key]


_QUESTION_KEY = "brinkwatch.senses.direct_question"


def _is_direct_question(sent: Span, table: SenseTable) -> bool:
    last = next((t for t in reversed(sent) if t.text not in {'"', "'", "\u201d", "\u2019"}), None)
    if last is None or last.text != "?":
        return False
    words = [t for t in sent if not t.is_punct]
    if not words:
        return False
    if words[0].pos_ == "AUX" and words[0].lower_ in table.question_auxiliaries:
        return True
    return words[0].tag_ in {"WDT", "WP", "WP$", "WRB"} and any(
        t.tag_ == "MD" and t.lower_ in table.modal_auxiliaries for t in words)


def _paved_way(trigger: Token, table: SenseTable) -> bool:
    """"paved the way for the withdrawal of US troops": the way to an act is not the act."""
    if trigger.pos_ not in {"NOUN", "PROPN"} or trigger.dep_ != "pobj" or trigger.head.lower_ != "for":
        return False
    way = trigger.head.head
    return lemma_of(way) == "way" and lemma_of(way.head) in table.way_verbs or (
        lemma_of(way) in table.way_verbs and any(lemma_of(c) == "way" for c in way.children))


def _said_to_be_likely(trigger: Token, table: SenseTable) -> bool:
    """"a Russian offensive on Zaporizhzhia is likely before the winter": an event noun whose predicate says it
    may come is forecast, not reported."""
    if trigger.pos_ not in {"NOUN", "PROPN"} or trigger.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    head = trigger.head
    if any(c.dep_ == "neg" for c in head.children):
        return False  # "a blockade is not imminent": a negated act, which the modality says
    return lemma_of(head) == "be" and any(c.dep_ in {"acomp", "attr"} and lemma_of(c) in table.likelihood_adjectives
                                         for c in head.children)


def _is_modal(verb: Token, table: SenseTable) -> bool:
    """A future, possible or infinitive act ("will attack", "could blockade", "expects X to visit")."""
    verbs = [verb, *([verb.head] if verb.dep_ == "xcomp" else [])]
    return any(c.dep_ == "aux" and (c.lower_ in table.modal_auxiliaries or c.lower_ == "to")
               for v in verbs for c in v.children)


def _backdrop_reason(trigger: Token, table: SenseTable) -> str | None:
    """"since Hamas attacked Israel, ...": the act marks when something began; "Russia's invasion of Ukraine
    has reshaped European security": the event noun stands behind an abstract change."""
    if trigger.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in trigger.children):
        return "a starting point"
    if trigger.dep_ == "pcomp" and trigger.head.lower_ == "since":
        return "a starting point"
    if trigger.pos_ == "NOUN" and trigger.dep_ in {"nsubj", "nsubjpass"} and lemma_of(
            trigger.head) in table.abstract_effect_verbs:
        return "background to a change"
    if trigger.pos_ == "NOUN" and trigger.dep_ == "nsubj" and lemma_of(trigger.head) in table.trend_verbs:
        return "a statistic"  # "attacks on schools have risen sharply"
    return None


def _is_conditions_warning(draft: Draft, table: SenseTable) -> bool:
    """"Aid agencies warned that the camps would run out of water": no one warned, no act in the clause. A
    clause whose subject is the warner itself ("Turkey warned that it would strike back if ...") tells what the
    warner will do: a threat, kept."""
    trigger = draft.trigger
    clauses = [c for c in trigger.children if c.dep_ == "ccomp"]
    return (lemma_of(trigger) in table.warning_verbs and draft.embedded is None
            and not any(draft.target_groups) and bool(clauses)
            and not any(_own_act(c) or _threat_clause(c, table) for c in clauses))


def _threat_clause(clause: Token, table: SenseTable) -> bool:
    """What someone will suffer: "anyone found looting would face the full force of the law", "the rebels will
    pay a heavy price" (a threat, though the clause names no act of the warner's)."""
    if any(c.dep_ in {"dobj", "obj"} and lemma_of(c) in table.warning_consequences for c in clause.children):
        return True
    # "the authorities would act firmly against anyone seeking to ...": a future act aimed against someone
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in clause.children) and any(
        c.dep_ == "prep" and c.lower_ == "against" and any(o.dep_ == "pobj" for o in c.children)
        for c in clause.children)


_FUTURE = frozenset({"will", "would", "'ll", "shall"})


def _is_insisted_fact(draft: Draft, table: SenseTable) -> bool:
    """"China never supplied weapons to Russia, a spokesman insisted", "Pakistan insisted it had no role": to
    insist that something is the case is a statement, not a demand. Only insisting on something ("insisted on
    guarantees") or that someone do something ("insisted that Cambodia reopen the crossings") demands."""
    trigger = draft.trigger
    if lemma_of(trigger) not in table.insistence_verbs or draft.embedded is not None or trigger.pos_ != "VERB":
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"on", "upon"} for c in trigger.children):
        return False
    return not any(mandative(c, table.obligation_modals) for c in trigger.children)


def _is_blocked_plan(trigger: Token, table: SenseTable) -> bool:
    """"blocked an EU decision to send military aid", "thwarted the government's attempt to deport the
    activists": the act a blocked plan would have done did not happen."""
    plan = trigger.head
    return (trigger.dep_ in {"acl", "relcl"} and trigger.pos_ == "VERB" and lemma_of(plan) in table.blocked_plan_nouns
            and plan.dep_ in _OBJECT_DEPS and lemma_of(plan.head) in table.blocking_verbs)


def _diplomatic_purposes(drafts: list[Draft], table: SenseTable) -> set[int]:
    """"summoned the ambassador to protest the arrests": the protest is the purpose of the summons, not a
    demonstration; the diplomatic act is the event."""
    diplomatic = {d.trigger.i for d in drafts if d.code[:2] in table.diplomatic_act_roots}
    return {d.trigger.i for d in drafts
            if lemma_of(d.trigger) in table.diplomatic_purpose_verbs and d.trigger.pos_ == "VERB"
            and d.trigger.dep_ in {"xcomp", "advcl"} and d.trigger.head.i in diplomatic
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in d.trigger.children)}


def _names_a_unit(draft: Draft, table: SenseTable) -> bool:
    """"riot police", "attack helicopters", "strike force": an event noun that only modifies a noun naming a
    unit, a weapon or gear reports no riot, attack or strike."""
    trigger = draft.trigger
    return (trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ in {"compound", "amod"}
            and trigger.head.i != trigger.i and lemma_of(trigger.head) in table.unit_heads)


def _own_act(clause: Token) -> bool:
    """The clause's subject is a personal pronoun standing for the speaker ("it", "we", "they")."""
    return any(c.dep_ == "nsubj" and c.tag_ == "PRP" and c.lower_ in _SPEAKER_PRONOUNS for c in clause.children)


_SPEAKER_PRONOUNS = frozenset({"it", "we", "they", "he", "she", "i"})


def _is_tally(trigger: Token, table: SenseTable) -> bool:
    """"have attacked more than 90 ships since late 2023": a perfect, a counted object, a since-span; also said
    of an event noun by its own clause ("the fighting has displaced 12 million people since it began")."""
    if trigger.pos_ in {"NOUN", "PROPN"} and trigger.dep_ == "nsubj" and trigger.head.pos_ == "VERB":
        trigger = trigger.head
    if trigger.pos_ not in {"VERB", "AUX"} or not any(
            c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ != "VBD" for c in trigger.children):
        return False
    counted = any(c.dep_ in {"dobj", "obj"} and any(n.dep_ == "nummod" for n in c.children)
                  for c in trigger.children)
    # "have arrested 47 people since the morning" is the day's news, told in a live blog
    return counted and any((c.dep_ == "prep" and c.lower_ in table.tally_preps
                            and not any(lemma_of(o) in table.same_day_spans for o in c.children))
                           or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in table.tally_preps
                                                         for m in c.children)) for c in trigger.children)


def _is_sports_report(text: str, table: SenseTable) -> bool:
    lowered = f" {' '.join(text.lower().split())} "
    return any(f" {phrase} " in lowered or f" {phrase}," in lowered or f" {phrase}." in lowered
               for phrase in table.sport_phrases)


def _is_market_story(root: Token, table: SenseTable) -> bool:
    """"Brent crude jumped 4 percent after Houthi attacks": the main clause's doer is a market or the weather."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and (lemma_of(c) in table.figurative_subjects or
                                                      _is_sport_or_market_doer(c, table)) for c in root.children)


def political_pair(code: str, source: Actor, target: Actor | None, table: SenseTable) -> bool:
    """False for an act by a civilian, business or media actor that reaches no one, and for an act between
    firms (or a firm and an unknown name): no political event."""
    if _is_business(source, table) and (
            (target is not None and _is_business(target, table)) or code[:2] in table.forceless_business_roots):
        return False
    if target is not None or code[:2] in table.political_roots_of_civilians:
        return True
    return source.sector is None or source.sector not in table.nonpolitical_sectors


def third_place_code(code: str, inner_code: str | None, trigger: Token, source: Actor, target: Actor | None,
                     place_country: str | None, table: SenseTable) -> str | None:
    """044 for a meeting of two states in a third country ("met in Jakarta", "will meet in Almaty"), else
    None. A readiness to meet ("ready to meet US negotiators in Oman") stays an intent to meet (036)."""
    if (inner_code or code) not in table.meeting_codes or target is None or not place_country:
        return None
    if code not in table.meeting_codes and not any(
            c.dep_ == "aux" and c.lower_ in {"will", "'ll", "shall"} for c in trigger.children):
        return None
    sides = {source.country, target.country}
    if None in sides or any(len(c or "") != 3 for c in sides) or place_country in sides:
        return None
    return table.third_place_code


def _is_business(actor: Actor, table: SenseTable) -> bool:
    if actor.country is None and actor.sector is None:
        return True  # a name the coder does not know ("Korean Air")
    return actor.sector in table.business_sectors or actor.country in table.business_countries


def is_history(trigger: Token, pub_date: dt.date | None, table: SenseTable, depth: int = 0) -> bool:
    """An act its own clause dates ``history_years`` or more before the report is background, not news."""
    if pub_date is None:
        return False
    nouns_dated = [trigger] if trigger.pos_ in {"NOUN", "PROPN"} else [
        c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"]
    if any(c.dep_ in {"nummod", "compound", "amod"} and (year := _year_of(c, children=False)) is not None
           and pub_date.year - year > table.history_years for n in nouns_dated for c in n.children):
        return True  # "the 1995 accord", "Azerbaijan's 2020 offensive recaptured ..."
    if trigger.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in trigger.children):
        return is_history(trigger.head, pub_date, table, depth)  # "the conflict began in 2011 when ..."
    if trigger.dep_ == "xcomp" or (trigger.dep_ == "nsubj" and trigger.pos_ == "NOUN" and lemma_of(
            trigger.head) in table.aspect_verbs):
        # an infinitive or gerund act is dated by its governor ("in 2017 troops began building a road", "the
        # insurgency began in 2023 when the government moved to disband ..."); so is an event noun by a verb of
        # beginning ("fighting resumed in 2019")
        return is_history(trigger.head, pub_date, table, depth)
    # an event noun's participle ("the deal, signed in 2016"), which the parser may hang on the noun's
    # with-phrase ("the deal with the FARC, signed in 2016")
    nouns = [trigger] + ([o for p in trigger.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
                         if trigger.pos_ in {"NOUN", "PROPN"} else [])
    heads = [trigger] + [c for n in nouns for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    heads += [c for c in trigger.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]  # "fought a war between ..."
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in table.history_preps:
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    year = _latest_year(obj)
                    if (year is not None and pub_date.year - year > table.history_years) or _names_phrase(
                            obj, table.history_periods):
                        return True
    relative = trigger.dep_ == "relcl" and trigger.head.pos_ in {"NOUN", "PROPN"}
    # (the parser may hang "in which ..." on the governing verb as an adverbial clause)
    relative = relative or (trigger.dep_ == "advcl" and any(
        p.dep_ == "prep" and any(o.dep_ == "pobj" and o.lower_ == "which" for o in p.children)
        for p in trigger.children))
    if relative and depth < 3:
        # "In January 2022 a rise in prices triggered unrest in which 230 people were killed", "the 2017 election
        # was followed by protests in which 20 people died": the clause of the noun the act is told of dates it
        governing = clause_verb(trigger.head)
        if governing.i != trigger.i and governing.pos_ in {"VERB", "AUX"}:
            return is_history(governing, pub_date, table, depth + 1)
    return False


def _latest_year(obj: Token) -> int | None:
    """The last year a date phrase reaches: "2003", "between 1998 and 2000" (2000), "the 1950s" (1959)."""
    years = [y for y in (_year_of(t) for t in [obj, *obj.conjuncts]) if y is not None]
    years += [int(t.text[:4]) + 9 for t in [obj, *obj.conjuncts]
              if re.fullmatch(r"(19|20)\d0s", t.text) and 1900 <= int(t.text[:4]) <= 2100]
    return max(years, default=None)


def _year_of(tok: Token, children: bool = True) -> int | None:
    """The year a date phrase names: "2003", "March 2016"; "the 1990s" gives None (a span, not a date)."""
    for word in [tok, *tok.children] if children else [tok]:
        if word.like_num and len(word.text) == 4 and word.text.isdigit() and 1900 <= int(word.text) <= 2100:
            return int(word.text)
    return None


def _is_sport_or_market_doer(tok: Token, table: SenseTable) -> bool:
    lemma = lemma_of(tok)
    if lemma in table.nonpolitical_doers:
        return True
    if lemma in table.sport_bodies:  # "Pakistan's cricket board", "the Iranian football federation"
        return bool({lemma_of(c) for c in tok.children if c.dep_ in _MODIFIER_DEPS} & table.sport_names)
    if lemma not in table.team_nouns:
        return False
    modifiers = {lemma_of(c) for c in tok.children if c.dep_ in _MODIFIER_DEPS}
    return bool(modifiers & table.sport_modifiers)


def _hit_explosive(trigger: Token, table: SenseTable) -> bool:
    """"An army truck struck a landmine", "a patrol ran over a roadside bomb": the doer is what the device hit,
    not an attacker (who laid the device the sentence does not say)."""
    if lemma_of(trigger) not in table.contact_verbs:
        return False
    hit = [c for c in trigger.children if c.dep_ in _OBJECT_DEPS]
    hit += [o for p in trigger.children if p.dep_ in {"prep", "prt"} and p.lower_ in {"on", "over", "into"}
            for o in p.children if o.dep_ == "pobj"]
    # a one-word entry with a compound before it is another thing: "a gold mine", "a coal mine" are places
    return any(_names_phrase(tok, table.explosive_objects) and not (
        lemma_of(tok) in table.explosive_objects and any(c.dep_ == "compound" for c in tok.children)) for tok in hit)


def _is_figurative_object(tok: Token, table: SenseTable) -> bool:
    return _names_phrase(tok, table.figurative_objects)


def _names_phrase(tok: Token, entries: tuple[str, ...]) -> bool:
    """``tok`` heads one of ``entries``: "social media" is a head "media" with "social" among its modifiers."""
    by_head = _entries_by_head(entries)
    lemma = lemma_of(tok)
    wanted = by_head.get(lemma, ()) + (by_head.get(tok.lower_, ()) if tok.lower_ != lemma else ())
    if not wanted:
        return False  # the common case: no entry ends in this word, and its children need not be read
    if () in wanted:
        return True
    modifiers = {lemma_of(c) for c in tok.children if c.dep_ in _MODIFIER_DEPS} | {
        c.lower_ for c in tok.children if c.dep_ in _MODIFIER_DEPS}
    return any(all(m in modifiers for m in mods) for mods in wanted)


@lru_cache(maxsize=64)
def _entries_by_head(entries: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrase entries by their last word, split once (they were split for every token a draft asked about)."""
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for entry in entries:
        *mods, head = entry.split()
        out[head] = out.get(head, ()) + (tuple(mods),)
    return out


def _is_habitual(trigger: Token, table: SenseTable) -> bool:
    """"has long accused", "have always rejected", "have accused each other for decades"."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    if any(c.dep_ == "advmod" and c.lower_ in table.habitual_adverbs for c in verb.children):
        return perfect or any(c.lower_ in {"always", "traditionally", "historically"} for c in verb.children)
    if not perfect:
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for obj in prep.children:
                if obj.dep_ == "pobj" and lemma_of(obj) in table.habitual_spans and obj.tag_ == "NNS" and not any(
                        c.dep_ == "nummod" for c in obj.children):
                    return True
    return False
