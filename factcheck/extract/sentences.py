"""Sentences and paragraphs of a cleaned text, with a lookup from a position to its sentence."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from factcheck.extract.magnitudes import CJK_CLASS

# A sentence ends at . ! ? (and closing quotes or brackets) before whitespace and a capital of
# any cased script (Latin, Greek, Cyrillic), a letter of a script without case (Arabic, Hebrew,
# Devanagari, Thai, CJK, Hangul), a digit or a quote; at a CJK or Arabic-script full stop
# (。！？ ۔ ؟), which needs no space; or at a line break. Abbreviations such as "U.S." or "Inc."
# followed by a capital are the known weak spot of this rule.
# Written to start with one character class, so the engine skips to the next candidate end (3x faster
# than `[.!?][\"')\]]*\s+(?=…)|\n+`, which it tries at every position), with the same matches.
_OPENS = (
    "A-Z0-9\"'(\\[«“„¿¡"
    "\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f"  # Latin capitals (Extended-A and B mix cases: rare openers either way)
    "\u0386-\u03ab\u0400-\u042f\u0531-\u0556"  # Greek, Cyrillic, Armenian capitals
    "\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f"  # Hebrew, Arabic, Devanagari, Thai: no case
    f"{CJK_CLASS}"  # kana, CJK, Hangul
)
_FULL_STOPS = ".!?。！？۔؟"
_BOUNDARY = re.compile(
    rf"[{_FULL_STOPS}\n](?:(?<=[.!?])[\"')\]»”]*\s+(?=[{_OPENS}])|(?<=[。！？۔؟])[」』）\"”’]*\s*|(?<=\n)\n*)"
)
MAX_SENTENCE = 1000  # characters: longer runs without a sentence end (tables, lists, junk) are cut
_NO_BREAK_AFTER = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Inc|Co|Corp|Ltd|vs|No|Gen|Sen|Rep|Gov)|\b[A-Z])\.$")


@dataclass(frozen=True)
class Segments:
    """Sentence boundaries of a text and the paragraph each sentence belongs to."""

    starts: list[int]
    ends: list[int]
    paragraphs: list[int]

    def index(self, position: int) -> int:
        """Index of the sentence holding `position`."""
        return max(0, bisect_right(self.starts, position) - 1)

    def sentence(self, position: int) -> tuple[int, int]:
        """(start, end) of the sentence holding `position`."""
        i = self.index(position)
        return self.starts[i], self.ends[i]

    def paragraph(self, position: int) -> int:
        """Index of the paragraph holding `position`."""
        return self.paragraphs[self.index(position)]


def segment(text: str) -> Segments:
    """Split text into sentences; a blank line (or any line break) also ends a paragraph."""
    starts, ends, paragraphs = [], [], []
    paragraph, start = 0, 0
    for boundary in _BOUNDARY.finditer(text):
        found = boundary.group()
        end = boundary.start() + (found[0] in _FULL_STOPS)  # the sentence keeps its full stop
        if "\n" not in found and not found[1:].strip() and _NO_BREAK_AFTER.search(text, max(start, end - 8), end):
            continue  # "Mr. Tokayev", "U.S. officials": an abbreviation, not a sentence end
        _add(text, start, end, paragraph, starts, ends, paragraphs)
        if "\n" in found:
            paragraph += 1
        start = boundary.end()
    _add(text, start, len(text), paragraph, starts, ends, paragraphs)
    if not starts:
        starts, ends, paragraphs = [0], [len(text)], [0]
    return Segments(starts, ends, paragraphs)


def _add(text: str, start: int, end: int, paragraph: int, starts: list, ends: list, paragraphs: list) -> None:
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:  # no real sentence is this long: cut at a space so context stays small
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        starts.append(start)
        ends.append(cut)
        paragraphs.append(paragraph)
        start = cut
    if end > start:
        starts.append(start)
        ends.append(end)
        paragraphs.append(paragraph)
