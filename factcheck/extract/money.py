"""Money: an amount with its currency, written with a symbol, an ISO code or a currency name.

Symbols come before the amount (`$`, `US$`, `€`, `¥3tn`, `HK$`, and letters naming the dollar: `AUD$`, `CAN$`),
or after it (`12 €`, `25$`); ISO codes before or after (`USD 19bn`, `3 trillion JPY`, `230USD`, `17 usd`), with a
magnitude stuck before or written after the code (`80 MEUR`, `60 USD million`); currency names after (`3 trillion
yen`, `5 million US dollars`, `500 billion tenge`). Codes that are English words (`ALL`, `TOP`) are words beside
capitals; `pounds` is a weight beside weighing words or in `pounds of` something, and unsure money without cues.
Names and plurals come from CLDR through babel, with their short forms (`yen`, `tenge`, `somoni`); a short
form several currencies share (`som`, `manat`, `dollars`, `pesos`) is settled by a country named in the
sentence, else by a default, and the choice is noted with a lower confidence. In a text of a time before the
euro, `francs`, `marks`, `pesetas` and `guilders` are the currencies it replaced (legacy_money.py). A bare `$` means the
`dollar` setting (USD by default), noted; so does `¥` (JPY). Escaped `\\$` is read by cleaning.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import get_territory_currencies

from factcheck.extract.candidates import Candidate
from factcheck.extract.legacy_money import era, historic, legacy_names
from factcheck.extract.magnitudes import base_language, is_cjk
from factcheck.extract.numbers import ATTACHED_CODES
from factcheck.extract.numeral import MAGNITUDES, Number, times
from factcheck.extract.tries import trie
from factcheck.models import ClaimKind

_CURRENCY_DATE = dt.date(2025, 1, 1)  # which currencies are legal tender: fixed, so output never depends on today
# Symbols CLDR's English data lacks or spells otherwise (`$US60 million`, `$A5 billion`: the Australian press's
# way), and the ambiguous ones (None: the `dollar` setting).
_EXTRA_SYMBOLS = {
    "$": None, "US$": "USD", "U.S.$": "USD", "$US": "USD", "$A": "AUD", "$NZ": "NZD", "C$": "CAD", "AU$": "AUD",
    "S$": "SGD", "RMB": "CNY", "Rs.": "INR",
    "Rs": "INR", "₸": "KZT", "₽": "RUB", "₺": "TRY", "₴": "UAH", "₦": "NGN", "₼": "AZN", "₾": "GEL", "฿": "THB",
    "Rp": "IDR", "zł": "PLN", "¥": "JPY",
}  # fmt: skip
_SYMBOL_NOTES = {"¥": "'¥' read as JPY (CN¥ or a yuan context would be CNY)"}
# A short name several currencies share means this one unless a country in the sentence says otherwise.
_DEFAULT_SHORT = {
    "pound": "GBP", "franc": "CHF", "ruble": "RUB", "rouble": "RUB", "rupee": "INR", "peso": "MXN", "dinar": "KWD",
    "riyal": "SAR", "dirham": "AED", "krone": "NOK", "kroner": "NOK", "won": "KRW", "shilling": "KES", "som": "KGS",
    "manat": "TMT", "leu": "RON", "lei": "RON", "kwacha": "ZMW", "yuan": "CNY", "renminbi": "CNY", "euro": "EUR",
    "cent": None, "dollar": None,
}  # fmt: skip
# Defaults that are what the short name means in almost all news (rubles are Russian, yuan Chinese): only noted.
_USUAL_READINGS = frozenset({"RUB", "CNY", "EUR", "INR", "KRW", "CHF", "GBP"})
# Common words that are also the last word of a currency's name: they need the full name. The Russian
# forms of "golden" are Zimbabwe's ZWG ("зимбабвийский золотой") and would read "18 золотых" medals as money.
_NOT_SHORT_NAMES = frozenset({
    "real", "mark", "kip", "won", "pound", "rand", "золотой", "золотых", "золотого", "золотым", "золотая",
})  # fmt: skip
_SUBUNITS = {"cent": None, "cents": None, "pence": "GBP", "kopecks": "RUB", "tiyn": "KZT"}
# Currency words news writes after an amount that CLDR's names lack: case forms, short forms, CJK
# names without their country. None is a dollar, read by the `dollar` setting like a bare `$`.
_LOCAL_NAMES: dict[str, dict[str, str | None]] = {
    "ru": {"доллар": None, "доллара": None, "долларов": None, "долларам": None, "евро": "EUR", "иена": "JPY",
           "иены": "JPY", "иен": "JPY", "йена": "JPY", "йены": "JPY", "йен": "JPY", "юань": "CNY", "юаня": "CNY",
           "юаней": "CNY", "рубль": "RUB", "рубля": "RUB", "рублей": "RUB", "фунт": "GBP", "фунта": "GBP",
           "фунтов": "GBP", "фунтов стерлингов": "GBP", "лира": "TRY", "лиры": "TRY", "лир": "TRY", "тенге": "KZT"},
    "fr": {"dollar": None, "dollars": None, "euro": "EUR", "euros": "EUR", "yen": "JPY", "yens": "JPY",
           "yuan": "CNY", "yuans": "CNY", "livre sterling": "GBP", "livres sterling": "GBP", "roubles": "RUB"},
    "es": {"dólar": None, "dólares": None, "euro": "EUR", "euros": "EUR", "yen": "JPY", "yenes": "JPY",
           "yuan": "CNY", "yuanes": "CNY", "libras esterlinas": "GBP", "libras": "GBP", "rublos": "RUB",
           "reales": "BRL", "pesos": "MXN"},
    "pt": {"dólar": None, "dólares": None, "euro": "EUR", "euros": "EUR", "iene": "JPY", "ienes": "JPY",
           "yuan": "CNY", "yuans": "CNY", "reais": "BRL", "libras": "GBP", "libras esterlinas": "GBP"},
    "de": {"dollar": None, "euro": "EUR", "yen": "JPY", "yuan": "CNY", "pfund": "GBP", "franken": "CHF",
           "rubel": "RUB"},
    "it": {"dollaro": None, "dollari": None, "euro": "EUR", "yen": "JPY", "yuan": "CNY", "sterline": "GBP",
           "rubli": "RUB"},
    "tr": {"dolar": None, "doları": None, "dolarlık": None, "avro": "EUR", "euro": "EUR", "yen": "JPY",
           "yuan": "CNY", "sterlin": "GBP", "lira": "TRY", "tl": "TRY", "ruble": "RUB"},
    "ja": {"ドル": None, "円": "JPY", "ユーロ": "EUR", "元": "CNY", "人民元": "CNY", "ポンド": "GBP", "ウォン": "KRW",
           "ルーブル": "RUB"},
    "zh": {"美元": "USD", "元": "CNY", "人民币": "CNY", "人民幣": "CNY", "港元": "HKD", "港币": "HKD", "港幣": "HKD",
           "日元": "JPY", "日圆": "JPY", "日圓": "JPY", "欧元": "EUR", "歐元": "EUR", "英镑": "GBP", "英鎊": "GBP",
           "元新台幣": "TWD", "元新台币": "TWD", "新台幣": "TWD", "新台币": "TWD", "元台幣": "TWD", "元台币": "TWD",
           "台幣": "TWD", "台币": "TWD", "元港幣": "HKD", "元港币": "HKD", "元人民幣": "CNY", "元人民币": "CNY",
           "卢布": "RUB", "韩元": "KRW", "令吉": "MYR"},
    "ko": {"달러": None, "원": "KRW", "엔": "JPY", "유로": "EUR", "위안": "CNY"},
    "ar": {"دولار": None, "يورو": "EUR", "جنيه استرليني": "GBP", "جنيه إسترليني": "GBP", "ين": "JPY",
           "يوان": "CNY", "ليرة": "TRY"},
}  # fmt: skip
ACRONYM_CODES = frozenset({"COP", "ALL", "TOP", "CUP"})  # ISO codes news also writes as acronyms or words
_CONNECTORS = r"(?:of|de|d['’]|di|do|dos|del)"  # "4 milliards de dollars", "100 millions d’euros"
_OTHER_DOLLAR_PLACES = re.compile(
    r"\b(?:Austral|Canad|Hong Kong|New Zealand|Singapor|Taiwan|Mexic|Argentin|Chile|Colombi|Liberi|Namibi|Jamaic|Fiji)"
)


@dataclass(frozen=True, slots=True)
class _Currency:
    code: str
    notes: tuple[str, ...] = ()
    confidence: float = 1.0
    factor: Decimal = Decimal(1)
    generic: bool = False  # `cents`: hundredths of whichever currency the amount before names


@lru_cache(maxsize=None)
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))  # BCP 47 `pt-BR` is CLDR `pt_BR`
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


@lru_cache(maxsize=None)
def _current_codes() -> frozenset[str]:
    english = _locale("en")
    codes: set[str] = set()
    for territory in english.territories:
        codes.update(get_territory_currencies(territory, _CURRENCY_DATE, tender=True, non_tender=False))
    return frozenset(codes)


@lru_cache(maxsize=None)
def currency_names(language: str = "en") -> dict[str, tuple[str, ...]]:
    """Lower-case currency names, plurals and short forms from CLDR -> the ISO codes they may mean."""
    locale = _locale(language)
    names: dict[str, set[str]] = {}
    plurals = locale._data["currency_names_plural"]
    for code in _current_codes():
        written = [locale.currencies.get(code, code), *plurals.get(code, {}).values()]
        for name in written:
            names.setdefault(name.lower(), set()).add(code)
            short = name.split()[-1].lower()
            if short not in _NOT_SHORT_NAMES and len(name.split()) > 1:
                names.setdefault(short, set()).add(code)
    for short, code in _DEFAULT_SHORT.items():
        if code is not None:
            for form in (short, short + "s"):
                names.setdefault(form, set()).add(code)
    return {name: tuple(sorted(codes)) for name, codes in names.items()}


@lru_cache(maxsize=None)
def _symbols(language: str) -> dict[str, str | None]:
    symbols: dict[str, str | None] = {}
    for code, symbol in _locale(language).currency_symbols.items():
        if symbol != code and code in _current_codes() and not symbol.isalpha():
            symbols[symbol] = code
    symbols.update(_EXTRA_SYMBOLS)
    if base_language(language) == "zh":
        symbols["¥"] = "CNY"  # in Chinese copy ¥ is the yuan's sign
    return symbols


def is_currency_symbol(word: str) -> bool:
    """True for a currency sign English copy writes before amounts, letters included (`Rs`, `Rp`, `RMB`, `US$`)."""
    return word in _symbols("en")


@lru_cache(maxsize=None)
def _territory_words() -> dict[str, tuple[str, ...]]:
    """ISO code -> lower-case stems of the places that use it (`kyrgy`, `uzbek`), to settle short names."""
    english = _locale("en")
    stems: dict[str, set[str]] = {}
    for territory, name in english.territories.items():
        for code in get_territory_currencies(territory, _CURRENCY_DATE, tender=True, non_tender=False):
            stems.setdefault(code, set()).add(name.lower()[:5])
    for code in _current_codes():
        stems.setdefault(code, set()).add(english.currencies.get(code, code).lower()[:5])
    return {code: tuple(sorted(words)) for code, words in stems.items()}


@lru_cache(maxsize=None)
def _before_ends(language: str) -> frozenset[str]:
    """The characters a symbol or code before an amount can end with: one of them stands in the three
    characters before the amount (`$5`, `€ 5`, `USD 5`, or a space and line break between) or none is there."""
    return frozenset(symbol[-1] for symbol in _symbols(language)) | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@lru_cache(maxsize=None)
def _before_pattern(language: str) -> re.Pattern[str]:
    symbols = "|".join(re.escape(s) for s in sorted(_symbols(language), key=len, reverse=True))
    # Letters before a `$` name the dollar (`AUD$`, `CAD$`, `CAN$`, `NZ$`): tried first, so `AUD$5` is not `$5`.
    dollar = r"(?<![\w$])(?P<dollar>[A-Z]{2,3})\$"
    return re.compile(rf"(?:{dollar}|(?P<symbol>{symbols})|(?<![\w$])(?P<code>[A-Z]{{3}}))[ ]?$")


@lru_cache(maxsize=None)
def _prefixed_dollar(letters: str, language: str) -> str | None:
    """The currency `letters` + `$` names: a symbol CLDR knows (`HK$`, `NT$`), an ISO code (`AUD$`, `MXN$`), or a
    country by its two- or three-letter code whose currency is written with `$` (`NZ$`, `CAN$`); else None."""
    symbols = _symbols(language)
    if letters + "$" in symbols:
        return symbols[letters + "$"]
    if letters in _current_codes():
        return letters if _written_with_dollar(letters) else None
    aliases = get_global("territory_aliases").get(letters, [letters]) if len(letters) == 3 else [letters]
    codes = get_territory_currencies(aliases[0], _CURRENCY_DATE, tender=True, non_tender=False) if aliases else []
    return codes[0] if codes and _written_with_dollar(codes[0]) else None


def _written_with_dollar(code: str) -> bool:
    """True for a currency CLDR names a dollar or peso, or writes with `$` (`R$`): what `XX$` may stand for."""
    english = _locale("en")
    name = english.currencies.get(code, "").lower()
    return "$" in english.currency_symbols.get(code, "") or "dollar" in name or "peso" in name


def after_names(language: str) -> set[str]:
    """Every currency name an amount may be followed by in `language`: CLDR's, the subunits, the local forms, and
    in English the currencies the euro replaced."""
    names = {*currency_names(language), *_SUBUNITS, "dollars", "dollar", *_local_names(language)}
    return names | set(legacy_names()) if base_language(language) == "en" else names


@lru_cache(maxsize=None)
def _after_pattern(language: str) -> re.Pattern[str]:
    # Hundreds of names, as a trie: the engine tries only their first letters at a position, and the longest
    # name first, as the longest-first list did.
    alternatives = trie(sorted(after_names(language)), ignorecase=True)
    # A name ends at a word boundary, or right after its last character when that is Chinese or kana
    # (`1亿美元的`: no boundary falls between 元 and 的).
    name = rf"(?P<name>{alternatives})(?:(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])|\b)"
    symbols = "|".join(re.escape(symbol) for symbol in sorted(_symbols(language), key=len, reverse=True))
    if base_language(language) == "en":
        return re.compile(rf"[ ]?(?:of[ ])?(?:{_ENGLISH_CODE}|{name}|{_english_signs_after()})", re.IGNORECASE)
    after = rf"|(?P<symbol>{symbols})(?!\w)" if _symbol_after(language) else ""
    # An abbreviated magnitude keeps its full stop before the currency: "3,5 Mrd. Euro", "5 млн. долларов".
    return re.compile(
        rf"(?P<stop>\.(?=[ ]))?[ ]?(?:{_CONNECTORS}[ ]?)?(?:(?P<code>(?-i:[A-Z]{{3}}))\b|{name}{after})", re.IGNORECASE
    )


# An ISO code after an amount, maybe with a magnitude stuck before it (`80 MEUR`, `45 MUSD`, `2 kEUR`) or written
# after it (`60 USD million`); the codes news sticks to amounts also in lower case (`17 usd`, `230usd`).
_LOWER_CODES = trie(sorted(code.lower() for code in ATTACHED_CODES))
_ENGLISH_CODE = (
    rf"(?P<code>(?-i:(?P<prefixed>k|K|M|MM|bn|BN|mn|MN)?[A-Z]{{3}}|(?:{_LOWER_CODES})))\b"
    r"(?:[ ](?P<later>million|billion|trillion|thousand|mln|bln|mn|bn)\b)?"
)


def _english_signs_after() -> str:
    """The currency signs English copy also writes after an amount (`12 €`, `25$`), as a pattern group: a sign
    followed by a letter, digit or a spaced digit (`10 € 20`) belongs to what comes next."""
    signs = [symbol for symbol in _symbols("en") if any(unicodedata.category(char) == "Sc" for char in symbol)]
    return rf"(?P<symbol>{'|'.join(re.escape(sign) for sign in sorted(signs, key=len, reverse=True))})(?!\w|[ ]\d)"


@lru_cache(maxsize=None)
def _local_names(language: str) -> dict[str, str | None]:
    return _LOCAL_NAMES.get(base_language(language), {})


@lru_cache(maxsize=None)
def _symbol_after(language: str) -> bool:
    """True when the language writes the currency sign after the amount (`5 €`, `41 Mrd $`), per CLDR."""
    return _locale(language).currency_formats["standard"].pattern.rstrip().endswith("¤")


def find_money(
    text: str,
    numbers: list[Number],
    sentences: Callable[[int], str],
    dollar: str = "USD",
    language: str = "en",
    published: dt.date | None = None,
) -> list[Candidate]:
    """Every money amount of `text`; a bare `$` is read as `dollar` and the choice noted.

    `sentences(position)` gives the sentence around a position: a country named there settles `som` or `$`, and a
    year named there (else the source's date, `published`) dates `francs` before or after the euro.
    """
    found = []
    before, ends, after = _before_pattern(language), _before_ends(language), _after_pattern(language)
    for number in numbers:
        if (number.suffix and number.suffix.upper() not in ATTACHED_CODES) or number.share:
            continue  # `230USD` is money; `2KR`, `5G` are not, nor `half of dollars` a sum
        near = text[max(0, number.start - 3) : number.start]
        prefix = None if ends.isdisjoint(near) else before.search(text, max(0, number.start - 6), number.start)
        written_after = after.match(text, number.end)
        if prefix is None and written_after is None:
            continue  # most numbers: no currency before or after, and no sentence to cut out
        sentence = sentences(number.start)
        currency, start, end = None, number.start, number.end
        if prefix is not None:
            currency, start = _by_prefix(text, prefix, dollar, language, sentence, number), prefix.start()
            if currency is None and prefix.group("dollar"):  # "XYZ$50": letters that name no dollar
                currency, start = _dollar(dollar, sentence, "'$'"), prefix.end("dollar")
        if currency is None:
            currency, end = _by_suffix(text, number, written_after, dollar, language, sentence, published)
        if currency is not None:
            found.append((_candidate(number, currency, start, end), currency))
    return _with_subunits(text, found)


_BETWEEN_UNITS = re.compile(r",?[ ](?:and[ ])?")


def _with_subunits(text: str, found: list[tuple[Candidate, _Currency]]) -> list[Candidate]:
    """The amounts, an amount and the cents right after it read as one (`4 dollars 20 cents`, `5 euros 50 cents`).

    `found` pairs each amount with its currency: a factor of 0.01 is cents, pence or kopecks, and generic cents
    are hundredths of the amount's currency.
    """
    joined: list[Candidate] = []
    for candidate, currency in found:
        previous = joined[-1] if joined else None
        if (
            currency.factor == Decimal("0.01")
            and previous is not None
            and (previous.unit == candidate.unit or currency.generic)
            and previous.high is None
            and candidate.high is None
            and previous.value == previous.value.to_integral()
            and candidate.value < 1
            and _BETWEEN_UNITS.fullmatch(text, previous.end, candidate.start)
        ):
            note = f"'{text[previous.start : candidate.end]}' read as one amount"
            joined[-1] = previous._replace(
                end=candidate.end, value=previous.value + candidate.value, precision=currency.factor,  # to the cent
                notes=previous.notes + (candidate.notes if not currency.generic else ()) + (note,),
            )  # fmt: skip
        else:
            joined.append(candidate)
    return joined


def _by_prefix(
    text: str, prefix: re.Match[str], dollar: str, language: str, sentence: str, number: Number
) -> _Currency | None:
    letters = prefix.group("dollar")
    if letters is not None:
        code = _prefixed_dollar(letters, language)
        return _Currency(code) if code is not None else None
    symbol = prefix.group("symbol")
    if symbol is None:
        code = prefix.group("code")
        if code in ACRONYM_CODES and number.plain_integer and len(number.digits) <= 2:
            return None  # "COP 28" is the climate conference, not 28 Colombian pesos
        if code in ACRONYM_CODES and _shouted(text, prefix.start(), number.end):
            return None  # "ALL 300 PASSENGERS": a word in capitals, not 300 Albanian lek
        return _Currency(code) if code in _current_codes() else None
    return _by_symbol(symbol, dollar, language, sentence)


_CAPITALS_BEFORE = re.compile(r"\b[A-Z]{2,}[ ]?$")
_CAPITALS_AFTER = re.compile(r"[ ]?[A-Z]{2,}\b")


def _shouted(text: str, start: int, end: int) -> bool:
    """True when a word in capitals stands right before `start` or after `end`: a headline or a shout, where
    `ALL`, `TOP` and `CUP` are words."""
    if _CAPITALS_AFTER.match(text, end) is not None:
        return True
    return _CAPITALS_BEFORE.search(text, max(0, start - 20), start) is not None


def _by_symbol(symbol: str, dollar: str, language: str, sentence: str) -> _Currency:
    code = _symbols(language)[symbol]
    if code is None:
        return _dollar(dollar, sentence, "'$'")
    note = _SYMBOL_NOTES.get(symbol) if code == "JPY" else None
    return _Currency(code, (note,) if note else ())


def _dollar(dollar: str, sentence: str, written: str) -> _Currency:
    if _OTHER_DOLLAR_PLACES.search(sentence):
        return _Currency(dollar, (f"{written} read as {dollar}, but the sentence names another dollar country",), 0.6)
    return _Currency(dollar, (f"{written} read as {dollar}",))


def _by_suffix(
    text: str,
    number: Number,
    found: re.Match[str] | None,
    dollar: str,
    language: str,
    sentence: str,
    published: dt.date | None = None,
) -> tuple[_Currency | None, int]:
    """The currency written after an amount (`found`, the match of `_after_pattern` there), and where it ends."""
    if found is None or (found.groupdict().get("stop") and number.magnitude is None):
        return None, number.end  # "5. Euro ist…": a full stop after a bare number ends its sentence
    if found.group("code"):
        return _by_code_after(text, number, found)
    if found.groupdict().get("symbol"):
        return _by_symbol(found.group("symbol"), dollar, language, sentence), found.end()
    name = " ".join(found.group("name").lower().split())
    if name in ("pound", "pounds"):
        return _pounds(text, found.end(), sentence), found.end()
    local = _local_names(language)
    if name in local:
        code = local[name]
        return (_dollar(dollar, sentence, f"'{name}'") if code is None else _Currency(code)), found.end()
    if name in ("dollar", "dollars"):
        return _dollar(dollar, sentence, f"'{name}'"), found.end()
    if name in _SUBUNITS:
        code = _SUBUNITS[name] or dollar
        note = f"'{name}' read as hundredths of {code}"
        return _Currency(code, (note,), factor=Decimal("0.01"), generic=_SUBUNITS[name] is None), found.end()
    if name in legacy_names():
        old = _historic(name, sentence.replace(text[number.start : number.end], " "), published, text)
        if old is not None:
            return old, found.end()
    return _by_name(name, sentence, language, text), found.end()


def _historic(name: str, sentence: str, published: dt.date | None, document: str) -> _Currency | None:
    """The currency the euro replaced that `name` means in a text of its time, or None (today's currency): a
    country of today's currency of that name named in the sentence keeps today's (`Swiss francs` in 1950)."""
    today = currency_names("en").get(name, ())
    if today and _named(today, sentence.lower().replace(name.removesuffix("s"), " ")):
        return None
    reading = historic(name, today, era(sentence, published), sentence, document)
    return _Currency(reading.code, reading.notes, reading.confidence) if reading else None


def _by_code_after(text: str, number: Number, found: re.Match[str]) -> tuple[_Currency | None, int]:
    """An ISO code after an amount, with the magnitude stuck before it or written after it (`80 MEUR`,
    `60 USD million`): only for an amount that has none of its own."""
    groups = found.groupdict()
    prefixed, later = groups.get("prefixed"), groups.get("later")
    code = found.group("code")[len(prefixed or "") :].upper()
    if code in ACRONYM_CODES and _shouted(text, number.start, found.end()):
        return None, number.end  # "WIN 5 TOP PRIZES"
    if code not in _current_codes() or (prefixed and number.magnitude is not None):
        return None, number.end
    if number.magnitude is not None:
        later = None  # "5 million USD million": a slip; the amount's own magnitude stands
    end = found.end() if later else found.end("code")
    magnitude = (prefixed or later or "").lower()
    return _Currency(code, factor=MAGNITUDES[magnitude] if magnitude else Decimal(1)), end


def _by_name(name: str, sentence: str, language: str, document: str = "") -> _Currency | None:
    """The currency a name means; a name several share (`dirhams`) by the country its sentence, else its
    source, names alone."""
    codes = currency_names(language).get(name, ())
    if len(codes) == 1:
        return _Currency(codes[0])
    for where, context in (("the sentence", sentence), ("the source", document)):
        named = _named(codes, context)
        if len(named) == 1:
            return _Currency(named[0], (f"'{name}' read as {named[0]} from the country named in {where}",))
        if named:
            break  # two of its countries named: the source does not settle it
    default = _DEFAULT_SHORT.get(name.removesuffix("s")) or _DEFAULT_SHORT.get(name)
    if default is None:
        return None
    confidence = 0.9 if default in _USUAL_READINGS else 0.6
    return _Currency(default, (f"'{name}' is ambiguous; read as {default}",), confidence)


# `pounds` is a weight as often as money: `pounds of` something that is not money, or weighing words in the
# sentence, make it a weight (the measure finder reads it as lb); money words in the sentence make it sterling.
_WEIGHT_WORDS = re.compile(
    r"\b(?:weigh\w*|weight\w*|heav(?:y|ier|iest)|lbs?|ounces?|kilo(?:gram)?s?|kg|stone)\b",
    re.IGNORECASE,
)
_MONEY_WORDS = re.compile(
    r"[£$€]|\b(?:sterling|cost\w*|pa(?:y|id|ys)\w*|pric\w*|worth|fine[ds]?|salar\w*|wages?|budget\w*|fund\w*"
    r"|spen[dt]\w*|invest\w*|raised?|sold|bought|buy|sell\w*|bill|debts?|loans?|tax\w*|fees?|earn\w*|profit\w*|revenue\w*)\b",
    re.IGNORECASE,
)


_MONEY_AFTER_OF = re.compile(r"\b(?:money|cash|sterling|funds?|savings|taxpayers)\b", re.IGNORECASE)


def _pounds(text: str, end: int, sentence: str) -> _Currency | None:
    """`pounds` after an amount: a weight (None, for the measure finder), sterling, or sterling unsure."""
    if text.startswith(" of ", end):  # "200 pounds of cocaine", but "30 pounds of taxpayers' money"
        weight = _MONEY_AFTER_OF.search(text, end + 4, end + 40) is None
        money = not weight
    else:
        weight = _WEIGHT_WORDS.search(sentence) is not None
        money = _MONEY_WORDS.search(sentence) is not None
    if weight and not money:
        return None
    currency = _by_name("pounds", sentence, "en", text)
    if money or currency is None:
        return currency
    note = "'pounds' may be a weight (lb); read as money"
    return _Currency(currency.code, currency.notes + (note,), min(currency.confidence, 0.6))


def _named(codes: tuple[str, ...], context: str) -> list[str]:
    lowered = context.lower()
    return [code for code in codes if any(stem in lowered for stem in _territory_words().get(code, ()))]


def _candidate(number: Number, currency: _Currency, start: int, end: int) -> Candidate:
    high = number.high
    factor = currency.factor
    return Candidate(
        kind=ClaimKind.MONEY,
        start=start,
        end=end,
        value=times(number.value, factor),
        unit=currency.code,
        precision=times(number.precision, factor),
        high=times(high.value, factor) if high else None,
        high_precision=times(high.precision, factor) if high else None,
        role="range" if high else None,
        notes=number.notes + currency.notes,
        confidence=currency.confidence,
    )
