"""Every country, from CLDR, with the adjectives news copy writes for it (`Kenyan President …`).

The authority list (rules/entities.toml) names the entities of a story in house
style; a story about any other country still needs to know that `Ugandan` is
Uganda, so a figure of `the Ugandan President's visit` is Uganda's. CLDR (through
babel) gives the country names; it has no demonyms, so the regular English forms
are derived from the name (Kenya -> Kenyan, Japan -> Japanese, Pakistan ->
Pakistani, Kazakhstan -> Kazakh) and the irregular ones listed. A derived form
two countries could claim (Niger, Nigeria -> Nigerian) is left out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from babel.core import get_global
from babel.numbers import get_territory_currencies

from factcheck.normalize.authority import EntityRule
from factcheck.cldr_names import NEWS_LANGUAGES, territories
from factcheck.normalize.folding import word_key

# Demonyms no rule derives, by CLDR's English name.
IRREGULAR = {
    "Switzerland": ["Swiss"],
    "United Kingdom": ["British", "UK"],
    "United States": ["American", "US", "U.S."],
    "France": ["French"],
    "Netherlands": ["Dutch"],
    "Greece": ["Greek"],
    "Thailand": ["Thai"],
    "Philippines": ["Filipino", "Philippine"],
    "Türkiye": ["Turkish"],
    "Poland": ["Polish"],
    "Spain": ["Spanish"],
    "Sweden": ["Swedish"],
    "Finland": ["Finnish"],
    "Denmark": ["Danish"],
    "Ireland": ["Irish"],
    "Iceland": ["Icelandic"],
    "Belgium": ["Belgian"],
    "China": ["Chinese"],
    "Portugal": ["Portuguese"],
    "Afghanistan": ["Afghan"],
    "Turkmenistan": ["Turkmen"],
    "United Arab Emirates": ["Emirati"],
    "Laos": ["Lao", "Laotian"],
    "Myanmar (Burma)": ["Burmese", "Myanmar"],
    "Madagascar": ["Malagasy"],
    "Czechia": ["Czech"],
    "Slovakia": ["Slovak"],
    "Cyprus": ["Cypriot"],
    "Peru": ["Peruvian"],
    "New Zealand": ["New Zealander"],
    "Vietnam": ["Vietnamese"],
    "Bangladesh": ["Bangladeshi"],
    "Kyrgyzstan": ["Kyrgyz"],
    "Norway": ["Norwegian"],
    "Nigeria": ["Nigerian"],
    "Niger": ["Nigerien"],
    "Pakistan": ["Pakistani"],
}
# Short names the press writes beside CLDR's, by CLDR's English name. CLDR has them as `-alt-short`
# territory names, which babel's locale data leaves out.
SHORT_NAMES = {
    "United Kingdom": ["Britain", "Great Britain", "Grande-Bretagne", "Gran Bretaña", "Grã-Bretanha", "Gran Bretagna",
                       "Großbritannien", "Британия"],
    "United States": ["USA", "United States of America", "США", "EE.UU.", "EEUU", "EUA", "ABD", "米国", "アメリカ",
                      "Amerika", "Америка"],
    "United Arab Emirates": ["UAE", "ОАЭ", "EAU", "VAE", "BAE", "EAD"],
    "Russia": ["Российская Федерация", "RF", "РФ"],
}
_SHORTEST_STEM = 4  # "Pak" is no adjective (and a slur); "Tajik", "Uzbek", "Kazakh" are
# The languages of international news whose CLDR country names are aliases of the English one, so that
# `Siria`, `Сирия`, `シリア` and `叙利亚` are Syria: the subject of a figure in any of them.
_SHORTEST_ALIAS = 3  # two letters in another language are a word there, not a country


def country_rules(listed: Sequence[EntityRule]) -> list[EntityRule]:
    """An authority entry for every CLDR country the rules do not already name, with its demonyms."""
    taken = {word_key(text) for rule in listed for text in (rule.name, *rule.aliases, *rule.variants, *rule.demonyms)}
    return [rule for rule in _all_countries() if word_key(rule.name) not in taken]


def with_country_names(listed: Sequence[EntityRule]) -> list[EntityRule]:
    """The rules, each country among them given CLDR's names of it abroad as aliases (`Türkiye`: `Turquía`, `Турция`).

    The rules' own spelling stays house style; a name abroad that the rules list as a variant stays one.
    """
    countries = {word_key(rule.name): rule for rule in _all_countries()}
    extended = []
    for rule in listed:
        known = {word_key(text) for text in (rule.name, *rule.aliases, *rule.variants, *rule.demonyms)}
        country = next((countries[key] for key in map(word_key, (rule.name, *rule.aliases)) if key in countries), None)
        if country is None or rule.kind not in ("place", "other"):
            extended.append(rule)
            continue
        abroad = [name for name in (country.name, *country.aliases) if word_key(name) not in known]
        extended.append(rule.model_copy(update={"aliases": [*rule.aliases, *abroad]}))
    return extended


@lru_cache(maxsize=1)
def _all_countries() -> tuple[EntityRule, ...]:
    names = sorted(name for code, name in territories("en").items() if code.isalpha())
    claims: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for form in _derived(name):
            claims[form].add(name)
    for name, listed in IRREGULAR.items():
        for form in listed:
            claims[form].add(name)
    rules = []
    others = _names_abroad()
    for name in names:
        demonyms = IRREGULAR.get(name, []) + sorted(f for f in _derived(name) if claims[f] == {name} and f != name)
        aliases = sorted((others.get(name, set()) | set(SHORT_NAMES.get(name, ()))) - {name, *demonyms})
        rules.append(EntityRule(name=name, kind="place", aliases=aliases, demonyms=list(dict.fromkeys(demonyms))))
    return tuple(rules)


def _names_abroad() -> dict[str, set[str]]:
    """Each English country name's names in the news languages; a name two countries share is left out."""
    english = {code: name for code, name in territories("en").items() if code.isalpha()}
    found: dict[str, set[str]] = defaultdict(set)
    owners: dict[str, set[str]] = defaultdict(set)
    for language in NEWS_LANGUAGES:
        for code, name in territories(language).items():
            words = word_key(name)
            if code in english and len(name) >= _SHORTEST_ALIAS and words and all(words):  # 'عُمان': marks split words
                found[english[code]].add(name)
                owners[word_key(name)].add(code)
    return {country: {name for name in names if len(owners[word_key(name)]) == 1} for country, names in found.items()}


@lru_cache(maxsize=1)
def _every_name() -> frozenset[tuple[str, ...]]:
    names = {word_key(name) for rule in _all_countries() for name in (rule.name, *rule.aliases, *rule.demonyms)}
    return frozenset(names)


def country_name(text: str) -> bool:
    """True when CLDR writes `text` for a country in one of the news languages (`Japón`, `Japão`, `Japon`),
    or a form of such a name with an ending of its language: the German genitive `Indonesiens`, the French
    `Indonésiens` of `Indonésie`."""
    words = word_key(text)
    if words in _every_name():
        return True
    *head, last = words or ("",)
    cuts = range(max(_SHORTEST_NAME - 1, len(last) - _LONGEST_ENDING), len(last) + 1)
    return any((*head, last[:cut]) in _stems() for cut in cuts)


_LONGEST_ENDING = 3  # letters a name's form may add after all but its last letter: -s, -ns, -ens
_SHORTEST_NAME = 5  # a shorter name (`Irak`, `Mali`) is matched only as written


@lru_cache(maxsize=1)
def _stems() -> frozenset[tuple[str, ...]]:
    """Every country name abroad less its last letter (`indonesie` of `Indonesien`), for forms with an ending."""
    return frozenset((*name[:-1], name[-1][:-1]) for name in _every_name() if name and len(name[-1]) >= _SHORTEST_NAME)


def _derived(name: str) -> set[str]:
    """The regular English adjectives of a country name (most are never written; they cost nothing)."""
    if name in IRREGULAR or not name.replace(" ", "").isalpha():
        return set()  # listed by hand, or "Congo - Kinshasa": no regular adjective
    forms = set()
    if name.endswith("a"):
        forms.add(name + "n")  # Kenyan, Ethiopian, South Korean
    if name.endswith("o"):
        forms.add(name[:-1] + "an")  # Mexican, Moroccan
    if name.endswith("y"):
        forms.add(name[:-1] + "ian")  # Italian, Hungarian
        if len(name) - 1 > _SHORTEST_STEM:
            forms.add(name[:-1])  # German (not "Ital")
    if name.endswith("stan"):
        stem = name[:-5] if name.endswith("istan") else name[:-4]
        forms.add(name + "i")  # Tajikistani
        if len(stem) > _SHORTEST_STEM:
            forms.add(stem)  # Tajik, Uzbek, Kazakh (not "Pak")
    elif name[-1] in "nlrt":
        forms |= {name + "ese", name + "ian", name + "i"}  # Japanese, Brazilian, Iranian, Egyptian, Israeli
    elif name[-1] in "qd":
        forms |= {name + "i", name + "ian"}  # Iraqi, Chadian
    return forms


@lru_cache(maxsize=64)
def country_of_currency(currency: str) -> str | None:
    """The one country (CLDR territory code) whose only legal tender is `currency`: `NPR` Nepal, `JPY` Japan;
    None for a currency several countries use (`USD`, `EUR`) or none."""
    countries = countries_of_currency(currency)
    return countries[0] if len(countries) == 1 else None


@lru_cache(maxsize=64)
def countries_of_currency(currency: str) -> tuple[str, ...]:
    """Every country (CLDR territory code) whose only legal tender is `currency`: `XOF` Senegal, Mali, Côte
    d'Ivoire…"""
    today = dt.date(2024, 1, 1)
    return tuple(
        territory
        for territory in get_global("territory_zones")
        if len(territory) == 2 and get_territory_currencies(territory, today, tender=True) == [currency]
    )
