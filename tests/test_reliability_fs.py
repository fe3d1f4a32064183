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
