"""conversion: an in-text conversion that the rate of the day does not support.

`3 trillion yen (€17.9 billion)`: the bracketed figure restates the first in
another currency. Both are on the reporting currency already, each at its own
rate, so the expected bracketed value is the first figure's normalised value
divided by the bracketed currency's rate.

Where no rate is known (the ECB publishes none for the dirham or the Taiwan dollar and the
rules list none), the story's own conversions of one pair of currencies are held against each
other: `140 thousand dirhams (12,900 euros)` and `120 billion dirhams (around 11 million euros)`
imply rates a thousand times apart, and rates do not move like that within one story. A
conversion whose implied rate is `implied_factor` times or more off the others' is reported: an
error when two or more others agree, a warning when it is one against one.

A source that converts one pair of currencies three times or more has a rate of its own: `300억달러(39조6800억원)`,
`700억달러(92조6000억원)`, `320억달러(42조3300억원)` all use 1,323 won a dollar. A fourth at 1,297 (`80억달러(10조3800억원)`)
is a slip of the writer's, however close the rate of the day lets it come, when the rounding of its own last digit
cannot explain it: a warning against the source's own rate.

Three or more conversions of one source at one rate that the day's misses by less than `error_above`
(`€331 million (£285 million)`, `€8 million (£6.88 million)`, `€9.25 million (£7.95 million)`, all at 0.86) are
the source's rate of another day, not a slip: information.

A figure its sentence dates to an earlier year, or converts "at the rate of the time" (`当時のレートで`,
`au taux de l'époque`), was converted at a rate the day's cannot check: its gap is information.

Temperatures convert with an offset, and a difference without it: `0.4 degrees Celsius (0.72 degrees
Fahrenheit)` is a rise, and either reading that fits is accepted.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import Field

from factcheck import figures, units
from factcheck.checks import Check, CheckConfig, register
from factcheck.checks.base import StoryFacts, claim_key, explain
from factcheck.keys.as_of import earlier_year
from factcheck.models import Claim, Finding, Interval, Severity


class ConversionConfig(CheckConfig):
    """How far a conversion may stray from the rate of the day."""

    tolerance: Decimal = Field(
        default=Decimal("0.02"), ge=0, description="Allowed for a rate taken a few days off the reference date."
    )
    error_above: Decimal = Field(default=Decimal("0.05"), ge=0, description="Deviation that makes an error.")
    implied_factor: Decimal = Field(
        default=Decimal(3), gt=1, description="Without a known rate: how far apart two conversions' implied rates may be."
    )
    retrospective_days: int = Field(
        default=60,
        ge=0,
        description="A source published this many days or more after the story's date (an anniversary piece) may "
        "convert at the rate of the event's time: its gap is information.",
    )
    own_rate_slack: Decimal = Field(
        default=Decimal("0.005"),
        ge=0,
        description="Beyond its rounding, how far a conversion's rate may be from the rate its source's others share.",
    )


def expected_value(original: Claim, restated: Claim) -> Decimal | None:
    """What the restated figure should be, in its own currency, at the rate of the day (None if unknown)."""
    if original.normalized is None:
        return None
    if _temperature(original) and _temperature(restated):
        return units.convert(original.stated.value, original.stated.unit, restated.stated.unit)
    if restated.stated.unit == original.normalized.unit:
        return original.normalized.value
    if restated.conversion is None or restated.conversion.rate == 0:
        return None
    return original.normalized.value / restated.conversion.rate


def run(story: StoryFacts, config: ConversionConfig) -> list[Finding]:
    """A finding for every bracketed conversion whose interval misses the expected value."""
    findings = []
    unpriced: dict[tuple[str, str], list[tuple[Claim, Claim, Decimal]]] = {}
    own: dict[tuple[str, tuple[str, str]], list[tuple[Claim, Claim]]] = {}
    restatements = []
    for restated in story.claims:
        original = story.claim_by_id.get(restated.restates or "")
        if original is None or original.stated.unit == restated.stated.unit:
            continue
        past = _past_rate(story, original, restated, config)
        if past is None and not _temperature(original):
            own.setdefault((restated.source, implied_rate(original, restated)[0]), []).append((original, restated))
        restatements.append((original, restated, past))
    for original, restated, past in restatements:
        expected = expected_value(original, restated)
        if expected is None:
            pair, rate = implied_rate(original, restated)
            if rate is not None:
                unpriced.setdefault(pair, []).append((original, restated, rate))
        elif not _allows(restated.stated.interval, expected, config.tolerance):
            if not _a_difference(original, restated, config):
                house = own.get((restated.source, implied_rate(original, restated)[0]), [])
                past = past or _house_rate(house, (original, restated), expected, config)
                findings.append(_finding(story, original, restated, expected, config, past))
    for pair, conversions in sorted(unpriced.items()):
        findings.extend(_implied_outliers(story, pair, conversions, config))
    reported = {claim.claim for finding in findings for claim in finding.claims[:1]}
    for (_, pair), conversions in sorted(own.items()):
        findings.extend(_own_rate_outliers(story, pair, conversions, config, reported))
    return findings


def _rate_range(original: Claim, restated: Claim) -> Interval | None:
    """The rate (units of the restated currency per the original's) the writer can have used: the bracketed
    figure is the product, rounded to its last digit; the figure it converts is taken as written."""
    value, precision = restated.stated.value, restated.stated.precision
    if original.stated.value <= 0 or value <= 0 or precision is None:
        return None
    half = precision / 2
    return Interval(low=(value - half) / original.stated.value, high=(value + half) / original.stated.value)


HOUSE_RATE_CONVERSIONS = 3  # distinct conversions of one source at one rate: a rate chosen, not a slip


def _house_rate(
    conversions: list[tuple[Claim, Claim]], conversion: tuple[Claim, Claim], expected: Decimal, config: ConversionConfig
) -> str | None:
    """Why a conversion a little off the day's rate is no slip: two other conversions of its source, of the pair in
    the same direction, use its rate (the source's own, of another day: `€331 million (£285 million)`, `€8 million
    (£6.88 million)`, `€9.25 million (£7.95 million)` all at 0.86). A slip hits one figure, not three."""
    original, restated = conversion
    mine = _rate_range(original, restated)
    if mine is None or figures.ratio(restated.stated.value, expected) >= config.error_above:
        return None
    slack = (mine.low + mine.high) / 2 * config.own_rate_slack
    sharing = {
        (other.surface, converted.surface)
        for other, converted in conversions
        if other.stated.unit == original.stated.unit
        and (found := _rate_range(other, converted)) is not None
        and found.low <= mine.high + slack
        and mine.low <= found.high + slack
    }
    if len(sharing) < HOUSE_RATE_CONVERSIONS:
        return None
    return f"{len(sharing)} of its conversions of the pair use this rate, its own of another day, not a slip"


def _own_rate_outliers(
    story: StoryFacts,
    pair: tuple[str, str],
    conversions: list[tuple[Claim, Claim]],
    config: ConversionConfig,
    reported: set[str],
) -> list[Finding]:
    """Conversions of one source that miss the rate all its other conversions of the pair share (see the module);
    none already `reported` (claim ids) against the rate of the day."""
    ranges = [(original, restated, found) for original, restated in conversions if (found := _rate_range(original, restated))]
    if len(ranges) < 3:
        return []
    findings = []
    for index, (original, restated, found) in enumerate(ranges):
        others = [other for position, other in enumerate(ranges) if position != index]
        low, high = max(o[2].low for o in others), min(o[2].high for o in others)
        if low > high:
            continue  # the others share no rate: no rate of the source's own to hold this one against
        slack = (low + high) / 2 * config.own_rate_slack
        if found.high < low - slack or found.low > high + slack:
            if restated.id not in reported:
                findings.append(_own_rate_finding(story, pair, (original, restated), others, (low + high) / 2, config))
    return findings


def _own_rate_finding(
    story: StoryFacts,
    pair: tuple[str, str],
    conversion: tuple[Claim, Claim],
    others: list,
    shared: Decimal,
    config: ConversionConfig,
) -> Finding:
    original, restated = conversion
    rate = restated.stated.value / original.stated.value
    expected = original.stated.value * shared
    ordered = (original.stated.unit, restated.stated.unit)
    message = (
        f"{story.name_of(restated.source)} converts {original.surface} to {restated.surface}, a rate of "
        f"{_per(rate, ordered)}; its {len(others)} other conversions of the pair all use {_per(shared, ordered)}, "
        f"which gives {figures.amount(expected, restated.stated.unit, significant=3)} "
        f"({figures.change(restated.stated.value, expected)})."
    )
    claims = [restated, original] + [claim for other in others[:3] for claim in (other[1], other[0])]
    return story.finding(
        CHECK.id,
        config.severity or Severity.WARNING,
        message,
        claims=claims,
        identity=("own rate", claim_key(restated)),
        values=(original.surface, restated.surface),
        fact=story.fact_of(restated.id),
        expected=figures.amount(expected, restated.stated.unit, significant=3),
        observed=restated.surface,
        trail=[explain(original, story), explain(restated, story)]
        + [f"{o.surface} ({r.surface}): {_per(r.stated.value / o.stated.value, ordered)}" for o, r, _ in others]
        + [f"a rate its last digit cannot explain, {config.own_rate_slack * 100:.1f}% beyond the source's own"],
    )


# Words that date a conversion's rate to the figure's own time: `当時のレートで`, `(당시 환율로`, `at the then
# exchange rate`, `au taux de l'époque`, `al cambio de entonces`, `zum damaligen Kurs`, `по тогдашнему курсу`.
_THEN_RATE = re.compile(
    r"当時|当时|當時|당시|\bat the time\b|\b(?:the )?then[- ](?:current|prevailing|exchange)|de l['’]époque|"
    r"à l['’]époque|de entonces|en aquel momento|da época|na época|dell['’]epoca|damalig|тогдашн|на тот момент|"
    r"o zamanki|saat itu",
    re.IGNORECASE,
)


def _past_rate(story: StoryFacts, original: Claim, restated: Claim, config: ConversionConfig) -> str | None:
    """Why the rate of the day cannot check a conversion: its sentence dates the figure or the rate to another
    time, or its source looks back on the story from months later (`US$ 250 mil (cerca de R$ 1,2 milhão)` a year on
    is what was charged then, at the rate of then)."""
    year = earlier_year(original.keys.as_of) or earlier_year(restated.keys.as_of)
    if year is not None:
        return f"the sentence dates the figure to {year}, when the rate was another"
    if _THEN_RATE.search(original.context.sentence.text):
        return "the sentence converts at the rate of the time, not of the story's day"
    published, day = story.source_by_id[restated.source].published, story.story.reference_date
    if published is not None and day is not None and (published - day).days >= config.retrospective_days:
        days = (published - day).days
        return f"the source was published {days} days after the story's date, and may convert at the rate of its time"
    return None


def _temperature(claim: Claim) -> bool:
    return units.dimension_of(claim.stated.unit) == "[temperature]"


def _a_difference(original: Claim, restated: Claim, config: ConversionConfig) -> bool:
    """True for a temperature difference converted as one: `0.4 degrees Celsius (0.72 degrees Fahrenheit)` warmer.

    A difference scales without the offset: 1 °C more is 1.8 °F more, not 33.8 °F.
    """
    if not (_temperature(original) and _temperature(restated)):
        return False
    unit, target = original.stated.unit, restated.stated.unit
    scale = units.convert(Decimal(1), unit, target) - units.convert(Decimal(0), unit, target)
    return _allows(restated.stated.interval, original.stated.value * scale, config.tolerance)


def implied_rate(original: Claim, restated: Claim) -> tuple[tuple[str, str], Decimal | None]:
    """The pair of currencies (in name order) and the rate the conversion implies: units of the second per the first."""
    pair = tuple(sorted((original.stated.unit, restated.stated.unit)))
    amounts = {original.stated.unit: original.stated.value, restated.stated.unit: restated.stated.value}
    if amounts[pair[0]] <= 0 or amounts[pair[1]] <= 0:
        return pair, None
    return pair, amounts[pair[1]] / amounts[pair[0]]


def _implied_outliers(
    story: StoryFacts, pair: tuple[str, str], conversions: list[tuple[Claim, Claim, Decimal]], config: ConversionConfig
) -> list[Finding]:
    """Conversions whose implied rate is `implied_factor` or more off the middle rate of the story's others."""
    if len(conversions) < 2:
        return []
    rates = sorted(rate for _, _, rate in conversions)
    middle = rates[(len(rates) - 1) // 2]  # the lower middle: of two, the first, reported once
    findings = []
    for index, (original, restated, rate) in enumerate(conversions):
        others = [other for position, other in enumerate(conversions) if position != index]
        reference = others[0][2] if len(others) == 1 else middle
        factor = max(rate, reference) / min(rate, reference)
        if factor >= config.implied_factor and (len(others) > 1 or rate != middle):
            findings.append(_implied_finding(story, pair, (original, restated, rate), others, reference, factor, config))
    return findings


def _implied_finding(
    story: StoryFacts,
    pair: tuple[str, str],
    conversion: tuple[Claim, Claim, Decimal],
    others: list[tuple[Claim, Claim, Decimal]],
    middle: Decimal,
    factor: Decimal,
    config: ConversionConfig,
) -> Finding:
    original, restated, rate = conversion
    alone = len(others) == 1
    severity = config.severity or (Severity.WARNING if alone else CHECK.severity)
    shown, usual = _per(rate, pair), _per(middle, pair)
    whose = f"{story.name_of(others[0][0].source)}'s {others[0][0].surface} ({others[0][1].surface})" if alone else (
        f"{len(others)} other conversions in the story")
    message = (
        f"{story.name_of(restated.source)} converts {original.surface} to {restated.surface}, a rate of {shown}; "
        f"{whose} imply {usual}: {factor:.0f} times apart. No rate of the day is known for {pair[0]}/{pair[1]}"
        + (", so either may be the wrong one." if alone else ".")
    )
    claims = [restated, original] + [claim for other in others[:3] for claim in (other[1], other[0])]
    return story.finding(
        CHECK.id,
        severity,
        message,
        claims=claims,
        identity=("implied", claim_key(restated)),
        values=(original.surface, restated.surface),
        fact=story.fact_of(restated.id),
        expected=f"about {usual}",
        observed=shown,
        trail=[explain(original, story), explain(restated, story)]
        + [f"{o.surface} ({r.surface}): {_per(x, pair)}" for o, r, x in others]
        + [f"implied rates {config.implied_factor}× or more apart are not a market's movement within one story"],
    )


def _per(rate: Decimal, pair: tuple[str, str]) -> str:
    """`30.5 TWD per USD`: the rate the way round that is one or more."""
    if rate < 1:
        rate, pair = 1 / rate, (pair[1], pair[0])
    return f"{figures.amount(rate, '', significant=3).strip()} {pair[1]} per {pair[0]}"


def _allows(interval: Interval, expected: Decimal, tolerance: Decimal) -> bool:
    slack = abs(expected) * tolerance
    return interval.low - slack <= expected <= interval.high + slack


def _finding(
    story: StoryFacts, original: Claim, restated: Claim, expected: Decimal, config: ConversionConfig, past: str | None
) -> Finding:
    unit = restated.stated.unit
    deviation = figures.ratio(restated.stated.value, expected)
    severity = config.severity or (Severity.ERROR if deviation >= config.error_above else Severity.WARNING)
    if past is not None:
        severity = Severity.INFO
    # The claim already in the reporting currency has an identity "conversion"; the rate is the other one's.
    rate = next((c.conversion for c in (original, restated) if c.conversion and c.conversion.origin != c.conversion.target), None)
    when = f"the {rate.rate_source} rate of {rate.rate_date:%d %b %Y}" if rate and rate.rate_date else "the rate of the day"
    message = (
        f"{story.name_of(restated.source)} converts {original.surface} to {restated.surface}; at {when} "
        f"that is {figures.amount(expected, unit, significant=3)} ({figures.change(restated.stated.value, expected)})."
        + (f" Not an error: {past}." if past else "")
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
