"""Build a StoryFacts from a compact case description (tests/cases/checks/*.toml).

A case lists sources, claims (grouped into facts by a `fact` key) and entities, in
as few keys as a reader needs; everything else gets a sensible default. A claim's keys
default to ones alignment is sure of (measure "figure", no subject, no scope, the story's
date); `measure = ""` makes the measure unknown, and `*_confidence`, `subject`, `scope` and
`as_of` (and `as_of_rule`) set the rest; `event = true` makes the subject the story's event (a date of the day a quake struck). `develops` / `cumulative` / `generic` / `settles` on any claim of a fact mark the fact so. `languages` maps
a source to its language (default English), `titles` to its title. `texts` gives a source's text; the titles
written in it (offices next to names) are read with the shipped `rules/offices.toml`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from factcheck.checks.base import StoryFacts
from factcheck.cleaning import clean
from factcheck.config import load_rules
from factcheck.keys.subject import EVENT
from factcheck.normalize.titles import read_titles
from factcheck.models import (
    Claim,
    ClaimKind,
    Context,
    Conversion,
    Document,
    Entity,
    Fact,
    Interval,
    Key,
    Keys,
    Mention,
    Quantity,
    Role,
    Source,
    Span,
    Spelling,
    Story,
)

STORY = Story(id="story", name="Test story", reference_date=dt.date(2025, 12, 20))


def story_from_case(case: dict) -> StoryFacts:
    """The StoryFacts a case describes."""
    texts = case.get("texts", {})
    names = sorted(
        {c["source"] for c in case.get("claim", [])} | set(case.get("sources", [])) | _entity_sources(case) | set(texts)
    )
    published = {name: dt.date.fromisoformat(day) for name, day in case.get("published", {}).items()}
    sources = tuple(
        _source(name, case.get("drafts", []), case.get("languages", {}), case.get("titles", {}), published.get(name))
        .model_copy(update={"text": texts.get(name, "")})
        for name in names
    )
    claims = _claims(case.get("claim", []))
    facts = _facts(case.get("claim", []), claims)
    entities = tuple(_entity(e) for e in case.get("entity", []))
    story = STORY.model_copy(update={"currency": case["currency"]}) if "currency" in case else STORY
    offices = _offices()
    documents = [_document(source) for source in sources if source.text]
    return StoryFacts(
        story=story, sources=sources, claims=tuple(claims), facts=tuple(facts), entities=entities,
        titles=read_titles(documents, offices), office_vocabulary=offices,
    )


@lru_cache(maxsize=1)
def _offices():
    return load_rules().office_vocabulary


def _document(source: Source) -> Document:
    cleaned, offsets = clean(source.text)
    return Document(source=source, original=source.text, text=cleaned, offsets=offsets)


def _entity_sources(case: dict) -> set[str]:
    return {s for e in case.get("entity", []) for spelling in e["spellings"] for s in spelling["sources"]}


def _source(
    name: str, drafts: list[str], languages: dict[str, str], titles: dict[str, str], published: dt.date | None = None
) -> Source:
    role = Role.DRAFT if name in drafts else Role.SOURCE
    return Source(
        id=name, story=STORY.id, path=f"{name}.txt", title=titles.get(name, f"Title of {name}"),
        outlet=f"Article {name.upper()}", role=role, language=languages.get(name, "en"), published=published,
    )


def _span(start: int, text: str) -> Span:
    return Span(start=start, end=start + len(text), text=text, line=1, column=start + 1)


def _claims(rows: list[dict]) -> list[Claim]:
    claims: list[Claim] = []
    sentence_starts: dict[tuple[str, str], int] = {}
    for position, row in enumerate(rows):
        sentence_text = row.get("sentence", row["surface"])
        # Claims quoting the same sentence of a source sit in one sentence, at their place in it.
        key = (row["source"], sentence_text)
        sentence_start = sentence_starts.setdefault(key, row.get("sentence_start", 1000 + position * 300) + row.get("offset", 0))
        start = sentence_start + max(0, sentence_text.find(row["surface"]))
        restates = next((c.id for c in claims if c.source == row["source"] and c.surface == row.get("restates")), None)
        claims.append(
            Claim(
                id=f"{row['source']}@{start}",
                source=row["source"],
                kind=ClaimKind(row.get("kind", "money")),
                span=_span(start, row["surface"]),
                stated=_quantity(row, ""),
                qualifier=row.get("qualifier"),
                role=row.get("role"),
                normalized=_quantity(row, "normalized_") if "normalized_value" in row else None,
                conversion=_conversion(row) if "rate" in row else None,
                restates=restates,
                notes=tuple(row.get("notes", [])),
                context=Context(
                    sentence=_span(sentence_start, sentence_text),
                    paragraph=row.get("paragraph", 0),
                    words=tuple(row.get("words", [])),
                ),
                keys=_keys(row),
            )
        )
    return claims


def _keys(row: dict) -> Keys:
    measure = row.get("measure", "figure")
    return Keys(
        measure=Key(value=measure or None, label=measure.title() or None, confidence=row.get("measure_confidence", 0.9 if measure else 0.0)),
        subject=EVENT if row.get("event") else Key(value=row.get("subject"), label=row.get("subject", "the story as a whole"), confidence=row.get("subject_confidence", 0.8)),
        scope=Key(value=row.get("scope"), label=row.get("scope"), confidence=row.get("scope_confidence", 0.8)),
        as_of=Key(value=row.get("as_of", "2025-12-20") or None, label=row.get("as_of", "20 Dec 2025") or None,
                  rule=row.get("as_of_rule", "not decided"), confidence=row.get("as_of_confidence", 0.75)),
    )


def _quantity(row: dict, prefix: str) -> Quantity:
    value = Decimal(str(row[f"{prefix}value"]))
    low = Decimal(str(row.get(f"{prefix}low", value)))
    high = Decimal(str(row.get(f"{prefix}high", value)))
    precision = Decimal(str(row[f"{prefix}precision"])) if f"{prefix}precision" in row else None
    return Quantity(value=value, unit=row.get(f"{prefix}unit", "USD"), interval=Interval(low=low, high=high), precision=precision)


def _conversion(row: dict) -> Conversion:
    return Conversion(
        rate=Decimal(str(row["rate"])),
        rate_date=dt.date(2025, 12, 19),
        rate_source="ECB",
        origin=row.get("unit", "USD"),
        target=row.get("normalized_unit", "USD"),
        band=Decimal("0.01"),
    )


def _facts(rows: list[dict], claims: list[Claim]) -> list[Fact]:
    groups: dict[str, list[Claim]] = {}
    marks: dict[str, dict[str, bool]] = {}
    for row, claim in zip(rows, claims):
        key = row.get("fact", claim.id)
        groups.setdefault(key, []).append(claim)
        mark = marks.setdefault(key, {"develops": False, "cumulative": False, "generic": False, "settles": False})
        mark.update({name: True for name in mark if row.get(name)})
        if row.get("measure"):
            mark["measure"] = row["measure"]
    return [
        Fact(id=f"fact-{key}", story=STORY.id, label=key, kind=members[0].kind, claims=tuple(c.id for c in members), **marks[key])
        for key, members in groups.items()
    ]


def _entity(row: dict) -> Entity:
    spellings = []
    for number, spelling in enumerate(row["spellings"]):
        mentions = tuple(
            Mention(source=source, span=_span(1000 + number * 50 + i, spelling["text"]))
            for i, source in enumerate(spelling["sources"])
        )
        spellings.append(
            Spelling(
                text=spelling["text"],
                count=spelling.get("count", len(spelling["sources"])),
                sources=tuple(spelling["sources"]),
                mentions=mentions,
                form=spelling.get("form", "preferred" if spelling["text"] == row["name"] else "variant"),
            )
        )
    return Entity(
        id=row.get("id", row["name"].lower()),
        name=row["name"],
        kind=row.get("kind", "person"),
        spellings=tuple(spellings),
        authority=row.get("authority", False),
    )
