"""weekday: a date written with a weekday that is not that date's (`Tuesday, 14 March 2024` was a Thursday).

The weekday must stand right next to the date, as news copy writes it (`Monday, February 6, 2023`,
`lundi 6 février 2023`, `el lunes 6 de febrero de 2023`, `Montag, 6. Februar 2023`, `6 March 2024 (Wednesday)`),
in the source's language; weekday names come from CLDR. A date whose year extraction had to assume is left
out (a wrong weekday there says more about the assumption than about the source) unless the day falls within
`assumed_year_days` of the source's publication: `Monday August 6` in a page of 6 August 2024 is 2024's.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import Field

from factcheck import figures
from factcheck.checks import Check, CheckConfig, register
from factcheck.checks.base import StoryFacts, claim_key, explain
from factcheck.extract.dates import assumed_year
from factcheck.extract.days import weekday_names
from factcheck.models import Claim, ClaimKind, Finding, Severity
from factcheck.scripts import caseless, primary

_BEFORE = 24  # characters before a date searched for its weekday: "el miércoles, " fits
_AFTER = 16  # characters after it: " (Wednesday)"
_JOIN = r"[\s,.(]*(?:den|the|le|el|il|o|a|der)?[\s,.(]*"  # what may stand between a weekday and its date


# A range has no one weekday; a weekday or yesterday is itself a day word (`ليل الجمعة السبت`: Friday night to
# Saturday).
_NOT_A_DATE = frozenset({"range", "weekday", "yesterday"})


class WeekdayConfig(CheckConfig):
    """How near its source's publication a date with no year written must fall to be checked."""

    assumed_year_days: int = Field(
        default=60, ge=0, description="A date whose year was not written is checked within this many days of publication."
    )


def run(story: StoryFacts, config: WeekdayConfig) -> list[Finding]:
    """One finding per full date written next to a weekday it did not fall on."""
    findings = []
    for claim in story.claims:
        day = _day(claim, story.source_by_id[claim.source].published, config)
        if day is None:
            continue
        written = written_weekday(claim, story.source_by_id[claim.source].language)
        if written is not None and written[1] != day.weekday():
            findings.append(_finding(story, claim, day, written[0], config))
    return findings


def _day(claim: Claim, published: dt.date | None, config: WeekdayConfig) -> dt.date | None:
    """The single day a date claim gives, when its year was written or is sure from the source's publication."""
    if claim.kind is not ClaimKind.DATE or claim.role in _NOT_A_DATE:
        return None
    interval = claim.stated.interval
    day = figures.day(interval.low) if interval.low == interval.high else None  # else a month, not a day
    if day is not None and assumed_year(claim.notes):
        near = published is not None and abs((day - published).days) <= config.assumed_year_days
        return day if near else None
    return day


def written_weekday(claim: Claim, language: str) -> tuple[str, int] | None:
    """The weekday written right before or after the date (the word as written, Monday = 0), if any."""
    names = weekday_names(primary(language))
    if not names:
        return None
    sentence = claim.context.sentence
    start = claim.span.start - sentence.start
    end = start + len(claim.span.text)
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    before = re.search(rf"(?<!\w)(?P<day>{alternatives}){_JOIN}$", sentence.text[max(0, start - _BEFORE) : start], re.I)
    after = re.match(rf"\s*[,(]\s*(?P<day>{alternatives})(?!\w)", sentence.text[end : end + _AFTER], re.I)
    found = before or after
    return (found.group("day"), names[caseless(found.group("day"))]) if found else None


def _finding(story: StoryFacts, claim: Claim, day: dt.date, word: str, config: WeekdayConfig) -> Finding:
    actual = f"{day:%A}"
    message = f"{story.name_of(claim.source)} writes {word} for {claim.surface}, which was a {actual}."
    return story.finding(
        CHECK.id,
        config.severity or CHECK.severity,
        message,
        claims=[claim],
        identity=(claim_key(claim),),
        values=(word, claim.surface),
        fact=story.fact_of(claim.id),
        expected=actual,
        observed=word,
        trail=[explain(claim, story), f"{day:%d %B %Y} fell on a {actual} (proleptic Gregorian calendar)"],
    )


CHECK = register(
    Check(
        id="weekday",
        summary="A date written with a weekday that is not that date's.",
        config=WeekdayConfig,
        severity=Severity.ERROR,
        run=run,
    )
)
