"""A corpus folder as a newsroom keeps it: its documentation is not an article, and a hostile name prints safely."""

import json
import shutil

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.sources import reader_of
from tests.paths import SEEDS


def _report(*args):
    return CliRunner().invoke(cli, ["report", *map(str, args), "--format", "json", "-q"])


@pytest.mark.parametrize("name", ["README.md", "README.txt", "readme.md", "LICENSE.txt", "LICENSE-MIT.md", "CHANGELOG.md"])
def test_documentation_at_the_root_of_a_corpus_folder_is_not_an_article(tmp_path, name):
    story = tmp_path / "story"
    shutil.copytree(SEEDS, story)
    (story / name).write_text("How to use this folder: add one article per file. We paid $5 billion for nothing.\n")
    (story / "sub").mkdir()
    (story / "sub" / name).write_text("An article that happens to be named like documentation: $7 billion.\n")
    result = _report(story)
    assert result.exit_code == 0, result.output
    paths = [source["path"] for source in json.loads(result.output)["sources"]]
    assert f"story/{name}" not in paths
    assert f"story/sub/{name}" in paths  # only the root's own documentation is left out
    assert len(paths) == 6
    assert reader_of(story / name, [story]) is None  # so `-o story/README.md` may be written


def test_an_error_line_escapes_control_characters_of_a_file_name(tmp_path):
    hostile = tmp_path / "evil\x1b[31m\nfactcheck: all clear\x07.txt"
    result = CliRunner().invoke(cli, ["report", str(hostile), "--format", "text", "-q"])
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line.startswith("factcheck: ") and "\x1b" not in line and "\x07" not in line
    assert "evil\\x1b[31m\\nfactcheck: all clear\\x07.txt" in line
