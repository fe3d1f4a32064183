"""A claim's frame: the weighted features alignment compares.

A frame holds what surrounds a figure: the canonical entities of its sentence
(and, weaker, of its paragraph), the content words of its sentence weighted by
their distance to the figure, its counted noun or measure, and the years of its
sentence. Values are deliberately absent: a figure ten times too large must
still meet the figure it contradicts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from factcheck.extract.context import content_words
from factcheck.models import Claim, ClaimKind

Feature = tuple[str, str]  # (kind, value): ("e", entity id), ("w", lemma), ("n", noun group), ("y", year)

NEAR_WORDS = 6  # words this close to the figure count fully; farther ones fade
SENTENCE_ENTITY = 1.5
PARAGRAPH_ENTITY = 0.5
NOUN = 2.5
YEAR = 1.0

# Counted nouns that name the same kind of thing in news copy.
NOUN_GROUPS = {
    "agreement": "agreement",
    "document": "agreement",
    "deal": "agreement",
    "accord": "agreement",
    "memorandum": "agreement",
    "memoranda": "agreement",
    "contract": "agreement",
    "treaty": "agreement",
    "firm": "company",
    "company": "company",
    "enterprise": "company",
    "business": "company",
    "corporation": "company",
    "official": "person",
    "leader": "person",
    "participant": "person",
    "people": "person",
    "person": "person",
    "specialist": "person",
    "delegate": "person",
}


@dataclass(frozen=True)
class Frame:
    """A claim with its features, ready to be compared."""

    claim: Claim
    dimension: str
    features: dict[Feature, float]
    sentence_key: tuple[str, int]
    subjects: frozenset[str]


def dimension(claim: Claim) -> str:
    """Claims are only compared within one dimension: money with money, years with dates, counts with counts."""
    if claim.kind in (ClaimKind.YEAR, ClaimKind.DATE):
        return "time"
    if claim.kind is ClaimKind.MEASURE:
        unit = claim.normalized.unit if claim.normalized else claim.stated.unit
        return f"measure:{unit}"
    return claim.kind.value


def noun_group(noun: str | None) -> str | None:
    """The group a counted noun belongs to ('document' and 'agreement' are one), or the noun itself."""
    if not noun:
        return None
    head = noun.split()[-1]
    return NOUN_GROUPS.get(head, head)


def frame(claim: Claim) -> Frame:
    """The frame of one claim."""
    features: dict[Feature, float] = {}
    for rank, entity in enumerate(claim.context.entities):
        features[("e", entity)] = SENTENCE_ENTITY / (1 + 0.25 * rank)
    for entity in claim.context.paragraph_entities:
        features.setdefault(("e", entity), PARAGRAPH_ENTITY)
    for word, weight in _near_words(claim).items():
        features[("w", word)] = max(features.get(("w", word), 0.0), weight)
    group = noun_group(claim.context.noun)
    if group:
        features[("n", group)] = NOUN
    for year in claim.context.years:
        if not (claim.kind in (ClaimKind.YEAR, ClaimKind.DATE) and str(year) in claim.surface):
            features[("y", str(year))] = YEAR
    return Frame(
        claim=claim,
        dimension=dimension(claim),
        features=features,
        sentence_key=(claim.source, claim.context.sentence.start),
        subjects=frozenset(claim.context.entities[:2]),
    )


def _near_words(claim: Claim) -> dict[str, float]:
    """Content words of the sentence, weighted by how many words away from the figure they are."""
    sentence = claim.context.sentence
    figure_start = claim.span.start - sentence.start
    figure_end = claim.span.end - sentence.start
    before = content_words(sentence.text[: max(0, figure_start)])
    after = content_words(sentence.text[max(0, figure_end) :])
    weights: dict[str, float] = {}
    for distance, word in enumerate(reversed(before)):
        weights[word] = max(weights.get(word, 0.0), _fade(distance))
    for distance, word in enumerate(after):
        weights[word] = max(weights.get(word, 0.0), _fade(distance))
    return weights


def _fade(distance: int) -> float:
    return 1.0 if distance < NEAR_WORDS else NEAR_WORDS / (distance + 1)


def inverse_frequencies(frames: list[Frame]) -> dict[Feature, float]:
    """How rare each feature is among the claims of a story: every article says 'Japan', few say 'portfolio'."""
    counts: Counter[Feature] = Counter()
    for item in frames:
        counts.update(item.features.keys())
    total = len(frames)
    return {feature: math.log(1 + total / count) for feature, count in counts.items()}


def words_of(text: str) -> set[str]:
    """Lemmas of a phrase as alignment compares them (for declared facts)."""
    return set(content_words(re.sub(r"[-_]", " ", text)))
