"""The language of a source: a BCP 47 tag checked against CLDR, or detected from the text.

A tag (`zh-Hant`, `sr-Latn`, `pt-BR`, `pt_BR`) is accepted when babel finds a CLDR locale for it; anything
else is refused, so that a source is never read as English because its tag was mistyped. A source that
gives no tag has its language detected with lingua, among the languages of international news that CLDR
describes (their months, currencies and number formats are what extraction reads them with).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from babel import Locale, UnknownLocaleError

# Detected among these (lingua's ISO 639-1 codes): English and the news languages whose CLDR data the tool
# reads (cldr_names.py's NEWS_LANGUAGES; lingua has no Uzbek model). Fewer languages would make
# a language left out be read as a neighbour; more would load models that nothing in the rules uses.
DETECTED = (
    "en fr es pt it de nl sv da nb fi et pl cs sk hu ro el tr ru uk bg sr kk ar fa ur he hi bn id ms vi th zh ja ko"
).split()
# A detection wins only by this relative distance over the runner-up; closer calls (`3 trillion yen`,
# `Tokyo, Dec 20`: a few words of any Latin-script language) are no detection.
_MINIMUM_DISTANCE = 0.1
# Detection reads the start of a long text: the language is plain from it, and the time stays bounded.
_SAMPLE = 20_000
_SUBTAG = re.compile(r"[A-Za-z0-9]{1,8}")
_UNDETERMINED = {"und", "mul", "zxx", "mis"}  # BCP 47's "no language" codes: babel reads `und` as en_US


def parse_tag(value: str) -> str:
    """The BCP 47 tag `value` names, written with hyphens and canonical case (`pt_br` -> `pt-BR`).

    Extensions and private use (`ja-JP-u-ca-japanese`, `en-x-house`) are dropped. Raises ValueError for a
    tag that is malformed or names no language CLDR knows.
    """
    parts = value.strip().replace("_", "-").split("-")
    if not all(_SUBTAG.fullmatch(part) for part in parts):
        raise ValueError(_refusal(value))
    parts = _without_extensions(parts)
    if parts[0].lower() in _UNDETERMINED:
        raise ValueError(_refusal(value))
    try:
        Locale.parse("_".join(parts))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValueError(_refusal(value)) from None
    return "-".join(_cased(part, index) for index, part in enumerate(parts))


def _refusal(value: str) -> str:
    return f"unknown language tag {value!r} (give a BCP 47 tag such as en, fr, zh-Hant, pt-BR)"


def _without_extensions(parts: list[str]) -> list[str]:
    """The subtags before the first singleton (`u`, `t`, `x`…), which starts an extension or private use."""
    for index, part in enumerate(parts[1:], start=1):
        if len(part) == 1:
            return parts[:index]
    return parts


def _cased(part: str, index: int) -> str:
    """BCP 47's conventional case: `en`, `Hant`, `BR`, `419`, `posix`."""
    if index == 0:
        return part.lower()
    if len(part) == 4 and part.isalpha():
        return part.title()
    if len(part) == 2 and part.isalpha():
        return part.upper()
    return part.lower()


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in, or None when the text does not say.

    The same text always gives the same answer: lingua's models are fixed, and so are its settings here.
    """
    return _detect_sample(text[:_SAMPLE])


@lru_cache(maxsize=256)  # the same text read again (a corpus loaded by several commands in one process) costs nothing
def _detect_sample(sample: str) -> str | None:
    if len(sample.strip()) < _SHORT:
        return _detect_short(sample)
    found = _detector().detect_language_of(sample)
    return None if found is None else _code(found)


# Below this many characters lingua's low-accuracy mode guesses wrong: it takes `Le bilan dépasse 2 000
# morts.` for German and `Tokyo, Dec 20` for Vietnamese. Above it, both modes are right on every one of
# the 296 real sources (tests/data/real); low accuracy loads a third of the models (62 MB, not 160) in a
# third of the time.
_SHORT = 120
# A short text is weighed in high accuracy among the languages the low-accuracy mode ranks first, not among
# all of DETECTED: high accuracy loads five models a language (about 0.3 s a language), every Latin-script
# language's for a Latin-script line (6.6 s). Four, and English, keep the answer: on three draws of 800
# short lines of the real corpus and the tests' texts (`python -m bench.language_short`), this route and
# high accuracy among every language never name two different languages; they differ on 1 to 2 % of the
# lines, close calls where one names a language and the other none.
_SHORT_CANDIDATES = 4
# English is a candidate whatever its rank: trigrams alone rank it low on a fragment as short as
# `Hundreds of U.`, and it is the language a source is read in when no language is detected.
_ALWAYS_CANDIDATE = "en"


def _detect_short(sample: str) -> str | None:
    """High accuracy among the low-accuracy mode's first candidates, with the same minimum distance.

    Confidences shared among fewer languages are larger, so the distance to the runner-up is scaled by the
    share of the low-accuracy confidence the candidates hold: leaving languages out must not make a close
    call look clear.
    """
    confidences = _detector().compute_language_confidence_values(sample)
    ranked = confidences[:_SHORT_CANDIDATES]
    if not ranked:
        return None
    ranked += [value for value in confidences[_SHORT_CANDIDATES:] if _code(value.language) == _ALWAYS_CANDIDATE]
    values = _candidates_detector(tuple(value.language for value in ranked)).compute_language_confidence_values(sample)
    if len(values) > 1:
        share = sum(value.value for value in ranked)
        if (values[0].value - values[1].value) * share < _MINIMUM_DISTANCE:
            return None
    return _code(values[0].language) if values else None


def _code(language) -> str:
    return language.iso_code_639_1.name.lower()


@cache
def _detector():
    """The low-accuracy detector, built on first use; lingua loads a language's models only when a text could
    be in it."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder  # here: a run that detects nothing never imports it

    codes = [getattr(IsoCode639_1, code.upper()) for code in DETECTED]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).with_minimum_relative_distance(_MINIMUM_DISTANCE)
    return builder.with_low_accuracy_mode().build()


@lru_cache(maxsize=64)
def _candidates_detector(languages: tuple):
    """A high-accuracy detector among `languages` (lingua's models are shared by every detector)."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(*languages).build()
