"""A claim's frame: the weighted features alignment compares.

A frame holds what surrounds a figure: the canonical entities of its sentence
(and, weaker, of its paragraph), the content words of its sentence weighted by
their distance to the figure, its counted noun or measure, and the years of its
sentence. Values are deliberately absent: a figure ten times too large must
still meet the figure it contradicts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from factcheck.extract.context import content_words
from factcheck.keys.age import AGE
from factcheck.models import Claim, ClaimKind
from factcheck.scripts import native_script

# (kind, value): ("e", entity id), ("w", lemma), ("n", noun group), ("y", year), ("t", time frame),
# ("m", magnitude), ("r", "start") for years that date a start, ("k", measure id)
Feature = tuple[str, str]

CLOSE_WORDS = 2  # the words right next to a figure say what it is: "investments", "portfolio", "trade"
CLOSE = 2.0
NEAR_WORDS = 3  # words this close to the figure count fully; farther ones fade
SENTENCE_ENTITY = 0.75
PARAGRAPH_ENTITY = 0.5
PARAGRAPH_ENTITIES = 3  # the nearest few: a long paragraph's twenty names would drown the sentence's own
NOUN = 2.5
YEAR = 1.0
TIME_FRAME = 2.0
START = 1.5
TIME_WORDS = 0.5  # how much the words around a year or date count, against those around other figures
# Roles of year claims that date the start of something: "since 2006", "established in 1992", "1993–2023".
START_ROLES = ("since", "range", "established", "founded", "launched", "began", "started", "initiated", "from")
MAGNITUDE = 0.8
MEASURE = 1.0  # the measure key: the same in every language, where the words around a figure are not

# Counted nouns that name the same kind of thing in news copy.
NOUN_GROUPS = {
    "agreement": "agreement",
    "document": "agreement",
    "deal": "agreement",
    "accord": "agreement",
    "memorandum": "agreement",
    "memoranda": "agreement",
    "contract": "agreement",
    "treaty": "agreement",
    "firm": "company",
    "company": "company",
    "enterprise": "company",
    "business": "company",
    "corporation": "company",
}


@dataclass(frozen=True)
class Frame:
    """A claim with its features, ready to be compared."""

    claim: Claim
    dimension: str
    features: dict[Feature, float]
    sentence_key: tuple[str, int]
    subjects: frozenset[str]
    role: str | None = None  # for durations: "over the next five years" is not "two decades ago"
    spelled: tuple[tuple[str, str], ...] = ()  # (stem, word as written) for readable labels
    measure: str | None = None  # the claim's measure key, when known
    keyed: bool = False  # its measure names a quantity (not only a change): keys alone may tie it to others
    scope: str | None = None  # the claim's scope key (None: no scope word)
    language: str = "en"  # the primary subtag of its source's language


def dimension(claim: Claim) -> str:
    """Claims are only compared within one dimension: money with money, years with dates, counts with counts."""
    if claim.kind in (ClaimKind.YEAR, ClaimKind.DATE):
        return "time"
    if claim.keys.measure.value == AGE:
        return AGE  # `35`, `35 años`, `35-year-old`: one quantity
    if claim.kind is ClaimKind.PHYSICAL:
        unit = claim.normalized.unit if claim.normalized else claim.stated.unit
        return f"physical:{unit}"
    return claim.kind.value


def noun_group(noun: str | None) -> str | None:
    """The group a counted noun belongs to ('document' and 'agreement' are one), or the noun itself."""
    if not noun:
        return None
    head = noun.split()[-1]
    return NOUN_GROUPS.get(head, head)


def frame(
    claim: Claim,
    subjects: frozenset[str] = frozenset(),
    time_frames: tuple[str, ...] = (),
    figures: tuple[tuple[int, int], ...] = (),
    scope: str | None = None,
    keyed: bool = False,
    measured: bool = True,
    language: str = "en",
) -> Frame:
    """The frame of one claim.

    `subjects` are what it is about (see factcheck/keys/subject.py); `time_frames` the durations its
    sentence states ("over the next five years"), which tie a target to its period;
    `figures` the spans the words around the figure leave out: the sentence's other money figures
    ("USD" is not context) and its names (already entity features); `scope` the claim's scope as alignment
    compares it (an implied scope is none); `keyed` whether its measure is specific enough for keys alone to
    tie it to other claims; `measured` False to leave the measure out (a date's event: see checks/dates.py);
    `language` the primary subtag of its source's language, whose stemmer its words take.
    """
    features: dict[Feature, float] = {}
    words, spelled = _near_words(claim, figures, language)
    for rank, entity in enumerate(claim.context.entities):
        features[("e", entity)] = SENTENCE_ENTITY / (1 + 0.25 * rank)
    for entity in claim.context.paragraph_entities[:PARAGRAPH_ENTITIES]:
        features.setdefault(("e", entity), PARAGRAPH_ENTITY)
    # The words around a year say little of what it dates ("played a key role since 2006"); who it is about does.
    scale = TIME_WORDS if dimension(claim) == "time" else 1.0
    for word, weight in words.items():
        features[("w", word)] = max(features.get(("w", word), 0.0), weight * scale)
    group = noun_group(claim.context.noun)
    if group:
        features[("n", group)] = NOUN
    measure = claim.keys.measure.value if measured else None
    if measure:
        features[("k", measure)] = MEASURE
    if dimension(claim) not in ("time", "duration"):
        for period in time_frames:
            features[("t", period)] = TIME_FRAME
    size = magnitude(claim)
    if size is not None:
        features[("m", size)] = MAGNITUDE
    if claim.kind in (ClaimKind.YEAR, ClaimKind.DATE) and claim.role in START_ROLES:
        features[("r", "start")] = START
    for year in claim.context.years:
        if not (claim.kind in (ClaimKind.YEAR, ClaimKind.DATE) and str(year) in claim.surface):
            features[("y", str(year))] = YEAR
    return Frame(
        claim=claim,
        dimension=dimension(claim),
        features=features,
        sentence_key=(claim.source, claim.context.sentence.start),
        subjects=subjects,
        role=claim.role if dimension(claim) == "duration" else None,
        spelled=tuple(sorted(spelled.items())),
        measure=measure,
        scope=scope,
        keyed=keyed,
        language=language,
    )


def magnitude(claim: Claim) -> str | None:
    """The rough size of a figure (its order of magnitude on the common footing): positive evidence only.

    Two figures of one size are a little more likely one fact; figures of different
    sizes lose only this bonus, so `30 trillion yen` still meets `3 trillion yen`.
    """
    if claim.kind is ClaimKind.DURATION:
        return period(claim)
    if claim.kind not in (ClaimKind.MONEY, ClaimKind.PHYSICAL, ClaimKind.COUNT):
        return None
    value = abs((claim.normalized or claim.stated).value)
    return str(value.adjusted()) if value.is_finite() and value > 0 else None  # Decimal: no float overflow


def period(claim: Claim) -> str:
    """A duration as a time-frame key ('5 year')."""
    return f"{claim.stated.value} {claim.stated.unit}"


# Snowball's stemmers by primary language subtag; a language without one takes the English stemmer, which
# leaves words of other scripts as they are.
_ALGORITHMS = {
    "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek", "en": "english", "es": "spanish",
    "eu": "basque", "fi": "finnish", "fr": "french", "ga": "irish", "hi": "hindi", "hu": "hungarian",
    "id": "indonesian", "it": "italian", "lt": "lithuanian", "nb": "norwegian", "ne": "nepali", "nl": "dutch",
    "nn": "norwegian", "no": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "sv": "swedish", "ta": "tamil", "tr": "turkish",
}  # fmt: skip


def _stems(words: tuple[str, ...], language: str = "en") -> list[str]:
    """Snowball stems in the source's language, so paraphrases meet: signed / signing, медали / медалей.

    A Latin-script word in a text of another script (`Evergrande` in Russian) takes the English stemmer.
    """
    algorithm = _ALGORITHMS.get(language, "english")
    borrowed = "english" if native_script(language) != "Latn" else algorithm
    return [_stem(word, borrowed if word.isascii() else algorithm) for word in words]


@lru_cache(maxsize=None)
def _stemmer(algorithm: str):
    return snowballstemmer.stemmer(algorithm)


@lru_cache(maxsize=1 << 16)
def _stem(word: str, algorithm: str = "english") -> str:
    # The pure-Python stemmer was a fifth of a whole run; news vocabulary repeats, so each word is stemmed once.
    return _stemmer(algorithm).stemWord(word)


def _near_words(
    claim: Claim, figures: tuple[tuple[int, int], ...], language: str = "en"
) -> tuple[dict[str, float], dict[str, str]]:
    """Stems of the sentence's content words, weighted by their distance to the figure; and each stem's word."""
    sentence = claim.context.sentence
    text = sentence.text
    for start, end in figures:
        low, high = max(0, start - sentence.start), min(len(text), end - sentence.start)
        if low < high:
            text = text[:low] + " " * (high - low) + text[high:]
    figure_start = claim.span.start - sentence.start
    figure_end = claim.span.end - sentence.start
    before = content_words(text[: max(0, figure_start)])
    after = content_words(text[max(0, figure_end) :])
    weights: dict[str, float] = {}
    spelled: dict[str, str] = {}
    for words in (tuple(reversed(before)), after):
        for distance, (stem, word) in enumerate(zip(_stems(words, language), words)):
            weights[stem] = max(weights.get(stem, 0.0), _fade(distance))
            spelled.setdefault(stem, word)
    return weights, spelled


def _fade(distance: int) -> float:
    if distance < CLOSE_WORDS:
        return CLOSE
    return 1.0 if distance < NEAR_WORDS else NEAR_WORDS / (distance + 1)


def inverse_frequencies(frames: list[Frame]) -> dict[Feature, float]:
    """How rare each feature is among the claims of a story: every article says 'Japan', few say 'portfolio'."""
    counts: Counter[Feature] = Counter()
    for item in frames:
        counts.update(item.features.keys())
    total = len(frames)
    return {feature: math.log(1 + total / count) for feature, count in counts.items()}


def words_of(text: str) -> set[str]:
    """Stems of a phrase as alignment compares them (for declared facts)."""
    return set(_stems(content_words(re.sub(r"[-_]", " ", text))))
