"""Figures as an editor writes them: `$19.1 billion`, `¥3 trillion`, `60`, `30 years`, `+9.9 %`.

The one place where numbers are formatted for people, through babel (CLDR), so
messages, the text summary and the HTML report all read alike.
"""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_compact_decimal, format_decimal, format_scientific, get_currency_symbol

LOCALE = "en"
_COMPACT_FROM = Decimal(1_000_000)
# From here "N trillion" has more digits than Decimal's precision: babel cannot round it, nor can a reader.
_SCIENTIFIC_FROM = Decimal(10) ** 27
_COUNTABLE_UNITS = {"year", "month", "week", "day", "hour", "decade", "century"}


def amount(value: Decimal, unit: str, digits: int = 1) -> str:
    """A value in its unit: currency symbol in front when CLDR has one, the unit after otherwise."""
    number = _number(value, digits)
    if _is_currency(unit):
        symbol = get_currency_symbol(unit, locale=LOCALE)
        return f"{symbol}{number}" if symbol != unit and not symbol.isalpha() else f"{number} {unit}"
    if unit in ("count", "", "1"):
        return number
    if unit == "percent":
        return f"{number} %"
    if unit in _COUNTABLE_UNITS and value != 1:
        return f"{number} {unit}s"
    return f"{number} {unit}"


def span(low: Decimal, high: Decimal, unit: str, digits: int = 1) -> str:
    """An interval, written once when both ends read the same."""
    first, second = amount(low, unit, digits), amount(high, unit, digits)
    return first if first == second else f"{first} to {second}"


def change(observed: Decimal, expected: Decimal) -> str:
    """Relative difference of `observed` from `expected`, signed: `+9.9 %`."""
    if expected == 0:
        return "n/a"
    ratio = (observed - expected) / abs(expected) * 100
    return f"{ratio:+.1f} %"


def ratio(observed: Decimal, expected: Decimal) -> Decimal:
    """|observed - expected| / |expected| (0 when both are 0)."""
    if expected == 0:
        return Decimal(0) if observed == 0 else Decimal(1)
    return abs(observed - expected) / abs(expected)


def _number(value: Decimal, digits: int) -> str:
    if abs(value) >= _SCIENTIFIC_FROM:
        return format_scientific(value, format="0.###E0", locale=LOCALE)
    if abs(value) >= _COMPACT_FROM:
        return format_compact_decimal(value, format_type="long", locale=LOCALE, fraction_digits=digits)
    if value == value.to_integral_value():
        return format_decimal(value, locale=LOCALE)
    return format_decimal(value, format="#,##0.###", locale=LOCALE)


def _is_currency(unit: str) -> bool:
    return len(unit) == 3 and unit.isalpha() and unit.isupper()
