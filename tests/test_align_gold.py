"""Alignment on the sample corpus against the facts an editor would group (tests/data/golden/facts_seeds.toml)."""

from pathlib import Path

from tests.alignment_gold import score

GOLD = Path(__file__).parent / "data" / "golden" / "facts_seeds.toml"


def test_alignment_merges_no_different_facts(seeds_report):
    result = score(GOLD, list(seeds_report.claims), list(seeds_report.facts))
    assert result.false_pairs == [], result.false_pairs


def test_alignment_finds_most_true_pairs(seeds_report):
    result = score(GOLD, list(seeds_report.claims), list(seeds_report.facts))
    assert result.recall >= 0.8, (result.recall, result.missed_pairs)  # measured 0.85
