"""Proper-name mentions in a cleaned text: names of the authority list first, then runs of capitalised words.

Works on the cleaned text (offsets are mapped back by the caller). A run of
capitalised words is a name candidate once titles (`President`), sentence
openers (`The`, `During`, `Noting`) and words the corpus also writes in lower
case (`Summit`) are set aside; runs in title-case headings (`Expert
Assessment`) are not names, though authority names in them are.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from factcheck import units
from factcheck.normalize.authority import Authority, Entry, Form
from factcheck.normalize.folding import Token, tokens, word_key
from factcheck.lemmas import known_word
from factcheck.scripts import primary

# Between the words of one name: spaces on one line, quotes, dashes, or nothing (`CA+JAD`).
_JOINABLE = re.compile(r"[ \t\u00a0\u2009\u202f]*[\"'“”‘’«»]?[ \t\u00a0\u2009\u202f]*[-‐‑–—/]?[ \t\u00a0\u2009\u202f]*")
# Between the words of a name candidate: one space, or one hyphen (`Kassym-Jomart`).
_NAME_GAP = re.compile(r"[ \u00a0]|[-‐‑]")

LOWER_SHARE = 5  # a word written in lower case a fifth as often as capitalised inside sentences is a common word
KNOWN_SOURCES = 2  # sources that write a name alone before it is known to the story
CONNECTORS = frozenset("of for de del da di van von der al bin ibn la le du".split())
TITLES = frozenset(
    """president prime minister premier chancellor king queen prince princess emperor sheikh mr mrs ms dr prof
    professor sir lord senator governor mayor general minister secretary ambassador chairman chairwoman chair
    deputy vice foreign finance state first lady head leader ceo director spokesman spokeswoman spokesperson envoy
    chief commissioner""".split()
)
FUNCTION_WORDS = frozenset(
    """a an the this that these those it its he she his her they their we our you your i in on at by for from to
    of and or but as if so not no yes after before during while when where which who whom whose what why how
    among amid with without within over under about above below between into onto upon since until through
    across against along around beyond near also then there here such each every all both either neither any
    some many most more much other another same several one two three four five six seven eight nine ten
    however moreover furthermore meanwhile overall notably additionally separately perhaps today yesterday
    tomorrow according following despite although though because unlike like""".split()
)
CALENDAR = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday""".split()
)


@dataclass(frozen=True)
class Vocabulary:
    """How the corpus writes its words: what it writes in lower case, what it capitalises mid-sentence, and
    which capitalised words are nouns of a language that capitalises every noun."""

    lower: frozenset[str]
    capitalised_inside: frozenset[str]
    by_length: dict[int, tuple[str, ...]] = field(default_factory=dict, compare=False)  # capitalised_inside, by length
    nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Found:
    """A name found in the cleaned text: authority entry, or None for a candidate to cluster."""

    start: int
    end: int
    text: str
    entry: Entry | None = None


def find_names(text: str, authority: Authority, vocabulary: Vocabulary) -> list[Found]:
    """Authority names and name candidates of a cleaned text, in text order, never overlapping."""
    words = tokens(text)
    found: list[Found] = []
    taken = [False] * len(words)
    running_on: set[int] = set()  # words a listed name ran on into, which begin no listed name themselves
    for i in range(len(words)):
        if not taken[i] and i not in running_on:
            match = _authority_at(text, words, i, authority)
            if match is not None and _names_more(text, words, match, authority):
                running_on.add(match[1] + 1)
                continue  # `Japan Airlines`, `Japan Coast Guard`: the country begins another name
            if match is not None and _ends_another(text, words, i, match, authority, taken):
                continue  # `Star India`, `Air India`: the country ends another name
            if match is not None:
                entry, last = match
                found.append(Found(words[i].start, words[last].end, text[words[i].start : words[last].end], entry))
                end = _legal_name_end(text, words, match, authority)
                taken[i : end + 1] = [True] * (end + 1 - i)
    found += _candidates(text, words, taken, vocabulary)
    return sorted(found, key=lambda item: item.start)


def without_descriptors(located: Sequence[tuple[str, Found]]) -> list[tuple[str, Found]]:
    """(source, name) pairs, a descriptor in front of a name the story knows dropped from each name candidate.

    `Kandidatenpaar Prabowo-Gibran`, `Herr Prabowo Subianto`, `Jakarta Gov Anies Baswedan`: no title list
    of every language names these, but the story does: the rest is a name of two or more words that other
    sources write alone, and the words in front are never a name alone anywhere in it. A one-word rest is
    left (`Joko Widodo` is not `Widodo` with a descriptor).
    """
    alone: dict[tuple[str, ...], set[str]] = {}
    for source, found in located:
        if found.entry is None:
            alone.setdefault(word_key(found.text), set()).add(source)
    # Only a rest of a length some known name has can be one: a run of 60,000 capitalised words (`USD USD …`)
    # would otherwise build a tuple of its rest at every cut, quadratic in its length.
    lengths = {len(key) for key, sources in alone.items() if len(sources) >= KNOWN_SOURCES}
    family_names: dict[str, set[str]] = {}  # given name -> family names the story writes after it, as a person alone
    for key, sources in alone.items():
        if len(key) == PERSON_WORDS and len(sources) >= KNOWN_SOURCES:
            family_names.setdefault(key[0], set()).add(key[1])
    return [(source, _trimmed(found, alone, lengths, family_names)) for source, found in located]


def _trimmed(
    found: Found, alone: dict[tuple[str, ...], set[str]], lengths: set[int], family_names: dict[str, set[str]]
) -> Found:
    if found.entry is not None:
        return found
    words = tokens(found.text)
    keys = [word.folded for word in words]
    for cut in range(1, len(words) - 1):
        if len(words) - cut not in lengths:
            continue  # no known name is that long: no tuple built (a run of 60,000 words has 60,000 cuts)
        rest, front = tuple(keys[cut:]), tuple(keys[:cut])
        if len(alone.get(rest, ())) >= KNOWN_SOURCES and front not in alone:
            return _from(found, words[cut].start)
    cut = len(words) - PERSON_WORDS
    if cut >= 1 and _misspelt_person(keys[cut], keys[cut + 1], family_names):
        # `Boeing Kelly Orberg`, `PDG Doug Merrit`: a known person's given name and one or two letters off the family
        # name, run on from the words before. Cut there, so the misspelling meets the name it misspells.
        return _from(found, words[cut].start)
    return found


def _from(found: Found, start: int) -> Found:
    return Found(found.start + start, found.end, found.text[start:], None)


FAMILY_NAME_EDITS = 2  # `Orberg` for `Ortberg`, `Merrit` for `Merritt`: more edits make another person, not a typo


def _misspelt_person(given: str, family: str, family_names: dict[str, set[str]]) -> bool:
    known = family_names.get(given, set()) - {family}
    return any(OSA.distance(family, name, score_cutoff=FAMILY_NAME_EDITS) <= FAMILY_NAME_EDITS for name in known)


# Languages that capitalise every noun: their `Stimmen`, `Polizeichef` look like names to a capitals rule.
NOUNS_CAPITALISED = frozenset({"de", "lb"})
OTHER_LANGUAGE_SOURCES = 2  # sources in other languages needed before a word's absence from them means something


def vocabulary(documents: Iterable[tuple[str, str]]) -> Vocabulary:
    """How the corpus writes its words (see `Vocabulary`), from (text, BCP 47 language tag) pairs."""
    written_lower: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    elsewhere: set[str] = set()
    capitalised: dict[str, tuple[str, str]] = {}  # folded word -> (as written, language) in a noun-capitalising text
    others = 0
    for text, language in documents:
        language = primary(language)
        others += language not in NOUNS_CAPITALISED
        for token in tokens(text):
            if token.text.islower():
                written_lower[token.folded] += 1
            elif token.capital and not token.opens_sentence:
                inside[token.folded] += 1
            if language not in NOUNS_CAPITALISED:
                elsewhere.add(token.folded)
            elif token.capital:
                capitalised.setdefault(token.folded, (token.text, language))
    by_length: dict[int, list[str]] = {}
    for word in sorted(inside):
        by_length.setdefault(len(word), []).append(word)
    nouns = _nouns(capitalised, elsewhere) if others >= OTHER_LANGUAGE_SOURCES else frozenset()
    # A word is the corpus's lower-case word unless it capitalises it inside sentences far more often: one source's
    # `erdogan's` among a hundred `Erdogan`s is a slip, and must not make `Erdogan finished first` name no one.
    lower = frozenset(word for word, count in written_lower.items() if count * LOWER_SHARE >= inside[word])
    return Vocabulary(lower, frozenset(inside), {n: tuple(words) for n, words in by_length.items()}, nouns)


def _nouns(capitalised: dict[str, tuple[str, str]], elsewhere: set[str]) -> frozenset[str]:
    """Capitalised words of German (or Luxembourgish) texts that its dictionary lists and no other language writes.

    A name crosses languages (`Merkel`, `Hawaii` are in the German dictionary too, and in the English
    sources); `Stimmen` and `Bundesstaat` stay in German. An unknown word (`Lahaina`, a misspelt name) is
    never a noun here.
    """
    return frozenset(
        folded
        for folded, (written, language) in sorted(capitalised.items())
        if folded not in elsewhere and known_word(written, language)
    )


def _authority_at(text: str, words: list[Token], i: int, authority: Authority) -> tuple[Entry, int] | None:
    first = words[i]
    if not first.capital:
        return None
    for entry in authority.candidates(first.folded, first.text):
        last = i + len(entry.words) - 1
        if last < len(words) and _matches(text, words, i, entry):
            return entry, last
    return None


def _ends_another(
    text: str, words: list[Token], i: int, match: tuple[Entry, int], authority: Authority, taken: list[bool]
) -> bool:
    """True when a country's name (not a demonym) is the last word of a capitalised name before it: `Star India`,
    `Air India`, `Radio France` are a broadcaster and an airline, not the country a figure beside them is about."""
    entry, _ = match
    if i == 0 or taken[i - 1] or authority.rules[entry.entity].kind != "place" or entry.form is Form.DEMONYM:
        return False
    before = words[i - 1]
    if not before.capital or before.opens_sentence or not _NAME_GAP.fullmatch(text, before.end, words[i].start):
        return False
    folded = before.folded
    if folded in TITLES or folded in CALENDAR or folded in FUNCTION_WORDS or not before.text[1:].islower():
        return False
    if i >= 2 and words[i - 2].capital and _NAME_GAP.fullmatch(text, words[i - 2].end, before.start):
        return False  # a longer run (`Prince Edward Island`) is left to the rules for runs
    return len(before.text) > 1 and not authority.candidates(folded, before.text)


def _names_more(text: str, words: list[Token], match: tuple[Entry, int], authority: Authority) -> bool:
    """True when a place's name runs on into a capitalised word that no title, day or listed name explains.

    A demonym runs on into a listed name too: `British Columbia` is neither Britain nor Colombia (whose Romanian name
    is `Columbia`), as `Indian Ocean` is not India; two countries side by side are never written with a demonym.
    """
    entry, last = match
    if authority.rules[entry.entity].kind != "place" or last + 1 >= len(words):
        return False
    if tuple(word.folded for word in words[last + 1 - len(entry.words) : last + 1]) != entry.words:
        return False  # a case form (`президент Франции Эммануэль Макрон`) is the country, before a person's name
    following = words[last + 1]
    if not following.capital or following.opens_sentence or not _NAME_GAP.fullmatch(text, words[last].end, following.start):
        return False
    folded = following.folded
    if folded in TITLES or folded in CALENDAR or folded in FUNCTION_WORDS or not following.text[1:].islower():
        return False  # `Japan Prime Minister`, `Japan Tuesday`; `Japan MPs`, `Japan AI` in capitals say nothing
    return entry.form is Form.DEMONYM or not authority.candidates(folded, following.text)


# The words that end a company's legal name: `Toyota Motor Corp.`, `Arm Holdings`, `UBS Group AG`.
LEGAL_FORMS = frozenset(
    "corp corporation co company inc incorporated ltd limited group holdings holding plc llc ag sa se nv gmbh".split()
)
LEGAL_NAME_WORDS = 3  # `Toyota Motor Corp`, `Nippon Steel Corporation`, `Credit Suisse Group AG`


def _legal_name_end(text: str, words: list[Token], match: tuple[Entry, int], authority: Authority) -> int:
    """The last word of an organisation's name written in full, whose rest is no name of its own.

    A listed company followed by a few capitalised words that end in a legal form (`Toyota Motor Corp.`) is
    a mention of the company, not the company and a name `Motor Corp` beside it.
    """
    entry, last = match
    if authority.rules[entry.entity].kind != "organisation":
        return last
    end = last
    for next_word in range(last + 1, min(last + 1 + LEGAL_NAME_WORDS, len(words))):
        word = words[next_word]
        if not word.capital or not _NAME_GAP.fullmatch(text, words[next_word - 1].end, word.start):
            break
        if word.folded in LEGAL_FORMS:
            end = next_word
    return end


def _matches(text: str, words: list[Token], i: int, entry: Entry) -> bool:
    span = words[i : i + len(entry.words)]
    if tuple(word.folded for word in span) != entry.words and not entry.declines(tuple(w.text.lower() for w in span)):
        return False
    if any(not _JOINABLE.fullmatch(text, a.end, b.start) for a, b in zip(span, span[1:])):
        return False
    return not entry.exact_case or _letters("".join(w.text for w in span)) == _letters(entry.text)


def _letters(text: str) -> str:
    return re.sub(r"\W", "", text)


def _candidates(text: str, words: list[Token], taken: list[bool], vocabulary: Vocabulary) -> list[Found]:
    found = []
    for run in _runs(text, words, taken):
        run = _trim(run, vocabulary)
        if run and _is_name(run, vocabulary) and not _in_heading(text, run[0].start):
            found.append(Found(run[0].start, run[-1].end, text[run[0].start : run[-1].end]))
    return found


def _runs(text: str, words: list[Token], taken: list[bool]) -> list[list[Token]]:
    """Maximal runs of free capitalised words, joined by single spaces or hyphens and by connectors."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for i, word in enumerate(words):
        usable = not taken[i] and word.text != "+" and (word.capital or _connects(words, taken, i, current))
        if usable and current and not _NAME_GAP.fullmatch(text, current[-1].end, word.start):
            runs.append(current)
            current = []
        if usable and not (word.opens_sentence and current):
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = [word] if usable else []
    if current:
        runs.append(current)
    return runs


def _connects(words: list[Token], taken: list[bool], i: int, current: list[Token]) -> bool:
    following = i + 1 < len(words) and words[i + 1].capital and not taken[i + 1]
    return bool(current) and words[i].folded in CONNECTORS and following


def _trim(run: list[Token], vocabulary: Vocabulary) -> list[Token]:
    """Drop titles and sentence openers in front and connectors at the end (`President Japarov` -> `Japarov`).

    A title inside the run ends a descriptor in front of a person's name (`Maui Police Chief Jon Pelletier`,
    `Indiens Premierminister Narendra Modi`): what follows it, when that is a given name and a family name,
    is the name. A German noun and its connector in front (`Angaben der National Fire Protection
    Association`) are dropped too.
    """
    start = 0
    while start < len(run) and (
        _title(run[start]) or _opener(run[start], vocabulary) or _noun_of(run, start, vocabulary) or _period(run[start])
    ):
        start += 2 if _noun_of(run, start, vocabulary) else 1  # a noun goes with its connector
    last_title = max((i for i in range(start, len(run)) if _title(run[i])), default=None)
    if last_title is not None and len(run) - last_title - 1 >= PERSON_WORDS:
        start = last_title + 1
    run = run[start:]
    while run and run[-1].folded in CONNECTORS:
        run = run[:-1]
    return run


# German writes offices capitalised and compounded onto the name's run (`Bundesentwicklungsministerin Svenja
# Schulze`, `Vizepräsident Fuat Oktay`): a word ending in one of these is a title, however it begins.
TITLE_ENDINGS = (
    "minister", "ministerin", "prasident", "prasidentin", "kanzler", "kanzlerin", "sprecher", "sprecherin",
    "direktor", "direktorin", "vorsitzende", "vorsitzender", "botschafter", "botschafterin", "chefin",
)  # fmt: skip


PERSON_WORDS = 2  # a given name and a family name: what is left after a title inside a run, for it to be cut


def _noun_of(run: list[Token], i: int, vocabulary: Vocabulary) -> bool:
    """True for a German noun followed by a connector (`Angaben der`): a descriptor, not part of the name."""
    return run[i].folded in vocabulary.nouns and i + 1 < len(run) and run[i + 1].folded in CONNECTORS


# A quarter or fiscal year written as a code (`Q4`, `Q4'23`, `4Q`, `FY2024`, `FY24`) is capitalised, and is no name:
# `For Q4 Tesla reported …` names Tesla.
_PERIOD_CODE = re.compile(r"q[1-4]\d{0,2}|[1-4]q\d{0,2}|fy\d{0,4}")


def _period(token: Token) -> bool:
    return _PERIOD_CODE.fullmatch(token.folded) is not None


def _title(token: Token) -> bool:
    word = token.folded
    return word in TITLES or word.removesuffix("s") in TITLES or word.endswith(TITLE_ENDINGS)


def _opener(token: Token, vocabulary: Vocabulary) -> bool:
    """A function word, or a word that opens a sentence and that the corpus never capitalises elsewhere.

    A word the corpus never writes in lower case either, and one letter off a word it capitalises inside
    sentences, is a name misspelt at the head of its sentence (`Probowo, who is Joko's defence minister`).
    """
    word = token.folded
    if word in FUNCTION_WORDS:
        return True
    if not token.opens_sentence or word in vocabulary.capitalised_inside:
        return False
    return word in vocabulary.lower or not _misspelt_name(word, vocabulary)


SHORTEST_MISSPELT = 4  # letters: `Anis` of `Anies` is one; a shorter word is too often another word


def _misspelt_name(word: str, vocabulary: Vocabulary) -> bool:
    if len(word) < SHORTEST_MISSPELT:
        return False
    # One edit changes the length by one at most: only those words are compared (an archive has tens of thousands).
    near = [known for size in (len(word) - 1, len(word), len(word) + 1) for known in vocabulary.by_length.get(size, ())]
    return process.extractOne(word, near, scorer=OSA.distance, score_cutoff=1) is not None


def _is_name(run: list[Token], vocabulary: Vocabulary) -> bool:
    words = [token.folded for token in run if token.folded not in CONNECTORS]
    if not words or all(word in vocabulary.lower or word in CALENDAR or _title(t) for word, t in zip(words, run)):
        return False
    if len(words) == 1:
        word = words[0]
        return (
            len(word) > 1 and not word.isdigit() and not units.is_currency(run[0].text) and word not in vocabulary.nouns
            and not _period(run[0])
        )
    return True


def _in_heading(text: str, position: int) -> bool:
    """True inside a short line in title case without a full stop: a heading, not a sentence."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[start : end if end != -1 else len(text)].strip()
    if len(line) > 100 or line.endswith((".", "!", "?", ",", ";")):
        return False
    words = [token for token in tokens(line) if token.folded not in FUNCTION_WORDS and token.folded not in CONNECTORS]
    return len(words) >= 2 and sum(token.capital for token in words) >= 0.75 * len(words)
