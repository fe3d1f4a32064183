"""English forms written around the digits and number words, read after the number finder:

signs (`-7 °C`, `−0.5%`, `minus 12`), decimals without their 0 (`.07`, `$.50`), fractions of a magnitude
(`half a million`, `a quarter of a billion`, `two and a half billion`), mixed fractions (`3½`, `3 1/2`)
and dozens (`a dozen`, `half a dozen`, `two dozen`). Each is a short pattern tried only where a cheap test
says it may match (a sign character, a scale word already found, a rare character), so text without them
costs nothing more.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from factcheck.extract.numeral import MAGNITUDES, WORD, Number, parse_words, times
from factcheck.extract.qualifiers import precision_of

SIGNS = frozenset("-\u2212")  # hyphen-minus and the minus sign
_BEFORE_SIGN = frozenset(" \n\t([/")


# Words that sign the figure after them. `negative` is no sign after a test (`tested negative 3 times`).
_SIGN_WORDS = ("minus", "negative")
_TEST_BEFORE = re.compile(r"(?:\btest\w*|\bcame[ ]back|\bprov\w+)[ ]$", re.IGNORECASE)


def sign_word_before(text: str, start: int) -> int | None:
    """Where `minus ` or `negative ` starts, standing as a word right before `start`, or None."""
    for word in _SIGN_WORDS:
        at = start - len(word) - 1
        if at < 0 or text[start - 1 : start] != " " or text[at : start - 1].lower() != word:
            continue
        if (at and text[at - 1].isalnum()) or (word == "negative" and _TEST_BEFORE.search(text, max(0, at - 12), at)):
            return None
        return at
    return None


def signed(text: str, number: Number) -> Number:
    """The number with the sign written before it (`-7 °C`, `−4%`, `minus 7`, `negative two`), which the span
    then covers; `negative` is noted, being also an adjective.

    A `-` is a sign only after a space, a bracket or the text start, and not after a space that follows a
    figure (`5 -7` is a range written loosely); the signed digits are no plain integer, so no year or day.
    """
    start = number.start
    if start >= 6 and text[start - 1] == " ":
        word = sign_word_before(text, start)
        if word is None:
            return number
        negative = _negative(number, word, text[word:start])
        if text[word] in "nN":
            return negative._replace(notes=negative.notes + (f"'{text[word : start - 1]}' read as a minus sign",))
        return negative
    if not start or text[start - 1] not in SIGNS or number.words:
        return number
    before = text[start - 2] if start >= 2 else " "
    loose_range = before == " " and start >= 3 and (text[start - 3].isdigit() or text[start - 3] in SIGNS)
    if before not in _BEFORE_SIGN or loose_range:
        return number
    return _negative(number, start - 1, text[start - 1])


def _negative(number: Number, start: int, sign: str) -> Number:
    high = number.high
    negative_high = high._replace(value=-high.value) if high is not None else None
    return number._replace(start=start, value=-number.value, digits=sign + number.digits, high=negative_high)


_BEFORE_POINT = frozenset(" \n\t($€£¥")


def after_leading_point(text: str, start: int) -> bool:
    """True when the `.` before digits at `start` opens a decimal (`.07`, `$.50`), not ends a word or a figure."""
    return start < 2 or text[start - 2] in _BEFORE_POINT


def leading_point(number: Number) -> Number:
    """`.07` as 0.07 (the span takes the point), scaled by its magnitude (`$.5 million`)."""
    written = "0." + number.digits
    value = times(Decimal(written), number.factor)
    return number._replace(start=number.start - 1, value=value, precision=precision_of(written, number.factor),
                           digits="." + number.digits)  # fmt: skip


# A fraction of a magnitude: `half a million`, `a half-million`, `a quarter of a billion`, `three quarters of a
# million`, `one and a half million`, `two and a half billion`. Looked for only before the scale words the word
# finder met (no scan of its own): `half` or `quarter` there, then read forward with one pattern and back, over a
# bounded window, with another.
_FRACTION_WORDS = {"half": Decimal("0.5"), "quarter": Decimal("0.25"), "quarters": Decimal("0.25")}
_FRACTION_AFTER = re.compile(
    r"(?P<part>half|quarters?)(?:[ -]|[ ]of[ ])(?:an?[ ])?(?P<scale>thousand|million|billion|trillion)\b"
)
_FRACTION_BEFORE = re.compile(
    rf"(?:(?<![\w-])(?P<whole>(?:{WORD})(?:[ -](?:{WORD}))?)[ ]and[ ])?(?<![\w-])(?P<count>an?|one|three)[ -]$"
)
_FRACTION_WINDOW = 40  # characters before `half` searched for "twenty-five and a "
_PART_BEFORE_SCALE = re.compile(r"(?:half|quarters?)(?:[ -]|[ ]of[ ])(?:an?[ ])?$")


def fraction_magnitudes(text: str, lowered: str, scales: list[int]) -> list[Number]:
    """Fractions of a magnitude written in words (`half a million`, `two and a half billion`) as Numbers;
    `lowered` is `text` in lower case, position for position, and `scales` where its scale words start."""
    found: list[Number] = []
    for scale in scales:
        part = _PART_BEFORE_SCALE.search(lowered, max(0, scale - 20), scale)
        number = _fraction_at(text, lowered, part.start()) if part is not None else None
        if number is not None:
            found.append(number)
    return found


def _fraction_at(text: str, lowered: str, at: int) -> Number | None:
    """The fraction of a magnitude whose `half` or `quarter` starts at `at`, or None."""
    if at and (lowered[at - 1].isalnum() or lowered[at - 1] == "-" and not lowered[max(0, at - 2)].isalpha()):
        return None  # "behalf", "headquarters"
    after = _FRACTION_AFTER.match(lowered, at)
    if after is None:
        return None
    part, scale = after.group("part"), after.group("scale")
    before = _FRACTION_BEFORE.search(lowered, max(0, at - _FRACTION_WINDOW), at)
    count = before.group("count") if before else None
    bare_quarter = count is None and part == "quarter" and " of " not in after.group()
    if (part == "quarters") != (count == "three") or bare_quarter:
        return None  # "three quarters of", "a quarter of a billion", "quarter of a million"; not "quarter million"
    whole = parse_words(before.group("whole")) if before and before.group("whole") else Decimal(0)
    if whole is None:
        return None
    fraction = whole + _FRACTION_WORDS[part] * (3 if count == "three" else 1)
    start = before.start() if before else at
    factor = MAGNITUDES[scale]
    return Number(start, after.end(), fraction * factor, precision_of(str(fraction), factor), True,
                  text[start : after.end()], scale, factor=factor)  # fmt: skip


# A whole number and a fraction that ends in finite decimals: `3½`, `3 1/2`, `2-3/4`, `1 1/8` (`⅓`, `2/3` do not).
_VULGAR = "½¼¾⅛⅜⅝⅞"  # their values come from Unicode (unicodedata.numeric)
_FRACTION_SIGN = re.compile(rf"[{_VULGAR}/]")  # one class: the engine skips to the next of these rare characters
_MIXED = re.compile(
    rf"(?<![\w.,/-])(?P<whole>\d{{1,3}})(?:[ -]?(?P<vulgar>[{_VULGAR}])|[ -](?P<num>[1357])/(?P<den>[248]))"
    r"(?![\w/]|[.,]\d)"
)


def mixed_fractions(text: str) -> list[Number]:
    """Whole numbers with a fraction (`3½ miles`, `3 1/2 miles`) as Numbers, stated to the fraction's last digit."""
    found: list[Number] = []
    for sign in _FRACTION_SIGN.finditer(text):
        at = sign.start()
        if sign.group() == "/" and not (text[at - 1 : at] in "1357" and text[at + 1 : at + 2] in "248"):
            continue  # not a half, quarter or eighth
        match = _MIXED.search(text, max(0, at - 7), min(len(text), at + 3))
        if match is None or (found and match.start() < found[-1].end):
            continue
        if match.group("vulgar"):
            part = Decimal(str(unicodedata.numeric(match.group("vulgar"))))
        else:
            numerator, denominator = int(match.group("num")), int(match.group("den"))
            if numerator >= denominator:
                continue
            part = Decimal(numerator) / Decimal(denominator)
        value = Decimal(match.group("whole")) + part
        found.append(Number(match.start(), match.end(), value, precision_of(str(value)), digits=match.group()))
    return found


_DOZEN_BEFORE = re.compile(rf"(?<![\w-])(?P<count>half[ ]an?|an?[ ]half|an?|{WORD})[ -]$")


def dozens(text: str, lowered: str) -> list[Number]:
    """`a dozen` (12), `half a dozen` (6), `two dozen` (24) as Numbers; `dozens` is vague and no figure."""
    found: list[Number] = []
    at = lowered.find("dozen")
    while at >= 0:
        after = at + len("dozen")
        before = _DOZEN_BEFORE.search(lowered, max(0, at - 12), at)
        if before is not None and not lowered[after : after + 1].isalnum():
            count = before.group("count")
            multiple = Decimal("0.5") if "half" in count else Decimal(1) if count in ("a", "an") else parse_words(count)
            if multiple is not None:
                value = multiple * 12
                written = text[before.start() : after]
                note = f"'{written}' read as {value}"
                found.append(Number(before.start(), after, value, Decimal(1), True, written, notes=(note,)))
        at = lowered.find("dozen", after)
    return found


# A decimal read aloud, as quotes and transcripts write it: `zero point five percent`, `two point five million`.
# Looked for only where ` point ` stands; the words before it are read back over a bounded window. `At one point
# five people...` is a moment, not 1.5.
_DIGIT_WORDS = "zero|one|two|three|four|five|six|seven|eight|nine"
_POINT_AFTER = re.compile(
    rf"[ ]point[ ](?P<decimals>(?:{_DIGIT_WORDS})(?:[ ](?:{_DIGIT_WORDS})){{0,5}})(?![\w-])"
    r"(?:[ ](?P<scale>thousand|million|billion|trillion)\b)?"
)
_POINT_BEFORE = re.compile(rf"(?<![\w-])(?P<whole>(?:{WORD})(?:[ -](?:{WORD})){{0,3}})$")
_POINT_WINDOW = 40
_DIGIT_VALUES = {word: str(value) for value, word in enumerate(_DIGIT_WORDS.split("|"))}


def spoken_decimals(text: str, lowered: str) -> list[Number]:
    """Decimals written in words (`zero point five`, `two point five million`) as Numbers."""
    found: list[Number] = []
    at = lowered.find(" point ")
    while at >= 0:
        number = _spoken_decimal(text, lowered, at)
        if number is not None:
            found.append(number)
        at = lowered.find(" point ", at + 7)
    return found


def _spoken_decimal(text: str, lowered: str, at: int) -> Number | None:
    """The decimal whose ` point ` starts at `at`, or None."""
    before = _POINT_BEFORE.search(lowered, max(0, at - _POINT_WINDOW), at)
    after = _POINT_AFTER.match(lowered, at)
    if before is None or after is None:
        return None
    whole = parse_words(before.group("whole"))
    if whole is None or (before.group("whole") == "one" and lowered.endswith("at ", 0, before.start())):
        return None
    written = str(whole) + "." + "".join(_DIGIT_VALUES[word] for word in after.group("decimals").split())
    scale = after.group("scale")
    factor = MAGNITUDES[scale] if scale else Decimal(1)
    start, end = before.start(), after.end()
    note = f"'{text[start:end]}' read as {written}" + (f" {scale}" if scale else "")
    return Number(start, end, times(Decimal(written), factor), precision_of(written, factor), True, text[start:end],
                  scale, notes=(note,), factor=factor)  # fmt: skip


# Digits with the multipliers in words: `5 thousand 2 hundred`, `3 hundred and 64`, `12 hundred`. Looked for only
# where ` hundred` or ` thousand ` stands after digits; `5 thousand` alone is the number reader's magnitude.
_MULTIPLES = re.compile(
    r"(?:(?P<thousands>\d{1,3})[ ]thousand"
    r"(?:[ ](?:and[ ])?(?P<hundreds>\d)[ ]hundred(?:[ ](?:and[ ])?(?P<rest>\d{1,2}))?"
    r"|[ ]and[ ](?P<after_thousand>\d{1,3}))"
    r"|(?P<only_hundreds>\d{1,2})[ ]hundred(?:[ ](?:and[ ])?(?P<after_hundred>\d{1,2}))?)"
    r"(?!\w|[.,]\d)",
    re.IGNORECASE,
)
_PLACES = {"thousands": 1000, "hundreds": 100, "rest": 1, "after_thousand": 1, "only_hundreds": 100, "after_hundred": 1}
_MULTIPLE_WORDS = (" hundred", " thousand ")


def word_multiples(text: str, lowered: str) -> list[Number]:
    """Digits with `thousand` and `hundred` in words between them (`5 thousand 2 hundred`) as one Number."""
    found: list[Number] = []
    for word in _MULTIPLE_WORDS:
        at = lowered.find(word)
        while at >= 0:
            start = at
            while start > 0 and at - start < 3 and text[start - 1].isdigit():
                start -= 1
            number = _multiple_at(text, start) if start < at else None
            if number is not None:
                found.append(number)
            at = lowered.find(word, at + len(word))
    return found


def _multiple_at(text: str, start: int) -> Number | None:
    if start and (text[start - 1].isalnum() or text[start - 1] in ".,"):
        return None  # "2.5 thousand", "1,2 hundred": the number reader's
    match = _MULTIPLES.match(text, start)
    if match is None or not (match.group("hundreds") or match.group("after_thousand") or match.group("only_hundreds")):
        return None
    parts = [(name, int(found)) for name, found in match.groupdict().items() if found]
    value = sum(_PLACES[name] * part for name, part in parts)
    precision = Decimal(_PLACES[parts[-1][0]])  # "5 thousand 2 hundred" is stated to the hundred
    written = match.group()
    note = f"'{written}' read as {value}"
    return Number(start, match.end(), Decimal(value), precision, digits=written, notes=(note,))
