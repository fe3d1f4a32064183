"""Who or what a figure is about: the subject that tells `60 agreements` of Kazakhstan from the summit's 150.

A claim's subjects are the specific entities around it: those of its sentence
nearest the figure, or, when the sentence names none and points back ("his
visit", "the two countries", or no name at all), the nearest person or place
before it. Entities every other sentence mentions (Japan, Central Asia in this
story) are the story's setting: the subject only of a sentence that names no other. A leader counts as his country,
learnt from how the story writes them ("Kazakhstan's President Tokayev",
"Kazakh President Tokayev").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from factcheck.extract.clock import ZONES
from factcheck.keys.nearest import CONJUNCTIONS
from factcheck.models import Claim, Entity, Key
from factcheck.normalize.names import is_country
from factcheck.scripts import WORD

SETTING_SHARE = 0.4  # an entity in this share of claim sentences is the story's setting (the donor, Japan)
LOOKBACK = 600  # characters before a sentence searched for the subject a pronoun points to
AFFILIATION_GAP = 32  # "Kazakhstan's President " fits; a list of names does not
SENTENCE_SUBJECT, SETTING_SUBJECT, POINTED_SUBJECT, WHOLE_STORY = 0.8, 0.7, 0.6, 0.5  # how sure each rule is
_SUBJECT_KINDS = {"person", "place", "organisation"}
_CONTENDER_KINDS = {"person", "organisation", "other"}  # who runs in an election: a candidate, a party
_PERSON_KINDS = {"person", "other"}  # "other": a name the story's lists do not know, as most persons are
_REGION = re.compile(r"\b(?:Asia|Africa|Europe|America|Pacific|Caucasus|Balkans|Gulf|Middle East|Caribbean)\b")
BEFORE_ITS_CLAUSE = 2
VEHICLE_CURRENCIES = frozenset({"USD", "EUR"})  # written by every country: their names say nothing of the subject
_GAP_WORD = re.compile(WORD)
_SUMMING_UP = re.compile(r"\b(?:in total|overall|altogether|in all|all told|in sum)\b", re.IGNORECASE)
_ANAPHORA = {
    "person": re.compile(r"\b(?:his|her|he|she)\b", re.IGNORECASE),
    "place": re.compile(r"\b(?:the (?:two |both )?countr(?:y|ies)|the two sides|bilateral|its)\b", re.IGNORECASE),
}


# A date of the story's one event of its kind (the day the quake struck): the event is its subject.
EVENT = Key(label="the story's event", rule="a date of the story's one event of its kind", confidence=SETTING_SUBJECT)


@dataclass(frozen=True, order=True)
class Placed:
    """A mention of an entity at a position of a source."""

    start: int
    end: int
    entity: str
    kind: str
    text: str = ""


class Subjects:
    """Finds the subjects of claims from the entity mentions of one story."""

    def __init__(self, entities: list[Entity] | tuple[Entity, ...], claims: list[Claim]):
        self._mentions = _without_clock_zones(_placed(entities), claims)
        self._starts = {source: [m.start for m in placed] for source, placed in self._mentions.items()}
        self._country = _affiliations(self._mentions)
        self._setting = self._settings(claims)

    def of(self, claim: Claim, places_only: bool = False) -> frozenset[str]:
        """The subject keys of a claim (entity ids, a leader as his country); empty for the story as a whole."""
        return frozenset(key for key, _ in self._found(claim, places_only)[0])

    def key(self, claim: Claim, places_only: bool, names: dict[str, str], others: tuple[tuple[int, int], ...] = ()) -> Key:
        """The subject of a claim as a key, with the names that decided it.

        `places_only` for measures whose subject is where they happened (a death toll is Syria's, not the
        minister's who announced it); `names` gives each entity id its preferred name; `others` the spans
        of the sentence's other figures: a name past one of them is that figure's ("€1 billion for Türkiye
        and €108 million for Syria").
        """
        found, rule, confidence = self._found(claim, places_only, others)
        if not found:
            return Key(label="the story as a whole", rule=rule, confidence=confidence)
        keys = sorted({key for key, _ in found})
        return Key(
            value="+".join(keys),
            label=" and ".join(names.get(key, key) for key in keys),
            words=tuple(dict.fromkeys(text for _, text in found)),
            rule=rule,
            confidence=confidence,
        )

    def contender(self, claim: Claim, names: dict[str, str], others: tuple[tuple[int, int], ...] = ()) -> Key:
        """The candidate or party a share of the vote or a count of votes is about: the nearest person or
        organisation of the figure's clause (`Faye 54.28%, Ba 35.79%`), the story's setting too, since an
        election story names its candidates in every sentence; never a place (where the vote was, not who won
        it) and never a candidate's country, which all candidates share."""
        sentence = claim.context.sentence
        figures = ((claim.span.start, claim.span.end), *others)
        named = self._between(claim.source, sentence.start, sentence.end)
        inside = [m for m in named if not _within(m, figures) and not _part_of(m, claim)]
        # Before its clause too, last: `Ba with 35.79%` (`with` opens another figure's clause for a toll, not here).
        fitting = [m for m in _ordered(claim, inside, others) if m.kind in _CONTENDER_KINDS and not _across(m, claim, others)]
        if not fitting:
            return Key(label="the story as a whole", rule="no candidate or party in its clause", confidence=WHOLE_STORY)
        found = fitting[0]
        return Key(
            value=found.entity,
            label=names.get(found.entity, found.entity),
            words=(found.text,),
            rule="the nearest candidate or party of its clause",
            confidence=SENTENCE_SUBJECT,
        )

    def _found(
        self, claim: Claim, places_only: bool, others: tuple[tuple[int, int], ...] = ()
    ) -> tuple[list[tuple[str, str]], str, float]:
        kinds = {"place"} if places_only else _SUBJECT_KINDS
        sentence = claim.context.sentence
        figures = ((claim.span.start, claim.span.end), *others)
        named_here = [_as_place(m, sentence) for m in self._between(claim.source, sentence.start, sentence.end)]
        inside = [m for m in named_here if not _within(m, figures) and not _part_of(m, claim)]
        where = _where_of(claim, inside)
        if where is not None:
            return [(self._key(where), where.text)], "the place its clause says it happened in", SENTENCE_SUBJECT
        fitting = self._nearest(claim, inside, others, kinds)
        if not fitting and claim.stated.unit not in VEHICLE_CURRENCIES:
            # A sum in a country's own currency (`4 billion Swiss francs`) is that country's when the sentence
            # names no one else; dollars and euros are everyone's (`200 Millionen US-Dollar`, `US$ 245 milhões`).
            inside = sorted(inside + [m for m in named_here if _within(m, ((claim.span.start, claim.span.end),))])
            fitting = self._nearest(claim, inside, others, kinds)
        if fitting:
            return [(self._key(m), m.text) for m in fitting[:2]], "the nearest name of its sentence", SENTENCE_SUBJECT
        # A sentence whose subject comes before the figure names it ("Japan's trade … $35 billion" is the region's).
        named = any(self._fits(m, kinds) and m.start < claim.span.start for m in inside)
        pointed = self._pointed_to(claim, named, kinds)
        if pointed and _points_back(claim.context.sentence.text):
            return pointed, "the name its sentence points back to", POINTED_SUBJECT
        if pointed:
            return pointed, "the last name before a sentence that names no one", WHOLE_STORY
        nearest = _ordered(claim, inside, others)
        setting = [(key, m.text) for m in nearest if self._fits(m, kinds) and (key := self._key(m)) in self._setting]
        if setting:
            return setting[:2], "the story's setting, named in its sentence", SETTING_SUBJECT
        return [], "no name in or before its sentence", WHOLE_STORY

    def _nearest(
        self, claim: Claim, inside: list[Placed], others: tuple[tuple[int, int], ...], kinds: set[str]
    ) -> list[Placed]:
        """The names of the sentence that may be the figure's subject, nearest first (not the story's setting)."""
        fitting = [m for m in _ordered(claim, inside, others) if self._fits(m, kinds) and self._key(m) not in self._setting]
        return [m for m in fitting if _side(m, claim) != BEFORE_ITS_CLAUSE] or fitting

    def _fits(self, mention: Placed, kinds: set[str]) -> bool:
        return mention.kind in kinds or (mention.kind == "person" and "place" in kinds and mention.entity in self._country)

    def _pointed_to(self, claim: Claim, named: bool, allowed: set[str]) -> list[tuple[str, str]]:
        """The nearest earlier person or place, when the sentence points back to one."""
        text = claim.context.sentence.text
        kinds = {kind for kind, pattern in _ANAPHORA.items() if pattern.search(text)}
        if not kinds and not named and not _SUMMING_UP.search(text):
            kinds = {"person", "place"}  # no name at all ("Over 60 agreements were signed."): the one before
        kinds &= allowed | ({"person"} if "place" in allowed else set())
        start = claim.context.sentence.start
        for mention in reversed(self._between(claim.source, start - LOOKBACK, start)):
            if mention.kind in kinds and self._fits(mention, allowed) and (key := self._key(mention)) not in self._setting:
                return [(key, mention.text)]
        return []

    def names_in(self, source: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
        """The spans of the names between two positions: entity features already, not context words."""
        return tuple((m.start, m.end) for m in self._between(source, start, end))

    def persons_in(self, source: str, start: int, end: int) -> list[Placed]:
        """The mentions of names that are neither places nor organisations between two positions."""
        return [m for m in self._between(source, start, end) if m.kind in _PERSON_KINDS]

    def _key(self, mention: Placed) -> str:
        return self._country.get(mention.entity, mention.entity)

    def _between(self, source: str, start: int, end: int) -> list[Placed]:
        starts = self._starts.get(source, [])
        return self._mentions.get(source, [])[bisect_left(starts, start) : bisect_left(starts, end)]

    def _settings(self, claims: list[Claim]) -> set[str]:
        counts: Counter[str] = Counter()
        sentences = {(c.source, c.context.sentence.start, c.context.sentence.end) for c in claims}
        for source, start, end in sentences:
            counts.update({self._key(m) for m in self._between(source, start, end)})
        needed = max(2, SETTING_SHARE * len(sentences))
        return {key for key, count in counts.items() if count >= needed}


# A relative "where" after a place opens the clause of what happened there: "Hainan, where it left 92 injured",
# "la provincia de Hainan, donde dejó 92 heridos" is Hainan's count, not that of the country named before.
_WHERE = re.compile(r"^[\s,]*(?:where|in which|donde|en donde|en la que|où|wo|dove|onde|где|gdzie|waar)\b", re.IGNORECASE)
_PLACE_KINDS = {"place", "city", "region", "other"}  # a name "where" follows is a place, listed or not


# Words that make the unlisted name beside them a place: `the province of Ghor`, `Baghlan province`, `la provincia
# de Ghor`, `der Provinz Baghlan`. A toll there is the province's, not the country's named after it.
_PLACE_BEFORE = re.compile(
    r"\b(?:province|prefecture|district|county|region|state|provincia|prefectura|distrito|región|regione|região|"
    r"departamento|département|provinz|bezirk|präfektur|regency|kabupaten)\s+(?:of\s+|de\s+|di\s+|do\s+|da\s+|del\s+)?$",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(r"^\s+(?:province|prefecture|district|county|region|regency)\b", re.IGNORECASE)


def _as_place(mention: Placed, sentence) -> Placed:
    """A name the story's lists do not know, as a place when the words beside it say it is one (`_PLACE_BEFORE`)."""
    if mention.kind != "other":
        return mention
    start, end = mention.start - sentence.start, mention.end - sentence.start
    if _PLACE_BEFORE.search(sentence.text[max(0, start - 40) : start]) or _PLACE_AFTER.match(sentence.text[end:]):
        return replace(mention, kind="place")
    return mention


def _where_of(claim: Claim, inside: list[Placed]) -> Placed | None:
    """The place a relative "where" clause holding the figure hangs from: the last name before the figure, a
    place, with the clause's word right after it (the clause may list other figures: "dos muertos y 92 heridos")."""
    before = [m for m in inside if m.end <= claim.span.start]
    if not before or before[-1].kind not in _PLACE_KINDS:
        return None
    place, sentence = before[-1], claim.context.sentence
    after = sentence.text[place.end - sentence.start : claim.span.start - sentence.start]
    return place if _WHERE.match(after) else None


def _points_back(text: str) -> bool:
    """True when the sentence has a word that points back ("his visit", "the two countries")."""
    return any(pattern.search(text) for pattern in _ANAPHORA.values())


def _ordered(claim: Claim, inside: list[Placed], others: tuple[tuple[int, int], ...]) -> list[Placed]:
    """The sentence's names nearest the figure first: before it, after it, then before its clause; none past
    another figure unless every name is."""
    own = [m for m in inside if not _across(m, claim, others)]
    return sorted(own or inside, key=lambda m: (_side(m, claim), abs(m.start - claim.span.start)))


def _side(mention: Placed, claim: Claim) -> int:
    """0 for a name before the figure, 1 after it, 2 (BEFORE_ITS_CLAUSE) before it but in the clause before its own.

    The name before a figure is its subject (`Japan pledged $10 million`), unless a conjunction opens
    the figure's clause: in `€1 billion to Turkey and €108 million to Syria` the second sum is Syria's,
    and Turkey is the first sum's alone.
    """
    if mention.start > claim.span.start:
        return 1
    sentence = claim.context.sentence
    gap = sentence.text[mention.end - sentence.start : claim.span.start - sentence.start]
    words = _GAP_WORD.findall(gap.lower())
    return BEFORE_ITS_CLAUSE if words and words[-1] in CONJUNCTIONS else 0


# A name after a figure that these words introduce is one of what the figure counts, or set beside it, not
# whom it is about: "twenty-one members, including the European Union", "19 countries and the EU", "19か国とEU".
_PART_AFTER = re.compile(
    r"(?:\b(?:including|includes|included|incl|such as|among them|among which|notably|namely|like|plus|as well as|"
    r"besides|except|excluding|other than|dont|y compris|notamment|parmi eux|parmi lesquels|incluid[oa]s?|"
    r"incluyendo|incluso|entre ell[oa]s|darunter|einschließlich|inklusive|включая|в том числе|среди них|tra cui|"
    r"compres[oi]|incluindo|inclusive|entre eles)|包括|含め)[\W_]*(?:(?:the|la|le|les|el|los|las|die|der|das|den|l)\W*)?$"
    r"|^[\W_]*(?:and|et|y|e|und|и|або|ve|و|と|和|及|与|與)[\W_]*(?:(?:the|la|le|les|el|los|las|die|der|das|den|l)\W*)?$",
    re.IGNORECASE,
)


def _part_of(mention: Placed, claim: Claim) -> bool:
    """True when the name follows the figure as one of its parts or its peer (`_PART_AFTER`)."""
    if mention.start < claim.span.end:
        return False
    sentence = claim.context.sentence
    gap = sentence.text[claim.span.end - sentence.start : mention.start - sentence.start]
    return bool(_PART_AFTER.search(gap))


# The zone phrases that name a place (`horário de Brasília`, `Moscow time`, `heure de Paris`), from extract/clock.py.
_PLACE_ZONES = tuple(sorted((zone for zone in ZONES if " " in zone), key=len, reverse=True))


def _without_clock_zones(mentions: dict[str, list[Placed]], claims: list[Claim]) -> dict[str, list[Placed]]:
    """The mentions, less those a time zone's name is made of: `20h30 (21h30 no horário de Brasília)` is no figure of
    Brazil's. Only sentences that hold a figure are read; a zone elsewhere is no subject of any figure anyway."""
    sentences = {(claim.source, claim.context.sentence.start): claim.context.sentence for claim in claims}
    by_source: dict[str, list] = defaultdict(list)
    for source, start in sorted(sentences):
        by_source[source].append(sentences[(source, start)])
    kept = {}
    for source, placed in mentions.items():
        spans = by_source.get(source, [])
        starts = [span.start for span in spans]
        kept[source] = [mention for mention in placed if not _in_zone_name(mention, spans, starts)]
    return kept


def _in_zone_name(mention: Placed, sentences: list, starts: list[int]) -> bool:
    at = bisect_right(starts, mention.start) - 1  # the sentence that starts last before the mention
    sentence = sentences[at] if at >= 0 else None
    if sentence is None or mention.end > sentence.start + len(sentence.text) or not mention.text:
        return False
    start, end = mention.start - sentence.start, mention.end - sentence.start
    window = sentence.text[max(0, start - 12) : end + 6].lower()
    name = mention.text.lower()
    return any(name in zone and zone in window for zone in _PLACE_ZONES)


def _within(mention: Placed, figures: tuple[tuple[int, int], ...]) -> bool:
    """True when the name is part of a figure: the `US` of `200 Millionen US-Dollar`, the `Swiss` of Swiss francs."""
    return any(start <= mention.start and mention.end <= end for start, end in figures)


def _across(mention: Placed, claim: Claim, others: tuple[tuple[int, int], ...]) -> bool:
    """True when another figure stands between the name and the claim's figure."""
    low, high = sorted((mention.start, claim.span.start))
    return any(low < start < high for start, _ in others)


def _placed(entities) -> dict[str, list[Placed]]:
    by_source: dict[str, list[Placed]] = defaultdict(list)
    for entity in entities:
        kind = _subject_kind(entity)
        for spelling in (*entity.spellings, *entity.demonyms):
            for mention in spelling.mentions:
                placed = Placed(mention.span.start, mention.span.end, entity.id, kind, mention.span.text)
                by_source[mention.source].append(placed)
    return {source: sorted(placed) for source, placed in by_source.items()}


def _subject_kind(entity: Entity) -> str:
    """Countries are the places a figure is about; a city (Tokyo, where the summit met) rarely is.

    A place with a demonym (Kazakh, Japanese) or a country name CLDR knows is taken for a country.
    """
    if is_country(entity.name):
        return "place"
    if entity.kind == "place":
        if _REGION.search(entity.name):
            return "region"  # Central Asia, East Africa: what a story is about as a whole
        return "place" if entity.demonyms else "city"
    return entity.kind


def _affiliations(mentions: dict[str, list[Placed]]) -> dict[str, str]:
    """Each person's country: the place written most often right before their name."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for placed in mentions.values():
        for before, after in zip(placed, placed[1:]):
            if after.kind == "person" and before.kind == "place" and 0 <= after.start - before.end <= AFFILIATION_GAP:
                votes[after.entity][before.entity] += 1
    return {person: max(sorted(counts), key=counts.__getitem__) for person, counts in votes.items()}
