"""Sweep alignment's weights against two golds and print the best settings.

    python bench/align_tune.py [--seeds seeds] [--gold tests/data/golden/facts_seeds.toml] [--corpus DIR]

The sample corpus is scored pairwise against a hand-made grouping of its claims
(`--gold`); a generated corpus (`python -m bench.corpus …`, `--corpus`) by the
precision and recall of the findings against its planted discrepancies, so the
weights are not fitted to five articles alone. Extraction and normalisation run
once; only alignment and the checks are re-run per setting. Settings that merge
two facts of the sample corpus are ranked last (a false merge invents a
contradiction); the rest by the sum of sample recall, generated precision and
generated recall.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck import align as align_package  # noqa: E402
from factcheck.align import clustering as cluster_module  # noqa: E402
from factcheck.align import frames as frames_module  # noqa: E402
from bench.accuracy import score as accuracy  # noqa: E402
from bench.gold import load as load_gold  # noqa: E402
from factcheck.checks import REGISTRY, run_checks  # noqa: E402
from factcheck.checks.base import StoryFacts  # noqa: E402
from factcheck.config import load_rules  # noqa: E402
from factcheck.pipeline import analyse  # noqa: E402
from factcheck.sources import load  # noqa: E402
from tests.alignment_gold import score  # noqa: E402

GRID = {
    (cluster_module, "THRESHOLD"): [0.25, 0.3, 0.35],
    (cluster_module, "LINK"): [0.5, 0.6, 0.75],
    (cluster_module, "UNSPECIFIED_PENALTY"): [0.35, 0.5],
    (frames_module, "SENTENCE_ENTITY"): [0.75, 1.5],
    (frames_module, "NEAR_WORDS"): [3, 6],
    (frames_module, "CLOSE"): [1.0, 2.0],
}


@dataclass
class Prepared:
    """A story read up to alignment: what every setting starts from."""

    loaded: object
    claims: list
    entities: list


def prepare(paths: list[Path], rules) -> list[Prepared]:
    """Every story of `paths` through extraction and normalisation, once."""
    prepared = []
    for loaded in load(paths).stories:
        story, _, _ = analyse(loaded, rules)
        prepared.append(Prepared(loaded, list(story.claims), list(story.entities)))
    return prepared


def findings_of(stories: list[Prepared], rules) -> list[dict]:
    """Align and check prepared stories with the current weights; findings as in the JSON report."""
    configs = {check_id: rules.check_config(check_id) for check_id in REGISTRY}
    found = []
    for item in stories:
        facts = align_package.align(item.loaded.story, item.claims, item.entities, declared=item.loaded.declared)
        story = StoryFacts(
            story=item.loaded.story,
            sources=tuple(document.source for document in item.loaded.documents),
            claims=tuple(item.claims),
            facts=tuple(facts),
            entities=tuple(item.entities),
        )
        found += [finding.model_dump(mode="json") for finding in run_checks(story, configs)]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    parser.add_argument("--gold", type=Path, default=Path("tests/data/golden/facts_seeds.toml"))
    parser.add_argument("--corpus", type=Path, help="a generated corpus with its gold.json")
    args = parser.parse_args()
    rules = load_rules()
    (seeds,) = prepare([args.seeds], rules)
    generated = prepare([args.corpus], rules) if args.corpus else []
    planted = load_gold(args.corpus) if args.corpus else None
    results = []
    for values in itertools.product(*GRID.values()):
        for (module, name), value in zip(GRID, values):
            setattr(module, name, value)
        facts = align_package.align(seeds.loaded.story, seeds.claims, seeds.entities, declared=seeds.loaded.declared)
        sample = score(args.gold, seeds.claims, facts)
        total = accuracy(findings_of(generated, rules), planted).total() if generated else None
        precision = (total.precision or 0.0) if total else 0.0
        recall = (total.recall or 0.0) if total else 0.0
        objective = sample.recall + precision + recall
        results.append(((sample.precision == 1.0, objective), values, sample, precision, recall))
    results.sort(key=lambda item: item[0], reverse=True)
    names = [name for _, name in GRID]
    for _, values, sample, precision, recall in results[:15]:
        print(
            f"sample P={sample.precision:.3f} R={sample.recall:.3f}  generated P={precision:.3f} R={recall:.3f}  "
            + " ".join(f"{n}={v}" for n, v in zip(names, values))
        )
    best = results[0][2]
    print("missed:", best.missed_pairs)
    print("false:", best.false_pairs)


if __name__ == "__main__":
    main()
