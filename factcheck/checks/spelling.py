"""spelling: one entity written two ways, across sources or inside one.

Spellings compete only within one language: `Japón` and `Japan`, `Москва` and `Moscow`,
`Congrès` and `Congress` are the name in two languages, never a misspelling. A name in a
script not its source's own (Latin letters in a Korean article) is the borrowed international
form and competes with the English one (factcheck/scripts.py). Inflections are the same name
too: a plural or feminine ending (`Independent Charges`, `Bleues`), a case ending in another
script (`Китая` of `Китай`), and any two forms the dictionary of the source's language gives one lemma
(factcheck/lemmas.py: `Toten`/`Toter`, since German capitalises every noun). Romanisations that differ
only by a press convention (`ou`/`u` of French and English transcription, `v`/`w`: `Taroudant`/`Tarudant`, `Bhavan`/`Bhawan`) are reported as
information, like differences of capitals and punctuation; so are forms that differ only in vowels and doubled
letters, in a word the story writes three ways or more (`Amirabdollahian`, `Amirabdolahian`, `Amirabdollahiyan`):
a name romanised from another script, each writer choosing its vowels. So are two forms alone in a story of a
country whose script leaves vowels to the romaniser (an abjad or an Indic script: Iran's `Hossein`, `Hussein`;
Bangladesh's `Akhtar`, `Akhter`; and the abjad letters romanised two ways, `kh`/`h`, `gh`/`q`: `Ghalibaf`, `Qalibaf`),
the country known by the story's currency (`IRR`, `BDT`). Elsewhere two forms are
a typo and its correction (`Milei`, `Miley`). A vowel moved across a consonant or dropped is a typo everywhere
(`Sudrashan`, `Wayand`). The country is where the story happens, not where each name comes from: a World Cup in
Qatar excuses `Leonel` for `Lionel Messi`.

Across languages of the Latin script one case is still a misspelling: a form only one source
writes, against a form sources in two or more other languages share, when no transliteration
convention of any of them explains the difference and only one word differs (`Azial` in an
Italian article, `Azilal` in English, French and Spanish ones; `Castille-La Manche` is French for
`Castilla-La Mancha`, each word translated). `Tokio`/`Tokyo` or `Zelenski`/`Zelensky` are conventions, and
stay unreported; so is a form with a letter of its language's own alphabet that the others do not write
(Azerbaijani `Təbriz`, Polish `Chersoń`: the name in that language, letters from CLDR); so are two case forms of
a name the story also writes bare (German `Exxons`, Polish `Exxonu`, beside `Exxon`). A person's name one typo off in one word (`Kasuo Ueda`, `Kazuo Ueda`) is a misspelling
even against the form of one other language: names of people are not translated.

Two things are never a misspelling within one language: a form that sources of two or more languages write
(`Tainan` beside `Taiwan`: a typo is one writer's accident), and two single words each in a dictionary of
their sources' languages or English (`Parti`, `Party`: capitalised common words, not a name).
"""

from __future__ import annotations

import re
from os.path import commonprefix

from anyascii import anyascii
from pydantic import Field
from rapidfuzz.distance import OSA

from factcheck.checks import Check, CheckConfig, register
from factcheck.checks.base import StoryFacts
from factcheck.normalize.cities import same_city
from factcheck.normalize.clusters import similar
from factcheck.normalize.countries import country_name, countries_of_currency
from factcheck.normalize.folding import word_key
from factcheck.normalize.inflection import declines, longest_ending
from factcheck.lemmas import known_word, same_lemma
from factcheck.scripts import AMBIGUOUS_VOWELS, UNWRITTEN_VOWELS, alphabet, country_script, script_of, writing
from factcheck.models import Entity, Finding, Role, Severity, Spelling


class SpellingConfig(CheckConfig):
    """How to treat spellings that differ only in capitals or punctuation."""

    style_only_severity: Severity = Field(
        default=Severity.INFO,
        description="Severity when spellings differ only in capitals, spaces or punctuation ('+' or 'plus').",
    )


def run(story: StoryFacts, config: SpellingConfig) -> list[Finding]:
    """One finding per entity and language in which it is written in more than one competing way,
    and one per form a single source writes against the form other languages share."""
    made: list[tuple[Finding, list[Spelling]]] = []  # each finding with the spellings it reports as wrong
    for entity in story.entities:
        reported = set()
        spoken = _languages(story, entity)
        for language, written in in_each_language(story, entity):
            variants = competing(written, language)
            if len(variants) > 1:
                preferred = _preferred(written, variants)
                variants = [v for v in variants if v.text == preferred or len(spoken[v.text]) < NAME_LANGUAGES]
            if len(variants) > 1 and not _all_words(variants, language):
                romanised = _romanised(entity, variants, _home_script(story))
                wrong = [v for v in variants if v.text != _preferred(written, variants)]
                made.append((_finding(story, written, variants, config, romanised=romanised), wrong))
                reported.update(variant.text for variant in variants)
        for lone, shared in across_languages(entity, spoken):
            if lone.text not in reported:
                pair = entity.model_copy(update={"spellings": (lone, shared)})
                romanised = _romanised(entity, [lone, shared], _home_script(story))
                finding = _finding(story, pair, [lone, shared], config, identity=(entity.id, lone.text), romanised=romanised)
                made.append((finding, [lone]))
    return [finding for finding, wrong in made if not _inside_another(wrong, [other for _, other in made])]


def _inside_another(wrong: list[Spelling], reported: list[list[Spelling]]) -> bool:
    """True when every wrong spelling is the last words of one another finding reports in the same sources
    (`Sanko` of an article that also writes `Ousmane Sanko`): one typo, reported once, with the whole name."""
    longer = [spelling for others in reported if others is not wrong for spelling in others]
    return bool(wrong) and all(
        any(other.text.endswith(" " + spelling.text) and set(spelling.sources) <= set(other.sources) for other in longer)
        for spelling in wrong
    )


def _all_words(variants: list[Spelling], language: str | None) -> bool:
    """True when every variant is one word the dictionary of its language or English lists (`Parti`, `Party`):
    capitalised common words, not a name written two ways. Asked last: it may load a dictionary."""
    if any(len(re.findall(r"\w+", v.text)) != 1 for v in variants):
        return False
    tags = {"en"} | ({language} if language else set())
    return all(any(known_word(v.text, tag) for tag in sorted(tags)) for v in variants)


# A form that sources of this many languages write is a name of its own (`Tainan` beside `Taiwan`): a typo is
# one writer's accident, and writers of two languages rarely make the same one.
NAME_LANGUAGES = 2


def _languages(story: StoryFacts, entity: Entity) -> dict[str, set[str]]:
    """Each spelling of the entity, with the languages (writing keys, see `_writing`) of the sources that write it."""
    return {s.text: {_writing(story, s, m) for m in s.mentions} for s in entity.spellings}


def across_languages(entity: Entity, languages: dict[str, set[str]]) -> list[tuple[Spelling, Spelling]]:
    """(lone, shared) pairs: a Latin form one source writes, a competing form of two other languages (of one,
    for a person's name one typo off: `_typo_of`); `languages` gives each spelling's languages (`_languages`).

    Only when no transliteration convention explains the difference (`international`).
    """
    pairs = []
    for lone in entity.spellings:
        if lone.form == "alias" or len(lone.sources) != 1 or len(languages[lone.text]) != 1 or not _latin(lone.text):
            continue
        if country_name(lone.text):
            continue  # `Japón` of a Spanish source is the country's name in Spanish
        for shared in entity.spellings:
            others = languages[shared.text] - languages[lone.text]
            if shared is lone or shared.form == "alias" or not others or not _latin(shared.text):
                continue
            if any(pair == (shared, lone) for pair in pairs):
                continue  # two lone forms of one source each: one pair, reported once
            if not (_compete(lone.text, shared.text) and _one_word_off(lone.text, shared.text)):
                continue
            if not similar(word_key(lone.text), word_key(shared.text)):
                continue  # `Moskwa`, `Moskva` beside `Moscou`: another language's name, not a typo of this one
            if _case_form(lone.text, shared.text, _language(next(iter(languages[lone.text])))):
                continue  # Croatian `u Malmeu` of `Malmo`: the name declined, not misspelt
            if _endings_of_one_name(entity, lone.text, shared.text):
                continue  # German `Exxons`, Polish `Exxonu`, beside `Exxon`: two cases of one name
            if _own_letters(lone, others, languages):
                continue  # Azerbaijani `Təbriz`, Polish `Chersoń`: the name in its language's own alphabet
            # Last, as they may load a language's dictionary: the lone form may be its language's own name for the
            # place (German `TAIPEH`); against one other language, only a person's typo is one.
            if _own_name(lone, shared, languages):
                continue
            if len(others) >= 2 or _typo_of(entity, lone, shared, languages):
                pairs.append((lone, shared))
                break
    return pairs


def _own_letters(lone: Spelling, others: set[str], languages: dict[str, set[str]]) -> bool:
    """True when the lone form has a letter of its language's alphabet that neither English nor any of the
    `others` languages writes (CLDR's names in each language: factcheck/scripts.py)."""
    language = _language(next(iter(languages[lone.text])))
    if language is None:
        return False
    foreign = alphabet("en").union(*(alphabet(key) for key in others if _language(key)))
    own = alphabet(language) - foreign
    return any(char in own for char in lone.text.lower())


def _own_name(lone: Spelling, shared: Spelling, languages: dict[str, set[str]]) -> bool:
    """True when the words only the lone form writes are in its language's dictionary: `Taipeh`, `Mailand`."""
    language = _language(next(iter(languages[lone.text])))
    words = [w for w in _differing(lone.text, shared.text) if w in lone.text]
    if language is None or not words:
        return False
    return all(known_word(word, language) or known_word(word.title(), language) for word in words)


def _typo_of(entity: Entity, lone: Spelling, shared: Spelling, languages: dict[str, set[str]]) -> bool:
    """A person's name one typo off the form another language writes, the typo in no dictionary of either.

    Places and organisations are translated (`Nuova Delhi`, `Nueva Delhi`); so is a word of a name that
    either language's dictionary lists.
    """
    if entity.kind in ("place", "organisation") or not _one_letter_off(lone.text, shared.text):
        return False
    tags = languages[lone.text] | languages[shared.text]
    differing = _differing(lone.text, shared.text)
    return not any(known_word(word, tag) or known_word(word.lower(), tag) for word in differing for tag in tags)


def _differing(first: str, second: str) -> list[str]:
    """The words, as written, that one of two names has and the other has not."""
    a, b = re.findall(r"\w+", first), re.findall(r"\w+", second)
    return [w for w in a if w not in b] + [w for w in b if w not in a]


SHORTEST_TYPO_WORD = 4  # letters: `el`/`al` of Arabic names, `Li`/`Le` of Chinese and Vietnamese ones are conventions


def _one_letter_off(lone: str, shared: str) -> bool:
    """True for a given and family name one typo apart in one word, the others equal (`Kasuo Ueda`, `Kazuo Ueda`).

    Languages translate place names (`Lisboa`, `Lisbon`) and transliterate Russian or Arabic ones their own
    way, but they write a person's name in the Latin script as it is: one letter changed, added, dropped or
    swapped in one word of it is a typo, even when only one other language writes it otherwise.
    """
    words_a, words_b = _words(lone), _words(shared)
    if len(words_a) < 2 or len(words_a) != len(words_b):
        return False
    differing = [(a, b) for a, b in zip(words_a, words_b) if a != b]
    if len(differing) != 1 or min(map(len, differing[0])) < SHORTEST_TYPO_WORD:
        return False
    a, b = differing[0]
    # Vowels are where transliterations from Arabic, Persian or Russian part (`Mohammed`, `Mohammad`, `Alexei`).
    return OSA.distance(a, b) == 1 and _consonants(a) != _consonants(b)


def _consonants(word: str) -> str:
    return re.sub(r"[aeiouy]", "", word)


def _one_word_off(lone: str, shared: str) -> bool:
    """True when one word alone differs, and no transliteration habit explains it.

    A typo hits one word; a translation changes each (`Castille-La Manche` for `Castilla-La Mancha`).
    """
    differing = [(a, b) for a, b in zip(_words(lone), _words(shared)) if a != b]
    return len(differing) == 1 and international(differing[0][0]) != international(differing[0][1])


def _case_form(lone: str, shared: str, language: str | None) -> bool:
    """True when every word `lone` writes otherwise is a case form, in its declining `language`, of `shared`'s."""
    differing = [(a, b) for a, b in zip(_words(lone), _words(shared)) if a != b]
    return declines(language) and all(_inflection(a, b, language) for a, b in differing)


def _endings_of_one_name(entity: Entity, lone: str, shared: str) -> bool:
    """True when each word the two write otherwise is one stem with two short endings, and a third spelling of the
    name writes that stem bare: each form is a case of the name in its own language (`Exxons`, `Exxonu` beside
    `Exxon`), where a letter dropped is a typo (`Padan`, `Padang`)."""
    others = (spelling.text for spelling in entity.spellings if spelling.text not in (lone, shared))
    bare = {word for text in others for word in _words(text)}
    differing = [(a, b) for a, b in zip(_words(lone), _words(shared)) if a != b]
    return bool(differing) and all(_endings_of(a, b, bare) for a, b in differing)


def _endings_of(a: str, b: str, bare: set[str]) -> bool:
    stem = commonprefix([a, b])
    endings = a[len(stem) :], b[len(stem) :]
    return len(stem) >= _STEM and stem in bare and all(0 < len(end) <= _CASE_ENDING for end in endings)


_CASE_ENDING = 2  # letters: `-s`, `-u`, `-em`, `-ie` of the Latin-script languages that decline names


def _latin(text: str) -> bool:
    return script_of(text) in (None, "Latn")


def in_each_language(story: StoryFacts, entity: Entity) -> list[tuple[str | None, Entity]]:
    """(language, entity) as the sources of each language write it: its spellings restricted to their mentions.

    The language is None for a name borrowed in a script its sources do not write (`borrowed:Cyrl`).
    """
    keys = sorted({_writing(story, s, m) for s in entity.spellings for m in s.mentions})
    if len(keys) <= 1:
        return [(_language(key), entity) for key in keys[:1]] or [(None, entity)]
    return [(_language(key), _restricted(story, entity, key)) for key in keys]


def _language(key: str) -> str | None:
    return None if key.startswith("borrowed:") else key


def _writing(story: StoryFacts, spelling: Spelling, mention) -> str:
    return writing(spelling.text, story.source_by_id[mention.source].language)


def _restricted(story: StoryFacts, entity: Entity, key: str) -> Entity:
    spellings = []
    for spelling in entity.spellings:
        mentions = tuple(m for m in spelling.mentions if _writing(story, spelling, m) == key)
        if mentions:
            sources = tuple(sorted({m.source for m in mentions}))
            spellings.append(spelling.model_copy(update={"mentions": mentions, "count": len(mentions), "sources": sources}))
    return entity.model_copy(update={"spellings": tuple(spellings)})


def competing(entity: Entity, language: str | None = None) -> list[Spelling]:
    """Spellings that compete: the same name written differently, not a short form or an alias.

    Aliases listed in rules (abbreviations, other scripts) never compete; nor do a surname
    and the full name (`Ahmed`, `Josephine Ahmed`), nor a name and its adjective
    (`East Africa`, `East African`), nor two forms of one word in the `language` the
    spellings are written in (`Toten`, `Toter`).
    """
    spellings = [spelling for spelling in entity.spellings if spelling.form != "alias"]
    return [s for s in spellings if any(_compete(s.text, o.text, language) for o in spellings if o is not s)]


def _compete(first: str, second: str, language: str | None = None) -> bool:
    words_a, words_b = _words(first), _words(second)
    if len(words_a) != len(words_b):
        return False  # a short or long form of the name
    differing = [(a, b) for a, b in zip(words_a, words_b) if a != b]
    if not differing:
        return True
    if all(_same_word(a, b, language) for a, b in differing):
        return False
    if language is not None and _forms_of_one_word(first, second, language):
        return False
    return not same_city(first, second)  # `Tehran`, `Teheran`: one city's names in two languages (asked last: CLDR)


def _forms_of_one_word(first: str, second: str, language: str) -> bool:
    """True when the language's dictionary gives each differing pair of words one lemma (`Brände`, `Bränden`)."""
    words_a, words_b = re.findall(r"\w+", first), re.findall(r"\w+", second)
    if len(words_a) != len(words_b):
        return False
    return all(a == b or same_lemma(a, b, language) for a, b in zip(words_a, words_b))


def _same_word(a: str, b: str, language: str | None = None) -> bool:
    """A name and its adjective, or an inflection of it: another form of one word, not another spelling."""
    return _adjective_of(a, b) or _adjective_of(b, a) or _inflection(a, b, language)


_LATIN_ENDINGS = frozenset({"", "s", "e", "es"})  # plural and feminine endings of the languages written in Latin
_STEM = 4  # letters two forms must share before their endings


def _inflection(a: str, b: str, language: str | None = None) -> bool:
    """`charge`/`charges`, `bleus`/`bleues`; outside Latin script, or in a `language` that declines names, any
    ending of up to two letters, four in Turkish or Finnish (`китай`/`китая`, Croatian `lasagna`/`lasagnu`)."""
    stem = len(commonprefix([a, b]))
    if stem < _STEM:
        return False
    ends = a[stem:], b[stem:]
    if re.fullmatch(r"[a-z]*", a + b) and not declines(language):
        return all(end in _LATIN_ENDINGS for end in ends)
    return all(len(end) <= longest_ending(language) for end in ends)


_INITIALS = re.compile(r"\b(?:[a-z]\.){2,}")  # `d.c.`, `u.s.`: one word of initials, `dc`, `us`


# A suffix after an apostrophe is the name's case ending or possessive: Turkish `Fransa'ya`, `Fransa'yı`, `Japan's`.
_SUFFIX = re.compile(r"(?<=\w)['’](?P<end>[^\W\d_]{1,5})\b")


def _words(text: str) -> list[str]:
    """The words of a name, lower-case; Latin with accents folded, other scripts as written; no apostrophe suffix."""
    text = _SUFFIX.sub(lambda found: "" if found.group("end").islower() else found.group(), text)
    if script_of(text) not in (None, "Latn"):
        return [word for word in re.split(r"\W+", text.lower()) if word]
    folded = _INITIALS.sub(lambda found: found.group().replace(".", ""), anyascii(text).lower())
    return [word for word in re.split(r"[^0-9a-z]+", folded) if word]


def _adjective_of(adjective: str, name: str) -> bool:
    """`african` of `africa`, `kenyan` of `kenya`, `japanese` of `japan`."""
    return adjective.startswith(name) and adjective[len(name) :] in {"n", "an", "ian", "ese", "i", "ish"}


def letters(text: str) -> str:
    """What is left of a name once capitals, spaces and punctuation are set aside."""
    return "".join(_words(text))


# Romanisation conventions of the press: French `ou` for English `u`, German or Polish `w` for `v`; and how
# Cyrillic copy renders foreign names either way: `Эммануэль`/`Эмманюэль`, `Мэй`/`Мей`, `Файнштейн`/`Фейнштейн`
# (not `ё`/`е`: a swap of the two is a typo, `Мирзиеёв`), and the Tajik `ҷ` Russian copy writes `дж` or `ч`
# (`Раджабализода`, `Рачабализода`).
_CONVENTIONS = (("ou", "u"), ("w", "v"), ("э", "е"), ("ю", "у"), ("ь", ""), ("ай", "ей"), ("дж", "ч"), ("ҷ", "ч"))


def _by_convention(first: str, second: str) -> bool:
    """True when two spellings differ only by capitals, punctuation, a press convention or, word by word, an ending."""
    if transcribed(first) == transcribed(second):
        return True
    words_a, words_b = _words(first), _words(second)
    return len(words_a) == len(words_b) and all(
        transcribed(a) == transcribed(b) or _inflection(a, b) or _american(a) == _american(b)
        for a, b in zip(words_a, words_b)
    )


# British and American spellings of one English word (`Labour`/`Labor Party`, `Centre`/`Center`, `Organisation`/
# `Organization`): a house style, not a typo.
_AMERICAN = ((re.compile(r"our$"), "or"), (re.compile(r"([^aeiou])re$"), r"\1er"),
             (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"))  # fmt: skip


def _american(word: str) -> str:
    folded = word.lower()
    for british, american in _AMERICAN:
        folded = british.sub(american, folded)
    return folded


# Distinct spellings of one word of a name, the same but for vowels and doubled letters, that show its writers
# romanising it each their own way (`Mohammad`, `Mohammed`, `Muhammad`; `Raisi`, `Raeisi`, `Raïssi`).
ROMANISED_FORMS = 3


def _home_script(story: StoryFacts) -> str | None:
    """The script of the country the story is about, known by its currency (`IRR`: Iran, Arabic script), or
    of all the countries that share it (`XOF`: eight countries, each writing Latin)."""
    scripts = {country_script(country) for country in countries_of_currency(story.story.currency)}
    return scripts.pop() if len(scripts) == 1 else None


def _romanised(entity: Entity, variants: list[Spelling], home: str | None = None) -> bool:
    """True when the variants differ only in vowels or doubled letters, in words the story writes three ways or
    more, or in any word where the story's country (`home`, its script) leaves vowels unwritten or writes vowel
    letters each romanisation renders its own way (`_vowels_folded`): a name romanised from Persian, Arabic or
    Russian (`Hossein`, `Hussein`; `Mirzoyev`, `Mirzoev`; `Andrey`, `Andréi`), not a typo.

    A name of the Latin script has one spelling its writers copy: two forms of it (`Milei`, `Miley`; `Golan`,
    `Golen`) are a typo and its correction. A house style (an authority-listed name) is never a variant.
    """
    if entity.authority:
        return False
    # Where the story's country writes its names without their vowels, no Latin vowel of them is the right one.
    native = home in UNWRITTEN_VOWELS
    forms: dict[str, set[str]] = {}
    for spelling in entity.spellings:
        if _latin(spelling.text):
            for word in _words(spelling.text):
                forms.setdefault(_skeleton(word), set()).add(word)
    pairs = [
        (words_a, words_b)
        for index, first in enumerate(variants)
        for second in variants[index + 1 :]
        if len(words_a := _words(first.text)) == len(words_b := _words(second.text))
    ]  # a surname beside the full name (`Raeisi`, `Ebrahim Raisi`) is compared with neither's words
    for words_a, words_b in pairs:
        for a, b in zip(words_a, words_b):
            if home in AMBIGUOUS_VOWELS and _vowels_folded(a) == _vowels_folded(b):
                continue  # `Mirzoyev`, `Mirzoev`: one Cyrillic name, two romanisations of its vowels
            if home not in (None, "Cyrl") and _by_ear(a) == _by_ear(b) and script_of(a) == script_of(b) == "Cyrl":
                continue  # `Викрамесингхе`, `Викремесингхе`: a foreign name written in Cyrillic by ear
            if native and a != b and _skeleton(_abjad_folded(a)) == _skeleton(_abjad_folded(b)):
                continue  # `Aminach`, `Aminah`; `Ghalibaf`, `Qalibaf`: one letter, romanised as each writer likes
            rare = len(forms.get(_skeleton(a), ())) < ROMANISED_FORMS and not native
            if a != b and (_skeleton(a) != _skeleton(b) or len(_skeleton(a).replace("-", "")) < 2 or rare):
                return False
    return bool(pairs)


# Letters of the abjads that romanisations write each their own way: ח and خ as `ch`, `kh` or `h`; Persian ق and غ
# (one sound in Persian) as `q`, `gh` or, by way of Russian (Баглан), `g`.
_ABJAD_LETTERS = ((re.compile(r"kh|ch"), "h"), (re.compile(r"gh|g"), "q"))


def _abjad_folded(word: str) -> str:
    folded = word.lower()
    for written, letter in _ABJAD_LETTERS:
        folded = written.sub(letter, folded)
    return folded


_CYRILLIC_VOWELS = re.compile(r"[аеёиоуыэюя]+")


def _by_ear(word: str) -> str:
    """A Cyrillic word with where its vowels fall but not which, its doubled letters single, no soft or hard sign
    and no final vowel: a foreign name's unstressed vowels, its doubled consonants and the softness of its `l` are
    heard, not copied, by each writer (`Викрамасингхе`, `Викремесингхе`; `Макки Салл`, `Маки Саль`), and a final
    vowel is a case ending (`Пезешкиана`, of `Пезешкиан`, beside `Пезешкиян`)."""
    return "-".join(_CYRILLIC_VOWELS.split(_single_letters(word.lower().replace("ь", "").replace("ъ", "")))).rstrip("-")


def _skeleton(word: str) -> str:
    """A word's consonant clusters, doubled letters single and `y` a vowel, with where its vowels fall but not which
    they are: `mohammed`, `muhammad` -> `m-h-m-d`; `raisi`, `raeisi` -> `r-s-`. A vowel moved across a consonant
    (`Sudarshan`, `Sudrashan`), dropped (`Wayanad`, `Wayand`) or added at the end (`Blizzardi`) is no romanisation."""
    return "-".join(re.split(r"[aeiouy]+", _single_letters(word)))


# How romanisations of Cyrillic (and Greek) vowels part: е as `e`, `ye` or `ie`, ё as `yo`, `io` or `e`, й and ы
# as `y` or `i`, я and ю as `ya`/`ia`, `yu`/`iu`. Folded, two such forms of one name meet; a vowel that no
# romanisation gives for the same letter (`Prigozhin`, `Progozhin`) still parts them.
_ROMANISED_VOWELS = (("yo", "e"), ("io", "e"), ("ye", "e"), ("ie", "e"), ("ya", "a"), ("ia", "a"), ("yu", "u"),
                     ("iu", "u"), ("y", "i"))  # fmt: skip


def _vowels_folded(word: str) -> str:
    folded = _single_letters(word)
    for written, vowel in _ROMANISED_VOWELS:
        folded = folded.replace(written, vowel)
    return folded


def _single_letters(word: str) -> str:
    """`shamsiddin` -> `shamsidin`: a word of `_words` (folded already: `Andréi` is `andrei`), doubled letters single."""
    return re.sub(r"(.)\1+", r"\1", word)


def transcribed(text: str) -> str:
    """The letters of a name with romanisation conventions folded, so two transcriptions meet."""
    folded = letters(text)
    for written, plain in _CONVENTIONS:
        folded = folded.replace(written, plain)
    return folded


# Spellings of one name that the transliteration habits of the Latin-script languages tell apart:
# Tschernobyl/Tchernobyl/Chernobyl, Kharkiv/Harkiv, Djibouti/Jibuti, Zelenski/Zelensky, Mohammed/Mohamed, and the
# Dutch and Scandinavian `sj`, `zj` of Lukasjenko, Zjukov.
_TRANSLITERATIONS = (
    ("tsch", "ch"), ("tch", "ch"), ("sch", "sh"), ("ch", "sh"), ("kh", "h"), ("dzh", "j"), ("dj", "j"), ("zh", "j"),
    ("sj", "sh"), ("zj", "j"), ("ou", "u"), ("w", "v"), ("y", "i"), ("ph", "f"), ("q", "k"), ("c", "k"),
)  # fmt: skip


def international(text: str) -> str:
    """The letters of a name with every Latin-script transliteration habit folded, and doubled letters single.

    A `j` that opens a word or follows a vowel is the `y` or `i` of German and Slavic transliteration
    (`Juri`, `Sergej`, `Dmitrij`).
    """
    folded = " ".join(re.sub(r"(?:^|(?<=[aeiou]))j", "i", word) for word in _words(text))
    for written, plain in _TRANSLITERATIONS:
        folded = folded.replace(written, plain)
    return re.sub(r"(.)\1+", r"\1", folded.replace(" ", ""))


def _finding(
    story: StoryFacts,
    entity: Entity,
    variants: list[Spelling],
    config: SpellingConfig,
    identity: tuple = (),
    romanised: bool = False,
) -> Finding:
    style_only = romanised or all(_by_convention(a.text, b.text) for a, b in zip(variants, variants[1:]))
    severity = config.severity or (config.style_only_severity if style_only else CHECK.severity)
    preferred = _preferred(entity, variants)
    others = [s for s in variants if s.text != preferred]
    written = "; ".join(_describe(story, s) for s in sorted(variants, key=lambda s: (-s.count, s.text)))
    inside = _sources_with_several(variants)
    where = f" ({', '.join(story.name_of(s) for s in inside)} uses more than one)" if inside else ""
    house = "house style" if entity.authority else "most common"
    message = f"{preferred} is spelled {len(variants)} ways{where}: {written}. Preferred ({house}): {preferred}."
    cited = [story.cite_span(m.source, m.span) for s in others for m in _first_per_source(s)]
    cited += [story.cite_span(m.source, m.span) for s in variants if s.text == preferred for m in _first_per_source(s)]
    return story.finding(
        CHECK.id,
        severity,
        message,
        claims=(),
        identity=identity or (entity.id,),
        values=sorted(s.text for s in variants),
        expected=preferred,
        observed=", ".join(s.text for s in others),
        trail=[f"“{s.text}”: {s.count}× in {', '.join(story.name_of(x) for x in s.sources)}" for s in variants]
        + [f"preferred spelling from the {'authority list (rules/entities.toml, CLDR country names)' if entity.authority else 'majority of mentions'}"],
        cited=cited,
        draft=any(story.source_by_id[source].role is Role.DRAFT for s in variants for source in s.sources),
    )


def _preferred(entity: Entity, variants: list[Spelling]) -> str:
    """The entity's preferred name when it is one of the competing spellings, else the most common of them; of
    equally common ones, the nearest the entity's name in every language (`Prigojine` before `Prigogine` when the
    story writes `Prigozhin`)."""
    if any(spelling.text == entity.name for spelling in variants):
        return entity.name
    name = international(entity.name)
    return min(variants, key=lambda s: (-s.count, OSA.distance(international(s.text), name), s.text)).text


def _describe(story: StoryFacts, spelling: Spelling) -> str:
    sources = len(spelling.sources)
    return f"{spelling.text} ({spelling.count}× in {sources} source{'s' if sources != 1 else ''})"


def _sources_with_several(variants: list[Spelling]) -> list[str]:
    seen: dict[str, int] = {}
    for spelling in variants:
        for source in spelling.sources:
            seen[source] = seen.get(source, 0) + 1
    return sorted(source for source, count in seen.items() if count > 1)


def _first_per_source(spelling: Spelling):
    firsts = {}
    for mention in spelling.mentions:
        firsts.setdefault(mention.source, mention)
    return [firsts[source] for source in sorted(firsts)]


CHECK = register(
    Check(
        id="spelling",
        summary="One entity spelled two ways, across sources or inside one.",
        config=SpellingConfig,
        severity=Severity.WARNING,
        run=run,
    )
)
