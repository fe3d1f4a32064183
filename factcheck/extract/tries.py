"""Word lists as regex tries: `m(?:ore\\s+than|ost)` instead of `more\\s+than|most`.

A plain alternation of many words makes the regex engine try every word at every position it
scans; a trie tries only the first letters there, then the words that share them. It matches the
same strings, and where several words match at one position it tries the longest first, as a
longest-first alternation does: the words that match there are all on one path of the trie, since
no two branches of a node match the same character. For a case-blind pattern that takes merging
the letters the engine treats as one (`i` and the Turkish `ı` match each other); a word holding
white space other than a plain space (which matches any run of it) gets the plain alternation.
"""

from __future__ import annotations

import re


def trie(words: list[str], ignorecase: bool = False) -> str:
    """A regex matching exactly `words`, longest first; a space in a word matches any run of white space.

    `ignorecase` says the pattern is compiled with re.IGNORECASE, so letters it equates share a branch.
    """
    # Other white space, or spaces in a row (`\s+\s+` must give one back to the next branch), are left to an
    # alternation, longest first: no word list of the project has them.
    if any(char.isspace() and char != " " for word in words for char in word) or any("  " in word for word in words):
        return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))
    if ignorecase:
        same = _case_classes(set("".join(words)))
        words = ["".join(same[char] for char in word) for word in words]
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _pattern(root) if root else r"(?!)"


def _case_classes(alphabet: set[str]) -> dict[str, str]:
    """Each character -> the first (in sorted order) of those a case-blind regex matches it with."""
    first: list[str] = []
    same: dict[str, str] = {}
    for char in sorted(alphabet):
        same[char] = next((known for known in first if re.fullmatch(re.escape(known), char, re.IGNORECASE)), char)
        if same[char] == char:
            first.append(char)
    return same


def _pattern(node: dict) -> str:
    branches = [(r"\s+" if char == " " else re.escape(char)) + _pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    if "" in node:  # a word ends here, and longer ones go on
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
