"""A claim's scope: words beside a figure that make it another quantity of its measure.

"nine new agreements" is not "150 agreements"; "$95 per share" is not the price of the
deal; "$35 billion a year" is not a five-year total. Only a word right next to the figure
counts (the rules of nearest.py, without the clause-wide fallback): a scope word across the
sentence qualifies some other figure. A period may also stand beside the measure's own
cue ("monthly inflation reached 13%", "a inflação mensal ... atingiu 13%"): the figure the
cue governs is a rate over that period.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.keys.measure import figure_span
from factcheck.keys.nearest import BEFORE, SENTENCE, governing
from factcheck.keys.vocabulary import Hit, Vocabulary
from factcheck.models import Claim, Key
from factcheck.scripts import TOKEN

NONE_FOUND = Key(rule="no scope word next to the figure", confidence=0.8)
SENTENCE_VERB = 0.75  # `expects … to fall 19.7% to ¥4.3tn, … and its sales to rise 2% to ¥46tn`
BESIDE_CUE_WORDS = 1  # "annual inflation", "inflation rate annuelle": at most one word between

_WORD = re.compile(TOKEN)
_STOPS = re.compile(r"[;,.:()\[\]、，。；]")


def scope_key(
    claim: Claim,
    hits: list[Hit],
    others: list[tuple[int, int]],
    vocabulary: Vocabulary,
    cue: Hit | None = None,
    verbs: Sequence[Hit] = (),
) -> Key:
    """The scope of `claim` from the scope cues `hits` of its sentence; none found is a decision too.

    `cue` is the measure cue that governs the figure, beside which a period of the measure may stand; `verbs`
    the sentence's scope verbs (`expects`), which scope every figure after them that has no scope word of its own.
    """
    figure = figure_span(claim)
    hits = [hit for hit in hits if hit.start >= figure[1] or not vocabulary.scopes[hit.target].follows]
    if cue is not None:  # a word of the measure's longer name is no scope: the `net` of `net profit`
        hits = [hit for hit in hits if not _inside(hit, cue)]
    found = governing(claim.context.sentence.text, figure, others, hits)
    if found is not None and found.confidence > SENTENCE:
        rule = vocabulary.scopes[found.hit.target]
        return Key(value=rule.id, label=rule.label, words=(found.hit.text,), rule=found.rule, confidence=found.confidence)
    beside = _beside_cue(claim.context.sentence.text, cue, others, hits, vocabulary) if cue else None
    if beside is not None:
        rule = vocabulary.scopes[beside.target]
        return Key(value=rule.id, label=rule.label, words=(beside.text,), rule="the word beside its measure's cue",
                   confidence=BEFORE)
    verb = max((hit for hit in verbs if hit.end <= figure[0]), key=lambda hit: hit.end, default=None)
    if verb is None:
        return NONE_FOUND
    rule = vocabulary.scopes[verb.target]
    return Key(value=rule.id, label=rule.label, words=(verb.text,), rule="a verb before it in its sentence",
               confidence=SENTENCE_VERB)


def _inside(hit: Hit, cue: Hit) -> bool:
    """True when `hit` is a shorter part of the measure cue `cue`."""
    return cue.start <= hit.start and hit.end <= cue.end and hit.end - hit.start < cue.end - cue.start


def _beside_cue(text: str, cue: Hit, others: list[tuple[int, int]], hits: list[Hit], vocabulary: Vocabulary) -> Hit | None:
    """The period cue right beside the measure cue `cue`, with nothing between them but one word."""
    for hit in hits:
        if not vocabulary.scopes[hit.target].of_measure:
            continue
        low, high = (hit.end, cue.start) if hit.end <= cue.start else (cue.end, hit.start)
        if low > high or any(low <= start < high for start, _ in others):
            continue
        gap = text[low:high]
        if not _STOPS.search(gap) and len(_WORD.findall(gap)) <= BESIDE_CUE_WORDS:
            return hit
    return None
