"""How names are compared: transliterated to ASCII, lower case, punctuation out, `+` read as `plus`.

`Бердымухамедов` folds to `berdymukhamedov`, `CA+JAD` to `ca plus jad`,
`Central Asia–Japan` to `central asia japan`, `Gap İnşaat` to `gap insaat`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from factcheck.extract.magnitudes import CJK_CLASS

_NOT_WORD = re.compile(r"[^a-z0-9]+")
# A word: letters and digits, with inner dots, ampersands and apostrophes (`U.S`, `Alem.ai`, `AT&T`,
# `d'Ivoire`), dotted abbreviations with their last dot (`U.S.`); hyphens and dashes separate words (`Kassym-Jomart`), and `+` is a word of its own.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_](?:[\w&.'’]*[^\W_])?|\+")
_POSSESSIVE = re.compile(r"['’]s$")
# Chinese and Japanese write names against the next word with no space: `VMware股價上揚` is two words.
_MIXED = re.compile(rf"[{CJK_CLASS}]")
_CJK_ONLY = re.compile(rf"[{CJK_CLASS}]+")
_SCRIPT_RUN = re.compile(rf"[{CJK_CLASS}]+|[^{CJK_CLASS}]*[^\W_{CJK_CLASS}]")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;•▪●■\n])[\s\"'“”‘’(\[*#>-]*$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The comparison form of a name: ASCII, lower case, words separated by single spaces."""
    ascii_text = anyascii(text.replace("+", " plus ")).lower()
    return _NOT_WORD.sub(" ", ascii_text.replace("'", "")).strip()


def fold_tokens(text: str) -> tuple[str, ...]:
    """The folded words of a name."""
    return tuple(fold(text).split())


def compact(text: str) -> str:
    """The folded name without spaces: `Turkmen Gas` and `TurkmenGas` compare equal."""
    return fold(text).replace(" ", "")


def slug(text: str) -> str:
    """A stable id for a name: its folded words joined by hyphens."""
    return "-".join(fold_tokens(text)) or "name"


@dataclass(frozen=True)
class Token:
    """A word of a text, with its folded form."""

    start: int
    end: int
    text: str
    folded: str
    capital: bool
    opens_sentence: bool


def tokens(text: str) -> list[Token]:
    """The words of `text`, a possessive `'s` left out of their spans; `folded` has no spaces (`Alem.ai` -> `alemai`)."""
    found = []
    for start, word in _words(text):
        capital = word[0].isupper() or word == "+"
        opens = _SENTENCE_END.search(text, max(0, start - 12), start) is not None
        found.append(Token(start, start + len(word), word, compact(word), capital, opens))
    return found


def words(text: str) -> list[str]:
    """The words of `text` as `tokens` splits them, as written: what a name is matched on, without the rest of a
    token (its place, its case, whether it opens a sentence), which folding thousands of names need not build."""
    return [word for _, word in _words(text)]


def _words(text: str):
    """(start, word) of each word, a possessive `'s` left out; a word mixing CJK with other letters is split where
    the script changes."""
    for match in _TOKEN.finditer(text):
        start, word = match.start(), match.group()
        if word.isascii() or not _MIXED.search(word) or _CJK_ONLY.fullmatch(word):
            yield start, _POSSESSIVE.sub("", word) if len(word) > 3 else word
            continue
        for run in _SCRIPT_RUN.finditer(word):
            piece = run.group().lstrip("&.'’")
            if piece:
                yield start + run.end() - len(piece), _POSSESSIVE.sub("", piece) if len(piece) > 3 else piece


@lru_cache(maxsize=1 << 16)
def word_key(text: str) -> tuple[str, ...]:
    """The folded words of a name as `tokens` splits them: what authority entries and text are matched on.

    Cached: every story folds the same few thousand authority names (CLDR's countries in many languages).
    """
    return tuple(compact(word) for word in words(text))
