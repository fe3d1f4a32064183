"""The conventions of the linters people know: -h and -V on every command, help with examples and exit codes,
`report --fail-on`, `check` finding its baseline by itself, colour on a terminal only and never with NO_COLOR, shell completion."""

import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from factcheck import __version__
from factcheck import cli as cli_module
from factcheck.cli import cli
from factcheck.render.text import render as text_render
from tests.paths import RULES, SEEDS

COMMANDS = sorted(cli.commands)


def invoke(*args):
    return CliRunner().invoke(cli, [str(arg) for arg in args])


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)])
def test_every_command_has_short_help_with_examples_and_exit_codes(command):
    short, long = invoke(*command, "-h"), invoke(*command, "--help")
    assert short.exit_code == 0 and short.output == long.output
    examples = short.output.split("Examples:\n", 1)[1]
    assert examples.lstrip().startswith("factcheck ")
    assert "Exit codes: 0 done; 1 findings" in short.output and "2 usage, input or configuration error" in short.output


@pytest.mark.parametrize("command", [[], *([name] for name in COMMANDS)])
def test_every_command_tells_its_version(command):
    result = invoke(*command, "-V")
    assert result.exit_code == 0 and result.output == f"factcheck, version {__version__}\n"


def test_report_fail_on_exits_1_at_the_threshold_and_says_so(seeds_report):
    worst = max(finding.severity.rank for finding in seeds_report.findings)
    assert worst == 3  # the sample has an error: the euro figure
    failed = invoke("report", SEEDS, "--rules", RULES, "--format", "json", "--fail-on", "error", "-q")
    assert failed.exit_code == 1
    errors = sum(finding.severity.value == "error" for finding in seeds_report.findings)
    assert f"report failed: {errors} finding{'s' if errors != 1 else ''} at error or above" in failed.output
    plain = invoke("report", SEEDS, "--rules", RULES, "--format", "json", "-q")
    assert plain.exit_code == 0 and "report failed" not in plain.output


def test_report_fail_on_puts_the_exit_code_in_sarif():
    result = CliRunner().invoke(cli, ["report", str(SEEDS), "--format", "sarif", "--fail-on", "info", "-q"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["runs"][0]["invocations"][0]["exitCode"] == 1


def test_check_without_a_config_uses_the_baseline_in_the_projects_root(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()  # a repository root
    shutil.copytree(SEEDS, tmp_path / "articles")
    monkeypatch.chdir(tmp_path / "articles")
    assert invoke("baseline", "-q", ".").exit_code == 0
    assert (tmp_path / "factcheck-baseline.json").is_file()  # in the root, not in the current folder
    result = invoke("check", "-q", ".")
    assert "factcheck-baseline.json: 0 new, 0 changed" in result.output and result.exit_code == 0, result.output


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch, seeds_report):
    painted = text_render(seeds_report, colour=True)
    assert "\x1b[" in painted and "\x1b[" not in text_render(seeds_report)
    assert painted.replace("\x1b[31m\x1b[1m", "").replace("\x1b[33m\x1b[1m", "").replace("\x1b[36m\x1b[1m", "").replace(
        "\x1b[0m", "") == text_render(seeds_report)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert cli_module._colour()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli_module._colour()
    monkeypatch.setenv("NO_COLOR", "")
    monkeypatch.setenv("TERM", "dumb")
    assert not cli_module._colour()


def test_shell_completion_offers_commands_and_choices():
    def complete(words: str, index: int) -> list[str]:
        env = {**os.environ, "COMP_WORDS": words, "COMP_CWORD": str(index), "_FACTCHECK_COMPLETE": "bash_complete"}
        result = subprocess.run([sys.executable, "-m", "factcheck"], env=env, capture_output=True, text=True, check=True)
        return result.stdout.split()

    assert "plain,check" in complete("factcheck ch", 1)
    assert complete("factcheck check --fail-on ", 3) == ["plain,error", "plain,warning", "plain,info"]
