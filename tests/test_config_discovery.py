"""A project's config is found upward from the corpus (then the current folder); the command line wins over it."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.errors import ConfigError
from factcheck.project import discover, find_config, load_config
from tests.paths import SEEDS


def _invoke(*args):
    return CliRunner().invoke(cli, [str(arg) for arg in args])


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A folder with the sample articles under desk/articles/ and nothing else, as the current folder."""
    shutil.copytree(SEEDS, tmp_path / "desk" / "articles")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "desk"


def test_factcheck_toml_is_found_upward_from_the_corpus_and_its_paths_are_relative_to_it(newsroom):
    (newsroom / "factcheck.toml").write_text('paths = ["articles"]\nbaseline = "accepted.json"\nfail_on = "error"\n')
    project = discover([newsroom / "articles" / "000_2a72b3ee8e917de2.txt"])
    assert project.file == (newsroom / "factcheck.toml").absolute()
    assert project.sources([]) == [Path("desk/articles")]
    assert project.baseline(None) == Path("desk/accepted.json")
    assert project.fail_on(None) == "error"


def test_pyproject_tool_table_is_read_and_one_without_it_is_passed_over(newsroom):
    (newsroom / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find_config(newsroom / "articles") is None
    (newsroom.parent / "pyproject.toml").write_text('[tool.other]\na = 1\n\n[tool.factcheck]\nfail_on = "info"\n')
    assert find_config(newsroom / "articles") == (newsroom.parent / "pyproject.toml").absolute()
    assert discover([newsroom / "articles"]).fail_on(None) == "info"


def test_factcheck_toml_comes_before_pyproject_in_one_folder(newsroom):
    (newsroom / "pyproject.toml").write_text('[tool.factcheck]\nfail_on = "info"\n')
    (newsroom / "factcheck.toml").write_text('fail_on = "error"\n')
    assert discover([newsroom]).fail_on(None) == "error"


def test_without_paths_the_config_is_found_from_the_current_folder(newsroom, monkeypatch):
    (newsroom / "factcheck.toml").write_text('paths = ["articles"]\n')
    monkeypatch.chdir(newsroom)
    assert discover([]).sources([]) == [Path("articles")]


def test_the_command_line_wins_over_the_config(newsroom):
    (newsroom / "factcheck.toml").write_text('paths = ["articles"]\nfail_on = "error"\nbaseline = "a.json"\n')
    project = discover([])
    assert project.sources([Path("elsewhere")]) == [Path("elsewhere")]
    assert project.fail_on("info") == "info"
    assert project.baseline(Path("b.json")) == Path("b.json")


@pytest.mark.parametrize("name, text, line, message", [
    ("factcheck.toml", 'paths = ["articles"]\n\nfail_onn = "error"\n', 3, "fail_onn: unknown key"),
    ("factcheck.toml", 'fail_on = "fatal"\n', 1, "fail_on"),
    ("pyproject.toml", '[project]\nname = "x"\n\n[tool.factcheck]\nbaseline = "a.json"\ncolour = true\n', 6,
     "tool.factcheck.colour: unknown key"),
])
def test_a_bad_config_names_its_file_and_line_and_exits_2(newsroom, name, text, line, message):
    (newsroom / name).write_text(text)
    with pytest.raises(ConfigError) as raised:
        load_config(newsroom / name)
    assert raised.value.line == line and message in raised.value.message, raised.value.format()
    result = _invoke("report", newsroom / "articles", "--format", "text", "-q")
    assert result.exit_code == 2
    assert f"{name}:{line}: " in result.output


def test_report_check_and_baseline_take_paths_rules_baseline_and_fail_on_from_the_config(newsroom, monkeypatch):
    (newsroom / "rules").mkdir()
    (newsroom / "rules" / "checks.toml").write_text('[checks.spelling]\nenabled = false\n')
    (newsroom / "factcheck.toml").write_text(
        'paths = ["articles"]\nrules = "rules"\nbaseline = "accepted.json"\nfail_on = "info"\n'
    )
    monkeypatch.chdir(newsroom / "articles")  # found upward from the current folder; its paths relative to it
    report = json.loads(_invoke("report", "--format", "json", "-q").output)
    assert len(report["sources"]) == 5 and not [f for f in report["findings"] if f["rule"] == "spelling"]
    monkeypatch.chdir(newsroom.parent)
    result = _invoke("baseline", newsroom / "articles", "-q")
    assert result.exit_code == 0, result.output
    assert (newsroom / "accepted.json").is_file()
    result = _invoke("check", newsroom / "articles", "-q")
    assert result.exit_code == 0, result.output
    assert "check passed" in result.output


def test_check_without_a_baseline_anywhere_is_a_usage_error(newsroom):
    result = _invoke("check", newsroom / "articles", "-q")
    assert result.exit_code == 2
    assert "no baseline" in result.output


def test_init_writes_a_commented_config_and_story_and_refuses_to_overwrite(newsroom):
    (newsroom / "articles" / "story.toml").unlink()
    result = _invoke("init", newsroom, "--corpus", "articles")
    assert result.exit_code == 0, result.output
    config, story = newsroom / "factcheck.toml", newsroom / "articles" / "story.toml"
    assert config.read_text().startswith("#") and story.read_text().startswith("#")
    assert discover([newsroom / "articles"]).sources([]) == [Path("desk/articles")]
    report = json.loads(_invoke("report", newsroom / "articles", "--format", "json", "-q").output)
    assert report["stories"]
    again = _invoke("init", newsroom)
    assert again.exit_code == 2
    assert "already exists" in again.output


def test_init_keeps_an_existing_story_toml(newsroom):
    before = (newsroom / "articles" / "story.toml").read_text()
    result = _invoke("init", newsroom, "--corpus", "articles")
    assert result.exit_code == 0 and "kept" in result.output
    assert (newsroom / "articles" / "story.toml").read_text() == before
