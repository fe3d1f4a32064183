"""Scripts: which writing system a name is in, and whether it is its source's own.

A name in its source's own script is that language's form of it (`Japón` in Spanish,
`Москва` in Russian). A name in another script is borrowed: Latin letters in a Korean or
Russian article are the international (English) form, and compete with it. The script a
language is written in comes from CLDR's likely subtags, through babel.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global

# Unicode character-name prefixes to ISO 15924 codes; Han and kana count as one East Asian script.
_SCRIPTS = {
    "LATIN": "Latn", "CYRILLIC": "Cyrl", "ARABIC": "Arab", "GREEK": "Grek", "HEBREW": "Hebr",
    "DEVANAGARI": "Deva", "HANGUL": "Kore", "CJK": "Hani", "HIRAGANA": "Hani", "KATAKANA": "Hani", "THAI": "Thai",
}
_EAST_ASIAN = {"Hans": "Hani", "Hant": "Hani", "Jpan": "Hani", "Kore": "Kore", "Hani": "Hani"}


def _ranges(chars: list[int]) -> str:
    spans, start = [], None
    for code, following in zip(chars, chars[1:] + [None]):
        start = code if start is None else start
        if following != code + 1:
            spans.append(re.escape(chr(start)) + ("-" + re.escape(chr(code)) if code != start else ""))
            start = None
    return "".join(spans)


# The marks that write vowels and signs on a letter (Devanagari, Bengali, Tamil, Thai…): `\w` is no mark, so
# `[^\W\d_]+` cuts `मारे` into `म` and `र`. A word is its letters with their marks.
MARKS = _ranges([code for code in range(0x300, 0x10000) if unicodedata.category(chr(code)).startswith("M")])
WORD = rf"(?:[^\W\d_]|[{MARKS}])+"
# Han and kana, whose every character counts as a word when words are counted between a cue and its figure.
HAN_KANA = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
# A token of the keys' distances: a Han or kana character, a word, a number.
TOKEN = rf"[{HAN_KANA}]|{WORD}|\d+"
# Scripts written without spaces between words, whose cue words are found inside the text: Han and kana, Thai,
# Lao, Khmer, Myanmar.
UNSPACED = HAN_KANA + "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"


# Languages that capitalise every noun: a capital letter there marks no name.
NOUNS_CAPITALISED = frozenset({"de", "lb"})


def caseless(text: str) -> str:
    """`text` as the key of a table that a case-blind regular expression looks its matches up in: lower case, with
    Turkish `ı` and `İ` as `i`, since the expression's `yıl` also matches `YIL` and `kasım` matches `KASIM`."""
    return text.lower().replace("ı", "i").replace("\u0307", "")


def script_of(text: str) -> str | None:
    """The ISO 15924 code of the first letter's script ('Latn', 'Cyrl', 'Hani'...), None without letters."""
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            return _SCRIPTS.get(name.split(" ", 1)[0], name.split(" ", 1)[0].title()[:4])
    return None


@lru_cache(maxsize=256)
def native_script(language: str) -> str:
    """The script a language is written in, from CLDR ('ru' -> 'Cyrl', 'zh-Hant' -> 'Hani', 'ko' -> 'Kore')."""
    tag = re.sub(r"-", "_", language.strip()) or "en"
    stated = next((part.title() for part in tag.split("_")[1:] if len(part) == 4 and part.isalpha()), None)
    if stated:
        return _EAST_ASIAN.get(stated, stated)  # `sr-Latn`: the tag says its script, whatever is likeliest
    likely = get_global("likely_subtags")
    full = likely.get(tag) or likely.get(tag.split("_", 1)[0].lower()) or "und_Latn"
    parts = full.split("_")
    script = next((part for part in parts[1:] if len(part) == 4), "Latn")
    return _EAST_ASIAN.get(script, script)


def primary(language: str) -> str:
    """The primary subtag of a BCP 47 tag: 'zh' of 'zh-Hant', 'pt' of 'pt_BR'."""
    return re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0] or "en"


def writing(name: str, language: str) -> str:
    """Which forms a name competes with: its language's own, or, borrowed, the international form of its script."""
    script = script_of(name)
    if script is None or script == native_script(language):
        return primary(language)
    return "en" if script == "Latn" else f"borrowed:{script}"


@lru_cache(maxsize=256)
def alphabet(language: str) -> frozenset[str]:
    """The lower-case letters a language writes its own words with, as CLDR's names of countries, languages,
    months and days in that language use them ('az' has `ə`, 'pl' has `ł` and `ń`); empty for an unknown one."""
    try:
        locale = Locale.parse(primary(language))
    except (ValueError, UnknownLocaleError):
        return frozenset()
    names = [*locale.territories.values(), *locale.languages.values()]
    for table in (locale.months, locale.days):
        names += [name for width in table.get("format", {}).values() for name in width.values()]
    return frozenset(char for name in names for char in name.lower() if char.isalpha())


# Scripts whose copy leaves the romanisation of a name's vowels to each writer: abjads write no short vowels
# (`حسین`: Hossein, Hussein), and the Indic abugidas' inherent vowel is romanised `a`, `o` or not at all (`আখতার`:
# Akhtar, Akhter). Codes as `script_of` gives them.
UNWRITTEN_VOWELS = frozenset(
    {"Arab", "Hebr", "Syri", "Thaa", "Deva", "Beng", "Guru", "Guja", "Oriy", "Tami", "Telu", "Kann", "Mala", "Sinh"}
)
# Alphabets whose vowel letters each romanisation writes its own way (е, ё, й, ы: `Mirzoev`, `Mirzoyev`,
# `Andrei`, `Andrey`, `Andréi`; η, υ: `Mitsotakis`, `Mitsotakes`).
AMBIGUOUS_VOWELS = frozenset({"Cyrl", "Grek"})


@lru_cache(maxsize=256)
def country_script(territory: str) -> str | None:
    """The script of a country's likeliest language, as `script_of` names it ('IR' -> 'Arab', 'IN' -> 'Deva')."""
    likely = get_global("likely_subtags").get(f"und_{territory}")
    code = next((part for part in (likely or "").split("_")[1:] if len(part) == 4), None)
    return {"Orya": "Oriy", "Taml": "Tami", "Gujr": "Guja", "Knda": "Kann", "Mlym": "Mala", "Syrc": "Syri"}.get(code, code)


@lru_cache(maxsize=2)
def _chinese_converter(config: str):
    from opencc import OpenCC  # imported on first use: most runs read no Chinese

    return OpenCC(config)


def chinese_forms(phrase: str) -> tuple[str, ...]:
    """A Chinese phrase in both its scripts (`选票`, `選票`): a cue listed once reads Taiwan's and Hong Kong's news
    as well as the mainland's. OpenCC's dictionaries convert, phrase by phrase, as newsrooms do."""
    forms = [phrase, _chinese_converter("s2t").convert(phrase), _chinese_converter("t2s").convert(phrase)]
    return tuple(dict.fromkeys(forms))
