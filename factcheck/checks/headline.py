"""headline: a source's headline gives a figure its own body contradicts.

A claim is in the headline when its sentence is the source's title (front matter `title`,
else its first line, which the body usually repeats). It is reported when its interval meets
none of the body's claims of the same fact: `décrochant 62 médailles` above a body that counts
64. Rounding and qualifiers are in the intervals (`toll passed 250` above 284 is consistent); a body
figure its sentence dates to an earlier year (`Bei Olympia in Tokio … 37 Medaillen`) is not compared.
Only figures of one known measure are compared: what an unknown figure in a headline or its body is, nobody
can say.
"""

from __future__ import annotations

from factcheck import figures
from factcheck.checks import Check, CheckConfig, register
from factcheck.checks.base import StoryFacts, claim_key, explain, reading
from factcheck.keys import SURE
from factcheck.keys.as_of import named_period
from factcheck.models import Claim, Fact, Finding, Severity, Source


class HeadlineConfig(CheckConfig):
    """The headline check has only the options every check takes."""


def run(story: StoryFacts, config: HeadlineConfig) -> list[Finding]:
    """One finding per headline figure that no figure of its own body's fact allows, nor any other the body gives
    of its measure: a body that repeats the headline's toll and recalls the first count (`an initial assessment of
    27`) agrees with its headline, in whichever facts alignment put the two."""
    bodies: dict[str, list[Claim]] = {}
    for claim in story.claims:
        if not in_headline(claim, story.source_by_id[claim.source]):
            bodies.setdefault(claim.source, []).append(claim)
    findings = []
    for fact in story.facts:
        for source_id in sorted({claim.source for claim in story.claims_of(fact)}):
            source = story.source_by_id[source_id]
            claims = [claim for claim in story.claims_of(fact) if claim.source == source_id and claim.restates is None]
            heads = [claim for claim in claims if in_headline(claim, source)]
            body = [claim for claim in claims if not in_headline(claim, source)]
            whole_body = bodies.get(source_id, [])
            findings.extend(
                _finding(story, fact, head, body, config) for head in heads if _contradicted(head, body, whole_body)
            )
    return findings


def in_headline(claim: Claim, source: Source) -> bool:
    """True when the claim's sentence is (part of) the source's title."""
    sentence = " ".join(claim.context.sentence.text.split())
    return claim.context.paragraph == 0 and bool(sentence) and sentence in " ".join(source.title.split())


def _contradicted(head: Claim, body: list[Claim], whole_body: list[Claim]) -> bool:
    """True when the headline's fact has figures in the body and no figure of the whole body allows the headline's."""
    if head.keys.measure.value is None or not _comparable(head, body):
        return False
    return not any(reading(claim).interval.overlaps(reading(head).interval) for claim in _comparable(head, whole_body))


def _comparable(head: Claim, body: list[Claim]) -> list[Claim]:
    """The body's figures of the headline's measure, scope, unit and year: `37 Medaillen` at Tokyo is not Paris's 33,
    and a figure of no known measure (`20 orang terjebak` beside `4 Orang Tewas`) is nobody's toll."""
    period = named_period(head.keys.as_of)
    return [
        c for c in body
        if c.keys.measure.value == head.keys.measure.value
        and c.keys.scope.value == head.keys.scope.value  # `won by 3 million votes` is no count of votes
        and reading(c).unit == reading(head).unit
        and named_period(c.keys.as_of) == period
    ]


def _finding(story: StoryFacts, fact: Fact, head: Claim, body: list[Claim], config: HeadlineConfig) -> Finding:
    value = reading(head).quantity.value
    nearest = min(_comparable(head, body), key=lambda claim: abs(reading(claim).quantity.value - value))
    sure = head.keys.measure.confidence >= SURE["measure"] and nearest.keys.measure.confidence >= SURE["measure"]
    severity = config.severity or (CHECK.severity if sure else Severity.WARNING)
    unit = reading(head).unit
    message = (
        f"{story.name_of(head.source)}'s headline says {head.surface} for {fact.label}; its own text says "
        f"{nearest.surface} ({figures.change(reading(head).quantity.value, reading(nearest).quantity.value)})."
    )
    return story.finding(
        CHECK.id,
        severity,
        message,
        claims=[head, nearest],
        identity=(claim_key(head),),
        values=(head.surface, nearest.surface),
        fact=fact.id,
        expected=figures.interval(reading(nearest).interval, unit),
        observed=head.surface,
        trail=[explain(head, story), explain(nearest, story), "rule: the headline's interval must meet one of the body's"],
    )


CHECK = register(
    Check(
        id="headline",
        summary="A source's headline gives a figure its own body contradicts.",
        config=HeadlineConfig,
        severity=Severity.ERROR,
        run=run,
    )
)
