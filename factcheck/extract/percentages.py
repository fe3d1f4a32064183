"""Percentages: `80%`, `80 percent`, `80 per cent`, `10–15%`, and percentage points (`2.5 percentage points`);
the percent words of other languages (`60 Prozent`, `45 pour cent`, `66 بالمئة`, `36 процентов`, `58,90 persen`), and the
sign or word before the figure as Turkish writes it (`%45`, `yüzde 45`). A `%` and two hex digits inside a web
address (`2020%20`, `a%2Fb`) is an escape, not a percentage. Fractions of a group (`two thirds of voters`) are
shares, read in percent by shares.py."""

from __future__ import annotations

import re

from factcheck.extract import percent_words
from factcheck.extract.candidates import Candidate
from factcheck.extract.numbers import Number
from factcheck.extract.shares import LOOSE
from factcheck.models import ClaimKind

_PERCENT = re.compile(
    rf"[ ]?(?:(?P<points>{percent_words.POINTS})|{percent_words.SIGNS}|(?:{percent_words.WORDS})(?!\w)"
    rf"|{percent_words.ATTACHED})",
    re.IGNORECASE,
)
_URL_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_BEFORE = re.compile("(?:" + "|".join(rf"(?<!\w){word}" for word in percent_words.BEFORE) + ")$", re.IGNORECASE)


def find_percentages(text: str, numbers: list[Number]) -> list[Candidate]:
    """Every number followed by a percent sign or word; unit `percent`, or `percentage_point` for points."""
    found = []
    for number in numbers:
        if number.share:  # `two thirds of voters`: a share, already in percent
            found.append(_percentage(number, number.start, number.end, points=False))
            continue
        if number.suffix in percent_words.SUFFIXES and not number.magnitude:
            found.append(_percentage(number, number.start, number.end + len(number.suffix), points=False))
            continue
        if number.suffix or number.magnitude:
            continue
        sign = _PERCENT.match(text, number.end)
        if sign is not None and _URL_ESCAPE.match(text, sign.end() - 1):
            continue  # "2020%20more": an escape in a web address (the number finder refuses the one after `%`)
        before = _BEFORE.search(text, max(0, number.start - 6), number.start) if sign is None else None
        if sign is None and before is None:
            continue
        start = before.start() if before else number.start
        found.append(_percentage(number, start, sign.end() if sign else number.end, bool(sign and sign.group("points"))))
    return found


def _percentage(number: Number, start: int, end: int, points: bool) -> Candidate:
    high = number.high
    return Candidate(
        kind=ClaimKind.PERCENT,
        start=start,
        end=end,
        value=number.value,
        unit="percentage_point" if points else "percent",
        precision=number.precision,
        high=high.value if high else None,
        high_precision=high.precision if high else None,
        role="range" if high else None,
        notes=number.notes,
        confidence=0.7 if LOOSE in number.notes else 1.0,
    )
