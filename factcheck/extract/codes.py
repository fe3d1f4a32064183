"""What is not a claim: numbers inside names and codes, list markers, page numbers, times of day.

`Kambarata-1`, `COVID-19`, `2KR`, `Strategy 2040`, `Boeing 737`, `5+1 format`, `One Village, One Product`,
`page 12`, `(3)`, a line holding only `14`, `10:30`, `9 a.m.`, numbers inside web addresses: each is a
number a reader does not check as a figure. `5+1`, `10:30`, `1/3`, `a%20b` and `www.x.org/2024` never become
numbers at all (the number finder refuses them); the rest are dropped here with the reason. The tests
look only at the word before and the characters after a number, so they cost little per number.
"""

from __future__ import annotations

import re

from factcheck.extract import percent_words
from factcheck.extract.money import ACRONYM_CODES, is_currency_symbol
from factcheck.extract.months import month_numbers
from factcheck.extract.attached import attached_unit
from factcheck.extract.durations import hours_then_minutes
from factcheck.extract.physical import is_unit_suffix
from factcheck.extract.numbers import ATTACHED_CODES, ORDINAL_SUFFIXES, Number
from factcheck.extract.magnitudes import CJK_CLASS, base_language
from factcheck.lemmas import known_word
from factcheck.scripts import NOUNS_CAPITALISED

MONTHS = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
).split()
_MONTH_SET = frozenset(MONTHS)
# Capitalised words that may stand right before a figure without making it part of a name.
_FREE_BEFORE = _MONTH_SET | frozenset({"US", "U.S.", "USD", "I", "AD", "BC", "CE", "BCE"})
_REFERENCE_WORDS = frozenset(
    """page pages p. pp. no. nos. nr. vol. volume volumes chapter chapters ch. section sections sec. article
    articles art. paragraph paragraphs para. fig. figs. figure figures table tables item items clause clauses
    annex appendix footnote footnotes line lines step steps episode episodes season seasons room rooms gate gates
    platform platforms exit exits tier level grade rank ranked no number # verse verses rule resolution model
    version v.""".split()
)
_MAX_PLAIN_DIGITS = 15
_TIME_PREFIXES = ("mid", "pre", "post", "early", "late", "end", "fiscal")
_PERIOD_WORD = re.compile(r"(?:[QH][1-4]|FY|CY|FY\d\d)")  # "Q4 2024", "FY 2025": a period of the year, not a name
_SENTENCE_ENDS = frozenset('.!?:;"“”\'‘([—–\n')
_TIME_AFTER = re.compile(
    r"[ ]?(?:[ap]\.m\.|[ap]m\b|GMT\b|UTC\b|hrs\b|o'clock\b)|h\d\d(?!\d)|[时時点點]\d", re.IGNORECASE
)  # and French 04h17, Chinese 18时24分
_TIME_FIRST = frozenset("apguhoAPGUHO")
_MARKER = re.compile(r"[(\[]\d{1,3}[)\]]")
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?[ ](?:of[ ])?(?:{'|'.join(MONTHS)})\b")
_WORD_AFTER = re.compile(r"(?:\.|er|º)?[ ](?:de[ ])?(?P<word>[^\W\d_]+\.?)")
_CJK_DAY = re.compile(r"[日号號](?![間间元圆圓本])")  # not 日間 (days), 日元 (yen), 日本 (Japan)
_SCORE_AFTER = re.compile(r"[-–]\d")


def reason_not_a_claim(text: str, number: Number, language: str = "en") -> str | None:
    """Why `number` is part of a name, code, marker or reference (None: it may be a claim).

    `language` (a BCP 47 tag) tells a name from a noun in the languages that capitalise every noun.
    """
    before = text[max(0, number.start - 40) : number.start]
    word, word_start = _word_before(before)
    for test, reason in _TESTS:
        if test(text, number, before, word, word_start):
            if test is _in_name and _counts_after_a_noun(text, number, word, language):
                continue  # `laut Prognose 58 Sitze`: a German noun before the figure, not a name
            return reason
    return None


# A capital before a number says little of a name in a language that capitalises every noun.
_NOUN_AFTER = re.compile(r"[ \u00a0](?:[A-ZÄÖÜ][a-zäöüß])")


def _counts_after_a_noun(text: str, number: Number, word: str, language: str) -> bool:
    """True when, in a language that capitalises nouns, a dictionary word stands before the number and a noun
    after it: the number counts that noun (`Prognose 58 Sitze`), where `Boeing 737 und` stays a name."""
    if not _NOUN_AFTER.match(text, number.end) or (primary := base_language(language)) not in NOUNS_CAPITALISED:
        return False
    return known_word(word.strip("([{\"'“‘«„"), primary)


def _word_before(before: str) -> tuple[str, int]:
    """The word right before a number (after at most one space) and where it starts in `before`."""
    end = len(before) - 1 if before.endswith(" ") else len(before)
    start = max(before.rfind(" ", 0, end), before.rfind("\n", 0, end)) + 1
    return before[start:end], start


def _bad_suffix(text, number, before, word, word_start) -> bool:
    suffix = number.suffix
    if not suffix or suffix.lower() in ORDINAL_SUFFIXES or suffix == "s" or suffix.upper() in ATTACHED_CODES:
        return False  # "20th", "1990s", "230USD"
    if suffix in percent_words.SUFFIXES or is_unit_suffix(suffix):  # "15pc": British copy's per cent
        return False
    return attached_unit(text, number) is None and not hours_then_minutes(text, number)  # "weighed 250t", "1h 30min"


def _identifier(text, number, before, word, word_start) -> bool:
    """16 or more digits with no separator are an account, card or tracking number, never a figure."""
    return number.plain_integer and len(number.digits) > _MAX_PLAIN_DIGITS


def _name_hyphen(text, number, before, word, word_start) -> bool:
    """`Kambarata-1`, `COVID-19`, `Su-30`: letters, a hyphen, the number; not a measure's word before a decimal
    (`a magnitude-7.6 quake`: no name is numbered with a decimal point after a word in lower case)."""
    trimmed = before.rstrip(" ")
    if len(trimmed) < 2 or trimmed[-1] not in "-–" or not trimmed[-2].isalpha():
        return False
    if not number.plain_integer and _LOWER_WORD_END.search(trimmed[:-1]):
        return False
    return not trimmed[:-1].lower().endswith(_TIME_PREFIXES)  # "mid-2027", "pre-2020" are times


def _day_of_month(text, number, before, word, word_start) -> bool:
    """`December 20`, `20 December`: the date finder reads these, with their year or the reference year."""
    if not number.plain_integer or len(number.digits) > 2:
        return False
    if word.rstrip(".") in _MONTH_SET or _MONTH_AFTER.match(text, number.end) is not None:
        return True
    if _CJK_DAY.match(text, number.end):
        return True  # 上月30日, 13日闭幕: a day of this or last month
    after = _WORD_AFTER.match(text, number.end)  # "6 Şubat", "14 марта", "12 Şubat Stadyumu"
    return after is not None and (after.group("word") in month_numbers() or after.group("word").rstrip(".") in month_numbers())


def _in_name(text, number, before, word, word_start) -> bool:
    """`Strategy 2040`, `Boeing 737`, `Group of Seven`, `One Village`: a name, not a figure.

    A number grouped in thousands never is (`Prabowo-Gibran 96.304.691 Stimmen`): no model or plan is numbered so;
    nor a word with Hangul or CJK in it (`GDP는`: the particle says the word ends a phrase).
    """
    word = word.lstrip("([{\"'“‘«")  # `(Rs 2.39 billion)`, `(USD 5 million)`: the bracket is no part of the word
    if _GROUPED.fullmatch(number.digits) or _UNSPACED_LETTER.search(word):
        return False  # `GDP는 8만 9358위안`: a Korean particle or CJK text makes the word no name
    if _PERCENT_AFTER.match(text, number.end):
        return False  # `FDP 9,3 %`, `Labour 33.7%`: no model or plan is numbered in per cent
    if number.capitalised and not _sentence_start(before, len(before)):
        return True
    if not before.endswith(" "):
        return False  # a name's word stands a space before its number (and CJK text has no words to look through)
    if not any(c.isupper() for c in word) or not word[-1].isalnum() or word in _FREE_BEFORE:
        return False  # "Tokyo, nine", "Japan's 60": punctuation or a possessive parts the name from the figure
    if is_currency_symbol(word):
        return False  # "Rs 500", "Rp 500": a currency sign written in letters, not a name
    if (suffix := _CASE_SUFFIX.search(word)) is not None and suffix.group("ending").islower():
        return False  # `Japan's 60`, Turkish `Seul'ün 288 kilometre`: a case ending closes the name
    if _PERIOD_WORD.fullmatch(word):
        return False
    if word.isupper() and len(word) == 3:
        return _acronym_number(word, number)  # `COP 28` names a meeting; `USD 19bn`: money decides
    return not _sentence_start(before, word_start)


_LOWER_WORD_END = re.compile(r"(?<![^\W\d_])[a-z]{3,}$")
_NAME_END = re.compile(r"\b[A-Z][a-z]+[ ]$")  # a capitalised word and a space: `Harding (58)`, `Mr. Lee (33)`
_PERCENT_AFTER = re.compile(r"[ \u00a0\u202f]?[%％‰]")
# A possessive or a case ending after an apostrophe (`Japan's`, Turkish `Seul'ün`, `Carolina'da`), in lower case:
# `O'Brien` and `D'Alema` keep a capital there.
_CASE_SUFFIX = re.compile(r"\w['’](?P<ending>[^\W\d_]{1,5})$")
_GROUPED = re.compile(r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+")
_UNSPACED_LETTER = re.compile(rf"[{CJK_CLASS}]")


def _acronym_number(word: str, number: Number) -> bool:
    """`COP 28`: a code that is also an acronym, before a small plain number, names a meeting."""
    return word in ACRONYM_CODES and number.plain_integer and len(number.digits) <= 2


def _sentence_start(before: str, position: int) -> bool:
    """True when only spaces stand between a sentence end (or the text start) and `position`; a hyphen with a
    space on each side is a dash (`JAKARTA - Sedikitnya 87 orang`: a dateline's, as typed with a hyphen)."""
    trimmed = before[:position].rstrip(" ")
    return not trimmed or trimmed[-1] in _SENTENCE_ENDS or (trimmed.endswith(" -") and len(trimmed) < position)


def _reference(text, number, before, word, word_start) -> bool:
    return word.lower() in _REFERENCE_WORDS and (not word_start or before[word_start - 1] in " (\n")


def _marker(text, number, before, word, word_start) -> bool:
    start = number.start
    if start > 0 and text[start - 1] in "([" and _MARKER.fullmatch(text, start - 1, number.end + 1):
        # `司机李明(33)`, `ハメネイ師(84)`, `Hamish Harding (58)`: two digits in brackets right after a name hold
        # an age, not a list marker
        after_name = _UNSPACED_LETTER.match(text, start - 2) or _NAME_END.search(text, max(0, start - 40), start - 1)
        return not (start > 1 and after_name and len(number.digits) == 2)
    return _line_marker(number, before, text)


def _line_marker(number: Number, before: str, text: str) -> bool:
    trimmed = before.rstrip(" \t")
    line_start = not trimmed and number.start == len(before) or trimmed.endswith("\n")
    return line_start and number.plain_integer and _LINE_END.match(text, number.end) is not None


def _time(text, number, before, word, word_start) -> bool:
    if before.endswith(("時", "时")) and text.startswith("分", number.end):
        return True  # 4時17分: the minutes of a time
    # `_TIME_AFTER` starts (after one space) with a, p, g, u, h or o in either case, or a CJK sign: most figures
    # fail this one-character test, so the pattern is not tried for them.
    end = number.end
    first = text[end + 1 : end + 2] if text.startswith(" ", end) else text[end : end + 1]
    if first.isascii() and first not in _TIME_FIRST:
        return False
    return _TIME_AFTER.match(text, end) is not None


def _score(text, number, before, word, word_start) -> bool:
    if number.high is not None or number.words:
        return False
    if _SCORE_AFTER.match(text, number.end) is not None:
        return True
    return len(before) >= 2 and before[-1] in "-–" and before[-2].isdigit()


_TESTS = (  # in this order: the first that holds gives the reason
    (_bad_suffix, "letters attached: a code"),
    (_identifier, "a long run of digits: an identifier"),
    (_name_hyphen, "part of a name (letters-number)"),
    (_day_of_month, "a day of a month: dates read it"),
    (_in_name, "part of a name (capitalised word before)"),
    (_reference, "a page, section or reference number"),
    (_marker, "a list marker or page number"),
    (_time, "a time of day"),
    (_score, "a score or code (number-number)"),
)
