"""Severity follows confidence: how sure alignment is that the claims a finding compares are one fact.

An error needs every claim's measure, subject, scope and as-of decided by a rule that is
sure of itself, and claims from more than one source. A guessed key makes the same gap a
warning; an unknown measure or subject (no name in or before the figure's sentence), or
figures of one source only, make it information. The
reason goes into the finding, in an editor's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.keys import SURE, SURE_CUE
from factcheck.keys.as_of import has_time, moment
from factcheck.keys.subject import WHOLE_STORY
from factcheck.models import Claim, Key, Severity



@dataclass(frozen=True)
class Ceiling:
    """The most severe level the claims allow, and why it is not higher."""

    severity: Severity
    reason: str | None = None


def ceiling(claims: Sequence[Claim]) -> Ceiling:
    """How severe a finding comparing these claims may be."""
    if any(claim.keys.measure.value is None for claim in claims):
        return Ceiling(Severity.INFO, "what one of the figures measures is not known")
    if any(claim.keys.subject.confidence <= WHOLE_STORY for claim in claims):
        return Ceiling(Severity.INFO, "whom one of the figures is about is not known")
    if len({claim.source for claim in claims}) < 2:
        return Ceiling(Severity.INFO, "both figures come from one source, which may be giving a part or another time")
    guessed = sorted({name for claim in claims for name, key in _keys(claim) if key.confidence < SURE[name]})
    if guessed:
        return Ceiling(Severity.WARNING, f"the {', '.join(name.replace('_', '-') for name in guessed)} is a guess")
    if len({claim.keys.subject.value for claim in claims}) > 1:
        return Ceiling(Severity.WARNING, "the figures name different subjects")
    return Ceiling(Severity.ERROR)


def lowered_because(limit: Ceiling) -> str:
    """The sentence a finding ends with when its claims kept it below an error, in an editor's words: information
    is no error, a warning may be one."""
    if limit.reason is None:
        return ""
    return f" {'Not an error' if limit.severity is Severity.INFO else 'Only a warning'}: {limit.reason}."


def surely_one_series(claims: Sequence[Claim]) -> bool:
    """True when the claims are sure to count one thing in one place at known times: only then is there a series."""
    subjects = {claim.keys.subject.value for claim in claims}
    return (
        len(subjects) == 1
        and all(claim.keys.subject.confidence >= SURE["subject"] for claim in claims)
        and all(claim.keys.measure.confidence >= SURE_CUE for claim in claims)
        and all(claim.keys.as_of.confidence >= SURE["as_of"] for claim in claims)
    )


def capped(severity: Severity, limit: Ceiling) -> Severity:
    """`severity`, lowered to the ceiling when above it."""
    return severity if severity.rank <= limit.severity.rank else limit.severity


def why_compared(claims: Sequence[Claim]) -> str:
    """'Compared as deaths in Syria, as of 7 Feb 2023.' — what the claims share, as alignment decided it."""
    first = claims[0].keys
    parts = [first.measure.label.lower() if first.measure.label else "the same figure"]
    if first.subject.value and all(claim.keys.subject.value == first.subject.value for claim in claims):
        parts.append(f"for {first.subject.label}")
    if first.scope.label:
        parts.append(f"({first.scope.label})")
    days = sorted({day for claim in claims if (day := as_of_day(claim)) is not None})
    if days:
        parts.append(f"as of {days[0]:%d %b %Y}" if len(days) == 1 else f"between {days[0]:%d %b} and {days[-1]:%d %b %Y}")
    return "Compared as " + " ".join(parts) + "."


def as_of_day(claim: Claim) -> dt.date | None:
    """The day a claim's figure was true, if known."""
    at = moment(claim.keys.as_of)
    return at.date() if at else None


def same_instant(claims: Sequence[Claim], hours: float) -> bool:
    """True when every claim gives a time and all lie within `hours` of each other."""
    if not all(has_time(claim.keys.as_of) for claim in claims):
        return False
    times = [moment(claim.keys.as_of) for claim in claims]
    return max(times) - min(times) <= dt.timedelta(hours=hours)


def _keys(claim: Claim) -> list[tuple[str, Key]]:
    keys = claim.keys
    return [("measure", keys.measure), ("subject", keys.subject), ("scope", keys.scope), ("as_of", keys.as_of)]
