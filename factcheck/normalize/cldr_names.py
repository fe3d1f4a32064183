"""CLDR's names of countries and of time-zone cities in the languages of the news, shipped with the package.

Read from babel, they cost loading the data of 38 locales: 0.7 s of every run, most of a short report's
set-up, for a few thousand names. `cldr_names.json` holds them as babel gave them, with babel's version;
under another version of babel they are read from babel as before, so the names are always the installed
CLDR's. Regenerate the file with `python -m factcheck.normalize.cldr_names` after upgrading babel.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

SHIPPED = Path(__file__).with_name("cldr_names.json")


def territories(language: str) -> dict[str, str]:
    """CLDR's names of territories in `language` (`FR` -> `Francia` in `es`)."""
    return _names(language)["territories"]


def time_zone_cities(language: str) -> dict[str, str]:
    """CLDR's exemplar city of each time zone in `language` (`Asia/Tehran` -> `Teheran` in `de`)."""
    return _names(language)["cities"]


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


def _from_babel(language: str) -> dict[str, dict[str, str]]:
    from babel import Locale

    locale = Locale.parse(language)
    cities = {zone: names["city"] for zone, names in locale.time_zones.items() if names.get("city")}
    return {"territories": dict(locale.territories), "cities": cities}


def write(languages: list[str]) -> None:
    """Write the names of `languages` as the installed babel gives them."""
    import babel

    data = {"babel": babel.__version__, "languages": {language: _from_babel(language) for language in languages}}
    SHIPPED.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")


if __name__ == "__main__":
    from factcheck.normalize.countries import NEWS_LANGUAGES

    write(["en", *NEWS_LANGUAGES])
