"""Broken input through the command line: one clear line naming the file and the line, exit code 2,
no traceback. Bad rules files, story manifests and front matter are data (tests/cases/config/*.toml);
encodings, binary files and size limits are end-to-end cases of their own.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from tests.paths import ROOT, RULES

CASES = Path(__file__).parent / "cases" / "config"
SOURCE = "Japan will invest $20 billion in Central Asia over five years."


def _cases(name: str) -> list:
    cases = tomllib.loads((CASES / name).read_text(encoding="utf-8"))["case"]
    return [pytest.param(case, id=case["name"]) for case in cases]


def _report(*args) -> tuple[int, str]:
    """Run `factcheck report … --format text` in process; any exception but a clean exit fails the test."""
    result = CliRunner().invoke(cli, ["report", *map(str, args), "--format", "text", "-q"], catch_exceptions=False)
    return result.exit_code, result.output


def _expect_one_line(output: str, where: str, message: str) -> None:
    lines = [line for line in output.splitlines() if line.startswith("factcheck:")]
    assert len(lines) == 1, output
    assert lines[0].startswith(f"factcheck: {where}"), output
    assert message in lines[0], output
    assert "Traceback" not in output


@pytest.mark.parametrize("case", _cases("bad_rules.toml"))
def test_a_bad_rules_file_stops_the_cli_with_its_line(tmp_path, case):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.toml").write_text(case["text"], encoding="utf-8")
    (tmp_path / "a.txt").write_text(SOURCE)
    code, output = _report(tmp_path / "a.txt", "--rules", rules)
    assert code == 2, output
    _expect_one_line(output, f"{rules / 'bad.toml'}:{case['line']}: config error: ", case["message"])


@pytest.mark.parametrize("case", _cases("bad_manifests.toml"))
def test_a_bad_story_manifest_stops_the_cli_with_its_line(tmp_path, case):
    story = tmp_path / "story"
    story.mkdir()
    text = case["text"] + ("z = " + "[" * case["nested"] + "]" * case["nested"] + "\n" if "nested" in case else "")
    (story / "story.toml").write_text(text, encoding="utf-8")
    (story / "a.txt").write_text(SOURCE)
    code, output = _report(story, "--rules", RULES)
    assert code == 2, output
    where = f"{story / 'story.toml'}:{case['line']}: " if case["line"] else f"{story / 'story.toml'}: "
    _expect_one_line(output, where + "config error: ", case["message"])


@pytest.mark.parametrize("case", _cases("bad_front_matter.toml"))
def test_bad_front_matter_stops_the_cli_with_its_line(tmp_path, case):
    (tmp_path / "a.md").write_text(case["text"], encoding="utf-8")
    code, output = _report(tmp_path, "--rules", RULES)
    assert code == 2, output
    _expect_one_line(output, f"{tmp_path / 'a.md'}:{case['line']}: input error: ", case["message"])


def test_a_rules_file_that_is_not_utf8_is_named(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "names.toml").write_bytes('[[entity]]\nname = "Япония"\n'.encode("cp1251"))
    code, output = _report(ROOT / "seeds", "--rules", rules)
    assert code == 2
    _expect_one_line(output, f"{rules / 'names.toml'}: config error: ", "not UTF-8")


def test_front_matter_dates_written_with_a_time_mean_their_day(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Summit\ndate: 2025-12-20T23:30:00+09:00\n---\n" + SOURCE)
    (tmp_path / "b.md").write_text("+++\ntitle = 'Summit'\npublished = 2025-12-21T08:00:00Z\n+++\n" + SOURCE)
    result = CliRunner().invoke(cli, ["report", str(tmp_path), "--rules", str(RULES), "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    assert '"published": "2025-12-20"' in result.output and '"published": "2025-12-21"' in result.output


def test_a_real_process_shows_no_traceback_for_broken_input(tmp_path):
    (tmp_path / "story.toml").write_text("[story]\nname = 'Summit'\ndate = 'soon'\n")
    (tmp_path / "a.md").write_text("---\ntitle: x\n---\n" + SOURCE)
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "report", str(tmp_path), "--rules", str(RULES)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 2
    assert result.stderr == f"factcheck: {tmp_path / 'story.toml'}:3: config error: story.date: " \
        "Input should be a valid date or datetime, input is too short\n"
