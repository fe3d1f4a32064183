"""The measure vocabulary (`rules/measures.toml`): what news figures count, and the scope words beside them.

Each `[[measure]]` and `[[scope]]` row lists its cue words per language; this module
validates the rows and indexes them, once per language, so that every cue of a sentence
is found in one pass over its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck.models import ClaimKind
from factcheck.scripts import MARKS, NOUNS_CAPITALISED, UNSPACED, chinese_forms, primary

# Scripts written without spaces between words: their cues match inside the text.
_UNSPACED = re.compile(rf"[{UNSPACED}]")
# A word of a spaced script; "d'euros", "break-up" and "7.8-magnitude" are several, as in the cues.
_WORD = re.compile(rf"(?:\w|[{MARKS}])+")  # with the marks of its vowels: `मारे`, `உயிரிழந்த`


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
    settles: bool = Field(
        default=False,
        description="A developing figure that comes to a final value (a vote share): once two sources gave one value "
        "on two days, a later figure off it is compared with it.",
    )
    flow: bool = False
    subject: Literal["place", "any", "event", "person", "contender"] = "any"
    generic: bool = Field(default=False, description="Says how a quantity changed, not which: words must agree too.")
    counted: bool = Field(
        default=False,
        description="Its cues name the things counted: only a cue right after the figure decides it "
        "(`36 countries`, not `in both countries the toll rose to 36,000`).",
    )
    dimension: str | None = Field(
        default=None,
        description="The pint dimensionality of its physical figures (`[temperature]`, `[length] ** 2`): "
        "a physical figure of another dimension is never this measure.",
    )
    by_unit: bool = Field(
        default=False,
        description="A physical figure of its `dimension` is this measure whatever its words (`49 °C`, `5,000 "
        "hectares`): the unit says what it measures.",
    )
    uncued: bool = Field(
        default=False,
        description="In a story that several sources give it for surely, a figure of its kinds that no cue governs "
        "takes it when its clause names one of its subjects (`die FDP 9,3 %` in an election story), as a guess.",
    )


class ScopeRule(_Row):
    """One `[[scope]]` row: words that make a figure another quantity of its measure."""

    implied: bool | list[ClaimKind] = Field(
        default=False,
        description="What a figure with no scope word means anyway: for every kind (true), or for these kinds "
        "(a percentage with no period is a rate over a year).",
    )
    follows: bool = Field(
        default=False,
        description="Only a figure before the cue takes it: in `42 bodies out of 70` the part is 42, not the total.",
    )
    of_measure: bool = Field(
        default=False,
        description="Also decided by a cue right beside the measure's own cue (`monthly inflation`, `inflação "
        "mensal`): the period of a rate or flow qualifies its noun as much as its figure.",
    )

    sentence_cues: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Verbs that give every figure after them in their sentence this scope, when no scope word "
        "stands beside the figure: `Toyota expects its operating profit to fall 19.7% to ¥4.3tn … and its sales "
        "to rise 2% to ¥46tn` forecasts all four.",
    )

    def implied_for(self, kind: ClaimKind) -> bool:
        """True when a figure of `kind` with no scope word has this scope anyway."""
        return self.implied if isinstance(self.implied, bool) else kind in self.implied


@dataclass(frozen=True)
class Hit:
    """A cue found in a text: where, which row it belongs to, and the words as written."""

    start: int
    end: int
    target: str
    text: str


@dataclass(frozen=True)
class _Cue:
    """One cue, split into words; each word may take any ending (`*`)."""

    target: str
    words: tuple[str, ...]
    stems: tuple[bool, ...]


class _LanguageCues:
    """The cues of one language, indexed for a scan in one pass over a sentence's words.

    Spaced cues are found by their first word (exact, or by its first two letters when it is a stem),
    unspaced (Chinese, Japanese) cues by substring search: no alternation of hundreds of patterns is
    tried at every character.
    """

    def __init__(self, phrases: list[tuple[str, str]]):
        self.by_word: dict[str, list[_Cue]] = {}
        self.by_prefix: dict[str, list[_Cue]] = {}
        self.unspaced: list[tuple[str, str]] = []
        for phrase, target in phrases:
            if _UNSPACED.search(phrase):
                self.unspaced.append((phrase, target))
                continue
            words: list[str] = []
            stems: list[bool] = []
            for written in phrase.lower().split():
                pieces = _WORD.findall(written)
                words += pieces
                stems += [False] * (len(pieces) - 1) + [written.endswith("*")]
            cue = _Cue(target, tuple(words), tuple(stems))
            index, key = (self.by_prefix, words[0][:2]) if cue.stems[0] else (self.by_word, words[0])
            index.setdefault(key, []).append(cue)

    def find(self, text: str) -> list[Hit]:
        words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]
        hits = [hit for position in range(len(words)) for hit in self._at(text, words, position)]
        hits += [
            Hit(found, found + len(cue), target, text[found : found + len(cue)])
            for cue, target in self.unspaced
            for found in _occurrences(text, cue)
        ]
        return _leftmost_longest(hits)

    def _at(self, text: str, words: list[tuple[int, int, str]], position: int) -> list[Hit]:
        """The longest cues starting at this word: one per measure that lists it (`suara`: votes and their share)."""
        first = words[position][2]
        candidates = self.by_word.get(first, []) + self.by_prefix.get(first[:2], [])
        matched = [hit for cue in candidates if (hit := _match(text, words, position, cue))]
        longest = max((hit.end for hit in matched), default=None)
        return sorted({hit for hit in matched if hit.end == longest}, key=lambda hit: hit.target)


def _match(text: str, words: list[tuple[int, int, str]], position: int, cue: _Cue) -> Hit | None:
    if position + len(cue.words) > len(words):
        return None
    for offset, (word, stem) in enumerate(zip(cue.words, cue.stems)):
        written = words[position + offset][2]
        if not (written.startswith(word) if stem else written == word):
            return None
    start, end = words[position][0], words[position + len(cue.words) - 1][1]
    return Hit(start, end, cue.target, text[start:end])


def _occurrences(text: str, cue: str) -> list[int]:
    found, at = [], text.find(cue)
    while at != -1:
        found.append(at)
        at = text.find(cue, at + len(cue))
    return found


def _leftmost_longest(hits: list[Hit]) -> list[Hit]:
    """Cues left to right, the longest where several start together, none overlapping an earlier one."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda hit: (hit.start, -hit.end, hit.target)):
        if not kept or hit.start >= kept[-1].end or (hit.start, hit.end) == (kept[-1].start, kept[-1].end):
            kept.append(hit)  # one phrase may be the cue of several measures: the figure's kind chooses
    return kept


# A word of a name (`the National Election Commission`, `Death Valley`, `Lost Lives Fund`): a capitalised word
# beside another capitalised one that does not open the sentence.
_CAPITALISED_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def outside_names(text: str, hits: list[Hit], language: str, heads: frozenset[str] = frozenset()) -> list[Hit]:
    """The hits that are no word of a capitalised name, in languages that capitalise names alone.

    A cue of a measure in `heads` that ends a name is the name's head noun, and stays: the `Central Asia-Japan
    Dialogue Summit` is a summit, where the `National Election Commission` holds no election."""
    if primary(language) in NOUNS_CAPITALISED:
        return hits
    return [hit for hit in hits if not _in_a_name(text, hit, hit.target in heads)]


def _in_a_name(text: str, hit: Hit, head: bool = False) -> bool:
    if not hit.text[:1].isupper():
        return False
    before = re.search(r"([^\W\d_][\w'’-]*)[ \u00a0]$", text[: hit.start])
    after = _CAPITALISED_WORD.match(text, hit.end + 1) if text[hit.end : hit.end + 1] == " " else None
    opens = before is not None and not text[: before.start()].strip()
    followed = bool(after and after.group()[0].isupper())
    return followed or bool(before and before.group(1)[0].isupper() and not opens and not head)


class CueIndex:
    """The cues of a set of rows, indexed per language on first use."""

    def __init__(self, rows: list[MeasureRule] | list[ScopeRule], field: str = "cues"):
        self._rows = rows
        self._field = field
        self._languages: dict[str, _LanguageCues | None] = {}

    def find(self, text: str, language: str) -> list[Hit]:
        """Every cue of `language` in `text`, left to right; the longest wins where cues overlap."""
        code = primary(language)
        if code not in self._languages:
            phrases = [(phrase, row.id) for row in self._rows for phrase in getattr(row, self._field).get(code, ())]
            if code == "zh":
                phrases = list(dict.fromkeys((form, target) for phrase, target in phrases for form in chinese_forms(phrase)))
            self._languages[code] = _LanguageCues(phrases) if phrases else None
        cues = self._languages[code]
        return cues.find(text) if cues else []


class Vocabulary:
    """The measures and scopes of the rules, with their cue indexes."""

    def __init__(self, measures: list[MeasureRule], scopes: list[ScopeRule]):
        self.measures = {rule.id: rule for rule in measures}
        self.scopes = {rule.id: rule for rule in scopes}

    def specific(self, measure: str | None) -> bool:
        """True for a known measure that names a quantity, not only how one changed."""
        rule = self.measures.get(measure or "")
        return rule is not None and not rule.generic

    def distinct_scope(self, scope: str | None, kind: ClaimKind) -> str | None:
        """The scope of a figure of `kind` as alignment compares it: an implied scope is the same as none."""
        rule = self.scopes.get(scope or "")
        return None if rule is None or rule.implied_for(kind) else scope

    @cached_property
    def event_measures(self) -> frozenset[str]:
        """The measures whose dates are the story's events (`subject = "event"`): their cues may end a name."""
        return frozenset(rule.id for rule in self.measures.values() if rule.subject == "event")

    @cached_property
    def measure_cues(self) -> CueIndex:
        """The cue index of every measure."""
        return CueIndex(list(self.measures.values()))

    @cached_property
    def scope_cues(self) -> CueIndex:
        """The cue index of every scope."""
        return CueIndex(list(self.scopes.values()))

    @cached_property
    def sentence_scope_cues(self) -> CueIndex:
        """The index of the verbs that scope every figure after them in their sentence."""
        return CueIndex(list(self.scopes.values()), field="sentence_cues")
