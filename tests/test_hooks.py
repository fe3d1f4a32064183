"""The shipped pre-commit hooks and the GitHub Actions example, in a fresh git repository holding only a folder
of articles (and what `factcheck init` and `factcheck baseline` write): they pass on the accepted corpus and
fail on a new contradiction.

The hook is run by pre-commit itself (`pre-commit try-repo`, from a hook repository made of this checkout's
.pre-commit-hooks.yaml). It is the `factcheck-installed` hook, which runs the factcheck of this environment:
the `factcheck` hook differs only in its `language` (pre-commit would pip-install this checkout and its
dependencies into an environment of its own, which needs the network), as the first test makes sure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.paths import ROOT, SEEDS

HOOKS = ROOT / ".pre-commit-hooks.yaml"
WORKFLOW = ROOT / "docs" / "github-actions.yml"
SOURCE = "articles/000_2a72b3ee8e917de2.txt"
# A new contradiction at the config's fail_on (warning): the president's name spelled another way in one source.
RIGHT = "Kassym-Jomart Tokayev said that Japan"
WRONG = "Kassym-Jomart Tokaev said that Japan"
GIT_ENV = {"GIT_AUTHOR_NAME": "desk", "GIT_AUTHOR_EMAIL": "desk@example.invalid",
           "GIT_COMMITTER_NAME": "desk", "GIT_COMMITTER_EMAIL": "desk@example.invalid"}


def environment(tmp_path: Path) -> dict[str, str]:
    """This environment's `factcheck` first on PATH, pre-commit's store under `tmp_path`, git able to commit."""
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return {**os.environ, **GIT_ENV, "PATH": path, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
            "NO_COLOR": "1"}


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture
def newsroom(tmp_path) -> tuple[Path, dict[str, str]]:
    """A fresh git repository holding only articles (the seeds' texts, no story.toml), then initialised and
    baselined by the installed command, everything staged."""
    env = environment(tmp_path)
    repository = tmp_path / "newsroom"
    (repository / "articles").mkdir(parents=True)
    for article in SEEDS.glob("*.txt"):
        shutil.copy(article, repository / "articles" / article.name)
    for command in (["git", "init", "-q"], ["factcheck", "init"], ["factcheck", "baseline", "-q"], ["git", "add", "-A"]):
        done = run(command, repository, env)
        assert done.returncode == 0, done.stdout + done.stderr
    return repository, env


@pytest.fixture
def hook_repository(tmp_path) -> Path:
    """A git repository holding this checkout's hooks file, as pre-commit clones a hook repository."""
    repository = tmp_path / "hooks"
    repository.mkdir()
    shutil.copy(HOOKS, repository / HOOKS.name)
    env = environment(tmp_path)
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "hooks"]):
        assert run(command, repository, env).returncode == 0
    return repository


def edit(repository: Path, before: str, after: str) -> None:
    path = repository / SOURCE
    text = path.read_text(encoding="utf-8")
    assert text.count(before) == 1
    path.write_text(text.replace(before, after), encoding="utf-8")


def test_the_two_hooks_differ_only_in_where_factcheck_comes_from():
    hooks = {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert set(hooks) == {"factcheck", "factcheck-installed"}
    assert (hooks["factcheck"]["language"], hooks["factcheck-installed"]["language"]) == ("python", "system")
    same = ("entry", "pass_filenames", "require_serial", "files")
    assert {key: hooks["factcheck"][key] for key in same} == {key: hooks["factcheck-installed"][key] for key in same}
    assert "seeds" not in hooks["factcheck"]["entry"] and hooks["factcheck"]["entry"].startswith("factcheck check")


def try_repo(hook_repository: Path, repository: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repository), "factcheck-installed", "--all-files"],
        repository, env,
    )


def test_the_hook_passes_on_the_accepted_corpus_and_fails_on_a_new_contradiction(newsroom, hook_repository):
    repository, env = newsroom
    passed = try_repo(hook_repository, repository, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
    edit(repository, RIGHT, WRONG)
    assert run(["git", "add", "-A"], repository, env).returncode == 0
    failed = try_repo(hook_repository, repository, env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout and "check failed" in failed.stdout
    assert "Tokaev" in failed.stdout and f"{SOURCE}:8:" in failed.stdout


def workflow_commands() -> list[str]:
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["factcheck"]["steps"]
    return [step["run"] for step in steps if step.get("run", "").startswith("factcheck ")]


def test_the_actions_workflow_passes_then_annotates_a_new_contradiction(newsroom):
    repository, env = newsroom
    commands = workflow_commands()
    assert len(commands) == 2 and all("articles/" not in command for command in commands)  # the config's paths
    for command in commands:
        done = run(["bash", "-c", command], repository, env)
        assert done.returncode == 0, done.stdout + done.stderr
    edit(repository, RIGHT, WRONG)
    sarif, annotate = (run(["bash", "-c", command], repository, env) for command in commands)
    assert sarif.returncode == 1 and (repository / "factcheck.sarif").is_file()  # the step continues on error
    assert annotate.returncode == 1
    findings = [line for line in annotate.stdout.splitlines() if "title=factcheck [" in line]  # not input warnings
    assert len(findings) == 1 and findings[0].startswith(f"::warning file={SOURCE},line=8,")
    assert "(new)" in findings[0] and "Tokaev" in findings[0]
