"""office: a person given an office that other sources of the same days contradict.

Titles are read next to names (`normalize/titles.py`, vocabulary `rules/offices.toml`). One source's title for a
person is reported when at least `min_sources` other outlets, writing within `window_days` of it, give that
person titles that contradict it and agree among themselves, and they outnumber the outlets that give it:

- another office of the same family (`비자얀 주지사`, governor, where three sources say chief minister;
  `el vicealmirante Daniel Hagari` where others say rear admiral);
- the same office, former where the others say current (`expresidenta de Eslovaquia` the day before sources
  that call her president), or current where others said former the day before. A former title written after
  sources that said current is no contradiction: the term ended between them, or on the day.

A title that may mean several offices (`president`: of a country or of a party) contradicts nothing unless
every office it may mean does. The check needs no outside knowledge: it only compares sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from pydantic import Field

from factcheck.checks import Check, CheckConfig, register
from factcheck.checks.base import StoryFacts
from factcheck.models import Finding, Role, Severity
from factcheck.normalize.titles import Offices, Title, same_person_key

_COMPARED = ("current", "former")  # past, elect and deputy titles name no office held now
MAX_SUPPORTING = 2  # outlets giving a title beyond which it is a usage, not a slip, however many write otherwise

Reading = tuple[str, frozenset[str]]  # what a title says: its status and the offices it may mean


class OfficeConfig(CheckConfig):
    """How many sources must contradict a title, and how far apart in time they may write."""

    min_sources: int = Field(default=2, ge=1, description="Other outlets that must agree against the title.")
    window_days: int = Field(default=3, ge=0, description="Sources further apart than this may speak of different terms.")


def run(story: StoryFacts, config: OfficeConfig) -> list[Finding]:
    """One finding per title that the other sources' titles for the same person contradict."""
    vocabulary = story.office_vocabulary
    if vocabulary is None:
        return []
    findings = []
    for person in _people(story.titles):
        readings = _readings(person)
        reported: set[tuple[str, Reading]] = set()  # a source writing one title twice is one finding
        for title in person:
            if (title.source, _reading(title)) in reported:
                continue
            against = _against(story, vocabulary, title, readings, config)
            if against:
                reported.add((title.source, _reading(title)))
                findings.append(_finding(story, vocabulary, title, against, config))
    return findings


def _people(titles: Sequence[Title]) -> list[list[Title]]:
    """The titles grouped by person: one family name (in any script), and given names that share a word."""
    groups: dict[str, list[Title]] = {}
    for title in sorted((t for t in titles if t.status in _COMPARED), key=lambda t: (t.family, t.source, t.span.start)):
        family = next((known for known in groups if same_person_key(known, title.family)), title.family)
        groups.setdefault(family, []).append(title)
    people = [person for group in groups.values() for person in _by_given_name(group)]
    # A name never written with a given name is likely a place (`Walikota Orenburg`) or too short to be sure of.
    return [person for person in people if any(title.given for title in person)]


def _by_given_name(group: list[Title]) -> list[list[Title]]:
    """One family name borne by two people (`Arif Mohammad Khan`, `Sadiq Khan`) is two people: titles whose given
    names share no word. A title with the family name alone is then nobody's."""
    people: list[tuple[set[str], list[Title]]] = []
    for title in (t for t in group if t.given):
        joined = [p for p in people if any(same_person_key(a, b) for a in p[0] for b in title.given)]
        words, titles = set(title.given), [title]
        for person in joined:  # `Pradeep Jena` and `Pradeep Kumar Jena` join through `pradeep`
            words |= person[0]
            titles = person[1] + titles
            people.remove(person)
        people.append((words, titles))
    if len(people) > 1:
        return [titles for _, titles in people]
    return [[*(people[0][1] if people else []), *(t for t in group if not t.given)]]


def _readings(person: list[Title]) -> dict[Reading, list[Title]]:
    """A person's titles by what they say: a story of a thousand sources has a handful of readings."""
    readings: dict[Reading, list[Title]] = {}
    for title in person:
        readings.setdefault((title.status, title.offices), []).append(title)
    return readings


def _against(story: StoryFacts, vocabulary: Offices, title: Title, readings: dict[Reading, list[Title]],
             config: OfficeConfig) -> list[Title]:
    """The other sources' titles that contradict `title`, when enough outlets agree on them and few support it."""
    mine = _reading(title)
    agreeing = (t for reading, titles in readings.items() if _agree(mine, reading) for t in titles)
    supporting = _outlets(story, title, agreeing, config, stop=MAX_SUPPORTING + 1)
    if len(supporting) > MAX_SUPPORTING:  # the common case, settled after a few titles: everyone agrees
        return []
    contrary = {
        reading: [t for t in titles if t.source != title.source and _apart_rightly(story, title, t, config)]
        for reading, titles in readings.items()
        if _contradict(vocabulary, mine, reading)
    }
    contrary = {reading: titles for reading, titles in contrary.items() if titles}
    if not contrary:
        return []
    consensus = max(contrary, key=lambda reading: (len(_names(story, contrary[reading])), sorted(reading[1])))
    if any(_agree(_reading(t), consensus) for t in _written_by(readings, title.source)):
        return []  # the source itself also writes what the others say
    agreed = [t for reading, titles in contrary.items() if _agree(reading, consensus) for t in titles]
    outlets = _names(story, agreed)
    # A wire's error copied by two outlets is still outnumbered by the rest (`vicealmirante` twice, rear admiral
    # three times); two against two is no consensus.
    return agreed if len(outlets) >= config.min_sources and len(outlets) > len(supporting) else []


def _reading(title: Title) -> Reading:
    return title.status, title.offices


def _written_by(readings: dict[Reading, list[Title]], source: str) -> list[Title]:
    """A person's titles written by one source."""
    return [t for titles in readings.values() for t in titles if t.source == source]


def _outlets(story: StoryFacts, title: Title, titles: Iterable[Title], config: OfficeConfig, stop: int) -> set[str]:
    """The outlets (the title's own among them) of the titles written within the window of `title`, up to `stop`."""
    day, found = _day(story, title.source), {story.name_of(title.source)}
    for other in titles:
        if len(found) >= stop:
            break
        if _near(day, _day(story, other.source), config):
            found.add(story.name_of(other.source))
    return found


def _names(story: StoryFacts, titles: list[Title]) -> set[str]:
    return {story.name_of(t.source) for t in titles}


def _agree(first: Reading, second: Reading) -> bool:
    """Two readings that may name the same office held the same way."""
    return first[0] == second[0] and bool(first[1] & second[1])


def _contradict(vocabulary: Offices, first: Reading, second: Reading) -> bool:
    """Two readings that cannot both be true of one person on one day (the days are weighed by `_apart_rightly`)."""
    if first[0] == second[0]:
        return _exclusive(vocabulary, first[1], second[1])
    return bool(first[1] & second[1])


def _apart_rightly(story: StoryFacts, title: Title, other: Title, config: OfficeConfig) -> bool:
    """True when two titles' days let them contradict: within the window, and for former against current, the
    current one written a day or more after the former one (earlier, or on the day, the term may end between)."""
    first, second = _day(story, title.source), _day(story, other.source)
    if not _near(first, second, config):
        return False
    if title.status == other.status:
        return True
    current, former = (first, second) if title.status == "current" else (second, first)
    return current is not None and former is not None and current > former


def _exclusive(vocabulary: Offices, first: frozenset[str], second: frozenset[str]) -> bool:
    """True when every office one title may mean excludes every office the other may mean."""
    family = vocabulary.family
    return all(a != b and family.get(a) is not None and family.get(a) == family.get(b) for a in first for b in second)


def _day(story: StoryFacts, source: str) -> dt.date | None:
    return story.source_by_id[source].published


def _near(first: dt.date | None, second: dt.date | None, config: OfficeConfig) -> bool:
    return first is None or second is None or abs((first - second).days) <= config.window_days


def _finding(story: StoryFacts, vocabulary: Offices, title: Title, against: list[Title], config: OfficeConfig) -> Finding:
    said = _described(vocabulary, against[0])
    message = (
        f"{story.name_of(title.source)} calls {title.name} {_described(vocabulary, title)} (“{title.span.text}”); "
        f"{len(_names(story, against))} other sources of the same days call {title.name} {said}."
    )
    cited = [story.cite_span(title.source, title.span), *(story.cite_span(t.source, t.span) for t in against)]
    return story.finding(
        CHECK.id,
        config.severity or CHECK.severity,
        message,
        claims=[],
        identity=(title.source, title.family, title.status, tuple(sorted(title.offices))),
        values=(title.span.text, *sorted(t.span.text for t in against)),
        expected=said,
        observed=_described(vocabulary, title),
        trail=[f"{story.name_of(t.source)}: “{t.span.text}” ({_described(vocabulary, t)})" for t in [title, *against]],
        cited=cited,
        draft=story.source_by_id[title.source].role is Role.DRAFT,
    )


def _described(vocabulary: Offices, title: Title) -> str:
    """`governor`, `former president`: the office a title names, or its words when it may name several."""
    office = vocabulary.label[next(iter(title.offices))] if len(title.offices) == 1 else f"“{title.cue}”"
    return f"former {office}" if title.status == "former" else office


CHECK = register(
    Check(
        id="office",
        summary="A person given an office, or a former office, that the other sources of the same days contradict.",
        config=OfficeConfig,
        severity=Severity.WARNING,
        run=run,
    )
)
