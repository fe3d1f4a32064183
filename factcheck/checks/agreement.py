"""agreement: claims of one fact whose intervals do not overlap after normalisation.

Figures of a developing measure (a death toll) are compared only within one as-of day, and
within it only when their times show they speak of one moment: otherwise they are read as
successive updates (the `developing` check orders them across days). Severity follows how sure
alignment is that the claims are one fact (confidence.py); figures of a change of no named quantity
(growth, decline: `an increase of 7 %` of vehicles sold, `2%` of sales) are information at most.

The claims that share the most common ground (the point most intervals cover)
are the consensus; every claim that does not reach it is an outlier, reported
once. Rounding and qualifiers are already in the intervals, so `$20 billion`
against `3 trillion yen` is not an error. A figure that restates another in
brackets is the conversion check's business and is left out here.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from factcheck import figures
from factcheck.checks import Check, CheckConfig, register
from factcheck.checks.base import Reading, StoryFacts, claim_key, explain, reading
from factcheck.checks.confidence import (
    Ceiling,
    as_of_day,
    capped,
    ceiling,
    lowered_because,
    same_instant,
    why_compared,
)
from factcheck.keys.age import AGE
from factcheck.keys.as_of import named_period
from factcheck.models import ClaimKind, Fact, Finding, Interval, Severity

BIRTHDAY_DAYS = 7  # a person's age given this many days apart may have grown by a birthday


class AgreementConfig(CheckConfig):
    """When disagreeing figures are an error rather than a warning."""

    error_above: Decimal = Field(
        default=Decimal("0.05"), ge=0, description="Relative difference from the consensus that makes an error."
    )
    kinds: list[ClaimKind] = Field(
        default=[ClaimKind.MONEY, ClaimKind.COUNT, ClaimKind.PERCENT, ClaimKind.PHYSICAL, ClaimKind.DURATION]
    )
    simultaneous_hours: float = Field(
        default=1.0, ge=0, description="Figures of a developing measure this close in time speak of one moment."
    )
    guessed_apart: Decimal = Field(
        default=Decimal(2),
        gt=1,
        description="Figures this many times apart that their claims keep to a warning (a guessed key, two subjects) "
        "are information: more likely two quantities (Disney's 36.84 % stake, Paramount's 13 %) than one misreported.",
    )


def run(story: StoryFacts, config: AgreementConfig) -> list[Finding]:
    """One finding per outlier claim (or per fact when two claims disagree with no majority)."""
    findings = []
    for fact in story.facts:
        if fact.kind not in config.kinds:
            continue
        groups = _comparable(story, fact)
        for unit_readings in groups.values():
            findings.extend(_disagreements(story, fact, unit_readings, config))
        if fact.settles:
            findings.extend(_after_settling(story, fact, groups, config))
    return findings


def _comparable(story: StoryFacts, fact: Fact) -> dict[tuple, list[Reading]]:
    """The readings that may be compared: one unit, and for a developing measure one as-of day.

    A figure its sentence dates to an earlier year (`In 2019, India had 91.20 crore voters`) or to a
    quarter (`484,507 in the fourth quarter`) is compared only with figures of that period, whatever the
    measure.
    """
    groups: dict[tuple, list[Reading]] = {}
    for claim in story.claims_of(fact):
        if claim.restates is None:
            found = reading(claim)
            window = as_of_day(claim) if fact.develops else None
            groups.setdefault((found.unit, window, named_period(claim.keys.as_of)), []).append(found)
    return groups


SETTLED_SOURCES = 2  # sources, and days, that gave one value before it counts as settled
SETTLED_DAYS = 2


def _after_settling(story: StoryFacts, fact: Fact, groups: dict[tuple, list[Reading]], config: AgreementConfig) -> list[Finding]:
    """A figure of a measure that settles, given alone on a later day and off the value every source had agreed on
    over earlier days: Faye's 54.25 % on 2 April, after five sources gave 54.28 % from 27 to 29 March. A new value
    another source gives too is a revision (a final count), not a misreport."""
    series: dict[tuple, dict] = {}
    for (unit, window, period), readings in groups.items():
        if window is not None:
            series.setdefault((unit, period), {})[window] = readings
    findings = []
    for days in series.values():
        ordered = sorted(days)
        for position, day in enumerate(ordered):
            if len({r.claim.source for r in days[day]}) > 1 or not _one_value(days[day]):
                continue  # a day with figures of two sources is compared within itself; two figures of one, unread
            settled = _settled([r for earlier in ordered[:position] for r in days[earlier]])
            if settled is None:
                continue
            later = [r for d in ordered[position:] for r in days[d]]
            off = [r for r in days[day] if not r.interval.overlaps(settled[1])]
            revised = any(o.claim.source != r.claim.source and o.interval.overlaps(r.interval) for r in off for o in later)
            if off and not revised:
                findings.append(_late(story, fact, off, *settled, config))
    return findings


def _one_value(readings: list[Reading]) -> bool:
    """True when the readings all share one point: a source giving two values of one fact (`49.52 per cent …
    44.88 per cent`) has read two candidates' shares as one's, or gives two times."""
    return len(consensus(readings)[0]) == len(readings)


def _settled(readings: list[Reading]) -> tuple[list[Reading], Interval] | None:
    """The consensus of `readings` when all of them agree and come from two sources or more over two days or more."""
    if not readings:
        return None
    members, shared = consensus(readings)
    if len(members) < len(readings) or len({r.claim.source for r in members}) < SETTLED_SOURCES:
        return None
    return (members, shared) if len({as_of_day(r.claim) for r in members}) >= SETTLED_DAYS else None


def _late(
    story: StoryFacts, fact: Fact, group: list[Reading], members: list[Reading], shared: Interval, config: AgreementConfig
) -> Finding:
    """The claims of one source giving one figure on a later day, against the value the others had settled on."""
    outlier = group[0]
    unit = outlier.unit
    middle = (shared.low + shared.high) / 2
    days = sorted({day for r in members if (day := as_of_day(r.claim))})
    sources = len({r.claim.source for r in members})
    message = (
        f"{story.name_of(outlier.claim.source)} says {outlier.claim.surface} for {fact.label}; "
        f"{sources} other sources had put it at {_against(middle, outlier.quantity.value, unit)} from "
        f"{days[0]:%d %b} to {days[-1]:%d %b %Y} ({figures.change(outlier.quantity.value, middle)})."
    )
    return _finding(story, fact, group, members, message, outlier.quantity.value, middle, config,
                    expected=figures.interval(shared, unit), settled=True)


def consensus(readings: list[Reading]) -> tuple[list[Reading], Interval]:
    """The largest set of readings sharing one point, and the interval they all share.

    Ties go to the set covering more sources, then to the lower region, so the
    answer does not depend on the order of the input.
    """
    best: tuple | None = None
    for candidate in sorted({r.interval.low for r in readings}):
        members = [r for r in readings if r.interval.low <= candidate <= r.interval.high]
        key = (len(members), len({r.claim.source for r in members}))
        if best is None or key > best[0]:
            best = (key, members)
    members = best[1]
    shared = Interval(low=max(r.interval.low for r in members), high=min(r.interval.high for r in members))
    return members, shared


def _disagreements(story: StoryFacts, fact: Fact, readings: list[Reading], config: AgreementConfig) -> list[Finding]:
    if len(readings) < 2:
        return []
    members, shared = consensus(readings)
    outliers = [r for r in readings if not r.interval.overlaps(shared)]
    if not outliers:
        return []
    if len(members) == 1:
        return [_split(story, fact, readings, config)]
    # One source giving one wrong figure twice ("de 35 años" … "de 35") is one error: one finding cites both.
    repeated: dict[tuple[str, Decimal], list[Reading]] = {}
    for outlier in outliers:
        repeated.setdefault((outlier.claim.source, outlier.quantity.value), []).append(outlier)
    return [_outlier(story, fact, group, members, shared, config) for group in repeated.values()]


def _outlier(
    story: StoryFacts, fact: Fact, group: list[Reading], members: list[Reading], shared: Interval, config: AgreementConfig
) -> Finding:
    """The claims of one source giving one figure, against the consensus of the others."""
    outlier = group[0]
    unit = outlier.unit
    middle = (shared.low + shared.high) / 2
    others = {r.claim.source for r in members} - {outlier.claim.source}
    said = outlier.claim.surface
    if outlier.claim.normalized and outlier.claim.stated.unit != unit:
        said += f" ({figures.amount(outlier.quantity.value, unit, significant=3)})"
    if len(group) > 1:
        said += f" ({len(group)} times)"
    who = f"{len(others)} other source{'s' if len(others) != 1 else ''}" if others else "its other mentions"
    message = (
        f"{story.name_of(outlier.claim.source)} says {said} for {fact.label}; "
        f"{who} put it at {_against(middle, outlier.quantity.value, unit)} ({figures.change(outlier.quantity.value, middle)})."
    )
    return _finding(story, fact, group, members, message, outlier.quantity.value, middle, config,
                    expected=figures.interval(shared, unit))


SHOWN_DIGITS, MOST_DIGITS = 3, 6


def _against(reference: Decimal, observed: Decimal, unit: str) -> str:
    """`reference` to three significant digits, or to as many as the figure it is held against was given with (up to
    six): against a source's 54.25 %, the others' 54.28 % is shown 54.28 %, not 54.3 %."""
    digits = next(
        (d for d in range(SHOWN_DIGITS, MOST_DIGITS + 1) if figures.round_significant(observed, d) == observed), MOST_DIGITS
    )
    return figures.amount(reference, unit, significant=digits)


def _split(story: StoryFacts, fact: Fact, readings: list[Reading], config: AgreementConfig) -> Finding:
    """Claims that disagree with no majority for any of them."""
    stated = "; ".join(f"{story.name_of(r.claim.source)} says {r.claim.surface}" for r in readings)
    values = [r.quantity.value for r in readings]
    message = f"Sources disagree on {fact.label}: {stated}."
    return _finding(story, fact, readings, [], message, max(values), min(values), config, expected=None)


def _finding(
    story: StoryFacts,
    fact: Fact,
    outliers: list[Reading],
    members: list[Reading],
    message: str,
    observed: Decimal,
    reference: Decimal,
    config: AgreementConfig,
    expected: str | None,
    settled: bool = False,
) -> Finding:
    """The finding, its severity from how far `observed` is from `reference`; `settled` when the reference is the value
    the sources had agreed on before (a warning at most: a final count may still be revised)."""
    gap = figures.ratio(observed, reference)
    claims = [r.claim for r in outliers] + [r.claim for r in members if r not in outliers]
    limit = _ceiling(fact, claims, config, settled)
    if limit.severity is Severity.WARNING and limit.reason and _far_apart(observed, reference, config.guessed_apart):
        limit = Ceiling(Severity.INFO, f"{limit.reason}, and the figures are {config.guessed_apart} or more times apart")
    severity = capped(config.severity or (Severity.ERROR if gap >= config.error_above else Severity.WARNING), limit)
    unit = outliers[0].unit
    note = f" {why_compared(claims)}" + lowered_because(limit)
    return story.finding(
        CHECK.id,
        severity,
        message + note,
        claims=claims,
        identity=sorted(claim_key(r.claim) for r in outliers),
        values=sorted(f"{c.source}:{c.surface}" for c in claims),
        fact=fact.id,
        expected=expected,
        observed=", ".join(figures.amount(r.quantity.value, unit, significant=3) for r in outliers),
        trail=[explain(c, story) for c in claims]
        + [
            f"rule: the intervals must overlap; difference {figures.change(observed, reference)}, "
            f"an error from {config.error_above * 100:.0f}%"
        ],
    )


def _ceiling(fact: Fact, claims: list, config: AgreementConfig, settled: bool = False) -> Ceiling:
    if fact.measure == AGE and _birthday_between(claims):
        return Ceiling(Severity.INFO, "ages a year apart, given more than a week apart: a birthday may fall between")
    if fact.measure != AGE and _truncated(claims):  # an age is cut off already: 24 years and 11 months is 24
        return Ceiling(Severity.INFO, "the figures agree if the shorter one was cut off rather than rounded")
    limit = ceiling(claims)
    if fact.generic and limit.severity is not Severity.INFO:
        return Ceiling(
            Severity.INFO, "the figures say how much something changed, not what: they may be changes of two things"
        )
    if settled and limit.severity is Severity.ERROR:
        return Ceiling(Severity.WARNING, "it was given after the others had agreed, and a final count may be revised")
    if settled:
        return limit
    if fact.develops and limit.severity is not Severity.INFO and not same_instant(claims, config.simultaneous_hours):
        return Ceiling(Severity.INFO, "a developing count given at different times of one day may be successive updates")
    return limit


def _far_apart(observed: Decimal, reference: Decimal, factor: Decimal) -> bool:
    """True when one figure is `factor` times the other or more (figures of one sign only), unless the two differ by
    a power of ten: `$4.2 million` for `$4.2 billion` is the classic misreport, whatever the keys."""
    low, high = sorted((abs(observed), abs(reference)))
    if observed * reference <= 0 or high < low * factor:
        return False
    exponent = (high / low).log10()
    return abs(exponent - exponent.to_integral_value()) > _POWER_OF_TEN_SLACK


_POWER_OF_TEN_SLACK = Decimal("0.005")  # log10 of a ratio within 1.2 % of a power of ten: the same digits


def _birthday_between(claims: list) -> bool:
    """True when the ages differ by one year at most and the days they were true are over a week apart."""
    ages = [(claim.normalized or claim.stated).value for claim in claims]
    days = [day for claim in claims if (day := as_of_day(claim))]
    return max(ages) - min(ages) <= 1 and len(days) > 1 and (max(days) - min(days)).days > BIRTHDAY_DAYS


def _truncated(claims: list) -> bool:
    """True when the figures meet once each may be cut off after its last digit: 126.05 written for 126.058.

    Only figures stated in one unit: a conversion's own uncertainty is already in its interval.
    """
    if len({claim.stated.unit for claim in claims}) != 1 or any(claim.stated.precision is None for claim in claims):
        return False
    if all(claim.kind is ClaimKind.COUNT and claim.stated.precision <= 1 for claim in claims):
        return False  # whole counts written to the unit (228, 229 dead) are never cut off: they are two counts
    lows = [claim.stated.interval.low for claim in claims]
    highs = [max(claim.stated.interval.high, claim.stated.value + claim.stated.precision) for claim in claims]
    return max(lows) <= min(highs)


CHECK = register(
    Check(
        id="agreement",
        summary="Claims of one fact whose intervals do not overlap after normalisation.",
        config=AgreementConfig,
        severity=Severity.ERROR,
        run=run,
    )
)
