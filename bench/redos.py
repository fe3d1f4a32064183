"""ReDoS benchmark: adversarial inputs through cleaning, extraction and the whole pipeline.

Every regular expression factcheck runs over a text must finish in time linear in
the text's size. This script builds hostile texts (long runs of digits,
separators, spaces, currency symbols, brackets, qualifier words, split words,
bullets, abbreviations...) at doubling sizes up to `--max-bytes` and times each
stage on each, every measurement in a forked child that is killed after
`--budget` seconds (a catastrophic regex cannot be interrupted from Python).

For each (input, stage) it prints the CPU seconds per MB at every size (CPU time of
the child, so other work on the machine does not count) and the growth exponent
between the smallest and the largest size measured: about 1 is linear, 2 quadratic.
A size that runs out of its wall-clock budget is shown as TIMEOUT and stops that row.

    python3 bench/redos.py                      # every input, every stage, up to 1 MB
    python3 bench/redos.py --stage clean --max-bytes 262144
    python3 bench/redos.py --only 'A. ' --json results.json

Not run in CI (minutes, not seconds); `tests/test_reliability_redos.py` runs the same
inputs at one size with a generous bound.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.adversarial import ADVERSARIAL, build  # noqa: E402
from factcheck.cleaning import clean  # noqa: E402
from factcheck.config import load_rules  # noqa: E402
from factcheck.errors import FactcheckError  # noqa: E402
from factcheck.extract import extract  # noqa: E402
from factcheck.normalize.names import resolve_names  # noqa: E402
from factcheck.pipeline import run  # noqa: E402
from factcheck.sources import load  # noqa: E402

RULES = load_rules()


def _clean(text: str, folder: Path) -> None:
    clean(text)
    clean(text, markdown=True)


def _documents(text: str, folder: Path) -> list:
    path = folder / "input.md"
    path.write_text(text, encoding="utf-8")
    return [document for story in load([path]).stories for document in story.documents]


def _extract(text: str, folder: Path) -> None:
    for document in _documents(text, folder):
        extract(document, RULES.qualifier_table, dollar=RULES.settings.dollar)


def _names(text: str, folder: Path) -> None:
    documents = _documents(text, folder)
    claims = [claim for document in documents for claim in extract(document, RULES.qualifier_table)]
    resolve_names(documents, claims, RULES.entities)  # with claims: each gets the entities around it


def _pipeline(text: str, folder: Path) -> None:
    (folder / "input.txt").write_text(text, encoding="utf-8")
    run([folder], RULES)


STAGES: dict[str, Callable[[str, Path], None]] = {
    "clean": _clean, "extract": _extract, "names": _names, "pipeline": _pipeline,
}


def _child(stage: str, text: str, pipe) -> None:
    with tempfile.TemporaryDirectory() as folder:
        started = time.process_time()  # CPU seconds: what the work costs, whatever else the machine runs
        try:
            STAGES[stage](text, Path(folder))
        except FactcheckError:
            pass  # refused with a message for the user (front matter that does not parse): done, not a crash
        except Exception as error:  # reported, not hidden: a crash is a finding of this benchmark
            pipe.send(("crash", f"{type(error).__name__}: {error}"[:300]))
            return
        pipe.send(("ok", time.process_time() - started))


def measure(stage: str, text: str, budget: float) -> tuple[str, float | str]:
    """('ok', CPU seconds), ('crash', message) or ('timeout', budget) for one stage on one text.

    `budget` is in wall-clock seconds: the child is killed when it runs out.
    """
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_child, args=(stage, text, send))
    child.start()
    send.close()
    if receive.poll(budget):
        outcome = receive.recv()
        child.join()
        return outcome
    child.kill()
    child.join()
    return "timeout", budget


def sizes(smallest: int, largest: int) -> list[int]:
    """Doubling sizes from `smallest` up to `largest`."""
    found, size = [], smallest
    while size <= largest:
        found.append(size)
        size *= 2
    return found


def bench_row(name: str, stage: str, size_list: list[int], budget: float) -> dict:
    """Time one input at every size; stop at the first timeout or crash."""
    row: dict = {"input": name, "stage": stage, "seconds": {}, "status": "ok"}
    for size in size_list:
        status, value = measure(stage, build(ADVERSARIAL[name], size), budget)
        if status != "ok":
            row["status"], row["detail"], row["at_bytes"] = status, value, size
            break
        row["seconds"][size] = value
    row["growth"] = growth(row["seconds"])
    return row


def growth(seconds: dict[int, float]) -> float | None:
    """Exponent k of time ~ size**k between the smallest and largest size measured."""
    if len(seconds) < 2:
        return None
    (small, t_small), (large, t_large) = min(seconds.items()), max(seconds.items())
    if t_small <= 0 or t_large <= 0:
        return None
    return math.log(t_large / max(t_small, 1e-4)) / math.log(large / small)


def format_row(row: dict) -> str:
    """One line: input, stage, s/MB at each size, growth, status."""
    per_mb = " ".join(f"{seconds * 2**20 / size:7.2f}" for size, seconds in sorted(row["seconds"].items()))
    grown = f"{row['growth']:.2f}" if row["growth"] is not None else "  - "
    status = row["status"].upper() + (f" at {row['at_bytes']} B: {row['detail']}" if row["status"] != "ok" else "")
    return f"{row['input'][:28]:28} {row['stage']:8} {per_mb:48} k={grown} {status if row['status'] != 'ok' else ''}"


def warm_up() -> None:
    """Fill the caches (CLDR names, the pint registry, ECB rates) once, so no measurement pays for them."""
    with tempfile.TemporaryDirectory() as folder:
        for stage in STAGES.values():
            stage(build(ADVERSARIAL["seed articles"], 20_000), Path(folder))


def main() -> None:
    """Run the benchmark from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-bytes", type=int, default=64 * 1024)
    parser.add_argument("--max-bytes", type=int, default=1024 * 1024)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds before one measurement is killed")
    parser.add_argument("--stage", choices=sorted(STAGES), action="append", help="stages to run (default all)")
    parser.add_argument("--only", action="append", help="input names to run (default all)")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args()
    size_list = sizes(args.min_bytes, args.max_bytes)
    warm_up()
    print(f"{'input':28} {'stage':8} s/MB at {', '.join(f'{s // 1024} KB' for s in size_list)}")
    rows = []
    for name in args.only or list(ADVERSARIAL):
        for stage in args.stage or list(STAGES):
            row = bench_row(name, stage, size_list, args.budget)
            rows.append(row)
            print(format_row(row), flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
