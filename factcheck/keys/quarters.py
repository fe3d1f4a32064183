"""Quarters of a year named beside a figure: `in the fourth quarter`, `Q4 2023`, `au 4e trimestre`, `im vierten
Quartal`, `в четвертом квартале`, `第4四半期`, `第四季度`, `4분기`, `الربع الرابع`.

Business news gives a quarter's figure beside the year's and the previous quarter's (`484,507 deliveries in the
fourth quarter … 1.81 million for the year … 435,059 in the third`): the quarter says which period a figure is
of, so it is part of the figure's as-of. The word for a quarter and its abbreviation (`Q4`, `T4`, `K4`, `Ç4`)
come from CLDR's quarter names; ordinals written out (`fourth`, `quatrième`, `cuarto`, `vierten`) are not in
CLDR, so the four of each language are listed here. A quarter with no year written is the one of that number
whose end lies nearest the source's publication: `the fourth quarter` is last year's in a January report,
this year's in an October forecast.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from os.path import commonprefix

from factcheck.cldr_names import NEWS_LANGUAGES, quarter_names
from factcheck.normalize.inflection import declines
from factcheck.scripts import native_script, primary

# The ordinals one to four as words, by language: stems where the word declines (`четверт` for `четвертом`,
# `четвёртого`; `viert` for `vierten`), each matched at the start of a word.
SPELLED = {
    "en": ("first", "second", "third", "fourth"),
    "fr": ("premier", "deuxième|second", "troisième", "quatrième"),
    "es": ("primer", "segundo", "tercer", "cuarto"),
    "pt": ("primeiro", "segundo", "terceiro", "quarto"),
    "it": ("primo", "secondo", "terzo", "quarto"),
    "de": ("erst", "zweit", "dritt", "viert"),
    "nl": ("eerste", "tweede", "derde", "vierde"),
    "ru": ("перв", "втор", "трет", "четверт|четвёрт"),
    "uk": ("перш", "друг", "трет", "четверт"),
    "pl": ("pierwsz", "drug", "trzec", "czwart"),
    "tr": ("birinci|ilk", "ikinci", "üçüncü", "dördüncü|son"),
    "id": ("pertama", "kedua", "ketiga", "keempat"),
    "ar": ("الأول", "الثاني", "الثالث", "الرابع"),
    "hi": ("पहली", "दूसरी", "तीसरी", "चौथी"),
    "zh": ("一", "二", "三", "四"),
    "ja": ("一", "二", "三", "四"),
}
_ROMAN = ("I", "II", "III", "IV")
_UNSPACED = frozenset({"Hani", "Kore"})  # scripts whose numerals run straight into their nouns (`第4四半期`, `4분기`)
_NOT_COMPOUND = r"(?![-‐]?(?:final|point|century|back))"


@dataclass(frozen=True)
class Quarter:
    """A quarter named in a text: which one, of which year when written, and where."""

    number: int
    year: int | None
    start: int
    end: int
    text: str

    def of(self, published: dt.date) -> tuple[int, int]:
        """(year, number): the year written, else the year whose quarter of this number ends nearest `published`."""
        if self.year is not None:
            return self.year, self.number
        years = (published.year - 1, published.year, published.year + 1)
        return min(((year, self.number) for year in years), key=lambda q: abs((end_of(*q) - published).days))


def end_of(year: int, number: int) -> dt.date:
    """The last day of a quarter."""
    month = 3 * number
    return dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


@lru_cache(maxsize=4096)  # every figure of a sentence asks for the quarters of that sentence
def quarters_in(text: str, language: str) -> tuple[Quarter, ...]:
    """Every quarter named in `text`, in text order."""
    found = []
    for match in _pattern(primary(language)).finditer(text):
        number = _number(match, primary(language))
        if number is not None:
            year = next((int(value) for key, value in match.groupdict().items() if key.startswith("year") and value), None)
            year = year + 2000 if year is not None and year < 100 else year  # `Q4'23`
            found.append(Quarter(number, year, match.start(), match.end(), match.group()))
    return tuple(found)


def _number(match: re.Match[str], language: str) -> int | None:
    written = next(value for key, value in match.groupdict().items() if key.startswith("n") and value)
    if written[0].isdigit():  # `4`, `4e`, `4th`, `4-м`
        return int(written[0])
    if written.upper() in _ROMAN:
        return _ROMAN.index(written.upper()) + 1
    for number, words in enumerate(SPELLED.get(language, ()), start=1):
        if any(written.lower().startswith(word) for word in words.split("|")):
            return number
    return None


@cache
def _pattern(language: str) -> re.Pattern[str]:
    noun = _noun(language)
    spelled = "|".join(word for words in SPELLED.get(language, ()) for word in words.split("|"))
    digits = r"[1-4](?:\s?(?:st|nd|rd|th|er|e|ème|º|\.º|\.|°|-?й|-?го|-?м)(?!\w))?"
    unspaced = native_script(language) in _UNSPACED
    declined = "" if unspaced else r"\w*"  # `четвертом`; a CJK numeral runs straight into its noun
    ordinal = rf"(?:{digits}|{'|'.join(_ROMAN)}" + (rf"|(?:{spelled}){declined}" if spelled else "") + ")"
    # `fourth quarter`, `4e trimestre`, `第4四半期`, `4분기`; not `the first quarter-final`, `a second quarter-point cut`
    ordinals = [rf"(?:第|제\s?)?(?P<n1>{ordinal})[\s-]*(?:{noun}){declined}{_NOT_COMPOUND}"]
    ordinals.append(rf"(?:{noun}){declined}\s*(?:ke-?\s*)?(?P<n2>{ordinal})(?!\w)")  # `Kuartal ke-4`, `Quý 4`, `الربع الرابع`
    letters = "".join(sorted({"Q", *(_abbreviation_letter(language) or "")}))
    ordinals.append(rf"(?<!\w)[{letters}](?P<n3>[1-4])(?:\s?'?(?P<year3>\d{{2}})(?!\d))?(?!\w)")  # `Q4`, `T4`, `Q4'23`
    ordinals.append(r"(?<!\w)(?P<n4>[1-4])Q(?:\s?'?(?P<year4>\d{2})(?!\d))?(?!\w)")  # `4Q`, `4Q23`
    if language == "zh":  # `去年第四季交付`, as Hong Kong and Taiwan copy writes it: 第 makes 季 a quarter
        ordinals.append(r"第(?P<n5>[1-4一二三四])季(?!度)")
    body = "|".join(f"(?:{form})" for form in ordinals)
    before = rf"(?:{_year('year0')}\s*(?:年|년)?\s*(?:の|的)?\s*)?"
    after = rf"(?:[\s,]{{0,3}}(?:of|de|del|do|da|di|des|von|des Jahres|года)?\s{{0,2}}{_year('year9')}(?!\d)(?:\s?(?:года|г\.))?)?"
    # CJK forms are read inside running text; others only as whole words.
    edge = "" if unspaced else r"(?<!\w)"
    return re.compile(rf"{edge}{before}(?:{body}){after}", re.IGNORECASE)


def _year(group: str) -> str:
    """A written year of the calendar, as the named group `group` (a pattern holds one before and one after)."""
    return rf"(?P<{group}>(?:19|20)\d{{2}})"


@cache
def _noun(language: str) -> str:
    """The language's word for a quarter, as CLDR's names of the four write it around their numbers (`trimestre`
    of `1er trimestre` … `4e trimestre`; `四半期` of `第1四半期`; `분기` of `제 1/4분기`), less its last letter where
    the word declines (`kwartale` of `kwartał`, `çeyreğinde` of `çeyrek`); and English's in every language."""
    words = {"quarter"}
    if language in ("en", *NEWS_LANGUAGES):
        names = list(quarter_names(language, "wide").values())
        affixes = commonprefix(names) + " " + commonprefix([name[::-1] for name in names])[::-1]
        parts = [_NOT_LETTERS.sub("", part).removeprefix("第") for part in affixes.split()]
        word = max(parts, key=len, default="")
        if len(word) >= (1 if native_script(language) in _UNSPACED else 3):
            declined = declines(language) or native_script(language) == "Cyrl"  # Cyrillic languages decline it too
            words.add(re.escape(word[:-1] if declined and len(word) >= 5 else word))
    return "|".join(sorted(words, key=len, reverse=True))


_NOT_LETTERS = re.compile(r"^[\s\d.,/:º°-]+|[\s\d.,/:º°-]+$")


def _abbreviation_letter(language: str) -> str | None:
    """The letter CLDR's abbreviated quarters put before the number (`T` of `T4` in French), if any."""
    if language not in ("en", *NEWS_LANGUAGES):
        return None
    names = list(quarter_names(language, "abbreviated").values())
    found = re.fullmatch(r"([^\W\d_])[1-4]", names[-1])
    return found.group(1) if found else None

