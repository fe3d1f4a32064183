"""Nothing lost: an interrupted run leaves the previous report and baseline as they were.

Each test runs a real `factcheck` process and sends it SIGINT or SIGTERM: while it
analyses a large corpus, and while it writes its output (the launcher makes the
write's fsync announce itself and wait, so the signal lands inside the write every
time). Afterwards the previous file is intact, byte for byte, and no temporary file
is left next to it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.files import write_atomic
from tests.paths import ROOT, RULES, SEEDS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

SIGNALS = [signal.SIGINT, signal.SIGTERM]
PREVIOUS = "<!doctype html><p>the previous report, which must survive</p>\n"

# Runs the real CLI entry point, announcing on stderr the moment to interrupt it: "ANALYSING" when the
# pipeline starts, or "WRITING" at the first fsync (inside write_atomic, after the temporary file is
# written and before it is renamed), where it then waits to be interrupted.
_LAUNCHER = """
import os, sys, time
import factcheck.cli

def say(word):
    sys.stderr.write(word + "\\n")
    sys.stderr.flush()

real_run, real_fsync = factcheck.cli.run, os.fsync

def run(*args, **options):
    say("ANALYSING")
    return real_run(*args, **options)

def fsync(descriptor):
    say("WRITING")
    time.sleep(60)
    real_fsync(descriptor)

factcheck.cli.run = run
if sys.argv[1] == "slow-write":
    os.fsync = fsync
sys.argv[0:2] = ["factcheck"]
factcheck.cli.main()
"""


def _start(args: list, slow_write: bool = False) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", _LAUNCHER, "slow-write" if slow_write else "-", *[str(arg) for arg in args]],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches a command and its workers
    )


def _wait_for_line(process: subprocess.Popen, expected: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if expected in line:
            return
        if not line and process.poll() is not None:
            break
    os.killpg(process.pid, signal.SIGKILL)
    pytest.fail(f"the process never printed {expected!r} (exit {process.poll()})")


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def _stop(process: subprocess.Popen, number: int, group: bool = False) -> tuple[int, str]:
    """Signal the process (or its whole group: workers too), and wait for it and its workers to be gone."""
    if group:
        os.killpg(process.pid, number)
    else:
        process.send_signal(number)
    try:
        _, stderr = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("the process did not stop after the signal")
    deadline = time.monotonic() + 10
    while _group_alive(process.pid):
        if time.monotonic() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            pytest.fail("worker processes outlived the interrupted run")
        time.sleep(0.05)
    return process.returncode, stderr


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("number", SIGNALS, ids=lambda n: signal.Signals(n).name)
def test_a_signal_during_the_write_keeps_the_previous_report(tmp_path, number):
    output = tmp_path / "report.html"
    output.write_text(PREVIOUS)
    process = _start(["report", SEEDS, "--rules", RULES, "-o", output, "-q"], slow_write=True)
    _wait_for_line(process, "WRITING")
    assert _leftovers(tmp_path), "the temporary file should exist while the report is being written"
    code, stderr = _stop(process, number)
    assert code == 128 + number, stderr
    assert f"interrupted by {signal.Signals(number).name}" in stderr
    assert "Traceback" not in stderr
    assert output.read_text() == PREVIOUS
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "number, jobs, group",
    [(signal.SIGINT, 1, False), (signal.SIGTERM, 1, False), (signal.SIGTERM, 2, False), (signal.SIGINT, 2, True)],
    ids=["SIGINT", "SIGTERM", "SIGTERM-to-a-parallel-run", "SIGINT-to-its-process-group"],
)
def test_a_signal_during_the_analysis_keeps_the_previous_report(tmp_path, number, jobs, group):
    corpus = tmp_path / "corpus"
    for copy in range(20):  # seconds of work: the signal arrives long before the write
        shutil.copytree(SEEDS, corpus / f"story{copy:02}")
    output = tmp_path / "out" / "report.html"
    output.parent.mkdir()
    output.write_text(PREVIOUS)
    process = _start(["report", corpus, "--rules", RULES, "-o", output, "-q", "--jobs", jobs])
    _wait_for_line(process, "ANALYSING")
    time.sleep(0.5)
    assert process.poll() is None, "the run ended before it could be interrupted; make the corpus larger"
    code, stderr = _stop(process, number, group)
    assert code == 128 + number, stderr
    assert "Traceback" not in stderr
    assert output.read_text() == PREVIOUS
    assert _leftovers(output.parent) == []


@pytest.mark.parametrize("number", [signal.SIGTERM], ids=["SIGTERM"])
def test_a_signal_while_updating_a_baseline_keeps_the_previous_one(tmp_path, number):
    baseline = tmp_path / "baseline.json"
    previous = '{"version": 1, "findings": []}\n'
    baseline.write_text(previous)
    process = _start(["baseline", SEEDS, "--rules", RULES, "-o", baseline, "--update", "-q"], slow_write=True)
    _wait_for_line(process, "WRITING")
    code, stderr = _stop(process, number)
    assert code == 128 + number, stderr
    assert baseline.read_text() == previous
    assert _leftovers(tmp_path) == []


def test_a_baseline_is_not_overwritten_without_update(tmp_path):
    baseline = tmp_path / "baseline.json"
    command = ["baseline", str(SEEDS), "--rules", str(RULES), "-o", str(baseline), "-q"]
    first = CliRunner().invoke(cli, command, catch_exceptions=False)
    assert first.exit_code == 0, first.output
    accepted = json.loads(baseline.read_text())
    assert accepted["findings"], "the sample corpus should give findings to accept"
    accepted["findings"][0]["justification"] = "Checked with the ministry on 2025-12-22."
    edited = json.dumps(accepted, indent=2, ensure_ascii=False) + "\n"
    baseline.write_text(edited)  # the editor's own words, which nothing may lose

    refused = CliRunner().invoke(cli, command, catch_exceptions=False)
    assert refused.exit_code == 2
    assert f"factcheck: {baseline}: baseline error: baseline already exists; use --update" in refused.output
    assert baseline.read_text() == edited

    updated = CliRunner().invoke(cli, [*command, "--update"], catch_exceptions=False)
    assert updated.exit_code == 0, updated.output
    assert json.loads(baseline.read_text()) == accepted  # rewritten, and the justification kept


def test_an_atomic_write_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert (target.read_text(), stat.S_IMODE(target.stat().st_mode)) == ("new", 0o640)


def test_an_atomic_write_gives_a_new_file_the_usual_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.html", "text")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.html").stat().st_mode) == 0o644
    assert _leftovers(tmp_path) == []


def test_an_interrupted_atomic_write_removes_its_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text(PREVIOUS)

    def interrupted(descriptor):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new text")
    assert target.read_text() == PREVIOUS
    assert _leftovers(tmp_path) == []


def test_a_signal_whose_exception_was_swallowed_still_stops_the_run_before_it_writes(tmp_path, monkeypatch):
    # A signal landing in an at-fork hook or a finaliser (a process pool starting) raises where Python only
    # prints "Exception ignored in …": the run goes on, and must still stop before writing, with 128 + signal.
    from factcheck import cli as cli_module

    output = tmp_path / "report.html"
    output.write_text(PREVIOUS)
    monkeypatch.setattr(cli_module, "_RECEIVED", [signal.SIGTERM])
    result = CliRunner().invoke(cli, ["report", str(SEEDS), "--rules", str(RULES), "-o", str(output), "-q"])
    assert result.exit_code == 128 + signal.SIGTERM, result.output
    assert output.read_text() == PREVIOUS


def test_an_interruption_swallowed_in_a_finaliser_prints_no_traceback():
    """A signal landing in a finaliser (a pool's worker shutting down) is raised again later: Python's
    "Exception ignored in …" report of it stays silent, and any other unraisable error is still printed."""
    code = (
        "import sys\n"
        "from factcheck import cli\n"
        "from factcheck.errors import Interrupted\n"
        "sys.unraisablehook = cli._quiet_when_interrupted\n"
        "class Interrupting:\n"
        "    def __del__(self): raise Interrupted(15, 'SIGTERM')\n"
        "class Failing:\n"
        "    def __del__(self): raise ValueError('a real bug')\n"
        "Interrupting(); Failing()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "Interrupted" not in result.stderr and "SIGTERM" not in result.stderr
    assert "ValueError: a real bug" in result.stderr


def test_a_run_that_hangs_after_a_signal_still_stops_within_the_grace_time():
    """The last resort behind a process pool that hangs in its shutdown (cli.STOP_GRACE_SECONDS): the process
    leaves with the interruption's code and one line, however long the code it was in would have waited."""
    program = (
        "import signal, time\n"
        "import factcheck.cli as cli\n"
        "cli.STOP_GRACE_SECONDS = 0.5\n"
        "signal.signal(signal.SIGTERM, cli._interrupt)\n"
        "try:\n"
        "    signal.raise_signal(signal.SIGTERM)\n"
        "except KeyboardInterrupt:\n"
        "    time.sleep(60)  # a shutdown that never returns\n"
    )
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=30)
    assert time.monotonic() - started < 20
    assert done.returncode == 128 + signal.SIGTERM
    assert done.stderr.strip() == "factcheck: interrupted by SIGTERM; files being written were left as they were"
