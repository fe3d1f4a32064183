"""Start-up time: how long `factcheck --version` and `factcheck report` on one short article take.

Every pre-commit run and every tab completion pays the start-up, so it is measured as a user meets it:
each command run N times as a fresh subprocess (the console script of the running interpreter's
environment), wall-clock time, and the median printed. The first run of each command is a warm-up and
is not counted (it fills the disk cache). `report` reads the shortest seed (3.5 KB: its language detected,
money in two currencies converted); `line` reads one line without a language tag (detected in lingua's
high-accuracy mode, no money), written to a temporary folder.

    python bench/startup.py [--runs 10] [--article seeds/004_123500bc618ab1db.txt] [--checkout DIR]

`--checkout DIR` times the package of another checkout instead (the folder holding its `factcheck/`), as
`python -m factcheck` run from there: time a copy of the code before a change against it after, both so.

Targets (issue 16): `--version` under 0.3 s, `report` on one short article under 1 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHORT_ARTICLE = ROOT / "seeds" / "004_123500bc618ab1db.txt"  # the shortest seed: 3.5 KB, about 500 words
ONE_LINE = "The summit drew 5,000 visitors on 3 March 2024.\n"  # under 120 characters: high-accuracy detection
TARGETS = {"version": 0.3, "report": 1.0, "line": 1.0}  # seconds


def factcheck_command() -> list[str]:
    """The `factcheck` console script beside this interpreter, else `python -m factcheck`."""
    script = Path(sys.executable).parent / "factcheck"
    if script.exists():
        return [str(script)]
    found = shutil.which("factcheck")
    return [found] if found else [sys.executable, "-m", "factcheck"]


def commands(article: Path, line: Path, checkout: Path | None) -> dict[str, list[str]]:
    """The commands timed, by name."""
    factcheck = factcheck_command() if checkout is None else [sys.executable, "-m", "factcheck"]
    report = [*factcheck, "report", "--format", "json", "-o", "-", "-q"]
    return {"version": [*factcheck, "--version"], "report": [*report, str(article)], "line": [*report, str(line)]}


def time_once(command: list[str], cwd: Path) -> float:
    """Wall-clock seconds of one run; a run that fails stops the benchmark (a fast failure proves nothing)."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode(errors='replace').strip()}")
    return elapsed


def median_seconds(command: list[str], runs: int, cwd: Path) -> tuple[float, list[float]]:
    """The median of `runs` timed runs, after one untimed warm-up run, and the runs themselves."""
    time_once(command, cwd)
    times = [time_once(command, cwd) for _ in range(runs)]
    return statistics.median(times), times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs of each command (default 10)")
    parser.add_argument("--article", type=Path, default=SHORT_ARTICLE, help="the short article `report` reads")
    parser.add_argument("--checkout", type=Path, help="time the factcheck package in this folder (python -m factcheck)")
    options = parser.parse_args()
    cwd = options.checkout.resolve() if options.checkout else ROOT
    with tempfile.TemporaryDirectory() as folder:
        line = Path(folder) / "line.txt"
        line.write_text(ONE_LINE, encoding="utf-8")
        for name, command in commands(options.article.resolve(), line, options.checkout).items():
            median, times = median_seconds(command, options.runs, cwd)
            verdict = "ok" if median < TARGETS[name] else "over"
            spread = f"{options.runs} runs (min {min(times):.3f}, max {max(times):.3f})"
            print(f"{name:8} median {median:.3f} s over {spread}; target {TARGETS[name]} s: {verdict}")


if __name__ == "__main__":
    main()
