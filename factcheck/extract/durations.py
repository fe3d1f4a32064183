"""Durations: `five years`, `over the next five years`, `every two years`, `30 years`, `two decades`, `five-year`.

The unit is a pint time unit (`year`, `month`, `week`, `day`, `hour`, `minute`); decades and centuries are
read as 10 and 100 years and quarters as 3 months, so `two decades` is 20 years stated to 10 years. The
role says how the span is used: `next` (over the next five years), `past` (the last three years), `every`,
`for`, `ago`, `age` (a 30-year-old), `within`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.extract.candidates import Candidate
from factcheck.extract.context import lemma
from factcheck.extract.numeral import Number, times
from factcheck.models import ClaimKind

_UNIT = re.compile(
    r"(?P<hyphen>[ ]?-[ ]?|[ ])(?P<unit>years?|decades?|centur(?:y|ies)|months?|quarters?|weeks?|days?|hours?|minutes?)\b"
    r"(?P<old>[ -]old\b)?",
    re.IGNORECASE,
)
_FACTORS = {"decade": ("year", 10), "century": ("year", 100), "centurie": ("year", 100), "quarter": ("month", 3)}
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
        if number.suffix:
            continue
        unit = _UNIT.match(text, number.end)
        if unit is None or (unit.group("hyphen").strip() and not unit.group("unit").islower()):
            continue
        found.append(_candidate(text, number, unit))
    return found


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
