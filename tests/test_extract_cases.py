"""Every extractor's data-driven cases (tests/cases/extract/<kind>.toml), collected by one hook."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.extract_cases import mismatches, run_case

CASES_DIR = Path(__file__).parent / "cases" / "extract"


def _cases():
    for path in sorted(CASES_DIR.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


CASES = list(_cases())


@pytest.mark.parametrize("case", CASES)
def test_extract_case(case, rules):
    claims = run_case(case, rules)
    found = [(claim.kind.value, claim.surface) for claim in claims]
    assert found == [(wanted["kind"], wanted["surface"]) for wanted in case["expect"]]
    for index, (claim, wanted) in enumerate(zip(claims, case["expect"])):
        previous = claims[index - 1] if index else None
        assert not mismatches(claim, wanted, previous), (claim.surface, mismatches(claim, wanted, previous))


def test_there_are_enough_cases():
    assert len(CASES) >= 150
