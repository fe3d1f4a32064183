"""Counts: a number with the noun it counts (`more than 60 bilateral agreements`, `nine new agreements`,
`over 70 officials and business leaders`, `49 projects`), the noun kept as a lemma (`agreement`).

The counted noun is the first plural noun within four words after the number, across adjectives and
compound modifiers (`150 public- and private-sector agreements`) but not across function words. A number
with no such noun is still kept, with `noun` unset and a lower confidence, when it is written in digits or in
another language's words (`acht Opfer`: number_words.py keeps only those a word follows). Bare English number
words are kept, at a lower confidence still, only in English text and where they stand for what they count:
opening a sentence before a lower-case word (`Seventeen came.`, `Forty-three left.`), or after a verb of
reaching before a stop (`the toll rose to seventeen.`); elsewhere (`the Central Asian "five"`, `at seven.`)
they are names or times, and the word `one` (`one of the...`) is never a count.
In Chinese and Japanese the counted word follows the figure with no space, maybe after a classifier
(`912人`, `543个席位`, `240議席`, `5000多人`): it is kept as written.
"""

from __future__ import annotations

import re

from factcheck.extract.candidates import Candidate
from factcheck.extract.context import STOP_WORDS, is_plural, lemma
from factcheck.extract.magnitudes import base_language, is_cjk
from factcheck.extract.numbers import ORDINAL_SUFFIXES, Number
from factcheck.extract.numeral import NUMBER_WORDS
from factcheck.extract.tries import trie
from factcheck.models import ClaimKind

_WORDS_AFTER = re.compile(r"(?:[ ](?P<word>[^\W\d_][\w'’-]*))")
_MAX_WORDS = 4
_RATIO = re.compile(r"[ -]?(?:times|fold)\b", re.IGNORECASE)
# Content-word stop words an adjective may be: they may stand between a number and its noun.
_MODIFIERS = frozenset({"new", "first", "second", "total", "more", "most", "other", "same", "own", "few", "further"})
_FUNCTION_WORDS = STOP_WORDS - _MODIFIERS
# Words Chinese and Japanese count with, right after the figure; longest first so 議席 wins over 席.
_CJK_NOUNS = sorted(
    """人 名 棟 件 戸 世帯 軒 户 座 所 家 台 辆 輛 頭 匹 票 席 議席 席位 国 カ国 か国 ヵ国 国家 國家 项目 項目
    社 校 机 機 隻 艘 例 次 回 本 栋 间 間 处 處 起""".split(),
    key=len,
    reverse=True,
)
_CJK_NOUN = re.compile(trie(_CJK_NOUNS))  # one match finds the longest noun, as trying them longest first did
_CJK_CLASSIFIERS = tuple("个個位")  # 543个席位: the classifier, then the noun
_CJK_APPROXIMATE = tuple("多余餘")  # 5000多人: "more than", before the noun (qualifiers.py reads it)
# Words that end a noun phrase though they are no stop words: verbs and adverbs common after counts.
_ENDS_PHRASE = frozenset(
    """were was are is have has had will would could should may might must can now already also still each
    signed held took made came went per times fold percent cent
    las los les des dos das sus ses nos mas más pas tras autres otros otras outros""".split()  # and Romance ones
)


def find_counts(text: str, numbers: list[Number], language: str = "en") -> list[Candidate]:
    """Every number that counts something, with its counted noun's lemma when one is found."""
    english = base_language(language) == "en"
    found = []
    for number in numbers:
        if number.suffix.lower() in ORDINAL_SUFFIXES or number.suffix or number.digits.lower() in ("one", "zero"):
            continue
        end, noun = counted_noun(text, number.end) if not _cjk_after(text, number.end) else cjk_noun(text, number.end)
        if noun is None and number.words and _english(number.digits):
            if english and _standing_alone(text, number):  # `Seventeen came.`, not Afrikaans `Ten minste`
                found.append(_bare_word(_candidate(number, end, noun)))
            continue  # `the Central Asian "five"`; other languages' words stand before what they count
        if _RATIO.match(text, number.end):
            continue  # "three times", "tenfold": a ratio, not a count
        found.append(_candidate(number, end, noun))
    return found


# Where a bare English number word stands for what it counts: at a sentence start before a lower-case word,
# or after a verb of reaching and before a stop.
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)$")
_LOWER_WORD_AFTER = re.compile(r"[ ][a-z]")
_REACHING_BEFORE = re.compile(
    r"\b(?:to|reached|hit|was|were|numbered|totall?ed|stood at)[ ](?:(?:about|around|nearly|almost|some|roughly)[ ])?$"
)
_STOP_AFTER = re.compile(r"[.;!?]")


def _standing_alone(text: str, number: Number) -> bool:
    """True when a bare English number word counts by itself (`Seventeen came.`, `rose to seventeen.`)."""
    before = text[max(0, number.start - 24) : number.start]
    if number.capitalised and _SENTENCE_START.search(before):
        return _LOWER_WORD_AFTER.match(text, number.end) is not None
    return _REACHING_BEFORE.search(before) is not None and _STOP_AFTER.match(text, number.end) is not None


def _bare_word(candidate: Candidate) -> Candidate:
    return candidate._replace(confidence=0.3, notes=candidate.notes + ("a number word standing alone",))


def _english(written: str) -> bool:
    """True for number words of English (`five`, `twenty-one`, `a hundred`), which the English reader found."""
    return all(word in NUMBER_WORDS or word in ("a", "an", "and") for word in re.split(r"[ -]+", written.lower()) if word)


def counted_noun(text: str, position: int) -> tuple[int, str | None]:
    """(end, lemma) of the plural noun a figure ending at `position` counts, or (position, None)."""
    previous = ""
    for index, found in enumerate(_iter_words(text, position)):
        word = found.group("word")
        lowered = word.lower().rstrip("-")
        coordinated = lowered in ("and", "or") and previous.endswith("-")
        if index >= _MAX_WORDS or (not coordinated and (lowered in _FUNCTION_WORDS or lowered in _ENDS_PHRASE)):
            break
        if lowered.endswith(("'", "’")) and is_plural(lowered[:-1]):
            return found.end() - 1, lemma(lowered[:-1])  # "27 member states' leaders" counts states
        if not word.endswith("-") and not coordinated and word[0].islower() and is_plural(lowered):
            return found.end(), lemma(lowered)
        previous = word
    return position, None


def _cjk_after(text: str, position: int) -> bool:
    return position < len(text) and is_cjk(text[position])


def cjk_noun(text: str, position: int) -> tuple[int, str | None]:
    """(end, word) of the Chinese or Japanese word a figure ending at `position` counts, or (position, None)."""
    at = position + (text[position : position + 1] in _CJK_APPROXIMATE)
    at += text[at : at + 1] in _CJK_CLASSIFIERS
    noun = _CJK_NOUN.match(text, at)
    return (noun.end(), noun.group()) if noun else (position, None)


def _iter_words(text: str, position: int):
    while True:
        found = _WORDS_AFTER.match(text, position)
        if found is None:
            return
        yield found
        position = found.end()


def _candidate(number: Number, end: int, noun: str | None) -> Candidate:
    high = number.high
    return Candidate(
        kind=ClaimKind.COUNT,
        start=number.start,
        end=end if noun else number.end,
        value=number.value,
        unit="count",
        precision=number.precision,
        high=high.value if high else None,
        high_precision=high.precision if high else None,
        role="range" if high else None,
        noun=noun,
        notes=number.notes + (() if noun else ("no counted noun found",)),
        confidence=1.0 if noun else 0.5,
    )
