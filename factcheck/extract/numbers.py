"""Numbers as written in news text: digits, separators, magnitudes, number words and bare ranges.

Parsing never rewrites the text: one pattern matches the cleaned text in place
and each value is computed from the matched characters, so spans stay exact.
The pattern is linear: every repetition is of a group that must consume a
separator followed by fixed digits or a whole word, so no input backtracks.

Separators come from the locale through babel (`2,500` in English, `2.500` in
German, `2 500` in French and Russian), so other languages can follow. English
fractions of a magnitude (`half a million`, `two and a half billion`) are read
beside the number words, and win over the words inside them.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel import UnknownLocaleError
from babel.numbers import get_decimal_symbol, get_group_symbol

from factcheck.extract import percent_words
from factcheck.extract.cjk import chain_value, numeral_words
from factcheck.extract.forms import (
    SIGNS, after_leading_point, dozens, fraction_magnitudes, leading_point, mixed_fractions, signed, spoken_decimals,
    word_multiples,
)
from factcheck.extract.magnitudes import CJK_CLASS, base_language, is_cjk, magnitude_words, thousand_word
from factcheck.extract.number_words import word_numbers
from factcheck.extract.numeral import MAGNITUDES, NUMBER_WORDS, WORD, Number, parse_words
from factcheck.extract.shares import shares
from factcheck.extract.qualifiers import precision_of
from factcheck.extract.tries import trie
from factcheck.cleaning import NO_BREAK_GROUP

# Written after a space these are always magnitudes; the one-letter ones (k, m, b) only when attached
# (`$5m`, `5bn`), since `5 m` is five metres.
_SPACED_MAGNITUDES = (
    "thousand|million|billion|trillion|lakh crore|lakhs|lakh|crores|crore|mln|bln|trln|trn|mio|mn|bn|tn"
)
_MAX_NUMBER_WORDS = 11  # "two hundred and fifty-five thousand three hundred and twelve": longer runs are lists
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_RANGE_DASH = re.compile(r"[ ]?[-–—~～〜][ ]?")  # 〜 and ～ are the dashes of CJK ranges (33～44)
_RANGE_TO = re.compile(r" to ")
_BEFORE_FROM = re.compile(r"\bfrom\s+\S*$", re.IGNORECASE)
_BEFORE_BETWEEN = re.compile(r"\bbetween\s+\S*$", re.IGNORECASE)
# Codes that news writes stuck to an amount (`USD5bn`, `RMB10m`, `230USD`) or in lower case (`17 usd`): digits
# after them still start a number, and money reads them after one.
ATTACHED_CODES = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "KZT", "RUB", "INR", "AUD", "CAD", "HKD", "SGD"})
# Currency signs written in letters that copy writes against the amount (`Rp5 triliun`, `Rs500 crore`).
ATTACHED_SIGNS = frozenset({"Rp", "Rs"})


_MAX_GROUPS = 6


@lru_cache(maxsize=None)
def _digits_pattern(language: str) -> re.Pattern[str]:
    """Digits with the language's separators, then a magnitude or attached letters.

    It starts with a bare digit and has no lookbehind, so the regex engine can skip
    to the next digit quickly; what may stand before a number is checked in Python.
    """
    group, decimal = _separators(language)
    point = rf"(?:{re.escape(decimal)}\d+)?"
    # At most six groups (10**18): each attempt then costs a bounded amount, so a chain of thousands of
    # groups ("1,000,000,…,00") is scanned in linear time instead of once from every digit.
    # Swiss copy groups with an apostrophe in every language (`33'000 employés`, `1’200 Franken`).
    separator = rf"(?:{re.escape(group)}|{_APOSTROPHES})" if group != " " else _APOSTROPHES
    grouped = rf"\d{{0,2}}(?:{separator}\d{{3}}){{1,{_MAX_GROUPS}}}{point}|"
    if base_language(language) == "en":  # Indian grouping, lakhs and crores: `23,45,678`, `10,00,000`
        grouped = rf"\d?(?:,\d{{2}}){{1,{_MAX_GROUPS - 1}}},\d{{3}}{point}|" + grouped
    # After spaced groups no other separator may follow (`1 234.5` is two numbers in English), but the
    # decimal sign of a language that groups with spaces may (`1 234,5` in French and Russian).
    after = "\\d,." if base_language(language) == "en" else "\\d" + re.escape("".join({",", "."} - {decimal}))
    spaced = rf"\d{{0,2}}(?:[ ]\d{{3}}){{1,{_MAX_GROUPS}}}(?![{after}]\d){point}"
    # Groups of a no-break space (cleaning keeps it between digits, narrow: `2 345 678.90`, `1 234,5`) are groups
    # in every language, a decimal sign after them too.
    spaced = rf"\d{{0,2}}(?:{NO_BREAK_GROUP}\d{{3}}){{1,{_MAX_GROUPS}}}(?!{NO_BREAK_GROUP}?\d){point}|" + spaced
    other_sign = _dotted(language, group, decimal) + _commaed(language, group, decimal) + _nakaguro(language)
    digits = rf"(?P<digits>\d(?:{grouped}{spaced}|{other_sign}\d*{point}))(?!\d|[.,]\d|:\d|/\d|\+\d)"
    if base_language(language) == "en":
        return re.compile(digits + _ENGLISH_MAGNITUDE)
    return re.compile(digits + _locale_magnitude(language, decimal))


def _dotted(language: str, group: str, decimal: str) -> str:
    """A decimal point where the language writes a decimal comma, as copy quoting the wires does (`71.35%`,
    `17.2 Prozent`, `3.70 milliards de yens`): one or two digits after the dot (a group has three), then a per
    cent sign or word or a magnitude word, so that `14.30 Uhr` and `5.8.` stay what they are, or after a percent
    word or sign before the figure (`yüzde 52.28`); or one digit alone, which no time of day has (`di magnitudo
    6.5`), and no dot after it, which a day and month have (`am 5.8.`).
    Alternatives ending in `|`, or ""."""
    if decimal != "," or group != ".":
        return ""
    words = _alternation(_factors(language))
    percent = rf"{percent_words.SIGNS}|(?i:{percent_words.WORDS})(?!\w)|{percent_words.ATTACHED}"
    after = rf"{percent}|(?i:{words})(?!{_LETTER_NOT_CJK})" if words else percent
    # After a percent word or sign before the figure (`yüzde 52.28`, `%45.07`): its first digit is matched already.
    before = "|".join(rf"(?<=(?i:{word})\d)" for word in percent_words.BEFORE)
    return rf"\d*\.\d{{1,2}}(?=[ \u00a0]?(?:{after}))|\d*\.\d(?![\d.])|(?:{before})\d{{0,2}}\.\d{{1,2}}|"


def _alternation(words) -> str:
    """Magnitude words as a regex alternation, longest first, a space in one matching one space."""
    return "|".join(re.escape(word).replace(r"\ ", "[ ]") for word in sorted(words, key=len, reverse=True))


def _commaed(language: str, group: str, decimal: str) -> str:
    """The comma used the other way round: where a dot is the decimal sign, a comma before one or two digits and a
    per cent sign or word or a magnitude word is a decimal comma (`won 44,02% of the vote` in English copy of a
    Spanish wire, `2,5 مليون` in Arabic: a group has three digits), and any comma is one where an apostrophe groups
    (Swiss German, `59,5 Milliarden`, `0,252 Aktien`); where a comma is the decimal sign but groups are commas too
    (Latin American Spanish), two
    or more comma groups are groups (`6,480,844 votos`: no decimal has two commas). An alternative ending in `|`,
    or ""."""
    if decimal == "." and group == ",":
        percent = rf"{percent_words.SIGNS}|(?i:{percent_words.WORDS})(?!\w)"
        words = _alternation(_factors(language))
        magnitude = rf"|(?i:{words})(?!{_LETTER_NOT_CJK})" if words else ""
        if base_language(language) in _DECIMAL_COMMA_COPY:
            return r"\d*,\d{1,2}(?![\d,])|"
        return rf"\d*,\d{{1,2}}(?=[ \u00a0]?(?:{percent}{magnitude}))|"
    if decimal == "." and group != ",":
        return r"\d*,\d+|"  # Swiss copy groups with an apostrophe: a comma there is a decimal (`59,5 Milliarden`)
    if base_language(language) in _COMMA_GROUP_LANGUAGES:
        return rf"\d{{0,2}}(?:,\d{{3}}){{2,{_MAX_GROUPS}}}|"
    return ""


# A lower-case `k` may also stand a space apart (`salaries of 2.75 k`): no unit is written `k` alone.
# What follows a Japanese decimal written with a middle dot (`2・6%安`, `8・2兆円`, `7・43メートル`), as the wires
# (Kyodo, Jiji) write it; `9・11` and `2・26事件` name days, not decimals. After an `M`, a magnitude (`M6・8`,
# `マグニチュード(M)7・3`).
_NAKAGURO_AFTER = r"[%％兆億万倍]|ポイント|キロ|メートル|センチ|ミリ|トン|度|株|円|ドル|ユーロ|ウォン|元"


def _nakaguro(language: str) -> str:
    """A Japanese decimal point written `・` (see `_NAKAGURO_AFTER`); an alternative ending in `|`, or ""."""
    if base_language(language) != "ja":
        return ""
    return rf"\d*・\d+(?=(?:{_NAKAGURO_AFTER}))|(?:(?<=[MＭ]\d)|(?<=[MＭ][)）]\d))・\d+|"


_ENGLISH_MAGNITUDE = (
    rf"(?:[ ]?(?P<magnitude>(?i:{_SPACED_MAGNITUDES}))\b|(?P<compact>[kmbKMB]|MM|mil)\b(?!\.\w)"
    rf"|[ ](?P<spaced_k>k)\b(?!['’.-]\w)|(?P<suffix>[^\W\d_]+)\b)?"
)
_LETTER_NOT_CJK = rf"(?:(?![{CJK_CLASS}])[^\W\d_])"


def _locale_magnitude(language: str, decimal: str) -> str:
    """After the digits: a magnitude word of the language (`млрд`, `mil millones`), spaced or not; CJK ones
    attached and chained (`1万2000`, `4億2000万`); a thousand word may take the hundreds (`3 mil 418`)."""
    words = _factors(language)
    spaced = [word for word in words if not is_cjk(word[0])]
    cjk = "|".join(sorted((word for word in words if is_cjk(word[0])), key=len, reverse=True)) or "(?!)"
    spaced_words = _alternation(spaced)
    cjk = rf"(?:{cjk})(?![米克瓦])"  # 20千米 is 20 km, 千克 kg, 千瓦 kW: units, not thousands
    # Korean spaces its groups and may write a thousands separator in them (`8만 9358`, `1조 3,280억`): one
    # space may follow a Hangul magnitude, and a group's digits may be grouped in threes.
    group = re.escape("," if decimal == "." else ".")
    digits = rf"(?:\d{{1,3}}(?:{group}\d{{3}})+(?!\d)|\d+)(?:{re.escape(decimal)}\d+)?"
    chain = rf"(?P<chain>(?:(?:(?<=[만억조])[ ])?{digits}(?:{cjk})?){{0,2}})"
    return (
        rf"(?:[ ]?(?P<magnitude>(?i:{spaced_words}))(?!{_LETTER_NOT_CJK}|-)(?:[ ](?P<rest>\d{{1,3}})(?![\d]|[.,]\d))?"
        rf"|(?P<cjk>{cjk}){chain}|(?P<compact>[kmbKMB])\b(?!\.\w)|(?P<suffix>{_LETTER_NOT_CJK}+)\b)?"
    )


@lru_cache(maxsize=None)
def _factors(language: str) -> dict[str, Decimal]:
    """Lower-case magnitude word -> factor: the language's own words, then the English ones news mixes in."""
    if base_language(language) == "en":
        return MAGNITUDES
    english = {word: MAGNITUDES[word] for word in _SPACED_MAGNITUDES.split("|") if word != "mn"}  # fr "5 mn": minutes
    return {**english, **magnitude_words(language)}


# Number words are found by their first word in lower-cased text, then read in full from there with the
# run pattern. One pattern per first letter (`f(?:i(?:ft(?:een|y)|ve)|o…)`): a pattern that starts with
# one letter is scanned for that letter alone, in C, where one for all ten letters is tried at each of
# them, half the letters of English text (115 against 197 M instructions per MB). A hit that covers a
# word start would put a letter before it, so no pattern's hits hide another's word starts, and each
# pattern matches the longest word as the one pattern did. Whether a word starts at a hit is checked in
# Python: a lookbehind in the patterns cost a third more.
_FIRST_WORDS = tuple(
    re.compile(trie(sorted(word for word in NUMBER_WORDS if word[0] == first)))
    for first in sorted({word[0] for word in NUMBER_WORDS})
)
_WORD_RUN = re.compile(
    rf"(?P<words>(?:an?[ ](?=(?:hundred|thousand|million|billion|trillion)\b))?(?:{WORD})"
    rf"(?:(?:[ -]|[ ]and[ ])(?:{WORD}|lakhs?|crores?)){{0,{_MAX_NUMBER_WORDS}}})\b",  # lakhs, crores: never first
    re.IGNORECASE,
)
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_NOT_BEFORE_DIGITS = frozenset("_.,/+:#@")
_APOSTROPHES = "['’]"
_CJK_ORDINAL = frozenset("第")
_COMMA_GROUP_LANGUAGES = frozenset({"es"})  # decimal comma in CLDR, but comma groups across Latin America
_THREE_AFTER_COMMA = re.compile(r"[1-9]\d{0,2},\d{3}")  # 第28届: the 28th session, an ordinal


@lru_cache(maxsize=None)
def _separators(language: str) -> tuple[str, str]:
    """(group, decimal) symbols of a language from CLDR; odd spaces read as the space cleaning leaves."""
    try:
        tag = language.replace("-", "_")  # BCP 47 `fr-BE` is CLDR `fr_BE`
        group, decimal = get_group_symbol(tag), get_decimal_symbol(tag)
    except (UnknownLocaleError, ValueError):
        group, decimal = ",", "."
    if group.isspace() and decimal == ",":
        return ".", decimal  # groups with spaces are always read; a dot (`10.000` in French copy) never means 10.0
    return (" " if group.isspace() else group), decimal


def find_numbers(text: str, language: str = "en") -> list[Number]:
    """Every number of `text` in order, with dash ranges (`2–3 billion`, `1993–2023`) joined into one."""
    lowered = _lowered(text)
    scales: list[int] = []  # where the word finder met a scale word: fractions of a magnitude end there
    english = base_language(language) == "en"
    # English number words are read in English alone: `ten` is "this" in Polish and Czech, `ten noorden` "north of"
    # in Dutch; the other languages' words come from text2num below.
    found = _digit_numbers(text, language) + (_word_numbers(text, lowered, scales) if english else [])
    if not english:
        found += _leading_thousands(text, language) + cjk_word_numbers(text, language)
        found += word_numbers(text, base_language(language))
        found = _without_overlaps(found)
    else:
        fractions = fraction_magnitudes(text, lowered, scales) + dozens(text, lowered) + mixed_fractions(text)
        fractions += spoken_decimals(text, lowered) + word_multiples(text, lowered) + shares(text, lowered)
        if fractions:  # "one and a half million" over its "one", "half a million" over its "a million"
            found = _without_overlaps(found + fractions)
        # `minus ` or `negative ` right before a number signs it (digits after `-` were signed as they were found)
        found = [signed(text, n) if _sign_word_may_stand(lowered, n.start) else n for n in found]
    found.sort(key=lambda number: number.start)
    return _join_ranges(text, found)


def _sign_word_may_stand(lowered: str, start: int) -> bool:
    """True when `minus ` or `negative ` ends right at `start`: the cheap test before `signed` reads it."""
    return (start >= 6 and lowered.startswith("minus ", start - 6)) or (
        start >= 9 and lowered.startswith("negative ", start - 9)
    )


def _digit_numbers(text: str, language: str) -> list[Number]:
    group, decimal = _separators(language)
    factors = _factors(language)
    comma_groups = base_language(language) in _COMMA_GROUP_LANGUAGES
    english = base_language(language) == "en"
    found = []
    for match in _digits_pattern(language).finditer(text):
        start = match.start()
        before = text[start - 1] if start else " "
        if english and before == "." and after_leading_point(text, start):
            number = _number(match, group, decimal, factors)  # ".07", "$.50": a decimal written without its 0
            if number is not None and number.digits.isdigit():
                found.append(leading_point(number))
            continue
        if _refused_before(text, start, before):
            continue  # inside a word, a code, an address or another number
        number = _number(match, group, decimal, factors)
        if number is not None and before in SIGNS and english:
            number = signed(text, number)
        if number is not None:
            found.append(_comma_grouped(number) if comma_groups else number)
    return found


def _comma_grouped(number: Number) -> Number:
    """`2,380` in Spanish is 2,380 in most of Latin America and 2.38 only in Spain, which would write `2,38`:
    exactly three digits after the comma and no magnitude are read as a group, and noted."""
    if number.magnitude or not _THREE_AFTER_COMMA.fullmatch(number.digits):
        return number
    plain = number.digits.replace(",", "")
    note = f"'{number.digits}' read as {plain} (a comma before three digits groups thousands in Latin America)"
    return number._replace(value=Decimal(plain), precision=precision_of(plain), notes=number.notes + (note,))


def _refused_before(text: str, start: int, before: str) -> bool:
    """True when the character before digits makes them part of something else (`A320`, `x.5`, `第28`)."""
    if before == "%":  # `a%20b`, `go%2020`: an escape in a web address; `rose %20` (Turkish) a percentage
        return start >= 2 and not text[start - 2].isspace() and text[start - 2] not in "(["
    if before in _NOT_BEFORE_DIGITS:
        if before in ",:" and start >= 2 and is_cjk(text[start - 2]):
            return False  # a plain comma or colon against CJK text: "1亿美元,4000万英镑", "所有割合:90.6%"
        return not _after_code(text, start)
    if not before.isalnum():
        return False
    if _arabic_proclitic(text, start):
        return False  # `و172 نائبا`, `ب50 مليار دولار`, `الـ14 وفاة`: and, with, the, written against the number
    if is_cjk(before):
        return before in _CJK_ORDINAL  # digits against Chinese or kana are figures (`912人`), `第28届` an ordinal
    if before in "MＭ" and start >= 2 and is_cjk(text[start - 2]):
        return False  # `能登半島でM7.6の地震`: a magnitude, as Japanese and Chinese copy writes it
    return not _after_code(text, start)


# Arabic writes `and`, `with`, `to`, `as`, `so` and `the` against the word they govern, a number too: one of
# و ب ل ك ف alone, `ال` with or without them, each maybe drawn out with a tatweel (`بـ18`, `الـ177`).
_PROCLITIC = re.compile(r"(?:[وبلكف]?الـ?|[وبلكف]ـ?)$")


def _arabic_proclitic(text: str, start: int) -> bool:
    """True when the letters right before `start` are an Arabic proclitic standing as a word of their own."""
    head = text[max(0, start - 4) : start]
    found = _PROCLITIC.search(head)
    if found is None:
        return False
    opening = start - len(head) + found.start()
    return opening == 0 or not text[opening - 1].isalnum()


def _without_overlaps(numbers: list[Number]) -> list[Number]:
    """The numbers that overlap no earlier or longer one (`bin 710` over its `710`)."""
    kept: list[Number] = []
    for number in sorted(numbers, key=lambda n: (n.start, n.start - n.end)):
        if not kept or number.start >= kept[-1].end:
            kept.append(number)
    return kept


def _after_code(text: str, start: int) -> bool:
    """True for digits right after a currency code or sign in letters (`USD5bn`, `Rp5 triliun`) that is not the end
    of a longer word, or after a dollar sign and its country's letters (`$US60 million`, `$A5 billion`: the
    Australian press's way)."""
    if _DOLLAR_LETTERS.search(text, max(0, start - 4), start):
        return True
    return any(
        text.endswith(letters, 0, start) and (start == len(letters) or not text[start - len(letters) - 1].isalpha())
        for letters in (*ATTACHED_CODES, *ATTACHED_SIGNS)
    )


_DOLLAR_LETTERS = re.compile(r"\$(?:US|A|NZ)$")


def _word_numbers(text: str, lowered: str, scales: list[int]) -> list[Number]:
    """Numbers written in words; the start of every scale word met is added to `scales`."""
    found: list[Number] = []
    position = 0
    hits = sorted((hit for pattern in _FIRST_WORDS for hit in pattern.finditer(lowered)), key=lambda hit: hit.start())
    for hit in hits:
        start = hit.start()
        scale = hit.group() in _SCALE_WORDS
        if scale:
            scales.append(start)
        if start < position or (start and (lowered[start - 1].isalnum() or lowered[start - 1] in "-_")):
            continue
        if scale:
            start = _article_before(lowered, start)
            if start is None:
                continue
        run = _WORD_RUN.match(text, start)
        if run is None or _DENOMINATORS.match(lowered, run.end()):
            continue  # "two thirds of voters" is a share, not two
        number = _from_words(start, run.end(), run.group("words"))
        if number is not None:
            found.append(number)
            position = number.end
    return found


# After number words, a fraction's denominator: `two thirds` is a share, not two (`three quarters` may be nine months).
_DENOMINATORS = re.compile(r"[ -](?:halves|thirds|fourths|fifths|sixths|sevenths|eighths|ninths|tenths)\b")


def _lowered(text: str) -> str:
    """`text` in lower case, position for position (the few characters that lower to two are left as they are)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered


def _article_before(lowered: str, start: int) -> int | None:
    """Where `a`/`an` starts before a scale word (`a million`), or None: a scale word alone is no number."""
    for article in ("a ", "an "):
        at = start - len(article)
        if at >= 0 and lowered.startswith(article, at) and (at == 0 or not lowered[at - 1].isalnum()):
            return at
    return None


_DOT_DECIMAL = re.compile(r"\d+\.\d{1,2}")  # only `_dotted` reads a dot before fewer than three digits
_COMMA_GROUPS = re.compile(r"\d{1,3}(?:,\d{3}){2,}")  # only `_commaed` reads two commas where a comma is the sign
_COMMA_DECIMAL = re.compile(r"\d+,\d{1,2}")  # only `_commaed` reads a comma before fewer than three digits
# Languages whose copy writes a decimal comma as often as CLDR's point (the Maghreb's and the French wires' Arabic:
# `بقوة 6,8 درجات`): there a comma before one or two digits is a decimal, whatever follows.
_DECIMAL_COMMA_COPY = frozenset({"ar"})
_COMMA_ANY = re.compile(r"\d+,\d+")  # where a comma is no group sign, it is a decimal (`_commaed`)


def _number(match: re.Match[str], group: str, decimal: str, factors: dict[str, Decimal]) -> Number | None:
    digits = match.group("digits")
    groups = match.groupdict()
    if groups.get("cjk"):
        return _cjk_chain(match, decimal, factors)
    magnitude = groups.get("magnitude") or groups.get("compact") or groups.get("spaced_k")
    scale = _factor(factors, magnitude) if magnitude else Decimal(1)
    if scale is None:
        return None
    if "・" in digits:
        plain = digits.replace("・", ".")
    elif _DOT_DECIMAL.fullmatch(digits):
        plain = digits
    elif decimal == "," and _COMMA_GROUPS.fullmatch(digits):
        plain = digits.replace(",", "")
    elif decimal == "." and (_COMMA_DECIMAL.fullmatch(digits) or group != "," and _COMMA_ANY.fullmatch(digits)):
        plain = digits.replace(",", ".")
    else:
        digits_only = re.sub(_APOSTROPHES, "", digits.replace(group, "").replace(" ", "").replace(NO_BREAK_GROUP, ""))
        plain = digits_only.replace(decimal, ".")
    try:
        value = Decimal(plain)
    except InvalidOperation:
        return None
    end = match.end() if not groups.get("suffix") else match.start("suffix")
    rest = groups.get("rest")
    if rest and scale == 1000 and "." not in plain:  # "3 mil 418", "2 bin 23": thousands, then the rest
        value, plain, scale = value * 1000 + int(rest), plain + rest.zfill(3), Decimal(1)
    elif rest:
        end = match.start("rest") - 1
    return Number(
        start=match.start(),
        end=end,
        value=value * scale if magnitude else value,  # x1 would round a long number to 28 digits
        precision=precision_of(plain, scale),
        digits=digits,
        magnitude=magnitude,
        suffix=groups.get("suffix") or "",
        factor=scale,
    )


def _factor(factors: dict[str, Decimal], magnitude: str) -> Decimal | None:
    """The factor of a magnitude word as matched (case-blind, so `BİN` lowers to `bi̇n` with a combining dot)."""
    return factors.get(" ".join(magnitude.lower().replace("\u0307", "").split()))


def _cjk_chain(match: re.Match[str], decimal: str, factors: dict[str, Decimal]) -> Number | None:
    """Digits with CJK magnitudes, chained: `5兆`, `1万2000`, `4億2000万`."""
    written = match.group().replace("・", decimal)  # `8・2兆円`: a decimal point written as a middle dot
    read = chain_value(written, decimal, factors)
    if read is None:
        return None
    value, precision = read
    factor = factors[match.group("cjk")]
    return Number(match.start(), match.end(), value, precision, digits=match.group("digits"), magnitude=match.group("cjk"), factor=factor)


def cjk_word_numbers(text: str, language: str) -> list[Number]:
    """Chinese and Japanese numeral words (`三千`, `一千零五十`, `五兆`) as Numbers written in words."""
    if base_language(language) not in ("zh", "ja"):
        return []
    return [
        Number(start, end, value, precision_of(str(value)), words=True, digits=text[start:end])
        for start, end, value in numeral_words(text, language)
    ]


def _leading_thousands(text: str, language: str) -> list[Number]:
    """A thousand word standing for one thousand before the hundreds: Turkish `bin 710` is 1,710."""
    word = thousand_word(language)
    if word is None:
        return []
    found = []
    for match in re.finditer(rf"(?<![\w,.]){word}[ ](?P<rest>\d{{3}})(?![\d]|[.,]\d)", text, re.IGNORECASE):
        if match.start() >= 2 and text[match.start() - 2].isdigit():
            continue  # "29 bin 605": the number before reads it
        value = 1000 + int(match.group("rest"))
        found.append(Number(match.start(), match.end(), Decimal(value), Decimal(1), digits=match.group()))
    return found


def _from_words(start: int, end: int, words: str) -> Number | None:
    """A number in words; a run that is not one number ("one two") keeps its longest leading number."""
    tokens = [(found.group(), found.end()) for found in re.finditer(r"[^\W\d_]+", words)]
    for count in range(len(tokens), 0, -1):
        if tokens[count - 1][0].lower() == "and":
            continue
        parts = [token for token, _ in tokens[:count]]
        value = parse_words(" ".join(parts))
        if value is not None:
            written = words[: tokens[count - 1][1]]
            last = parts[-1].lower()
            magnitude = last if last in MAGNITUDES and count > 1 else None
            return Number(start, start + len(written), value, _word_precision(value, parts), True, written, magnitude)
    return None


def _word_precision(value: Decimal, parts: list[str]) -> Decimal:
    last = parts[-1].lower()
    if last in MAGNITUDES and len(parts) > 1:  # "two hundred million": stated like "200 million"
        return precision_of(str(value / MAGNITUDES[last]), MAGNITUDES[last])
    return precision_of(str(value))


def _join_ranges(text: str, numbers: list[Number]) -> list[Number]:
    """Join `2–3 billion`, `10-15`, `1993–2023`, `2012–13` and `2 to 3 million` into one Number with a `high`."""
    joined: list[Number] = []
    i = 0
    while i < len(numbers):
        low = numbers[i]
        high = numbers[i + 1] if i + 1 < len(numbers) else None
        ranged = _range(text, low, high) if high is not None else None
        if ranged is not None and not _chained(text, low, high):
            joined.append(ranged)
            i += 2
        else:
            joined.append(low)
            i += 1
    return joined


def _range(text: str, low: Number, high: Number) -> Number | None:
    if high.start - low.end > 5 or low.words or high.words or low.suffix or high.suffix:
        return None  # nothing joins a range in more than five characters (" and ")
    between = text[low.end : high.start]
    if _RANGE_TO.fullmatch(between):
        if _BEFORE_FROM.search(text, max(0, low.start - 30), low.start) or high.magnitude is None:
            return None  # "rose from 2 to 3": two values, not a range
    elif between == " and ":
        if high.magnitude is None or low.magnitude or not _BEFORE_BETWEEN.search(text, max(0, low.start - 12), low.start):
            return None  # "between 2 and 3 million" shares the magnitude; other pairs are joined as claims
    elif not _RANGE_DASH.fullmatch(between):
        return None
    return _ordered(low, high)


def _ordered(low: Number, high: Number) -> Number | None:
    """The range from `low` to `high`; the magnitude of the upper end also scales a bare lower end."""
    notes: tuple[str, ...] = ()
    if low.magnitude is None and high.magnitude is not None:
        low = low._replace(value=low.value * high.scale, precision=low.precision * high.scale)
    elif _short_year_end(low, high):
        full = (low.value // 100) * 100 + high.value
        notes = (f"'{low.digits}–{high.digits}' read as {low.digits}–{full}",)
        high = high._replace(value=full, digits=str(full))
    if high.value <= low.value:
        return None  # "3-1": a score or a code, not a range
    return low._replace(end=high.end, high=high, magnitude=high.magnitude or low.magnitude, notes=notes)


def _short_year_end(low: Number, high: Number) -> bool:
    return low.plain_integer and len(low.digits) == 4 and high.plain_integer and len(high.digits) == 2


def _chained(text: str, low: Number, high: Number) -> bool:
    """A third number in the chain (`727-123-4567`, `2025-12-20`) makes it a code or a date, not a range."""
    after = re.match(r"[-–—./]\d", text[high.end : high.end + 2]) is not None
    return after or re.fullmatch(r"\d[-–—./]", text[max(0, low.start - 2) : low.start]) is not None
