"""Durations: `five years`, `over the next five years`, `every two years`, `30 years`, `two decades`, `five-year`.

The unit is a pint time unit (`year`, `month`, `week`, `day`, `hour`, `minute`); decades and centuries are
read as 10 and 100 years and quarters as 3 months, so `two decades` is 20 years stated to 10 years. The
role says how the span is used: `next` (over the next five years), `past` (the last three years), `every`,
`for`, `ago`, `age` (a 30-year-old), `within`. Other languages' unit words after the number are read too
(`25 tahun`, `de 37 años`, `30 Jahren`, `3 meses`), without a role. Hours and minutes written together
(`1 h 30 min`, `2 hours and 15 minutes`) are one span in minutes.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.extract.candidates import Candidate
from factcheck.extract.context import lemma
from factcheck.extract.numeral import Number, times
from factcheck.models import ClaimKind
from factcheck.scripts import caseless

_UNIT = re.compile(
    r"(?P<hyphen>[ ]?-[ ]?|[ ])(?P<unit>years?|decades?|centur(?:y|ies)|months?|quarters?|weeks?|days?|hours?|minutes?)\b"
    r"(?P<old>[ -]old\b)?",
    re.IGNORECASE,
)
_FACTORS = {"decade": ("year", 10), "century": ("year", 100), "centurie": ("year", 100), "quarter": ("month", 3)}
# The same units in the other languages of the news, after the number (`25 tahun`, `de 37 años`, `30 Jahren`):
# spaced scripts only (`25年` is as often the year 25 of an era as a span).
_OTHER_WORDS = {
    "year": "años año anni anno ans années année jahre jahren jahr anos ano лет года год yıl yıldır yıllık tahun jaar jaren lat "
            "lata roku سنة سنوات عاما عامًا عاماً năm साल वर्ष",
    "month": "meses mes mesi mese mois monate monaten monat месяцев месяца месяц ay aydır bulan maanden maand miesięcy "
             "miesiące أشهر شهرا tháng महीने",
    "week": "semanas semana settimane settimana semaines semaine wochen woche недель недели неделю hafta minggu weken "
            "tygodni أسابيع tuần हफ्ते",
    "day": "días día giorni giorno jours jour tage tagen tag dias dia дней дня день gün hari dagen dag dni dzień أيام يوما "
           "ngày दिन",
    "hour": "horas hora ore ora heures heure stunden stunde часов часа час saat jam uur godzin godziny ساعات ساعة giờ घंटे",
}
_OTHER_WRITTEN = [(word, unit) for unit, words in _OTHER_WORDS.items() for word in words.split()]
_OTHER_UNITS = {caseless(word): unit for word, unit in _OTHER_WRITTEN}  # keyed as the case-blind pattern matches
_OTHER = re.compile(
    r"[ ](?P<unit>" + "|".join(sorted({re.escape(word) for word, _ in _OTHER_WRITTEN}, key=len, reverse=True))
    + r")(?![\w\u0900-\u097f])",
    re.IGNORECASE,
)
_ROLE_BEFORE = re.compile(
    r"\b(?P<role>(?:the|its|their|his|her)[ ](?:next|coming|following|past|last|first|previous|latest)|every|each|for|within|in|over|during)[ ]"
    r"(?:(?:more[ ]than|over|about|nearly|almost|some|around|approximately)[ ])?$",
    re.IGNORECASE,
)
_AGO = re.compile(r"[ ]ago\b", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"(?:-long)?[ ](?P<noun>[a-z][a-z-]+)")
_ROLES = {"next": "next", "coming": "next", "following": "next", "past": "past", "last": "past", "previous": "past",
          "latest": "past", "first": "first", "every": "every", "each": "every", "for": "for", "within": "within",
          "in": "within", "over": "for", "during": "for"}  # fmt: skip


def find_durations(text: str, numbers: list[Number]) -> list[Candidate]:
    """Every number followed by a time unit, as a span of time in a pint time unit."""
    found = []
    for number in numbers:
        if (both := _hours_and_minutes(text, number)) is not None:
            found.append(both)
            continue
        if number.suffix:
            continue
        unit = _UNIT.match(text, number.end)
        if unit is not None and not (unit.group("hyphen").strip() and not unit.group("unit").islower()):
            found.append(_candidate(text, number, unit))
        elif (other := _OTHER.match(text, number.end)) is not None and not _year_of_a_date(number, other):
            found.append(_other_candidate(number, other))
    return found


# The case forms of "year" that follow a year of the calendar as often as a count of years (`w 2023 roku`, `2023
# года`, `2023 год`): after a whole number that is a plausible year, they name that year, not 2,023 years.
_YEAR_OF_DATE_WORDS = frozenset({"roku", "года", "год"})
_CALENDAR_YEARS = (1000, 2100)


def _year_of_a_date(number: Number, unit: re.Match[str]) -> bool:
    """True when a number and the year word after it are a year of the calendar, not a span (see above)."""
    value = number.value
    return (
        caseless(unit.group("unit")) in _YEAR_OF_DATE_WORDS
        and number.high is None
        and value == value.to_integral_value()
        and _CALENDAR_YEARS[0] <= value <= _CALENDAR_YEARS[1]
    )


# Hours, then minutes: `1 h 30 min`, `1h 30min`, `2 hours and 15 minutes` (not `1h30`, a French time of day).
# Seconds after them (`2 h 00 min 35 sec`, a race time) would fall outside a span stated to the minute: not joined.
_HOURS_MINUTES = re.compile(
    r"(?:[ ]?h|[ ]?hrs?|[ ]hours?)[ ](?:and[ ])?(?P<minutes>\d{1,2})[ ]?(?:min(?:ute)?s?)\b"
    r"(?![ ](?:and[ ]|et[ ])?\d{1,2}[ ]?(?:s|secs?|seconds?)\b)",
    re.IGNORECASE,
)


def hours_then_minutes(text: str, number: Number) -> bool:
    """True when hours and then minutes follow `number` (`1h 30min`): its `h` is no code's letter."""
    return _hours_and_minutes(text, number) is not None


def _hours_and_minutes(text: str, number: Number) -> Candidate | None:
    """A span of hours and minutes after a whole number of hours, in minutes, or None."""
    if number.suffix not in ("", "h", "hr", "hrs") or number.high is not None or not number.plain_integer:
        return None
    match = _HOURS_MINUTES.match(text, number.end)
    if match is None or int(match.group("minutes")) >= 60:
        return None
    value = number.value * 60 + int(match.group("minutes"))
    note = f"'{text[number.start : match.end()]}' read as {value} minutes"
    return Candidate(ClaimKind.DURATION, number.start, match.end(), value, "minute", Decimal(1), notes=(note,))


def _other_candidate(number: Number, unit: re.Match[str]) -> Candidate:
    """A span of time in another language's words: its unit, no role (the words before it are English's)."""
    name = _OTHER_UNITS[caseless(unit.group("unit"))]
    high = number.high
    return Candidate(
        kind=ClaimKind.DURATION,
        start=number.start,
        end=unit.end(),
        value=number.value,
        unit=name,
        precision=number.precision,
        high=high.value if high else None,
        high_precision=high.precision if high else None,
        role="range" if high else None,
        noun=None,
        notes=number.notes,
    )


def _candidate(text: str, number: Number, unit: re.Match[str]) -> Candidate:
    word = unit.group("unit").lower().removesuffix("s")
    name, factor = _FACTORS.get(word, (word, 1))
    factor = Decimal(factor)
    adjective = "-" in unit.group("hyphen") and not unit.group("old")
    noun = _NOUN_AFTER.match(text, unit.end()) if adjective else None
    high = number.high
    return Candidate(
        kind=ClaimKind.DURATION,
        start=number.start,
        end=unit.end(),
        value=times(number.value, factor),
        unit=name,
        precision=times(number.precision, factor),
        high=times(high.value, factor) if high else None,
        high_precision=times(high.precision, factor) if high else None,
        role="range" if high else _role(text, number, unit),
        noun=lemma(noun.group("noun")) if noun else None,
        notes=number.notes,
    )


def _role(text: str, number: Number, unit: re.Match[str]) -> str | None:
    if unit.group("old"):
        return "age"
    if _AGO.match(text, unit.end()):
        return "ago"
    before = _ROLE_BEFORE.search(text, max(0, number.start - 40), number.start)
    if before is None:
        return None
    return _ROLES.get(before.group("role").split()[-1].lower())
