"""Time the pipeline stage by stage at growing corpus sizes, with throughput, peak memory and accuracy.

    python -m bench.run                                   # archive scenario at 10, 100, 1,000 and 10,000 articles
    python -m bench.run --scenario story --sizes 10 100 1000
    python -m bench.run --jobs 2 --write                  # and put the tables in docs/benchmarks.md

Each size runs in a fresh Python process, so peak memory (`ru_maxrss`) is that
size's own and imports are paid once per measurement, as a user pays them.
Stages are timed by wrapping the functions `factcheck.pipeline` calls (load,
extract, normalize, align, run_checks), so the benchmark measures the real
pipeline and never a copy of it; rendering is timed after the run. With
`--jobs` above 1 the extraction runs in worker processes and is timed as part
of the whole run only.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import MARKER, generate

OUT = Path("bench/out")
STAGES = {"load": "load", "extract": "extract", "normalise": "normalize", "align": "align", "checks": "run_checks"}
RENDERERS = ("html", "json", "text")


def corpus(scenario: str, articles: int, seed: int) -> Path:
    """The corpus for a size, generated unless an identical one is already there."""
    root = OUT / f"{scenario}-{articles}-s{seed}"
    marker = root / MARKER
    wanted = {"scenario": scenario, "articles": articles, "seed": seed}
    if not (marker.is_file() and (root / "gold.json").is_file() and _same(json.loads(marker.read_text()), wanted)):
        generate(root, scenario, articles, seed)
    return root


def _same(found: dict, wanted: dict) -> bool:
    return all(found.get(key) == value for key, value in wanted.items())


def measure(root: Path, jobs: int | None) -> dict:
    """Run the pipeline once on `root` in this process; the timings, sizes, peak memory and accuracy."""
    from factcheck import pipeline
    from factcheck.config import load_rules

    from bench.accuracy import score
    from bench.gold import load as load_gold

    timings, cpu = _instrument(pipeline)
    rules = load_rules()
    load_before = os.getloadavg()[0]
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    report = pipeline.run([root], rules, **({"jobs": jobs} if jobs is not None else {}))
    timings["run"], cpu["run"] = time.perf_counter() - started, _cpu_seconds() - cpu_started
    peak_run = _peak_mb()
    errors, peak_html = _render_all(report, timings, cpu)
    result = score([finding.model_dump(mode="json") for finding in report.findings], load_gold(root))
    return {
        "articles": len(report.sources),
        "bytes": sum(path.stat().st_size for path in root.rglob("*") if path.suffix in (".txt", ".md")),
        "claims": len(report.claims),
        "facts": len(report.facts),
        "findings": len(report.findings),
        "timings": timings,
        "cpu": cpu,
        "load": [load_before, os.getloadavg()[0]],
        "peak_mb": _peak_mb(),
        "peak_run_mb": peak_run,
        "peak_html_mb": peak_html,
        "errors": errors,
        "accuracy": {rule: vars(counts) for rule, counts in sorted(result.rules.items())} | {"all": vars(result.total())},
    }


def _instrument(pipeline) -> tuple[dict[str, float], dict[str, float]]:
    """Wrap the stage functions the pipeline module calls; their wall and CPU seconds add up in the dicts."""
    timings = {stage: 0.0 for stage in STAGES}
    cpu = {stage: 0.0 for stage in STAGES}
    for stage, name in STAGES.items():
        if hasattr(pipeline, name):
            setattr(pipeline, name, _timed(getattr(pipeline, name), stage, timings, cpu))
    return timings, cpu


def _render_all(report, timings: dict[str, float], cpu: dict[str, float]) -> tuple[dict[str, str], float]:
    """Time each renderer, and the peak memory once the HTML is rendered.

    A renderer broken mid-change is recorded, so the pipeline's numbers are not lost.
    """
    from factcheck.render import render

    errors, peaks = {}, {}
    for fmt in RENDERERS:
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            render(report, fmt)
        except Exception as error:  # recorded in the result, shown by the caller
            errors[fmt] = f"{type(error).__name__}: {error}"
        timings[f"render_{fmt}"], cpu[f"render_{fmt}"] = time.perf_counter() - started, time.process_time() - cpu_started
        peaks.setdefault("html", _peak_mb())  # html renders first: its peak is what `factcheck report` needs
    return errors, peaks["html"]


def _timed(function, stage: str, timings: dict[str, float], cpu: dict[str, float]):
    def timed(*args, **kwargs):
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            timings[stage] += time.perf_counter() - started
            cpu[stage] += time.process_time() - cpu_started

    return timed


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished workers: what the run cost, whatever else the machine ran."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def _peak_mb() -> float:
    """Peak resident memory of this process plus its largest worker (kilobytes on Linux)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + workers) / 1024


def measure_in_child(root: Path, jobs: int | None) -> dict:
    """`measure` in a fresh interpreter, so memory and imports are this size's own."""
    command = [sys.executable, "-m", "bench.run", "--measure", str(root)] + (["--jobs", str(jobs)] if jobs else [])
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"measuring {root} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout)
    result["timings"]["process"] = time.perf_counter() - started
    return result


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    memory = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    return {"cores": str(os.cpu_count()), "cpu": cpu, "memory": f"{memory / 1024 / 1024:.1f} GiB",
            "python": platform.python_version(), "commit": commit or "unknown"}  # fmt: skip


def exponent(small: dict, large: dict, key: str = "run") -> float:
    """Growth exponent k in time ∝ articles^k between two sizes."""
    return math.log(large["cpu"][key] / small["cpu"][key]) / math.log(large["articles"] / small["articles"])


def tables(results: list[dict], jobs: int | None) -> list[str]:
    """Markdown: stage timings, throughput and memory, growth, and accuracy per size."""
    from bench.report import accuracy_rows, stage_rows

    return stage_rows(results, jobs) + [""] + accuracy_rows(results)


def main(argv: list[str] | None = None) -> None:
    """Command line: measure each size and print (or write) the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scenario", default="archive", choices=("archive", "story"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, help="Passed to the pipeline (needs `run(jobs=...)`).")
    parser.add_argument("--write", action="store_true", help="Update this scenario's section of docs/benchmarks.md.")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.jobs)))
        return
    results = []
    for size in args.sizes:
        root = corpus(args.scenario, size, args.seed)
        results.append(measure_in_child(root, args.jobs))
        done = results[-1]
        for fmt, error in done["errors"].items():
            print(f"{args.scenario} {size}: rendering {fmt} failed: {error}", file=sys.stderr)
        print(f"{args.scenario} {size}: {done['timings']['run']:.2f} s wall, {done['cpu']['run']:.2f} s CPU, "
              f"{done['peak_mb']:.0f} MB, load {done['load']}", file=sys.stderr)
    lines = tables(results, args.jobs)
    print("\n".join(lines))
    (OUT / f"run-{args.scenario}-j{args.jobs or 1}.json").write_text(json.dumps({"machine": machine(), "results": results}, indent=1))
    if args.write:
        from bench.report import write_section

        write_section(f"run-{args.scenario}-j{args.jobs or 1}", machine(), args, lines)


if __name__ == "__main__":
    main()
