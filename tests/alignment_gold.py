"""Score an alignment against a gold grouping of claims: pairwise precision and recall.

Precision is the share of claim pairs put in one fact that truly are one fact
(a false merge can invent a contradiction); recall the share of true pairs found
(a missed merge hides a disagreement or a corroboration).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from factcheck.models import Claim, Fact


@dataclass(frozen=True)
class Score:
    """Pairwise precision and recall, with the pairs behind them."""

    precision: float
    recall: float
    false_pairs: list[tuple[str, str]]
    missed_pairs: list[tuple[str, str]]


def claim_keys(claims: list[Claim]) -> dict[str, str]:
    """'<source prefix>:<surface>[#n]' for every claim id, in text order."""
    keys: dict[str, str] = {}
    seen: dict[str, int] = {}
    for claim in sorted(claims, key=lambda c: (c.source, c.span.start)):
        base = f"{claim.source.rsplit('/', 1)[-1][:3]}:{claim.surface}"
        seen[base] = seen.get(base, 0) + 1
        keys[claim.id] = base if seen[base] == 1 else f"{base}#{seen[base]}"
    return keys


def score(path: Path, claims: list[Claim], facts: list[Fact]) -> Score:
    """Pairwise precision and recall of `facts` against the gold file."""
    gold = tomllib.loads(path.read_text(encoding="utf-8"))
    keys = claim_keys(claims)
    ignored = set(gold.get("ignore", []))
    truth = _pairs([fact["claims"] for fact in gold["fact"]])
    found = _pairs([[keys[c] for c in fact.claims if keys[c] not in ignored] for fact in facts])
    unknown = {k for pair in truth for k in pair} - set(keys.values())
    if unknown:
        raise ValueError(f"gold names claims that were not extracted: {sorted(unknown)}")
    right = found & truth
    return Score(
        precision=len(right) / len(found) if found else 1.0,
        recall=len(right) / len(truth) if truth else 1.0,
        false_pairs=sorted(found - truth),
        missed_pairs=sorted(truth - found),
    )


def _pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {tuple(sorted(pair)) for group in groups for pair in combinations(sorted(set(group)), 2)}
