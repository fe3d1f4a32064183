"""What every kind's finder proposes, and how overlapping proposals are settled.

One figure yields one claim. Finders run independently and may propose
overlapping readings of the same characters (`$20 billion` is money, and its
`20 billion` also looks like a count; the `2025` of `December 20, 2025` also
looks like a year). The most specific reading wins, by this precedence:

    date > money > percent > physical > duration > year > count

A date consumes its year, money its amount, a percentage or measure its
number, a duration its number and unit; a year beats a count because a bare
four-digit year-like number with a time word before it is a time, and counts
only claim what no other kind explained. Within a kind the earlier, then the
longer, proposal wins.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal

from factcheck.models import ClaimKind, Interval

PRECEDENCE = (
    ClaimKind.DATE,
    ClaimKind.MONEY,
    ClaimKind.PERCENT,
    ClaimKind.PHYSICAL,
    ClaimKind.DURATION,
    ClaimKind.YEAR,
    ClaimKind.COUNT,
)
_RANK = {kind: rank for rank, kind in enumerate(PRECEDENCE)}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a figure in cleaned text, before it becomes a Claim."""

    kind: ClaimKind
    start: int
    end: int
    value: Decimal
    unit: str
    precision: Decimal | None = None
    high: Decimal | None = None  # the upper end of a range; `value` is then its lower end
    high_precision: Decimal | None = None
    interval: Interval | None = None  # a fixed interval (dates, years): qualifiers do not move it
    role: str | None = None
    noun: str | None = None
    notes: tuple[str, ...] = ()
    confidence: float = 1.0

    @property
    def rank(self) -> int:
        """Position of the kind in PRECEDENCE: lower wins an overlap."""
        return _RANK[self.kind]


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that survive overlaps, by precedence, in text order."""
    ordered = sorted(candidates, key=lambda c: (c.rank, c.start, c.start - c.end))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Candidate] = []
    for candidate in ordered:
        at = bisect_left(starts, candidate.start)
        if at > 0 and ends[at - 1] > candidate.start:
            continue  # overlaps the kept span before it
        if at < len(starts) and starts[at] < candidate.end:
            continue  # overlaps the kept span after it
        starts.insert(at, candidate.start)
        ends.insert(at, candidate.end)
        kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)
