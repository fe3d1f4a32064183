"""Money: an amount with its currency, written with a symbol, an ISO code or a currency name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel import Locale

from factcheck.extract.numbers import DIGITS, MAGNITUDE, WORDS, scaled

SYMBOLS = {"US$": "USD", "$": None, "€": "EUR", "£": "GBP", "¥": "JPY", "₸": "KZT", "₽": "RUB", "₹": "INR", "₩": "KRW"}
# Short names shared by several currencies mean the best-known one unless qualified.
_PREFERRED_SHORT_NAMES = {"dollar": "USD", "euro": "EUR", "yen": "JPY", "pound": "GBP", "ruble": "RUB", "rouble": "RUB", "yuan": "CNY"}


@dataclass(frozen=True)
class MoneyMatch:
    """A money amount found in cleaned text."""

    start: int
    end: int
    value: Decimal
    precision: Decimal
    currency: str
    notes: tuple[str, ...]


@lru_cache(maxsize=None)
def currency_names(language: str = "en") -> dict[str, str]:
    """Lower-case currency names and plurals from CLDR, with short forms ('yen', 'dollars'), to ISO codes."""
    locale = Locale.parse(language)
    names: dict[str, str] = {}
    for code, name in locale.currencies.items():
        names.setdefault(name.lower(), code)
        for plural in locale._data["currency_names_plural"].get(code, {}).values():
            names.setdefault(plural.lower(), code)
    for short, code in _PREFERRED_SHORT_NAMES.items():
        names.setdefault(short, code)
        names.setdefault(short + "s", code)
    return names


@lru_cache(maxsize=None)
def _pattern(language: str = "en") -> re.Pattern[str]:
    names = sorted(currency_names(language), key=len, reverse=True)
    name_alternatives = "|".join(re.escape(name) for name in names)
    symbols = "|".join(re.escape(symbol) for symbol in sorted(SYMBOLS, key=len, reverse=True))
    number = rf"(?P<number>{DIGITS}|{WORDS})"
    magnitude = rf"(?:[ ]?(?P<magnitude>{MAGNITUDE}))?"
    before = rf"(?P<symbol>{symbols})[ ]?{number}{magnitude}"
    code_before = rf"\b(?P<code>[A-Z]{{3}})[ ]{number.replace('number', 'number2')}{magnitude.replace('magnitude', 'magnitude2')}"
    after = (
        rf"{number.replace('number', 'number3')}{magnitude.replace('magnitude', 'magnitude3')}"
        rf"[ ](?P<name>{name_alternatives}|[A-Z]{{3}})\b"
    )
    return re.compile(rf"{before}|{code_before}|{after}", re.IGNORECASE)


def find_money(text: str, dollar: str = "USD", language: str = "en") -> list[MoneyMatch]:
    """Every money amount in `text`; a bare `$` is read as `dollar` and the choice noted."""
    found = []
    for match in _pattern(language).finditer(text):
        parsed = _parse(match, dollar, language)
        if parsed is not None:
            found.append(parsed)
    return found


def _parse(match: re.Match[str], dollar: str, language: str) -> MoneyMatch | None:
    groups = match.groupdict()
    number = groups["number"] or groups["number2"] or groups["number3"]
    magnitude = groups["magnitude"] or groups["magnitude2"] or groups["magnitude3"]
    currency, notes = _currency(groups, dollar, language)
    if currency is None:
        return None
    value = scaled(number, magnitude)
    if value is None:
        return None
    return MoneyMatch(match.start(), match.end(), value[0], value[1], currency, notes)


def _currency(groups: dict, dollar: str, language: str) -> tuple[str | None, tuple[str, ...]]:
    if groups["symbol"]:
        code = SYMBOLS[groups["symbol"].upper()]
        if code is None:
            return dollar, (f"'$' read as {dollar}",)
        return code, ()
    if groups["code"]:
        return _iso(groups["code"]), ()
    name = groups["name"]
    if name.isupper():
        return _iso(name), ()
    return currency_names(language).get(name.lower()), ()


def _iso(code: str) -> str | None:
    return code if code in Locale.parse("en").currencies and code.isupper() else None
