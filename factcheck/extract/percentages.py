"""Percentages: `80%`, `80 percent`, `80 per cent`, `10–15%`, and percentage points (`2.5 percentage points`)."""

from __future__ import annotations

import re

from factcheck.extract.candidates import Candidate
from factcheck.extract.numbers import Number
from factcheck.models import ClaimKind

_PERCENT = re.compile(
    r"[ ]?(?:(?P<points>percentage[ -]points?|pp\b|ppts?\b)|%|(?:percent|per[ ]cent|pct)\b)", re.IGNORECASE
)


def find_percentages(text: str, numbers: list[Number]) -> list[Candidate]:
    """Every number followed by a percent sign or word; unit `percent`, or `percentage_point` for points."""
    found = []
    for number in numbers:
        if number.suffix or number.magnitude:
            continue
        sign = _PERCENT.match(text, number.end)
        if sign is None:
            continue
        high = number.high
        found.append(
            Candidate(
                kind=ClaimKind.PERCENT,
                start=number.start,
                end=sign.end(),
                value=number.value,
                unit="percentage_point" if sign.group("points") else "percent",
                precision=number.precision,
                high=high.value if high else None,
                high_precision=high.precision if high else None,
                role="range" if high else None,
                notes=number.notes,
            )
        )
    return found
