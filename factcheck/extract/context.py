"""The words around a figure that alignment compares: content words as crude lemmas, and years."""

from __future__ import annotations

import re
from functools import lru_cache

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are as at be been before being below between both
    but by can could did do does doing down during each few for from further had has have having he her here hers
    him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our
    out over own same she should so some such than that the their them then there these they this those through to
    too under until up very was we were what when where which while who whom why will with would you your said says
    including include includes included among per via within without across around approximately nearly almost
    roughly exceeding least total totaling totalling worth new first second one two three four five six seven eight
    nine ten twenty thirty forty fifty hundred thousand million billion trillion mn bn tn""".split()
)
_STOP = STOP_WORDS
_WORD = re.compile(r"[^\W\d_][\w'-]*")
# A year not inside a longer number; the digits come first and the lookbehind after them (no digit before
# the four), so the engine skips to the next 1 or 2.
_YEAR = re.compile(r"(1[89]\d\d|20\d\d|2100)(?<!\d\d{4})(?!\d)")
_IRREGULAR = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "staff": "staff", "personnel": "personnel",
    "police": "police", "cattle": "cattle", "data": "datum", "media": "medium", "criteria": "criterion",
    "memoranda": "memorandum", "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "sheep": "sheep",
    "deer": "deer", "fish": "fish", "aircraft": "aircraft", "troops": "troop", "lives": "life", "wives": "wife",
    "knives": "knife", "leaves": "leaf", "halves": "half", "analyses": "analysis", "crises": "crisis", "bases": "base",
    "theses": "thesis", "phenomena": "phenomenon", "species": "species", "series": "series", "news": "news",
}  # fmt: skip
_NOT_PLURAL = frozenset({"this", "thus", "plus", "bus", "gas", "yes", "less", "its", "has", "was", "does", "his", "us"})


@lru_cache(maxsize=1 << 16)  # news reuses its words: most lookups are hits
def lemma(word: str) -> str:
    """A crude English lemma: lower case, plural and possessive endings off."""
    word = word.lower().removesuffix("'s").removesuffix("’s")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def is_plural(word: str) -> bool:
    """True when a lower-case word reads as a plural noun (`agreements`, `countries`, `people`)."""
    if word in _IRREGULAR:
        return True
    if word in _NOT_PLURAL or "'" in word or "’" in word:
        return False
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))


class _ContentLemmas(dict):
    """Word as written -> its lemma when that is a content word, else "": filled on first sight, so a
    word news repeats costs one dict lookup (extraction asks for the words around every figure)."""

    _LIMIT = 1 << 17  # distinct words kept before starting afresh: bounds memory on endless vocabularies

    def __missing__(self, word: str) -> str:
        if len(self) >= self._LIMIT:
            self.clear()
        found = lemma(word)
        kept = found if found not in _STOP and len(found) > 1 else ""
        self[word] = kept
        return kept


_CONTENT_LEMMAS = _ContentLemmas()


def content_words(text: str) -> tuple[str, ...]:
    """Content-word lemmas of `text`, in order, without repeats or stop words."""
    return tuple(dict.fromkeys(filter(None, map(_CONTENT_LEMMAS.__getitem__, _WORD.findall(text)))))


@lru_cache(maxsize=1024)  # every figure of a sentence asks for the same sentence's years
def years(text: str) -> tuple[int, ...]:
    """Years named in `text`, in order, without repeats."""
    return tuple(dict.fromkeys(map(int, _YEAR.findall(text))))
