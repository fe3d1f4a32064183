"""conversion: an in-text conversion that the rate of the day does not support.

`3 trillion yen (€17.9 billion)`: the bracketed figure restates the first in
another currency. Both are on the reporting currency already, each at its own
rate, so the expected bracketed value is the first figure's normalised value
divided by the bracketed currency's rate.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from factcheck import figures
from factcheck.checks import Check, CheckConfig, register
from factcheck.checks.base import StoryFacts, claim_key, explain
from factcheck.models import Claim, Finding, Interval, Severity


class ConversionConfig(CheckConfig):
    """How far a conversion may stray from the rate of the day."""

    tolerance: Decimal = Field(
        default=Decimal("0.02"), ge=0, description="Allowed for a rate taken a few days off the reference date."
    )
    error_above: Decimal = Field(default=Decimal("0.05"), ge=0, description="Deviation that makes an error.")


def expected_value(original: Claim, restated: Claim) -> Decimal | None:
    """What the restated figure should be, in its own currency, at the rate of the day (None if unknown)."""
    if original.normalized is None:
        return None
    if restated.stated.unit == original.normalized.unit:
        return original.normalized.value
    if restated.conversion is None or restated.conversion.rate == 0:
        return None
    return original.normalized.value / restated.conversion.rate


def run(story: StoryFacts, config: ConversionConfig) -> list[Finding]:
    """A finding for every bracketed conversion whose interval misses the expected value."""
    findings = []
    for restated in story.claims:
        original = story.claim_by_id.get(restated.restates or "")
        if original is None or original.stated.unit == restated.stated.unit:
            continue
        expected = expected_value(original, restated)
        if expected is not None and not _allows(restated.stated.interval, expected, config.tolerance):
            findings.append(_finding(story, original, restated, expected, config))
    return findings


def _allows(interval: Interval, expected: Decimal, tolerance: Decimal) -> bool:
    slack = abs(expected) * tolerance
    return interval.low - slack <= expected <= interval.high + slack


def _finding(story: StoryFacts, original: Claim, restated: Claim, expected: Decimal, config: ConversionConfig) -> Finding:
    unit = restated.stated.unit
    deviation = figures.ratio(restated.stated.value, expected)
    severity = config.severity or (Severity.ERROR if deviation >= config.error_above else Severity.WARNING)
    # The claim already in the reporting currency has an identity "conversion"; the rate is the other one's.
    rate = next((c.conversion for c in (original, restated) if c.conversion and c.conversion.origin != c.conversion.target), None)
    when = f"the {rate.rate_source} rate of {rate.rate_date:%d %b %Y}" if rate and rate.rate_date else "the rate of the day"
    message = (
        f"{story.name_of(restated.source)} converts {original.surface} to {restated.surface}; at {when} "
        f"that is {figures.amount(expected, unit, significant=3)} ({figures.change(restated.stated.value, expected)})."
    )
    return story.finding(
        CHECK.id,
        severity,
        message,
        claims=[restated, original],
        identity=(claim_key(restated),),
        values=(original.surface, restated.surface),
        fact=story.fact_of(restated.id),
        expected=figures.amount(expected, unit, significant=3),
        observed=restated.surface,
        trail=[
            explain(original, story),
            explain(restated, story),
            f"expected {original.surface} = {figures.amount(expected, unit, significant=4)}; stated {restated.surface} "
            f"({figures.change(restated.stated.value, expected)}); tolerance ±{config.tolerance * 100:.0f}%, "
            f"error at {config.error_above * 100:.0f}% or more",
        ],
    )


CHECK = register(
    Check(
        id="conversion",
        summary="An in-text conversion that the rate of the day does not support.",
        config=ConversionConfig,
        severity=Severity.ERROR,
        run=run,
    )
)
