"""Claims on one footing: money in the story's reporting currency at its date, physical quantities in one unit per dimension.

A converted interval is the stated interval times the rate, widened by the
rate's own uncertainty (`settings.rate_band`, or a rules rate's larger band).
A claim that cannot be converted keeps `normalized=None` and says why in its
notes; the story gets one warning per missing rate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal

from factcheck import units
from factcheck.errors import RateError
from factcheck.models import Claim, ClaimKind, Conversion, Interval, Quantity, Source, Story
from factcheck.normalize.fx import FxTable, Rate

DIGITS = 6  # significant digits of a normalised value: well past any stated precision, short enough to read
PINT = "pint"


@dataclass
class Converted:
    """Claims after normalisation, and what the editor should know about it."""

    claims: list[Claim]
    warnings: list[str] = field(default_factory=list)


def normalize_claims(
    claims: Sequence[Claim],
    story: Story,
    sources: Mapping[str, Source],
    fx: FxTable,
    fallback_date: dt.date | None = None,
) -> Converted:
    """Every money claim in the story's currency, every physical quantity in its canonical unit; other kinds unchanged."""
    # Only money needs a date, and the fallback date needs the ECB data loaded (0.3 s): not for a story without money.
    has_money = any(claim.kind is ClaimKind.MONEY for claim in claims)
    dates = _reference_dates(story, sources, fallback_date or fx.latest_date()) if has_money else {}
    result = Converted([])
    missing: dict[str, list[Claim]] = {}
    for claim in claims:
        if claim.kind is ClaimKind.MONEY:
            day = dates[claim.source]
            try:
                claim = money(claim, fx.rate(claim.stated.unit, story.currency, day))
            except RateError as error:  # the claim stays, marked unconvertible; the story gets one warning
                missing.setdefault(error.message, []).append(claim)
                claim = _unconvertible(claim, error.message)
        elif claim.kind is ClaimKind.PHYSICAL:
            claim = physical(claim)
        result.claims.append(claim)
    if has_money:
        result.warnings += _undated_warnings(story, sources, fallback_date, fx.latest_date())
    result.warnings += [f"{story.id}: {why}; {len(held)} claim(s) left unconverted" for why, held in missing.items()]
    return result


def money(claim: Claim, rate: Rate) -> Claim:
    """A money claim converted at `rate`, its interval widened by the rate's band."""
    stated = claim.stated
    if rate.origin == rate.target:
        value, low, high, upper = _points(stated)
    else:
        value, low, high, upper = (None if v is None else v * rate.value for v in _points(stated))
    low, high = low * (1 - rate.band), high * (1 + rate.band)
    normalized = _quantity(value, low, high, upper, rate.target)
    conversion = Conversion(
        rate=rate.value, rate_date=rate.date, rate_source=rate.source, origin=rate.origin, target=rate.target, band=rate.band
    )
    return claim.model_copy(update={"normalized": normalized, "conversion": conversion, "notes": claim.notes + rate.notes})


def physical(claim: Claim) -> Claim:
    """A physical quantity in its dimension's canonical unit (`1.155 million tons per year` -> t/yr)."""
    unit = units.parse_unit(claim.stated.unit)
    if unit is None:
        return claim.model_copy(update={"notes": claim.notes + (f"unit {claim.stated.unit!r} not known to pint",)})
    target = units.canonical_unit(unit)
    value, low, high, upper = (_convert(v, unit, target) for v in _points(claim.stated))
    factor = units.convert(Decimal(1), unit, target)
    conversion = Conversion(rate=_round(factor), rate_source=PINT, origin=claim.stated.unit, target=target)
    return claim.model_copy(update={"normalized": _quantity(value, low, high, upper, target), "conversion": conversion})


def _points(stated: Quantity) -> tuple[Decimal, Decimal, Decimal, Decimal | None]:
    return stated.value, stated.interval.low, stated.interval.high, stated.upper


def _convert(value: Decimal | None, unit, target: str) -> Decimal | None:
    return None if value is None else units.convert(value, unit, target)


def _quantity(value: Decimal, low: Decimal, high: Decimal, upper: Decimal | None, unit: str) -> Quantity:
    # Ends are rounded outwards so the rounding never narrows what a claim allows.
    interval = Interval(low=_round(low, ROUND_FLOOR), high=_round(high, ROUND_CEILING))
    return Quantity(value=_round(value), unit=unit, interval=interval, upper=None if upper is None else _round(upper))


def _round(value: Decimal, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    if not value or not value.is_finite():
        return value
    return value.quantize(Decimal(1).scaleb(value.adjusted() - DIGITS + 1), rounding=rounding)


def _unconvertible(claim: Claim, why: str) -> Claim:
    return claim.model_copy(update={"normalized": None, "conversion": None, "notes": claim.notes + (f"unconvertible: {why}",)})


def _reference_dates(story: Story, sources: Mapping[str, Source], fallback: dt.date) -> dict[str, dt.date]:
    """Each source's reference date: its publication date, else the story's date, else the fallback."""
    return {source_id: source.published or story.reference_date or fallback for source_id, source in sources.items()}


def _undated_warnings(
    story: Story, sources: Mapping[str, Source], given: dt.date | None, latest: dt.date
) -> list[str]:
    undated = sorted(source_id for source_id, source in sources.items() if source.published is None)
    if story.reference_date is not None or given is not None or not undated:
        return []
    return [
        f"{story.id}: no date for {', '.join(undated)} (no published date, no date in story.toml, no --date): "
        f"money converted at the latest rates shipped ({latest.isoformat()})"
    ]
