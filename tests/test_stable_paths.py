"""Stable paths (issue 16): every path of a report, a baseline comparison, SARIF and an annotation is relative
to the project's root, and fingerprints hold no folder name, so renaming the corpus folder or running from a
subfolder reopens nothing.

The project's root is the folder of its factcheck.toml, else the repository root (`.git`), else the current
folder: never the name of the folder a command runs from.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.checks.base import fingerprints
from factcheck.cli import cli
from factcheck.project import discover
from tests.paths import SEEDS

BASELINE = "factcheck-baseline.json"


def factcheck(*args: str):
    return CliRunner().invoke(cli, list(args))


def judged(*args: str) -> dict:
    """The comparison of `check --format json`, run in the current folder."""
    result = factcheck("check", "-q", "--fail-on", "info", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def counts(report: dict) -> dict[str, int]:
    states = [judgement["state"] for judgement in report["baseline"]["findings"]]
    return {state: states.count(state) for state in ("new", "changed")} | {"fixed": len(report["baseline"]["fixed"])}


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A git repository holding only a folder of articles and the config `factcheck init` writes, baselined."""
    shutil.copytree(SEEDS, tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    subprocess.run(["git", "init", "-q"], check=True)
    assert factcheck("init").exit_code == 0
    result = factcheck("baseline", "-q")
    assert result.exit_code == 0, result.output
    return tmp_path


def rename_corpus(root: Path, name: str) -> None:
    (root / "articles").rename(root / name)
    config = root / "factcheck.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('"articles"', f'"{name}"'), encoding="utf-8")


def test_renaming_the_corpus_folder_keeps_check_at_0_new_and_0_fixed(newsroom):
    before = judged()
    rename_corpus(newsroom, "desk")
    after = judged()
    assert counts(after) == {"new": 0, "changed": 0, "fixed": 0}
    assert len(after["findings"]) == len(before["findings"]) > 0
    assert {source["path"].split("/")[0] for source in after["sources"]} == {"desk"}


def test_check_from_a_subfolder_finds_nothing_new_and_names_paths_from_the_root(newsroom, monkeypatch):
    from_root = judged()
    monkeypatch.chdir(newsroom / "articles")
    from_inside = judged()
    assert counts(from_inside) == {"new": 0, "changed": 0, "fixed": 0}
    assert from_inside["baseline"]["baseline"] == BASELINE  # not ../factcheck-baseline.json
    assert [s["path"] for s in from_inside["sources"]] == [s["path"] for s in from_root["sources"]]
    assert all(s["path"].startswith("articles/") for s in from_inside["sources"])


def test_sarif_and_annotations_name_files_from_the_root_whatever_the_current_folder(newsroom, monkeypatch):
    monkeypatch.chdir(newsroom / "articles")
    sarif = json.loads(factcheck("report", "-q", "--format", "sarif").output)
    run = sarif["runs"][0]
    locations = [location for result in run["results"] for location in result["locations"]]
    uris = {location["physicalLocation"]["artifactLocation"]["uri"] for location in locations}
    assert uris and all((newsroom / uri).is_file() for uri in uris)
    assert {loc["physicalLocation"]["artifactLocation"]["uriBaseId"] for loc in locations} == {"%SRCROOT%"}
    annotations = factcheck("report", "-q", "--format", "github").output.splitlines()
    files = {line.split("file=", 1)[1].split(",", 1)[0] for line in annotations if "file=" in line}
    assert files and all((newsroom / file).is_file() for file in files)


def test_without_a_config_the_repository_root_is_the_root(newsroom, monkeypatch):
    (newsroom / "factcheck.toml").unlink()
    (newsroom / "articles" / "inner").mkdir()
    monkeypatch.chdir(newsroom / "articles" / "inner")
    assert discover([]).root == newsroom.resolve()
    assert discover([Path("..")]).root == newsroom.resolve()
    report = json.loads(factcheck("report", "-q", "--format", "json", "..").output)
    assert all(source["path"].startswith("articles/") for source in report["sources"])


def test_without_a_config_or_a_repository_the_current_folder_is_the_root(tmp_path, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    if any((folder / ".git").exists() for folder in (tmp_path, *tmp_path.parents)):
        pytest.skip("the temporary folder is inside a git repository")
    assert discover([Path("articles")]).root == tmp_path.resolve()
    report = json.loads(factcheck("report", "-q", "--format", "json", "articles").output)
    assert all(source["path"].startswith("articles/") for source in report["sources"])


@pytest.mark.parametrize("story", ["articles", "news/2025/summit", "."])
def test_fingerprints_leave_the_story_folder_out(story):
    prefix = "" if story == "." else f"{story}/"
    made = fingerprints("agreement", (story, f"{prefix}reuters|money|abc|3", [f"{prefix}ap|money|def|1"]),
                        (f"{prefix}reuters:$3 billion",))
    assert made == fingerprints("agreement", ("x", "x/reuters|money|abc|3", ["x/ap|money|def|1"]),
                                ("x/reuters:$3 billion",))
    assert made != fingerprints("agreement", ("x", "x/afp|money|abc|3", ["x/ap|money|def|1"]),
                                ("x/afp:$3 billion",))
