"""A number as the finders read it, and the English words and magnitudes that state one.

`Number` is what every finder passes on; `MAGNITUDES` and `NUMBER_WORDS` are the one table of English
magnitude and number words (other languages' come from CLDR, magnitudes.py); `parse_words` reads the words
through text2num.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from text_to_num import text2num

MAGNITUDES = {
    "thousand": Decimal(10) ** 3,
    "k": Decimal(10) ** 3,
    "lakh": Decimal(10) ** 5,
    "lakhs": Decimal(10) ** 5,
    "crore": Decimal(10) ** 7,
    "crores": Decimal(10) ** 7,
    "lakh crore": Decimal(10) ** 12,  # Indian budgets: `₹1.5 lakh crore` is 1.5 * 10**12
    "million": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "mio": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "mm": Decimal(10) ** 6,  # finance writes `$3MM`, `45 MMUSD`
    "mil": Decimal(10) ** 6,  # `$5mil`: English only (Spanish and Portuguese `mil` is a thousand)
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
    "trln": Decimal(10) ** 12,
}
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_SCALES = "hundred thousand million billion trillion"
NUMBER_WORDS = frozenset((_UNITS + " " + _TENS + " " + _SCALES).split())
WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))  # any one number word, longest first


class Number(NamedTuple):
    """A number found in cleaned text: digits or words, with its magnitude, maybe the low end of a range
    (a named tuple, made in half the time of a frozen dataclass)."""

    start: int
    end: int  # after the magnitude word, if any
    value: Decimal  # scaled: "3.7 billion" -> 3700000000
    precision: Decimal  # place value of the last stated digit, scaled
    words: bool = False  # written in words ("three trillion")
    digits: str = ""  # the digits or words as written, before any magnitude
    magnitude: str | None = None
    suffix: str = ""  # letters attached that are no magnitude: "s" (1990s), "th", "km", "KR"
    high: Number | None = None  # for a range ("2–3 billion", "1993–2023"): its upper end
    notes: tuple[str, ...] = ()
    factor: Decimal = Decimal(1)  # the magnitude's factor: 10**9 for "billion", "млрд" or "十億"
    share: bool = False  # a fraction of a group (`two thirds of voters`), its value in percent (shares.py)

    @property
    def scale(self) -> Decimal:
        """The magnitude's factor (1 without one)."""
        return self.factor

    @property
    def plain_integer(self) -> bool:
        """Digits only, no separator, decimals, magnitude or range: what a year or a code looks like."""
        return not self.words and self.digits.isdigit() and self.magnitude is None and self.high is None

    @property
    def capitalised(self) -> bool:
        """A number word written with a capital ("Three", "Seven"), as at a sentence start or in a name."""
        return self.words and self.digits[:1].isupper()


def times(value: Decimal, factor: Decimal) -> Decimal:
    """`value * factor`, leaving `value` untouched by 1 (multiplying would round a long number to 28 digits)."""
    return value if factor == 1 else value * factor


def parse_words(text: str) -> Decimal | None:
    """The value of English number words (`twenty`, `three hundred`, `three trillion`, `a million`), or None."""
    parts = [part for part in text.lower().replace("-", " ").split() if part != "and"] or [""]
    if parts[0] in ("a", "an"):
        parts[0] = "one"
    scale = Decimal(1)
    if len(parts) > 2 and parts[-2:] == ["lakh", "crore"]:  # "two lakh crore": 2 * 10**12
        scale, parts = MAGNITUDES["lakh crore"], parts[:-2]
    elif len(parts) > 1 and parts[-1] in ("million", "billion", "trillion", "lakh", "lakhs", "crore", "crores"):
        scale, parts = MAGNITUDES[parts[-1]], parts[:-1]
    if parts in (["hundred"], ["thousand"], ["million"], ["billion"], ["trillion"]):
        return None  # a scale word alone ("thousands", "a million" aside) is no number
    try:
        return Decimal(text2num(" ".join(parts), "en")) * scale
    except (ValueError, InvalidOperation):
        return None
