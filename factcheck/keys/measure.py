"""A claim's measure: what its figure counts or measures, from the cue that governs it (see nearest.py)."""

from __future__ import annotations

from factcheck.keys.nearest import AFTER, Governing, governing
from factcheck.keys.vocabulary import Hit, MeasureRule, Vocabulary
from factcheck.models import Claim, ClaimKind, Key
from factcheck.units import dimension_of

UNKNOWN = Key(rule="no measure word governs the figure")


def measure_key(claim: Claim, hits: list[Hit], others: list[tuple[int, int]], vocabulary: Vocabulary) -> Key:
    """The measure of `claim` from the measure cues `hits` of its sentence (positions relative to the sentence)."""
    return by_unit(claim, vocabulary) or key_of(governing_measure(claim, hits, others, vocabulary), vocabulary)


def governing_measure(
    claim: Claim, hits: list[Hit], others: list[tuple[int, int]], vocabulary: Vocabulary
) -> Governing | None:
    """The measure cue of `hits` that governs the figure of `claim`, with the rule that found it."""
    fitting = [hit for hit in hits if _fits(claim, vocabulary.measures[hit.target])]
    dated = claim.kind is ClaimKind.DATE
    found = governing(claim.context.sentence.text, figure_span(claim), others, fitting, comma_ends=dated)
    if found is not None and found.confidence < AFTER and vocabulary.measures[found.hit.target].counted:
        # a noun of counted things that does not follow the figure names what another figure counts
        fitting = [hit for hit in fitting if not vocabulary.measures[hit.target].counted]
        found = governing(claim.context.sentence.text, figure_span(claim), others, fitting, comma_ends=dated)
    return found


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
