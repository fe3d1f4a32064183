"""Measures: a number with a physical unit (`500 MW`, `120 km`, `1.155 million tons per year`).

Units are read from a table of the ways news text writes them, each mapped to
a unit of the one pint registry (`factcheck.units.registry()`); the claim's unit is
pint's canonical spelling (`metric_ton / year`), so normalisation converts it
with the same registry. Written rates (`per year`, `a day`, `/yr`) divide the
unit. `tons` means metric tons (the common reading outside the US; noted).
Single letters (`g`, `l`, `t`) are not read as units: `5G` and `Formula 1 t` are not measures;
`m` is a metre only after a space (`5m` is five million); `C` and `F` are degrees only stuck to the digits (`40C`).
A hyphen may join the unit as an adjective (`a 4-inch pipe`, `a seven-mile walk`).

The words around may decide what letters stuck to the digits are (`attached.py`): `2.4m high` is metres where
`2.4m users` stays millions, `250t` tonnes beside weighing words. Two units of one length, weight or span read as
one measure in the smaller (`6 ft 1 in` is 73 inches, `3 lb 4 oz` 52 ounces). Bare `degrees` is an angle, or a
temperature where the words around speak of one (then unsure of the scale, noted), and no measure beside words
of a university (`two degrees in law`).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from factcheck.extract.attached import UnitMatch, attached_unit, compound_at, degrees
from factcheck.extract.candidates import Candidate
from factcheck.extract.numeral import Number, times
from factcheck.extract.unit_names import NamedUnit, named_unit_at
from factcheck.models import ClaimKind
from factcheck.units import parse_unit

# (pattern of the written unit, pint expression, factor, note). Patterns are case-sensitive where case
# carries meaning (MW / mW); the order puts longer spellings first.
_UNITS: tuple[tuple[str, str, str, str], ...] = (
    # Other languages' words for the common units of news copy, longest first (the abbreviations are everyone's).
    (r"(?i:kil[oó]metros cuadrados|kilomètres carrés|quadratkilometern?|chilometri quadrati|qui?l[ôó]metros quadrados"
     r"|квадратных километров|кв\. ?км)", "kilometer ** 2", "1", ""),
    (r"(?i:hect[áa]reas?|ettar[oi]|hektar(?:e|en)?|гектар(?:а|ов)?)", "hectare", "1", ""),
    (r"(?i:metros? c[úu]bicos?|mètres? cubes?|metri cubi|metro cubo|kubikmetern?|кубометр(?:а|ов|ы)?"
     r"|кубических метров|metr(?:ów|y)? sześciennych)", "meter ** 3", "1", ""),
    (r"(?i:kil[oó]metros?|kilomètres?|kilometern|chilometr[oi]|qui?l[ôó]metros?|километр(?:а|ов|ы)?|kilometr(?:ów|y|a|e)?)",
     "kilometer", "1", ""),
    (r"(?i:toneladas?|tonnen|tonnellate|тонн(?:ы|а)?)", "metric_ton", "1", ""),
    (r"(?i:grados (?:centígrados|celsius)|degrés celsius|grad celsius|gradi (?:centigradi|celsius)|graus celsius"
     r"|градус(?:а|ов)? цельсия|santigrat derece|stopni celsjusza|st\. ?C|درجة مئوية|درجات مئوية)",
     "degree_Celsius", "1", ""),
    (r"(?i:grados|degrés|gradi|graus|градус(?:а|ов)?|derece|stopni)|Grad", "degree_Celsius", "1",
     "degrees read as Celsius, the unit of the language's countries"),
    (r"(?i:square kilomet(?:re|er)s?|sq\.? ?km)|km2|km²", "kilometer ** 2", "1", ""),
    (r"(?i:square met(?:re|er)s?|sq\.? ?m)|m2|m²", "meter ** 2", "1", ""),
    (r"(?i:square miles?|sq\.? ?mi)", "mile ** 2", "1", ""),
    (r"(?i:cubic met(?:re|er)s?)|m3|m³", "meter ** 3", "1", ""),
    (r"(?i:billion cubic met(?:re|er)s?)|bcm", "meter ** 3", "1000000000", ""),
    (r"(?i:kilomet(?:re|er)s? (?:per|an|a) hour)|km/h|kph", "kilometer / hour", "1", ""),
    (r"(?i:miles per hour)|mph", "mile / hour", "1", ""),
    (r"(?i:kilomet(?:re|er)s?)|km", "kilometer", "1", ""),
    (r"(?i:centimet(?:re|er)s?)|cm", "centimeter", "1", ""),
    (r"(?i:millimet(?:re|er)s?)|mm", "millimeter", "1", ""),
    (r"(?i:met(?:re|er)s?)|(?<= )m", "meter", "1", ""),
    (r"(?i:nautical miles?)", "nautical_mile", "1", ""),
    (r"(?i:miles?)", "mile", "1", ""),
    (r"(?i:feet|foot)|ft", "foot", "1", ""),
    (r"(?i:inch(?:es)?)", "inch", "1", ""),
    (r"(?i:hectares?)|ha", "hectare", "1", ""),
    (r"(?i:acres?)", "acre", "1", ""),
    (r"(?i:metric tons?|tonnes?)", "metric_ton", "1", ""),
    (r"(?i:tons?)", "metric_ton", "1", "'tons' read as metric tons"),
    (r"(?i:milligram(?:me)?s?)|mg", "milligram", "1", ""),
    (r"(?i:microgram(?:me)?s?)|[µμ]g|mcg", "microgram", "1", ""),
    (r"(?i:kilo(?:gram(?:me)?)?s?)|kg", "kilogram", "1", ""),
    (r"(?i:gram(?:me)?s?)", "gram", "1", ""),
    (r"(?i:pounds?)", "pound", "1", "'pounds' read as a weight (lb), the sentence not speaking of money"),
    (r"lbs?", "pound", "1", ""),
    (r"(?i:troy ounces?|ounces?)|oz", "ounce", "1", ""),
    (r"(?i:carats?)", "carat", "1", ""),
    (r"(?i:millilit(?:re|er)s?)|ml|mL", "milliliter", "1", ""),
    (r"(?i:centilit(?:re|er)s?)|cl|cL", "centiliter", "1", ""),
    (r"(?i:lit(?:re|er)s?)", "liter", "1", ""),
    (r"(?i:tablespoons?)|tbsp", "tablespoon", "1", ""),
    (r"(?i:teaspoons?)|tsp", "teaspoon", "1", ""),
    (r"(?i:gallons?)", "gallon", "1", ""),
    (r"(?i:barrels?)|bbl", "barrel", "1", ""),
    (r"(?i:(?:kilo|mega|giga|tera)?watt[- ]hours?)|[kMGT]?Wh", "watt_hour", "1", ""),
    (r"(?i:(?:kilo|mega|giga|tera)?watts?)|[kMGT]We?", "watt", "1", ""),
    (r"(?i:(?:kilo|mega|giga|tera)bytes?)|[kMG]B", "byte", "1", ""),  # not TB (tuberculosis), PB (a personal best)
    # Temperatures: `35 degrees Celsius`, `35 celsius`, `18 degrees C`, `-7 °C`, and `40C` stuck to the digits.
    (r"(?i:degrees? (?:Celsius|centigrade)|celsius|centigrade|deg(?:rees?|\.)?[ ]?(?-i:C))|° ?C|ºC|(?<=\d)C",
     "degree_Celsius", "1", ""),
    (r"(?i:degrees? Fahrenheit|fahrenheit|deg(?:rees?|\.)?[ ]?(?-i:F))|° ?F|ºF|(?<=\d)F", "degree_Fahrenheit", "1", ""),
    (r"(?i:knots)", "knot", "1", ""),
    (r"(?i:(?:kilo|mega|giga|tera)?electron[- ]?volts?)|[kMGT]?eV", "electron_volt", "1", ""),
    (r"(?i:degrees?)", "degree", "1", ""),  # after the temperatures: an angle, or a temperature by context
)
_PREFIXES = {"k": "kilo", "K": "kilo", "M": "mega", "G": "giga", "T": "tera"}
_RATE = re.compile(
    r"[ ]?(?:(?:per|a|an|each|every)[ ](?P<word>year|month|week|day|hour|annum)|/[ ]?(?P<short>yr|year|y|day|d|h|hr|month))\b"
    r"|[ ](?P<adverb>annually|yearly|daily|monthly|weekly)\b"
)
_RATE_UNITS = {"annum": "year", "annually": "year", "yearly": "year", "yr": "year", "y": "year", "d": "day", "daily": "day",
               "h": "hour", "hr": "hour", "monthly": "month", "weekly": "week"}  # fmt: skip


@lru_cache(maxsize=1)
def _unit_pattern() -> re.Pattern[str]:
    alternatives = "|".join(f"(?P<u{i}>{pattern})" for i, (pattern, *_rest) in enumerate(_UNITS))
    return re.compile(rf"(?:{alternatives})(?![\w²³])")


def unit_at(text: str, position: int, spaced: bool = True) -> UnitMatch | None:
    """The unit written at `position` (after at most one space or, as an adjective, a hyphen when `spaced`:
    `a 4-inch pipe`, `a 30-acre farm`), with any rate after it."""
    start = position + 1 if spaced and (text.startswith(" ", position) or text.startswith("-", position)) else position
    found = _unit_pattern().match(text, start)
    if found is None:
        return None
    index = int(found.lastgroup[1:])
    _, unit, factor, note = _UNITS[index]
    unit = _prefixed(found.group(), unit)
    end = found.end()
    rate = _RATE.match(text, end)
    if rate is not None:
        per = rate.group("word") or rate.group("short") or rate.group("adverb")
        unit, end = f"{unit} / {_RATE_UNITS.get(per.lower(), per.lower())}", rate.end()
    return UnitMatch(end, unit, Decimal(factor), note)


def _prefixed(written: str, unit: str) -> str:
    """`MW` -> megawatt, `kilowatt-hours` -> kilowatt_hour, `GB` -> gigabyte: the SI prefix the table leaves out."""
    if unit not in ("watt", "watt_hour", "byte", "electron_volt"):
        return unit
    for symbol, prefix in _PREFIXES.items():
        if written.startswith(symbol) or written.lower().startswith(prefix):
            return prefix + unit
    return unit


def is_unit_suffix(letters: str) -> bool:
    """True when letters attached to a number are a unit (`5km`, `500MW`), not part of a code (`2KR`)."""
    # After a digit, as the letters stand in the text: `40C` is a temperature only stuck to its number.
    return _unit_pattern().fullmatch("0" + letters, 1) is not None


# The Romance languages join a magnitude word to its unit as to its currency: `18 millions de m3`, `2 milioni di`.
_OF_AFTER_MAGNITUDE = re.compile(r" (?:de|di|da|do|d['’])[ ]?", re.IGNORECASE)


def find_physical(text: str, numbers: list[Number], language: str = "en") -> list[Candidate]:
    """Every number followed by a physical unit, with the unit in pint's spelling."""
    found = []
    for number in numbers:
        attached = attached_unit(text, number)
        if attached is not None:
            found.append(_candidate(_unscaled(number), attached))
            continue
        if (number.suffix and not is_unit_suffix(number.suffix)) or number.share:
            continue
        unit = unit_at(text, number.end, spaced=not number.suffix)
        if unit is None and (linked := _OF_AFTER_MAGNITUDE.match(text, number.end)) and text[number.end - 1].isalpha():
            unit = unit_at(text, linked.end(), spaced=False)  # `18 millions de m3`, `2 millones de hectáreas`
        if not number.suffix:
            unit = _longer(unit, named_unit_at(text, number.start, number.end, language))
        if unit is not None and unit.unit == "degree":
            unit = degrees(text, number, unit)
        if unit is None or _pint_spelling(unit.unit) is None:
            continue
        compound = compound_at(text, number, unit)
        found.append(_candidate(*compound) if compound else _candidate(number, unit))
    return found


def _unscaled(number: Number) -> Number:
    """The number without the magnitude its letter was first read as (`2.4m` high: 2.4, not 2.4 million)."""
    if number.factor == 1:
        return number
    return number._replace(value=number.value / number.factor, precision=number.precision / number.factor,
                           magnitude=None, factor=Decimal(1))  # fmt: skip


def _longer(unit: UnitMatch | None, named: NamedUnit | None) -> UnitMatch | None:
    """The table's unit or the language's CLDR one, whichever reads more of the text (`205 kilómetros por hora`
    is a speed, although the table stops at `kilómetros`)."""
    if named is None or (unit is not None and unit.end >= named.end):
        return unit
    return UnitMatch(named.end, named.unit, Decimal(1), "")


@lru_cache(maxsize=512)
def _pint_spelling(unit: str) -> str | None:
    """pint's spelling of a unit as the table writes it (`metric_ton / year`), or None: a handful of distinct
    units, each parsed once (pint's parser costs tens of microseconds a call)."""
    parsed = parse_unit(unit)
    return None if parsed is None else str(parsed)


def _candidate(number: Number, unit: UnitMatch) -> Candidate:
    canonical = _pint_spelling(unit.unit)
    high = number.high
    return Candidate(
        kind=ClaimKind.PHYSICAL,
        start=number.start,
        end=unit.end,
        value=times(number.value, unit.factor),
        unit=canonical,
        precision=times(number.precision, unit.factor),
        high=times(high.value, unit.factor) if high else None,
        high_precision=times(high.precision, unit.factor) if high else None,
        role="range" if high else None,
        noun=canonical,
        notes=number.notes + ((unit.note,) if unit.note else ()),
        confidence=unit.confidence,
    )
