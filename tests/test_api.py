"""The Python API: `factcheck.check` gives what the command line gives, for paths and for texts in memory."""

import datetime as dt
import re
import subprocess
import sys
import tomllib

import pytest
from click.testing import CliRunner

import factcheck
from factcheck.cli import cli
from factcheck.errors import InputError, UsageError
from factcheck.render import render
from tests.paths import ROOT, SEEDS

MANIFEST = tomllib.loads((SEEDS / "story.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def api_report():
    return factcheck.check(SEEDS)


def _seed_texts(**overrides) -> list[factcheck.Text]:
    """The seeds as texts in memory, with the metadata their story.toml gives them."""
    texts = []
    for entry in MANIFEST["source"]:
        meta = {key: value for key, value in entry.items() if key != "file"}
        text = (SEEDS / entry["file"]).read_text(encoding="utf-8")
        texts.append(factcheck.Text(text, name=entry["file"], story="seeds", **{**meta, **overrides}))
    return texts


def test_a_path_gives_the_report_of_factcheck_report(api_report):
    result = CliRunner().invoke(cli, ["report", str(SEEDS), "--format", "json", "-q"], catch_exceptions=False)
    assert result.exit_code == 0
    assert render(api_report, "json") == result.stdout
    assert api_report.findings  # the seeds disagree: an empty comparison would prove nothing


def test_texts_in_memory_give_the_claims_of_the_same_texts_in_files(api_report):
    in_memory = factcheck.check(_seed_texts(), stories={"seeds": MANIFEST["story"]})
    assert in_memory.claims == api_report.claims
    assert in_memory.sources == api_report.sources
    assert in_memory.findings == api_report.findings


def test_a_dict_is_a_text_and_a_path_may_be_a_str(tmp_path):
    article = "Japan will invest 3 trillion yen ($19 billion) over five years, the prime minister said.\n"
    (tmp_path / "one.txt").write_text(article, encoding="utf-8")
    from_dict = factcheck.check([{"text": article, "name": "one.txt", "story": tmp_path.name}], date=dt.date(2025, 12, 20))
    from_file = factcheck.check(str(tmp_path / "one.txt"), date=dt.date(2025, 12, 20))
    assert [claim.surface for claim in from_dict.claims] == ["3 trillion yen", "$19 billion", "five years"]
    assert [c.model_dump(exclude={"id", "source"}) for c in from_dict.claims] == [
        c.model_dump(exclude={"id", "source"}) for c in from_file.claims
    ]


def test_a_bad_language_tag_is_an_input_error_naming_the_text():
    with pytest.raises(InputError, match=r"texts/text1\.txt: input error: language: unknown language tag 'xx-nope'"):
        factcheck.check([factcheck.Text("Japan pledged $20 billion.", language="xx-nope")])


def test_a_bad_published_date_is_an_input_error():
    with pytest.raises(InputError, match="published"):
        factcheck.check([factcheck.Text("Japan pledged $20 billion.", published="yesterday")])


@pytest.mark.parametrize(
    "sources, message",
    [
        ([], "no sources given"),
        (["Japan pledged $20 billion.\nReuters said."], "is a text, not a path"),
        ([{"body": "Japan pledged $20 billion."}], "'text' required"),
        ([factcheck.Text("a", name="same.txt"), factcheck.Text("b", name="same.txt")], "two texts are named texts/same.txt"),
        ([42], "not int"),
    ],
)
def test_a_call_that_cannot_be_served_is_a_usage_error(sources, message):
    with pytest.raises(UsageError, match=message):
        factcheck.check(sources)


def test_a_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        factcheck.check(tmp_path / "missing")


def test_importing_factcheck_imports_neither_the_pipeline_nor_pydantic():
    code = "import sys, factcheck; print(sorted(m for m in ('factcheck.api', 'pydantic', 'pint') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert factcheck.check is factcheck.api.check


def test_the_example_of_docs_api_runs(capsys):
    (example,) = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "api.md").read_text(encoding="utf-8"), re.DOTALL)
    exec(compile(example, "docs/api.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "('summit/wire', '3 trillion yen')" in printed and "('summit/blog', '$25 billion')" in printed
    assert "warning agreement Sources disagree on Investment" in printed  # the two texts, one story
