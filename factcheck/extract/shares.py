"""Fractions of a group, read as the shares they are: `two thirds of voters`, `a half stayed home`, `2/3 of them`,
`½ of all`, `three-quarters`, `a two-thirds majority`, `half of the respondents`.

A fraction of a group says what part of it: the percent kind already holds shares, so a fraction is read as the
percent it is (two thirds is 66.67 percent, noted), stated to a whole percent, as `67%` would be: the words name
the fraction, and `two thirds` should meet `67%` but not `60%`. It is a share only where a group follows (`of`
and no `a`/`an`, span of time or way after it: `a quarter of a century`, `half an hour`, `half of the year`, `a
third of the way` and `half a million` are fractions of one thing, the last read by forms.py as a magnitude), a
`majority`, or a verb it is the subject of (`a half stayed home`, `two-thirds voted`; then at a lower confidence).
Not shares: ordinal or mixed uses (`the second half`, `the first three quarters`, `two and a half`), halves and
quarters as things (`quarter-final`, `half-time`, `a half hour`, `for two quarters`), and digits with a slash and
no `of` after them (`24/7`, `2/1 odds`, `1/2 final`). Each form is looked for only where its denominator word,
slash or fraction sign stands.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.extract.numeral import Number

_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}  # fmt: skip
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                 "eighth": 8, "ninth": 9, "tenth": 10}  # fmt: skip
_WORDS = re.compile(
    r"(?<![\w-])(?P<num>an?|one|two|three|four|five|six|seven|eight|nine)[ -]"
    r"(?P<den>half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)(?![\w-])"
)
_DIGITS = re.compile(r"(?<![\w./-])(?P<num>\d)/(?P<den>\d{1,2})(?![\w/]|[.,]\d)")
_SIGNS = {"½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5), "⅗": (3, 5),
          "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅛": (1, 8), "⅜": (3, 8), "⅝": (5, 8), "⅞": (7, 8)}  # fmt: skip
_SIGN = re.compile(rf"(?<![\w./-])[{''.join(_SIGNS)}](?!\w)")
_SLASH_OR_SIGN = re.compile(rf"[/{''.join(_SIGNS)}]")
_BARE_HALF = re.compile(r"(?<![\w-])half(?![\w-])")
# What follows a share: a group (`of` and no article of one thing), a majority, or a verb it is the subject of.
_OF_GROUP = re.compile(
    r"[ ]of[ ](?!an?\b|(?:the|this|that|its|their|last|next)[ ](?:year|month|week|day|decade|century|season|match|game"
    r"|race|term|period|hour|night|morning|afternoon|evening|way|distance|time)\b)"
)  # "half of the year", "a third of the way": a part of one span, as "of a"
_MAJORITY = re.compile(r"[ -](?:super)?majority\b")
_VERB = re.compile(
    r"[ ](?:are|were|is|was|have|had|has|said|say|says|think|thinks|want|wants|live|lives|did|do|does|will|would"
    r"|could|can|may|might|[a-z]+ed)\b"
)
_PUNCTUATION = re.compile(r"[.,;:!?)]")
# Words before a fraction that make it a part of something else: ordinals (`the second half`, `the first three
# quarters`) and a whole number before it (`two and a half`).
_NOT_BEFORE = re.compile(
    r"(?:\b(?:first|second|third|fourth|last|next|past|latter|final|other|back|top|bottom|opening|closing|early|late"
    r"|the|this|that|each|its|their|his|her)|\d)[ ]$"
)
LOOSE = "no group named after the fraction"  # the note of a share read from a verb or a stop after it


def shares(text: str, lowered: str) -> list[Number]:
    """The fractions of a group of `text` as Numbers in percent (`share` set); `lowered` is `text` in lower case."""
    found = [*_word_shares(text, lowered), *_digit_shares(text, lowered), *_bare_halves(text, lowered)]
    return sorted(found, key=lambda number: number.start)


def _word_shares(text: str, lowered: str) -> list[Number]:
    found = []
    for at in _denominator_starts(lowered):
        match = _WORDS.search(lowered, max(0, at - 6), at + 9)
        if match is None or match.start("den") != at:
            continue
        numerator, written = _NUMERATORS[match.group("num")], match.group("den")
        plural = written.endswith("s")
        mixed = lowered.endswith("and ", 0, match.start())  # "two and a half"
        if plural != (numerator > 1) or written == "halves" or mixed or _not_before(lowered, match.start()):
            continue  # "a thirds", "two third", "two halves"
        hyphened = "-" in match.group()
        if written.startswith("quarter") and not hyphened and not _OF_GROUP.match(lowered, match.end()):
            continue  # "for two quarters": quarters of a year, unless of a group
        confidence = _share_context(lowered, match.end(), loose=plural or hyphened)
        if confidence:
            denominator = _DENOMINATORS[written.rstrip("s")]
            found.append(_share(text, match.start(), match.end(), numerator, denominator, confidence))
    return found


def _denominator_starts(lowered: str) -> list[int]:
    """Where a denominator word starts in `lowered`, in order: one `find` per word, each scanned in C (half the
    time of one pattern for all ten, whose first letters are among the commonest)."""
    starts = []
    for word in _DENOMINATORS:
        at = lowered.find(word)
        while at >= 0:
            starts.append(at)
            at = lowered.find(word, at + len(word))
    return sorted(starts)


def _digit_shares(text: str, lowered: str) -> list[Number]:
    found = []
    for hit in _SLASH_OR_SIGN.finditer(text):  # one class of rare characters: the engine skips to them
        match = _DIGITS.match(text, hit.start() - 1) if hit.group() == "/" else _SIGN.match(text, hit.start())
        if match is None:
            continue
        if match.groupdict().get("num"):
            numerator, denominator = int(match.group("num")), int(match.group("den"))
        else:
            numerator, denominator = _SIGNS[match.group()]
        if not 0 < numerator < denominator <= 10 or _not_before(lowered, match.start()):
            continue
        if _OF_GROUP.match(lowered, match.end()):  # digits are a share only before `of` (`24/7`, `2/1 odds`)
            found.append(_share(text, match.start(), match.end(), numerator, denominator, 1.0))
    return found


def _bare_halves(text: str, lowered: str) -> list[Number]:
    """`half of the voters`: a half with no numerator, before a group."""
    found = []
    at = lowered.find("half")
    while at >= 0:
        match = _BARE_HALF.match(lowered, at) if at == 0 or not lowered[at - 1].isalpha() else None
        of_group = match is not None and _OF_GROUP.match(lowered, match.end()) is not None
        if of_group and not _not_before(lowered, at) and not _article(lowered, at):
            found.append(_share(text, at, match.end(), 1, 2, 1.0))
        at = lowered.find("half", at + 4)
    return found


def _article(lowered: str, at: int) -> bool:
    """True when `a` or `an` stands as a word right before `at` (`a half of`: the word forms' reading)."""
    return any(
        lowered.endswith(article, 0, at) and (at == len(article) or not lowered[at - len(article) - 1].isalnum())
        for article in ("a ", "an ")
    )


def _not_before(lowered: str, at: int) -> bool:
    return _NOT_BEFORE.search(lowered, max(0, at - 10), at) is not None


def _share_context(lowered: str, end: int, loose: bool) -> float:
    """How sure the words after a fraction make it a share: 1.0 before a group or a majority, 0.7 before a verb
    (or, for `two thirds` and `three-quarters`, a stop), 0 otherwise."""
    if _OF_GROUP.match(lowered, end) or _MAJORITY.match(lowered, end):
        return 1.0
    if _VERB.match(lowered, end) or (loose and _PUNCTUATION.match(lowered, end)):
        return 0.7
    return 0.0


def _share(text: str, start: int, end: int, numerator: int, denominator: int, confidence: float) -> Number:
    percent = (Decimal(100 * numerator) / Decimal(denominator)).quantize(Decimal("0.01"))
    if percent == percent.to_integral():
        percent = percent.quantize(Decimal(1))
    written = text[start:end]
    notes = (f"'{written}' read as a share: {percent} percent",)
    if confidence < 1:
        notes += (LOOSE,)
    return Number(start, end, percent, Decimal(1), words=not written[0].isdigit(), digits=written, notes=notes,
                  share=True)  # fmt: skip
