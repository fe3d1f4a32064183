"""Extraction on the sample corpus: what a careful reader finds there, and a golden file of every claim.

The golden file (tests/data/golden/claims_seeds.json) pins every claim's reading so a change shows in
review; rewrite it after a deliberate change with `python3 -m tests.test_extract_golden`.
"""

from __future__ import annotations

import json
import sys

from factcheck.config import load_rules
from factcheck.models import Claim
from factcheck.pipeline import run
from tests.paths import ROOT, RULES, SEEDS

GOLDEN = ROOT / "tests" / "data" / "golden" / "claims_seeds.json"

# What a careful reader of the five articles checks, by file (numbered by its prefix), kind and surface.
EXPECTED = {
    "000": [
        ("money", "3 trillion yen"), ("money", "$19 billion"), ("date", "December 20"), ("money", "three trillion yen"),
        ("duration", "five years"), ("count", "150 public- and private-sector agreements"),
        ("count", "three priority areas"), ("money", "$8.5 billion"), ("count", "60 bilateral agreements"),
        ("money", "$3.7 billion"), ("date", "May 2026"), ("year", "2028"), ("duration", "twenty years"),
        ("duration", "two years"),
    ],
    "001": [
        ("duration", "five-year"), ("money", "3 trillion yen"), ("money", "€17.9 billion"), ("money", "$12 billion"),
        ("count", "60 bilateral agreements"), ("money", "$3.7 billion"), ("count", "nine new agreements"),
        ("count", "20 new agreements"), ("count", "150 documents"),
    ],
    "002": [
        ("date", "December 20"), ("count", "five Central Asian countries"), ("money", "$20 billion"),
        ("duration", "five years"), ("physical", "1.155 million tons per year"), ("year", "1992"), ("year", "2005"),
        ("year", "2013"), ("money", "$12 billion"), ("year", "1990s"), ("count", "70 officials"), ("year", "2006"),
        ("money", "$109 million"), ("year", "2024"), ("count", "60 agreements"), ("money", "$3.7 billion"),
        ("money", "$8.5 billion"), ("money", "$2 billion"), ("percent", "80%"), ("count", "60 Japanese firms"),
        ("money", "$35 billion"), ("money", "$95 billion"), ("money", "$50 billion"),
    ],
    "003": [
        ("date", "December 20, 2025"), ("year", "2023"), ("year", "1997"), ("year", "2004"), ("duration", "30 years"),
        ("year", "1993–2023"), ("count", "49 projects"), ("money", "$427.4 million"), ("money", "$97.2 million"),
        ("money", "$330.2 million"), ("count", "15 scholarships"), ("count", "100 participants"),
        ("count", "2,500 specialists"), ("count", "two phases"), ("money", "$20 billion"), ("duration", "five years"),
        ("count", "60 bilateral documents"), ("money", "$3.7 billion"), ("count", "150 documents"),
    ],
    "004": [
        ("duration", "two decades"), ("count", "three priority areas"), ("year", "2004"),
        ("count", "five Central Asian countries"), ("count", "Three new priority areas"), ("money", "3 trillion JPY"),
        ("money", "19 billion USD"), ("duration", "five years"), ("duration", "two decades"), ("money", "35 billion USD"),
    ],
}  # fmt: skip
# Numbers inside names and codes: never claims (nor are the list markers "1." to "5.": no bare count is found).
NOT_CLAIMS = ["Kambarata", "2KR", "2040", "5+1"]


def _by_file(claims: list[Claim]) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for claim in claims:
        found.setdefault(claim.source.rsplit("/", 1)[-1][:3], []).append((claim.kind.value, claim.surface))
    return found


def test_every_figure_a_careful_reader_finds(seeds_report):
    found = _by_file(list(seeds_report.claims))
    for prefix, wanted in EXPECTED.items():
        missing = [item for item in wanted if item not in found.get(prefix, [])]
        assert not missing, f"{prefix}: missing {missing}"


def test_no_number_inside_a_name_is_a_claim(seeds_report):
    surfaces = [claim.surface for claim in seeds_report.claims]
    assert not [s for s in surfaces if any(bad in s for bad in NOT_CLAIMS)]
    assert not [c.surface for c in seeds_report.claims if c.kind.value == "count" and c.context.noun is None]


def test_in_text_conversions_are_linked(seeds_report):
    restating = {claim.surface for claim in seeds_report.claims if claim.restates}
    assert {"$19 billion", "€17.9 billion", "19 billion USD"} <= restating


def test_claims_match_the_golden_file(seeds_report):
    assert golden(list(seeds_report.claims)) == json.loads(GOLDEN.read_text(encoding="utf-8"))


def golden(claims: list[Claim]) -> list[dict]:
    """The readings a golden file pins, one small record per claim."""
    return [
        {
            "id": claim.id,
            "kind": claim.kind.value,
            "surface": claim.surface,
            "value": str(claim.stated.value),
            "upper": None if claim.stated.upper is None else str(claim.stated.upper),
            "unit": claim.stated.unit,
            "interval": [str(claim.stated.interval.low), str(claim.stated.interval.high)],
            "qualifier": claim.qualifier,
            "role": claim.role,
            "noun": claim.context.noun,
            "restates": claim.restates,
            "confidence": claim.confidence,
            "notes": list(claim.notes),
        }
        for claim in claims
    ]


if __name__ == "__main__":
    report = run([SEEDS], load_rules(RULES))
    GOLDEN.write_text(json.dumps(golden(list(report.claims)), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(report.claims)} claims to {GOLDEN.relative_to(ROOT)}", file=sys.stderr)
