"""Names: proper-name mentions resolved to canonical entities.

Mentions are found in every document of a story (`mentions.py`), resolved
first through the authority list (rules/entities.toml, `authority.py`), then
by clustering the remaining names across the story (`clusters.py`). Each
entity records every spelling with its sources, counts and mentions, and the
preferred one: the authority list's, else the most frequent. Each claim then
gets the entities of its sentence and paragraph, nearest first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

from factcheck.extract.sentences import Segments, segment
from factcheck.models import Claim, Document, Entity, Mention, Span, Spelling
from factcheck.normalize.authority import Authority, EntityRule, Form
from factcheck.normalize.countries import country_rules, with_country_names
from factcheck.normalize.clusters import ORGANISATION_WORDS, PLACE_WORDS, Assignment, cluster
from factcheck.normalize.folding import slug, word_key
from factcheck.normalize.mentions import Found as Located
from factcheck.normalize.mentions import find_names, vocabulary, without_descriptors

__all__ = ["EntityRule", "Names", "resolve_names"]

_QUOTES = re.compile(r"[\"“”«»„]")


@dataclass(frozen=True)
class Resolved:
    """A name mention in a source, with the entity it resolved to and how it writes it."""

    source: str
    span: Span
    paragraph: int
    text: str
    key: tuple[str, int]
    form: Form


@dataclass(frozen=True)
class Names:
    """The entities of a story and its claims with their context entities filled in."""

    entities: list[Entity]
    claims: list[Claim]


def resolve_names(documents: Sequence[Document], claims: Sequence[Claim], rules: Sequence[EntityRule]) -> Names:
    """Entities of the story's documents, and the claims with `context.entities` set."""
    authority = _authority(tuple(rule.model_dump_json() for rule in rules))
    words = vocabulary((document.text, document.source.language) for document in documents)
    found_by_source = [(document.source.id, found) for document in documents for found in find_names(document.text, authority, words)]
    by_id = {document.source.id: document for document in documents}
    located = [(by_id[source], found) for source, found in without_descriptors(found_by_source)]
    assignments = cluster(sorted({_written(found.text) for _, found in located if found.entry is None}), authority)
    segments = {document.source.id: segment(document.text) for document in documents}
    mentions = [_resolve(document, found, assignments, segments[document.source.id]) for document, found in located]
    entities, ids = _entities([m for m in mentions if m is not None], authority)
    # A claim's context entities are those of its paragraph (its sentence lies inside it): looking only there
    # keeps the work linear in a long source, where every claim once scanned every mention of the source.
    by_paragraph: dict[tuple[str, int], list[tuple[Resolved, str]]] = {}
    for mention in mentions:
        if mention is not None:
            by_paragraph.setdefault((mention.source, mention.paragraph), []).append((mention, ids[mention.key]))
    return Names(
        entities,
        [_with_entities(claim, by_paragraph.get((claim.source, claim.context.paragraph), [])) for claim in claims],
    )


@lru_cache(maxsize=4)
def _authority(rules: tuple[str, ...]) -> Authority:
    """The authority list with CLDR's countries after it (the rules first: their spelling is house style).

    Built once per rules: thousands of country names in many languages are folded for it, the same in every story.
    """
    listed = [EntityRule.model_validate_json(rule) for rule in rules]
    return Authority([*with_country_names(listed), *country_rules(listed)])


def _written(text: str) -> str:
    """A mention as a spelling: quotes out (`Central Asia + Japan” Summit`), line breaks and runs of spaces as one space."""
    return " ".join(_QUOTES.sub(" ", text).split())


def _resolve(document: Document, found: Located, assignments: dict[str, Assignment], segments: Segments) -> Resolved | None:
    span = document.span(found.start, found.end)
    paragraph = segments.paragraph(found.start)
    text = _written(found.text)
    if found.entry is not None:
        return Resolved(document.source.id, span, paragraph, text, ("a", found.entry.entity), found.entry.form_of(text))
    assigned = assignments.get(text)
    if assigned is None:
        return None
    if assigned.authority is not None:
        return Resolved(document.source.id, span, paragraph, text, ("a", assigned.authority), Form.VARIANT)
    return Resolved(document.source.id, span, paragraph, text, ("c", assigned.cluster), Form.VARIANT)


def _entities(mentions: list[Resolved], authority: Authority) -> tuple[list[Entity], dict[tuple[str, int], str]]:
    grouped: dict[tuple[str, int], list[Resolved]] = {}
    for mention in mentions:
        grouped.setdefault(mention.key, []).append(mention)
    drafts = [_entity(key, members, authority) for key, members in grouped.items()]
    drafts.sort(key=lambda pair: (-sum(s.count for s in pair[1].spellings + pair[1].demonyms), pair[1].name))
    ids: dict[tuple[str, int], str] = {}
    entities = []
    for key, entity in drafts:
        entity_id = _unique(slug(entity.name), set(ids.values()))
        ids[key] = entity_id
        entities.append(entity.model_copy(update={"id": entity_id}))
    return entities, ids


def _entity(key: tuple[str, int], members: list[Resolved], authority: Authority) -> tuple[tuple[str, int], Entity]:
    names = [m for m in members if m.form is not Form.DEMONYM]
    spellings = _spellings(names)
    demonyms = _spellings([m for m in members if m.form is Form.DEMONYM])
    if key[0] == "a":
        rule = authority.rules[key[1]]
        spellings = tuple(_mark(s, Form.PREFERRED if s.text == rule.name else s.form) for s in spellings)
        entity = Entity(id="", name=rule.name, kind=rule.kind, spellings=spellings, authority=True, demonyms=demonyms)
        return key, entity
    preferred = min(spellings, key=lambda s: (-s.count, -len(s.sources), s.text)) if spellings else None
    spellings = tuple(_mark(s, Form.PREFERRED if s is preferred else Form.VARIANT) for s in spellings)
    name = preferred.text if preferred else ""
    return key, Entity(id="", name=name, kind=_kind(name), spellings=spellings, demonyms=demonyms)


def _spellings(members: list[Resolved]) -> tuple[Spelling, ...]:
    by_text: dict[str, list[Resolved]] = {}
    for member in members:
        by_text.setdefault(member.text, []).append(member)
    return tuple(
        Spelling(
            text=text,
            count=len(found),
            sources=tuple(sorted({m.source for m in found})),
            mentions=tuple(Mention(source=m.source, span=m.span) for m in sorted(found, key=lambda m: (m.source, m.span.start))),
            form=_strongest(found).value,
        )
        for text, found in sorted(by_text.items())
    )


_RANK = {Form.PREFERRED: 0, Form.ALIAS: 1, Form.DEMONYM: 2, Form.VARIANT: 3}


def _strongest(found: list[Resolved]) -> Form:
    """The form of one written text: as listed if any of its mentions matched the list so."""
    return min((m.form for m in found), key=_RANK.__getitem__)


def _mark(spelling: Spelling, form: Form | str) -> Spelling:
    return spelling.model_copy(update={"form": Form(form).value})


def _kind(name: str) -> str:
    words = set(word_key(name))
    if ORGANISATION_WORDS & words:
        return "organisation"
    return "place" if PLACE_WORDS & words or is_country(name) else "other"


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Country names from CLDR (babel): `Kenya`, `United Kingdom`; two-letter codes only, not regions (`001`)."""
    territories = Locale.parse("en").territories
    return frozenset(name.lower() for code, name in territories.items() if code.isalpha())


def is_country(name: str) -> bool:
    """True when CLDR knows `name` as the English name of a country or territory."""
    return " ".join(name.lower().split()) in _country_names()


def _unique(candidate: str, taken: set[str]) -> str:
    number, result = 1, candidate
    while result in taken:
        number += 1
        result = f"{candidate}-{number}"
    return result


def _with_entities(claim: Claim, mentions: list[tuple[Resolved, str]]) -> Claim:
    """The claim with the entities of its sentence, then of the rest of its paragraph, nearest first."""
    sentence = claim.context.sentence
    in_sentence, in_paragraph = [], []
    for mention, entity_id in mentions:
        distance = _distance(mention.span, claim.span)
        if mention.span.start >= sentence.start and mention.span.end <= sentence.end:
            in_sentence.append((distance, entity_id))
        elif mention.paragraph == claim.context.paragraph:
            in_paragraph.append((distance, entity_id))
    sentence_ids = tuple(dict.fromkeys(entity_id for _, entity_id in sorted(in_sentence)))
    paragraph_ids = tuple(e for e in dict.fromkeys(entity_id for _, entity_id in sorted(in_paragraph)) if e not in sentence_ids)
    context = claim.context.model_copy(update={"entities": sentence_ids, "paragraph_entities": paragraph_ids})
    return claim.model_copy(update={"context": context})


def _distance(mention: Span, claim: Span) -> int:
    if mention.end <= claim.start:
        return claim.start - mention.end
    return max(0, mention.start - claim.end)
