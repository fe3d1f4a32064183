"""Money: an amount with its currency, written with a symbol, an ISO code or a currency name.

Symbols come before the amount (`$`, `US$`, `€`, `¥3tn`, `HK$`), ISO codes before or after (`USD 19bn`,
`3 trillion JPY`), currency names after (`3 trillion yen`, `5 million US dollars`, `500 billion tenge`).
Names and plurals come from CLDR through babel, with their short forms (`yen`, `tenge`, `somoni`); a short
form several currencies share (`som`, `manat`, `dollars`, `pesos`) is settled by a country named in the
sentence, else by a default, and the choice is noted with a lower confidence. A bare `$` means the
`dollar` setting (USD by default), noted; so does `¥` (JPY). Escaped `\\$` is read by cleaning.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import get_territory_currencies

from factcheck.extract.candidates import Candidate
from factcheck.extract.magnitudes import base_language, is_cjk
from factcheck.extract.numbers import Number, times
from factcheck.extract.tries import trie
from factcheck.models import ClaimKind

_CURRENCY_DATE = dt.date(2025, 1, 1)  # which currencies are legal tender: fixed, so output never depends on today
# Symbols CLDR's English data lacks or spells otherwise, and the ambiguous ones (None: the `dollar` setting).
_EXTRA_SYMBOLS = {
    "$": None, "US$": "USD", "U.S.$": "USD", "C$": "CAD", "AU$": "AUD", "S$": "SGD", "RMB": "CNY", "Rs.": "INR",
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
           "元新台幣": "TWD", "新台幣": "TWD", "新台币": "TWD", "卢布": "RUB", "韩元": "KRW", "令吉": "MYR"},
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
    return re.compile(rf"(?:(?P<symbol>{symbols})|(?<![\w$])(?P<code>[A-Z]{{3}}))[ ]?$")


@lru_cache(maxsize=None)
def _after_pattern(language: str) -> re.Pattern[str]:
    # Hundreds of names, as a trie: the engine tries only their first letters at a position, and the longest
    # name first, as the longest-first list did.
    names = {*currency_names(language), *_SUBUNITS, "dollars", "dollar", *_local_names(language)}
    alternatives = trie(sorted(names), ignorecase=True)
    # A name ends at a word boundary, or right after its last character when that is Chinese or kana
    # (`1亿美元的`: no boundary falls between 元 and 的).
    name = rf"(?P<name>{alternatives})(?:(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])|\b)"
    if base_language(language) == "en":
        return re.compile(rf"[ ]?(?:of[ ])?(?:(?P<code>(?-i:[A-Z]{{3}}))\b|{name})", re.IGNORECASE)
    symbols = "|".join(re.escape(symbol) for symbol in sorted(_symbols(language), key=len, reverse=True))
    after = rf"|(?P<symbol>{symbols})(?!\w)" if _symbol_after(language) else ""
    # An abbreviated magnitude keeps its full stop before the currency: "3,5 Mrd. Euro", "5 млн. долларов".
    return re.compile(
        rf"(?P<stop>\.(?=[ ]))?[ ]?(?:{_CONNECTORS}[ ]?)?(?:(?P<code>(?-i:[A-Z]{{3}}))\b|{name}{after})", re.IGNORECASE
    )


@lru_cache(maxsize=None)
def _local_names(language: str) -> dict[str, str | None]:
    return _LOCAL_NAMES.get(base_language(language), {})


@lru_cache(maxsize=None)
def _symbol_after(language: str) -> bool:
    """True when the language writes the currency sign after the amount (`5 €`, `41 Mrd $`), per CLDR."""
    return _locale(language).currency_formats["standard"].pattern.rstrip().endswith("¤")


def find_money(
    text: str, numbers: list[Number], sentences: Callable[[int], str], dollar: str = "USD", language: str = "en"
) -> list[Candidate]:
    """Every money amount of `text`; a bare `$` is read as `dollar` and the choice noted.

    `sentences(position)` gives the sentence around a position: a country named there settles `som` or `$`.
    """
    found = []
    before, ends = _before_pattern(language), _before_ends(language)
    for number in numbers:
        if number.suffix:
            continue
        sentence = sentences(number.start)
        near = text[max(0, number.start - 3) : number.start]
        prefix = None if ends.isdisjoint(near) else before.search(text, max(0, number.start - 6), number.start)
        currency, start, end = None, number.start, number.end
        if prefix is not None:
            currency, start = _by_prefix(prefix, dollar, language, sentence, number), prefix.start()
        if currency is None:
            currency, end = _by_suffix(text, number, dollar, language, sentence)
        if currency is not None:
            found.append(_candidate(number, currency, start, end))
    return found


def _by_prefix(
    prefix: re.Match[str], dollar: str, language: str, sentence: str, number: Number
) -> _Currency | None:
    symbol = prefix.group("symbol")
    if symbol is None:
        code = prefix.group("code")
        if code in ACRONYM_CODES and number.plain_integer and len(number.digits) <= 2:
            return None  # "COP 28" is the climate conference, not 28 Colombian pesos
        return _Currency(code) if code in _current_codes() else None
    return _by_symbol(symbol, dollar, language, sentence)


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


def _by_suffix(text: str, number: Number, dollar: str, language: str, sentence: str) -> tuple[_Currency | None, int]:
    found = _after_pattern(language).match(text, number.end)
    if found is None or (found.groupdict().get("stop") and number.magnitude is None):
        return None, number.end  # "5. Euro ist…": a full stop after a bare number ends its sentence
    if found.group("code"):
        code = found.group("code")
        return (_Currency(code) if code in _current_codes() else None), found.end()
    if found.groupdict().get("symbol"):
        return _by_symbol(found.group("symbol"), dollar, language, sentence), found.end()
    name = " ".join(found.group("name").lower().split())
    local = _local_names(language)
    if name in local:
        code = local[name]
        return (_dollar(dollar, sentence, f"'{name}'") if code is None else _Currency(code)), found.end()
    if name in ("dollar", "dollars"):
        return _dollar(dollar, sentence, f"'{name}'"), found.end()
    if name in _SUBUNITS:
        code = _SUBUNITS[name] or dollar
        return _Currency(code, (f"'{name}' read as hundredths of {code}",), factor=Decimal("0.01")), found.end()
    return _by_name(name, sentence, language, text), found.end()


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
