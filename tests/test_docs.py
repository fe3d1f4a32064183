"""The README is the user's manual: every command, option, check and format must be in it."""

import re
import subprocess

import click
import pytest

from factcheck.checks import REGISTRY
from factcheck.cli import cli
from factcheck.render import RENDERERS
from tests.paths import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _options():
    for name, command in sorted(cli.commands.items()):
        for parameter in command.params:
            if isinstance(parameter, click.Option):
                yield name, max(parameter.opts, key=len)


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_documented(command):
    assert f"### `factcheck {command}" in README


@pytest.mark.parametrize("command, option", list(_options()))
def test_every_option_is_documented(command, option):
    section = README.split(f"### `factcheck {command}", 1)[1].split("\n### ", 1)[0]
    assert re.search(rf"`[^`]*{re.escape(option)}\b[^`]*`", section), f"{command} {option} missing from README"


@pytest.mark.parametrize("check", sorted(REGISTRY))
def test_every_check_is_documented(check):
    assert f"| `{check}` |" in README


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_every_output_format_is_documented(name):
    assert f"**{name}**" in README


def test_ci_runs_the_readme_test_command():
    marked = re.search(r"<!-- test-command -->\n```bash\n(.+)\n```", README)
    assert marked, "README must mark its test command"
    ci = (ROOT / ".ci" / "run").read_text()
    assert "<!-- test-command -->" in ci and "eval" in ci


def test_readme_report_command_is_the_one_that_makes_the_report():
    marked = re.search(r"<!-- report-command -->\n```bash\n(.+)\n```", README)
    assert marked and marked.group(1).endswith("factcheck report")


def test_layering_contract_holds():
    result = subprocess.run(["lint-imports"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
