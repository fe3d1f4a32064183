"""Units as every language writes them, from CLDR's unit patterns through babel: `4 000 mètres`,
`300万公顷`, `550 كيلومتر`, `205 kilómetros por hora`, `時速 200 キロメートル`, `6,5 гектара`.

physical.py's table holds the ways English copy (and the abbreviations everyone uses) write a unit; this
module adds a language's own words, every plural and every width CLDR lists, for the units news copy
measures with. A pattern may write words before the number too (`時速 {0} キロメートル`, `시속 {0}킬로미터`):
those words must stand before it. A lone letter (`м`, `g`, `ม.`) is no unit here, as in the table: `2023 г.`
is a year.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from babel import Locale, UnknownLocaleError

from factcheck.scripts import HAN_KANA, UNSPACED, caseless, script_of

# CLDR's unit keys to the one pint registry's spelling; durations are durations.py's, currencies money.py's.
CLDR_UNITS = {
    "length-kilometer": "kilometer", "length-meter": "meter", "length-centimeter": "centimeter",
    "length-millimeter": "millimeter", "length-mile": "mile", "length-foot": "foot", "length-inch": "inch",
    "length-nautical-mile": "nautical_mile",
    "area-hectare": "hectare", "area-square-kilometer": "kilometer ** 2", "area-square-meter": "meter ** 2",
    "area-square-mile": "mile ** 2", "area-acre": "acre",
    "volume-cubic-meter": "meter ** 3", "volume-liter": "liter",
    "mass-kilogram": "kilogram", "mass-gram": "gram", "mass-tonne": "metric_ton",
    "speed-kilometer-per-hour": "kilometer / hour", "speed-mile-per-hour": "mile / hour", "speed-knot": "knot",
    "temperature-celsius": "degree_Celsius", "temperature-fahrenheit": "degree_Fahrenheit",
    "power-kilowatt": "kilowatt", "power-megawatt": "megawatt", "power-gigawatt": "gigawatt",
    "energy-kilowatt-hour": "kilowatt_hour",
}  # fmt: skip
_SPACES = " \u00a0\u202f"
# Scripts whose words a particle or the next word may follow with no space: a unit there ends where it ends.
_ATTACHED = re.compile(rf"[{UNSPACED}\uac00-\ud7af]")
_HAN_KANA = re.compile(rf"[{HAN_KANA}]")


class Form(NamedTuple):
    """One way a language writes a unit: the words before the number (maybe none), those after it."""

    before: str
    after: str
    unit: str


@lru_cache(maxsize=128)
def unit_forms(language: str) -> tuple[Form, ...]:
    """Every form CLDR gives the language for the units of `CLDR_UNITS`, lower-case, without lone letters;
    a form two units share with the same words before it is neither's. Short Latin forms are the table's
    (`km`, `ha`) or words of the text (`in`, `mi`, `po`): only the long ones are read here."""
    units: dict[tuple[str, str], set[str]] = {}
    for unit, width, patterns in _widths(language):
        for category, pattern in patterns.items():
            if category == "per" or pattern.count("{0}") != 1:
                continue  # `per` writes a rate (`{0}/km`); Arabic's `one` is the word alone
            before, after = (part.strip(_SPACES).lower() for part in pattern.split("{0}"))
            if _a_word(after) and (width == "long" or script_of(after) not in ("Latn", None)):
                units.setdefault((before, after), set()).add(unit)
    forms = [Form(before, after, unit) for (before, after), (unit, *others) in units.items() if not others]
    return tuple(sorted(forms, key=lambda form: (-len(form.after), -len(form.before), form)))


def _widths(language: str) -> list[tuple[str, str, dict[str, str]]]:
    """(pint unit, width, plural patterns) of every width of every unit; Chinese in both its scripts (`公頃`, `公顷`)."""
    tag = language.replace("-", "_")
    tags = ("zh_Hans", "zh_Hant", "zh_Hant_HK") if tag.split("_")[0].lower() == "zh" else (tag,)
    found = []
    for each in tags:
        try:
            patterns = Locale.parse(each)._data["unit_patterns"]
        except (UnknownLocaleError, ValueError, KeyError):
            continue
        found += [(unit, *width) for key, unit in CLDR_UNITS.items() for width in patterns.get(key, {}).items()]
    return found


def _a_word(written: str) -> bool:
    """True for a form that can be told from a letter in the text: a Han or kana character, two letters or more,
    or a symbol (`m²`, `°C`); not a lone letter with or without its dot (`m`, `г`, `ม.`)."""
    letters = [char for char in written if char.isalpha()]
    lone = len(letters) == 1 and written.rstrip(".") == letters[0]
    return bool(written) and (not lone or bool(_HAN_KANA.match(written)))


@lru_cache(maxsize=128)
def _after_pattern(language: str) -> re.Pattern[str] | None:
    afters = dict.fromkeys(form.after for form in unit_forms(language))  # longest first, as sorted
    if not afters:
        return None
    return re.compile(rf"[{_SPACES}]?(?:{'|'.join(re.escape(after) for after in afters)})", re.IGNORECASE)


class NamedUnit(NamedTuple):
    """A unit CLDR names, written after a number: where its words end, its pint spelling."""

    end: int
    unit: str


def named_unit_at(text: str, start: int, end: int, language: str) -> NamedUnit | None:
    """The unit the language's CLDR words write after the number at `start`–`end`, if any."""
    pattern = _after_pattern(language)
    found = pattern.match(text, end) if pattern else None
    if found is None or _runs_on(text, found.end()):
        return None
    after = caseless(found.group().lstrip(_SPACES))  # the case-blind pattern's `ı` matches `I` too
    forms = [form for form in unit_forms(language) if caseless(form.after) == after]
    fitting = [form for form in forms if form.before and _written_before(text, start, form.before)]
    chosen = fitting or [form for form in forms if not form.before]
    return NamedUnit(found.end(), chosen[0].unit) if chosen else None


def _runs_on(text: str, end: int) -> bool:
    """True when the unit's last letter goes on into a longer word (`километрах` is not `километра`)."""
    if end >= len(text) or _ATTACHED.match(text[end - 1]):
        return False
    following = text[end]
    if unicodedata.category(following).startswith("M"):
        return True
    return following.isalpha() and script_of(following) == script_of(text[end - 1])


def _written_before(text: str, start: int, before: str) -> bool:
    """True when `before` (`時速`, `시속`) stands right before the number at `start`, a space apart at most."""
    head = text[max(0, start - len(before) - 1) : start].rstrip(_SPACES).lower()
    return head.endswith(before)
