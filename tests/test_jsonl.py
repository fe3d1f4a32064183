"""`report --format jsonl`: one line per story, the same bytes for any --jobs, and --resume after a stop.

The corpus is nine copies of the sample story (45 documents): over the pipeline's threshold for processes, and
enough stories that they are shared out whole over two of them.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck import pipeline
from factcheck.cli import cli
from factcheck.models import SCHEMA_VERSION
from tests.paths import ROOT, RULES, SEEDS

COPIES = 9


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archive") / "corpus"
    for copy in range(COPIES):
        shutil.copytree(SEEDS, folder / f"story{copy:02}")
    documents = sum(1 for path in folder.rglob("*.txt"))
    assert documents >= pipeline.PARALLEL_MIN_DOCUMENTS and COPIES >= 2 * 2  # the parallel path, whole stories
    return folder


def invoke(*args) -> str:
    result = CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def lines(corpus, tmp_path_factory) -> bytes:
    output = tmp_path_factory.mktemp("out") / "report.jsonl"
    invoke("report", corpus, "--rules", RULES, "--format", "jsonl", "-o", output, "-q", "--jobs", 1)
    return output.read_bytes()


def test_each_line_is_its_storys_part_of_the_json_report(corpus, lines):
    report = json.loads(invoke("report", corpus, "--rules", RULES, "--format", "json", "-q", "--jobs", 1))
    *stories, end = [json.loads(line) for line in lines.decode().splitlines()]
    assert [line["story"] for line in stories] == report["stories"]
    for name in ("sources", "claims", "facts", "entities"):  # the report puts them story after story
        assert [item for line in stories for item in line[name]] == report[name], name
    for line in stories:  # the report sorts findings over all stories: a line keeps that order within its story
        assert line["findings"] == [f for f in report["findings"] if f["story"] == line["story"]["id"]]
        assert all(source["story"] == line["story"]["id"] for source in line["sources"])
    assert all(line["schema_version"] == SCHEMA_VERSION and line["line"] == "story" for line in stories)
    assert end["line"] == "end" and end["summary"] == report["summary"]
    assert sorted([*end["warnings"], *(w for line in stories for w in line["warnings"])]) == sorted(report["warnings"])


def test_the_renderer_of_a_whole_report_gives_the_same_lines(corpus, lines, rules):
    from factcheck.render import render

    report = pipeline.run([corpus], rules)
    assert not report.warnings  # else the renderer puts them all in the end line, which a stream does not
    assert render(report, "jsonl").encode() == lines


def test_every_line_follows_the_committed_schema(lines):
    schema = json.loads((ROOT / "docs" / "schemas" / "report-line.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for line in lines.decode().splitlines():
        validator.validate(json.loads(line))


def test_the_same_bytes_for_one_process_and_two(corpus, lines):
    assert invoke("report", corpus, "--rules", RULES, "--format", "jsonl", "-q", "--jobs", 2).encode() == lines


def test_resume_after_a_torn_line_analyses_only_the_rest_and_ends_as_an_uninterrupted_run(
    corpus, lines, tmp_path, monkeypatch
):
    kept = 3
    cut = sum(len(line) for line in lines.splitlines(keepends=True)[:kept]) + 40  # inside the fourth line
    output = tmp_path / "report.jsonl"
    output.write_bytes(lines[:cut])
    analysed, real = [], pipeline.analyse
    monkeypatch.setattr(pipeline, "analyse", lambda loaded, *a, **k: analysed.append(loaded.story.id) or real(loaded, *a, **k))
    invoke("report", corpus, "--rules", RULES, "--format", "jsonl", "-o", output, "-q", "--jobs", 1, "--resume")
    assert output.read_bytes() == lines
    assert len(analysed) == COPIES - kept and analysed[0].endswith(f"story{kept:02}")
    analysed.clear()
    invoke("report", corpus, "--rules", RULES, "--format", "jsonl", "-o", output, "-q", "--jobs", 1, "--resume")
    assert output.read_bytes() == lines and analysed == []  # a finished file is left as it is


@pytest.mark.parametrize(
    "text",
    ['{\n  "schema_version": 1,\n  "stories": []\n}\n', '{"line": "end", "schema_version": 99}\n', "not json\n"],
    ids=["the-json-report", "another-schema-version", "not-json"],
)
def test_resume_refuses_a_file_it_did_not_write(corpus, tmp_path, text):
    output = tmp_path / "report.jsonl"
    output.write_text(text)
    args = ["report", str(corpus), "--rules", str(RULES), "--format", "jsonl", "-o", str(output), "-q", "--resume"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and result.output.startswith(f"factcheck: {output}:1: input error: ")
    assert output.read_text() == text


def test_resume_asks_for_jsonl_and_a_file(corpus):
    for extra in (["--format", "json"], ["--format", "jsonl"]):
        result = CliRunner().invoke(cli, ["report", str(corpus), "--rules", str(RULES), "-q", "--resume", *extra])
        assert result.exit_code == 2 and "--resume" in result.output


# Runs the CLI with os.write writing only half of the third line it is given, then waiting to be interrupted:
# the signal lands inside a line's write every time.
_LAUNCHER = """
import os, sys, time
import factcheck.cli

real_write, calls = os.write, []

def write(descriptor, data):
    if descriptor > 2 and len(data) > 100:
        calls.append(descriptor)
        if len(calls) == 3:
            real_write(descriptor, data[: len(data) // 2])
            sys.stderr.write("WRITING\\n")
            sys.stderr.flush()
            time.sleep(60)
    return real_write(descriptor, data)

os.write = write
sys.argv[0:1] = ["factcheck"]
factcheck.cli.main()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_a_sigterm_inside_a_line_leaves_only_complete_lines(corpus, lines, tmp_path):
    output = tmp_path / "report.jsonl"
    args = ["report", corpus, "--rules", RULES, "--format", "jsonl", "-o", output, "-q", "--jobs", 1]
    process = subprocess.Popen(
        [sys.executable, "-c", _LAUNCHER, *map(str, args)], cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
        text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while "WRITING" not in process.stderr.readline() and time.monotonic() < deadline:
            assert process.poll() is None, "the run ended before it could be interrupted"
        assert output.stat().st_size > sum(len(line) for line in lines.splitlines(keepends=True)[:2])  # half written
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert "Traceback" not in stderr
    assert output.read_bytes() == b"".join(lines.splitlines(keepends=True)[:2])  # the torn third line is cut off
