"""Case forms of names: `Китая`, `Китаю`, `Китаем` are `Китай`; `Соединенных Штатов` is `Соединенные Штаты`.

Russian, Ukrainian and the other Cyrillic languages of the news decline names, so a
listed form (CLDR's `Китай`) rarely appears as written. A word is a case form of a
listed word when both share the listed word's base (the word less a final vowel, `й`
or `ь`) and what follows the base is a case ending. Short bases (`Мали`, `Чад`) are
matched exactly: an ending there would make another word. Snowball's Russian stemmer
is no help here: it stems `Китай` and `Китая` apart.
"""

from __future__ import annotations

import re

_CYRILLIC = re.compile(r"^[\u0400-\u04ff]+$")
_FINAL = "аяеёиыоуюйь"  # what a listed word may end in that its case forms replace
# Noun and adjective case endings, singular and plural; the empty ending is the base itself (`Иран`).
ENDINGS = frozenset(
    "а я у ю е и ы о й ой ей ем ём ом ою ею ов ев ам ям ами ями ах ях х м ми ого его ому ему ую юю ые ие ых их ым им "
    "ыми ими".split()
) | {""}
SHORTEST_BASE = 4
# Languages of the Latin script that decline names too, by endings of a letter or two: Croatian `u Malmeu`,
# `Baby Lasagnu`; Polish `w Paryżu`; Finnish `Malmössä` is longer and stays a spelling of its own.
DECLINING_LATIN = frozenset({"az", "bs", "cs", "et", "fi", "hr", "hu", "lt", "lv", "pl", "sk", "sl", "sq", "sr", "tr"})
# Languages that stack suffixes (Turkish `Partinin`, `Kamarasına`; Finnish, Hungarian): endings of up to four letters.
AGGLUTINATIVE = frozenset({"az", "et", "fi", "hu", "tr"})


def declines(language: str | None) -> bool:
    """True for a language of the Latin script whose names change their endings by case."""
    return language is not None and language.split("-")[0].lower() in DECLINING_LATIN


def longest_ending(language: str | None) -> int:
    """How many letters a case ending of a declining language's name may have."""
    return 4 if language is not None and language.split("-")[0].lower() in AGGLUTINATIVE else 2
_LONGEST_ENDING = max(map(len, ENDINGS))


def base(word: str) -> str | None:
    """The part of a folded Cyrillic word its case forms keep; None for a word matched only exactly."""
    if not _CYRILLIC.match(word):
        return None
    stem = word[:-1] if word[-1] in _FINAL else word
    return stem if len(stem) >= SHORTEST_BASE else None


def bases_of(written: str) -> list[str]:
    """Every base a folded written word may be a case form of (the word less each possible ending)."""
    if not _CYRILLIC.match(written):
        return []
    found = []
    for cut in range(0, min(_LONGEST_ENDING, len(written) - SHORTEST_BASE) + 1):
        if written[len(written) - cut :] in ENDINGS or cut == 0:
            found.append(written[: len(written) - cut])
    return found


def inflects(written: str, listed: str) -> bool:
    """True when the folded word `written` is `listed` or one of its case forms."""
    if written == listed:
        return True
    stem = base(listed)
    return stem is not None and written.startswith(stem) and written[len(stem) :] in ENDINGS
