"""A claim's as-of: when its figure was true.

A sentence that names an earlier year than the publication's ("37 medals in Tokyo in 2021")
may give a figure of that year: its as-of is that year, as a guess. A quarter named nearer the
figure than any year ("484,507 in the fourth quarter", "au 4e trimestre 2023") makes its as-of
that quarter's last day: a quarter's figure is not the year's. Otherwise the most
specific of: an anchor in the figure's sentence ("as of 6 pm", "by Tuesday
evening", "午後6時現在", "截至7日", "по состоянию на 18:00"), the source's publication date
and time, its publication day, the story's date. A weekday resolves to the last such day
on or before publication. Only a marker makes a time an anchor: "struck at 04:17" dates
the event, not the count. A day that opens its sentence before a comma ("On 3 December, …",
"Ngày 3/12, …") dates the sentence's figures that only their publication dated.
"""

from __future__ import annotations

import datetime as dt
import re


from factcheck import figures
from factcheck.extract.days import weekday_names
from factcheck.extract.months import month_numbers
from factcheck.keys.quarters import end_of, quarters_in
from factcheck.scripts import caseless, primary
from factcheck.models import Claim, ClaimKind, Key, Source, Story

PUBLISHED_AT, PUBLISHED_DAY, ANCHORED, STORY_DATE, PAST_YEAR = 0.9, 0.75, 0.85, 0.3, 0.5
PAST_YEAR_RULE = "an earlier year named in the sentence"
QUARTER_RULE = "a quarter of a year named beside the figure"
PUBLISHED_AT_RULE, PUBLISHED_DAY_RULE = "the source's publication date and time", "the source's publication date"
PUBLICATION_RULES = frozenset({PUBLISHED_AT_RULE, PUBLISHED_DAY_RULE})  # the as-of no word of the text gave

_TIME = r"(?P<hour>\d{1,2})(?:[:h.](?P<minute>\d{2}))?\s*(?P<half>a\.?\s?m\.?|p\.?\s?m\.?)?"
# Markers that make what follows (or, in Japanese, what precedes) the time a count was true.
# "à 4h17" or "a las 4.17" dates the quake itself, so only words that say "as of" count.
_MARKERS = {
    "en": r"\b(?:as of|as at|by|until)\s+",
    "fr": r"\b(?:jusqu'à|selon un bilan de|au bilan de)\s+",
    "es": r"\b(?:hasta las|hasta el|con corte a las)\s+",
    "pt": r"\b(?:até às|até as|até a)\s+",
    "it": r"\b(?:fino alle|entro le)\s+",
    "de": r"\b(?:bis|stand)\s+",
    "ru": r"(?:по состоянию на|по данным на)\s+",
    "zh": r"(?:截至|截止)\s*",
}
_JAPANESE = re.compile(r"(?P<half>午前|午後)?(?P<hour>\d{1,2})時(?:(?P<minute>\d{1,2})分)?現在")


def as_of_key(claim: Claim, source: Source, story: Story) -> Key:
    """When the claim's figure was true, and which rule said so."""
    anchored = _anchor(claim, source) or _quarter(claim, source) or _past_year(claim, source)
    if anchored is not None:
        return anchored
    if source.published_at is not None:
        return Key(
            value=_iso(source.published_at), label=f"{source.published_at:%d %b %Y %H:%M}",
            words=(), rule=PUBLISHED_AT_RULE, confidence=PUBLISHED_AT,
        )
    if source.published is not None:
        return Key(value=source.published.isoformat(), label=f"{source.published:%d %b %Y}",
                   rule=PUBLISHED_DAY_RULE, confidence=PUBLISHED_DAY)
    if story.reference_date is not None:
        return Key(value=story.reference_date.isoformat(), label=f"{story.reference_date:%d %b %Y}",
                   rule="the story's date (the source has none)", confidence=STORY_DATE)
    return Key(rule="no date known")


def moment(key: Key) -> dt.datetime | None:
    """An as-of key as a naive UTC date-time (a bare day is its midnight)."""
    if key.value is None:
        return None
    value = dt.datetime.fromisoformat(key.value)
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return value


def has_time(key: Key) -> bool:
    """True when the as-of gives a time of day, not only a day."""
    return key.value is not None and "T" in key.value


def _anchor(claim: Claim, source: Source) -> Key | None:
    day = source.published
    if day is None:
        return None
    text = claim.context.sentence.text
    language = primary(source.language)
    found = _JAPANESE.search(text) if language == "ja" else _marked_time(text, language)
    if found is not None:
        at = _at(day, found)
        if at is not None:
            return Key(value=_iso(at), label=f"{at:%d %b %Y %H:%M}", words=(found.group(),),
                       rule="a time anchor in the sentence", confidence=ANCHORED)
    weekday = _weekday(text, language, day)
    if weekday is not None:
        words, resolved = weekday
        return Key(value=resolved.isoformat(), label=f"{resolved:%d %b %Y}", words=(words,),
                   rule="a weekday anchor in the sentence", confidence=ANCHORED)
    return None


# A day opens its sentence when at most one word stands before it and a comma after it (`On 3 December, …`,
# `Ngày 3/12, …`, `El domingo, …`, `3日、…`).
_OPENING_WORDS = 1
_OPENING_COMMA = re.compile(r"\s*[,、，]")
_HEAD_WORD = re.compile(r"[^\W\d_]+")


def opening_day(claims: list[Claim], source: Source) -> Key | None:
    """The as-of that a day opening the sentence gives its figures, when it is before the publication:
    `Ngày 3/12, núi lửa … khiến cho 13 người thiệt mạng`, printed on 6 December after the toll had reached 22,
    counts 13 on 3 December."""
    dates = sorted((c for c in claims if c.kind is ClaimKind.DATE and c.role != "range"), key=lambda c: c.span.start)
    if not dates or source.published is None:
        return None
    first, sentence = dates[0], claims[0].context.sentence
    start = first.span.start - sentence.start
    head, tail = sentence.text[:start], sentence.text[start + len(first.span.text) :]
    day = figures.single_day(first)
    if day is None or len(_HEAD_WORD.findall(head)) > _OPENING_WORDS or not _OPENING_COMMA.match(tail):
        return None
    if day >= source.published:
        return None
    return Key(value=day.isoformat(), label=f"{day:%d %b %Y}", words=(first.surface,),
               rule="the day that opens its sentence", confidence=ANCHORED)


def _past_year(claim: Claim, source: Source) -> Key | None:
    day = source.published
    if day is None or claim.kind in (ClaimKind.YEAR, ClaimKind.DATE):
        return None
    text = claim.context.sentence.text
    past = [year for year in claim.context.years if year < day.year and not _start(text, year) and not _opens(text, year)]
    if not past:
        return None
    year = max(past)
    return Key(value=f"{year}-12-31", label=str(year), words=(str(year),), rule=PAST_YEAR_RULE, confidence=PAST_YEAR)


def earlier_year(key: Key) -> int | None:
    """The year an as-of names when a figure's sentence dates it to an earlier year (`In 2019, …`), else None."""
    return int(key.value[:4]) if key.rule == PAST_YEAR_RULE and key.value else None


def named_period(key: Key) -> str | None:
    """The period the words beside a figure name as its as-of (`2019`, `2023-Q4`), else None: figures of two
    named periods, or of one and of none, are not one fact's."""
    if key.value is None:
        return None
    if key.rule == PAST_YEAR_RULE:
        return str(earlier_year(key))
    if key.rule == QUARTER_RULE:
        return f"{key.value[:4]}-Q{int(key.value[5:7]) // 3}"
    return None


def _quarter(claim: Claim, source: Source) -> Key | None:
    """The quarter named nearest the figure in its sentence, when no year stands nearer to it."""
    day = source.published
    if day is None or claim.kind in (ClaimKind.YEAR, ClaimKind.DATE):
        return None
    sentence = claim.context.sentence
    named = quarters_in(sentence.text, source.language)
    start = claim.span.start - sentence.start
    end = start + len(claim.span.text)
    if not named or any(q.start <= start and end <= q.end for q in named):
        return None  # the figure is the quarter's own number (`Q4`, `4th quarter`)
    nearest = min(named, key=lambda q: _gap(q.start, q.end, start, end))
    years = [y for y in _YEARS.finditer(sentence.text) if not any(q.start <= y.start() < q.end for q in named)]
    if any(_gap(y.start(), y.end(), start, end) < _gap(nearest.start, nearest.end, start, end) for y in years):
        return None  # `1.81 million in 2023, including 484,507 in the fourth quarter`: the 1.81 million is the year's
    year, number = nearest.of(day)
    return Key(value=end_of(year, number).isoformat(), label=f"Q{number} {year}", words=(nearest.text,),
               rule=QUARTER_RULE, confidence=ANCHORED)


_YEARS = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _gap(start: int, end: int, other_start: int, other_end: int) -> int:
    """Characters between two spans of one text (0 when they touch or overlap)."""
    return max(0, other_start - end, start - other_end)


# A year that dates a start ("invested $12 billion since 1992", "1992年以来") says when the count began,
# not when its figure was true.
_START_BEFORE = r"(?:since|from|depuis|desde|seit|dal|dalla|dès|с|со|от|beri|itibaren)\s+(?:the\s+|l'|el\s+)?"
_START_AFTER = r"(?:年)?(?:以来|から|부터|'den|'dan|'ten|'tan)"


def _start(sentence: str, year: int) -> bool:
    return bool(re.search(rf"{_START_BEFORE}{year}\b|\b{year}{_START_AFTER}", sentence, re.IGNORECASE))


# A year that opens a period running into a later one ("between April 2023 and March 31, 2024", "de abril de 2023
# a marzo de 2024", "2023-24") dates the period by its end, which the year alone does not give. Between the two
# only words and a day of a month may stand: in "from 50 in 2023 to 80 in 2024" the 80 is a figure of 2024.
_PERIOD_TO = frozenset("and to through until y a al hasta e et à au und bis tot до по ve – — - /".split())
_GAP_TOKEN = re.compile(r"\d+|[^\W\d_]+|[–—/-]")
PERIOD_GAP = 6  # tokens between the connector and the year that ends the period
_ENGLISH_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


def _opens(sentence: str, year: int) -> bool:
    for found in re.finditer(rf"\b{year}\b", sentence):
        tokens = _GAP_TOKEN.findall(sentence[found.end() : found.end() + 60])
        if not tokens or tokens[0].lower() not in _PERIOD_TO:
            continue
        for position, token in enumerate(tokens[1 : PERIOD_GAP + 2], start=1):
            if token.isdigit() and len(token) in (2, 4) and _period_end(year, token):
                return True
            if token.isdigit() and not _day_of_month(tokens, position):
                break
    return False


def _period_end(year: int, token: str) -> bool:
    end = int(token) if len(token) == 4 else year // 100 * 100 + int(token)
    return year < end <= year + 5


def _day_of_month(tokens: list[str], position: int) -> bool:
    """True when the number at `position` is a day beside its month's name (`31 de marzo`, `March 31`)."""
    if int(tokens[position]) > 31:
        return False
    near = [tokens[i] for i in (position - 1, position + 1, position + 2) if 0 <= i < len(tokens)]
    return any(word.lower() in _ENGLISH_MONTHS or word in month_numbers() or word.lower() in month_numbers() for word in near)


def _marked_time(text: str, language: str) -> re.Match[str] | None:
    marker = _MARKERS.get(language)
    if marker is None:
        return None
    for found in re.finditer(marker + _TIME, text, re.IGNORECASE):
        if found.group("minute") or found.group("half") or language == "zh":
            return found  # "by 6 pm", "à 18h30": a bare "by 2030" is a year, not a time
    return None


def _at(day: dt.date, found: re.Match[str]) -> dt.datetime | None:
    hour, minute = int(found.group("hour")), int(found.group("minute") or 0)
    half = (found.group("half") or "").lower().replace(" ", "").replace(".", "")
    if half in ("pm", "午後") and hour < 12:
        hour += 12
    if half in ("am", "午前") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return dt.datetime.combine(day, dt.time(hour, minute))


def _weekday(text: str, language: str, day: dt.date) -> tuple[str, dt.date] | None:
    """A marked weekday ("as of Tuesday", "by Friday morning") resolved on or before the publication day."""
    names = weekday_names(language)
    marker = _MARKERS.get(language)
    if not names or marker is None:
        return None
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    found = re.search(marker + rf"(?:the\s+|le\s+|el\s+)?(?P<day>{alternatives})\b", text, re.IGNORECASE)
    if found is None:
        return None
    weekday = names[caseless(found.group("day"))]
    return found.group(), day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _iso(value: dt.datetime) -> str:
    return value.isoformat(timespec="minutes")
