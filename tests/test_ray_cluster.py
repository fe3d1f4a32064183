"""Stories over Ray (`--executor ray`) give the very bytes a serial run gives, and a story's error arrives as itself.

Ray is started by the test (`ray.init(num_cpus=2)`), as a cluster would be: the run joins it and leaves it
running. Without Ray installed these tests skip, except where FACTCHECK_REQUIRE_RAY=1 (CI sets it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.corpus import generate
from factcheck import pipeline
from factcheck.ray_cluster import LOCAL

ARTICLES = 12


@pytest.fixture(scope="module")
def ray_cluster():
    try:
        import ray
    except ImportError:
        if os.environ.get("FACTCHECK_REQUIRE_RAY") == "1":
            pytest.fail("FACTCHECK_REQUIRE_RAY=1 but Ray is not installed (pip install -e '.[ray]')")
        pytest.skip("Ray is not installed (pip install -e '.[ray]')")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def rules():
    from factcheck.config import load_rules

    return load_rules()


def test_stories_on_ray_give_the_same_report_as_a_serial_run(tmp_path: Path, ray_cluster, rules):
    from factcheck.render import render

    generate(tmp_path, "archive", ARTICLES, seed=4, per_story=3)
    serial = pipeline.run([tmp_path], rules)
    calls: list[int] = []
    on_ray = pipeline.run([tmp_path], rules, jobs=2, ray=LOCAL, progress=lambda done, total: calls.append(done))
    assert serial.findings and len(serial.stories) == ARTICLES // 3
    for fmt in ("json", "html"):
        assert render(on_ray, fmt) == render(serial, fmt)
    assert calls[0] == 0 and calls[-1] == ARTICLES and calls == sorted(calls)
    assert ray_cluster.is_initialized()  # a cluster the run joined is left running


def test_a_streamed_archive_on_ray_gives_the_same_stories_in_order(tmp_path: Path, ray_cluster, rules):
    generate(tmp_path, "archive", ARTICLES, seed=5, per_story=2)
    serial = [result.facts.story.id for result in pipeline.stream([tmp_path], rules).results()]
    streamed = pipeline.stream([tmp_path], rules, jobs=2, ray=LOCAL).results(start=1)
    assert [result.facts.story.id for result in streamed] == serial[1:]


def test_the_cli_executor_ray_writes_the_same_json(tmp_path: Path, ray_cluster):
    from click.testing import CliRunner

    from factcheck.cli import cli

    generate(tmp_path / "corpus", "archive", ARTICLES, seed=4, per_story=3)
    outputs = []
    for options in ([], ["--executor", "ray", "--jobs", "2"]):
        result = CliRunner().invoke(cli, ["report", str(tmp_path / "corpus"), "--format", "json", "-q", *options])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert outputs[0] == outputs[1] and '"findings"' in outputs[0]


def test_an_error_in_a_ray_task_reaches_the_caller_as_itself(ray_cluster):
    from factcheck.errors import RateError
    from factcheck.ray_cluster import _collected

    @ray_cluster.remote
    def no_rate():
        raise RateError("no exchange rate for XYZ on 2020-01-01", path="rules/rates.toml")

    with pytest.raises(RateError) as raised:
        _collected(ray_cluster, (no_rate.remote(), None))
    assert raised.value.format() == "rules/rates.toml: rate error: no exchange rate for XYZ on 2020-01-01"


def test_an_address_without_the_ray_executor_is_a_usage_error(tmp_path: Path):
    from click.testing import CliRunner

    from factcheck.cli import cli

    result = CliRunner().invoke(cli, ["report", str(tmp_path), "--address", "auto", "-q", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "--executor ray" in result.output


def test_an_unreachable_cluster_is_a_usage_error_at_once(tmp_path: Path):
    import socket
    import time

    from click.testing import CliRunner

    from factcheck.cli import cli

    with socket.socket() as unused:  # a port nothing listens on: bound, never listening
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
        started = time.monotonic()
        result = CliRunner().invoke(
            cli, ["report", str(tmp_path), "-q", "-o", str(tmp_path / "r.json"), "--format", "json",
                  "--executor", "ray", "--address", f"127.0.0.1:{port}"],
        )
    assert result.exit_code == 2 and "cannot reach the Ray cluster" in result.output, result.output
    assert time.monotonic() - started < 30
