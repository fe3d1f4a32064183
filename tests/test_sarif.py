"""SARIF output: valid against the official 2.1.0 schema, located on the cited spans, with baseline states."""

import json

import jsonschema
import pytest

from factcheck import baseline
from factcheck.checks import REGISTRY
from factcheck.models import BaselineEntry, CitedClaim, Severity
from factcheck.render import render, sarif
from tests.paths import ROOT

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict) -> None:
    validator = jsonschema.validators.validator_for(SCHEMA)
    validator(SCHEMA, format_checker=validator.FORMAT_CHECKER).validate(log)


@pytest.fixture(scope="module")
def judged(seeds_report):
    """The sample report against a baseline missing its first finding, with one justified and one stale entry."""
    accepted = baseline.create(seeds_report.findings[1:])
    entries = list(accepted.findings)
    entries[0] = entries[0].model_copy(update={"justification": "Checked with the outlet: their figure stands."})
    stale = BaselineEntry(fingerprint="0" * 20, identity="1" * 20, rule="agreement", severity=Severity.ERROR, message="gone")
    return baseline.judge(
        seeds_report, baseline.Baseline(findings=(*entries, stale)), path="factcheck-baseline.json", fail_on=Severity.WARNING
    )


def test_the_shipped_schema_is_the_official_sarif_2_1_0_schema():
    assert SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]


def test_report_sarif_validates_against_the_schema(seeds_report):
    log = json.loads(render(seeds_report, "sarif"))
    validate(log)
    assert log["version"] == "2.1.0"
    assert len(log["runs"][0]["results"]) == len(seeds_report.findings)


def test_judged_sarif_validates_and_carries_baseline_states(judged):
    log = json.loads(render(judged, "sarif"))
    validate(log)
    results = log["runs"][0]["results"]
    by_state = {}
    for result in results:
        by_state.setdefault(result["baselineState"], []).append(result)
    assert len(by_state["new"]) == 1 and len(by_state["absent"]) == 1
    assert len(by_state["unchanged"]) == len(judged.findings) - 1
    absent = by_state["absent"][0]
    assert absent["kind"] == "pass" and absent["level"] == "none"
    assert absent["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "factcheck-baseline.json"


def test_accepted_results_are_suppressed_with_their_justification(judged):
    results = json.loads(render(judged, "sarif"))["runs"][0]["results"]
    suppressions = [result.get("suppressions") for result in results if result["baselineState"] == "unchanged"]
    assert all(s and s[0]["kind"] == "external" and s[0]["status"] == "accepted" for s in suppressions)
    justified = [s[0]["justification"] for s in suppressions if "justification" in s[0]]
    assert justified == ["Checked with the outlet: their figure stands."]
    assert not any("suppressions" in r for r in results if r["baselineState"] != "unchanged")


def test_a_changed_finding_is_updated(seeds_report):
    first = seeds_report.findings[0]
    other_values = BaselineEntry(
        fingerprint="f" * 20, identity=first.identity, rule=first.rule, severity=first.severity, message="was"
    )
    judged = baseline.judge(
        seeds_report, baseline.Baseline(findings=(other_values,)), path="b.json", fail_on=Severity.INFO
    )
    states = [result["baselineState"] for result in json.loads(render(judged, "sarif"))["runs"][0]["results"]]
    assert states[0] == "updated" and "absent" not in states


def test_rules_come_from_the_registry_and_results_point_at_them(seeds_report):
    run = json.loads(render(seeds_report, "sarif"))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == sorted(REGISTRY)
    for rule in rules:
        check = REGISTRY[rule["id"]]
        assert rule["shortDescription"]["text"] == check.summary
        assert rule["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[check.severity]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_every_region_and_snippet_is_the_cited_text_of_the_original_file(seeds_report):
    run = json.loads(render(seeds_report, "sarif"))["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    for result in run["results"]:
        for location in result["locations"] + result.get("relatedLocations", []):
            physical = location["physicalLocation"]
            lines = (ROOT / physical["artifactLocation"]["uri"]).read_text(encoding="utf-8").split("\n")
            region = physical["region"]
            assert region["startLine"] == region["endLine"]  # no figure of the sample spans a line break
            text = lines[region["startLine"] - 1][region["startColumn"] - 1 : region["endColumn"] - 1]
            assert text == region["snippet"]["text"]


def test_other_sources_are_related_locations_and_fingerprints_are_partial(seeds_report):
    for finding, result in zip(seeds_report.findings, json.loads(render(seeds_report, "sarif"))["runs"][0]["results"]):
        first_source = finding.claims[0].source
        assert len(result["locations"]) == sum(1 for c in finding.claims if c.source == first_source)
        assert len(result.get("relatedLocations", [])) == sum(1 for c in finding.claims if c.source != first_source)
        assert result["partialFingerprints"] == {
            "factcheckFingerprint/v1": finding.fingerprint,
            "factcheckIdentity/v1": finding.identity,
        }


def test_sarif_is_deterministic(judged):
    assert render(judged, "sarif") == render(judged, "sarif")


def test_a_span_across_a_line_break_ends_on_the_next_line():
    cited = CitedClaim(claim="a@3", source="a", path="a.txt", start=3, end=17, line=2, column=4, surface="3 trillion\nyen")
    assert (cited.end_line, cited.end_column) == (3, 4)
    single = cited.model_copy(update={"surface": "$20 billion"})
    assert (single.end_line, single.end_column) == (2, 15)


def test_the_driver_links_the_docs_and_each_rule_its_anchor_and_full_description(seeds_report, monkeypatch):
    monkeypatch.setattr("factcheck.render.sarif.homepage", lambda: "https://docs.example.org/factcheck/")
    driver = json.loads(render(seeds_report, "sarif"))["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://docs.example.org/factcheck/"
    for rule in driver["rules"]:
        assert rule["helpUri"] == f"https://docs.example.org/factcheck/#check-{rule['id']}"
        full = rule["fullDescription"]["text"]
        assert full != rule["shortDescription"]["text"] and len(full) > len(rule["shortDescription"]["text"])
        assert not full.startswith(f"{rule['id']}:") and "\n\n" not in full.split("\n\n")[0]
    assert driver["rules"][0]["fullDescription"]["text"].startswith("Claims of one fact whose intervals")


def test_the_invocation_gives_the_exit_code_of_the_command(seeds_report, judged):
    (reported,) = json.loads(render(seeds_report, "sarif"))["runs"][0]["invocations"]
    assert reported == {"executionSuccessful": True, "exitCode": 0}
    (checked,) = json.loads(render(judged, "sarif"))["runs"][0]["invocations"]
    assert checked["executionSuccessful"] is True and checked["exitCode"] == 1  # one new finding at warning or above
    passed = baseline.judge(seeds_report, baseline.create(seeds_report.findings), path="b.json", fail_on=Severity.INFO)
    assert json.loads(render(passed, "sarif"))["runs"][0]["invocations"][0]["exitCode"] == 0
    assert json.loads(sarif.render(seeds_report, exit_code=1))["runs"][0]["invocations"][0]["exitCode"] == 1


def test_relative_paths_are_under_srcroot_and_the_log_holds_no_absolute_path(judged):
    text = render(judged, "sarif")
    run = json.loads(text)["runs"][0]
    assert set(run["originalUriBaseIds"]) == {"%SRCROOT%"}
    assert "uri" not in run["originalUriBaseIds"]["%SRCROOT%"]  # the machine's folder is not the log's business
    locations = [loc for result in run["results"] for loc in result["locations"] + result.get("relatedLocations", [])]
    assert {loc["physicalLocation"]["artifactLocation"]["uriBaseId"] for loc in locations} == {"%SRCROOT%"}
    assert str(ROOT) not in text and "file:" not in text
