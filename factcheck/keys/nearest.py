"""Which cue of a sentence governs a figure: the one right after it, else the one before it, else the nearest.

"1,203 dead, 3,410 injured and 122 missing": each figure takes the word right after it.
"pledged seven billion euros on Monday to aid Turkey": the nearer of the two wins (after it on a tie).
"killing at least 37 people and injuring 120": 37 takes `killing` (the word after it
lies past `and`), 120 takes `injuring`. A cue right after one figure belongs to that
figure and is never taken by the next one from behind. Distances count words, and each
Chinese or Japanese character as one word, so the rule reads every script alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.keys.vocabulary import Hit
from factcheck.scripts import TOKEN

AFTER_WORDS = 4  # "37 people were killed", "284 kişinin hayatını kaybettiğini", "912人死亡"
BEFORE_WORDS = 6  # "the death toll rose to at least 37", "死者は少なくとも計2300人"
AFTER, BEFORE, SENTENCE = 0.9, 0.85, 0.6  # how sure each rule is

_TOKEN = re.compile(TOKEN)
_AFTER_STOPS = re.compile(r"[;,()\[\]、，。；]")
_BEFORE_STOPS = re.compile(r"[;。；]")
# A comma between two capitalised words (`Tokyo, Japan,`, `Portland, Oregon,`), and the one closing the second.
_PLACE_COMMAS = re.compile(r"(?<![^\W\d_])([A-Z][^\W\d_]+), ([A-Z][^\W\d_]+),?")
# A conjunction after a figure starts another figure's clause: "37 people and injuring 120".
CONJUNCTIONS = frozenset(
    "and or but while whereas with y o pero mientras et ou mais alors und oder aber sowie и или а но e ou mas ed "
    "o ma ve veya ile ama و أو 和 及 与 與 而 と や また".split()
)


@dataclass(frozen=True)
class Governing:
    """The cue that governs a figure, and which rule found it."""

    hit: Hit
    rule: str
    confidence: float
    via: tuple[int, int] | None = None  # the change figure a level took its cue through (measure.py)


def governing(
    text: str, figure: tuple[int, int], others: list[tuple[int, int]], hits: list[Hit], comma_ends: bool = False
) -> Governing | None:
    """The cue of `hits` that governs the figure at `figure` of `text` (positions relative to `text`).

    `comma_ends` makes a comma end the clause before the figure too, as it does for a date: in "colpita dal
    sisma, martedì" the Tuesday is the day of the sentence's verb, not of the quake.

    A cue inside the figure's own span is its counted noun ("711 morts") and decides first; so is one that
    starts inside it and runs on ("300 Menschen ums | Leben": the span took two words of the phrase).

    `others` are the spans of the sentence's other figures: no cue is taken across one.
    """
    own = [hit for hit in hits if figure[0] <= hit.start < figure[1] and not _inside(hit, others)]
    if own:
        return Governing(own[-1], "the counted noun of the figure", AFTER)
    hits = [hit for hit in hits if not _inside(hit, [figure, *others])]
    after = [hit for hit in hits if hit.start >= figure[1] and _follows(text, figure, hit, others)]
    before = [hit for hit in hits if hit.end <= figure[0] and _precedes(text, figure, hit, others, comma_ends)]
    first_after = min(after, key=lambda hit: hit.start, default=None)
    last_before = max(before, key=lambda hit: hit.end, default=None)
    if first_after and (last_before is None or _words(text, figure[1], first_after.start) <= _words(text, last_before.end, figure[0])):
        return Governing(first_after, "the word right after the figure", AFTER)
    if last_before:
        return Governing(last_before, "the word governing the figure before it", BEFORE)
    free = [hit for hit in hits if not _between_figures(hit, figure, others) and not _owned(text, hit, figure, others)]
    if free:
        nearest = min(free, key=lambda hit: _distance(hit, figure))
        return Governing(nearest, "the nearest word of its clause", SENTENCE)
    return None


def _follows(text: str, figure: tuple[int, int], hit: Hit, others: list[tuple[int, int]]) -> bool:
    gap = text[figure[1] : hit.start]
    if _AFTER_STOPS.search(gap) or any(figure[1] <= start < hit.start for start, _ in others):
        return False
    tokens = _TOKEN.findall(gap)
    return len(tokens) <= AFTER_WORDS and not any(token.lower() in CONJUNCTIONS for token in tokens)


def _precedes(text: str, figure: tuple[int, int], hit: Hit, others: list[tuple[int, int]], comma_ends: bool = False) -> bool:
    gap = text[hit.end : figure[0]]
    stops = _AFTER_STOPS if comma_ends else _BEFORE_STOPS
    if comma_ends:  # `the Summit in Tokyo, Japan, on December 20`: the commas of a place's name end no clause
        gap = _PLACE_COMMAS.sub(r"\1 \2", gap)
    if stops.search(gap) or any(hit.end <= start < figure[0] for start, _ in others):
        return False
    return len(_TOKEN.findall(gap)) <= BEFORE_WORDS and not _owned(text, hit, figure, others)


def _owned(text: str, hit: Hit, figure: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    """True when the cue is right after another figure, and so that figure's own."""
    every = [figure, *others]
    return any(
        end <= hit.start and _follows(text, (start, end), hit, [span for span in every if span != (start, end)])
        for start, end in others
    )


def _between_figures(hit: Hit, figure: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    low, high = sorted((hit.start, figure[0]))
    return any(low < start < high for start, _ in others)


def _inside(hit: Hit, spans: list[tuple[int, int]]) -> bool:
    return any(start < hit.end and hit.start < end for start, end in spans)


def _words(text: str, start: int, end: int) -> int:
    return len(_TOKEN.findall(text[start:end]))


def _distance(hit: Hit, figure: tuple[int, int]) -> int:
    return hit.start - figure[1] if hit.start >= figure[1] else figure[0] - hit.end
