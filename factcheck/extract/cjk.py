"""Chinese and Japanese figures: digits chained with magnitudes (`1万2000`, `4億2000万`) and numeral words
(`三千`, `一千零五十`, `五兆`), read with cn2an (Chinese) and kanjize (Japanese).

A run of numeral characters is a figure only when it holds a magnitude character and starts with a
digit character (`三千`, `十二`): `一致` and `统一` hold no magnitude, `千万` ("by all means") and `万一`
("in case") start with one, and `第二十八届` is an ordinal. One character alone is a figure before a counter
of people, bodies, aircraft, ships or times (`九人`, `四人死亡`), except `一`, the article of many phrases. A run right before 月, 日, 年 or a clock
word is part of a date or a time, which this does not read.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from factcheck.extract.qualifiers import precision_of

_DIGIT_CHARS = "〇零一二三四五六七八九两兩"
_UNIT_CHARS = "十百千万萬亿億兆"
_NUMERAL_RUN = re.compile(rf"[{_DIGIT_CHARS}十][{_DIGIT_CHARS}{_UNIT_CHARS}]+")
_NOT_AFTER = frozenset("月日年時时号號点點分秒")
_NOT_BEFORE = frozenset("第")
_PART = re.compile(r"(\d+(?:[.,]\d+)?)(\D*)")
# One numeral character alone is a figure before a counter of people, bodies, aircraft, ships or times (`九人`,
# `至少四人死亡`, `九具`, `七次`): `一` is left out, the article of countless phrases (`一个国家`, `一名男子`).
_SINGLE_VALUES = {
    char: Decimal(value)
    for char, value in (("二", 2), ("两", 2), ("兩", 2), ("三", 3), ("四", 4), ("五", 5), ("六", 6), ("七", 7), ("八", 8),
                        ("九", 9), ("十", 10))
}  # fmt: skip
_COUNTED_DIGIT = re.compile(rf"(?<![{_DIGIT_CHARS}{_UNIT_CHARS}第廿])[{''.join(_SINGLE_VALUES)}](?=[人名具架艘次度])")


def numeral_words(text: str, language: str) -> list[tuple[int, int, Decimal]]:
    """(start, end, value) of every Chinese or Japanese numeral-word figure (`三千` -> 3000, `九人` -> 9)."""
    found = [(single.start(), single.end(), _SINGLE_VALUES[single.group()]) for single in _COUNTED_DIGIT.finditer(text)]
    for run in _NUMERAL_RUN.finditer(text):
        start, end, written = run.start(), run.end(), run.group()
        if not any(char in _UNIT_CHARS for char in written):
            continue
        if (start and text[start - 1] in _NOT_BEFORE) or (end < len(text) and text[end] in _NOT_AFTER):
            continue
        value = _read(written, language)
        if value is not None:
            found.append((start, end, value))
    return sorted(found)


def _read(written: str, language: str) -> Decimal | None:
    """The value of a numeral word, or None when the converter does not read it as one number."""
    # Imported here: cn2an takes 0.15 s to import (it compiles its patterns), and only Chinese and
    # Japanese numeral words need the converters.
    import cn2an
    import kanjize

    try:
        if language.startswith("ja"):
            return Decimal(kanjize.kanji2number(written))
        return Decimal(str(cn2an.cn2an(written.replace("兩", "两").replace("萬", "万").replace("億", "亿"), "smart")))
    except (ValueError, KeyError, IndexError, InvalidOperation):
        return None  # the converters raise these on runs that are no number ("一二三" in kanjize)


def chain_value(written: str, decimal: str, factors: dict[str, Decimal]) -> tuple[Decimal, Decimal] | None:
    """(value, precision) of digits chained with magnitudes (`4億2000万` -> 420,000,000; precision 10^7)."""
    value, precision, last = Decimal(0), Decimal(1), None
    for digits, word in _PART.findall(written):
        word = word.strip()  # Korean spaces its groups: `8만 9358`
        factor = factors.get(word, Decimal(1)) if word else Decimal(1)
        if word and word not in factors or (last is not None and factor >= last):
            return None  # not a descending chain of magnitudes: not one figure
        group = "," if decimal == "." else "."
        plain = digits.replace(group, "").replace(decimal, ".")  # `1조 3,280억`: a group written with its separator
        value += Decimal(plain) * factor
        precision, last = precision_of(plain, factor), factor
    return value, precision
