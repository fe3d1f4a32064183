"""What every check receives, and the pieces every check uses to build a finding."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from factcheck.models import CitedClaim, Claim, Entity, Fact, Role, Source, Story


@dataclass(frozen=True)
class StoryFacts:
    """One story after alignment: the input of every check."""

    story: Story
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]
    entities: tuple[Entity, ...] = ()

    @cached_property
    def claim_by_id(self) -> dict[str, Claim]:
        """Claims by their id."""
        return {claim.id: claim for claim in self.claims}

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        """Sources by their id."""
        return {source.id: source for source in self.sources}

    def claims_of(self, fact: Fact) -> list[Claim]:
        """The claims of a fact, in the fact's order."""
        return [self.claim_by_id[claim_id] for claim_id in fact.claims]

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

    def title(self, source_id: str) -> str:
        """A source's readable name for messages."""
        source = self.source_by_id[source_id]
        return source.outlet or source.title


def fingerprints(rule: str, identity: Sequence[object], values: Sequence[object]) -> dict[str, str]:
    """The two content hashes of a finding, as keyword arguments for `Finding`.

    `identity` names what the finding is about (story, fact, sources) and
    `values` what it observed; `fingerprint` covers both, so a changed value is
    a new fingerprint under a known identity. Neither may contain offsets or
    line numbers, so moving unrelated text changes nothing.
    """
    return {"identity": _digest([rule, *identity]), "fingerprint": _digest([rule, *identity, "|", *values])}


def _digest(parts: list[object]) -> str:
    payload = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]
