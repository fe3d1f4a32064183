"""Group frames into facts: score candidate pairs, then merge clusters by average linkage.

Candidates come from an index of rare-enough features (blocking), so the work
grows with the number of claims, not its square: a feature shared by more than 4√n
frames is too common to tell claims apart. A rare feature's frames are all paired
up to a fixed cap; past it (only in stories of over 1,024 frames), each is paired
with its neighbours in the order of their keys (measure, subject, scope), so in a
huge story a frame meets a bounded number of others per feature and the pairs
scored grow linearly with the claims, not as n^1.5. Average linkage on cosine
similarity is the dot product of the clusters' mean vectors, so a merge costs
the size of two vectors, whatever the size of the clusters.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.align.frames import Feature, Frame

THRESHOLD = 0.25  # pair score needed to consider a merge
LINK = 0.6  # share of THRESHOLD the clusters' average similarity must reach
SUBJECT_PENALTY = 0.25  # claims about different subjects (Kazakhstan vs Uzbekistan)
UNSPECIFIED_PENALTY = 0.35  # one claim about a country, the other about the whole story (60 vs 150 agreements)
YEAR_PENALTY = 0.6  # claims about different years (trade in 2024 vs trade in 2023)
MIN_POSTINGS_CAP = 40
# The cap of 4√n stops here, at 1,024 frames: the largest real story (908 frames) keeps its cap, and in a
# larger one the pairs grow linearly with the frames (with the cap of 4√n, as n^1.5).
MAX_POSTINGS_CAP = 128
# A feature shared by more frames than that, though still rare, pairs each with its neighbours in the order of
# their keys: the next WINDOW, and so the WINDOW before it, as many as at the cap.
WINDOW = MAX_POSTINGS_CAP // 2
KEYS_AGREE = 0.1  # added when measure, subject and scope are the same: what the words of two languages cannot show


@dataclass
class Cluster:
    """Claims (frame indices) grouped so far, with what merging needs to know about them."""

    members: list[int]
    vector: dict[Feature, float]
    sentences: set[tuple[str, int]]
    nouns: set[str]
    years: set[str]
    roles: set[str]
    measures: set[str]
    scopes: set[str | None]
    subject_sets: set[frozenset[str]]  # each member's own subjects: "China and the US" may join "the US", not France
    keyed: bool = False  # every member's measure names a quantity
    restated: bool = False

    @property
    def subjects(self) -> set[str]:
        """Every subject any member is about."""
        return set().union(*self.subject_sets)

    def mean(self) -> dict[Feature, float]:
        """The mean of the members' unit vectors."""
        size = len(self.members)
        return {feature: weight / size for feature, weight in self.vector.items()}


def unit_vector(item: Frame, idf: dict[Feature, float]) -> dict[Feature, float]:
    """The frame's features weighted by rarity, scaled to length 1."""
    weighted = {feature: weight * idf[feature] for feature, weight in item.features.items()}
    norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
    return {feature: w / norm for feature, w in weighted.items()}


def candidate_pairs(frames: list[Frame]) -> set[tuple[int, int]]:
    """Pairs of one dimension sharing a feature rare enough to discriminate (blocking)."""
    rare = max(MIN_POSTINGS_CAP, int(math.sqrt(len(frames)) * 4))
    pairs: set[tuple[int, int]] = set()
    for members in _postings(frames).values():
        if len(members) <= min(rare, MAX_POSTINGS_CAP):
            _add_pairs(pairs, members)
        elif len(members) <= rare:
            _add_neighbours(pairs, sorted(members, key=lambda index: (_keys(frames[index]), index)))
    return pairs


def _postings(frames: list[Frame]) -> dict[tuple[str, Feature], list[int]]:
    postings: dict[tuple[str, Feature], list[int]] = defaultdict(list)
    for index, item in enumerate(frames):
        for feature in item.features:
            postings[(item.dimension, feature)].append(index)
    return postings


def _keys(item: Frame) -> tuple:
    """What a frame is a figure of: its measure, subjects and scope (unknown ones are keys of their own)."""
    return (item.measure or "", tuple(sorted(item.subjects)), item.scope or "")


def _add_neighbours(pairs: set[tuple[int, int]], members: list[int]) -> None:
    for position, first in enumerate(members):
        for second in members[position + 1 : position + 1 + WINDOW]:
            pairs.add((min(first, second), max(first, second)))


def _add_pairs(pairs: set[tuple[int, int]], members: list[int]) -> None:
    for position, first in enumerate(members):
        for second in members[position + 1 :]:
            pairs.add((first, second))


def cluster(
    frames: list[Frame],
    idf: dict[Feature, float],
    must_link: list[tuple[int, int]],
    join: Callable[[list[Cluster], Callable[[int, int], None]], None] | None = None,
) -> list[Cluster]:
    """Clusters of frames: must-link pairs first, then candidate pairs best first, by average linkage.

    `join`, if given, is then handed the clusters and a merge function, to merge what the words could not
    (see keyed.py).
    """
    vectors = [unit_vector(item, idf) for item in frames]
    clusters = [_singleton(index, item, vectors[index]) for index, item in enumerate(frames)]
    owner = list(range(len(frames)))
    for first, second in must_link:
        _merge(clusters, owner, owner[first], owner[second])
        clusters[owner[first]].restated = True
    singles = [_singleton(index, item, vectors[index]) for index, item in enumerate(frames)]  # unmerged, for penalties
    scores = {pair: _pair_score(frames, vectors, singles, *pair) for pair in sorted(candidate_pairs(frames))}
    heap = [(-score, pair) for pair, score in scores.items() if score >= THRESHOLD]
    heapq.heapify(heap)
    while heap:
        _, (first, second) = heapq.heappop(heap)
        a, b = owner[first], owner[second]
        if a != b and _may_merge(clusters[a], clusters[b]):
            _merge(clusters, owner, a, b)
    if join is not None:
        alive = [clusters[index] for index in sorted({owner[index] for index in range(len(frames))})]
        join(alive, lambda keep, other: _merge(clusters, owner, owner[alive[keep].members[0]], owner[alive[other].members[0]]))
    alive = sorted({owner[index] for index in range(len(frames))})
    return [clusters[index] for index in alive]


def _singleton(index: int, item: Frame, vector: dict[Feature, float]) -> Cluster:
    return Cluster(
        members=[index],
        vector=dict(vector),
        sentences={item.sentence_key},
        nouns={value for kind, value in item.features if kind == "n"},
        years={value for kind, value in item.features if kind == "y"},
        roles={item.role} if item.role else set(),
        measures={item.measure} if item.measure else set(),
        scopes={item.scope},
        subject_sets={item.subjects} if item.subjects else set(),
        keyed=item.keyed,
    )


def _pair_score(
    frames: list[Frame], vectors: list[dict[Feature, float]], singles: list[Cluster], first: int, second: int
) -> float:
    # `singles` are built once per frame: building them per pair was a third of a 1,000-source story's run
    if frames[first].sentence_key == frames[second].sentence_key:
        return 0.0  # two figures of one sentence are two facts, unless one restates the other
    a, b = singles[first], singles[second]
    return (_dot(vectors[first], vectors[second]) + _agreeing_keys(a, b)) * _penalty(a, b)


def _penalty(a: Cluster, b: Cluster) -> float:
    """How much what the clusters are about keeps them apart (1: nothing; 0: never one fact)."""
    if _conflict(a.nouns, b.nouns) or _conflict(a.roles, b.roles):
        return 0.0  # sixty firms and sixty agreements, "the next five years" and "two decades ago"
    if _conflict(a.measures, b.measures) or a.scopes != b.scopes or _disjoint_subjects(a, b):
        return 0.0  # the dead and the injured; new agreements and all of them; Syria and Turkey: never one fact
    factor = 1.0
    if a.subjects and b.subjects:
        # Partly shared subjects keep claims partly apart: "Ethiopia" and "the agency in Ethiopia" are not one.
        shared = len(a.subjects & b.subjects) / len(a.subjects | b.subjects)
        factor *= SUBJECT_PENALTY + (1 - SUBJECT_PENALTY) * shared
    elif bool(a.subjects) != bool(b.subjects):
        factor *= UNSPECIFIED_PENALTY
    if _conflict(a.years, b.years):
        factor *= YEAR_PENALTY
    return factor


def _disjoint_subjects(a: Cluster, b: Cluster) -> bool:
    """True when a member of one is about other subjects than a member of the other."""
    return any(not first & second for first in a.subject_sets for second in b.subject_sets)


def _conflict(a: set[str], b: set[str]) -> bool:
    return bool(a) and bool(b) and not a & b


def _may_merge(a: Cluster, b: Cluster) -> bool:
    if a.sentences & b.sentences:
        return False
    return (_dot(a.mean(), b.mean()) + _agreeing_keys(a, b)) * _penalty(a, b) >= THRESHOLD * LINK


def _agreeing_keys(a: Cluster, b: Cluster) -> float:
    """The bonus of clusters whose members all share one specific measure, one named subject and one scope."""
    same = a.keyed and b.keyed and len(a.measures) == 1 and a.measures == b.measures and len(a.subject_sets) == 1
    return KEYS_AGREE if same and a.subject_sets == b.subject_sets and a.scopes == b.scopes else 0.0


def _merge(clusters: list[Cluster], owner: list[int], keep: int, other: int) -> None:
    if keep == other:
        return
    a, b = clusters[keep], clusters[other]
    a.members.extend(b.members)
    for feature, weight in b.vector.items():
        a.vector[feature] = a.vector.get(feature, 0.0) + weight
    a.sentences |= b.sentences
    a.nouns |= b.nouns
    a.years |= b.years
    a.roles |= b.roles
    a.measures |= b.measures
    a.scopes |= b.scopes
    a.subject_sets |= b.subject_sets
    a.keyed = a.keyed and b.keyed
    a.restated = a.restated or b.restated
    for index in b.members:
        owner[index] = keep


def _dot(a: dict[Feature, float], b: dict[Feature, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(feature, 0.0) for feature, weight in a.items())
