import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from tests.paths import ROOT, RULES, SEEDS


@pytest.fixture
def runner():
    return CliRunner()


def invoke(runner, *args):
    return runner.invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


def test_report_writes_html_and_prints_a_summary(runner, tmp_path):
    output = tmp_path / "out" / "report.html"
    result = invoke(runner, "report", SEEDS, "--rules", RULES, "-o", output)
    assert result.exit_code == 0
    assert output.read_text().startswith("<!doctype html>")
    assert "5 sources" in result.output and "findings:" in result.output
    # Counts read as counts: `1 error`, `3 warnings`, `7 info`.
    assert re.search(r"findings: \d+ errors?, \d+ warnings?, \d+ info\n", result.output)
    assert not re.search(r"\b(?:[02-9]|\d\d+) (?:error|warning)\b", result.output)


def test_report_json_findings_carry_what_ci_needs(runner):
    result = invoke(runner, "report", SEEDS, "--rules", RULES, "--format", "json")
    report = json.loads(result.output)
    assert report["findings"]
    for finding in report["findings"]:
        assert {"rule", "severity", "message", "fingerprint"} <= finding.keys()
        for cited in finding["claims"]:
            assert {"source", "start", "end", "surface"} <= cited.keys()


def test_claims_json_has_the_yen_amount_with_original_offsets(runner):
    result = invoke(runner, "claims", SEEDS, "--rules", RULES, "--format", "json")
    claims = json.loads(result.output)
    yen = next(c for c in claims if c["source"].endswith("000_2a72b3ee8e917de2") and c["span"]["text"] == "3 trillion yen")
    original = (SEEDS / "000_2a72b3ee8e917de2.txt").read_text(encoding="utf-8")
    assert original[yen["span"]["start"] : yen["span"]["end"]] == "3 trillion yen"


def test_claims_text_lists_one_line_per_claim(runner):
    result = invoke(runner, "claims", SEEDS / "004_123500bc618ab1db.txt", "--rules", RULES)
    assert "money '3 trillion JPY'" in result.output


def test_schema_is_json_schema_of_the_report(runner):
    schema = json.loads(invoke(runner, "schema").output)
    assert schema["title"] == "Report"
    assert "findings" in schema["properties"]


@pytest.mark.parametrize(
    "args, expected",
    [
        (["report", "does/not/exist"], "does/not/exist: input error: no such file or folder"),
        (["report", str(SEEDS), "--rules", "no/rules"], "no/rules: config error: rules folder not found"),
        (["claims", "does/not/exist"], "no such file or folder"),
    ],
)
def test_input_errors_exit_2_with_one_line(runner, args, expected):
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert expected in result.output
    assert "Traceback" not in result.output


def test_malformed_rules_file_exits_2_naming_file_and_line(runner, tmp_path):
    (tmp_path / "checks.toml").write_text("[checks.single_source]\nenabled = maybe\n")
    result = runner.invoke(cli, ["report", str(SEEDS), "--rules", str(tmp_path)])
    assert result.exit_code == 2
    assert "checks.toml:2: config error: invalid TOML" in result.output


def test_unreadable_file_exits_2(runner, tmp_path, monkeypatch):
    source = tmp_path / "a.txt"
    source.write_text("Japan will invest $20 billion.")

    real_open = os.open

    def refuse(path, *args, **kwargs):  # the reader opens sources with os.open (O_NONBLOCK)
        if os.fspath(path) == str(source):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    result = runner.invoke(cli, ["report", str(tmp_path), "--rules", str(RULES), "--format", "text"])
    assert result.exit_code == 2
    assert "a.txt: input error: cannot read file (Permission denied)" in result.output


def test_python_dash_m_runs_the_cli():
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "report", "--format", "text"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("5 sources")
