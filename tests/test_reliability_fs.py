"""The filesystem as an attacker or an accident shapes it: links out of the story folder, FIFOs, devices and
/proc among the sources; outputs onto devices, links, FIFOs and the corpus itself; a run killed with
`kill -9`; and a bug, which must say so (exit 3) rather than pass for "new findings".

Each test builds real files in `tmp_path` and runs the real command line: in process through click's
CliRunner (under an alarm where a regression would hang: a blocking open of a FIFO is interrupted), or as
a subprocess where the test needs a process of its own (its environment, `kill -9`, a closed pipe).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.files import write_atomic
from tests.paths import ROOT, RULES, SEEDS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links, FIFOs and devices")

ARTICLE = "Japan will invest $20 billion in Central Asia, officials said on Saturday in Tokyo.\n"
OTHER = "Japan pledged $19 billion for Central Asia over five years, the ministry said.\n"
LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and prctl are Linux's")
TIMEOUT = 60  # seconds: far beyond any of these runs, short of a hang


def _story(tmp_path: Path) -> Path:
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text(ARTICLE)
    (story / "b.txt").write_text(OTHER)
    return story


class Hung(BaseException):
    """Raised by the alarm: not an Exception, so the CLI cannot take it for a bug of its own."""


def _invoke(*args) -> object:
    """The command line in this process, stopped after TIMEOUT seconds if anything blocks."""

    def hung(number, frame):
        raise Hung(f"factcheck {' '.join(map(str, args))} still running after {TIMEOUT} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(TIMEOUT)
    try:
        return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _json_report(*args) -> dict:
    result = _invoke("report", *args, "--rules", RULES, "--format", "json", "-q")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _factcheck(*args, env: dict) -> subprocess.CompletedProcess:
    """A real `factcheck` process with more in its environment, stopped by the timeout if anything hangs."""
    command = [sys.executable, "-m", "factcheck", *[str(arg) for arg in args]]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT, env={**os.environ, **env})


def _paths(report: dict) -> list[str]:
    return [source["path"] for source in report["sources"]]


# Sources: regular files inside the story folder


def test_a_link_to_etc_passwd_is_skipped_by_name_and_never_reported(tmp_path):
    story = _story(tmp_path)
    (story / "passwd.txt").symlink_to("/etc/passwd")
    secret = Path("/etc/passwd").read_text().splitlines()[0]
    report = _json_report(story)
    assert _paths(report) == ["story/a.txt", "story/b.txt"]
    assert "story/passwd.txt: skipped: a symbolic link leading outside story/ (--follow-symlinks reads it)" in report[
        "warnings"
    ]
    html = tmp_path / "report.html"
    assert _invoke("report", story, "--rules", RULES, "-o", html, "-q").exit_code == 0
    text = _invoke("report", story, "--rules", RULES, "--format", "text", "-q")
    for output in (json.dumps(report), html.read_text(), text.stdout):
        assert secret not in output
    assert "story/passwd.txt: skipped" in text.stdout


@LINUX
def test_proc_self_environ_linked_in_is_never_read_even_when_following_links(tmp_path):
    story = _story(tmp_path)
    (story / "env.txt").symlink_to("/proc/self/environ")
    value = "hunter2-4f1c"  # a secret in the environment of the process that reads the story
    arguments = ["report", story, "--rules", RULES, "--format", "json", "-q", "--follow-symlinks"]
    result = _factcheck(*arguments, env={"FACTCHECK_SECRET": value})
    assert result.returncode == 0, result.stderr
    assert value not in result.stdout
    report = json.loads(result.stdout)
    assert _paths(report) == ["story/a.txt", "story/b.txt"]
    assert (
        "story/env.txt: skipped: a symbolic link to a system pseudo-file (/proc, /sys), not a regular file"
        in report["warnings"]
    )


@LINUX
def test_a_file_of_proc_given_by_name_is_an_input_error():
    result = _invoke("report", "/proc/self/environ", "--rules", RULES, "--format", "json", "-q")
    assert result.exit_code == 2
    assert "input error: not read: a system pseudo-file (/proc, /sys)" in result.stderr
    assert "PATH=" not in result.output


def test_a_fifo_among_the_sources_is_skipped_without_hanging(tmp_path):
    story = _story(tmp_path)
    os.mkfifo(story / "x.md")  # nobody writes to it: opening it to read would wait for ever
    result = _invoke("report", story, "--rules", RULES, "--format", "text", "-q")
    assert result.exit_code == 0, result.output
    assert "story/x.md: skipped: a FIFO, not a regular file" in result.stdout
    assert result.stdout.startswith("2 sources")


@pytest.mark.parametrize("how", ["given", "draft", "linked"])
def test_a_fifo_given_by_name_as_a_draft_or_through_a_link_does_not_hang(tmp_path, how):
    story = _story(tmp_path)
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    if how == "linked":
        (story / "pipe.md").symlink_to(fifo)
    arguments = {"given": [fifo], "draft": [story, "--draft", fifo], "linked": [story, "--follow-symlinks"]}[how]
    result = _invoke("report", *arguments, "--rules", RULES, "--format", "text", "-q")
    if how == "linked":
        assert result.exit_code == 0, result.output
        assert "story/pipe.md: skipped: a symbolic link to a FIFO, not a regular file" in result.stdout
    else:
        assert result.exit_code == 2, result.output
        assert f"{fifo}: input error: not read: a FIFO, not a regular file" in result.stderr


@LINUX
def test_a_link_to_an_endless_device_is_never_opened(tmp_path):
    story = _story(tmp_path)
    (story / "zero.txt").symlink_to("/dev/zero")
    (story / "null.md").symlink_to("/dev/null")
    warnings = _json_report(story, "--follow-symlinks")["warnings"]
    assert "story/zero.txt: skipped: a symbolic link to a character device, not a regular file" in warnings
    assert "story/null.md: skipped: a symbolic link to a character device, not a regular file" in warnings


def test_a_link_inside_the_story_folder_is_read(tmp_path):
    story = _story(tmp_path)
    (story / "sub").mkdir()
    (story / "sub" / "c.md").symlink_to("../a.txt")
    report = _json_report(story)
    assert _paths(report) == ["story/a.txt", "story/b.txt", "story/sub/c.md"]
    assert not [warning for warning in report["warnings"] if "skipped" in warning]


def test_follow_symlinks_reads_a_file_and_a_folder_outside(tmp_path):
    story = _story(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "c.txt").write_text("Japan will invest $21 billion in Central Asia.\n")
    (story / "c.txt").symlink_to(elsewhere / "c.txt")
    (story / "more").symlink_to(elsewhere)
    skipped = _json_report(story)
    assert _paths(skipped) == ["story/a.txt", "story/b.txt"]
    assert [warning for warning in skipped["warnings"] if "skipped" in warning] == [
        "story/c.txt: skipped: a symbolic link leading outside story/ (--follow-symlinks reads it)",
        "story/more: skipped: a symbolic link leading outside story/ (--follow-symlinks reads it)",
    ]
    followed = _json_report(story, "--follow-symlinks")
    assert _paths(followed) == ["story/a.txt", "story/b.txt", "story/c.txt", "story/more/c.txt"]


def test_a_link_loop_ends_with_a_warning(tmp_path):
    story = _story(tmp_path)
    (story / "up").symlink_to(tmp_path)  # story/up/story/up/… for ever, were links simply followed
    report = _json_report(story, "--follow-symlinks")
    assert "story/up/story: skipped: a symbolic link loop" in report["warnings"]
    assert _paths(report) == ["story/a.txt", "story/b.txt"]


def test_a_broken_link_is_named(tmp_path):
    story = _story(tmp_path)
    (story / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert "story/gone.txt: skipped: a broken symbolic link" in _json_report(story)["warnings"]


# Writes: atomic onto regular files only, and never into the corpus


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can replace /dev/null (as CI runs)")
def test_o_dev_null_stays_a_character_device():
    device = os.makedev(1, 3)
    try:
        result = _invoke("report", SEEDS, "--rules", RULES, "-o", "/dev/null", "-q")
        assert result.exit_code == 0, result.output
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    finally:
        if not stat.S_ISCHR(os.lstat("/dev/null").st_mode):  # put the machine back as it was
            os.unlink("/dev/null")
            os.mknod("/dev/null", 0o666 | stat.S_IFCHR, device)
            os.chmod("/dev/null", 0o666)


def test_a_fifo_as_output_is_written_to_not_replaced(tmp_path):
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()), daemon=True)
    reader.start()
    result = _invoke("report", SEEDS, "--rules", RULES, "--format", "json", "-o", fifo, "-q")
    reader.join(TIMEOUT)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(received[0])["sources"]


def test_baseline_dash_writes_to_standard_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = _invoke("baseline", SEEDS, "--rules", RULES, "-o", "-", "-q")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["version"] == 1
    assert "wrote -:" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_symlinked_baseline_is_updated_at_its_target(tmp_path):
    kept = tmp_path / "shared"
    kept.mkdir()
    target = kept / "baseline.json"
    target.write_text('{"version": 1, "findings": []}\n')
    link = tmp_path / "factcheck-baseline.json"
    link.symlink_to("shared/baseline.json")
    result = _invoke("baseline", SEEDS, "--rules", RULES, "-o", link, "--update", "-q")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == "shared/baseline.json"
    assert json.loads(target.read_text())["findings"]
    assert sorted(path.name for path in tmp_path.rglob("*") if path.name.endswith(".tmp")) == []


def test_a_symlinked_report_is_written_at_its_target(tmp_path):
    target = tmp_path / "real.html"
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "report.html"
    link.symlink_to(target)
    assert _invoke("report", SEEDS, "--rules", RULES, "-o", link, "-q").exit_code == 0
    assert link.is_symlink()
    assert target.read_text().startswith("<!doctype html>")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize(
    "command, output",
    [
        (["report", "--format", "text"], "story/report.txt"),
        (["report", "--format", "json"], "story/a.txt"),  # would overwrite an article
        (["report", "--format", "text"], "story/sub/notes.md"),
        (["check", "--baseline", "{baseline}"], "story/check.md"),
        (["baseline"], "story/baseline.txt"),
    ],
    ids=["report into the folder", "report over an article", "report into a subfolder", "check", "baseline"],
)
def test_an_output_the_run_would_read_is_a_usage_error(tmp_path, command, output):
    story = _story(tmp_path)
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": 1, "findings": []}\n')
    target = tmp_path / output
    command = [part.replace("{baseline}", str(baseline)) for part in command]
    result = _invoke(*command, story, "--rules", RULES, "-o", target, "-q")
    assert result.exit_code == 2, result.output
    assert f"-o {target} is among the sources being read ({story})" in result.stderr
    assert (story / "a.txt").read_text() == ARTICLE
    assert not target.exists() or target.name == "a.txt"


def test_the_output_may_be_a_source_given_by_name_only_if_not_the_same_file(tmp_path):
    story = _story(tmp_path)
    same = _invoke("report", story / "a.txt", story / "b.txt", "--rules", RULES, "-o", story / "a.txt", "-q")
    assert same.exit_code == 2
    assert f"is among the sources being read ({story / 'a.txt'})" in same.stderr
    other = _invoke("report", story / "a.txt", "--rules", RULES, "--format", "text", "-o", story / "b.txt", "-q")
    assert other.exit_code == 0, other.output  # only a.txt is read: writing b.txt is the user's choice


def test_an_output_the_reader_skips_may_sit_in_the_story_folder(tmp_path):
    story = _story(tmp_path)
    for target in (story / "report.html", story / ".report.txt"):
        assert _invoke("report", story, "--rules", RULES, "--format", "text", "-o", target, "-q").exit_code == 0
    assert _invoke("baseline", story, "--rules", RULES, "-o", story / "factcheck-baseline.json", "-q").exit_code == 0
    assert _paths(_json_report(story)) == ["story/a.txt", "story/b.txt"]


# A write killed with `kill -9` leaves its temporary file: the next write to that target removes it.
_SLOW_WRITE = """
import os, sys, time
import factcheck.cli

def fsync(descriptor):
    sys.stderr.write("WRITING\\n")
    sys.stderr.flush()
    time.sleep(60)

os.fsync = fsync
sys.argv[0:1] = ["factcheck"]
factcheck.cli.main()
"""


def _temporaries(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_the_temporary_file_of_a_killed_write_is_removed_by_the_next_write(tmp_path):
    output = tmp_path / "report.html"
    command = [sys.executable, "-c", _SLOW_WRITE, "report", SEEDS, "--rules", RULES, "-o", output, "-q"]
    process = subprocess.Popen([str(part) for part in command], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + TIMEOUT
        while "WRITING" not in process.stderr.readline():
            assert process.poll() is None and time.monotonic() < deadline, "the write never started"
        process.kill()
    finally:
        process.kill()
        process.wait(TIMEOUT)
    (stale,) = _temporaries(tmp_path)
    assert stale.startswith(".report.html.")
    assert _invoke("report", SEEDS, "--rules", RULES, "-o", output, "-q").exit_code == 0
    assert _temporaries(tmp_path) == []
    assert output.read_text().startswith("<!doctype html>")


def test_a_temporary_file_another_run_is_writing_is_left_alone(tmp_path):
    target = tmp_path / "report.html"
    live = tmp_path / ".report.html.abcd1234.tmp"
    stale = tmp_path / ".report.html.wxyz9876.tmp"
    unrelated = tmp_path / ".other.html.abcd1234.tmp"
    for path in (live, stale, unrelated):
        path.write_text("partial")
    with open(live) as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a writer holds its temporary file until the rename
        write_atomic(target, "new")
    assert _temporaries(tmp_path) == [unrelated.name, live.name]
    assert target.read_text() == "new"


# Workers die with their parent


def _group(leader: int) -> list[tuple[int, int, str]]:
    """(pid, parent pid, state) of every process of the process group `leader` leads, from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # it ended while we looked
        if int(fields[2]) == leader:
            members.append((int(entry.name), int(fields[1]), fields[0]))
    return members


@LINUX
def test_kill_9_of_a_parallel_report_leaves_no_worker_running(tmp_path):
    corpus = tmp_path / "corpus"
    for copy in range(20):  # seconds of work for two processes
        shutil.copytree(SEEDS, corpus / f"story{copy:02}")
    output = tmp_path / "report.html"
    command = [sys.executable, "-m", "factcheck", "report", corpus, "--rules", RULES, "-j2", "-q", "-o", output]
    process = subprocess.Popen([str(part) for part in command], cwd=ROOT, start_new_session=True)
    try:
        deadline = time.monotonic() + TIMEOUT
        while len([pid for pid, parent, _ in _group(process.pid) if parent == process.pid]) < 2:
            assert process.poll() is None, "the run ended before its workers were seen; make the corpus larger"
            assert time.monotonic() < deadline, "no worker process started"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)  # the parent alone, as the OOM killer or `kill -9 <pid>` would
        process.wait(TIMEOUT)
        deadline = time.monotonic() + 5
        while [member for member in _group(process.pid) if member[2] != "Z"]:
            assert time.monotonic() < deadline, f"workers outlived their parent: {_group(process.pid)}"
            time.sleep(0.05)
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # the group is gone, as it should be


# One exit code for a bug


def _bug(*args, **kwargs):
    raise ValueError("an unexpected\nvalue \x1b[31m")


@pytest.mark.parametrize("command", [["report", "--format", "text"], ["check", "--baseline", "{baseline}"]])
def test_a_bug_exits_3_with_one_line_asking_for_a_report(tmp_path, monkeypatch, command):
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": 1, "findings": []}\n')
    monkeypatch.setattr("factcheck.cli.run", _bug)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    command = [part.replace("{baseline}", str(baseline)) for part in command]
    result = _invoke(*command, _story(tmp_path), "--rules", RULES, "-q")
    assert result.exit_code == 3
    (line,) = result.stderr.splitlines()
    assert line.startswith("factcheck: internal error: ValueError: an unexpected value \\x1b[31m. This is a bug")
    assert "please report it" in line and "FACTCHECK_DEBUG=1" in line
    assert "Traceback" not in result.output


def test_factcheck_debug_adds_the_traceback(tmp_path, monkeypatch):
    monkeypatch.setattr("factcheck.cli.run", _bug)
    monkeypatch.setenv("FACTCHECK_DEBUG", "1")
    result = _invoke("report", _story(tmp_path), "--rules", RULES, "--format", "text", "-q")
    assert result.exit_code == 3
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert result.stderr.splitlines()[-1].startswith("factcheck: internal error: ValueError")


def test_a_bug_in_a_worker_process_exits_3(tmp_path, monkeypatch):
    for story in range(4):  # enough stories and documents to share whole stories out to two workers
        folder = tmp_path / "corpus" / f"story{story}"
        folder.mkdir(parents=True)
        for number in range(10):
            (folder / f"{number}.txt").write_text(ARTICLE)
    monkeypatch.setattr("factcheck.pipeline.analyse", _bug)  # inherited by the forked workers
    if sys.platform != "linux":
        pytest.skip("the patched function reaches workers only when they are forked")
    result = _invoke("report", tmp_path / "corpus", "--rules", RULES, "--format", "text", "-q", "-j2")
    assert result.exit_code == 3
    assert "factcheck: internal error: ValueError" in result.stderr


def test_a_closed_standard_output_is_not_a_bug(tmp_path):
    command = [sys.executable, "-m", "factcheck", "report", SEEDS, "--rules", RULES, "--format", "json", "-q"]
    process = subprocess.Popen(
        [str(part) for part in command], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    process.stdout.close()  # as `| head` does once it has its lines
    _, stderr = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 128 + signal.SIGPIPE
    assert stderr == b""
