"""The CI commands: `factcheck baseline`, `factcheck check`, the machine formats and their exit codes."""

import io
import json

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.progress import ProgressBar, progress_bar
from tests.paths import RULES, SEEDS


@pytest.fixture
def runner():
    return CliRunner()


def invoke(runner, *args):
    return runner.invoke(cli, [str(arg) for arg in args])


@pytest.fixture(scope="module")
def accepted(tmp_path_factory):
    """A baseline of the sample corpus, made by the command."""
    path = tmp_path_factory.mktemp("baseline") / "factcheck-baseline.json"
    result = CliRunner().invoke(cli, ["baseline", str(SEEDS), "--rules", str(RULES), "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def report_schema():
    return json.loads(CliRunner().invoke(cli, ["schema"]).output)


def test_baseline_writes_the_file_and_says_so(accepted):
    data = json.loads(accepted.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["findings"]
    keys = {key for entry in data["findings"] for key in entry}
    assert not keys & {"start", "end", "line", "column", "offset"}, keys


def test_baseline_refuses_to_overwrite_without_update(runner, accepted):
    before = accepted.read_text(encoding="utf-8")
    result = invoke(runner, "baseline", SEEDS, "--rules", RULES, "-o", accepted)
    assert result.exit_code == 2
    assert f"{accepted}: baseline error: baseline already exists; use --update" in result.output
    assert accepted.read_text(encoding="utf-8") == before


def test_update_rewrites_and_keeps_justifications(runner, accepted, tmp_path):
    path = tmp_path / "b.json"
    data = json.loads(accepted.read_text(encoding="utf-8"))
    data["findings"][0]["justification"] = "Agreed with the desk."
    data["findings"].append({**data["findings"][-1], "fingerprint": "stale", "justification": "gone"})
    path.write_text(json.dumps(data), encoding="utf-8")
    result = invoke(runner, "baseline", SEEDS, "--rules", RULES, "-o", path, "--update")
    assert result.exit_code == 0, result.output
    updated = json.loads(path.read_text(encoding="utf-8"))
    assert [e["justification"] for e in updated["findings"] if e["justification"]] == ["Agreed with the desk."]
    assert path.read_text(encoding="utf-8") != json.dumps(data)
    assert "stale" not in {e["fingerprint"] for e in updated["findings"]}


def test_check_against_its_own_baseline_passes(runner, accepted):
    result = invoke(runner, "check", SEEDS, "--rules", RULES, "--baseline", accepted, "--fail-on", "info")
    assert result.exit_code == 0, result.output
    assert "0 new, 0 changed" in result.output and "check passed" in result.output


def test_check_with_an_empty_baseline_fails_on_new_findings_at_the_threshold(runner, tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_text('{"version": 1, "findings": []}', encoding="utf-8")
    result = invoke(runner, "check", SEEDS, "--rules", RULES, "--baseline", empty, "--fail-on", "info")
    assert result.exit_code == 1
    assert "(new)" in result.output and "check failed" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", SEEDS, "--rules", RULES], "no baseline: pass --baseline FILE"),
        (["check", SEEDS, "--rules", RULES, "--baseline", "nope.json"], "nope.json: baseline error: no such baseline"),
        (["check", SEEDS, "--rules", RULES, "--baseline", "{tmp}", "--fail-on", "fatal"], "Invalid value for '--fail-on'"),
        (["check", "does/not/exist", "--rules", RULES, "--baseline", "{tmp}"], "does/not/exist: input error"),
    ],
)
def test_check_usage_and_input_errors_exit_2(runner, accepted, args, message):
    args = [str(accepted) if arg == "{tmp}" else arg for arg in args]
    result = invoke(runner, *args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_check_reports_a_baseline_of_unknown_version_as_exit_2(runner, tmp_path):
    path = tmp_path / "b.json"
    path.write_text('{"version": 9, "findings": []}', encoding="utf-8")
    result = invoke(runner, "check", SEEDS, "--rules", RULES, "--baseline", path)
    assert result.exit_code == 2
    assert f"{path}: baseline error: unknown baseline version 9" in result.output


def test_report_json_validates_against_factcheck_schema(runner, report_schema):
    result = invoke(runner, "report", SEEDS, "--rules", RULES, "--format", "json")
    jsonschema.Draft202012Validator(report_schema).validate(json.loads(result.output))


def test_check_json_is_the_report_with_its_comparison_and_validates(runner, accepted, report_schema):
    result = invoke(runner, "check", SEEDS, "--rules", RULES, "--baseline", accepted, "--format", "json")
    report = json.loads(result.output)
    jsonschema.Draft202012Validator(report_schema).validate(report)
    assert report["baseline"]["baseline"] == accepted.as_posix()
    assert {j["state"] for j in report["baseline"]["findings"]} == {"unchanged"}


def test_check_can_write_sarif_to_a_file_and_still_print_the_summary(runner, accepted, tmp_path):
    output = tmp_path / "results.sarif"
    result = invoke(runner, "check", SEEDS, "--rules", RULES, "--baseline", accepted, "--format", "sarif", "-o", output)
    assert result.exit_code == 0
    assert json.loads(output.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert f"wrote {output}" in result.output and "check passed" in result.output


@pytest.mark.parametrize("fmt, start", [("sarif", "{"), ("github", "::")])
def test_report_takes_the_machine_formats(runner, fmt, start):
    result = invoke(runner, "report", SEEDS, "--rules", RULES, "--format", fmt)
    assert result.exit_code == 0
    assert result.output.startswith(start)


def test_progress_bar_is_silent_off_a_terminal_and_with_quiet():
    with progress_bar(stream=io.StringIO()) as progress:
        assert progress is None
    terminal = _Terminal()
    with progress_bar(quiet=True, stream=terminal) as progress:
        assert progress is None
    with progress_bar(stream=terminal) as progress:
        assert progress is not None


def test_progress_bar_shows_only_once_the_run_is_long():
    now = [0.0]
    terminal = _Terminal()
    bar = ProgressBar(terminal, delay=1.5, clock=lambda: now[0])
    bar(0, 10)
    now[0] = 1.0
    bar(4, 10)
    assert terminal.getvalue() == ""
    now[0] = 2.0
    bar(8, 10)
    bar.close()
    assert "8/10" in terminal.getvalue()


def test_quiet_is_accepted_by_every_command_that_runs_the_pipeline(runner, accepted, tmp_path):
    assert invoke(runner, "report", SEEDS, "--rules", RULES, "--format", "text", "--quiet").exit_code == 0
    assert invoke(runner, "claims", SEEDS, "--rules", RULES, "-q").exit_code == 0
    assert invoke(runner, "check", SEEDS, "--rules", RULES, "--baseline", accepted, "-q").exit_code == 0
    assert invoke(runner, "baseline", SEEDS, "--rules", RULES, "-o", tmp_path / "b.json", "-q").exit_code == 0


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True
