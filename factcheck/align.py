"""Alignment: group claims from different sources into facts."""

from __future__ import annotations

import hashlib

from factcheck.models import Claim, Fact, Story


def align(story: Story, claims: list[Claim]) -> list[Fact]:
    """Facts of one story: a figure together with the figures that restate it in brackets."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        root = claim.restates or claim.id
        groups.setdefault(root, []).append(claim)
    return [_fact(story, members) for members in groups.values()]


def _fact(story: Story, members: list[Claim]) -> Fact:
    first = members[0]
    label = _label(first)
    digest = hashlib.sha256(f"{story.id}|{label}|{first.source}|{first.surface}".encode()).hexdigest()[:12]
    return Fact(
        id=f"fact-{digest}",
        story=story.id,
        label=label,
        kind=first.kind,
        claims=tuple(claim.id for claim in members),
        reasons=("restated in brackets",) if len(members) > 1 else (),
    )


def _label(claim: Claim) -> str:
    words = " ".join(claim.context.words[:4])
    return f"{claim.kind.value}: {words}" if words else claim.kind.value
