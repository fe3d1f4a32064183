"""Score the tool's findings against the real-coverage corpus (tests/data/real/<event>/gold.toml).

    python -m bench.real                                   # details, then the summary table
    python -m bench.real --quiet --event india-election-2024
    python -m bench.real --tuned                           # while changing the tool: never the held-out events
    python -m bench.real --json reports/real.json          # every number, match and miss

Each event folder is run through the pipeline on its own, with the defaults of
`factcheck report <folder>`. Alarms are findings of severity error or warning.
An alarm matches a `[[must]]` row when one of the claims it cites is from a
source in the row's `items` and its span [start, end) overlaps an occurrence of
the row's `figure` in that source's original text; a `[[trap]]` row is matched
the same way with each of its `figures`. Precision is the share of alarms that
match some must; recall the share of musts some alarm matches. Info findings
that match a must are counted apart ("info+": what promoting them would gain),
never scored. Events with `held_out = true` are totalled separately.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.config import Rules, load_rules
from factcheck.errors import FactcheckError
from factcheck.models import Finding, Severity
from factcheck.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "tests" / "data" / "real"
RULES = ROOT / "factcheck" / "rules"
GOLD_NAME = "gold.toml"

Kind = Literal[
    "agreement", "conversion", "spelling", "timeline", "arithmetic", "developing", "date", "office", "characterisation"
]
KINDS: tuple[str, ...] = Kind.__args__
NUMERIC_KINDS = frozenset({"agreement", "conversion", "arithmetic", "developing", "date", "timeline"})
ALARM_SEVERITIES = frozenset({Severity.ERROR, Severity.WARNING})


class GoldError(Exception):
    """A gold.toml that cannot be read or does not have the expected shape; the message names the file."""


class Must(BaseModel):
    """Something a careful editor must report: the wrong figure or name, where it is written."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    kind: Kind
    items: tuple[str, ...]
    against: tuple[str, ...] = ()
    figure: str
    why: str


class Trap(BaseModel):
    """Figures that look contradictory but are consistent: an alarm on them is a false one."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    items: tuple[str, ...]
    figures: tuple[str, ...]
    why: str


class Gold(BaseModel):
    """One event's gold.toml."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    held_out: bool = False
    must: tuple[Must, ...] = ()
    trap: tuple[Trap, ...] = ()


def load_gold(path: Path) -> Gold:
    """Read and validate a gold.toml; any problem is a GoldError naming the file."""
    try:
        return Gold.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise GoldError(f"{path}: {error}") from error
    except ValidationError as error:
        raise GoldError(f"{path}: {_problems(error)}") from error


def _problems(error: ValidationError) -> str:
    """`must.3.figre: Extra inputs are not permitted; ...` for every problem pydantic found."""
    return "; ".join(_problem(problem) for problem in error.errors())


def _problem(problem: dict) -> str:
    place = ".".join(str(part) for part in problem["loc"])
    return f"{place}: {problem['msg']}"


# --- matching ------------------------------------------------------------------------------------------------


def occurrences(text: str, figure: str) -> list[tuple[int, int]]:
    """Every [start, end) where `figure` occurs in `text` (overlapping occurrences included)."""
    spans: list[tuple[int, int]] = []
    start = text.find(figure) if figure else -1
    while start != -1:
        spans.append((start, start + len(figure)))
        start = text.find(figure, start + 1)
    return spans


def overlaps(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """True when two half-open character ranges share at least one character."""
    return first[0] < second[1] and second[0] < first[1]


def source_stem(source_id: str) -> str:
    """The file stem of a source id: `turkey-syria-earthquake-2023/TS-01` -> `TS-01`."""
    return source_id.rsplit("/", 1)[-1]


def cites(finding: Finding, items: tuple[str, ...], figures: tuple[str, ...], texts: dict[str, str]) -> bool:
    """True when a claim the finding cites is from one of `items` and overlaps an occurrence of a figure there."""
    for claim in finding.claims:
        stem = source_stem(claim.source)
        if stem not in items:
            continue
        spans = (span for figure in figures for span in occurrences(texts.get(stem, ""), figure))
        if any(overlaps((claim.start, claim.end), span) for span in spans):
            return True
    return False


@dataclass(frozen=True)
class Judged:
    """A finding with the must and trap rows it matches."""

    finding: Finding
    musts: tuple[str, ...]
    traps: tuple[str, ...]

    @property
    def alarm(self) -> bool:
        """True for an error or a warning: what the editor is told to act on."""
        return self.finding.severity in ALARM_SEVERITIES


def judge(finding: Finding, gold: Gold, texts: dict[str, str]) -> Judged:
    """Match one finding against every must and trap row of its event; `texts` maps file stems to original text."""
    musts = tuple(must.id for must in gold.must if cites(finding, must.items, (must.figure,), texts))
    traps = tuple(trap.id for trap in gold.trap if cites(finding, trap.items, trap.figures, texts))
    return Judged(finding, musts, traps)


# --- scoring -------------------------------------------------------------------------------------------------


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass
class Counts:
    """The counts every figure is computed from; totals add counts, never average ratios."""

    events: int = 0
    alarms: int = 0
    false: int = 0
    musts: int = 0
    found: int = 0
    numeric: int = 0
    numeric_found: int = 0
    info_only: int = 0
    kind_musts: Counter = field(default_factory=Counter)
    kind_found: Counter = field(default_factory=Counter)

    @property
    def precision(self) -> float | None:
        """True alarms over all alarms (None without alarms)."""
        return _ratio(self.alarms - self.false, self.alarms)

    @property
    def recall(self) -> float | None:
        """Musts found by an alarm over all musts (None without musts)."""
        return _ratio(self.found, self.musts)

    @property
    def numeric_recall(self) -> float | None:
        """Recall over the must rows of numeric kinds."""
        return _ratio(self.numeric_found, self.numeric)

    def add(self, other: Counts) -> None:
        """Add another event's (or total's) counts to these."""
        for name in ("events", "alarms", "false", "musts", "found", "numeric", "numeric_found", "info_only"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.kind_musts.update(other.kind_musts)
        self.kind_found.update(other.kind_found)

    def as_json(self) -> dict:
        """Every count and ratio, ratios null when undefined."""
        kinds = {kind: {"musts": self.kind_musts[kind], "found": self.kind_found[kind],
                        "recall": _ratio(self.kind_found[kind], self.kind_musts[kind])}
                 for kind in KINDS if self.kind_musts[kind]}
        counts = {name: getattr(self, name) for name in
                  ("events", "alarms", "false", "musts", "found", "numeric", "numeric_found", "info_only")}
        ratios = {"precision": self.precision, "recall": self.recall, "numeric_recall": self.numeric_recall}
        return counts | ratios | {"by_kind": kinds}


@dataclass(frozen=True)
class EventScore:
    """One event: its gold and every finding of its run, judged."""

    name: str
    gold: Gold
    judged: tuple[Judged, ...]

    @property
    def alarms(self) -> list[Judged]:
        """The judged errors and warnings."""
        return [judged for judged in self.judged if judged.alarm]

    @property
    def false_alarms(self) -> list[Judged]:
        """Alarms that match no must row."""
        return [judged for judged in self.alarms if not judged.musts]

    def matching(self, must: Must, alarm: bool) -> list[Judged]:
        """The alarms (or, with alarm=False, the info findings) that match a must row."""
        return [judged for judged in self.judged if judged.alarm == alarm and must.id in judged.musts]

    def missed(self) -> list[Must]:
        """Must rows no alarm matches."""
        return [must for must in self.gold.must if not self.matching(must, alarm=True)]


def counts(event: EventScore) -> Counts:
    """The counts of one event."""
    missed = {must.id for must in event.missed()}
    found = [must for must in event.gold.must if must.id not in missed]
    return Counts(
        events=1,
        alarms=len(event.alarms),
        false=len(event.false_alarms),
        musts=len(event.gold.must),
        found=len(found),
        numeric=sum(1 for must in event.gold.must if must.kind in NUMERIC_KINDS),
        numeric_found=sum(1 for must in found if must.kind in NUMERIC_KINDS),
        info_only=sum(1 for must in event.missed() if event.matching(must, alarm=False)),
        kind_musts=Counter(must.kind for must in event.gold.must),
        kind_found=Counter(must.kind for must in found),
    )


def total(events: list[EventScore], held_out: bool) -> Counts:
    """The counts of the tuned (or the held-out) events together."""
    summed = Counts()
    for event in events:
        if event.gold.held_out == held_out:
            summed.add(counts(event))
    return summed


# --- running -------------------------------------------------------------------------------------------------


def event_folders(corpus: Path, names: list[str]) -> list[Path]:
    """The event folders to score, in name order: those named, else every folder holding a gold.toml."""
    if not names:
        return sorted(folder for folder in corpus.iterdir() if (folder / GOLD_NAME).is_file())
    missing = [name for name in names if not (corpus / name / GOLD_NAME).is_file()]
    if missing:
        raise GoldError(f"{corpus}: no event {', '.join(missing)} (a folder holding {GOLD_NAME})")
    return [corpus / name for name in sorted(set(names))]


def score_event(folder: Path, rules: Rules) -> EventScore:
    """Run the pipeline on one event folder as `factcheck report <folder>` would, and judge every finding."""
    gold = load_gold(folder / GOLD_NAME)
    report = run([folder], rules)
    texts = {source_stem(source.id): source.text for source in report.sources}
    return EventScore(folder.name, gold, tuple(judge(finding, gold, texts) for finding in report.findings))


def score_events(folders: list[Path], rules: Rules) -> list[EventScore]:
    """Score every event folder in one process; tuned events first, then held-out ones, each by name."""
    events = [score_event(folder, rules) for folder in folders]
    return sorted(events, key=lambda event: (event.gold.held_out, event.name))


# --- output --------------------------------------------------------------------------------------------------


def _cut(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _cited(finding: Finding) -> str:
    return ", ".join(f"{source_stem(claim.source)}:{_cut(claim.surface, 40)!r}" for claim in finding.claims)


def false_alarm_line(event: str, judged: Judged) -> str:
    """One false alarm: event, rule, severity, message, cited claims and the trap it fell into."""
    finding = judged.finding
    trap = f"  trap {', '.join(judged.traps)}" if judged.traps else ""
    rule = f"{finding.rule}/{finding.severity.value}"
    return f"  {event}  {rule}  {_cut(finding.message, 160)}  [{_cited(finding)}]{trap}"


def missed_line(event: EventScore, must: Must) -> str:
    """One missed must row, with the info findings that would have found it."""
    info = sorted({judged.finding.rule for judged in event.matching(must, alarm=False)})
    shown = f"  (info: {', '.join(info)})" if info else ""
    return f"  {must.id}  {must.kind}  {must.figure!r}  {_cut(must.why, 100)}{shown}"


def detail_lines(events: list[EventScore]) -> list[str]:
    """Every false alarm, then every missed must, each under its event."""
    lines = ["false alarms:"]
    for event in events:
        lines += [false_alarm_line(event.name, judged) for judged in event.false_alarms]
    lines.append("missed musts:")
    for event in events:
        lines += [missed_line(event, must) for must in event.missed()]
    return lines


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _row(label: str, width: int, tally: Counts) -> str:
    numbers = (
        f"{tally.alarms:>6} {tally.false:>5} {_figure(tally.precision):>5} {tally.musts:>5} {tally.found:>5} "
        f"{_figure(tally.recall):>6} {_figure(tally.numeric_recall):>6} {tally.info_only:>5}"
    )
    return f"{label:<{width}} {numbers}"


def kind_line(label: str, tally: Counts) -> str:
    """Recall per kind: `recall by kind, tuned: agreement 3/10, ...`."""
    parts = [f"{kind} {tally.kind_found[kind]}/{tally.kind_musts[kind]}" for kind in KINDS if tally.kind_musts[kind]]
    return f"recall by kind, {label}: {', '.join(parts) or 'no musts'}"


def summary_lines(events: list[EventScore]) -> list[str]:
    """Recall per kind, then the table: one row per event (held-out marked *), the tuned and held-out totals."""
    tuned, held = total(events, held_out=False), total(events, held_out=True)
    labels = [("* " if event.gold.held_out else "  ") + event.name for event in events]
    width = max([len(label) for label in labels] + [24])
    lines = [kind_line("tuned", tuned)] + ([kind_line("held-out", held)] if held.events else [])
    header = f"{'event (* held-out)':<{width}} alarms false  prec musts found recall num.r. info+"
    lines.append(header)
    lines += [_row(label, width, counts(event)) for label, event in zip(labels, events)]
    lines.append(_row(f"tuned ({tuned.events} events)", width, tuned))
    lines.append(_row(f"held-out ({held.events} events)", width, held))
    return lines


def _judged_json(judged: Judged) -> dict:
    finding = judged.finding
    cited = [{"source": source_stem(claim.source), "surface": claim.surface, "start": claim.start, "end": claim.end}
             for claim in finding.claims]
    return {"rule": finding.rule, "severity": finding.severity.value, "message": finding.message,
            "claims": cited, "musts": list(judged.musts), "traps": list(judged.traps)}


def _must_json(event: EventScore, must: Must) -> dict:
    found = [event.judged.index(judged) for judged in event.matching(must, alarm=True)]
    info = [event.judged.index(judged) for judged in event.matching(must, alarm=False)]
    return must.model_dump(mode="json") | {"found": bool(found), "alarms": found, "info": info}


def event_json(event: EventScore) -> dict:
    """An event's counts, every finding judged (alarms and info) and every must with what found it."""
    return {
        "name": event.name,
        "held_out": event.gold.held_out,
        "score": counts(event).as_json(),
        "findings": [_judged_json(judged) for judged in event.judged],
        "musts": [_must_json(event, must) for must in event.gold.must],
    }


def report_json(events: list[EventScore]) -> dict:
    """The whole score: totals (tuned and held-out apart) and every event; `alarms`/`info` index `findings`."""
    totals = {"tuned": total(events, held_out=False).as_json(), "held_out": total(events, held_out=True).as_json()}
    return {"totals": totals, "events": [event_json(event) for event in events]}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench.real", description=__doc__.split("\n\n")[0])
    parser.add_argument("--event", action="append", default=[], help="score only this event folder (repeatable)")
    parser.add_argument("--quiet", action="store_true", help="print the summary only")
    parser.add_argument(
        "--tuned", action="store_true", help="skip the held-out events: what to run while changing the tool"
    )
    parser.add_argument("--json", type=Path, help="also write every number and every match and miss here")
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of event folders (default tests/data/real)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Score the events, print details then the summary; exit 2 on a bad gold file or input."""
    options = _parser().parse_args(argv)
    try:
        rules = load_rules(RULES)
        folders = event_folders(options.corpus, options.event)
        if options.tuned:
            folders = [folder for folder in folders if not load_gold(folder / GOLD_NAME).held_out]
        events = score_events(folders, rules)
    except (GoldError, FactcheckError, OSError) as error:
        print(f"bench.real: {error.format() if isinstance(error, FactcheckError) else error}", file=sys.stderr)
        return 2
    if options.json is not None:
        text = json.dumps(report_json(events), indent=2, ensure_ascii=False)
        options.json.write_text(text + "\n", encoding="utf-8")
    print("\n".join(([] if options.quiet else detail_lines(events)) + summary_lines(events)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
