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
from decimal import Decimal
from typing import NamedTuple

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


class Candidate(NamedTuple):
    """One reading of a figure in cleaned text, before it becomes a Claim (a named tuple: every number may
    give a few of them, and a tuple is made in half the time of a frozen dataclass)."""

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


class Kept:
    """The readings kept so far, one kind at a time in precedence order: a reading that overlaps a kept one
    loses (within a kind the earlier, then the longer, is added first)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._kept: list[Candidate] = []

    def free(self, start: int, end: int) -> bool:
        """True when text[start:end] overlaps no kept reading."""
        at = bisect_left(self._starts, start)
        if at > 0 and self._ends[at - 1] > start:
            return False  # overlaps the kept span before it
        return at == len(self._starts) or self._starts[at] >= end  # else it overlaps the kept span after it

    def add(self, candidates: list[Candidate]) -> int:
        """Keep each of `candidates` (of one kind, ranked below every kind added before) that is still free;
        how many were kept."""
        before = len(self._kept)
        for candidate in sorted(candidates, key=lambda c: (c.start, c.start - c.end)):
            if self.free(candidate.start, candidate.end):
                at = bisect_left(self._starts, candidate.start)
                self._starts.insert(at, candidate.start)
                self._ends.insert(at, candidate.end)
                self._kept.append(candidate)
        return len(self._kept) - before

    def in_text_order(self) -> list[Candidate]:
        """The kept readings, in text order."""
        return sorted(self._kept, key=lambda c: c.start)

