"""What is not a claim: numbers inside names and codes, list markers, page numbers, times of day.

`Kambarata-1`, `COVID-19`, `2KR`, `Strategy 2040`, `Boeing 737`, `5+1 format`, `One Village, One Product`,
`page 12`, `(3)`, a line holding only `14`, `10:30`, `9 a.m.`, numbers inside web addresses: each is a
number a reader does not check as a figure. `5+1`, `10:30` and `1/3` never become numbers at all (the
number pattern refuses them); the rest are dropped here with the reason.
"""

from __future__ import annotations

import re

from factcheck.extract.measures import is_unit_suffix
from factcheck.extract.numbers import ORDINAL_SUFFIXES, Number

MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
# Capitalised words that may stand right before a figure without making it part of a name.
_FREE_BEFORE = frozenset(MONTHS) | frozenset({"US", "U.S.", "USD", "I", "AD", "BC", "CE", "BCE"})
_REFERENCE_WORDS = (
    r"pages?|pp?\.|no\.|nos\.|nr\.|vol\.|volumes?|chapters?|ch\.|sections?|sec\.|articles?|art\.|paragraphs?|para\.|"
    r"figs?\.|figures?|tables?|items?|clauses?|annex(?:es)?|appendix|footnotes?|lines?|steps?|episodes?|seasons?|"
    r"rooms?|gates?|platforms?|exits?|tier|level|grade|rank(?:ed)?|no|number|#|verses?|rule|resolution|model|version|v\."
)
_REFERENCE_BEFORE = re.compile(rf"(?:^|(?<=[\s(]))(?:{_REFERENCE_WORDS})[ ]?$", re.IGNORECASE)
_CAPITALISED_BEFORE = re.compile(r"(?:^|(?<=[^\w'’.-]))(?P<word>[A-Z][\w’'.&-]*)[ ]$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”'‘(\[\n—–]\s*|\n)$")
_NAME_HYPHEN_BEFORE = re.compile(r"[^\W\d_][-–][ ]?$")
_TIME_AFTER = re.compile(r"[ ]?(?:[ap]\.m\.|[ap]m\b|GMT\b|UTC\b|hrs\b|o'clock\b)", re.IGNORECASE)
_ADDRESS_BEFORE = re.compile(r"(?:https?://|www\.|[/@])\S*$")
_MARKER = re.compile(r"[(\[]\d{1,3}[)\]]")
_ALONE_ON_LINE = re.compile(r"(?:^|\n)[ \t]*$")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_MONTH_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTHS)})\.?[ ]$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?[ ](?:of[ ])?(?:{'|'.join(MONTHS)})\b")
_SCORE = re.compile(r"[-–]\d")


def reason_not_a_claim(text: str, number: Number) -> str | None:
    """Why `number` is part of a name, code, marker or reference (None: it may be a claim)."""
    before = text[max(0, number.start - 40) : number.start]
    for test, reason in (
        (_bad_suffix, "letters attached: a code"),
        (lambda t, n, b: _NAME_HYPHEN_BEFORE.search(b) is not None, "part of a name (letters-number)"),
        (_day_of_month, "a day of a month: dates read it"),
        (_in_name, "part of a name (capitalised word before)"),
        (lambda t, n, b: _REFERENCE_BEFORE.search(b) is not None, "a page, section or reference number"),
        (_marker, "a list marker or page number"),
        (lambda t, n, b: _TIME_AFTER.match(t, n.end) is not None, "a time of day"),
        (lambda t, n, b: _ADDRESS_BEFORE.search(b) is not None, "part of an address"),
        (_score, "a score or code (number-number)"),
    ):
        if test(text, number, before):
            return reason
    return None


def _bad_suffix(text: str, number: Number, before: str) -> bool:
    suffix = number.suffix
    return bool(suffix) and suffix.lower() not in ORDINAL_SUFFIXES and suffix != "s" and not is_unit_suffix(suffix)


def _in_name(text: str, number: Number, before: str) -> bool:
    """`Strategy 2040`, `Boeing 737`, `Group of Seven`, `One Village`: a name, not a figure."""
    if number.capitalised and not _SENTENCE_START.search(before):
        return True
    found = _CAPITALISED_BEFORE.search(before)
    if found is None or found.group("word") in _FREE_BEFORE or re.search(r"['’]s?$", found.group("word")):
        return False
    if found.group("word").isupper() and len(found.group("word")) == 3:
        return False  # an ISO code before an amount (`USD 19bn`): money decides
    return _SENTENCE_START.search(before[: found.start()]) is None


def _day_of_month(text: str, number: Number, before: str) -> bool:
    """`December 20`, `20 December`: the date finder reads these, with their year or the reference year."""
    if not number.plain_integer or len(number.digits) > 2:
        return False
    return _MONTH_BEFORE.search(before) is not None or _MONTH_AFTER.match(text, number.end) is not None


def _marker(text: str, number: Number, before: str) -> bool:
    if number.start > 0 and _MARKER.fullmatch(text, number.start - 1, number.end + 1):
        return True
    alone = _ALONE_ON_LINE.search(before) is not None and _LINE_END.match(text, number.end) is not None
    return alone and number.plain_integer and not number.suffix


def _score(text: str, number: Number, before: str) -> bool:
    if number.high is not None or number.words:
        return False
    return _SCORE.match(text, number.end) is not None or re.search(r"\d[-–]$", before) is not None
