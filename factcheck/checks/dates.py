"""dates: a source that dates one of the story's events on another day than the other sources do.

Every date of one kind of the story's events (the day the quake struck, the swearing-in, the
announcement, the day a summit opened or ended: `subject = "event"` in rules/measures.toml) is
compared with the others of its kind, by the measure key alone: a story has one such event, and
its dates in five languages share no words for alignment to see. The day most sources give is the consensus; a date some days away from it is
reported, and so is one on the same day and month a year off (`17 January 2023` for the 2024
announcement). A date further away is another event of the kind (the earthquake of 1960 a story
recalls), not a contradiction; an event a story has many of (an announcement: results on 8 May, sales
figures on 25 April) is this one only within a few days, or a year off. An outlier is a warning when at
least `min_sources` other sources agree on the consensus day, else information: the cue that names the
event is a guess by nature, and
only one next to the date (not the nearest word of its clause) names the event surely enough to warn.
A date one day off is information too unless its own source also gives the consensus day: the
quake of 01:17 UTC on Monday struck on Sunday evening for a paper in Chile.

A day named relative to the publication (extract/days.py; a Chinese or Japanese day of the month alone, `14日`,
whose month is the publication's) never makes the consensus, and is compared only when the consensus lies within a
week of it: "yesterday" in a piece written weeks
after the event is about something else. Yesterday is compared like a date; a weekday (`the
pledges came on Monday`) by its weekday alone: which week it meant, the text does not say.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from pydantic import Field

from factcheck import figures
from factcheck.checks import Check, CheckConfig, register
from factcheck.checks.base import StoryFacts, claim_key, explain
from factcheck.extract.dates import MONTH_DAY
from factcheck.keys import SURE_CUE
from factcheck.keys.subject import EVENT
from factcheck.models import Claim, ClaimKind, Finding, Severity


class DatesConfig(CheckConfig):
    """How far apart two days may be and still date one event."""

    window_days: int = Field(default=45, ge=1, description="Days from the consensus within which a date is this event's.")
    min_sources: int = Field(default=3, ge=1, description="Other sources that must agree before an outlier is a warning.")
    recurring: list[str] = Field(
        default=["announced"],
        description="Measures of events a story has many of (announcements): dates further apart than "
        "`recurring_window_days` are other events of the kind.",
    )
    recurring_window_days: int = Field(
        default=3, ge=0, description="Days from the consensus within which a recurring event's date is this one's."
    )
    named_throughout: list[str] = Field(
        default=["voted"],
        description="Measures of an event a story names beside almost every date it gives (an election: the day "
        "the loser conceded, the results came, objections were heard, all `in the election on …`): their dates are "
        "compared as information only.",
    )
    slip_days: int = Field(
        default=3,
        ge=0,
        description="Further than this from the consensus, a date is a warning only as a slip of its month or of one "
        "digit of its day (`6 March` for 6 February, `29` for 19): otherwise another event of the kind is likely "
        "(`tras el paso del huracán Helene el 26 de septiembre`, in a story of Milton's landfall on 9 October).",
    )


def run(story: StoryFacts, config: DatesConfig) -> list[Finding]:
    """One finding per date that puts one of the story's events on another day than the consensus."""
    findings = []
    for label, days in _event_days(story).items():
        consensus = _consensus([(claim, day) for claim, day in days if claim.role not in _RELATIVE])
        if consensus is None:
            continue
        agreeing = [claim for claim, day in days if day == consensus and claim.role not in _RELATIVE]
        for claim, day in days:
            if _contradicts(claim, day, consensus, config):
                findings.append(_finding(story, label, claim, day, consensus, agreeing, config))
    return findings


_RELATIVE = frozenset({"weekday", "yesterday", MONTH_DAY})


def _contradicts(claim: Claim, day: dt.date, consensus: dt.date, config: DatesConfig) -> bool:
    if claim.role in _RELATIVE and abs((consensus - day).days) > 7:
        return False  # "yesterday" in a piece written weeks after the event is about something else
    if claim.role == "weekday":
        return day.weekday() != consensus.weekday()
    recurring = claim.keys.measure.value in config.recurring
    return day != consensus and _same_event(day, consensus, config, recurring)


def _event_days(story: StoryFacts) -> dict[str, list[tuple[Claim, dt.date]]]:
    """The single days of every date claim of an event measure, by the measure's label."""
    found: dict[str, list[tuple[Claim, dt.date]]] = {}
    for claim in story.claims:
        keys = claim.keys
        if claim.kind is ClaimKind.DATE and keys.subject == EVENT and keys.measure.label:
            if (day := figures.single_day(claim)) is not None:
                found.setdefault(keys.measure.label, []).append((claim, day))
    return found


def _consensus(days: list[tuple[Claim, dt.date]]) -> dt.date | None:
    """The day the most sources give, when one day leads; each source counts once per day."""
    votes = Counter(day for _, day in {(claim.source, day) for claim, day in days})
    ranked = votes.most_common()
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _same_event(day: dt.date, consensus: dt.date, config: DatesConfig, recurring: bool = False) -> bool:
    """Close enough to be this event's day, or its day and month with the year one off."""
    if abs((day - consensus).days) <= (config.recurring_window_days if recurring else config.window_days):
        return True
    return (day.month, day.day) == (consensus.month, consensus.day) and abs(day.year - consensus.year) == 1


def _finding(
    story: StoryFacts,
    label: str,
    claim: Claim,
    day: dt.date,
    consensus: dt.date,
    agreeing: list[Claim],
    config: DatesConfig,
) -> Finding:
    others = sorted({c.source for c in agreeing} - {claim.source})
    own = claim.source in {c.source for c in agreeing}
    weekday = claim.role == "weekday"
    reason = None if weekday and len(others) >= config.min_sources else _doubt(day, consensus, others, own, config)
    if claim.keys.measure.value in config.named_throughout:
        reason = "the story names this event beside dates of its other moments (the count, the results, a concession)"
    elif claim.keys.measure.confidence < SURE_CUE:
        # "関係者らは水曜日、…橋が崩落…と発表した": the day is the announcement's, the collapse only nearest
        reason = "no word next to the date names the event; the nearest in its clause may be another's"
    severity = config.severity or (Severity.INFO if reason else CHECK.severity)
    who = f"{len(others)} other sources give" if len(others) != 1 else "1 other source gives"
    who = who if others else "its own text elsewhere gives"
    also = " (its own text also gives that day)" if own and others else ""
    if weekday:
        message = (
            f"{story.name_of(claim.source)} says {claim.surface} for the {label.lower()}; "
            f"{who} {consensus:%A %-d %B %Y}{also}."
        )
    else:
        message = (
            f"{story.name_of(claim.source)} gives {claim.surface} ({day:%-d %B %Y}) for the {label.lower()}; "
            f"{who} {consensus:%-d %B %Y}{also}; {claim.surface} is {_apart(day, consensus)}."
        )
    if reason and config.severity is None:
        message += f" Not an error: {reason}."
    cited = [claim] + [c for c in agreeing if c.source != claim.source][:3]
    return story.finding(
        CHECK.id,
        severity,
        message,
        claims=cited,
        identity=(claim_key(claim),),
        values=sorted(f"{c.source}:{c.surface}" for c in cited),
        fact=story.fact_of(claim.id),
        expected=f"{consensus:%A %d %B %Y}" if weekday else f"{consensus:%d %B %Y}",
        observed=claim.surface if weekday else f"{day:%d %B %Y}",
        trail=[explain(c, story) for c in cited]
        + [f"the day most sources give: {consensus:%d %B %Y}; within {config.window_days} days, or a year off, "
           "a date is this event's"],
    )


def _doubt(day: dt.date, consensus: dt.date, others: list[str], own: bool, config: DatesConfig) -> str | None:
    """Why the date may be right after all, or None."""
    if len(others) < config.min_sources:
        return f"fewer than {config.min_sources} other sources agree on the day"
    if abs((day - consensus).days) == 1 and not own:
        return "a day apart, which the source's time zone may explain"
    if abs((day - consensus).days) > config.slip_days and not _slip(day, consensus):
        return f"{_apart(day, consensus)} is no slip of a month or a digit: another event of its kind may be meant"
    return None


def _slip(day: dt.date, consensus: dt.date) -> bool:
    """True when a date differs from the consensus as a slip does: in its month alone, or in one digit of its day
    (or its two digits swapped), or in its year alone."""
    if (day.month, day.day) == (consensus.month, consensus.day) or (day.year, day.day) == (consensus.year, consensus.day):
        return True
    if (day.year, day.month) != (consensus.year, consensus.month):
        return False
    written, usual = f"{day.day:02d}", f"{consensus.day:02d}"
    return sum(a != b for a, b in zip(written, usual)) == 1 or written == usual[::-1]


def _apart(day: dt.date, consensus: dt.date) -> str:
    gap = (day - consensus).days
    if abs(gap) > 300:
        return f"a year {'later' if gap > 0 else 'earlier'}"
    return f"{abs(gap)} day{'s' if abs(gap) != 1 else ''} {'later' if gap > 0 else 'earlier'}"


CHECK = register(
    Check(
        id="dates",
        summary="A source that dates one of the story's events on another day than the other sources do.",
        config=DatesConfig,
        severity=Severity.WARNING,
        run=run,
    )
)
