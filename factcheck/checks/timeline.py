"""timeline: incompatible dates for one event or start.

`JICA has played a key role in Tajikistan since 2006` against `JICA's project
portfolio over the first 30 years of its activities (1993–2023)`: two starts of
one thing. Only claims that date a start or an event (by their role) are
compared, so a fact's unrelated years are not read as a contradiction; and only claims whose own sentences
name a subject they share make more than information (`since 1990`, `since 2016` and `since March 19th` in
sentences that name no one may be the starts of three things), and a shared country alone only with a word that
says what starts (`an MP since 1998` and `the uncertainty that has gripped the Netherlands since the Nov. 22
election` are two things of one country); a start dated to the day in the story's own weeks is the story's event
(the conference that opens on 11 November), and a start years away from it another thing's (the treaty of 1992):
information at most. A range of two years running (`ejercicio
2023-24`) names a period, a fiscal year or a season, and dates no start; nor does the year a record is
measured against (`the steepest drop since 1987`).
"""

from __future__ import annotations

import re

from pydantic import Field

from factcheck import figures
from factcheck.align.frames import START_ROLES
from factcheck.checks import Check, CheckConfig, register
from factcheck.checks.base import StoryFacts, claim_key, explain
from factcheck.keys.subject import SENTENCE_SUBJECT
from factcheck.models import Claim, ClaimKind, Fact, Finding, Severity


class TimelineConfig(CheckConfig):
    """Which year roles date the start of something, and how far apart they may be."""

    start_roles: list[str] = Field(
        default=list(START_ROLES), description="Roles of year claims that date a start; a range's start is its first year."
    )
    slack_years: int = Field(default=0, ge=0, description="Years two starts may differ by.")
    event_days: int = Field(
        default=45,
        ge=0,
        description="A start dated to the day within this many days of the story's date is the story's own event (the "
        "conference that opens on 11 November): a start years before it is another thing's (the treaty of 1992).",
    )


def start_year(claim: Claim) -> int:
    """The year a claim dates a start to: the first year of a range, else the year itself.

    A date (and a range of dates) is a YYYYMMDD number: its year is its first four digits, never the number.
    """
    if claim.kind is ClaimKind.DATE:
        return int(str(claim.stated.value)[:4])
    if claim.role == "range":
        return int(claim.stated.interval.low)
    return int(claim.stated.value)


def _a_period(claim: Claim) -> bool:
    """True for a range of two years running (`2023-24`), or of dates about a year apart (`April 2023 and March 31,
    2024`): a fiscal year or a season is named, not a start (weeks of talks, `15 March–2 April`, start)."""
    if claim.role != "range":
        return False
    low, high = claim.stated.interval.low, claim.stated.interval.high
    if claim.kind is ClaimKind.DATE:
        return 300 <= (figures.day(high) - figures.day(low)).days <= 366
    return high - low <= 1


# A record's comparison, not a start: `the steepest drop since 1987`, `la pire chute depuis 1987`, `1987年以来最大`.
# Words of a superlative or a record, before the year in its clause (after it in Chinese, Japanese and Korean);
# `plus`, `most` or `mayor` alone are comparatives or other words (`dirige le pays, plus puissant que jamais, depuis`).
_RECORD_BEFORE = re.compile(
    r"\b(?:(?:steep|bigg|larg|high|low|great|sharp|deep|weak|strong|fast|hott|cold|wett|dri|heavi|short|long|"
    r"sever|dead|bloodi|warm|cheap|slow|busi|wid|clos|tight|mild)est|the (?:most|least)|worst|best|record|"
    r"first time|(?:le|la|les) (?:plus|moins)|pire|meilleur\w*|(?:el|la|los|las) (?:mayor|menor|peor|mejor)(?:es)?|"
    r"m[áa]xim\w*|m[íi]nim\w*|(?:o|a|os|as) (?:maior|pior)(?:es)?|(?:il|la|i|le) (?:maggior|peggior)\w*|größt\w*|höchst\w*|niedrigst\w*|schlimmst\w*|stärkst\w*|"
    r"tiefst\w*|schwerst\w*|heftigst\w*|schwächst\w*|erstmals|крупнейш\w*|сильнейш\w*|худш\w*|лучш\w*|"
    r"максимальн\w*|минимальн\w*|рекордн\w*|впервые|en (?:büyük|yüksek|düşük|kötü)|terbesar|tertinggi|terendah|"
    r"terburuk|lớn nhất|cao nhất|thấp nhất)\b[^.;:!?]*$",
    re.IGNORECASE,
)
_RECORD_AFTER = re.compile(r"^\S{0,3}?\s?(?:以来|以後|以降|이후|이래)\s?(?:最|初|첫|최대|최고|최저|최악)")
_RECORD_REACH = 80  # characters of the clause before the year searched for the record's word


def _a_record(claim: Claim) -> bool:
    """True when the year is what a record is measured against (`the worst since 1987`), not when a thing began."""
    text = claim.context.sentence.text
    start = claim.span.start - claim.context.sentence.start
    end = start + len(claim.span.text)
    return bool(_RECORD_BEFORE.search(text[max(0, start - _RECORD_REACH) : start]) or _RECORD_AFTER.match(text[end:]))


def run(story: StoryFacts, config: TimelineConfig) -> list[Finding]:
    """One finding per fact whose start dates differ across its claims."""
    findings = []
    for fact in story.facts:
        if fact.kind not in (ClaimKind.YEAR, ClaimKind.DATE):
            continue
        starts = [
            c for c in story.claims_of(fact) if c.role in config.start_roles and not _a_period(c) and not _a_record(c)
        ]
        years = {start_year(c) for c in starts}
        if len({c.source for c in starts}) > 1 and max(years, default=0) - min(years, default=0) > config.slack_years:
            findings.append(_finding(story, fact, starts, config))
    return findings


def _finding(story: StoryFacts, fact: Fact, starts: list[Claim], config: TimelineConfig) -> Finding:
    ordered = sorted(starts, key=lambda c: (start_year(c), c.source))
    stated = "; ".join(f"{story.name_of(c.source)}: “{_phrase(c)}” ({start_year(c)})" for c in ordered)
    first, last = start_year(ordered[0]), start_year(ordered[-1])
    sure = _one_named_subject(ordered)
    note = "" if sure else " Not an error: a sentence does not name what starts, so these may be starts of other things."
    if sure and any(c.keys.measure.value is None for c in ordered) and not _shared_beyond_places(story, ordered):
        sure, note = False, " Not an error: no word says what starts, and a country is where many things start."
    if sure and _story_event(story, ordered, config.event_days):
        sure, note = False, (
            " Not an error: one start is the story's own event, dated to the day; one years away is another thing's."
        )
    return story.finding(
        CHECK.id,
        (config.severity or CHECK.severity) if sure else Severity.INFO,
        f"Sources date the start of {fact.label} {last - first} year{'s' if last - first != 1 else ''} apart: "
        f"{stated}.{note}",
        claims=ordered,
        identity=sorted(claim_key(c) for c in ordered),
        values=sorted(f"{c.source}:{c.surface}" for c in ordered),
        fact=fact.id,
        expected=str(first),
        observed=", ".join(str(start_year(c)) for c in ordered),
        trail=[f"{explain(c, story)} → starts {start_year(c)}" for c in ordered]
        + [f"rule: starts of one thing may differ by {config.slack_years} years at most"],
    )


def _story_event(story: StoryFacts, starts: list[Claim], days: int) -> bool:
    """True when a start is a date within `days` of the story's date: the story's event, which the others, years
    away, did not start."""
    reference = story.story.reference_date
    if reference is None:
        return False
    dated = [figures.day(c.stated.interval.low) for c in starts if c.kind is ClaimKind.DATE]
    return any(day is not None and abs((day - reference).days) <= days for day in dated)


def _one_named_subject(starts: list[Claim]) -> bool:
    """True when every start's own sentence names its subject and they share one (`JICA … in Tajikistan since
    2006`, `In Tajikistan, JICA's … (1993–2023)`); a subject taken from the sentence before is a guess."""
    subjects = [set((c.keys.subject.value or "").split("+")) - {""} for c in starts]
    named = all(c.keys.subject.confidence >= SENTENCE_SUBJECT for c in starts)
    return named and all(subjects) and bool(set.intersection(*subjects))


def _shared_beyond_places(story: StoryFacts, starts: list[Claim]) -> bool:
    """True when the starts share a subject that is no place: one organisation or person (`JICA … since 2006`,
    `JICA's … (1993–2023)`), not only the country of an MP's seat and of its political crisis."""
    places = {entity.id for entity in story.entities if entity.kind == "place"}
    subjects = [set((c.keys.subject.value or "").split("+")) - {""} for c in starts]
    return bool(set.intersection(*subjects) - places)


def _phrase(claim: Claim) -> str:
    return f"{claim.role} {claim.surface}" if claim.role not in ("range", None) and claim.role not in claim.surface else claim.surface


CHECK = register(
    Check(
        id="timeline",
        summary="Incompatible dates for one event or start.",
        config=TimelineConfig,
        severity=Severity.WARNING,
        run=run,
    )
)
