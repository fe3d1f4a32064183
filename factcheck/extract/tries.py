"""Word lists as regex tries: `m(?:ore\\s+than|ost)` instead of `more\\s+than|most`.

A plain alternation of many words makes the regex engine try every word at every position it
scans; a trie tries only the first letters there, then the words that share them. It matches the
same strings, but where several words match at one position it may pick another than the plain
alternation would (which picks the first written): callers use it where that cannot matter.
"""

from __future__ import annotations

import re


def trie(words: list[str]) -> str:
    """A regex matching exactly `words`; a space in a word matches any run of white space."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _pattern(root) if root else r"(?!)"


def _pattern(node: dict) -> str:
    branches = [(r"\s+" if char == " " else re.escape(char)) + _pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    if "" in node:  # a word ends here, and longer ones go on
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
