"""A project whose config sits in a folder of its git repository: GitHub annotations and SARIF name files from
the repository's root (where GitHub reads them), while the report's own paths, fingerprints and the baseline
stay relative to the config's folder, so moving the project inside the repository reopens nothing."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import baseline as baselines
from factcheck.cli import cli
from factcheck.models import InSourceAcceptance, Severity
from factcheck.project import Project, discover
from factcheck.render import github, sarif
from tests.paths import SEEDS


def factcheck(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def nested(tmp_path, monkeypatch):
    """A git repository whose project lives in `desk/newsroom/`: articles, factcheck.toml and a baseline there."""
    project = tmp_path / "desk" / "newsroom"
    shutil.copytree(SEEDS, project / "articles")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    monkeypatch.chdir(project)
    assert factcheck("init").exit_code == 0
    result = factcheck("baseline", "-q")
    assert result.exit_code == 0, result.output
    return tmp_path


@pytest.mark.parametrize(
    ("root", "repository", "expected"),
    [
        ("/r/desk/newsroom", "/r", "desk/newsroom/"),
        ("/r", "/r", ""),
        ("/r", None, ""),
        ("/elsewhere", "/r", ""),
    ],
)
def test_the_repository_prefix_is_the_roots_folder_in_its_repository(root, repository, expected):
    project = Project(root=Path(root), repository=Path(repository) if repository else None)
    assert project.repository_prefix() == expected


def test_discovery_finds_the_repository_above_a_nested_config(nested, monkeypatch):
    monkeypatch.chdir(nested)
    project = discover([Path("desk/newsroom/articles")])
    assert project.root == (nested / "desk" / "newsroom").resolve()
    assert project.repository_prefix() == "desk/newsroom/"


@pytest.mark.parametrize("where", [".", "articles", "../.."])
def test_sarif_and_annotations_name_files_that_exist_from_the_repository_root(nested, monkeypatch, where):
    monkeypatch.chdir(nested / "desk" / "newsroom" / where)
    paths = ["desk/newsroom"] if where == "../.." else []
    log = json.loads(factcheck("check", "-q", "--format", "sarif", *paths).output)
    run = log["runs"][0]
    locations = [loc for result in run["results"] for loc in [*result["locations"], *result["relatedLocations"]]]
    uris = {location["physicalLocation"]["artifactLocation"]["uri"] for location in locations}
    assert uris and all(uri.startswith("desk/newsroom/articles/") and (nested / uri).is_file() for uri in uris)
    suppressed = [s for result in run["results"] for s in result.get("suppressions", [])]
    assert suppressed and {s["location"]["physicalLocation"]["artifactLocation"]["uri"] for s in suppressed} == {
        "desk/newsroom/factcheck-baseline.json"
    }
    annotations = factcheck("report", "-q", "--format", "github", *paths).output.splitlines()
    files = {line.split("file=", 1)[1].split(",", 1)[0] for line in annotations if "file=" in line}
    assert files and all((nested / file).is_file() for file in files)


def test_the_report_fingerprints_and_baseline_stay_relative_to_the_config(nested, monkeypatch):
    monkeypatch.chdir(nested / "desk" / "newsroom")
    report = json.loads(factcheck("check", "-q", "--format", "json").output)
    assert all(source["path"].startswith("articles/") for source in report["sources"])
    assert report["baseline"]["baseline"] == "factcheck-baseline.json"
    moved = nested / "moved"
    (nested / "desk" / "newsroom").rename(moved)  # the project moves inside its repository
    monkeypatch.chdir(moved)
    again = json.loads(factcheck("check", "-q", "--format", "json").output)
    assert [j["state"] for j in again["baseline"]["findings"]] == [j["state"] for j in report["baseline"]["findings"]]
    assert {j["state"] for j in again["baseline"]["findings"]} == {"unchanged"} and not again["baseline"]["fixed"]


def test_the_prefix_reaches_every_path_of_an_annotation_and_of_a_sarif_log(seeds_report):
    judged = baselines.judge(seeds_report, baselines.Baseline(), path="factcheck-baseline.json", fail_on=Severity.INFO)
    judged = judged.model_copy(update={"warnings": ("seeds/x.bin: skipped: binary or undecodable file", "no path here")})
    lines = github.render(judged, prefix="desk/").splitlines()
    assert lines[0].startswith("::warning file=desk/seeds/x.bin,") and "file=" not in lines[1].split("::")[1]
    files = [line.split("file=", 1)[1].split(",", 1)[0] for line in lines if "file=" in line]
    assert files and all(file.startswith("desk/seeds/") for file in files)
    cited = [line for line in github.render(judged, prefix="desk/").split("%0A")[1:] if ":" in line]
    assert cited and all(line.startswith("desk/seeds/") for line in cited)
    run = json.loads(sarif.render(judged, prefix="desk/"))["runs"][0]
    uris = [loc["physicalLocation"]["artifactLocation"]["uri"] for result in run["results"] for loc in result["locations"]]
    notified = run["invocations"][0]["toolExecutionNotifications"][0]
    assert uris and all(uri.startswith("desk/seeds/") for uri in uris)
    assert notified["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "desk/seeds/x.bin"
    assert [r["fingerprints"] for r in run["results"]] == [
        r["fingerprints"] for r in json.loads(sarif.render(judged))["runs"][0]["results"]
    ]


def test_without_a_prefix_the_outputs_are_as_before(seeds_report):
    assert github.render(seeds_report, prefix="") == github.render(seeds_report)
    assert sarif.render(seeds_report, prefix="") == sarif.render(seeds_report)


def test_the_prefix_reaches_the_place_of_an_accept_comment(seeds_report):
    first = seeds_report.findings[0]
    acceptance = InSourceAcceptance(fingerprint=first.fingerprint, target=first.rule, path=first.claims[0].path, line=3,
                                    justification="checked")
    report = seeds_report.model_copy(update={"accepted": (acceptance,)})
    (result,) = [r for r in json.loads(sarif.render(report, prefix="desk/"))["runs"][0]["results"] if "suppressions" in r]
    (suppression,) = result["suppressions"]
    assert suppression["location"]["physicalLocation"]["artifactLocation"]["uri"] == f"desk/{acceptance.path}"
