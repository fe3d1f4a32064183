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
from factcheck.extract.months import month_alternation, month_numbers
from factcheck.extract.numbers import Number
from factcheck.models import ClaimKind, Interval
from factcheck.scripts import caseless

_MONTH_NUMBERS = {caseless(name): index % 12 + 1 for index, name in enumerate(MONTHS[:12])}
_MONTH_NUMBERS.update({caseless(name): list(calendar.month_abbr).index(name[:3]) for name in MONTHS[12:]})
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1\d{3}|20\d{2}|2100)"
# Dates are found from their month name (a plain alternation the regex engine scans fast) or, for ISO dates,
# from a digit; the full pattern is then matched from the day before the month, or from the month itself.
# One pattern per first letter, each scanned for its letter alone (a third of the cost of one pattern for
# all eight capitals); a month name is not preceded by a letter, so no hit of one hides a start of another.
_MONTH_HITS = tuple(
    re.compile(rf"(?:{'|'.join(name for name in sorted(MONTHS, key=len, reverse=True) if name[0] == first)})\b")
    for first in sorted({name[0] for name in MONTHS})
)
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
# Dates in other languages: day first (`14 марта 2024 года`, `6 de febrero de 2023`, `le 6 février`,
# `6. Februar 2023`, `1er décembre`), month and year (`febrero de 2023`, `в феврале 2023 года`), and CJK
# (`2023年2月6日`, `2月6日`, `2023年12月`). Each pattern starts with a digit, which the engine scans fast.
_LOCAL_YEAR = r"(?P<year>1\d{3}|20\d{2}|2100)\b(?:[ ](?:года|году|г\.|року|р\.|roku|r\.))?"
_LOCAL_DAY = re.compile(
    rf"(?P<day>[0-3]?\d)(?:\.|er|º|°)?[ ](?:de[ ])?(?P<month>{month_alternation()})(?![^\W\d_])"
    rf"(?:,?[ ](?:de[ ]|del[ ])?{_LOCAL_YEAR})?"
)
# Found first by a plain word after a day or before a year, looked up in the month table; only then
# is the full pattern tried (an alternation of 200 names at every digit would halve English throughput).
# The day is `[0-3]?\d` written to start with a bare digit, so the engine skips to the next digit (2.7x).
_DAY_WORD = re.compile(r"\d(?:(?<=[0-3])\d)?(?:\.|er|º|°)?[ ](?:de[ ])?(?P<word>[^\W\d_]+\.?)")
_LOCAL_YEAR_ALONE = re.compile(r"(?:1\d{3}|20\d{2})\b")
_WORD_BEFORE = re.compile(r"(?<![\w])(?P<month>[^\W\d_]+\.?)[ ](?:de[ ]|del[ ])?$")
_YEAR_TAIL = re.compile(r"[ ](?:года|году|г\.)")
# Vietnamese writes a day with its word for day before it, then its month as a number (`ngày 3/12`, `ngày 3/12/2023`,
# `ngày 3 tháng 12 năm 2023`): read day first, as the language always is.
_VIETNAMESE_DATE = re.compile(
    r"(?<=\b[Nn]gày )(?P<day>[0-3]?\d)(?:/|[ ]tháng[ ])(?P<month>1[0-2]|0?[1-9])(?:(?:/|[ ]năm[ ])(?P<year>1\d{3}|20\d{2}))?(?![\d/])"
)
# A month of a year the same way (`tháng 3 năm 2022`, `tháng 3/2022`), with no day before it.
_VIETNAMESE_MONTH = re.compile(
    r"(?<![Nn]gày [0-3]\d )(?<![Nn]gày \d )\b[Tt]háng[ ](?P<month>1[0-2]|0?[1-9])"
    r"(?:/|[ ]năm[ ])(?P<year>1\d{3}|20\d{2})(?![\d/])"
    r"(?P<day>(?!))?"  # no day: the whole month
)
_CJK_DATE = re.compile(r"(?:(?P<year>1\d{3}|20\d{2})年)?(?P<month>1[0-2]|0?[1-9])月(?:(?P<day>[0-3]?\d)日)?")
# A day of the month alone, as Chinese and Japanese news dates what it reports (`13日闭幕`, `14日、ベルリンで`,
# `22日に完了する`): its month and year are the publication's. Only before the words that make it a day of the
# calendar, never of a span (`50日以内`, `会期を2日延長`, `4日前`, `わずか1日`), and never an ordinal (`第6日`).
# Not the day someone spoke (`OCHAは18日、…と発表した`, `李明18日表示`) nor a wire's dateline (`北京12月18日电`):
# the event they report may be days older.
_CJK_DAY = re.compile(
    r"(?<![\d年第约約计計共近逾])(?<!わずか)(?<!こと)(?P<day>[1-3]?\d)日"
    r"(?=[，,(（]|、(?![^。]{0,200}(?:と発表|と明らかに|と述べ|と伝え|と報じ))|に(?!わた)|の(?!間)|夜|朝|未明|午前|午後|夕方|深夜|早朝"
    r"|から|まで|在|晚|凌晨|上午|下午|早上|起|闭幕|閉幕|举行|舉行|召开|召開|至|到|宣誓)"
)
# A Korean date: `2023년 3월 10일`, `3월 10일`, `2023년 3월` (month and day in Hangul, spaced or not).
_KOREAN_DATE = re.compile(
    r"(?<!\d)(?:(?P<year>1\d{3}|20\d{2})년[ ]?)?(?P<month>1[0-2]|0?[1-9])월(?:[ ]?(?P<day>[1-3]?\d)일)?"
)
MONTH_DAY = "month_day"  # the role of a day of the month alone: named relative to the publication, like `yesterday`
# A day of the month up to this far past the publication's is this month's (an announced date), else last month's.
AHEAD_DAYS = 7
_NAME_AFTER = re.compile(r"[ ][A-ZÇĞİÖŞÜА-Я]")  # "12 Şubat Stadyumu": a day and month naming a place
_DECADE_PART = re.compile(r"\b(?P<part>early|mid|late)[- ]?$", re.IGNORECASE)


def find_dates(text: str, reference: dt.date | None) -> list[Candidate]:
    """Every written date and month of `text` (the year of a dateless day comes from `reference`),
    in English and in the languages of months.py, and written the Chinese, Japanese and Vietnamese way."""
    found = []
    end = 0
    for match in _date_matches(text):
        if match.start() < end:
            continue
        candidate = _date(text, match, reference)
        if candidate is not None:
            found.append(candidate)
            end = match.end()
    return _merged(found, _local_dates(text, reference))


def _merged(english: list[Candidate], local: list[Candidate]) -> list[Candidate]:
    """The English dates, then each other date that overlaps none of them, in text order."""
    taken = [(c.start, c.end) for c in english]
    extra = [c for c in local if not any(start < c.end and c.start < end for start, end in taken)]
    return sorted(english + extra, key=lambda c: c.start)


def _local_dates(text: str, reference: dt.date | None) -> list[Candidate]:
    found: list[Candidate] = []
    months = month_numbers()
    for hit in _DAY_WORD.finditer(text):
        match = _LOCAL_DAY.match(text, hit.start()) if _is_month(hit.group("word"), months) else None
        if match and _digit_boundary(text, match.start()) and (match.group("year") or not _NAME_AFTER.match(text, match.end())):
            found.append(_local(text, match, reference))
    if "háng" in text or "gày" in text:  # Vietnamese: the patterns' lookbehinds would be tried at every position
        found += [_local(text, match, reference) for match in _VIETNAMESE_DATE.finditer(text)]
        found += [_local(text, match, reference) for match in _VIETNAMESE_MONTH.finditer(text)]
    for match in cjk_dates(text):
        if _digit_boundary(text, match.start()):
            found.append(_local(text, match, reference))
    if reference is not None and "日" in text:
        found += [_cjk_day(text, match, reference) for match in _CJK_DAY.finditer(text)]
    if "월" in text:
        found += [_local(text, match, reference) for match in _KOREAN_DATE.finditer(text)]
    for match in _LOCAL_YEAR_ALONE.finditer(text):
        month = _WORD_BEFORE.search(text, max(0, match.start() - 16), match.start())
        if month is not None and _is_month(month.group("month"), months) and _digit_boundary(text, match.start()):
            tail = _YEAR_TAIL.match(text, match.end())
            end = tail.end() if tail else match.end()
            found.append(_month_of_year(text, month.start(), end, month.group("month"), int(match.group())))
    return [c for c in _without_overlaps(found) if c is not None]


def cjk_dates(text: str) -> list[re.Match[str]]:
    """The matches of the CJK date pattern, as its scan finds them, tried only where one can start.

    The pattern begins with an optional year, so the engine would try it at every position; a match has
    its 月 within seven characters of its start (`2023年12月`), so only those before each 月 are tried.
    """
    found: list[re.Match[str]] = []
    tried = 0  # positions before this are tried, or inside a match
    month = text.find("月")
    while month != -1:
        for position in range(max(month - 7, tried), month):
            match = _CJK_DATE.match(text, position)
            if match is not None:
                found.append(match)
                tried = match.end()
                break
        tried = max(tried, month)
        month = text.find("月", month + 1)
    return found


def _is_month(word: str, months: dict[str, int]) -> bool:
    return word in months or word.rstrip(".") in months  # "30 ноября." ends a sentence; "февр." is a name


def _digit_boundary(text: str, start: int) -> bool:
    return not start or not (text[start - 1].isdigit() or text[start - 1] in ".,")


def _without_overlaps(found: list[Candidate | None]) -> list[Candidate | None]:
    kept: list[Candidate] = []
    for candidate in sorted((c for c in found if c is not None), key=lambda c: (c.start, -c.end)):
        if not kept or candidate.start >= kept[-1].end:
            kept.append(candidate)
    return kept


ASSUMED_YEAR = "taken from the reference date"  # the note of a date whose year was not written


def assumed_year(notes: tuple[str, ...]) -> bool:
    """True when a date claim's notes say its year was not written but assumed."""
    return any(ASSUMED_YEAR in note for note in notes)


def _local(text: str, match: re.Match[str], reference: dt.date | None) -> Candidate | None:
    """A day or a month of a day-first or CJK date, its year written or taken from `reference`."""
    written = match.group("month")
    month = int(written) if written.isdigit() else month_numbers()[written]
    year, notes = match.group("year"), ()
    if year is None and reference is None:
        return None
    if year is None:
        year, notes = reference.year, (f"year {reference.year} {ASSUMED_YEAR}",)
    day = match.group("day")
    if day is None:
        first, last = _valid(int(year), month, 1), _valid(int(year), month, calendar.monthrange(int(year), month)[1])
    else:
        first = last = _valid(int(year), month, int(day))
    return _day_candidate(text, match.start(), match.end(), first, last, notes, None)


def _cjk_day(text: str, match: re.Match[str], reference: dt.date) -> Candidate | None:
    """A day of the month alone (`_CJK_DAY`), in the month of `reference` (the publication), or in the month before
    when it lies more than AHEAD_DAYS past it; noted, as a date whose year is assumed."""
    day = int(match.group("day"))
    month_start = reference.replace(day=1)
    if day > reference.day + AHEAD_DAYS:
        month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
    on = _valid(month_start.year, month_start.month, day)
    note = f"month and year {month_start:%Y-%m} {ASSUMED_YEAR}"
    return _day_candidate(text, match.start(), match.end(), on, on, (note,), MONTH_DAY)


def _month_of_year(text: str, start: int, end: int, written: str, year: int) -> Candidate | None:
    """`febrero de 2023`, `в феврале 2023 года`: every day of the month."""
    months = month_numbers()
    month = months.get(written) or months[written.rstrip(".")]
    first, last = _valid(year, month, 1), _valid(year, month, calendar.monthrange(year, month)[1])
    return _day_candidate(text, start, end, first, last, (), None)


def _date_matches(text: str):
    """Matches of the date pattern, each tried from the day before a month name, then from the month."""
    for hit in sorted((hit for pattern in _MONTH_HITS for hit in pattern.finditer(text)), key=lambda hit: hit.start()):
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
        month = _MONTH_NUMBERS[caseless(groups["month"] or groups["dmonth"] or groups["mmonth"])]
        written_year = groups["year"] or groups["dyear"] or groups["myear"]
        if written_year is None and reference is None:
            return None
        year = int(written_year) if written_year else reference.year
        if written_year is None:
            notes = (f"year {year} {ASSUMED_YEAR}",)
        first, last = _days(groups, year, month)
    role = "range" if (groups.get("day2") or groups.get("dday2")) else None
    return _day_candidate(text, match.start(), match.end(), first, last, notes, role)


def _day_candidate(
    text: str, start: int, end: int, first: dt.date | None, last: dt.date | None, notes: tuple[str, ...], role: str | None
) -> Candidate | None:
    """The date claim of the days `first` to `last`, written at text[start:end]."""
    if first is None or last is None or last < first:
        return None
    return Candidate(
        kind=ClaimKind.DATE,
        start=start,
        end=end,
        value=day_number(first),
        unit="date",
        interval=Interval(low=day_number(first), high=day_number(last)),
        role=role or role_before(text, start),
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
