"""Where a report or baseline cannot be written: one line naming it, exit 2, and nothing left behind."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from tests.paths import RULES, SEEDS


@pytest.mark.parametrize(
    "make, target, message",
    [
        (lambda tmp: (tmp / "report.html").mkdir(), "report.html", "cannot write file (Is a directory)"),
        (lambda tmp: (tmp / "afile").write_text("x"), "afile/report.html", "afile is a file, not a folder"),
    ],
    ids=["a folder in the way", "a file where a folder should be"],
)
def test_an_output_that_cannot_be_written_is_an_output_error(tmp_path, make, target, message):
    make(tmp_path)
    output = tmp_path / target
    result = CliRunner().invoke(cli, ["report", str(SEEDS), "--rules", str(RULES), "-o", str(output), "-q"])
    assert result.exit_code == 2
    assert f"factcheck: {output}: output error: " in result.output and message in result.output
    assert "Traceback" not in result.output
    assert not [path for path in tmp_path.rglob("*.tmp")]
