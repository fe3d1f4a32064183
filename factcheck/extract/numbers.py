"""Numbers as written in news text: digits, separators, magnitudes and number words.

Parsing never rewrites the text: patterns match the cleaned text in place and
the value is computed from the matched characters, so spans stay exact.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from text_to_num import text2num

from factcheck.extract.qualifiers import precision_of

MAGNITUDES = {
    "thousand": Decimal(10) ** 3,
    "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
}
_UNITS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
NUMBER_WORDS = _UNITS.split() + _TENS.split() + ["hundred", "a", "an"]

# Digits: 2,500 / 1 155 / 3.7 / 20. A space separator only before exactly three digits.
DIGITS = r"(?<![\w.,])\d{1,3}(?:(?:,\d{3})+|(?: \d{3})+(?![\d,]))(?:\.\d+)?(?![\d])|(?<![\w.,])\d+(?:\.\d+)?(?![\d])"
WORDS = (
    r"\b(?:(?:" + "|".join(_TENS.split()) + r")(?:[- ](?:" + "|".join(_UNITS.split()[:9]) + r"))?"
    r"|" + "|".join(_UNITS.split()) + r")(?:\s+hundred)?\b"
)
MAGNITUDE = r"(?:thousand|million|billion|trillion|mln|bln|trn|mn|bn|tn|[kmb])\b"


def parse_digits(text: str) -> Decimal:
    """The value of a digit string with thousands separators (`2,500`, `1 155`, `3.7`)."""
    return Decimal(re.sub(r"[,\s]", "", text))


def parse_words(text: str) -> Decimal | None:
    """The value of English number words (`twenty`, `three hundred`), or None."""
    try:
        return Decimal(text2num(" ".join(text.lower().replace("-", " ").split()), "en"))
    except (ValueError, InvalidOperation):
        return None


def scaled(number: str, magnitude: str | None) -> tuple[Decimal, Decimal] | None:
    """(value, precision) of a number written in digits or words, times its magnitude word."""
    scale = MAGNITUDES[magnitude.lower()] if magnitude else Decimal(1)
    if number[0].isdigit():
        return parse_digits(number) * scale, precision_of(number, scale)
    value = parse_words(number)
    if value is None:
        return None
    return value * scale, scale
