"""Benchmark results as Markdown, and their sections of docs/benchmarks.md.

Each benchmark owns one section of the page, between `<!-- bench:NAME -->` and
`<!-- /bench:NAME -->`; writing replaces only that section, so sections
written by hand or by other benchmarks stay as they are.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

DOC = Path("docs/benchmarks.md")
_STAGES = ("load", "extract", "normalise", "align", "checks")


def stage_rows(results: list[dict], jobs: int | None) -> list[str]:
    """One row per size: CPU seconds per stage, the whole run (wall and CPU), throughput, memory and growth.

    Throughput and the growth exponent are computed from CPU time, which other work on a shared machine
    does not inflate the way it inflates wall time.
    """
    rows = [
        "| articles | MB | load | extract | normalise | align | checks | run CPU s | run wall s | render html | MB/s "
        "| articles/s | extract MB/s | peak MB run | peak MB run + html | peak MB all renderers | exponent |",
        "| ---: " * 17 + "|",
    ]
    previous = None
    for result in results:
        cpu, megabytes = result["cpu"], result["bytes"] / 1e6
        stages = [f"{cpu[stage]:.2f}" if cpu.get(stage) else "–" for stage in _STAGES]
        extract = cpu.get("extract") or 0
        rows.append(
            f"| {result['articles']:,} | {megabytes:.2f} | " + " | ".join(stages) + f" | {cpu['run']:.2f} | "
            f"{result['timings']['run']:.2f} | {cpu['render_html']:.2f} | {megabytes / cpu['run']:.2f} | "
            f"{result['articles'] / cpu['run']:.0f} | {megabytes / extract if extract else 0:.2f} | "
            f"{result.get('peak_run_mb', result['peak_mb']):.0f} | {result.get('peak_html_mb', 0):.0f} | "
            f"{result['peak_mb']:.0f} | {_exponent(previous, result)} |"
        )
        previous = result
    return rows


def _exponent(small: dict | None, large: dict) -> str:
    if small is None or large["articles"] == small["articles"]:
        return "–"
    ratio = math.log(large["cpu"]["run"] / small["cpu"]["run"]) / math.log(large["articles"] / small["articles"])
    return f"{ratio:.2f}"


def accuracy_rows(results: list[dict]) -> list[str]:
    """One row per size: precision and recall overall, then each rule's precision / recall."""
    rules = sorted({rule for result in results for rule in result["accuracy"]} - {"all"})
    header = "| articles | planted | findings | precision | recall | " + " | ".join(f"{r} P / R" for r in rules) + " |"
    rows = [header, "| ---: " * (5 + len(rules)) + "|"]
    for result in results:
        total = result["accuracy"]["all"]
        cells = [_pr(result["accuracy"].get(rule)) for rule in rules]
        rows.append(
            f"| {result['articles']:,} | {total['planted']} | {total['findings']} | {_ratio(total['true_findings'], total['findings'])} "
            f"| {_ratio(total['found'], total['planted'])} | " + " | ".join(cells) + " |"
        )
    return rows


def _pr(counts: dict | None) -> str:
    if counts is None:
        return "–"
    return f"{_ratio(counts['true_findings'], counts['findings'])} / {_ratio(counts['found'], counts['planted'])}"


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "–"


def write_section(name: str, machine: dict[str, str], args, lines: list[str], title: str | None = None) -> None:
    """Replace (or add) this benchmark's section of docs/benchmarks.md."""
    command = " ".join(["python -m bench.run", f"--scenario {args.scenario}", "--sizes", *map(str, args.sizes)]
                       + ([f"--jobs {args.jobs}"] if args.jobs else []))  # fmt: skip
    body = [
        f"### {title or _TITLES.get(name, name)}",
        "",
        f"`{command}` on {describe(machine)}.",
        "",
        *lines,
    ]
    replace_section(name, body)


def describe(machine: dict[str, str]) -> str:
    """One line naming the machine and the code measured."""
    return (f"{machine['cores']} cores ({machine['cpu']}), {machine['memory']}, Python {machine['python']}, "
            f"commit {machine['commit']}")  # fmt: skip


def replace_section(name: str, body: list[str]) -> None:
    """Put `body` between this section's markers, keeping everything else on the page."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = "\n".join([start, *body, end])
    text = DOC.read_text("utf-8") if DOC.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.parent.mkdir(parents=True, exist_ok=True)
    DOC.write_text(text, "utf-8")


_TITLES = {
    "run-archive-j1": "Archive: stories of ten sources, one core (`--jobs 1`)",
    "run-archive-j2": "Archive: stories of ten sources, two cores (`--jobs 2`)",
    "run-story-j1": "One big story, one core (`--jobs 1`)",
    "run-story-j2": "One big story, two cores (`--jobs 2`)",
}
