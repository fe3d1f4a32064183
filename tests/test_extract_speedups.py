"""Speed-ups of extraction found by profiling must not change what they compute.

Each faster form is checked against the plain form it replaced: word lists written as tries match what
their plain longest-first alternation matches, at the positions extraction asks about; content words
come out as a plain loop over the words finds them.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from bisect import bisect_left

from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck.extract as extraction
from factcheck.extract import context, dates, money, numbers, qualifiers, sentences
from factcheck.extract.candidates import PRECEDENCE
from factcheck.extract.magnitudes import CJK_CLASS, base_language
from factcheck.extract.tries import trie
from tests.extract_cases import document
from tests.paths import ROOT

_WORDS = st.lists(st.text(alphabet="ab .-é", min_size=1, max_size=6).map(str.strip).filter(bool), min_size=1, max_size=12)


def _plain(words: list[str]) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True))


@settings(max_examples=150, deadline=None)
@given(words=_WORDS, text=st.text(alphabet="ab .-é\n", max_size=12))
def test_a_trie_matches_exactly_its_words(words, text):
    compiled, plain = re.compile(trie(words)), re.compile(_plain(words))
    for word in {*words, text}:
        assert (compiled.fullmatch(word) is not None) == (plain.fullmatch(word) is not None)


@settings(max_examples=150, deadline=None)
@given(words=_WORDS, text=st.text(alphabet="ab .-é\n", max_size=12))
def test_a_trie_finds_the_longest_word_at_a_position_as_a_longest_first_alternation_does(words, text):
    compiled, plain = re.compile(rf"(?:{trie(words)})\b"), re.compile(rf"(?:{_plain(words)})\b")
    for position in range(len(text) + 1):
        found, expected = compiled.match(text, position), plain.match(text, position)
        assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.text(alphabet="aiıIsſσς .", min_size=1, max_size=5), min_size=1, max_size=10),
       text=st.text(alphabet="aiıIİsSſσςΣ .\n", max_size=10))
def test_a_case_blind_trie_finds_the_longest_word_as_a_longest_first_alternation_does(words, text):
    compiled = re.compile(rf"(?:{trie(words, ignorecase=True)})", re.IGNORECASE)
    plain = re.compile(rf"(?:{_plain(words)})", re.IGNORECASE)
    for position in range(len(text) + 1):
        for end in range(position, len(text) + 1):
            found, expected = compiled.fullmatch(text, position, end), plain.fullmatch(text, position, end)
            assert (found is None) == (expected is None)
        found, expected = compiled.match(text, position), plain.match(text, position)
        assert (found and found.span()) == (expected and expected.span())


def _qualifier_words(rules) -> list[str]:
    return rules.qualifier_table.words


def _plain_before(words: list[str]) -> re.Pattern[str]:
    cjk = re.compile(rf"[{CJK_CLASS}]")
    spaced = _plain([word for word in words if not cjk.match(word)])
    attached = _plain([word for word in words if cjk.match(word)])
    return re.compile(rf"(?P<word>(?<![\w])(?:{spaced})|(?:{attached}))\s*$", re.IGNORECASE)


def _same(found: re.Match[str] | None, plain: re.Match[str] | None) -> bool:
    return (found and (found.span(), found.groupdict())) == (plain and (plain.span(), plain.groupdict()))


def test_the_qualifier_trie_finds_what_the_plain_alternation_finds(rules):
    words = _qualifier_words(rules)
    table, plain = rules.qualifier_table, _plain_before(words)
    texts = [f"x{word} 5" for word in words] + [f"x {word.upper()}  \n5" for word in words]
    texts += [f"{a} {b} 5" for a, b in zip(words, reversed(words))] + [_seed_text()]
    for text in texts:
        for end in (match.start() for match in re.finditer(r"\d", text)):
            start = max(0, end - qualifiers._WINDOW)
            assert _same(table._before_pattern.search(text, start, end), plain.search(text, start, end)), text[start:end]


def test_no_qualifier_is_missed_for_the_reversed_words_not_matching(rules):
    """The reversed-words match is the gate of the search: wherever the search finds a word, it matches."""
    table, words = rules.qualifier_table, _qualifier_words(rules)
    texts = [f"x{word} 5 y{word.title()}\t\n5 {word}{word}5" for word in words] + [_seed_text()]
    for text in texts:
        for end in range(len(text) + 1):
            start = max(0, end - qualifiers._WINDOW)
            if table._before_pattern.search(text, start, end):
                assert table._reversed.match(text[start:end].rstrip()[::-1]), text[start:end]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="5万多余餘人 a\n", max_size=20), st.integers(0, 20), st.integers(0, 20))
def test_the_inside_qualifier_is_found_as_the_lookbehind_first_pattern_finds_it(text, start, end):
    plain = re.compile(rf"(?<=[\d万萬亿億兆千百十])(?P<word>[多余餘])(?=[{CJK_CLASS}])")
    found, expected = qualifiers._INSIDE.search(text, start, end), plain.search(text, start, end)
    assert (found and found.span()) == (expected and expected.span())


def _plain_after(language: str) -> re.Pattern[str]:
    """The currency-name pattern as it was before the trie, names longest first."""
    name = rf"(?P<name>{_plain(list(money.after_names(language)))})(?:(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])|\b)"
    if base_language(language) == "en":
        codes, signs = money._ENGLISH_CODE, money._english_signs_after()
        return re.compile(rf"[ ]?(?:of[ ])?(?:{codes}|{name}|{signs})", re.IGNORECASE)
    symbols = "|".join(re.escape(symbol) for symbol in sorted(money._symbols(language), key=len, reverse=True))
    after = rf"|(?P<symbol>{symbols})(?!\w)" if money._symbol_after(language) else ""
    return re.compile(
        rf"(?P<stop>\.(?=[ ]))?[ ]?(?:{money._CONNECTORS}[ ]?)?(?:(?P<code>(?-i:[A-Z]{{3}}))\b|{name}{after})",
        re.IGNORECASE,
    )


def test_the_currency_name_trie_matches_what_the_plain_alternation_matches():
    for language in ("en", "ru", "zh", "ja", "fr", "es", "de", "tr", "az", "ar"):
        plain, found = _plain_after(language), money._after_pattern(language)
        names = sorted(money.after_names(language))
        texts = [f"5 {name}s, 6 {name.upper()} of 7 de {name}的 8{name[:-1]} 9 {name}x" for name in names] + [_seed_text()]
        texts += [f"1 {name.replace('ı', 'i')} 2 {name.replace('i', 'ı')}" for name in names if "ı" in name or "i" in name]
        for text in texts:
            for position in (match.end() for match in re.finditer(r"\d", text)):
                assert _same(found.match(text, position), plain.match(text, position)), (language, text[position:])


def test_no_symbol_or_code_before_an_amount_is_missed_for_none_of_their_last_characters_being_near():
    for language in ("en", "ru", "zh", "ja", "fr", "de", "tr", "ko", "ar"):
        before, ends = money._before_pattern(language), money._before_ends(language)
        symbols = sorted(money._symbols(language))
        texts = [f"{symbol}5 {symbol} 6 x{symbol} \n7 USD8 a USD 9 EUR\n10 {symbol}\n\n11" for symbol in symbols]
        for text in texts + [_seed_text()]:
            for end in range(len(text) + 1):
                if before.search(text, max(0, end - 6), end):
                    assert not ends.isdisjoint(text[max(0, end - 3) : end]), (language, text[max(0, end - 6) : end])


def _plain_content_words(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for found in context._WORD.finditer(text):
        word = context.lemma(found.group())
        if word not in context.STOP_WORDS and len(word) > 1:
            seen.setdefault(word, None)
    return tuple(seen)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aAbs' -’İ5\n", max_size=40))
def test_content_words_are_what_a_plain_loop_finds(text):
    assert context.content_words(text) == _plain_content_words(text)


def test_content_words_of_the_seed_articles_are_what_a_plain_loop_finds():
    text = _seed_text()
    for start in range(0, len(text), 97):
        window = text[start : start + 300]
        assert context.content_words(window) == _plain_content_words(window)


# Scanning patterns rewritten to start with one character class, so the engine skips ahead: the same matches.
_REWRITTEN = [
    (sentences._BOUNDARY, rf"[.!?][\"')\]»”]*\s+(?=[{sentences._OPENS}])|[。！？۔؟][」』）\"”’]*\s*|\n+"),
    (dates._DAY_WORD, r"[0-3]?\d(?:\.|er|º|°)?[ ](?:de[ ])?(?P<word>[^\W\d_]+\.?)"),
    (context._YEAR, r"(?<!\d)(1[89]\d\d|20\d\d|2100)(?!\d)"),
]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aA.!?\"')] \n\t0123456789٣deºrКк。」»”" + "1892" * 5, max_size=60))
def test_rewritten_scans_find_what_the_plain_patterns_find(text):
    for compiled, plain in _REWRITTEN:
        assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in re.finditer(plain, text)]


def test_rewritten_scans_find_what_the_plain_patterns_find_in_the_seed_articles():
    text = _seed_text()
    for compiled, plain in _REWRITTEN:
        assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in re.finditer(plain, text)]


def _plain_resolve(candidates):
    """Overlaps settled over every reading at once, by (precedence, start, longer first), as extraction did."""
    ordered = sorted(candidates, key=lambda c: (PRECEDENCE.index(c.kind), c.start, c.start - c.end))
    starts, ends, kept = [], [], []
    for candidate in ordered:
        at = bisect_left(starts, candidate.start)
        if (at > 0 and ends[at - 1] > candidate.start) or (at < len(starts) and starts[at] < candidate.end):
            continue
        starts.insert(at, candidate.start)
        ends.insert(at, candidate.end)
        kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _every_reading(doc, reference):
    """Every kind's readings of every number, none left out for overlapping an earlier kind's."""
    text, language = doc.text, doc.source.language
    numbers = [n for n in extraction.find_numbers(text, language) if extraction.reason_not_a_claim(text, n, language) is None]
    segments = extraction.segment(text)

    def sentence(position):
        start, end = segments.sentence(position)
        return text[start:end]

    found = extraction.find_dates(text, doc.source.published or reference)
    return [
        *found,
        *extraction.find_days(text, language, doc.source.published, found),
        *extraction.find_money(text, numbers, sentence, language=language, published=doc.source.published),
        *extraction.find_percentages(text, numbers),
        *extraction.find_physical(text, numbers, language),
        *extraction.find_durations(text, numbers),
        *extraction.find_years(text, numbers),
        *extraction.find_counts(text, numbers, language),
    ]


def _case_documents():
    for path in sorted((ROOT / "tests" / "cases" / "extract").glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield document(case["text"], case.get("language", "en"), case.get("published")), dt.date(2025, 12, 20)
    yield document(_seed_text(), "en", dt.date(2025, 12, 21)), None
    for path in sorted((ROOT / "tests" / "data" / "real").glob("*/*.md")):  # figure-dense, in 19 languages
        _, front, body = path.read_text(encoding="utf-8").split("+++\n", 2)
        meta = tomllib.loads(front)
        published = meta.get("published")
        published = published if type(published) is dt.date else None
        yield document(body, meta.get("language", "en"), published), None


def test_reading_kinds_in_precedence_order_keeps_what_settling_every_reading_at_once_keeps():
    for doc, reference in _case_documents():
        staged = extraction._candidates(doc, extraction.segment(doc.text), "USD", reference)
        assert staged == _plain_resolve(_every_reading(doc, reference)), doc.text[:80]


def _merged(patterns, text: str) -> list[re.Match[str]]:
    return sorted((hit for pattern in patterns for hit in pattern.finditer(text)), key=lambda hit: hit.start())


def _starts(hits, text: str, refused: str) -> list[tuple[int, str]]:
    """The hits at a word start: not after a letter or digit, or one of `refused`."""
    return [(h.start(), h.group()) for h in hits if not (h.start() and (text[h.start() - 1].isalnum() or text[h.start() - 1] in refused))]


_NUMBER_WORDS = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(numbers.NUMBER_WORDS, key=len, reverse=True))})")
_MONTHS = re.compile(rf"(?:{dates._MONTH})\b")
_WORD_PIECES = st.sampled_from(["one", "en", "seven", "teen", "ty", "thousand", "t", "e", "ei", "ght", "Sept", "ember",
                                "May", "Mar", "ch", "Dec", "Ju", "ne", " ", "-", "_", "é", "5", "\n", "."])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD_PIECES, max_size=30).map("".join))
def test_scans_split_by_first_letter_find_the_word_starts_one_scan_finds(text):
    lowered = text.lower()
    expected = [(m.start(), m.group()) for m in _NUMBER_WORDS.finditer(lowered)]
    assert _starts(_merged(numbers._FIRST_WORDS, lowered), lowered, "-_") == expected
    assert _starts(_merged(dates._MONTH_HITS, text), text, "") == _starts(_MONTHS.finditer(text), text, "")


def test_scans_split_by_first_letter_find_the_word_starts_one_scan_finds_in_the_seed_articles():
    text = _seed_text()
    lowered = text.lower()
    expected = [(m.start(), m.group()) for m in _NUMBER_WORDS.finditer(lowered)]
    assert _starts(_merged(numbers._FIRST_WORDS, lowered), lowered, "-_") == expected
    assert _starts(_merged(dates._MONTH_HITS, text), text, "") == _starts(_MONTHS.finditer(text), text, "")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["1", "2", "0", "9", "20", "2023", "年", "月", "日", "12", "5", "x", "１", "٣"]), max_size=20))
def test_cjk_dates_tried_before_each_month_sign_are_what_the_scan_finds(pieces):
    text = "".join(pieces)
    assert [m.span() for m in dates.cjk_dates(text)] == [m.span() for m in dates._CJK_DATE.finditer(text)]


def _seed_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt")))
