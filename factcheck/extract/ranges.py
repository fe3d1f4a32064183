"""Ranges written with the unit on both ends: `$2 billion–$3 billion`, `between 10% and 15%`,
`from 1993 to 2023`, `5 to 7 years`.

A range is ONE claim of its kind with role `range`: `stated.value` is the lower end, `stated.upper` the
upper end, and the interval runs from the lower end's low to the upper end's high. Ranges with the unit
written once (`$2–3 billion`, `10–15%`, `1993–2023`) are joined earlier, as numbers (see numbers.py).
`from A to B` is a range only for years and dates: elsewhere it is a change (`rose from $2bn to $3bn`).
"""

from __future__ import annotations

import re
from factcheck.extract.candidates import Candidate
from factcheck.models import ClaimKind, Interval

_DASH = re.compile(r"[ ]?[-–—][ ]?|[ ]to[ ]")
_AND = re.compile(r"[ ]and[ ]")
_BETWEEN = re.compile(r"\bbetween[ ]$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom[ ]$", re.IGNORECASE)
_TIMES = (ClaimKind.YEAR, ClaimKind.DATE)


def join_ranges(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Join each pair of neighbouring claims that together write one range."""
    joined: list[Candidate] = []
    for candidate in candidates:
        previous = joined[-1] if joined else None
        if previous is not None and _is_range(text, previous, candidate):
            joined[-1] = _range(previous, candidate)
        else:
            joined.append(candidate)
    return joined


def _is_range(text: str, low: Candidate, high: Candidate) -> bool:
    if low.kind is not high.kind or low.unit != high.unit or low.high is not None or high.high is not None:
        return False
    if high.value <= low.value or high.start - low.end > 5:
        return False  # nothing joins a range in more than five characters (" and ")
    between = text[low.end : high.start]
    before = text[max(0, low.start - 10) : low.start]
    if _AND.fullmatch(between):
        return _BETWEEN.search(before) is not None
    if not _DASH.fullmatch(between):
        return False
    return low.kind in _TIMES or _FROM.search(before) is None


def _range(low: Candidate, high: Candidate) -> Candidate:
    interval = None
    if low.interval is not None and high.interval is not None:
        interval = Interval(low=low.interval.low, high=high.interval.high)
    return low._replace(
        end=high.end,
        high=high.value,
        high_precision=high.precision,
        interval=interval,
        role="range",
        noun=low.noun or high.noun,
        notes=low.notes + high.notes,
        confidence=min(low.confidence, high.confidence),
    )
