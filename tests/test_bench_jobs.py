"""A parallel run (`--jobs 2`) writes the very bytes a serial run writes."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from bench.corpus import generate
from factcheck import pipeline
from factcheck.render import render
from tests.paths import ROOT

ARTICLES = 12


@pytest.fixture(scope="module")
def rules():
    from factcheck.config import load_rules

    return load_rules()


@pytest.fixture(autouse=True)
def small_corpora_go_parallel(monkeypatch):
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_DOCUMENTS", ARTICLES)


# Four stories of three share out story by story; one story of twelve sends its documents out in chunks.
@pytest.mark.parametrize("scenario, per_story", [("archive", 3), ("story", ARTICLES)])
def test_two_jobs_give_the_same_report_as_one(tmp_path: Path, rules, scenario, per_story):
    generate(tmp_path / scenario, scenario, ARTICLES, seed=4, per_story=per_story)
    serial = pipeline.run([tmp_path / scenario], rules, jobs=1)
    calls = []
    parallel = pipeline.run([tmp_path / scenario], rules, jobs=2, progress=lambda done, total: calls.append(done))
    assert len(serial.sources) == ARTICLES and serial.findings
    for fmt in ("json", "html"):
        assert render(parallel, fmt) == render(serial, fmt)
    assert calls[0] == 0 and calls[-1] == ARTICLES and calls == sorted(calls)


def test_cli_jobs_option_gives_the_same_json(tmp_path: Path):
    from click.testing import CliRunner

    from factcheck.cli import cli

    generate(tmp_path / "corpus", "archive", ARTICLES, seed=4, per_story=3)
    outputs = []
    for jobs in ("1", "2"):
        result = CliRunner().invoke(cli, ["report", str(tmp_path / "corpus"), "--format", "json", "-q", "--jobs", jobs])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1] and '"findings"' in outputs[0]


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the patch reaches workers only by fork")
def test_an_error_in_a_worker_reaches_the_caller_as_itself(tmp_path: Path, rules, monkeypatch):
    from factcheck.errors import RateError

    def no_rate(*args, **kwargs):
        raise RateError("no exchange rate for XYZ on 2020-01-01", path="rules/rates.toml")

    monkeypatch.setattr(pipeline, "normalize", no_rate)  # workers are forked: they see the patch too
    generate(tmp_path, "archive", ARTICLES, seed=4, per_story=3)
    with pytest.raises(RateError) as raised:
        pipeline.run([tmp_path], rules, jobs=2)
    assert raised.value.format() == "rules/rates.toml: rate error: no exchange rate for XYZ on 2020-01-01"
