"""Currencies the euro replaced, read in historic text: `20,000 francs` in a sentence about 1950 is French francs,
not Swiss; `3,000 marks` German marks, not Bosnian; `500 pesetas` Spanish pesetas; `100 guilders` Dutch guilders.

Which currencies the euro replaced, and until when each was legal tender, come from CLDR's currency history
(through babel): the tender currencies of today's euro territories that were still in use when the euro came
(FRF, BEF, LUF, DEM, ESP, NLG, ITL, ATS, PTE, GRD, FIM, IEP, and the later joiners' SIT, SKK, EEK, LVL, LTL,
HRK...). A text's time is the earliest year its sentence names, else its source's publication year. A name those
currencies share with today's ones (`francs`, `marks`, `guilders`, `lira`) is read as historic only in a text of
a time before its currency ended; a name only they have (`pesetas`, `drachmas`) is always, noted at a lower
confidence when no such time is given. Among several (`francs`: French, Belgian, Luxembourg, and the Swiss
franc of the time), a country named in the sentence, else in the source, decides; else the country that gave
the currency its name in most news (`_USUAL`), noted at a lower confidence. A sum dated before CLDR records the
currency (`francs` in 1950: FRF counts the new franc of 1960) is noted too. The claim's currency is the old
code: the ECB gives it no rate, so normalisation leaves it unconverted (its own warning says so) rather than
convert a sum of 1950 at the euro's fixed rate of 1999.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

from babel import Locale
from babel.core import get_global
from babel.numbers import get_territory_currencies

from factcheck.extract.context import years

_TODAY = dt.date(2025, 1, 1)  # fixed, as money.py's: output never depends on the day it runs
_EURO_START = dt.date(1999, 1, 1)
# Where several replaced currencies share a name, the one news means when no country is named.
_USUAL = {"franc": "FRF", "mark": "DEM", "lira": "ITL", "guilder": "NLG", "escudo": "PTE", "peseta": "ESP"}
_ALIASES = {"deutsche mark": "DEM", "deutsche marks": "DEM", "deutschmark": "DEM", "deutschmarks": "DEM",
            "d-mark": "DEM", "d-marks": "DEM", "punt": "IEP", "punts": "IEP"}  # fmt: skip
_SHORT_PLURALS = {"lire": "lira", "drachmae": "drachma", "markkaa": "markka"}  # the languages' own plurals
# Short names that are also everyday words or another currency's usual name: only their full names are read
# (`crossing the 42,000 mark` is a milestone, as money.py's own short names leave `mark` out).
_NOT_SHORT = frozenset({"pound", "pounds", "mark"})


class Legacy(NamedTuple):
    """A replaced currency: its code, the last year it was tender, the first year CLDR records it, its places."""

    code: str
    until: int
    since: int
    places: tuple[str, ...]


class Reading(NamedTuple):
    """What a currency name means in a historic text: the code, notes, how sure."""

    code: str
    notes: tuple[str, ...]
    confidence: float


@lru_cache(maxsize=1)
def legacy_currencies() -> dict[str, Legacy]:
    """Code -> the currency the euro replaced there, from CLDR's history of today's euro territories."""
    english = Locale.parse("en")
    found: dict[str, Legacy] = {}
    for territory, history in get_global("territory_currencies").items():
        if get_territory_currencies(territory, _TODAY, tender=True) != ["EUR"]:
            continue
        for code, since, until, tender in history:
            if code == "EUR" or not tender or until is None or dt.date(*until) < _EURO_START:
                continue
            known = found.get(code)
            places = (known.places if known else ()) + (english.territories.get(territory, territory).lower()[:5],)
            first = min(since[0], known.since) if known else since[0]
            found[code] = Legacy(code, max(until[0], known.until if known else 0), first, places)
    return found


@lru_cache(maxsize=1)
def legacy_names() -> dict[str, tuple[str, ...]]:
    """Lower-case names of the replaced currencies (full names, plurals, short forms) -> their codes."""
    english = Locale.parse("en")
    plurals = english._data["currency_names_plural"]
    names: dict[str, set[str]] = {}
    for code in legacy_currencies():
        for name in (english.currencies.get(code, code), *plurals.get(code, {}).values()):
            names.setdefault(name.lower(), set()).add(code)
            short = name.split()[-1].lower()
            if short not in _NOT_SHORT and len(name.split()) > 1:
                names.setdefault(short, set()).add(code)
    for alias, code in _ALIASES.items():
        names.setdefault(alias, set()).add(code)
    for plural, singular in _SHORT_PLURALS.items():
        names.setdefault(plural, set()).update(names.get(singular, ()))
    return {name: tuple(sorted(codes)) for name, codes in names.items()}


def era(sentence: str, published: dt.date | None) -> tuple[int, str] | None:
    """(year, where it comes from) of a text's time: the earliest year its sentence names, else its source's date."""
    named = years(sentence)
    if named:
        return min(named), "the sentence"
    return (published.year, "the source's date") if published else None


def historic(
    name: str, today: tuple[str, ...], when: tuple[int, str] | None, sentence: str, document: str
) -> Reading | None:
    """The replaced currency `name` means, or None when it means one of `today` (its codes in use now).

    `when` is the text's time (`era`); `sentence` and `document` may name the country that settles it.
    """
    codes = legacy_names().get(name, ())
    if not codes:
        return None
    table = legacy_currencies()
    if when is not None:
        codes = tuple(code for code in codes if when[0] <= table[code].until) or (codes if not today else ())
    elif today:
        return None  # "20,000 francs" with no time before the euro: today's franc, as before
    if not codes:
        return None
    code, how, confidence = _settle(name, codes, sentence, document)
    legacy = table[code]
    notes = [f"'{name}' read as {code}, a currency replaced by the euro (tender until {legacy.until}), {how}"]
    notes.append(f"the text's time: {when[0]}, from {when[1]}" if when else "no year before the euro in the text")
    if (when is None or when[0] > legacy.until) and " " not in name:
        confidence = min(confidence, 0.6)  # "500 pesetas" in a text of no time, or of after the euro
    elif when is not None and when[0] < legacy.since:
        notes.append(f"{code} is recorded from {legacy.since}: a sum of {when[0]} may be in an earlier {name}")
        confidence = min(confidence, 0.6)
    notes.append("no exchange rate for it: left unconverted")
    return Reading(code, tuple(notes), confidence)


def _settle(name: str, codes: tuple[str, ...], sentence: str, document: str) -> tuple[str, str, float]:
    """(code, how it was chosen, confidence) among the replaced currencies a name may mean."""
    if len(codes) == 1:
        return codes[0], "the only one of that name", 1.0 if " " in name else 0.9
    for where, context in (("the sentence", sentence), ("the source", document)):
        named = _named(codes, context, name)
        if len(named) == 1:
            return named[0], f"from the country named in {where}", 0.9
        if named:
            break
    short = name.split()[-1].removesuffix("s")
    usual = _USUAL.get(_SHORT_PLURALS.get(short, short))
    code = usual if usual in codes else codes[0]
    return code, f"the usual one of that name (also {', '.join(c for c in codes if c != code)})", 0.6


@lru_cache(maxsize=64)
def _word_pattern(stems: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + ")", re.IGNORECASE)


def _named(codes: tuple[str, ...], context: str, name: str) -> list[str]:
    """The codes whose country (or currency's own adjective: `French`) starts a word of `context`, the currency's
    name aside (the stem of France is the word `franc`)."""
    english = Locale.parse("en")
    lowered = context.lower().replace(name.removesuffix("s"), " ")
    named = []
    for code in codes:
        stems = (*legacy_currencies()[code].places, english.currencies.get(code, code).lower()[:5])
        if _word_pattern(tuple(sorted(set(stems)))).search(lowered):
            named.append(code)
    return named
