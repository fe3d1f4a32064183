"""Clustering of name candidates the authority list does not know: near-identical names are one entity.

Names are compared word by word after folding (`Sojitz`/`Sojits`,
`Berdimuhamedov`/`Berdymuhamedov`): the same number of words, each pair equal
or, for words of five letters or more, with the same first letter and at most one
edit per six letters (two swapped letters are one edit: `Otkay`/`Oktay`); a word of seven
letters or more may differ in its first letter alone (`Mazarcik`/`Pazarcik`). A name of
several words may differ by one edit in a single word of four letters when the others
are equal (`Call of Dudy`, `Gaby Williams`), of three when the others have four letters or
more (`Lon Marchand`, `Hock Tran`). So `Mitsubishi Corporation` never meets
`Mitsubishi Heavy Industries` (other words), `Japan` never meets `Japarov` (too many
edits), and `Toyo` never meets `Toyota` (short words must be equal). A name of one
word shorter than eight letters joins a listed place only as written: `Tainan` is a city, not a misspelt
`Taiwan`, while `Bangladesg` is `Bangladesh` (and `Sojits` the listed company `Sojitz`). Candidates are blocked by
word count and first letter. A small block compares all its pairs in C; a large one looks its pairs up in
an index of each word's deletion variants, which keeps every pair that can be similar (two words within
k edits share a string made by at most k deletions from each), so the work grows with the pairs that
share a word or a near one, not with the square of the block.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from factcheck.normalize.authority import Authority
from factcheck.normalize.folding import word_key

MIN_FUZZY_LENGTH = 5  # shorter words must match exactly: Iran / Iraq, Toyo / Toyota
LISTED_FUZZY_LENGTH = 8  # a one-word name this short joins a listed place only as written: Tainan is not Taiwan
MIN_FUZZY_LENGTH_IN_NAME = 4  # ...unless the rest of a longer name is equal: Call of Dudy / Call of Duty
LETTERS_PER_EDIT = 6
LONG_REST = 4  # letters of the equal words that let a three-letter word differ by one edit: Lon / Leon Marchand
FIRST_LETTER_WORD = 7  # a word this long may differ in its first letter alone: Mazarcik / Pazarcik
_EDITS_PER_WORD = 2  # similar names differ by at most this many edits a word (3 only from 18 letters on)
_ROWS = 512  # rows of a block's distance matrix computed at once, to bound memory on large blocks
_ALL_PAIRS = 2048  # a block of more names than this is searched through its index: in C, all pairs of 2,000
# two-word names take 0.1 s, of 8,000 1.2-1.5 s (the index: 0.7-1.1 s), of 32,000 27 s (the index: 6 s)
_ALL_PAIRS_LETTERS = 64  # so is a block with a longer name: an edit distance costs the product of the lengths
_SHORTEST_EDITED = 3  # no word shorter than this ever differs from another in a similar name
_LONGEST_VARIED = 16  # longer words are indexed by one key a position: their deletion variants run to thousands
_LONG = "\0"  # that key (no word contains a NUL)
# Words that make a run of capitalised words an organisation or a place rather than a person, so that
# a lone surname is never attached to it (`Asia` is not the surname of `Central Asia`).
ORGANISATION_WORDS = frozenset(
    """university bank corporation corp company co inc ltd group holdings industries engineering ministry agency
    center centre forum council committee organization organisation union nations republic plant initiative
    declaration summit dialogue fund institute school complex hub platform program programme project strategy
    process assembly parliament government office""".split()
)
PLACE_WORDS = frozenset(
    """states region river park airport port seaport route corridor asia europe america africa east west north
    south central island islands mountains lake sea ocean valley province district city""".split()
)
NOT_PERSON = ORGANISATION_WORDS | PLACE_WORDS | frozenset("international national".split())


@dataclass(frozen=True)
class Assignment:
    """Where a written name belongs: an authority entity (by index) or a new cluster (by number)."""

    authority: int | None
    cluster: int


def cluster(names: Sequence[str], authority: Authority) -> dict[str, Assignment]:
    """Each distinct written name, assigned to an authority entity or to a cluster of near-identical names."""
    keys = {name: word_key(name) for name in names}
    groups = sorted({key for key in keys.values() if key})
    parent = list(range(len(groups)))
    for a, b in _similar_pairs(groups):
        _union(parent, a, b)
    _link_surnames(groups, parent)
    attached = _attach(groups, parent, authority)
    position = {key: index for index, key in enumerate(groups)}
    result = {}
    for name, key in keys.items():
        if key:
            root = _find(parent, position[key])
            result[name] = Assignment(attached.get(root), root)
    return result


def similar(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when two folded names are the same name written differently (see the module docstring)."""
    if len(a) != len(b):
        return False
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    if len(a) > 1 and len(differing) == 1:
        shortest = MIN_FUZZY_LENGTH_IN_NAME if sum(len(x) for x in a if x not in differing[0]) < LONG_REST else 3
        return _similar_word(*differing[0], shortest_fuzzy=shortest)
    return all(_similar_word(x, y) for x, y in differing)


def _similar_word(a: str, b: str, shortest_fuzzy: int = MIN_FUZZY_LENGTH) -> bool:
    shortest = min(len(a), len(b))
    if shortest < shortest_fuzzy:
        return False
    if a[0] != b[0]:
        return shortest >= FIRST_LETTER_WORD and a[1:] == b[1:]
    allowed = max(1, shortest // LETTERS_PER_EDIT)
    return OSA.distance(a, b, score_cutoff=allowed) <= allowed


def _blocks(groups: Sequence[tuple[str, ...]]) -> dict[tuple[int, str], list[int]]:
    blocks: dict[tuple[int, str], list[int]] = {}
    for index, words in enumerate(groups):
        blocks.setdefault((len(words), words[0][0]), []).append(index)
    return blocks


def _first_letter_pairs(groups: Sequence[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Pairs of names that differ only in the first letter of a long first word (other blocks never meet)."""
    rests: dict[tuple[str, ...], list[int]] = {}
    for index, words in enumerate(groups):
        if len(words[0]) >= FIRST_LETTER_WORD:
            rests.setdefault((words[0][1:], *words[1:]), []).append(index)
    return [(a, b) for members in rests.values() for i, a in enumerate(members) for b in members[i + 1 :]]


def _similar_pairs(groups: Sequence[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Pairs of similar names, compared only within a block."""
    pairs = _first_letter_pairs(groups)
    for (count, _), members in _blocks(groups).items():
        if len(members) < 2:
            continue
        joined = ["".join(groups[index]) for index in members]
        if len(members) <= _ALL_PAIRS and max(map(len, joined)) <= _ALL_PAIRS_LETTERS:
            pairs += _all_pairs(groups, members, joined, count * _EDITS_PER_WORD)
        else:
            pairs += _indexed_pairs(groups, members, count * _EDITS_PER_WORD)
    return pairs


def _all_pairs(
    groups: Sequence[tuple[str, ...]], members: list[int], joined: list[str], bound: int
) -> list[tuple[int, int]]:
    """The similar pairs of a block, all its edit distances computed in C."""
    pairs = []
    for start in range(0, len(members), _ROWS):
        rows = joined[start : start + _ROWS]
        # A cheap bound first: two similar names differ by at most a few edits over their joined letters.
        distances = process.cdist(rows, joined, scorer=Levenshtein.distance, score_cutoff=bound, workers=1)
        for row, col in zip(*numpy.nonzero(distances <= bound)):
            a, b = members[start + row], members[col]
            if a < b and similar(groups[a], groups[b]):
                pairs.append((a, b))
    return pairs


def _indexed_pairs(groups: Sequence[tuple[str, ...]], members: list[int], bound: int) -> list[tuple[int, int]]:
    """The similar pairs of a block, the same as `_all_pairs` finds, from the candidates its index keeps."""
    pairs = []
    for a, b in sorted(candidate_pairs([groups[index] for index in members])):
        first, second = groups[members[a]], groups[members[b]]
        if similar(first, second) and _joined_within(first, second, bound):
            pairs.append((members[a], members[b]))
    return pairs


def _joined_within(first: tuple[str, ...], second: tuple[str, ...], bound: int) -> bool:
    """True when the joined letters of two names of one word count are at most `bound` edits apart."""
    # The words' own distances add up to a bound of the joined one: two long names need not be compared whole.
    if sum(Levenshtein.distance(x, y) for x, y in zip(first, second) if x != y) <= bound:
        return True
    return Levenshtein.distance("".join(first), "".join(second), score_cutoff=bound) <= bound


def candidate_pairs(names: Sequence[tuple[str, ...]]) -> set[tuple[int, int]]:
    """Pairs (i < j) of names of one word count that share, at every position, a word key: every similar pair.

    Each name is looked up at the position whose keys the fewest other names share, and `similar` checks
    the rest, so a block of names that share no near word costs each name its own keys, not the block.
    """
    keys = [[_word_keys(word) for word in words] for words in names]
    postings: list[dict[str, list[int]]] = [defaultdict(list) for _ in range(max(map(len, names), default=0))]
    for index, positions in enumerate(keys):
        for position, found in enumerate(positions):
            for key in found:
                postings[position][key].append(index)
    pairs = set()
    for index, positions in enumerate(keys):
        position = min(range(len(positions)), key=lambda at: sum(len(postings[at][key]) for key in positions[at]))
        for key in positions[position]:
            pairs.update((index, other) for other in postings[position][key] if index < other)
    return pairs


def _word_keys(word: str) -> set[str]:
    """Strings any word similar to this one shares with it: its variants of up to k deletions (k its edits).

    Two words within k edits (a substitution, an insertion, a swap of neighbours, each on letters of its
    own) both become one string by deleting at most k letters of each; a new first letter (`Mazarcik`,
    `Pazarcik`) is one such edit. Words too long to vary share `_LONG` with those within reach of them.
    """
    if len(word) < _SHORTEST_EDITED:
        return {word}
    if len(word) > _LONGEST_VARIED:
        return {_LONG}
    found = _deletions(word, max(1, len(word) // LETTERS_PER_EDIT))
    if len(word) > _LONGEST_VARIED - max(1, _LONGEST_VARIED // LETTERS_PER_EDIT):
        found.add(_LONG)  # a word this close to the longest varied ones may be an edit or two from a longer one
    return found


def _deletions(word: str, depth: int) -> set[str]:
    """The word and every string made from it by deleting up to `depth` letters."""
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {variant for text in frontier for variant in _one_deleted(text)}
        found |= frontier
    return found


def _one_deleted(text: str) -> Iterable[str]:
    return (text[:cut] + text[cut + 1 :] for cut in range(len(text)))


def _link_surnames(groups: Sequence[tuple[str, ...]], parent: list[int]) -> None:
    """A lone word that is the last word of exactly one person-like name is that person (`Dadabaev`)."""
    ends: dict[str, list[int]] = {}
    for index, words in enumerate(groups):
        if 2 <= len(words) <= 4 and not NOT_PERSON.intersection(words):
            ends.setdefault(words[-1], []).append(index)
    for index, words in enumerate(groups):
        owners = {_find(parent, owner) for owner in ends.get(words[0], [])} if len(words) == 1 else set()
        if len(owners) == 1:
            _union(parent, index, owners.pop())


def _attach(groups: Sequence[tuple[str, ...]], parent: list[int], authority: Authority) -> dict[int, int]:
    """Clusters that match the spelling of exactly one authority entity belong to it."""
    entries = authority.spellings()
    index = _blocks([entry.words for entry in entries])
    matches: dict[int, set[int]] = {}
    for number, words in enumerate(groups):
        for position in index.get((len(words), words[0][0]), []):
            entry = entries[position]
            if similar(words, entry.words) and not _near_place(words, entry.words, authority.rules[entry.entity].kind):
                matches.setdefault(_find(parent, number), set()).add(entries[position].entity)
    return {root: next(iter(found)) for root, found in matches.items() if len(found) == 1}


def _near_place(words: tuple[str, ...], listed: tuple[str, ...], kind: str) -> bool:
    """True for a short one-word name one edit off a listed place: another place (`Tainan`, `Taiwan`), not a typo."""
    return kind == "place" and words != listed and len(words) == 1 and len(words[0]) < LISTED_FUZZY_LENGTH


def _find(parent: list[int], index: int) -> int:
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index


def _union(parent: list[int], a: int, b: int) -> None:
    root_a, root_b = _find(parent, a), _find(parent, b)
    if root_a != root_b:
        parent[max(root_a, root_b)] = min(root_a, root_b)
