"""time_zones: a time restated in another zone whose difference is not the zones' (`10h33 (5h33, heure française)`
in Kathmandu, UTC+5:45, is 4h48 in Paris in January, not 5h33).

The offsets are those of the day (tz database through `zoneinfo`, summer time included): the source's publication
date, else the story's. Local time is the zone of the place the story is about: the country whose only currency is
the story's (`NPR`: Nepal, `JPY`: Japan), when that country has one zone; otherwise (`USD`, `EUR`, Russia's eleven
zones) a time in local time is not checked. A time with neither am nor pm, between 1 and 12, may be either half of the
day. Time extraction: `factcheck/extract/clock.py`.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.core import get_global

from factcheck.checks import Check, CheckConfig, register
from factcheck.checks.base import StoryFacts
from factcheck.extract.clock import LOCAL, ZonePair, zone_pairs
from factcheck.models import Finding, Severity, Source, line_starts, span_in
from factcheck.normalize.countries import country_of_currency

_DAY = 24 * 60


class TimeZonesConfig(CheckConfig):
    """The time-zone check has only the options every check takes."""


def run(story: StoryFacts, config: TimeZonesConfig) -> list[Finding]:
    """One finding per bracketed time whose zone difference the day's offsets do not give."""
    findings = []
    local = local_zone(story.story.currency)
    for source in story.sources:
        day = source.published or story.story.reference_date
        if day is None:
            continue
        lines: list[int] = []
        for pair in zone_pairs(source.text):
            offsets = [_offset(zone, local, day) for zone in pair.zones]
            if None in offsets:
                continue
            expected = (pair.minutes[0] - offsets[0] + offsets[1]) % _DAY
            if not _fits(pair, expected):
                lines = lines or line_starts(source.text)
                findings.append(_finding(story, source, lines, pair, offsets, expected, day, config))
    return findings


@lru_cache(maxsize=64)
def local_zone(currency: str) -> str | None:
    """The one zone of the one country whose only currency is `currency`, if there is one."""
    country = country_of_currency(currency)
    zones = get_global("territory_zones").get(country, []) if country else []
    return zones[0] if len(zones) == 1 else None


def _offset(zone: str | int, local: str | None, day: dt.date) -> int | None:
    """Minutes east of UTC of a zone on a day; None for local time where the story's zone is not known."""
    if isinstance(zone, int):
        return zone
    name = local if zone == LOCAL else zone
    if name is None:
        return None
    try:
        offset = dt.datetime(day.year, day.month, day.day, 12, tzinfo=ZoneInfo(name)).utcoffset()
    except ZoneInfoNotFoundError:
        return None
    return int(offset.total_seconds() // 60) if offset is not None else None


def _fits(pair: ZonePair, expected: int) -> bool:
    """True when the restated time is the expected one, in either half of the day where the text allows both."""
    firsts = {pair.minutes[0]} | ({(pair.minutes[0] + 720) % _DAY} if pair.twelve_hour[0] else set())
    seconds = {pair.minutes[1]} | ({(pair.minutes[1] + 720) % _DAY} if pair.twelve_hour[1] else set())
    shift = (expected - pair.minutes[0]) % _DAY
    return any((first + shift) % _DAY == second for first in firsts for second in seconds)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _utc(offset: int) -> str:
    sign = "+" if offset >= 0 else "-"
    hours, minutes = divmod(abs(offset), 60)
    return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")


def _finding(
    story: StoryFacts,
    source: Source,
    lines: list[int],
    pair: ZonePair,
    offsets: list[int],
    expected: int,
    day: dt.date,
    config: TimeZonesConfig,
) -> Finding:
    first, second = (span_in(source.text, lines, *pair.first), span_in(source.text, lines, *pair.second))
    gap = min((pair.minutes[1] - expected) % _DAY, (expected - pair.minutes[1]) % _DAY)
    message = (
        f"{story.name_of(source.id)} gives {first.text} ({_utc(offsets[0])}) as {second.text} ({_utc(offsets[1])}); "
        f"on {day:%d %b %Y} that is {_clock(expected)}, {gap} minutes off."
    )
    return story.finding(
        CHECK.id,
        config.severity or CHECK.severity,
        message,
        claims=(),
        identity=(source.id, first.text, second.text),
        values=(first.text, second.text),
        expected=_clock(expected),
        observed=second.text,
        trail=[
            f"“{first.text}”: {_clock(pair.minutes[0])} at {_utc(offsets[0])}",
            f"“{second.text}”: {_utc(offsets[1])} on {day:%d %b %Y} (tz database), so {_clock(expected)}",
        ],
        cited=[story.cite_span(source.id, second), story.cite_span(source.id, first)],
    )


CHECK = register(
    Check(
        id="time_zones",
        summary="A time restated in another zone whose difference is not the zones' on that day.",
        config=TimeZonesConfig,
        severity=Severity.ERROR,
        run=run,
    )
)
