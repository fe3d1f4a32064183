"""Magnitude words per language (`млрд`, `Milliarden`, `mil millones`, `億`), from CLDR.

CLDR's compact decimal formats ("short" and "long") say, per power of ten, how a
language writes a number: `0 млрд` at 10^9, `00万` at 10^5. A word's factor is
that power divided by the digits its pattern keeps, so `00万` gives 万 = 10^4.
Forms CLDR lacks (case forms, dotted abbreviations, pt-PT `mil milhões`) are
added from one small table per language. English keeps its own table in
numbers.py, which the sample corpus was tuned on.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError

_TEN = Decimal(10)
# Forms CLDR's compact formats lack, per language: case and plural forms, abbreviations news writes.
_EXTRA = {
    "ru": {"тыс": 3, "тысяч": 3, "тысячи": 3, "тысячу": 3, "миллионам": 6, "миллионах": 6, "миллиардах": 9,
           "трлн": 12, "триллиона": 12, "триллионов": 12},
    "de": {"Tsd": 3, "Mill": 6, "Milliarde": 9, "Mrd": 9, "Md": 9},
    "fr": {"Md": 9, "Mds": 9, "Mrd": 9, "millier": 3, "milliers": 3},
    "es": {"mil millones": 9, "millón": 6, "billón": 12, "billones": 12},
    "pt": {"mil milhões": 9, "biliões": 12, "bilião": 12, "bi": 9, "mi": 6},
    "it": {"mln": 6, "mld": 9, "mld.": 9, "miliardo": 9, "mila miliardi": 12},
    "tr": {"bin": 3, "milyon": 6, "milyar": 9, "trilyon": 12,  # and with the case endings "than", "of":
           "binden": 3, "bini": 3, "binin": 3, "milyondan": 6, "milyonu": 6, "milyardan": 9, "milyarı": 9},
    "ar": {"آلاف": 3, "ألف": 3, "مليون": 6, "ملايين": 6, "مليار": 9, "مليارات": 9},
    "zh": {"千": 3, "百万": 6, "千万": 7, "百亿": 10, "千亿": 11, "万亿": 12, "萬": 4, "億": 8, "兆": 12},
    "ja": {"千": 3, "万": 4, "億": 8, "兆": 12},
    "ko": {"천": 3, "만": 4, "억": 8, "조": 12},
    "id": {"kuadriliun": 15},  # rupiah amounts pass CLDR's last word, triliun: `Rp3,2 kuadriliun`
}  # fmt: skip
# CJK scripts share their magnitude characters: a zh-Hant or ja text may write 万 or 萬, 亿 or 億.
_CJK = ("zh", "ja", "ko")
_THOUSAND_WORDS = {"es": "mil", "pt": "mil", "it": "mila", "tr": "bin"}  # "3 mil 418" is 3,418
_PATTERN_WORD = re.compile(r"[0#.,\s\u00a0'’]+")


@lru_cache(maxsize=None)  # parsing a locale costs some 5 us, and every finder asks for every document
def base_language(language: str) -> str:
    """The CLDR language of a BCP 47 tag (`pt-BR` -> `pt`, `zh-Hant` -> `zh`), `en` when unknown."""
    try:
        return Locale.parse(language.replace("-", "_")).language
    except (UnknownLocaleError, ValueError):
        return "en"


@lru_cache(maxsize=None)
def magnitude_words(language: str) -> dict[str, Decimal]:
    """Lower-case magnitude words of a language -> their factor (`млрд` -> 10^9, `万` -> 10^4)."""
    base = base_language(language)
    words: dict[str, Decimal] = {}
    for tag in _CJK if base in _CJK else (base,):
        words.update(_cldr_words(tag))
        words.update({word.lower(): _TEN**power for word, power in _EXTRA.get(tag, {}).items()})
    if base in _CJK:
        words.update(_cldr_words("zh_Hant"))
    return words


def thousand_word(language: str) -> str | None:
    """The word for a thousand that also stands alone before the hundreds (`bin 710` is 1,710)."""
    return _THOUSAND_WORDS.get(base_language(language))


# Chinese characters, kana and Hangul, as a regex class: text that stands right against digits and Latin
# letters (`912人`, `VMware股價`, `GDP는`), so a word or a name ends where they begin.
CJK_CLASS = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"


def is_cjk(char: str) -> bool:
    """True for a Chinese character, kana or hangul: digits may stand right against them (`912人`)."""
    code = ord(char)
    return 0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xAC00 <= code <= 0xD7AF


def _cldr_words(tag: str) -> dict[str, Decimal]:
    try:
        formats = Locale.parse(tag).compact_decimal_formats
    except (UnknownLocaleError, ValueError):
        return {}
    words: dict[str, Decimal] = {}
    for width in ("short", "long"):
        for forms in formats.get(width, {}).values():
            for power, pattern in forms.items():
                zeros = pattern.pattern.count("0")
                if not zeros:
                    continue  # a word for exactly one of it (Italian `mille`): no digits go before it
                word = _PATTERN_WORD.sub(" ", pattern.pattern).strip().lower()
                factor = Decimal(power) / _TEN ** (zeros - 1)
                if _usable(word) and word not in words:
                    words[word] = factor
    return words


def _usable(word: str) -> bool:
    """A word a number may be followed by: not empty, not a lone letter or two (`M`, `Mn`: metres, Mister)."""
    if not word:
        return False
    return len(word) >= 3 or any(is_cjk(char) for char in word)
