"""Speed-ups found by profiling must not change what they compute.

Cleaning skips ordinary text with a lookahead on the characters its rules can start with; it must find
exactly the matches the plain alternation of its rules finds. The binary-file test counts control
characters with a regex; it must count what a loop over the characters counts.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import cleaning
from factcheck.sources import _looks_binary
from tests.paths import ROOT

# Every character some rule starts with or looks at, and ordinary ones, so rules fire often.
_ALPHABET = "ab,;.-_*+#[]()$€1 \t\n\r\\" + cleaning._INVISIBLE + cleaning._ODD_SPACES + cleaning._BULLETS + "‘’“”"


def _plain_alternation(rules) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<r{i}>{regex})" for i, (_, regex, _) in enumerate(rules)))


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_the_first_character_lookahead_finds_every_match(text):
    for compiled, rules in ((cleaning._PLAIN, cleaning._RULES), (cleaning._MARKDOWN, cleaning._MARKDOWN_RULES + cleaning._RULES)):
        assert _matches(compiled[0], text) == _matches(_plain_alternation(rules), text)


def test_the_lookahead_finds_every_match_in_the_seed_articles():
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _matches(cleaning._PLAIN[0], text) == _matches(_plain_alternation(cleaning._RULES), text)


@given(st.text(alphabet="ab\n\t\r\f\x00\x01\x07\x0b\x0e\x1f", max_size=300))
def test_control_characters_are_counted_as_a_loop_counts_them(text):
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    assert _looks_binary(text) == (controls > max(8, len(text) // 100))
