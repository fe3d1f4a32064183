"""Same input, same bytes: whatever the hash seed, the order of the paths given, the order in
which folders were created, and the working directory.

Two real `factcheck` processes per output format read the same two stories, set up
as differently as the same input allows:

- run A: `PYTHONHASHSEED=0`, working directory inside the corpus, relative folder paths in one order,
  one process;
- run B: `PYTHONHASHSEED=4242`, working directory elsewhere, absolute paths to every file one by one in
  reverse order, from a copy whose files and folders were created in reverse order, `--jobs 2`.

Their outputs (JSON, SARIF, HTML, text, and a baseline file) must be byte-identical.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT, RULES, SEEDS

FORMATS = ["json", "sarif", "html", "text"]
_SECOND_STORY = """[story]
name = "Second story: the same articles, reported a week later"
date = 2025-12-27
currency = "EUR"
"""


def _corpus(folder: Path, reverse: bool) -> Path:
    """Two stories (the seeds, and a copy with another date and currency), files created in the order asked."""
    for story in sorted(["seeds", "later"], reverse=reverse):
        (folder / story).mkdir(parents=True)
        files = sorted(SEEDS.iterdir(), reverse=reverse)
        for path in files:
            shutil.copyfile(path, folder / story / path.name)
    (folder / "later" / "story.toml").write_text(_SECOND_STORY)
    return folder


def _files(corpus: Path) -> list[Path]:
    return sorted((path for path in corpus.rglob("*.txt")), reverse=True)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, tuple[bytes, bytes]]:
    """Per output: the bytes run A wrote and the bytes run B wrote."""
    base = tmp_path_factory.mktemp("determinism")
    corpus_a, corpus_b = _corpus(base / "a", reverse=False), _corpus(base / "b", reverse=True)
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    runs = []
    for name in [*FORMATS, "baseline"]:
        out_a, out_b = base / f"a.{name}", base / f"b.{name}"
        command = ["report", "--format", name] if name != "baseline" else ["baseline"]
        jobs = (["--jobs", "1"], ["--jobs", "2"]) if name != "baseline" else ([], [])
        run_a = [*command, "seeds", "later", "--rules", RULES, "-o", out_a, "-q", *jobs[0]]
        run_b = [*command, *_files(corpus_b), "--rules", RULES, "-o", out_b, "-q", *jobs[1]]
        runs.append((name, out_a, out_b, _start(run_a, corpus_a, "0"), _start(run_b, elsewhere, "4242")))
    found = {}
    for name, out_a, out_b, process_a, process_b in runs:
        for process in (process_a, process_b):
            _, stderr = process.communicate(timeout=300)
            assert process.returncode == 0, stderr
        found[name] = (out_a.read_bytes(), out_b.read_bytes())
    return found


def _start(args: list, cwd: Path, hash_seed: str) -> subprocess.Popen:
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck", *[str(arg) for arg in args]],
        cwd=cwd,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("name", [*FORMATS, "baseline"])
def test_two_differently_set_up_runs_write_the_same_bytes(outputs, name):
    first, second = outputs[name]
    assert len(first) > 200, "the output should hold a real report"
    assert first == second, _first_difference(first, second)


def test_the_corpus_is_read_as_two_stories(outputs):
    text = outputs["text"][0].decode()
    assert text.startswith("10 sources") and "in 2 stories" in text.splitlines()[0]


def test_no_output_names_where_it_was_run(outputs):
    for name, (first, _) in outputs.items():
        assert str(ROOT).encode() not in first and b"/tmp/" not in first, name


def _first_difference(first: bytes, second: bytes) -> str:
    at = next((i for i, (a, b) in enumerate(zip(first, second)) if a != b), min(len(first), len(second)))
    return f"first difference at byte {at}: {first[at - 80 : at + 80]!r} vs {second[at - 80 : at + 80]!r}"
