"""Units the words around a figure decide: letters stuck to the digits that are a magnitude or a unit by context
(`2.4m high`, `250t`), two units of one measure written as one (`6 ft 1 in`, `3 lb 4 oz`), and bare `degrees`.

`m` stuck to digits is a million (`2.4m users`, `$5m`), but a metre before a word of size (`2.4m high`, `a 2.4m-long
wall`, `deep`, `wide`, `tall`, `thick`, `across`) or after one (`a height of 2.4m`); `t` stuck to digits is no unit
alone (`Formula 1 t`), but tonnes beside words of weight or load (`weighed 250t`, `a 40t truck`), then noted at a
lower confidence. A length in feet and inches, or a weight in pounds and ounces, is one measure in the smaller
unit (`6 ft 1 in` is 73 inches, exact, where 6.083 feet would not be). `degrees` alone is an angle (`a 45-degree
angle`), a temperature where the words around speak of one (unsure whether Celsius or Fahrenheit: noted), and no
measure beside words of a university (`two degrees in law`) or before a comparative (`5 degrees cooler`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from factcheck.extract.numeral import Number
from factcheck.extract.qualifiers import precision_of

_AROUND = 80  # characters either side of a figure searched for the words that decide its unit


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit written at some position: where it ends, its pint expression and factor, a note, how sure."""

    end: int
    unit: str
    factor: Decimal
    note: str
    confidence: float = 1.0


_SIZE_AFTER = re.compile(
    r"[ -](?P<word>high|tall|long|deep|wide|thick|across|in[ ](?:height|length|depth|width|diameter))(?![\w-])"
)  # not `a 5m long-term loan`
_SIZE_BEFORE = re.compile(r"\b(?P<word>height|length|depth|width|diameter|wingspan)[ ]of[ ](?:about[ ]|some[ ])?$")
_WEIGHT_WORDS = re.compile(
    r"\b(?:weigh\w*|weight\w*|heav(?:y|ier|iest)|load\w*|cargo|payload|capacity|truck\w*|lorr(?:y|ies)|crane\w*"
    r"|tonnage|displac\w+)\b",
    re.IGNORECASE,
)


def attached_unit(text: str, number: Number) -> UnitMatch | None:
    """The unit that letters stuck to `number` are by the words around (`2.4m high`, `weighed 250t`), or None."""
    if number.magnitude == "m" and number.factor == 1_000_000 and number.high is None:
        return _metres(text, number)
    if number.suffix == "t" and number.magnitude is None:
        around = text[max(0, number.start - _AROUND) : number.end + _AROUND]
        if _WEIGHT_WORDS.search(around):
            note = "'t' read as tonnes, beside words of weight"
            return UnitMatch(number.end + 1, "metric_ton", Decimal(1), note, 0.8)
    return None


def _metres(text: str, number: Number) -> UnitMatch | None:
    after = _SIZE_AFTER.match(text, number.end)
    before = _SIZE_BEFORE.search(text, max(0, number.start - 30), number.start) if after is None else None
    if after is None and before is None:
        return None
    word = (after or before).group("word")
    return UnitMatch(number.end, "meter", Decimal(1), f"'m' read as metres, not millions, beside '{word}'", 0.9)


# The smaller unit of a length or weight written after the larger: `6 ft 1 in`, `5 feet 11 inches`, `3 lb 4 oz`.
# `in` is an inch only when no article or pronoun follows it (`6 ft in the air`).
_SMALLER_VALUE = r"[ ](?:and[ ])?(?P<value>\d{1,2}(?:\.\d+)?)[ ]?"
_INCHES = re.compile(_SMALLER_VALUE + r"(?:inch(?:es)?|in\b(?![ ](?:the|a|an|his|her|their|its|which|order)\b)|\")")
_OUNCES = re.compile(_SMALLER_VALUE + r"(?:ounces?|oz)\b")
_SMALLER = {"foot": (_INCHES, "inch", 12), "pound": (_OUNCES, "ounce", 16)}


def compound_at(text: str, number: Number, unit: UnitMatch) -> tuple[Number, UnitMatch] | None:
    """(number, unit) of a measure written in two units (`6 ft 1 in`) read as one in the smaller, or None."""
    smaller = _SMALLER.get(unit.unit)
    if smaller is None or number.high is not None or number.value != number.value.to_integral():
        return None
    pattern, name, per = smaller
    match = pattern.match(text, unit.end)
    if match is None or Decimal(match.group("value")) >= per:
        return None
    value = number.value * per + Decimal(match.group("value"))
    note = f"'{text[number.start : match.end()]}' read as {value} {name}es" if name == "inch" else ""
    note = note or f"'{text[number.start : match.end()]}' read as {value} {name}s"
    joined = number._replace(value=value, precision=precision_of(match.group("value")), high=None)
    return joined, UnitMatch(match.end(), name, Decimal(1), note, unit.confidence)


_TEMPERATURE_WORDS = re.compile(
    r"\b(?:temperatures?|warm\w*|heat\w*|hot\w*|cold\w*|cool\w*|freez\w*|frost\w*|thermometers?|fever\w*|weather"
    r"|climate|celsius|fahrenheit|highs?|lows?|chill\w*|mercury|shade|sweltering|scorching)\b",
    re.IGNORECASE,
)
_UNIVERSITY_WORDS = re.compile(
    r"\b(?:universit\w*|college\w*|graduat\w*|honorary|bachelor\w*|master\w*|doctor\w*|phd|diploma\w*|academic)\b"
    r"|^[ ](?:in|from)[ ]",
    re.IGNORECASE,
)


# A comparative after `degrees` makes it a difference of temperature (`5 degrees cooler`), which no reading of a
# temperature or angle states: left a count.
_DIFFERENCE_AFTER = re.compile(r"[ ](?:cooler|warmer|hotter|colder|higher|lower|above|below)\b")


def degrees(text: str, number: Number, unit: UnitMatch) -> UnitMatch | None:
    """Bare `degrees` after `number`: an angle, a temperature where the words around speak of one, or None
    (a university's degrees, a difference of temperature)."""
    around = text[max(0, number.start - _AROUND) : unit.end + _AROUND]
    if _DIFFERENCE_AFTER.match(text, unit.end):
        return None
    if _TEMPERATURE_WORDS.search(around):  # first: `45 degrees in the shade` is hot, not a subject of study
        note = "'degrees' read as Celsius, the words around speaking of temperature (Fahrenheit in US copy)"
        return UnitMatch(unit.end, "degree_Celsius", Decimal(1), note, 0.6)
    if _UNIVERSITY_WORDS.search(around) or _UNIVERSITY_WORDS.search(text[unit.end : unit.end + 6]):
        return None
    return UnitMatch(unit.end, "degree", Decimal(1), "'degrees' read as an angle, no temperature named", 0.8)
