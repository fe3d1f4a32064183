"""spelling: one entity written two ways, across sources or inside one."""

from __future__ import annotations

from anyascii import anyascii
from pydantic import Field

from factcheck.checks import Check, CheckConfig, register
from factcheck.checks.base import StoryFacts
from factcheck.models import Entity, Finding, Role, Severity, Spelling


class SpellingConfig(CheckConfig):
    """How to treat spellings that differ only in capitals or punctuation."""

    style_only_severity: Severity = Field(
        default=Severity.INFO,
        description="Severity when spellings differ only in capitals, spaces or punctuation ('+' or 'plus').",
    )


def run(story: StoryFacts, config: SpellingConfig) -> list[Finding]:
    """One finding per entity written in more than one competing way."""
    return [
        _finding(story, entity, variants, config)
        for entity in story.entities
        if len(variants := competing(entity)) > 1
    ]


def competing(entity: Entity) -> list[Spelling]:
    """The preferred spelling and its variants; aliases listed in rules (abbreviations, other scripts) do not compete."""
    return [spelling for spelling in entity.spellings if spelling.form != "alias"]


def letters(text: str) -> str:
    """What is left of a name once capitals, spaces and punctuation are set aside."""
    folded = anyascii(text).lower().replace("+", " plus ").replace("&", " and ")
    return "".join(ch for ch in folded if ch.isalnum())


def _finding(story: StoryFacts, entity: Entity, variants: list[Spelling], config: SpellingConfig) -> Finding:
    style_only = len({letters(s.text) for s in variants}) == 1
    severity = config.severity or (config.style_only_severity if style_only else CHECK.severity)
    preferred = entity.name
    others = [s for s in variants if s.text != preferred]
    written = "; ".join(_describe(story, s) for s in sorted(variants, key=lambda s: (-s.count, s.text)))
    inside = [source for source in _sources_with_several(variants)]
    where = f" ({', '.join(story.name_of(s) for s in inside)} uses more than one)" if inside else ""
    house = "house style" if entity.authority else "most common"
    message = f"{preferred} is spelled {len(variants)} ways{where}: {written}. Preferred ({house}): {preferred}."
    cited = [story.cite_span(m.source, m.span) for s in others for m in _first_per_source(s)]
    cited += [story.cite_span(m.source, m.span) for s in variants if s.text == preferred for m in _first_per_source(s)]
    return story.finding(
        CHECK.id,
        severity,
        message,
        claims=(),
        identity=(entity.id,),
        values=sorted(s.text for s in variants),
        expected=preferred,
        observed=", ".join(s.text for s in others),
        trail=[f"“{s.text}”: {s.count}× in {', '.join(story.name_of(x) for x in s.sources)}" for s in variants]
        + [f"preferred spelling from the {'authority list (rules/entities)' if entity.authority else 'majority of mentions'}"],
        cited=cited,
        draft=any(story.source_by_id[source].role is Role.DRAFT for s in variants for source in s.sources),
    )


def _describe(story: StoryFacts, spelling: Spelling) -> str:
    sources = len(spelling.sources)
    return f"{spelling.text} ({spelling.count}× in {sources} source{'s' if sources != 1 else ''})"


def _sources_with_several(variants: list[Spelling]) -> list[str]:
    seen: dict[str, int] = {}
    for spelling in variants:
        for source in spelling.sources:
            seen[source] = seen.get(source, 0) + 1
    return sorted(source for source, count in seen.items() if count > 1)


def _first_per_source(spelling: Spelling):
    firsts = {}
    for mention in spelling.mentions:
        firsts.setdefault(mention.source, mention)
    return [firsts[source] for source in sorted(firsts)]


CHECK = register(
    Check(
        id="spelling",
        summary="One entity spelled two ways, across sources or inside one.",
        config=SpellingConfig,
        severity=Severity.WARNING,
        run=run,
    )
)
