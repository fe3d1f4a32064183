"""Figures as an editor writes them: `$19.1 billion`, `¥3 trillion`, `€17.9 billion`, `12,500`, `4.5%`, `+9.9%`.

The one place where numbers are formatted for people: finding messages, trails,
the text summary and the HTML report all read alike. All formatting goes through
babel, so digits, grouping, currency symbols and the place of the symbol follow
the display locale. Stated values are shown exactly (they are what a source
wrote); computed values (conversions, interval ends) are rounded to a few
significant digits, since their trailing digits mean nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_EVEN, Context, Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.numbers import (
    format_compact_currency,
    format_compact_decimal,
    format_decimal,
    format_percent,
    format_scientific,
    get_currency_symbol,
    is_currency,
    parse_pattern,
)
from babel.units import UnknownUnitError, format_unit

from factcheck.models import Claim, ClaimKind, Conversion, Interval, Quantity
from factcheck.units import DURATION_UNITS, parse_unit, registry

DISPLAY_LOCALE = "en"
COMPUTED_DIGITS = 3
INTERVAL_DIGITS = 4  # ends of a range need one more digit: $108.5–109.5 million, not $108–110 million
_ALL_DIGITS = "#,##0.##########"
_COMPACT_FROM = Decimal(1_000_000)  # below a million, editors write the digits: 12,500
_SCIENTIFIC_FROM = Decimal(10) ** 27  # past "999 septillion" words stop helping
_SCIENTIFIC_BELOW = Decimal(10) ** -27  # nor does anyone count 27 zeros (babel cannot past 4,300 digits)
_NBSP = "\u00a0"


def round_significant(value: Decimal, digits: int) -> Decimal:
    """`value` rounded to `digits` significant digits (18_904_512_000 -> 18_900_000_000 for 3)."""
    if not value.is_finite() or value == 0:
        return value
    return Context(prec=digits, rounding=ROUND_HALF_EVEN).plus(value).normalize()


def number(value: Decimal, *, significant: int | None = None, locale: str = DISPLAY_LOCALE) -> str:
    """A plain number: digits with grouping below a million, words above (`3.7 billion`)."""
    shown = value if significant is None else round_significant(value, significant)
    if _scientific(shown):
        # More digits than Decimal holds (a hostile "$999…9 billion" or "$0.000…001"): babel cannot group or
        # quantize them, nor can a reader read them.
        return format_scientific(round_significant(shown, COMPUTED_DIGITS), format="0.##E0", locale=locale)
    if abs(shown) < _COMPACT_FROM:
        return format_decimal(shown, locale=locale, decimal_quantization=False)
    # Rounded (or exact) beforehand, so babel only chooses the word; a generous
    # fraction_digits keeps every digit that is left.
    return format_compact_decimal(shown, format_type="long", locale=locale, fraction_digits=6)


def money(value: Decimal, currency: str, *, significant: int | None = None, locale: str = DISPLAY_LOCALE) -> str:
    """An amount of a currency with its symbol where the locale puts it (`$19.1 billion`, `¥3 trillion`)."""
    if value < 0:
        return "-" + money(-value, currency, significant=significant, locale=locale)
    return _with_symbol(number(value, significant=significant, locale=locale), currency, locale)


@lru_cache(maxsize=65536)  # a report writes the same figures many times (tables, tooltips, messages)
def amount(
    value: Decimal, unit: str, *, significant: int | None = None, calendar: bool = False, locale: str = DISPLAY_LOCALE
) -> str:
    """A value in any unit claims use: currency codes, percent, count, pint units; `calendar` years as `2023`."""
    if calendar:
        return str(value)  # 2023, never 2,023
    if unit == "date":
        return _date(value, locale)
    if unit == "percentage_point":
        points = number(value, significant=significant, locale=locale)
        return f"{points} percentage point{'' if value == 1 else 's'}"
    if unit == "percent":
        shown = value if significant is None else round_significant(value, significant)
        if _scientific(shown):
            return number(shown, locale=locale) + "%"
        return format_percent(shown / 100, locale=locale, decimal_quantization=False)
    if unit == "count":
        return number(value, significant=significant, locale=locale)
    if _is_currency(unit):
        return money(value, unit, significant=significant, locale=locale)
    return measure(value, unit, significant=significant, locale=locale)


def measure(value: Decimal, unit: str, *, significant: int | None = None, locale: str = DISPLAY_LOCALE) -> str:
    """A physical measure: `500 MW`, `30 years`, `1.2 million t/a` (durations in words, others as symbols)."""
    shown = value if significant is None else round_significant(value, significant)
    if unit in DURATION_UNITS and abs(shown) < _COMPACT_FROM:  # in words, without building the pint registry
        named = _cldr_unit(shown, unit, "long", locale)
        if named:
            return named
    parsed = parse_unit(unit)
    if parsed is None:
        return f"{number(shown, locale=locale)}{_NBSP}{unit}"
    words = parsed.dimensionality == registry().year.dimensionality
    named = _cldr_unit(shown, str(parsed), "long" if words else "short", locale) if abs(shown) < _COMPACT_FROM else None
    return named or f"{number(shown, locale=locale)}{_NBSP}{parsed:~P}"


def _cldr_unit(value: Decimal, name: str, length: str, locale: str) -> str | None:
    """`value` with the locale's name for pint unit `name` (`500 MW`, `30 years`), or None when CLDR has none."""
    try:
        return format_unit(value, name, length=length, format=_ALL_DIGITS, locale=locale)
    except UnknownUnitError:
        return None  # CLDR names no unit like t/a or km²: the caller writes pint's symbol instead


def quantity(value: Quantity, *, kind: ClaimKind | None = None, computed: bool = False) -> str:
    """A quantity's value (a range's two ends): exact when stated, rounded when `computed` (a conversion)."""
    significant = COMPUTED_DIGITS if computed else None
    calendar = is_calendar(value.unit, kind)
    low = amount(value.value, value.unit, significant=significant, calendar=calendar)
    if value.upper is None:
        return low
    return _join_range(low, amount(value.upper, value.unit, significant=significant, calendar=calendar))


def is_calendar(unit: str, kind: ClaimKind | None) -> bool:
    """True for years of the calendar (2023), false for durations that are counted in years (30 years)."""
    return unit == "year" and kind is not ClaimKind.DURATION


def interval(span: Interval, unit: str, *, kind: ClaimKind | None = None, significant: int = INTERVAL_DIGITS) -> str:
    """An interval as `$18.9–19.6 billion`, or one value when both ends round alike."""
    if unit == "date":
        return _date_range(span.low, span.high)
    calendar = is_calendar(unit, kind)
    low = amount(span.low, unit, significant=significant, calendar=calendar)
    high = amount(span.high, unit, significant=significant, calendar=calendar)
    if low == high:
        return low
    return _join_range(low, high)


def conversion(used: Conversion, *, locale: str = DISPLAY_LOCALE) -> str:
    """How a value was converted: `1 JPY = 0.006385 USD (ECB, 19 December 2025, ±1%)`."""
    shown = round_significant(used.rate, 4)
    if _scientific(shown):  # a rate crossed through rules rates can pass Decimal's 28 digits
        rate = number(shown, locale=locale)
    else:
        rate = format_decimal(shown, locale=locale, decimal_quantization=False)
    details = [used.rate_source]
    if used.rate_date is not None:
        details.append(format_date(used.rate_date, format="medium", locale=locale))
    if used.band:
        details.append("±" + format_percent(used.band, locale=locale, decimal_quantization=False))
    return f"1 {used.origin} = {rate} {used.target} ({', '.join(details)})"


def axis_label(value: Decimal, unit: str, *, calendar: bool = False, locale: str = DISPLAY_LOCALE) -> str:
    """A short label for a chart tick (`$15B`, `2.5M`, `2020`)."""
    if calendar:
        return str(round_significant(value, 6).quantize(Decimal(1)))
    if unit == "date":  # chart axes count days: `value` is a day ordinal
        if not 1 <= value <= dt.date.max.toordinal():
            return str(value)  # not a day: the chart drew the raw numbers
        return format_skeleton("yMMMd", dt.date.fromordinal(int(value)), locale=locale)
    if unit == "percent":
        return amount(value, unit, significant=COMPUTED_DIGITS, locale=locale)
    shown = round_significant(value, COMPUTED_DIGITS)
    if _scientific(shown):
        return amount(shown, unit, locale=locale)
    if _is_currency(unit):
        return format_compact_currency(shown, unit, locale=locale, fraction_digits=2)
    if unit == "count":
        return format_compact_decimal(shown, locale=locale, fraction_digits=2)
    return measure(shown, unit, locale=locale)


def single_day(claim: Claim) -> dt.date | None:
    """The one day a date claim names (not a month, not a range, not a restatement of another date)."""
    if claim.role == "range" or claim.restates is not None:
        return None
    interval = claim.stated.interval
    return day(interval.low) if interval.low == interval.high else None


def day(value: Decimal) -> dt.date | None:
    """The day a YYYYMMDD number (20251220) stands for, or None if it is not a real day."""
    try:
        return dt.datetime.strptime(f"{value:08f}"[:8], "%Y%m%d").date()
    except ValueError:
        return None  # not a day (a malformed value): callers then show the number as it is


def _date(value: Decimal, locale: str) -> str:
    found = day(value)
    return format_date(found, format="long", locale=locale) if found else str(value)


def _date_range(low: Decimal, high: Decimal, locale: str = DISPLAY_LOCALE) -> str:
    """`December 2025` for a whole month, `2025` for a whole year, else `Nov 28 – Dec 3, 2025`."""
    start, end = day(low), day(high)
    if start is None or end is None:
        return f"{low}–{high}"
    if start == end:
        return format_date(start, format="long", locale=locale)
    last_of_month = (end + dt.timedelta(days=1)).day == 1
    if start.day == 1 and last_of_month and (start.year, start.month) == (end.year, end.month):
        return format_skeleton("yMMMM", start, locale=locale)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return format_interval(start, end, "yMMMd", locale=locale)


def change(observed: Decimal, expected: Decimal, *, locale: str = DISPLAY_LOCALE) -> str:
    """Relative difference of `observed` from `expected`, signed: `+9.9%`."""
    if expected == 0:
        return "n/a"
    share = (observed - expected) / abs(expected)
    if not share.is_finite() or abs(share) >= _SCIENTIFIC_FROM / 100:
        # babel cannot round a ratio this large to one decimal; the size is what matters.
        sign = "-" if share < 0 else "+"
        return sign + number(abs(share) * 100, significant=COMPUTED_DIGITS, locale=locale) + "%"
    return format_percent(share, format="+#,##0.0%;-#,##0.0%", locale=locale)


def ratio(observed: Decimal, expected: Decimal) -> Decimal:
    """|observed - expected| / |expected| (0 when both are 0): how far off a figure is."""
    if expected == 0:
        return Decimal(0) if observed == 0 else Decimal(1)
    return abs(observed - expected) / abs(expected)


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = ""
    for word in text.split():
        longer = f"{cut} {word}".strip()
        if len(longer) > limit - 1:  # room for the ellipsis
            break
        cut = longer
    return (cut or text[: limit - 1]).rstrip(" ,:;.-–—") + "…"


def _scientific(value: Decimal) -> bool:
    """True for a value to write as `1E-5001`: not finite, or too large or too small for words and digits."""
    return not value.is_finite() or abs(value) >= _SCIENTIFIC_FROM or (value != 0 and abs(value) < _SCIENTIFIC_BELOW)


def _is_currency(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper() and is_currency(unit)


def _with_symbol(digits: str, currency: str, locale: str) -> str:
    """Put the currency symbol where the locale's currency pattern puts it."""
    prefix, suffix = _affixes(currency, locale)
    return prefix + digits + suffix


@lru_cache(maxsize=1024)
def _affixes(currency: str, locale: str) -> tuple[str, str]:
    """What goes before and after the digits of an amount of `currency` (`$`, ``; ``, ` €`)."""
    pattern = parse_pattern(Locale.parse(locale).currency_formats["standard"].pattern)
    prefix, suffix = pattern.prefix[0], pattern.suffix[0]
    symbol = get_currency_symbol(currency, locale=locale)
    if symbol[-1:].isalpha() and prefix.endswith("¤"):
        prefix += _NBSP  # a code as symbol reads "KZT 5 billion", not "KZT5 billion"
    return prefix.replace("¤", symbol), suffix.replace("¤", symbol)


def _join_range(low: str, high: str) -> str:
    """`$18.9 billion` + `$19.6 billion` -> `$18.9–19.6 billion`: say the symbol and the word once."""
    prefix = _shared_edge(low, high, from_end=False)
    suffix = _shared_edge(low, high, from_end=True)
    worded = any(space in low + high for space in (" ", _NBSP))
    if worded and not suffix.strip():
        return f"{low} – {high}"  # different words ("million" and "billion"): write both in full
    return f"{low[: len(low) - len(suffix)]}–{high[len(prefix):]}"


def _shared_edge(low: str, high: str, *, from_end: bool) -> str:
    """The longest run of non-digit characters both strings start (or end) with."""
    shared = []
    pairs = zip(reversed(low), reversed(high)) if from_end else zip(low, high)
    for a, b in pairs:
        if a != b or a.isdigit() or a in "-−":
            break
        shared.append(a)
    text = "".join(reversed(shared)) if from_end else "".join(shared)
    if from_end and text and not text[0].isspace():
        return ""  # only share whole words ("billion"), never the tail of a number
    return text
