"""Precision and recall of the tool's findings against a generated corpus's planted discrepancies.

    python -m bench.accuracy bench/out/archive-1000-s1            # score an existing corpus
    python -m bench.accuracy --articles 100 --scenario story      # generate one, then score it

A finding matches a gold item when its rule is the item's rule and one of the
claims it cites lies in the item's source and overlaps one of the item's spans
(the planted figure, its total or range, or the misspelt name). Precision is
over the error and warning findings of the discrepancy rules (information, and
`single_source` which is only ever information, is what an editor may fold away); a finding that matches only an item with
`recall: false` (a rule that may rightly fire on a plant too) is a true one.
Recall is over the planted items.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from bench.gold import Gold, GoldItem, load

IGNORED_RULES = frozenset({"single_source"})


@dataclass
class RuleScore:
    """Counts for one rule."""

    findings: int = 0
    true_findings: int = 0
    planted: int = 0
    found: int = 0

    @property
    def precision(self) -> float | None:
        """Share of the rule's findings that point at a plant (None without findings)."""
        return self.true_findings / self.findings if self.findings else None

    @property
    def recall(self) -> float | None:
        """Share of the rule's plants some finding points at (None without plants)."""
        return self.found / self.planted if self.planted else None


@dataclass
class Score:
    """Per-rule counts, the totals, and the findings and plants that did not match (for diagnosis)."""

    rules: dict[str, RuleScore] = field(default_factory=dict)
    false_findings: list[dict] = field(default_factory=list)
    missed: list[GoldItem] = field(default_factory=list)

    def total(self) -> RuleScore:
        """All rules together."""
        total = RuleScore()
        for rule in self.rules.values():
            total.findings += rule.findings
            total.true_findings += rule.true_findings
            total.planted += rule.planted
            total.found += rule.found
        return total


def score(findings: list[dict], gold: Gold) -> Score:
    """Match findings (as in the JSON report: `rule`, `claims[]` with `path`, `start`, `end`) against the gold."""
    result = Score()
    by_source: dict[str, list[GoldItem]] = {}
    for item in gold.items:
        by_source.setdefault(item.source, []).append(item)
    hit: set[str] = set()
    for finding in findings:
        if finding["rule"] in IGNORED_RULES or finding.get("severity") == "info":
            continue
        rule = result.rules.setdefault(finding["rule"], RuleScore())
        rule.findings += 1
        matched = _matches(finding, by_source)
        if matched:
            rule.true_findings += 1
            hit.update(item.id for item in matched)
        else:
            result.false_findings.append(finding)
    for item in gold.counted():
        rule = result.rules.setdefault(item.rule, RuleScore())
        rule.planted += 1
        if item.id in hit:
            rule.found += 1
        else:
            result.missed.append(item)
    return result


def _matches(finding: dict, by_source: dict[str, list[GoldItem]]) -> list[GoldItem]:
    matched = []
    for cited in finding["claims"]:
        for item in by_source.get(_corpus_path(cited["path"]), ()):
            if item.rule == finding["rule"] and any(cited["start"] < end and start < cited["end"] for start, end in item.spans):
                matched.append(item)
    return matched


def _corpus_path(path: str) -> str:
    """A cited path as the gold writes it: from the story folder on (`archive-100/story-0001/x.txt` -> `story-0001/x.txt`)."""
    parts = path.split("/")
    return "/".join(parts[-2:])


def table(result: Score) -> list[str]:
    """Markdown rows: rule, findings, true, precision, planted, found, recall."""
    rows = ["| rule | findings | true | precision | planted | found | recall |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, rule in [*sorted(result.rules.items()), ("all", result.total())]:
        rows.append(
            f"| {name} | {rule.findings} | {rule.true_findings} | {_ratio(rule.precision)} | {rule.planted} | "
            f"{rule.found} | {_ratio(rule.recall)} |"
        )
    return rows


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def evaluate(root: Path, rules_dir: Path | None = None) -> Score:
    """Run the tool on a generated corpus and score its findings."""
    from factcheck.config import load_rules
    from factcheck.pipeline import run

    report = run([root], load_rules(rules_dir))
    findings = [finding.model_dump(mode="json") for finding in report.findings]
    return score(findings, load(root))


def main(argv: list[str] | None = None) -> None:
    """Command line: score a corpus (generating it first if asked) and print the table and a sample of errors."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?")
    parser.add_argument("--scenario", default="archive")
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=5, help="How many false findings and misses to print.")
    args = parser.parse_args(argv)
    root = args.corpus
    if root is None:
        from bench.corpus import generate

        root = Path("bench/out") / f"{args.scenario}-{args.articles}-s{args.seed}"
        generate(root, args.scenario, args.articles, args.seed)
    result = evaluate(root)
    print("\n".join(table(result)))
    for finding in result.false_findings[: args.show]:
        print(f"false: [{finding['rule']}] {finding['message']}")
    for item in result.missed[: args.show]:
        print(f"missed: [{item.rule}] {item.source}: {item.surface!r} ({item.note})")
    (root.parent / f"{root.name}.accuracy.json").write_text(
        json.dumps({"false": result.false_findings, "missed": [item.__dict__ for item in result.missed]}, indent=1,
                   ensure_ascii=False, default=str), "utf-8")  # fmt: skip


if __name__ == "__main__":
    main()
