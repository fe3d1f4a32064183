"""Days named relative to the publication: a weekday (`on Monday`, `lundi`, `el martes`, `в среду`,
`月曜日`) or yesterday (`hier`, `ayer`, `вчера`, `昨日`), with the names CLDR gives every language.

A source that writes `the pledges came on Monday` dates an event as surely as one that writes
`27 November`, once its publication day is known: without it no such day is read. A weekday is
read as the last one on or before the publication (role `weekday`: which week it meant is left to
the checks, which compare its weekday only); yesterday as the day before it (role `yesterday`).
A weekday written next to a date (`Monday, 6 February`) is that date's, not a day of its own, and so is the
day in brackets after it that Indonesian and Brazilian copy writes (`Selasa (26/3)`, `terça-feira (26)`): a
date, its missing month or year the publication's.
"Today" is left out: news writes it for "nowadays" as often as for the day.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from factcheck.extract.candidates import Candidate
from factcheck.extract.dates import day_number
from factcheck.models import ClaimKind, Interval
from factcheck.scripts import caseless

_NEAR_DATE = 24  # characters between a weekday and the date it introduces: "el miércoles, " fits
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@lru_cache(maxsize=128)
def weekday_names(language: str, widths: tuple[str, ...] = ("wide", "abbreviated")) -> dict[str, int]:
    """Weekday names of a language from CLDR (both contexts, these widths), `caseless`, to Monday=0."""
    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return {}
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in widths:
            for number, name in locale.days.get(context, {}).get(width, {}).items():
                if len(name.rstrip(".")) > 2:
                    names[caseless(name).rstrip(".")] = number
    return names


@lru_cache(maxsize=64)
def yesterday_words(language: str) -> tuple[str, ...]:
    """CLDR's word for the day before (`yesterday`, `hier`, `вчера`, `昨日`), if the language has one."""
    try:
        relative = Locale.parse(language)._data["date_fields"]["day"]["relative"]
    except (UnknownLocaleError, ValueError, KeyError):
        return ()
    word = relative.get(-1)
    return (caseless(word),) if word else ()


@lru_cache(maxsize=64)
def _pattern(language: str) -> re.Pattern[str] | None:
    # Full names only: abbreviations alone are words too often (`Sun`, `Sat`, `Wed`).
    words = [*weekday_names(language, ("wide",)), *yesterday_words(language)]
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    if any(_CJK.search(word) for word in words):
        return re.compile(rf"(?:{alternatives})")
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def find_days(text: str, language: str, published: dt.date | None, dates: list[Candidate]) -> list[Candidate]:
    """The weekdays and yesterdays of `text` not written beside one of its `dates`, resolved on `published`."""
    pattern = _pattern(language) if published else None
    if pattern is None or published is None:
        return []
    names, yesterday = weekday_names(language, ("wide",)), yesterday_words(language)
    found = []
    for match in pattern.finditer(text):
        if any(date.start - _NEAR_DATE <= match.end() and match.start() <= date.end + 8 for date in dates):
            continue  # "Monday, 6 February" / "6 février (lundi)": the date says it
        bracketed = _bracketed(text, match.end(), language, published)
        if bracketed is not None:
            found.append(bracketed)  # "Selasa (26/3)", "nesta terça-feira (26)": the weekday's date, in brackets
            continue
        word = caseless(match.group())
        if word in yesterday:
            day, role, how = published - dt.timedelta(days=1), "yesterday", "the day before"
        else:
            weekday = names[word]
            day = published - dt.timedelta(days=(published.weekday() - weekday) % 7)
            role, how = "weekday", f"the last {day:%A} on or before"
        found.append(_candidate(match, day, role, f"'{match.group()}' read as {day:%d %b %Y}, {how} the publication"))
    return found


# A weekday's date in brackets, day first: Indonesian `Selasa (26/3/2024)`, `Selasa (26/3)`, Brazilian `terça-feira (26)`.
_BRACKETED = re.compile(r"[ ]?\((?P<day>\d{1,2})(?:/(?P<month>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?)?\)")
_NEAREST = 45  # days: a day number without its month is the one nearest the publication, within this


def _bracketed(text: str, end: int, language: str, published: dt.date) -> Candidate | None:
    """The date written in brackets right after a weekday at `end`, in a language that writes the day first."""
    found = _BRACKETED.match(text, end)
    if found is None or (found.group("month") and not _day_first(language)):
        return None
    day, month, year = (int(part) if part else None for part in found.group("day", "month", "year"))
    if year is not None and year < 100:
        year += 2000
    written = _nearest(published, day, month, year)
    if written is None:
        return None
    filled = "" if year else (" year" if month else " month and year")
    note = f"{written.isoformat()}" + (f"; its{filled} taken from the publication" if filled else "")
    number = day_number(written)
    return Candidate(
        kind=ClaimKind.DATE,
        start=found.start("day"),
        end=found.end() - 1,
        value=number,
        unit="date",
        interval=Interval(low=number, high=number),
        confidence=1.0 if year else 0.8,
        notes=(note,),
    )


def _nearest(published: dt.date, day: int, month: int | None, year: int | None) -> dt.date | None:
    """The date a day (and month) names: as written, else the one nearest the publication."""
    years = [year] if year else [published.year - 1, published.year, published.year + 1]
    months = [month] if month else range(1, 13)
    options = []
    for each_year in years:
        for each_month in months:
            try:
                options.append(dt.date(each_year, each_month, day))
            except ValueError:
                continue
    if not options:
        return None
    best = min(options, key=lambda option: abs((option - published).days))
    return best if year or abs((best - published).days) <= _NEAREST * (12 if month else 1) else None


@lru_cache(maxsize=64)
def _day_first(language: str) -> bool:
    """True when the language writes numeric dates day first (CLDR's short date pattern: `d/M/yy`, not `M/d/yy`)."""
    try:
        pattern = Locale.parse(language.replace("-", "_")).date_formats["short"].pattern
    except (UnknownLocaleError, ValueError, KeyError):
        return False
    return pattern.lower().find("d") < pattern.lower().find("m")


def _candidate(match: re.Match[str], day: dt.date, role: str, note: str) -> Candidate:
    number = day_number(day)
    return Candidate(
        kind=ClaimKind.DATE,
        start=match.start(),
        end=match.end(),
        value=number,
        unit="date",
        interval=Interval(low=number, high=number),
        role=role,
        confidence=0.6,
        notes=(note,),
    )
