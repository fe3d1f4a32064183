"""Dates and years: `December 20, 2025`, `20 December 2025`, `December 20`, `May 2026`, `2025-12-20`,
years with their role (`since 2006`, `in 1992`, `established in 1992`), decades (`the early 1990s`) and
ranges (`1993–2023`, `2012–13`, `from 1993 to 2023`).

A date is kind `date` with unit `date`: its value and interval are days written as YYYYMMDD numbers
(20251220), the interval covering every day it names (20260501–20260531 for `May 2026`). A year is kind `year` with unit `year`:
value and interval are calendar years (`1990s` -> [1990, 1999]). A date without a year takes the year of
the reference date (the source's publication date, else the story's), noted, with a lower confidence.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal

from factcheck.extract.candidates import Candidate
from factcheck.extract.codes import MONTHS
from factcheck.extract.counts import counted_noun
from factcheck.extract.numbers import Number
from factcheck.models import ClaimKind, Interval

_MONTH_NUMBERS = {name.lower(): index % 12 + 1 for index, name in enumerate(MONTHS[:12])}
_MONTH_NUMBERS.update({name.lower(): list(calendar.month_abbr).index(name[:3]) for name in MONTHS[12:]})
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1\d{3}|20\d{2}|2100)"
# Dates are found from their month name (a plain alternation the regex engine scans fast) or, for ISO dates,
# from a digit; the full pattern is then matched from the day before the month, or from the month itself.
_MONTH_HIT = re.compile(rf"(?:{_MONTH})\b")
_DAY_BEFORE = re.compile(r"(?<![\w.,-])[0-3]?\d(?:st|nd|rd|th)?(?:[ ]?[-–][ ]?[0-3]?\d(?:st|nd|rd|th)?)?[ ](?:of[ ])?$")
_DATE = re.compile(
    rf"(?P<month>{_MONTH})\.?[ ]{_DAY.format('day')}(?:[ ]?[-–][ ]?{_DAY.format('day2')})?\b(?:,?[ ]{_YEAR}\b)?"
    rf"|{_DAY.format('dday')}(?:[ ]?[-–][ ]?{_DAY.format('dday2')})?[ ](?:of[ ])?(?P<dmonth>{_MONTH})\b\.?"
    rf"(?:,?[ ](?P<dyear>1\d{{3}}|20\d{{2}}|2100)\b)?"
    rf"|(?P<mmonth>{_MONTH})\.?,?[ ](?P<myear>1\d{{3}}|20\d{{2}}|2100)\b"
)
_ISO = re.compile(r"(?P<iso>(?:1\d{3}|20\d{2})-[01]\d-[0-3]\d)\b(?![-\d])")
_ROLE_BEFORE = re.compile(
    r"\b(?:(?P<established>established|founded|set[ ]up|created|formed|incorporated)[ ](?:\w+[ ]){0,3}?in"
    r"|(?P<word>since|in|from|until|till|by|before|after|during|through|as[ ]of|back[ ]to|on|to))[ ]"
    r"(?:the[ ])?(?:(?:early|mid|late|end[ ]of|beginning[ ]of|start[ ]of)[- ]?)?$",
    re.IGNORECASE,
)
_ROLES = {"till": "until", "through": "until", "during": "in", "back to": "since", "on": "on", "to": "until"}
_DECADE_PART = re.compile(r"\b(?P<part>early|mid|late)[- ]?$", re.IGNORECASE)


def find_dates(text: str, reference: dt.date | None) -> list[Candidate]:
    """Every written date and month of `text` (the year of a dateless day comes from `reference`)."""
    found = []
    end = 0
    for match in _date_matches(text):
        if match.start() < end:
            continue
        candidate = _date(text, match, reference)
        if candidate is not None:
            found.append(candidate)
            end = match.end()
    return found


def _date_matches(text: str):
    """Matches of the date pattern, each tried from the day before a month name, then from the month."""
    for hit in _MONTH_HIT.finditer(text):
        start = hit.start()
        if start and text[start - 1].isalnum():
            continue
        day = _DAY_BEFORE.search(text, max(0, start - 16), start)
        match = _DATE.match(text, day.start()) if day is not None else None
        match = match or _DATE.match(text, start)
        if match is not None:
            yield match
    position = text.find("-")
    while position != -1:  # ISO dates: 2025-12-20
        if position >= 4 and text[position - 4 : position].isdigit():
            match = _ISO.match(text, position - 4)
            if match is not None and (position == 4 or not text[position - 5].isalnum()):
                yield match
        position = text.find("-", position + 1)


def _date(text: str, match: re.Match[str], reference: dt.date | None) -> Candidate | None:
    groups = match.groupdict()
    notes: tuple[str, ...] = ()
    if groups.get("iso"):
        year, month, day = (int(part) for part in groups["iso"].split("-"))
        first = last = _valid(year, month, day)
    else:
        month = _MONTH_NUMBERS[(groups["month"] or groups["dmonth"] or groups["mmonth"]).lower()]
        written_year = groups["year"] or groups["dyear"] or groups["myear"]
        if written_year is None and reference is None:
            return None
        year = int(written_year) if written_year else reference.year
        if written_year is None:
            notes = (f"year {year} taken from the reference date",)
        first, last = _days(groups, year, month)
    if first is None or last is None or last < first:
        return None
    return Candidate(
        kind=ClaimKind.DATE,
        start=match.start(),
        end=match.end(),
        value=day_number(first),
        unit="date",
        interval=Interval(low=day_number(first), high=day_number(last)),
        role="range" if (groups.get("day2") or groups.get("dday2")) else role_before(text, match.start()),
        notes=notes + (f"{first.isoformat()}" + (f" to {last.isoformat()}" if last != first else ""),),
        confidence=0.8 if notes else 1.0,
    )


def day_number(day: dt.date) -> Decimal:
    """A day as the number YYYYMMDD: ordered like days, and readable."""
    return Decimal(day.year * 10000 + day.month * 100 + day.day)


def _days(groups: dict, year: int, month: int) -> tuple[dt.date | None, dt.date | None]:
    day, day2 = groups["day"] or groups["dday"], groups["day2"] or groups["dday2"]
    if day is None:  # a month: every day of it
        return _valid(year, month, 1), _valid(year, month, calendar.monthrange(year, month)[1])
    first = _valid(year, month, int(day))
    return first, (_valid(year, month, int(day2)) if day2 else first)


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def role_before(text: str, start: int) -> str | None:
    """The time word before a date or year: since, in, until, by, from, before, after, established."""
    found = _ROLE_BEFORE.search(text, max(0, start - 60), start)
    if found is None:
        return None
    if found.group("established"):
        return "established"
    word = " ".join(found.group("word").lower().split())
    return _ROLES.get(word, word)


def find_years(text: str, numbers: list[Number]) -> list[Candidate]:
    """Years (`in 1992`), decades (`the early 1990s`) and year ranges (`1993–2023`) among the numbers."""
    found = []
    for number in numbers:
        candidate = _year(text, number)
        if candidate is not None:
            found.append(candidate)
    return found


def _year(text: str, number: Number) -> Candidate | None:
    if not _year_like(number) or (number.suffix and number.suffix != "s"):
        return None
    role = role_before(text, number.start)
    if role is None and not 1900 <= number.value <= 2100:
        return None
    if role is None and _counted(text, number):
        return None  # "about 2000 people": a count
    if number.suffix == "s":
        return _decade(text, number, role)
    high = number.high
    low_year, high_year = number.value, high.value if high else number.value
    return Candidate(
        kind=ClaimKind.YEAR,
        start=number.start,
        end=number.end + len(number.suffix),
        value=low_year,
        unit="year",
        high=high.value if high else None,
        interval=Interval(low=low_year, high=high_year),
        role="range" if high else role,
        notes=number.notes,
        confidence=0.7 if number.notes else 1.0,
    )


def _year_like(number: Number) -> bool:
    def four(n: Number) -> bool:
        return not n.words and n.digits.isdigit() and len(n.digits) == 4 and n.magnitude is None and 1000 <= n.value <= 2100

    if number.high is not None:
        return four(number) and (four(number.high) or "read as" in " ".join(number.notes))
    return four(number)


def _counted(text: str, number: Number) -> bool:
    return counted_noun(text, number.end)[1] is not None


def _decade(text: str, number: Number, role: str | None) -> Candidate | None:
    if number.value % 10:
        return None
    low, high = number.value, number.value + 9
    part = _DECADE_PART.search(text, max(0, number.start - 12), number.start)
    if part is not None:
        offset = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[part.group("part").lower()]
        low, high = number.value + offset[0], number.value + offset[1]
    return Candidate(
        kind=ClaimKind.YEAR,
        start=number.start,
        end=number.end + 1,
        value=number.value,
        unit="year",
        interval=Interval(low=low, high=high),
        role=role,
        notes=(f"the {int(number.value)}s read as {int(low)}–{int(high)}",),
    )
