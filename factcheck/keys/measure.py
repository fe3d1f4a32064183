"""A claim's measure: what its figure counts or measures, from the cue that governs it (see nearest.py)."""

from __future__ import annotations

from factcheck.keys.nearest import AFTER, governing
from factcheck.keys.vocabulary import Hit, Vocabulary
from factcheck.models import Claim, Key

UNKNOWN = Key(rule="no measure word governs the figure")


def measure_key(claim: Claim, hits: list[Hit], others: list[tuple[int, int]], vocabulary: Vocabulary) -> Key:
    """The measure of `claim` from the measure cues `hits` of its sentence (positions relative to the sentence)."""
    fitting = [hit for hit in hits if claim.kind in vocabulary.measures[hit.target].kinds]
    found = governing(claim.context.sentence.text, figure_span(claim), others, fitting)
    if found is not None and found.confidence < AFTER and vocabulary.measures[found.hit.target].counted:
        # a noun of counted things that does not follow the figure names what another figure counts
        fitting = [hit for hit in fitting if not vocabulary.measures[hit.target].counted]
        found = governing(claim.context.sentence.text, figure_span(claim), others, fitting)
    if found is None:
        return UNKNOWN
    rule = vocabulary.measures[found.hit.target]
    return Key(value=rule.id, label=rule.label, words=(found.hit.text,), rule=found.rule, confidence=found.confidence)


def figure_span(claim: Claim) -> tuple[int, int]:
    """Where the figure stands in its sentence."""
    start = claim.span.start - claim.context.sentence.start
    return start, start + len(claim.span.text)
