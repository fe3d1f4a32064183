"""developing: a count that only grows (the dead, the injured, buildings destroyed) reported lower later.

The claims of one fact are ordered by their as-of; a claim whose whole interval lies below
an earlier claim's, from another day (or from a time of the same day more than
`simultaneous_hours` later), is reported once, against the highest earlier figure it falls
below. Rising figures are the story unfolding and are never reported. A series is only read
between claims sure to count one thing in one place (the same decided subject, a measure cue
right beside the figure): a province's toll below the country's is no drop. A lower count whose sentence
names a day (`109 killed on Monday`) may be that day's, not the total: information.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import Field

from factcheck import figures
from factcheck.checks import Check, CheckConfig, register
from factcheck.checks.base import Reading, StoryFacts, claim_key, explain, reading
from factcheck.checks.confidence import Ceiling, capped, ceiling, lowered_because, surely_one_series, why_compared
from factcheck.keys.as_of import has_time, moment
from factcheck.models import Fact, Finding, Severity


class DevelopingConfig(CheckConfig):
    """When two reports of a growing count are far enough apart in time to be ordered."""

    simultaneous_hours: float = Field(default=1.0, ge=0, description="Reports closer than this are not ordered.")
    revision_share: float = Field(
        default=0.02,
        ge=0,
        description="A fall of at most this share of the earlier count (or of two, if more) is information: "
        "tolls are revised down as double counts are removed, and two counters differ by a few.",
    )


def run(story: StoryFacts, config: DevelopingConfig) -> list[Finding]:
    """One finding per later report that falls below an earlier one."""
    findings = []
    for fact in story.facts:
        if not fact.cumulative:
            continue
        timed = sorted(_timed(story, fact), key=lambda pair: (pair[0], pair[1].claim.id))
        for position, (at, later) in enumerate(timed):
            earlier = [
                r
                for when, r in timed[:position]
                if _before(when, at, r, later, config) and _below(later, r) and surely_one_series([r.claim, later.claim])
            ]
            if earlier:
                highest = max(earlier, key=lambda r: r.interval.low)
                findings.append(_finding(story, fact, later, highest, config))
    return findings


def _timed(story: StoryFacts, fact: Fact) -> list[tuple[dt.datetime, Reading]]:
    pairs = []
    for claim in story.claims_of(fact):
        at = moment(claim.keys.as_of)
        if at is not None and claim.restates is None:
            pairs.append((at, reading(claim)))
    return pairs


def _before(first: dt.datetime, second: dt.datetime, a: Reading, b: Reading, config: DevelopingConfig) -> bool:
    """True when `a` (at `first`) surely reports an earlier moment than `b` (at `second`)."""
    if a.unit != b.unit:
        return False
    if first.date() < second.date():
        return True
    timed = has_time(a.claim.keys.as_of) and has_time(b.claim.keys.as_of)
    return timed and second - first > dt.timedelta(hours=config.simultaneous_hours)


def _below(later: Reading, earlier: Reading) -> bool:
    return later.interval.high < earlier.interval.low


def _revised(later: Reading, earlier: Reading, config: DevelopingConfig) -> bool:
    """True when the later count lies below the earlier one by no more than a routine revision."""
    drop = earlier.interval.low - later.interval.high
    return drop <= max(2, Decimal(str(config.revision_share)) * earlier.interval.low)


def _finding(story: StoryFacts, fact: Fact, later: Reading, earlier: Reading, config: DevelopingConfig) -> Finding:
    claims = [later.claim, earlier.claim]
    limit = ceiling(claims)
    if limit.severity is not Severity.INFO and story.names_a_day(later.claim):
        limit = Ceiling(Severity.INFO, "its sentence names a day, whose count it may give rather than the total")
    elif limit.severity is not Severity.INFO and _revised(later, earlier, config):
        limit = Ceiling(Severity.INFO, "a fall this small may be a revision, or another counter's count")
    severity = capped(config.severity or CHECK.severity, limit)
    unit = later.unit
    when = [c.keys.as_of.label or "an unknown time" for c in claims]
    message = (
        f"{story.name_of(later.claim.source)} gives {later.claim.surface} for {fact.label} as of {when[0]}, "
        f"below the {earlier.claim.surface} that {story.name_of(earlier.claim.source)} gave as of {when[1]} "
        f"({figures.change(later.quantity.value, earlier.quantity.value)}): this count cannot fall. "
        + why_compared(claims)
        + lowered_because(limit)
    )
    return story.finding(
        CHECK.id,
        severity,
        message,
        claims=claims,
        identity=[claim_key(later.claim), claim_key(earlier.claim)],
        values=sorted(f"{c.source}:{c.surface}" for c in claims),
        fact=fact.id,
        expected=f"at least {figures.amount(earlier.interval.low, unit, significant=3)}",
        observed=figures.amount(later.quantity.value, unit, significant=3),
        trail=[explain(c, story) for c in claims]
        + [f"rule: a cumulative count reported later must not lie below an earlier report ({when[1]} → {when[0]})"],
    )


CHECK = register(
    Check(
        id="developing",
        summary="A count that only grows (deaths, injured, buildings destroyed) reported lower later than before.",
        config=DevelopingConfig,
        severity=Severity.ERROR,
        run=run,
    )
)
