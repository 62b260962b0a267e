"""Actors: the knowledge base of countries, organisations, people and sector nouns, and the resolver.

``ActorKB.load(extra_files)`` reads ``actors/data/*.yaml`` and user files (YAML or PETRARCH/TABARI ``.txt``);
``ActorResolver(kb).for_doc(doc, when)`` resolves noun phrases of a spaCy parse to CAMEO actor codes, in
stages each usable alone: ``names.find_names`` (KB names in the text) -> ``context.read_context`` (names,
defined acronyms, sentence numbers; ``story_countries`` after resolution) -> ``resolver.DocActors`` (noun
phrases, with ``peoples`` for regions and peoples) -> ``coref.MentionMemory`` (antecedents) ->
``codes.assemble_code`` (origin + sector -> CAMEO code).
This package reads no other brinkwatch module except ``model`` and ``errors``.
"""

from brinkwatch.actors.kb import ActorKB, KBMatch
from brinkwatch.actors.resolver import ActorResolver, DocActors
from brinkwatch.actors.tabari import parse_tabari, read_tabari

__all__ = ["ActorKB", "ActorResolver", "DocActors", "KBMatch", "parse_tabari", "read_tabari"]
