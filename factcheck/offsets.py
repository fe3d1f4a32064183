"""Map positions in cleaned text back to the original file.

Cleaning rewrites a text (drops the backslash of `\\$`, joins `ex-\\n\\npressed`,
replaces odd spaces) but every claim must point at the characters of the
*original* file. An `OffsetMap` records the cleaned text as a sequence of pieces,
each either aligned with the original (same length, so positions shift by a
constant) or a replacement of a different length (every position inside maps to
the whole replaced range). Deleted text needs no piece at all.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class OffsetMap:
    """Piecewise map from cleaned-text positions to original-text positions."""

    clean_starts: list[int] = field(default_factory=list)
    orig_starts: list[int] = field(default_factory=list)
    orig_ends: list[int] = field(default_factory=list)
    aligned: list[bool] = field(default_factory=list)
    clean_length: int = 0

    def add(self, orig_start: int, orig_end: int, clean_len: int) -> None:
        """Append a piece: `clean_len` cleaned characters standing for original[orig_start:orig_end]."""
        if clean_len == 0:
            return
        is_aligned = clean_len == orig_end - orig_start
        if self._extends_last(orig_start, is_aligned):
            self.orig_ends[-1] = orig_end
        else:
            self.clean_starts.append(self.clean_length)
            self.orig_starts.append(orig_start)
            self.orig_ends.append(orig_end)
            self.aligned.append(is_aligned)
        self.clean_length += clean_len

    def _extends_last(self, orig_start: int, is_aligned: bool) -> bool:
        return bool(self.aligned) and is_aligned and self.aligned[-1] and self.orig_ends[-1] == orig_start

    def start(self, pos: int) -> int:
        """Original position of the first character of cleaned position `pos`."""
        i = self._piece(pos)
        if self.aligned[i]:
            return self.orig_starts[i] + pos - self.clean_starts[i]
        return self.orig_starts[i]

    def end(self, pos: int) -> int:
        """Original position just after the cleaned character at `pos`."""
        i = self._piece(pos)
        if self.aligned[i]:
            return self.orig_starts[i] + pos - self.clean_starts[i] + 1
        return self.orig_ends[i]

    def span(self, clean_start: int, clean_end: int) -> tuple[int, int]:
        """Original [start, end) covering the cleaned range [clean_start, clean_end)."""
        if clean_end <= clean_start:
            raise ValueError(f"empty range {clean_start}:{clean_end}")
        return self.start(clean_start), self.end(clean_end - 1)

    def _piece(self, pos: int) -> int:
        if not 0 <= pos < self.clean_length:
            raise IndexError(f"position {pos} outside cleaned text of length {self.clean_length}")
        return bisect_right(self.clean_starts, pos) - 1
