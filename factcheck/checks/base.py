"""What every check receives, and the pieces every check uses to build a finding."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from factcheck import figures
from factcheck.models import CitedClaim, Claim, ClaimKind, Entity, Finding, Severity, Fact, Interval, Quantity, Role, Source, Span, Story

if TYPE_CHECKING:
    from factcheck.normalize.titles import Offices, Title


@dataclass(frozen=True)
class StoryFacts:
    """One story after alignment: the input of every check."""

    story: Story
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]
    entities: tuple[Entity, ...] = ()
    titles: tuple[Title, ...] = ()  # offices written next to names (normalize/titles.py)
    office_vocabulary: Offices | None = None  # what the titles' offices are (rules/offices.toml)

    @cached_property
    def claim_by_id(self) -> dict[str, Claim]:
        """Claims by their id."""
        return {claim.id: claim for claim in self.claims}

    @cached_property
    def fact_by_id(self) -> dict[str, Fact]:
        """Facts by their id."""
        return {fact.id: fact for fact in self.facts}

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        """Sources by their id."""
        return {source.id: source for source in self.sources}

    @cached_property
    def _explanations(self) -> dict[str, str]:
        """Trail lines already worked out, by claim id (filled by `explain`)."""
        return {}

    @cached_property
    def _fact_by_claim(self) -> dict[str, str]:
        return {claim_id: fact.id for fact in self.facts for claim_id in fact.claims}

    def fact_of(self, claim_id: str) -> str | None:
        """The id of the fact a claim belongs to."""
        return self._fact_by_claim.get(claim_id)

    def claims_of(self, fact: Fact) -> list[Claim]:
        """The claims of a fact, in the fact's order."""
        return [self.claim_by_id[claim_id] for claim_id in fact.claims]

    @cached_property
    def _dated_sentences(self) -> frozenset[tuple[str, int]]:
        return frozenset((c.source, c.context.sentence.start) for c in self.claims if c.kind is ClaimKind.DATE)

    def names_a_day(self, claim: Claim) -> bool:
        """True when the claim's sentence holds a date claim: it dates something to a day."""
        return (claim.source, claim.context.sentence.start) in self._dated_sentences

    def cite(self, claim: Claim) -> CitedClaim:
        """A claim as a finding cites it."""
        return CitedClaim(
            claim=claim.id,
            source=claim.source,
            path=self.source_by_id[claim.source].path,
            start=claim.span.start,
            end=claim.span.end,
            line=claim.span.line,
            column=claim.span.column,
            surface=claim.surface,
        )

    def involves_draft(self, claims: list[Claim]) -> bool:
        """True when any of the claims comes from the --draft source."""
        return any(self.source_by_id[claim.source].role is Role.DRAFT for claim in claims)

    def finding(
        self,
        check: str,
        severity: Severity,
        message: str,
        *,
        claims: Sequence[Claim],
        identity: Sequence[object],
        values: Sequence[object],
        fact: str | None = None,
        expected: str | None = None,
        observed: str | None = None,
        trail: Sequence[str] = (),
        cited: Sequence[CitedClaim] | None = None,
        draft: bool | None = None,
    ) -> Finding:
        """A finding of this story, its fingerprints, citations and draft mark worked out from its claims.

        `identity` names what it is about and `values` what it observed (see `fingerprints`);
        `cited` and `draft` are for findings about names rather than claims.
        """
        return Finding(
            rule=check,
            severity=severity,
            message=message,
            **fingerprints(check, (self.story.id, *identity), values),
            story=self.story.id,
            fact=fact,
            claims=tuple(cited) if cited is not None else tuple(self.cite(claim) for claim in claims),
            expected=expected,
            observed=observed,
            trail=tuple(trail),
            draft=self.involves_draft(list(claims)) if draft is None else draft,
        )

    def name_of(self, source_id: str) -> str:
        """A source's short readable name for messages: its outlet, else its title, shortened."""
        source = self.source_by_id[source_id]
        if source.outlet:
            return source.outlet
        title = source.title if len(source.title) <= 48 else source.title[:45].rsplit(" ", 1)[0] + "…"
        return f"“{title}”"

    def cite_span(self, source_id: str, span: Span) -> CitedClaim:
        """A name mention (or any span) cited like a claim."""
        return CitedClaim(
            claim=f"{source_id}@{span.start}",
            source=source_id,
            path=self.source_by_id[source_id].path,
            start=span.start,
            end=span.end,
            line=span.line,
            column=span.column,
            surface=span.text,
        )


@dataclass(frozen=True)
class Reading:
    """What a claim says on the common footing: its interval, value and unit."""

    claim: Claim
    quantity: Quantity

    @property
    def interval(self) -> Interval:
        """The interval the claim allows."""
        return self.quantity.interval

    @property
    def unit(self) -> str:
        """The unit of the interval (the reporting currency for converted money)."""
        return self.quantity.unit


def reading(claim: Claim) -> Reading:
    """The claim's normalised quantity when it has one, else the quantity as stated."""
    return Reading(claim, claim.normalized or claim.stated)


def explain(claim: Claim, story: StoryFacts) -> str:
    """One trail line: stated -> parsed -> qualifier -> rate -> normalised interval.

    Worked out once per claim and story: an agreement finding explains every claim of the consensus, so in a
    story of a thousand sources the same claims are explained for every outlier (formatting was 31 % of the run).
    """
    known = story._explanations.get(claim.id)
    if known is None:
        known = story._explanations[claim.id] = _explanation(claim, story)
    return known


def _explanation(claim: Claim, story: StoryFacts) -> str:
    stated = claim.stated
    steps = [
        f"{story.name_of(claim.source)}, line {claim.span.line}: \"{claim.surface}\"",
        f"read as {f'{claim.role} ' if claim.role and claim.kind in _CALENDAR else ''}{figures.quantity(stated, kind=claim.kind)}",
    ]
    if claim.kind not in _CALENDAR:
        steps.append(f"qualifier \"{claim.qualifier}\"" if claim.qualifier else "no qualifier")
        steps.append(f"interval {figures.interval(stated.interval, stated.unit, kind=claim.kind)}")
    if claim.conversion and claim.normalized and claim.conversion.origin != claim.conversion.target:
        conversion = claim.conversion
        when = f" of {conversion.rate_date:%d %b %Y}" if conversion.rate_date else ""
        band = f" ±{conversion.band * 100:.0f}%" if conversion.band else ""
        steps.append(f"{conversion.rate_source} rate{when}: 1 {conversion.origin} = {conversion.rate} {conversion.target}{band}")
        steps.append(f"in {claim.normalized.unit}: {figures.interval(claim.normalized.interval, claim.normalized.unit)}")
    return " → ".join(steps)


_CALENDAR = (ClaimKind.YEAR, ClaimKind.DATE)


_NUMBER = re.compile(r"\d[\d,.]*")


def claim_key(claim: Claim) -> str:
    """What a claim is, without where it is or what value it gives.

    Its source, kind, and sentence with every number masked, plus its word position in
    that sentence: moving a paragraph changes none of it, and neither does changing the
    figure, so a new value under a known key is a *changed* finding, not a new one.
    """
    sentence = claim.context.sentence
    masked = " ".join(_NUMBER.sub("#", sentence.text).split())
    position = len(_NUMBER.sub("#", sentence.text[: max(0, claim.span.start - sentence.start)]).split())
    digest = hashlib.sha256(masked.encode("utf-8")).hexdigest()[:16]
    return f"{claim.source}|{claim.kind.value}|{digest}|{position}"


def fingerprints(rule: str, identity: Sequence[object], values: Sequence[object]) -> dict[str, str]:
    """The two content hashes of a finding, as keyword arguments for `Finding`.

    `identity` names what the finding is about (story, fact, sources) and
    `values` what it observed; `fingerprint` covers both, so a changed value is
    a new fingerprint under a known identity. Neither may contain offsets or
    line numbers, so moving unrelated text changes nothing.

    Nor does where the corpus lies: the first item of `identity` is the story's id, a folder path, and it
    is left out, and every source id under it (`articles/quake/reuters`, alone or heading a claim key or a
    `source:surface` value) counts by its path inside the story folder (`reuters`). Renaming or moving the
    corpus folder, or running from another folder, keeps every fingerprint.
    """
    story, *about = identity or ("",)
    prefix = "" if str(story) in ("", ".") else f"{story}/"

    def in_story(parts: Sequence[object]) -> list[object]:  # the prefix off each string, in lists too
        return [
            part.removeprefix(prefix) if isinstance(part, str)
            else in_story(part) if isinstance(part, (list, tuple)) else part
            for part in parts
        ]

    about, seen = in_story(about), in_story(values)
    return {"identity": _digest([rule, *about]), "fingerprint": _digest([rule, *about, "|", *seen])}


def _digest(parts: list[object]) -> str:
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]
