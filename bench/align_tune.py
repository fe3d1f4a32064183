"""Sweep alignment's weights against gold groupings and print the best settings.

    python bench/align_tune.py [--seeds seeds] [--gold tests/data/golden/facts_seeds.toml]

Extraction and normalisation run once; only alignment is re-run per setting. The
objective is recall at full precision (a false merge invents a contradiction, so
precision below 1 is ranked last), ties broken towards the middle of the grid.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck import align as align_package  # noqa: E402
from factcheck.align import clustering as cluster_module  # noqa: E402
from factcheck.align import frames as frames_module  # noqa: E402
from factcheck.config import load_rules  # noqa: E402
from factcheck.pipeline import analyse  # noqa: E402
from factcheck.sources import load  # noqa: E402
from tests.alignment_gold import score  # noqa: E402

GRID = {
    (cluster_module, "THRESHOLD"): [0.25, 0.3, 0.35],
    (cluster_module, "LINK"): [0.5, 0.6, 0.75],
    (cluster_module, "SUBJECT_PENALTY"): [0.15, 0.25, 0.4],
    (cluster_module, "UNSPECIFIED_PENALTY"): [0.35, 0.45, 0.6],
    (frames_module, "NOUN"): [1.5, 2.5],
    (frames_module, "TIME_FRAME"): [2.0],
    (frames_module, "MAGNITUDE"): [0.8],
    (frames_module, "NEAR_WORDS"): [3, 6],
    (frames_module, "CLOSE"): [1.0, 2.0],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    parser.add_argument("--gold", type=Path, default=Path("tests/data/golden/facts_seeds.toml"))
    args = parser.parse_args()
    rules = load_rules(Path("rules"))
    loaded = load([args.seeds]).stories[0]
    story, _, _ = analyse(loaded, rules)
    claims, entities = list(story.claims), list(story.entities)
    results = []
    for values in itertools.product(*GRID.values()):
        for (module, name), value in zip(GRID, values):
            setattr(module, name, value)
        facts = align_package.align(loaded.story, claims, entities, declared=loaded.declared)
        result = score(args.gold, claims, facts)
        results.append(((result.precision == 1.0, result.recall, result.precision), values, result))
    results.sort(key=lambda item: item[0], reverse=True)
    names = [name for _, name in GRID]
    for key, values, result in results[:15]:
        print(f"P={result.precision:.3f} R={result.recall:.3f} " + " ".join(f"{n}={v}" for n, v in zip(names, values)))
    best = results[0][2]
    print("missed:", best.missed_pairs)
    print("false:", best.false_pairs)


if __name__ == "__main__":
    main()
