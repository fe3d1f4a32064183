"""The deletion index of normalize/clusters.py keeps every similar pair: the same pairs as comparing all of them.

Names are drawn as near copies of a few base words (a letter changed, added, dropped, swapped with its
neighbour, a new first letter), over a small alphabet, so that similar pairs are common and every rule of
`similar` (short words, first letters, long words, one differing word of a longer name) is met.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalize.clusters import _all_pairs, _indexed_pairs, candidate_pairs, similar

LETTERS = "abeor"


def _edit(word: str, kind: int, at: int, letter: str) -> str:
    at %= len(word) + 1
    if kind == 0:
        return word[:at] + letter + word[at + 1 :]
    if kind == 1:
        return word[:at] + letter + word[at:]
    if kind == 2:
        return word[:at] + word[at + 1 :]
    if kind == 3 and at + 1 < len(word):
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return letter + word[1:]


@st.composite
def _near(draw, base: str) -> str:
    word = base
    for _ in range(draw(st.integers(0, 3))):
        word = _edit(word, draw(st.integers(0, 4)), draw(st.integers(0, 30)), draw(st.sampled_from(LETTERS))) or base
    return word


@st.composite
def _names(draw) -> list[tuple[str, ...]]:
    """Distinct names of one word count, with one first letter for the first word (one block)."""
    count = draw(st.integers(1, 3))
    bases = draw(st.lists(st.text(LETTERS, min_size=1, max_size=22), min_size=count, max_size=count + 2))
    names = set()
    for _ in range(draw(st.integers(2, 30))):
        words = tuple(draw(_near(draw(st.sampled_from(bases)))) for _ in range(count))
        names.add(("a" + words[0][1:],) + words[1:])
    return sorted(names)


def _every_similar_pair(names: list[tuple[str, ...]]) -> set[tuple[int, int]]:
    return {(i, j) for i in range(len(names)) for j in range(i + 1, len(names)) if similar(names[i], names[j])}


@given(_names())
@settings(max_examples=400, deadline=None)
def test_the_index_keeps_every_similar_pair(names):
    kept = candidate_pairs(names)
    assert _every_similar_pair(names) <= kept


@given(_names())
@settings(max_examples=400, deadline=None)
def test_the_indexed_pairs_are_the_pairs_of_all_pairs(names):
    members = list(range(len(names)))
    bound = len(names[0]) * 2  # clusters._EDITS_PER_WORD a word, as _similar_pairs gives it
    joined = ["".join(words) for words in names]
    assert sorted(_indexed_pairs(names, members, bound)) == sorted(_all_pairs(names, members, joined, bound))


def test_names_that_share_no_near_word_are_never_candidates():
    # Every letter doubled: two of these words differ in two letters at least, so no deletion makes them one.
    names = [(a * 2 + b * 2 + c * 2,) for a in "abcdefghij" for b in "abcdefghij" for c in "abcdefghij"]
    assert candidate_pairs(names) == set()  # all pairs would be 499,500
    near = {(names.index(("aabbcc",)), 1000), (names.index(("aabbdd",)), 1000)}  # one deletion from each
    assert candidate_pairs([*names, ("aabbcd",)]) == near
