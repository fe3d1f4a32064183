"""Hostile texts for the ReDoS benchmark (`bench/redos.py`) and its test (`tests/test_reliability_redos.py`).

Each entry is a prefix and a unit repeated up to the size asked for. The units are
what makes a backtracking regular expression go quadratic or worse: long runs of
the characters a pattern repeats over (digits, separators, spaces, currency
symbols, brackets), of the words it alternates between (qualifiers, number words,
magnitudes), and of the near misses that start a match and fail at its end
(`ex-` with no word after it, `[text](` with no closing bracket, `A. ` as an
abbreviation that never ends a sentence).
"""

from __future__ import annotations

from pathlib import Path

_SEEDS = Path(__file__).resolve().parent.parent / "seeds"

ADVERSARIAL: dict[str, tuple[str, str]] = {
    # digits and separators
    "digits": ("", "7"),
    "digit comma": ("", "1,"),
    "thousands groups": ("1", ",000"),
    "digit dot": ("", "1."),
    "spaced groups": ("1", " 000"),
    "decimal tail": ("0.", "5"),
    "digit dash": ("", "1-"),
    "digit en dash": ("", "1–"),
    "digit slash colon plus": ("", "1/2:3+"),
    "arabic-indic digits": ("", "١٢٣٫٤ "),
    # spaces and line breaks
    "spaces": ("a", " "),
    "tabs and spaces": ("a", " \t"),
    "newlines": ("a", "\n"),
    "crlf": ("a,", "\r\n"),
    "spaced blank lines": ("a", " \n"),
    "odd spaces": ("", "\u00a0\u202f\u2009"),
    # currency
    "dollar signs": ("", "$"),
    "dollar digit": ("", "$1"),
    "dollar space": ("", "$ "),
    "escaped dollars": ("", "\\$"),
    "currency symbols": ("", "€¥£₸US$"),
    "iso codes": ("", "USD "),
    "iso code amounts": ("", "USD 1 "),
    "currency names": ("1 ", "yen "),
    "dollar amount words": ("", "$1 billion "),
    # brackets and markdown
    "open parens": ("", "("),
    "open parens with digit": ("", "((((1"),
    "open square brackets": ("", "["),
    "link openings": ("", "]("),
    "unclosed links": ("", "[a]("),
    "asterisks": ("", "*"),
    "double underscores": ("", "__"),
    "hashes": ("", "#"),
    # words the patterns alternate over
    "qualifier words": ("", "about "),
    "two-word qualifiers": ("", "more than "),
    "stacked qualifiers": ("", "nearly about more than up to "),
    "number words": ("", "one "),
    "number words that do not chain": ("", "one two "),
    "hyphenated number words": ("", "twenty-one "),
    "a hundred and": ("", "a hundred and "),
    "magnitude words": ("", "billion "),
    "amounts with magnitudes": ("", "1 billion "),
    "compact magnitudes": ("", "1bn "),
    "percent": ("", "1% "),
    "dates": ("", "2025-12-20 "),
    "year ranges": ("", "1993–2023 "),
    "times in two zones": ("", "10:33 (5:33 GMT) "),
    # cleaning's near misses
    "split word runs": ("", "ex-\n\n"),
    "hyphen then spaces": ("a-\n", " "),
    "comma page breaks": ("", "a,\n\n"),
    "bullets": ("", "• "),
    "bullet lines": ("", "\n• "),
    "numbered lines": ("", "\n1. "),
    "dash list lines": ("", "\n- "),
    "soft hyphens": ("a", "\u00ad"),
    "unclosed front matter": ("---\n", "title: x\n--- x\n"),
    # sentences
    "initials": ("", "A. "),
    "titles": ("", "Mr. "),
    "abbreviation dots": ("", "U.S. "),
    "full stops": ("", ". "),
    "closing quotes": ("", "!\"')] "),
    # Unicode
    "combining marks": ("", "a\u0301\u0308"),
    "right-to-left": ("", "\u202eمرحبا 3 \u202c"),
    "one long word": ("", "a"),
    "one long capital word": ("", "A"),
    # titles next to names, each read back from the name before it (Korean, Japanese) or after it
    "korean titles": ("", "비자얀 주지사 "),
    "japanese titles": ("", "モディ首相"),
    "english titles": ("", "Prime Minister Narendra Modi, the governor, "),
    # realistic text, to compare with
    "seed articles": ("", ""),
}


def build(entry: tuple[str, str], size: int) -> str:
    """The entry's prefix and unit repeated to about `size` characters."""
    prefix, unit = entry
    if not unit:
        unit = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(_SEEDS.glob("*.txt")))
    return (prefix + unit * (size // len(unit) + 1))[:size]
