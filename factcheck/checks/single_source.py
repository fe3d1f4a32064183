"""single_source: a figure that only one source gives.

Not an error: an editor should know which figures rest on one source alone
before repeating them.
"""

from __future__ import annotations

from factcheck.checks import Check, CheckConfig, register
from factcheck.checks.base import StoryFacts, claim_key
from factcheck.models import ClaimKind, Finding, Severity


class SingleSourceConfig(CheckConfig):
    """Which kinds of claim deserve a note when only one source states them."""

    kinds: list[ClaimKind] = [ClaimKind.MONEY]


def run(story: StoryFacts, config: SingleSourceConfig) -> list[Finding]:
    """One info finding per fact whose claims all come from a single source."""
    findings = []
    multi_source_story = len(story.sources) > 1
    for fact in story.facts:
        claims = story.claims_of(fact)
        sources = {claim.source for claim in claims}
        if not multi_source_story or len(sources) != 1 or fact.kind not in config.kinds:
            continue
        (source,) = sources
        surfaces = ", ".join(dict.fromkeys(claim.surface for claim in claims))
        findings.append(
            story.finding(
                CHECK.id,
                config.severity or CHECK.severity,
                f"Only {story.name_of(source)} gives {fact.label}: {surfaces}.",
                claims=claims,
                identity=sorted(claim_key(c) for c in claims),
                values=(surfaces,),
                fact=fact.id,
                observed=surfaces,
                trail=[f"{len(story.sources)} sources in the story; this fact is stated by one."],
            )
        )
    return findings


CHECK = register(
    Check(
        id="single_source",
        summary="A figure only one source gives (information, not an error).",
        config=SingleSourceConfig,
        severity=Severity.INFO,
        run=run,
    )
)
