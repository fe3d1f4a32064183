"""Qualifiers ("about", "more than", "nearly") and the interval a stated figure stands for.

A figure is never a point. Its last stated digit gives half a unit of rounding
either side (`$3.7 billion` -> [3.65, 3.75] bn; `$20 billion` -> [15, 25] bn,
since trailing zeros of a whole number are not significant). A qualifier then
widens or shifts that interval. The words and the sizes live in
`rules/qualifiers.toml` so they can be tuned and extended to other languages.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck.extract.tries import trie
from factcheck.models import Interval
from factcheck.extract.magnitudes import CJK_CLASS


class QualifierKind(StrEnum):
    """How a qualifier moves the interval of a figure."""

    APPROXIMATE = "approximate"  # about, around: wider both ways
    NEARLY = "nearly"  # nearly, almost: just below the figure
    ABOVE = "above"  # more than, over, at least: from the figure up to a cap
    BELOW = "below"  # less than, up to: from a floor up to the figure
    EXACT = "exact"  # exactly, precisely: only the rounding of the digits


class QualifierRule(BaseModel):
    """One row of the qualifier table: words of one language that act alike."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: QualifierKind
    words: list[str] = Field(min_length=1)
    language: str = "en"
    position: Literal["before", "after"] = "before"  # after: `380人超`, `2300人以上`, `10 binden fazla`


class QualifierSettings(BaseModel):
    """How far each kind of qualifier moves an interval, as fractions of the value."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    approximate_spread: Decimal = Field(default=Decimal("0.05"), ge=0, le=1)
    nearly_spread: Decimal = Field(default=Decimal("0.10"), ge=0, le=1)
    open_cap: Decimal = Field(
        default=Decimal("0.5"), gt=0, description="How far past the figure 'more than' or 'less than' may reach."
    )


def rounding_interval(value: Decimal, precision: Decimal | None) -> Interval:
    """Half a unit of the last stated digit either side of `value`."""
    half = (precision or Decimal(0)) / 2
    return Interval(low=value - half, high=value + half)


def qualified_interval(
    value: Decimal, precision: Decimal | None, kind: QualifierKind | None, settings: QualifierSettings
) -> Interval:
    """The interval a figure with this precision and qualifier stands for."""
    low, high = qualified_bounds(value, precision, kind, settings)
    return Interval(low=low, high=high)


def qualified_bounds(
    value: Decimal, precision: Decimal | None, kind: QualifierKind | None, settings: QualifierSettings
) -> tuple[Decimal, Decimal]:
    """(low, high) of `qualified_interval`, without building the model (extraction calls it per figure)."""
    half = (precision or Decimal(0)) / 2
    size = abs(value)
    if kind is None or kind is QualifierKind.EXACT:
        return value - half, value + half
    if kind is QualifierKind.APPROXIMATE:
        spread = size * settings.approximate_spread
        return value - half - spread, value + half + spread
    if kind is QualifierKind.NEARLY:
        return value - size * settings.nearly_spread, value
    if kind is QualifierKind.ABOVE:
        return value - half, value + size * settings.open_cap
    return value - size * settings.open_cap, value + half


def precision_of(digits: str, scale: Decimal = Decimal(1)) -> Decimal:
    """Place value of the last significant digit of `digits` times `scale`.

    `"3.7"`, 1e9 -> 1e8; `"20"`, 1e9 -> 1e10; `"2,500"` -> 100; `"0"` -> 1.
    """
    plain = digits.replace(",", "").replace(" ", "").replace("\u202f", "")
    if "." in plain:
        decimals = len(plain.split(".", 1)[1])
        return scale * Decimal(1).scaleb(-decimals)
    stripped = plain.rstrip("0")
    zeros = len(plain) - len(stripped) if stripped else 0
    return scale * Decimal(1).scaleb(zeros)


_WINDOW = 40  # characters before a figure searched for its qualifier
# A qualifier inside a Chinese count, between the figure and its noun: 5000多人, 100余名. The word comes
# first and the lookbehind after it, so the engine skips to the next 多, 余 or 餘.
_INSIDE = re.compile(rf"(?P<word>[多余餘])(?<=[\d万萬亿億兆千百十].)(?=[{CJK_CLASS}])")


class QualifierTable:
    """Looks up qualifier words (of any configured language) by their lower-case text."""

    def __init__(self, rules: list[QualifierRule], settings: QualifierSettings):
        self.settings = settings
        self._kinds = {word.lower(): rule.kind for rule in rules if rule.position == "before" for word in rule.words}
        self._after = {word.lower(): rule.kind for rule in rules if rule.position == "after" for word in rule.words}
        self._before_pattern = _before_pattern(self.words)
        # The words backwards: matched once at the end of the window, they say whether any word ends there.
        self._reversed = re.compile(trie([word[::-1] for word in self._kinds], ignorecase=True), re.IGNORECASE)
        self._after_pattern = _after_pattern(sorted(self._after, key=len, reverse=True))

    @property
    def words(self) -> list[str]:
        """Every qualifier word written before a figure, longest first (so 'more than' wins over 'more')."""
        return sorted(self._kinds, key=lambda word: (-len(word), word))

    @property
    def after_words(self) -> list[str]:
        """Every qualifier word written after a figure (`超`, `以上`, `fazla`), longest first."""
        return sorted(self._after, key=lambda word: (-len(word), word))

    def kind(self, word: str | None) -> QualifierKind | None:
        """The kind of a qualifier word, or None for no or an unknown word."""
        if not word:
            return None
        word = " ".join(word.lower().split())
        return self._kinds.get(word) or self._after.get(word)

    def find(self, text: str, start: int, end: int) -> tuple[str | None, int]:
        """The qualifier of the figure at text[start:end], and where the claim then starts.

        A word before it (`about`, `более`, attached in CJK: `约950亿`), else one inside a CJK count
        (`5000多人`), else one right after it (`380人超`, `10 binden fazla`).
        """
        window = max(0, start - _WINDOW)
        # Most figures have no word before them: one anchored match of the reversed words at the end of the
        # window says so, where the search would try every position of the window.
        if self._reversed.match(text[window:start].rstrip()[::-1]):
            found = self._before_pattern.search(text, window, start)
            if found is not None:
                return " ".join(found.group("word").lower().split()), found.start()
        inside = _INSIDE.search(text, start, end)
        if inside is not None and inside.group("word") in self._after:
            return inside.group("word"), start
        after = self._after_pattern.match(text, end)
        return (" ".join(after.group("word").lower().split()), start) if after else (None, start)

    def interval(self, value: Decimal, precision: Decimal | None, word: str | None) -> Interval:
        """The interval of a figure written with this qualifier word."""
        return qualified_interval(value, precision, self.kind(word), self.settings)

    def bounds(self, value: Decimal, precision: Decimal | None, word: str | None) -> tuple[Decimal, Decimal]:
        """(low, high) of `interval`, without building the model."""
        return qualified_bounds(value, precision, self.kind(word), self.settings)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words) or r"(?!)"


def _before_pattern(words: list[str]) -> re.Pattern[str]:
    """A word right before a figure: after a non-letter, or after anything when it is CJK (`は約950億`).

    The words are written as a trie (`m(?:ore\\s+than|ost)`), so each position of the window tries a
    few first letters instead of every word. Which word of the trie matches cannot change the result:
    a match must end where the window's trailing spaces begin, so the matched text is the same."""
    spaced = trie([word for word in words if not re.match(rf"[{CJK_CLASS}]", word)], ignorecase=True)
    attached = trie([word for word in words if re.match(rf"[{CJK_CLASS}]", word)], ignorecase=True)
    return re.compile(rf"(?P<word>(?<![\w])(?:{spaced})|(?:{attached}))\s*$", re.IGNORECASE)


def _after_pattern(words: list[str]) -> re.Pattern[str]:
    """A word right after a figure: attached in CJK (`人超の`), else ending a word (`10 binden fazla`)."""
    end = rf"(?:(?<=[{CJK_CLASS}])|(?![^\W\d_]))"
    return re.compile(rf"[ ]?(?P<word>{_alternation(words)}){end}", re.IGNORECASE)
