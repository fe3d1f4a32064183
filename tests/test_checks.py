"""Every check's data-driven cases (tests/cases/checks/<check>.toml), collected by one hook.

A case gives the claims and entities of a story, an optional `config` for the
check, and what must be found: `expect = []` for a pass, else one table per
finding with its severity and words its message must contain.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.checks import REGISTRY
from tests.checks_cases import story_from_case

CASES_DIR = Path(__file__).parent / "cases" / "checks"


def _cases():
    for path in sorted(CASES_DIR.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(path.stem, case, id=f"{path.stem}: {case['name']}")


@pytest.mark.parametrize("check_id, case", list(_cases()))
def test_check_case(check_id, case):
    check = REGISTRY[check_id]
    config = check.config(**case.get("config", {}))
    findings = check.run(story_from_case(case), config)
    expected = case["expect"]
    assert len(findings) == len(expected), [f.message for f in findings]
    remaining = list(findings)
    for wanted in expected:
        match = next((f for f in remaining if _matches(f, wanted)), None)
        assert match is not None, f"nothing like {wanted} in {[(f.severity.value, f.message) for f in remaining]}"
        remaining.remove(match)
        assert match.rule == check_id and match.fingerprint and match.identity


def _matches(finding, wanted: dict) -> bool:
    return (
        finding.severity.value == wanted["severity"]
        and all(words in finding.message for words in wanted.get("message", []))
        and ("cites" not in wanted or [c.surface for c in finding.claims] == wanted["cites"])
        and ("draft" not in wanted or finding.draft is wanted["draft"])
    )


def test_every_check_has_cases():
    assert {path.stem for path in CASES_DIR.glob("*.toml")} == set(REGISTRY)


def test_fingerprints_ignore_offsets():
    case = next(c for c in tomllib.loads((CASES_DIR / "agreement.toml").read_text())["case"] if c["expect"])
    moved = {**case, "claim": [{**row, "offset": 57} for row in case["claim"]]}
    before = REGISTRY["agreement"].run(story_from_case(case), REGISTRY["agreement"].config())
    after = REGISTRY["agreement"].run(story_from_case(moved), REGISTRY["agreement"].config())
    assert [f.fingerprint for f in before] == [f.fingerprint for f in after]
    assert [c.start for c in before[0].claims] != [c.start for c in after[0].claims]


def _conversions(text: str) -> list:
    import factcheck

    report = factcheck.check(factcheck.Text(text, name="a.txt", published="2024-06-18", language="en"))
    return [finding for finding in report.findings if finding.rule == "conversion"]


def test_a_temperature_difference_converts_without_the_offset():
    # A rise of 0.4 °C is one of 0.72 °F; read as temperatures, 0.4 °C would be 32.72 °F.
    assert _conversions("Each degree was worse: temperatures rose 0.4 degrees Celsius (0.72 degrees Fahrenheit) a decade.") == []


def test_a_temperature_conversion_takes_its_offset_and_a_wrong_one_is_reported():
    assert _conversions("Mecca reached 51.8 degrees Celsius (125.2 degrees Fahrenheit) on Monday.") == []
    wrong = _conversions("Mecca reached 51.8 degrees Celsius (135.2 degrees Fahrenheit) on Monday.")
    assert len(wrong) == 1 and "125" in wrong[0].message
