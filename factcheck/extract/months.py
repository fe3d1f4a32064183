"""Month names of the languages news is read in, from CLDR (`марта`, `février`, `febrero`, `Şubat`).

Every width CLDR has for a language's months, in both contexts: the format forms are the genitive
("14 марта"), the stand-alone ones the nominative ("март"). Abbreviations are kept only when CLDR
writes them with a dot (`февр.`, `Feb.`), since bare ones (`mar`, `may`, `Kas`) are common words, and
not those that are English words with a full stop (`set.`, `out.`). Names are matched as CLDR
writes them, so the French `mars` never reads the planet.
The prepositional case of Russian, Ukrainian, Polish and Czech ("в феврале 2023 года", "w marcu 2022"), which
CLDR lacks, is added by hand.
"""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.cldr_names import month_names

# Not Malay: its March is `Mac` (`2 Mac computers`).
LANGUAGES = (
    "ru", "fr", "es", "de", "it", "pt", "tr", "id", "nl", "pl", "cs", "uk", "sv", "ro", "hu", "el", "da", "nb", "fi",
)  # fmt: skip
_ENGLISH_WORDS = frozenset({"set.", "out.", "mar.", "mai."})
_EXTRA = {  # forms CLDR lacks: the prepositional (locative) case of Russian, Ukrainian, Polish and Czech
    "январе": 1, "феврале": 2, "марте": 3, "апреле": 4, "мае": 5, "июне": 6, "июле": 7, "августе": 8,
    "сентябре": 9, "октябре": 10, "ноябре": 11, "декабре": 12,
    "січні": 1, "лютому": 2, "березні": 3, "квітні": 4, "травні": 5, "червні": 6, "липні": 7, "серпні": 8,
    "вересні": 9, "жовтні": 10, "листопаді": 11, "грудні": 12,
    "styczniu": 1, "lutym": 2, "marcu": 3, "kwietniu": 4, "maju": 5, "czerwcu": 6, "lipcu": 7, "sierpniu": 8,
    "wrześniu": 9, "październiku": 10, "listopadzie": 11, "grudniu": 12,
    "lednu": 1, "únoru": 2, "březnu": 3, "dubnu": 4, "květnu": 5, "červnu": 6, "červenci": 7, "srpnu": 8,
    "říjnu": 10, "prosinci": 12,
}  # fmt: skip


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Every month name of the supported languages, as CLDR writes it -> its number (1-12)."""
    names: dict[str, int] = {}
    for language in LANGUAGES:
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in month_names(language, width, context).items():
                    if width == "wide" or (name.endswith(".") and name not in _ENGLISH_WORDS):
                        names[name] = number
    names.update(_EXTRA)
    return names


@lru_cache(maxsize=1)
def month_alternation() -> str:
    """The month names as a regex alternation, longest first (`февраля` before `февр.`)."""
    return "|".join(re.escape(name) for name in sorted(month_numbers(), key=len, reverse=True))
