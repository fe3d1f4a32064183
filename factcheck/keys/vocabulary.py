"""The measure vocabulary (`rules/measures.toml`): what news figures count, and the scope words beside them.

Each `[[measure]]` and `[[scope]]` row lists its cue words per language; this module
validates the rows and compiles them, once per language, into one pattern that finds
every cue of a sentence in a single pass.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck.models import ClaimKind

# Scripts written without spaces between words: their cues match inside the text.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1)
    cues: dict[str, list[str]] = Field(description="Cue words per language (BCP 47 primary subtag).")


class MeasureRule(_Row):
    """One `[[measure]]` row: what a figure counts or measures, and the words that say it."""

    kinds: list[ClaimKind] = Field(min_length=1)
    develops: bool = False
    cumulative: bool = False
    flow: bool = False
    subject: Literal["place", "any"] = "any"
    generic: bool = Field(default=False, description="Says how a quantity changed, not which: words must agree too.")


class ScopeRule(_Row):
    """One `[[scope]]` row: words that make a figure another quantity of its measure."""

    implied: bool = Field(default=False, description="What a figure with no scope word means anyway.")


@dataclass(frozen=True)
class Hit:
    """A cue found in a text: where, which row it belongs to, and the words as written."""

    start: int
    end: int
    target: str
    text: str


class CueIndex:
    """The cues of a set of rows, compiled per language on first use."""

    def __init__(self, rows: list[MeasureRule] | list[ScopeRule]):
        self._rows = rows
        self._compiled: dict[str, tuple[re.Pattern[str], dict[str, str]] | None] = {}

    def find(self, text: str, language: str) -> list[Hit]:
        """Every cue of `language` in `text`, left to right; the longest wins where cues overlap."""
        compiled = self._pattern(primary(language))
        if compiled is None:
            return []
        pattern, targets = compiled
        return [
            Hit(found.start(), found.end(), targets[found.lastgroup], found.group())
            for found in pattern.finditer(text)
        ]

    def _pattern(self, language: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
        if language not in self._compiled:
            self._compiled[language] = _compile(self._rows, language)
        return self._compiled[language]


def _compile(rows, language: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    phrases = [(phrase, row.id) for row in rows for phrase in row.cues.get(language, ())]
    if not phrases:
        return None
    phrases.sort(key=lambda pair: -len(pair[0].rstrip("*")))  # "death toll" before "toll"
    targets = {f"c{index}": target for index, (_, target) in enumerate(phrases)}
    alternatives = "|".join(f"(?P<c{index}>{cue_pattern(phrase)})" for index, (phrase, _) in enumerate(phrases))
    return re.compile(alternatives, re.IGNORECASE), targets


def cue_pattern(phrase: str) -> str:
    """The regex of one cue: whole words, `*` for any ending, spaces as any white space; unspaced scripts inside words."""
    words = phrase.split()
    body = r"\s+".join(re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else "") for word in words)
    if _UNSPACED.search(phrase):
        return body
    return r"(?<!\w)" + body + ("" if words[-1].endswith("*") else r"(?!\w)")


def primary(language: str) -> str:
    """The primary subtag of a BCP 47 tag: 'zh' of 'zh-Hant', 'pt' of 'pt_BR'."""
    return re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0] or "en"


class Vocabulary:
    """The measures and scopes of the rules, with their cue indexes."""

    def __init__(self, measures: list[MeasureRule], scopes: list[ScopeRule]):
        self.measures = {rule.id: rule for rule in measures}
        self.scopes = {rule.id: rule for rule in scopes}

    def specific(self, measure: str | None) -> bool:
        """True for a known measure that names a quantity, not only how one changed."""
        rule = self.measures.get(measure or "")
        return rule is not None and not rule.generic

    def distinct_scope(self, scope: str | None) -> str | None:
        """The scope as alignment compares it: an implied scope is the same as none."""
        rule = self.scopes.get(scope or "")
        return None if rule is None or rule.implied else scope

    @cached_property
    def measure_cues(self) -> CueIndex:
        """The cue index of every measure."""
        return CueIndex(list(self.measures.values()))

    @cached_property
    def scope_cues(self) -> CueIndex:
        """The cue index of every scope."""
        return CueIndex(list(self.scopes.values()))
