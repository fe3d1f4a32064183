"""Blocking in align/clustering.py: the old rule up to 1,024 frames, and pairs linear in the frames beyond.

Frames are built directly with drawn features (only the fields blocking reads), as a story of many sources
repeating a few facts would give: every fact's frames share its words, so a feature's posting grows with
the number of sources.
"""

from __future__ import annotations

import math
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.align.clustering import MAX_POSTINGS_CAP, MIN_POSTINGS_CAP, WINDOW, candidate_pairs
from factcheck.align.frames import Frame

MEASURES = (None, "investment", "trade")


def _frame(features: list[str], measure: str | None = None, subject: str = "") -> Frame:
    return Frame(
        claim=None,
        dimension="money",
        features={("w", word): 1.0 for word in features},
        sentence_key=("s", 0),
        subjects=frozenset({subject} if subject else ()),
        measure=measure,
    )


def _story(facts: int, sources: int, seed: int = 1) -> list[Frame]:
    """Each source states each fact once, in words of the fact, of its source and of the whole story.

    Sources come in runs of 3√n (as a story's coverage comes in waves, each with its own words for a fact),
    so a fact's words of one run are rare enough to block by (4√n) but past the cap (128) in a large story.
    """
    rnd = random.Random(seed)
    run = max(1, int(3 * math.sqrt(facts * sources)))
    frames = []
    for source in range(sources):
        for fact in range(facts):
            words = [f"fact{fact}-{source // run}", f"source{source}", f"common{rnd.randrange(3)}"]
            frames.append(_frame(words, MEASURES[fact % 3], f"country{fact % 4}"))
    return frames


def _old_rule(frames: list[Frame]) -> set[tuple[int, int]]:
    """Blocking before the fixed cap: every pair of a posting of at most 4√n frames (at least 40)."""
    postings: dict = {}
    for index, item in enumerate(frames):
        for feature in item.features:
            postings.setdefault((item.dimension, feature), []).append(index)
    cap = max(MIN_POSTINGS_CAP, int(math.sqrt(len(frames)) * 4))
    kept = [members for members in postings.values() if len(members) <= cap]
    return {(a, b) for members in kept for i, a in enumerate(members) for b in members[i + 1 :]}


@given(st.integers(1, 12), st.integers(1, 80), st.integers(0, 1000))
@settings(max_examples=60, deadline=None)
def test_stories_of_up_to_1024_frames_keep_their_pairs(facts, sources, seed):
    frames = _story(facts, sources, seed)[:1024]
    assert candidate_pairs(frames) == _old_rule(frames)


def test_pairs_grow_linearly_with_the_frames_of_one_huge_story():
    small, large = _story(9, 324), _story(9, 1296)  # 2,916 and 11,664 frames, in runs of 162 and 324 sources
    grown = math.log(len(candidate_pairs(large)) / len(candidate_pairs(small))) / math.log(4)
    assert grown <= 1.1  # the growth exponent; the old rule's, as n^1.5:
    assert math.log(len(_old_rule(large)) / len(_old_rule(small))) / math.log(4) > 1.4


def test_a_frame_meets_a_bounded_number_of_others_per_feature():
    frames = _story(12, 800)
    partners: dict[int, int] = {}
    for a, b in candidate_pairs(frames):
        partners[a] = partners.get(a, 0) + 1
        partners[b] = partners.get(b, 0) + 1
    features = max(len(item.features) for item in frames)
    assert max(partners.values()) <= features * max(MAX_POSTINGS_CAP, 2 * WINDOW)


def test_past_the_cap_neighbours_are_taken_in_the_order_of_their_keys():
    # 600 frames share one word; past the cap, a frame's neighbours are those of its measure first.
    frames = [_frame(["shared", f"own{n}"], MEASURES[n % 3], "japan") for n in range(600)]
    frames += [_frame([f"filler{n}"]) for n in range(22_000)]  # a story large enough for 4√n to pass 600
    pairs = candidate_pairs(frames)
    same = sum(frames[a].measure == frames[b].measure for a, b in pairs)
    assert same > 0.8 * len(pairs)  # in the order of the frames, a third
