"""A claim's measure: what its figure counts or measures, from the cue that governs it (see nearest.py)."""

from __future__ import annotations

import re

from factcheck.keys.nearest import AFTER, BEFORE, SENTENCE, Governing, governing
from factcheck.keys.vocabulary import Hit, MeasureRule, Vocabulary
from factcheck.models import Claim, ClaimKind, Key
from factcheck.scripts import HAN_KANA, WORD
from factcheck.units import dimension_of

UNKNOWN = Key(rule="no measure word governs the figure")


def measure_key(
    claim: Claim,
    hits: list[Hit],
    others: list[tuple[int, int]],
    vocabulary: Vocabulary,
    changes: tuple[tuple[int, int], ...] = (),
) -> Key:
    """The measure of `claim` from the measure cues `hits` of its sentence (positions relative to the sentence).

    `others` are the spans of the sentence's other figures, `changes` those of its percentages.
    """
    found = governing_measure(claim, hits, others, vocabulary, changes)
    return by_unit(claim, vocabulary) or key_of(found, vocabulary)


def governing_measure(
    claim: Claim,
    hits: list[Hit],
    others: list[tuple[int, int]],
    vocabulary: Vocabulary,
    changes: tuple[tuple[int, int], ...] = (),
) -> Governing | None:
    """The measure cue of `hits` that governs the figure of `claim`, with the rule that found it.

    Three cues are set aside and the next one tried: a noun of counted things that does not follow the figure
    (it names what another figure counts); a change word across the clause (`24.9 percent, a slight increase`
    says the share rose, the figure is the share); and a change word that leads to a level (`increased to 51
    per cent`, `51%に上昇`: the figure is where a quantity got to, not how much it grew).

    `changes` are the spans of the sentence's percentages: a level right after one takes the measure of the change.
    """
    text, span = claim.context.sentence.text, figure_span(claim)
    fitting = [hit for hit in hits if _fits(claim, vocabulary.measures[hit.target])]
    dated = claim.kind is ClaimKind.DATE
    # A percentage after a percentage (`from 40% to 46%`) may be the level after the level before, not after a change.
    led_by = () if claim.kind is ClaimKind.PERCENT else changes
    while True:
        found = governing(text, span, others, fitting, comma_ends=dated)
        if found is None:
            return _level_after_change(text, span, others, led_by, fitting, vocabulary)
        rule = vocabulary.measures[found.hit.target]
        if rule.counted and found.confidence < AFTER:
            fitting = [hit for hit in fitting if not vocabulary.measures[hit.target].counted]
        elif rule.generic and (found.confidence <= SENTENCE or _leads_to_level(text, span, found.hit)):
            fitting = [hit for hit in fitting if hit is not found.hit]
        else:
            return found


# The word that makes a change's figure its new level: `rose to 51%`, `passé à`, `subió a`, `auf`, `до`, `至`, `に`,
# not the amount of the change (`by`, `de`, `en`, `um`, `на`, `了`).
_LEVEL_WORDS = frozenset("to à a al hasta para auf bis tot до 至 到 に 로 으로 까지 ke menjadi".split())
_GAP_WORD = re.compile(rf"[{HAN_KANA}]|{WORD}")


def _level_after_change(
    text: str,
    figure: tuple[int, int],
    others: list[tuple[int, int]],
    changes: tuple[tuple[int, int], ...],
    hits: list[Hit],
    vocabulary: Vocabulary,
) -> Governing | None:
    """The measure of a level reached after a change: `operating profit rose 96.4% to 5.32 trillion yen`.

    The change (a percentage) right before the level hides the measure's cue from it; the level takes the cue that
    would govern a figure of its kind standing where the change stands, if a level word joins the two. Two
    figures of one kind (`from 40% to 46%`, `by 20 to 300`) are left alone: the first may be the level before.
    """
    change = max((span for span in others if span[1] <= figure[0]), default=None)
    if change not in changes or not _joins_to_level(text[change[1] : figure[0]]):
        return None
    specific = [hit for hit in hits if not vocabulary.measures[hit.target].generic]
    rest = [span for span in others if span != change]
    found = governing(text, change, rest, specific)
    if found is None or found.hit.start >= change[0]:
        return None
    return Governing(found.hit, "the word governing the change that led to the figure", BEFORE, via=change)


# The words that join a change to the level it led to: `rose 96.4% to`, `um 96,4 % auf`, `un 96,4%, hasta alcanzar
# los`, `de 96,4 % pour atteindre`, `96,4%, para`, `на 5% до`.
_REACH_WORDS = frozenset(
    "reach reaching atteindre alcanzar alcanzando raggiungere atingir atingindo erreichen erreicht достигнув".split()
)
_JOINING_WORDS = frozenset("the los las les el la le lo il i o os um uma de pour per und et y e".split())


def _joins_to_level(gap: str) -> bool:
    """True when the words between a change figure and the next figure say the next one is the level reached."""
    if re.search(r"[;.:()\[\]。；]", gap):
        return False
    words = _GAP_WORD.findall(gap.lower())
    joined = [word for word in words if word not in _JOINING_WORDS]
    return 1 <= len(joined) <= 2 and joined[0] in _LEVEL_WORDS | _REACH_WORDS and all(
        word in _LEVEL_WORDS | _REACH_WORDS for word in joined
    )


def _leads_to_level(text: str, figure: tuple[int, int], cue: Hit) -> bool:
    """True when the word between a change word and the figure, next to the figure, says the level reached."""
    if cue.end <= figure[0]:
        words = _GAP_WORD.findall(text[cue.end : figure[0]].lower())
        return bool(words) and words[-1] in _LEVEL_WORDS
    words = _GAP_WORD.findall(text[figure[1] : cue.start].lower())
    return bool(words) and words[0] in _LEVEL_WORDS


def _fits(claim: Claim, rule: MeasureRule) -> bool:
    """True when a figure of the claim's kind (and, for a measure of one dimension, its unit's) may be the measure."""
    if claim.kind not in rule.kinds:
        return False
    return rule.dimension is None or claim.kind is not ClaimKind.PHYSICAL or dimension_of(claim.stated.unit) == rule.dimension


def by_unit(claim: Claim, vocabulary: Vocabulary) -> Key | None:
    """The measure a physical figure's unit decides by itself (`49 °C` is a temperature), if one does."""
    if claim.kind is not ClaimKind.PHYSICAL:
        return None
    dimension = dimension_of(claim.stated.unit)
    rule = next((rule for rule in vocabulary.measures.values() if rule.by_unit and rule.dimension == dimension), None)
    if rule is None:
        return None
    return Key(value=rule.id, label=rule.label, words=(claim.span.text,), rule="the unit of the figure", confidence=AFTER)


def key_of(found: Governing | None, vocabulary: Vocabulary) -> Key:
    """The measure key that the governing cue `found` decides."""
    if found is None:
        return UNKNOWN
    rule = vocabulary.measures[found.hit.target]
    return Key(value=rule.id, label=rule.label, words=(found.hit.text,), rule=found.rule, confidence=found.confidence)


def figure_span(claim: Claim) -> tuple[int, int]:
    """Where the figure stands in its sentence."""
    start = claim.span.start - claim.context.sentence.start
    return start, start + len(claim.span.text)
