"""Number words of the other languages text2num reads: `huit personnes`, `seis víctimas`, `fünf Punkte`, `ventitré`.

text2num finds them in a stream of tokens and gives their positions; a reading is kept only where news
writes a count in words. Not kept: one (`un`, `una`, `ein` are articles), ordinals (`zweiten`, `secondo`),
a lone power of ten (`cent`, `mille`, `mil`, `Millionen`, `miles`: the magnitude of digits before them, or
`miles de personas`, thousands of), a numerator (`zwei Drittel`), a capitalised word inside a sentence
(`Otto` is a name), and a number word with no word after it (`un bâtiment neuf.`): a count stands before
what it counts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from text_to_num import find_numbers as text2num_numbers

from factcheck.extract.numeral import Number
from factcheck.extract.qualifiers import precision_of

LANGUAGES = frozenset({"fr", "es", "pt", "de", "it", "nl"})  # not Danish: its `to` (two) and `en` (one) are everywhere
_TOKEN = re.compile(r"\w+|[^\w\s]")
_SENTENCE_END = frozenset(".!?:;\n")
# What follows a numerator: `deux tiers`, `zwei Drittel`, `dos tercios` are shares, not counts.
_DENOMINATORS = frozenset(
    "tiers quart quarts cinquième cinquièmes tercio tercios cuarto cuartos quinto quintos terço terços quarto quartos "
    "quinto quintos terzo terzi quarti quinti drittel viertel fünftel derde derden kwart vijfde tredjedel fjerdedel "
    "femtedel".split()
)


class _Token:
    """A word or sign of the text, with its position: what text2num's `find_numbers` reads."""

    __slots__ = ("end", "start", "word")

    def __init__(self, found: re.Match[str]):
        self.word, self.start, self.end = found.group(), found.start(), found.end()

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: _Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def word_numbers(text: str, language: str) -> list[Number]:
    """The counts `text` writes in words of `language` (a primary subtag text2num reads), in order."""
    if language not in LANGUAGES:
        return []
    tokens = [_Token(found) for found in _TOKEN.finditer(text)]
    found = []
    for occurrence in text2num_numbers(tokens, language, 2.0):
        first, last = occurrence.start, occurrence.end - 1
        value = _value(occurrence.value)
        if occurrence.is_ordinal or value is None or value < 2 or not _a_count(tokens, first, last, value):
            continue
        start, end = tokens[first].start, tokens[last].end
        found.append(Number(start, end, value, precision_of(str(value)), words=True, digits=text[start:end]))
    return found


def _a_count(tokens: list[_Token], first: int, last: int, value: Decimal) -> bool:
    after = tokens[last + 1].word if last + 1 < len(tokens) else ""
    before = tokens[first - 1].word if first else ""
    if not after[:1].isalpha() or after.lower() in _DENOMINATORS:
        return False
    if first == last and _power_of_ten(value):
        return False
    written = tokens[first].word
    return not (written[:1].isupper() and before and before not in _SENTENCE_END and before != "«")


def _value(read: float) -> Decimal | None:
    """text2num's float as an exact whole number (words never state a fraction here), or None."""
    return Decimal(int(read)) if read == int(read) else None


def _power_of_ten(value: Decimal) -> bool:
    digits = str(int(value))
    return len(digits) >= 3 and digits.strip("0") == "1"
