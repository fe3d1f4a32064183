"""Cities' names in the languages of the news, from CLDR's time-zone exemplar cities.

`Tehran`, `Teheran`, `Téhéran` and `Тегеран` name one city: written in different languages' copy (or by
a writer who keeps their own language's name), two of them are not a misspelling of each other. CLDR
names the city of every time zone in each locale; the zone's own id gives the English name
(`Asia/Tehran`), which English data leaves out.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from factcheck.cldr_names import NEWS_LANGUAGES, time_zone_cities


def same_city(first: str, second: str) -> bool:
    """True when two different names are CLDR's names of one city in two languages (`Tehran`, `Teheran`)."""
    if first.casefold() == second.casefold():
        return False
    zones = _zones_by_name()
    return bool(zones.get(first.casefold(), frozenset()) & zones.get(second.casefold(), frozenset()))


@lru_cache(maxsize=1)
def _zones_by_name() -> dict[str, frozenset[str]]:
    """Each city name (case-folded) -> the time zones whose exemplar city it is, in English and the news languages."""
    found: dict[str, set[str]] = defaultdict(set)
    for language in ("en", *NEWS_LANGUAGES):
        for zone, city in time_zone_cities(language).items():
            found[city.casefold()].add(zone)
            if "/" in zone:
                found[zone.rsplit("/", 1)[1].replace("_", " ").casefold()].add(zone)
    return {name: frozenset(zones) for name, zones in found.items()}
