"""A claim's scope: words beside a figure that make it another quantity of its measure.

"nine new agreements" is not "150 agreements"; "$95 per share" is not the price of the
deal; "$35 billion a year" is not a five-year total. Only a word right next to the figure
counts (the rules of nearest.py, without the clause-wide fallback): a scope word across the
sentence qualifies some other figure.
"""

from __future__ import annotations

from factcheck.keys.measure import figure_span
from factcheck.keys.nearest import SENTENCE, governing
from factcheck.keys.vocabulary import Hit, Vocabulary
from factcheck.models import Claim, Key

NONE_FOUND = Key(rule="no scope word next to the figure", confidence=0.8)


def scope_key(claim: Claim, hits: list[Hit], others: list[tuple[int, int]], vocabulary: Vocabulary) -> Key:
    """The scope of `claim` from the scope cues `hits` of its sentence; none found is a decision too."""
    found = governing(claim.context.sentence.text, figure_span(claim), others, hits)
    if found is None or found.confidence <= SENTENCE:
        return NONE_FOUND
    rule = vocabulary.scopes[found.hit.target]
    return Key(value=rule.id, label=rule.label, words=(found.hit.text,), rule=found.rule, confidence=found.confidence)
