import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cleaning import clean

CASES = [
    ("escaped dollar", "worth \\$427.4 million", "worth $427.4 million"),
    ("split word", "Central Asian states ex-\n\npressed support", "Central Asian states expressed support"),
    ("page break inside a sentence", "artificial\n\nintelligence", "artificial intelligence"),
    ("non-breaking space", "3\u00a0trillion yen", "3 trillion yen"),
    ("narrow no-break space between groups, kept", "1\u202f155 tons", "1\u202f155 tons"),
    ("no-break space between groups, kept narrow", "2\u00a0345\u00a0678.90", "2\u202f345\u202f678.90"),
    ("narrow no-break space before a word", "15\u202ftons", "15 tons"),
    ("soft hyphen", "trans\u00adport", "transport"),
    ("zero-width space", "Tokyo\u200b summit", "Tokyo summit"),
    ("bullet with variation selector", "▪️ a “Central Asia–Japan” hub", 'a "Central Asia–Japan" hub'),
    ("round bullet", "● EAST ASIA FORUM", "EAST ASIA FORUM"),
    ("numbered list marker", "1. Against the background", "Against the background"),
    ("curly apostrophe", "Japan’s trade", "Japan's trade"),
    ("windows line ends", "one\r\ntwo", "one\ntwo"),
    ("a decimal at line start is not a list marker", "3.7 billion", "3.7 billion"),
    ("a real line break stays", "Asia.\nJapan", "Asia.\nJapan"),
]


@pytest.mark.parametrize("name, original, expected", CASES, ids=[case[0] for case in CASES])
def test_clean(name, original, expected):
    text, _ = clean(original)
    assert text == expected


@pytest.mark.parametrize("name, original, expected", CASES, ids=[case[0] for case in CASES])
def test_every_cleaned_character_maps_into_the_original(name, original, expected):
    text, offsets = clean(original)
    for position, char in enumerate(text):
        start, end = offsets.span(position, position + 1)
        if end - start == 1 and char.isalnum():
            assert original[start] == char


def test_markdown_link_keeps_its_text_aligned():
    original = "Japan will invest [$20 billion](https://example.org) in **Central Asia**"
    text, offsets = clean(original, markdown=True)
    assert text == "Japan will invest $20 billion in Central Asia"
    start = text.index("$20")
    assert original[slice(*offsets.span(start, start + 11))] == "$20 billion"


def test_cleaning_starts_after_front_matter():
    original = "+++\ntitle = 'x'\n+++\nbody \\$5"
    text, offsets = clean(original, start=original.index("body"))
    assert text == "body $5"
    assert original[slice(*offsets.span(5, 7))] == "$5"


@given(st.text())
def test_any_text_maps_back_inside_the_original(original):
    text, offsets = clean(original)
    for position in range(len(text)):
        start, end = offsets.span(position, position + 1)
        assert 0 <= start < end <= len(original)
