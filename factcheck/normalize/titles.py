"""Titles: the office written next to a person's name (`Chief Minister Pinarayi Vijayan`, `el vicealmirante Daniel
Hagari`, `비자얀 주지사`), read with the vocabulary of `rules/offices.toml`.

A title is the office cue, the words that qualify it (`former`, `then-`, `-elect`, `deputy`) and the name it
belongs to: the capitalised words right after it (`Governor Arif Mohammad Khan`; past a jurisdiction and a comma,
`el alcalde de Maui, Mitch Roth`), else the name it follows in apposition (`Tusk, the prime minister`); in Korean
and Japanese, the name right before it (`모디 총리`, `モディ首相`). The person is known by the folded family name
(the last word of the name), so `Hagari`, `Хагари` and `ハガリ` are one person and the office check can compare
what each source calls them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, cast

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz.distance import OSA

from factcheck.models import Document, Span
from factcheck.normalize.folding import fold
from factcheck.normalize.mentions import CONNECTORS
from factcheck.scripts import caseless, primary

Status = Literal["current", "former", "past", "elect", "deputy"]


class OfficeRule(BaseModel):
    """One `[[office]]` row: an office and the words that name it, per language."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1)
    family: str | None = Field(
        default=None, description="Offices of one family exclude each other: one person holds one of them at a time."
    )
    cues: dict[str, list[str]] = Field(description="Cue words per language (BCP 47 primary subtag).")


class TitleStatusRule(BaseModel):
    """One `[[title_status]]` row: words that say a title is not the office held now (`former`, `then-`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Literal["former", "past", "elect", "deputy"]
    position: Literal["before", "after"] = "before"
    attached: bool = Field(default=False, description="The word joins the title with no space (`expresidente`, `元首相`).")
    cues: dict[str, list[str]]


@dataclass(frozen=True)
class Title:
    """One office given to one named person in one source."""

    source: str
    span: Span  # from the first word of the title to the end of the name, or the reverse
    cue: str  # the office words as written
    offices: frozenset[str]
    status: Status
    name: str
    family: str  # the folded family name: what ties the person's titles across sources
    given: tuple[str, ...]  # the folded words before it (`pradeep`, `kumar`), none when only the family name is written


# Languages whose titles take endings: `президента`, `Ministerpräsidenten`, `başbakanı`.
_DECLINING = frozenset("ru uk bg be pl cs sk sl hr sr de tr fi hu et lt lv el".split())
# Languages whose particles join the word before them: `주지사는`.
_PARTICLES = frozenset({"ko"})
# Languages that write the name before the title (`모디 총리`, `モディ首相`).
_NAME_FIRST = frozenset({"ko", "ja"})
_WORD = re.compile(r"[^\W\d_](?:[\w'’.\-‐]*[^\W_])?\.?")
# The connectors inside a name, and the articles of a jurisdiction between a title and its name (`de la Guardia
# Costera`, `of the Orenburg region`).
_CONNECTORS = CONNECTORS | frozenset("della dos das des den el the".split())
# Words that join two phrases: `Macarena Ripamonti, et le gouverneur` is not the governor's name. Not the keys'
# CONJUNCTIONS: those open a figure's clause, and their Spanish `o` (or) is the Portuguese article of
# `Narendra Modi, o primeiro-ministro`.
_CONJUNCTIONS = frozenset("and or but y e et und ou ve dan và и или та і oraz i".split())
_ELISION = re.compile(r"^(?:[dlDL]|dell|dall|nell|all|sull)['’](?=\w)")
# Describing words a title's name may follow (`le Premier ministre indien Narendra Modi`): one, but a word of
# Vietnamese is spaced syllable by syllable (`Chuẩn đô đốc cảnh sát biển Shannon Gilreath`: coast guard).
_DESCRIBING_WORDS = {"vi": 3}
_GAP_WORDS = 3  # words between a title and its name (`de la Guardia Costera`, `indien`)
_STATUS_CHARS = 60  # how far before a title its status word may stand: `former United Arab Emirates President`


class Offices:
    """The office vocabulary, with its cue patterns compiled once per language."""

    def __init__(self, offices: Sequence[OfficeRule], statuses: Sequence[TitleStatusRule]) -> None:
        self.offices = tuple(offices)
        self.statuses = tuple(statuses)
        self._patterns: dict[str, tuple[re.Pattern[str], dict[str, frozenset[str]]] | None] = {}
        self._statuses: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {}

    @cached_property
    def family(self) -> dict[str, str | None]:
        """Each office's family (None for offices that exclude no other)."""
        return {office.id: office.family for office in self.offices}

    @cached_property
    def label(self) -> dict[str, str]:
        """Each office's label."""
        return {office.id: office.label for office in self.offices}

    def cue_pattern(self, language: str) -> tuple[re.Pattern[str], dict[str, frozenset[str]]] | None:
        """The pattern of every office cue of a language, and the offices each cue (caseless) names."""
        if language not in self._patterns:
            self._patterns[language] = self._compile(language)
        return self._patterns[language]

    def _compile(self, language: str) -> tuple[re.Pattern[str], dict[str, frozenset[str]]] | None:
        named: dict[str, set[str]] = {}
        for office in self.offices:
            for cue in office.cues.get(language, ()):
                named.setdefault(cue, set()).add(office.id)
        if not named:
            return None
        ending = r"[^\W\d_]{0,3}" if language in _DECLINING else ""
        unspaced = language in ("ja", "zh")
        alternatives = []
        for cue in sorted(named, key=len, reverse=True):
            escaped = re.escape(cue)
            if cue.isupper() or cue.endswith("."):  # `PM`, `CEO`, `Gov.`: as written, never `pm` of a time
                escaped = f"(?-i:{escaped})"
            alternatives.append(escaped)
        body = "|".join(alternatives)
        edge = "" if unspaced else r"(?<![^\W\d_])"
        after = "" if unspaced or language in _PARTICLES else rf"{ending}(?![^\W\d_])"
        pattern = re.compile(rf"{edge}(?P<attached>{self._attached(language)})?(?P<cue>{body}){after}", re.I)
        return pattern, {caseless(cue): frozenset(ids) for cue, ids in named.items()}

    def _attached(self, language: str) -> str:
        words = {cue for rule in self.statuses if rule.attached for cue in rule.cues.get(language, ())}
        return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True)) or "(?!)"

    def status_patterns(self, language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """The status words of a language before a title (ending where it starts) and after it, one group per status."""
        if language not in self._statuses:
            self._statuses[language] = (self._status_pattern(language, "before"), self._status_pattern(language, "after"))
        return self._statuses[language]

    def _status_pattern(self, language: str, position: str) -> re.Pattern[str] | None:
        words: dict[str, list[str]] = {}
        for rule in self.statuses:
            if not rule.attached and rule.position == position:
                words.setdefault(rule.id, []).extend(rule.cues.get(language, ()))
        groups = [
            f"(?P<{status}>{'|'.join(re.escape(word) for word in sorted(cues, key=len, reverse=True))})"
            for status, cues in words.items() if cues
        ]
        if not groups:
            return None
        if position == "before":
            # `former Jakarta governor`, `ehemalige Berliner Bürgermeisterin`: the title's jurisdiction may stand
            # between, in capitals; not a possessive (`the former Soviet republic's president`).
            between = r"(?:(?-i:[A-Z])[\w.’'-]*(?<!['’]s)\s+){0,3}"
            return re.compile(rf"(?<![^\W\d_])(?:{'|'.join(groups)})\s*{between}$", re.I)
        return re.compile(rf"(?:{'|'.join(groups)})(?![^\W\d_])", re.I)

    def attached_status(self, language: str, word: str) -> Status:
        """The status of a prefix joined to a title (`ex` of `expresidente`)."""
        for rule in self.statuses:
            if rule.attached and caseless(word) in (caseless(cue) for cue in rule.cues.get(language, ())):
                return rule.id
        return "current"


def read_titles(documents: Sequence[Document], offices: Offices) -> tuple[Title, ...]:
    """Every title of the documents next to a name it can be tied to, in document order."""
    return tuple(title for document in documents for title in _titles(document, offices))


def _titles(document: Document, offices: Offices) -> list[Title]:
    language = primary(document.source.language)
    compiled = offices.cue_pattern(language)
    if compiled is None:
        return []
    pattern, named = compiled
    text = document.text
    found = (_title(document, offices, language, text, match, named) for match in pattern.finditer(text))
    return [title for title in found if title is not None]


def _title(document: Document, offices: Offices, language: str, text: str, match: re.Match[str],
           named: dict[str, frozenset[str]]) -> Title | None:
    ids = named.get(caseless(match.group("cue")))
    if ids is None:
        return None
    status, start, end = _status(offices, language, text, match)
    if language in _NAME_FIRST:
        name = _name_before(text, start)
    else:
        name = _name_after(text, end, language) or _apposed(text, start, end)
    if name is None:
        return None
    name_start, name_end = name
    if text[name_end - 2 : name_end] in ("'s", "’s"):
        name_end -= 2  # `Shannon Gilreath's team`
    if _holds_cue(offices, language, text, name_start, name_end):
        return None  # `President, Vice President Ma'ruf Amin`, `President are Defense Minister Prabowo`: another title's name
    written = text[name_start:name_end]
    family, given = _person(written)
    if len(family) < 3:
        return None
    span = document.span(min(start, name_start), max(end, name_end))
    return Title(document.source.id, span, match.group("cue"), ids, status, written, family, given)


def _holds_cue(offices: Offices, language: str, text: str, start: int, end: int) -> bool:
    """True when an office cue stands between `start` and `end`."""
    compiled = offices.cue_pattern(language)
    return compiled is not None and compiled[0].search(text, start, end) is not None


def _status(offices: Offices, language: str, text: str, match: re.Match[str]) -> tuple[Status, int, int]:
    """What the words around a title say of it, and where the title with those words starts and ends."""
    if match.group("attached"):
        return offices.attached_status(language, match.group("attached")), match.start(), match.end()
    before, after = offices.status_patterns(language)
    window = max(0, match.start() - _STATUS_CHARS)
    found = before.search(text, window, match.start()) if before else None
    if found:
        return cast(Status, found.lastgroup), found.start(), match.end()
    found = after.match(text, match.end()) if after else None
    if found:
        return cast(Status, found.lastgroup), match.start(), found.end()
    return "current", match.start(), match.end()


def _name_after(text: str, position: int, language: str = "en") -> tuple[int, int] | None:
    """The capitalised name right after a title, past a jurisdiction (`of Maui,`) of at most three words."""
    runs = _capitalised_runs(text, position, _DESCRIBING_WORDS.get(language, 1))
    if not runs or runs[0][2] > _GAP_WORDS:
        return None
    start, end, skipped = runs[0]
    # `el alcalde de Maui, Mitch Roth`, `von Sachsen-Anhalt, Reiner Haseloff`: past a jurisdiction and a comma,
    # the name; `Governor Arif Mohammad Khan, Chief Minister…` is a list, `gobernador de Oremburgo` names nobody.
    jurisdiction = any(word.lower() in _CONNECTORS for word in text[position:start].split())
    if skipped and len(runs) > 1 and text[end : runs[1][0]].strip() == "," and runs[1][2] == skipped:
        return runs[1][0], runs[1][1]
    if not jurisdiction:
        return start, end
    # `de la Guardia Costera Shannon Gilreath`: a jurisdiction of a word or two, then the name's two words.
    words = list(_WORD.finditer(text, start, end))
    return (words[-2].start(), end) if len(words) >= 3 else None


def _capitalised_runs(text: str, position: int, describing: int = 1) -> list[tuple[int, int, int]]:
    """The first two runs of capitalised words after `position`: (start, end, words skipped before the run).

    A run may hold connectors (`Abdul Rahman al Badri`); it ends at a lower-case word or punctuation, and the
    search ends at punctuation other than the comma that may stand between a jurisdiction and a name."""
    runs: list[tuple[int, int, int]] = []
    skipped, described, start, end, last = 0, 0, None, None, position
    for word in _WORD.finditer(text, position, min(len(text), position + 120)):
        between = text[last : word.start()].strip(" \u00a0\u202f")
        if between and between != ",":
            break
        if between == "," and start is not None:
            runs.append((start, end, skipped))
            start = end = None
        token = _ELISION.sub("", word.group(0))  # `l'Etat d'Odisha`: the capital after the article's apostrophe
        if between == "," and last == position and not token[:1].isupper():
            break  # `President, having defeated Sajith Premadasa`: a clause, not a name, after the comma
        sentence_end = token.endswith(".") and not _abbreviation(token)
        last = word.end()
        if token[:1].isupper():
            start = word.start() if start is None else start
            end = word.end() - sentence_end
        elif start is not None and token.lower() in _CONNECTORS:
            continue
        else:
            if start is not None:
                runs.append((start, end, skipped))
                start = end = None
            skipped += 1
            described += token.lower() not in _CONNECTORS
            # Past a jurisdiction's connectors (`de la`) and one describing word (`indien`) there is no name.
            if (skipped > _GAP_WORDS or described > describing) and not runs:
                break
        if sentence_end or len(runs) == 2:
            break
    if start is not None:
        runs.append((start, end, skipped))
    return runs[:2]


def _abbreviation(token: str) -> bool:
    """True for a word whose full stop is not a sentence's end: `Adm.`, `Gov.`, `V.T.`, `Jr.`."""
    return len(token) <= 4 or "." in token[:-1]


_APPOSED = re.compile(r"(?P<name>(?:[^\W\d_][\w'’\-]*[ \u00a0]+){0,2}[^\W\d_][\w'’\-]*)[ \u00a0]*,[ \u00a0]*(?:[\w'’]+[ \u00a0]+){0,2}$")
# What follows a title in apposition: its end, or its jurisdiction (`Tusk, the prime minister, said`; `…, chief
# minister of Kerala`).
_APPOSITION_END = re.compile(r"[ \u00a0]*(?:[,.;)]|(?:of|de|du|del|della|di|da|do|von|des)[ \u00a0])")


def _apposed(text: str, position: int, end: int) -> tuple[int, int] | None:
    """The name a title follows in apposition: `Pinarayi Vijayan, Kerala's chief minister,`."""
    if not _APPOSITION_END.match(text, end):
        return None
    window = max(0, position - 80)
    match = _APPOSED.search(text, window, position)
    if match is None:
        return None
    if any(word.lower() in _CONJUNCTIONS for word in text[match.end("name") : position].replace(",", " ").split()):
        return None
    words = list(re.finditer(r"\S+", match.group("name")))
    capitalised = [word for word in words if word.group(0)[0].isupper()]
    if not capitalised or capitalised != words[len(words) - len(capitalised) :]:
        return None
    base = match.start("name")
    return base + capitalised[0].start(), base + capitalised[-1].end()


# The Korean name before a title, past the state or county it heads (`피나라이 비자얀 케랄라주 총리`: 비자얀).
_KOREAN_NAME = re.compile(r"(?P<name>[가-힣]+|[A-Za-z]+) +(?:[가-힣]+(?:주|군|현) +)?$")
_KOREAN_PLACE = re.compile(r"[가-힣]{2,}주")  # a state (`케랄라주`); `-도` ends names too (`리카르도`)
_NAME_BEFORE_CHARS = 40
_KATAKANA_NAME = re.compile(r"[ァ-ヺー・･]+$")


def _name_before(text: str, position: int) -> tuple[int, int] | None:
    """The name right before a Korean or Japanese title: `비자얀 주지사`, `모디 총리`, `モディ首相`."""
    window = max(0, position - _NAME_BEFORE_CHARS)  # a name is short: never search the whole text before it
    found = _KATAKANA_NAME.search(text, window, position) or _KOREAN_NAME.search(text, window, position)
    if found is None:
        return None
    group = "name" if "name" in found.re.groupindex else 0
    if _KOREAN_PLACE.fullmatch(found.group(group)):
        return None  # `케랄라주 주지사`: the state's governor, with no name
    return found.start(group), found.end(group)


def _person(name: str) -> tuple[str, tuple[str, ...]]:
    """The folded family name of a written name and the folded words before it (`Narendra Modi` -> `modi`,
    (`narendra`,)); a jurisdiction run into the name (`Kerala Pinarayi Vijayan`) is among the words before."""
    parts = [part for part in re.split(r"[\s・･]+", name.strip()) if part]
    keys = [key for key in (fold(part).replace(" ", "") for part in parts) if key]
    if not keys:
        return "", ()
    return keys[-1], tuple(keys[:-1])


def same_person_key(first: str, second: str) -> bool:
    """True when two folded family names are one name written in two scripts or spellings (`hagari`, `khagari`)."""
    if first == second:
        return True
    shorter = min(len(first), len(second))
    allowed = 2 if shorter >= 6 else 1 if shorter >= 5 else 0
    return allowed > 0 and OSA.distance(first, second, score_cutoff=allowed) <= allowed
