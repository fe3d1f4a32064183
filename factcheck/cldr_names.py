"""CLDR's names of countries, of time-zone cities, of months and of quarters in the languages of the news, shipped
with the package.

Read from babel, they cost loading the data of 38 locales: 0.7 s of every run, most of a short report's
set-up, for a few thousand names. `cldr_names.json` holds them as babel gave them, with babel's version;
under another version of babel they are read from babel as before, so the names are always the installed
CLDR's. Regenerate the file with `python -m factcheck.cldr_names` after upgrading babel.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

SHIPPED = Path(__file__).with_name("cldr_names.json")
# The languages of the news whose names are shipped (BCP 47 primary subtags, and Traditional Chinese).
NEWS_LANGUAGES = (
    "fr es pt it de nl sv da nb fi et pl cs sk hu ro el tr ru uk bg sr kk uz ar fa ur he hi bn id ms vi th "
    "zh zh_Hant ja ko"
).split()
_WIDTHS = ("wide", "abbreviated")
_MONTH_FORMS = [(width, context) for context in ("format", "stand-alone") for width in _WIDTHS]


def territories(language: str) -> dict[str, str]:
    """CLDR's names of territories in `language` (`FR` -> `Francia` in `es`)."""
    return _names(language)["territories"]


def time_zone_cities(language: str) -> dict[str, str]:
    """CLDR's exemplar city of each time zone in `language` (`Asia/Tehran` -> `Teheran` in `de`)."""
    return _names(language)["cities"]


def month_names(language: str, width: str, context: str) -> dict[int, str]:
    """CLDR's names of the months in `language`, as babel's `get_month_names(width, context, language)` gives them."""
    return {int(number): name for number, name in _names(language)["months"][f"{width} {context}"].items()}


def quarter_names(language: str, width: str) -> dict[int, str]:
    """CLDR's names of the quarters of a year in `language` (`4th quarter`, `Q4`; `第4四半期`), format context."""
    return {int(number): name for number, name in _names(language)["quarters"][width].items()}


@cache
def _names(language: str) -> dict[str, dict[str, str]]:
    shipped = _shipped()
    return shipped[language] if language in shipped else _from_babel(language)


@cache
def _shipped() -> dict[str, dict[str, dict[str, str]]]:
    """The shipped names by language, or none when they were taken from another version of babel."""
    import babel

    try:
        data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data["languages"] if data.get("babel") == babel.__version__ else {}


def _from_babel(language: str) -> dict:
    from babel import Locale
    from babel.dates import get_month_names, get_quarter_names

    locale = Locale.parse(language)
    cities = {zone: names["city"] for zone, names in locale.time_zones.items() if names.get("city")}
    months = {
        f"{width} {context}": {str(number): name for number, name in get_month_names(width, context, locale).items()}
        for width, context in _MONTH_FORMS
    }
    quarters = {width: {str(n): name for n, name in get_quarter_names(width, "format", locale).items()} for width in _WIDTHS}
    return {"territories": dict(locale.territories), "cities": cities, "months": months, "quarters": quarters}


def write(languages: list[str]) -> None:
    """Write the names of `languages` as the installed babel gives them."""
    import babel

    data = {"babel": babel.__version__, "languages": {language: _from_babel(language) for language in languages}}
    SHIPPED.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write(["en", *NEWS_LANGUAGES])
