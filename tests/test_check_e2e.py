"""CI mode end to end, in a temporary git repository holding a copy of the sample corpus and its rules.

The story a newsroom lives: accept today's findings in a baseline; a careless edit
fails the check and names the new finding; moving text does not (fingerprints
carry no offsets); an accepted mistake, once fixed, is reported fixed. The
assertions hold whatever checks exist: they read states and cited spans, not rules.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli import cli
from tests.paths import ROOT, RULES, SEEDS

SOURCE = "seeds/002_4af29e7c14328e3e.txt"
FIGURE = "Over 60 agreements totaling $3.7 billion"
WRONG = "Over 60 agreements totaling $4.7 billion"
BASELINE = "factcheck-baseline.json"
GIT_ENV = {"GIT_AUTHOR_NAME": "desk", "GIT_AUTHOR_EMAIL": "desk@example.invalid",
           "GIT_COMMITTER_NAME": "desk", "GIT_COMMITTER_EMAIL": "desk@example.invalid"}


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A git repository with seeds/ and rules/ committed, as the working directory."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(RULES, tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "sources")
    return tmp_path


def git(*args: str) -> None:
    subprocess.run(["git", *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def factcheck(*args: str):
    return CliRunner().invoke(cli, list(args))


def check(fmt: str = "text", fail_on: str = "info"):
    return factcheck("check", "--baseline", BASELINE, "--fail-on", fail_on, "--format", fmt)


def judged() -> dict:
    """The comparison part of `check --format json`."""
    return json.loads(check("json").output)["baseline"]


def edit(before: str, after: str, path: str = SOURCE) -> None:
    text = open(path, encoding="utf-8").read()
    assert text.count(before) == 1
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(text.replace(before, after))


def move_paragraph(marker: str, to: int, path: str = SOURCE, count: int = 1) -> None:
    """Move the paragraph holding `marker`, and the `count - 1` after it, to position `to` (blank-line separated)."""
    text = open(path, encoding="utf-8").read()
    paragraphs = text.split("\n\n")
    (index,) = [i for i, paragraph in enumerate(paragraphs) if marker in paragraph]
    moved = paragraphs[index : index + count]
    del paragraphs[index : index + count]
    paragraphs[to:to] = moved
    with open(path, "w", encoding="utf-8") as stream:
        stream.write("\n\n".join(paragraphs))


def unaccepted(comparison: dict) -> list[dict]:
    return [j for j in comparison["findings"] if j["state"] in ("new", "changed")]


def test_baseline_then_edit_fails_and_moving_text_does_not(newsroom):
    made = factcheck("baseline")
    assert made.exit_code == 0, made.output
    git("add", BASELINE)
    git("commit", "-q", "-m", "accept today's findings")

    clean = check()
    assert clean.exit_code == 0, clean.output
    assert "0 new, 0 changed" in clean.output and "0 fixed" in clean.output

    edit(FIGURE, WRONG)
    failed = check()
    assert failed.exit_code == 1, failed.output
    assert "check failed" in failed.output
    report = json.loads(check("json").output)
    flagged = {j["fingerprint"] for j in unaccepted(report["baseline"])}
    cited = [c for f in report["findings"] if f["fingerprint"] in flagged for c in f["claims"]]
    assert any(c["path"] == SOURCE and c["surface"] == "$4.7 billion" for c in cited)
    assert "$4.7 billion" in failed.output  # the text output names the new finding's spans

    git("checkout", "--", SOURCE)
    # Whole sections move, heading and paragraphs: a paragraph whose figures name no one ("Over 60 agreements
    # totaling $3.7 billion were signed.") is about the country its section is about, and means something else
    # when moved under another heading.
    move_paragraph("Kazakhstan: Resources and Logistics Hub", to=len(open(SOURCE, encoding="utf-8").read().split("\n\n")), count=4)
    move_paragraph("Uzbekistan: Strategic Investment Expansion", to=2, count=5)
    move_paragraph("Japan is prepared to invest", to=0, path="seeds/000_2a72b3ee8e917de2.txt")
    assert subprocess.run(["git", "diff", "--quiet"]).returncode == 1  # the text did move
    moved = check()
    assert moved.exit_code == 0, moved.output
    comparison = judged()
    assert not unaccepted(comparison) and not comparison["fixed"]


def test_an_accepted_mistake_once_fixed_is_reported_fixed(newsroom):
    edit(FIGURE, WRONG)
    factcheck("baseline")
    git("add", ".")
    git("commit", "-q", "-m", "wrong figure, accepted for now")
    assert check().exit_code == 0
    report = json.loads(check("json").output)
    wrong = {f["fingerprint"] for f in report["findings"] if any(c["surface"] == "$4.7 billion" for c in f["claims"])}
    assert wrong, "some check must cite the wrong figure"

    edit(WRONG, FIGURE)
    fixed = check(fail_on="warning")
    assert fixed.exit_code == 0, fixed.output
    comparison = judged()
    assert wrong & {entry["fingerprint"] for entry in comparison["fixed"]}
    assert "(fixed)" in fixed.output and f"{BASELINE}:" in fixed.output

    refreshed = factcheck("baseline", "--update")
    assert refreshed.exit_code == 0, refreshed.output
    assert not judged()["fixed"]


def test_the_installed_command_exits_1_on_a_new_finding(newsroom):
    factcheck("baseline")
    edit(FIGURE, WRONG)
    result = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--baseline", BASELINE, "--fail-on", "info", "--format", "github"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("::") and ("(new)" in result.stdout or "(changed)" in result.stdout)
    assert "factcheck  [" not in result.stderr  # not a terminal: no progress bar


def test_the_pre_commit_hook_and_the_actions_workflow_run_the_check(newsroom):
    factcheck("baseline")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [hook for hook in hooks if hook["id"] == "factcheck"]
    assert hook["pass_filenames"] is False and re.search(hook["files"], "articles/story/a.txt")
    program, *args = shlex.split(hook["entry"])
    assert program == "factcheck" and factcheck(*args, "seeds/").exit_code == 0

    steps = yaml.safe_load((ROOT / "docs" / "github-actions.yml").read_text(encoding="utf-8"))["jobs"]["factcheck"]["steps"]
    commands = [step["run"] for step in steps if step.get("run", "").startswith("factcheck ")]
    assert {"sarif", "github"} <= {shlex.split(command)[-1] if "-o" not in command else "sarif" for command in commands}
    for command in commands:
        result = factcheck(*shlex.split(command.replace("articles/", "seeds/"))[1:])
        assert result.exit_code == 0, result.output
    assert json.loads(Path("factcheck.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps)
