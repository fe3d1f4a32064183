"""The baseline file and the comparison of a run against it (factcheck/baseline.py)."""

import json

import pytest

from factcheck import baseline
from factcheck.checks.base import fingerprints
from factcheck.errors import EXIT_USAGE, BaselineError
from factcheck.models import BaselineEntry, BaselineState, Finding, Severity


def finding(fact: str, value: str, severity: Severity = Severity.ERROR, rule: str = "agreement") -> Finding:
    return Finding(
        rule=rule,
        severity=severity,
        message=f"{fact} is {value}",
        **fingerprints(rule, ("story", fact, "a", "b"), (value,)),
        story="story",
    )


def states(comparison) -> dict[str, str]:
    return {judgement.fingerprint: judgement.state.value for judgement in comparison.findings}


def test_create_keeps_what_identifies_a_finding_and_nothing_that_moves():
    accepted = baseline.create([finding("target", "$20 billion")])
    (entry,) = json.loads(baseline.dumps(accepted))["findings"]
    assert set(entry) == {"fingerprint", "identity", "rule", "severity", "message", "justification"}
    assert entry["severity"] == "error" and entry["justification"] is None


def test_dumps_is_sorted_versioned_and_the_same_whatever_the_input_order():
    findings = [finding("b", "1"), finding("a", "2", rule="spelling"), finding("a", "3")]
    text = baseline.dumps(baseline.create(findings))
    assert text == baseline.dumps(baseline.create(reversed(findings)))
    data = json.loads(text)
    assert data["version"] == baseline.BASELINE_VERSION
    assert [(e["rule"], e["message"]) for e in data["findings"]] == [
        ("agreement", "a is 3"), ("agreement", "b is 1"), ("spelling", "a is 2")
    ]
    assert text.endswith("}\n")


def test_update_keeps_justifications_of_findings_still_found_only():
    kept, dropped = finding("target", "$20 billion"), finding("trade", "$2 billion")
    old = baseline.create([kept, dropped])
    justified = old.model_copy(
        update={"findings": tuple(e.model_copy(update={"justification": "house style"}) for e in old.findings)}
    )
    changed = finding("trade", "$3 billion")  # same identity as `dropped`, other value: needs a new justification
    new = baseline.create([kept, changed], previous=justified)
    reasons = {entry.fingerprint: entry.justification for entry in new.findings}
    assert reasons == {kept.fingerprint: "house style", changed.fingerprint: None}


def test_save_then_load_round_trips(tmp_path):
    path = tmp_path / "factcheck-baseline.json"
    accepted = baseline.create([finding("target", "$20 billion"), finding("trade", "$2 billion")])
    baseline.save(accepted, path)
    assert baseline.load(path) == accepted


def test_save_never_overwrites_without_update(tmp_path):
    path = tmp_path / "b.json"
    path.write_text("precious", encoding="utf-8")
    with pytest.raises(BaselineError, match="use --update"):
        baseline.save(baseline.create([]), path)
    assert path.read_text(encoding="utf-8") == "precious"
    baseline.save(baseline.create([]), path, overwrite=True)
    assert json.loads(path.read_text(encoding="utf-8")) == {"version": 1, "findings": []}


@pytest.mark.parametrize(
    "content, message, line",
    [
        (None, "no such baseline", None),
        ('{"version": 1,\n "findings": [}', "invalid JSON", 2),
        ('{"version": 2, "findings": []}', "unknown baseline version 2", None),
        ('{"version": "1", "findings": []}', "unknown baseline version '1'", None),
        ('{"findings": []}', "unknown baseline version None", None),
        ("[1, 2]", "not a factcheck baseline", None),
        ('{"version": 1, "findings": [{"fingerprint": "x"}]}', "findings[0].identity: Field required", None),
        (b"\xff\xfe{", "not UTF-8", None),
    ],
)
def test_unreadable_baselines_are_baseline_errors_naming_the_file(tmp_path, content, message, line):
    path = tmp_path / "b.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as raised:
        baseline.load(path)
    assert message in raised.value.format() and str(path) in raised.value.format()
    assert raised.value.line == line and raised.value.exit_code == EXIT_USAGE


def test_compare_is_set_arithmetic_on_fingerprints():
    kept, gone, added = finding("target", "$20 billion"), finding("trade", "$2 billion"), finding("aid", "$97 million")
    comparison = baseline.compare(baseline.create([kept, gone]), [kept, added], path="b.json", fail_on=Severity.ERROR)
    assert states(comparison) == {kept.fingerprint: "unchanged", added.fingerprint: "new"}
    assert [entry.fingerprint for entry in comparison.fixed] == [gone.fingerprint]
    assert comparison.counts() == {"new": 1, "changed": 0, "unchanged": 1, "fixed": 1}


def test_a_known_fact_with_other_values_is_changed_not_new_nor_fixed():
    before, after = finding("target", "$20 billion"), finding("target", "$90 billion")
    comparison = baseline.compare(baseline.create([before]), [after], path="b.json", fail_on=Severity.ERROR)
    (judgement,) = comparison.findings
    assert judgement.state is BaselineState.CHANGED and judgement.fails
    assert judgement.accepted.fingerprint == before.fingerprint
    assert comparison.fixed == ()


def test_changed_pairs_one_for_one_so_an_extra_value_of_a_known_fact_is_new():
    # One accepted entry for the fact; the run has it unchanged plus another value: the other value is new.
    kept, extra = finding("target", "$20 billion"), finding("target", "$90 billion")
    comparison = baseline.compare(baseline.create([kept]), [kept, extra], path="b.json", fail_on=Severity.ERROR)
    assert states(comparison) == {kept.fingerprint: "unchanged", extra.fingerprint: "new"}


@pytest.mark.parametrize(
    "fail_on, fails",
    [(Severity.ERROR, False), (Severity.WARNING, True), (Severity.INFO, True)],
)
def test_only_new_findings_at_or_above_the_threshold_fail(fail_on, fails):
    accepted_error = finding("target", "$20 billion")
    new_warning = finding("spelling", "Berdymuhamedov", Severity.WARNING, rule="spelling")
    new_info = finding("aid", "$97 million", Severity.INFO, rule="single_source")
    comparison = baseline.compare(
        baseline.create([accepted_error]), [accepted_error, new_warning, new_info], path="b.json", fail_on=fail_on
    )
    failing = {j.fingerprint for j in comparison.findings if j.fails}
    expected = {new_warning.fingerprint} if fail_on is Severity.WARNING else set()
    if fail_on is Severity.INFO:
        expected = {new_warning.fingerprint, new_info.fingerprint}
    assert failing == expected
    assert bool(failing) is fails


def test_judge_puts_the_comparison_in_the_report_and_failed_reads_it(seeds_report):
    accepted = baseline.create(seeds_report.findings)
    judged = baseline.judge(seeds_report, accepted, path="b.json", fail_on=Severity.INFO)
    assert judged.baseline.counts()["unchanged"] == len({f.fingerprint for f in seeds_report.findings})
    assert not baseline.failed(judged) and not baseline.failed(seeds_report)
    emptied = baseline.judge(seeds_report, baseline.create([]), path="b.json", fail_on=Severity.INFO)
    assert baseline.failed(emptied) is bool(seeds_report.findings)


def test_entries_of_a_rule_that_no_longer_exists_still_load_and_compare():
    entry = BaselineEntry(fingerprint="f", identity="i", rule="retired", severity=Severity.WARNING, message="old")
    comparison = baseline.compare(baseline.Baseline(findings=(entry,)), [], path="b.json", fail_on=Severity.INFO)
    assert comparison.fixed == (entry,)
