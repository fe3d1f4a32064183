"""The baseline: findings an editor has accepted, kept in a file next to the articles.

In the spirit of detect-secrets' baseline, a handful of small functions: create,
load, save, compare. The file is versioned JSON, sorted, with no timestamps,
offsets or line numbers, so it diffs cleanly in review and moving text never
reopens an accepted finding. Comparing is set arithmetic on fingerprints (new,
unchanged, fixed); a finding whose identity is accepted with other values is
"changed", and counts as new.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck.errors import BaselineError
from factcheck.files import write_atomic
from factcheck.models import BaselineEntry, BaselineState, Comparison, Finding, Judgement, Report, Severity

BASELINE_VERSION = 1
DEFAULT_BASELINE = Path("factcheck-baseline.json")


class Baseline(BaseModel):
    """The accepted findings, as stored in a baseline file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int = BASELINE_VERSION
    findings: tuple[BaselineEntry, ...] = ()


def create(findings: Iterable[Finding], previous: Baseline | None = None) -> Baseline:
    """A baseline accepting `findings`; justifications in `previous` carry over to the same fingerprints."""
    reasons = {entry.fingerprint: entry.justification for entry in previous.findings} if previous else {}
    entries = {finding.fingerprint: _entry(finding, reasons.get(finding.fingerprint)) for finding in findings}
    return Baseline(findings=tuple(sorted(entries.values(), key=_order)))


def dumps(baseline: Baseline) -> str:
    """The baseline as the text of its file: indented JSON, entries sorted, ending in a newline."""
    ordered = baseline.model_copy(update={"findings": tuple(sorted(baseline.findings, key=_order))})
    return json.dumps(ordered.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def load(path: Path) -> Baseline:
    """Read a baseline file; anything unreadable or of an unknown version is a BaselineError naming the file."""
    data = _read_json(path)
    if not isinstance(data, dict) or "findings" not in data:
        raise BaselineError("not a factcheck baseline (expected an object with 'version' and 'findings')", path=path)
    version = data.get("version")
    if type(version) is not int or version != BASELINE_VERSION:
        raise BaselineError(
            f"unknown baseline version {version!r}; this factcheck reads version {BASELINE_VERSION}",
            path=path,
        )
    try:
        return Baseline.model_validate(data)
    except ValidationError as error:
        raise BaselineError(f"invalid baseline: {_first_problem(error)}", path=path) from error


def save(baseline: Baseline, path: Path, *, overwrite: bool = False) -> None:
    """Write the baseline atomically; an existing file is replaced only when `overwrite` is set (`--update`)."""
    refuse_overwrite(path, overwrite)
    write_atomic(path, dumps(baseline))


def refuse_overwrite(path: Path, overwrite: bool) -> None:
    """Raise a BaselineError when `path` exists and the user did not ask to update it."""
    if path.exists() and not overwrite:
        raise BaselineError("baseline already exists; use --update to rewrite it", path=path)


def compare(baseline: Baseline, findings: Iterable[Finding], *, path: str, fail_on: Severity) -> Comparison:
    """Set a run's findings against the baseline: new, changed, unchanged, and the accepted entries now fixed."""
    accepted = {entry.fingerprint: entry for entry in baseline.findings}
    current = {finding.fingerprint: finding for finding in findings}
    spare: dict[str, list[BaselineEntry]] = {}
    for fingerprint, entry in accepted.items():
        if fingerprint not in current:
            spare.setdefault(entry.identity, []).append(entry)
    judgements = [_judge(finding, accepted, spare, fail_on) for finding in current.values()]
    fixed = sorted((entry for entries in spare.values() for entry in entries), key=_order)
    return Comparison(baseline=path, fail_on=fail_on, findings=tuple(judgements), fixed=tuple(fixed))


def judge(report: Report, baseline: Baseline, *, path: str, fail_on: Severity) -> Report:
    """The report with its findings compared to the baseline (`Report.baseline`), for the renderers."""
    return report.model_copy(update={"baseline": compare(baseline, report.findings, path=path, fail_on=fail_on)})


def failed(report: Report) -> bool:
    """True when a judged report has a new or changed finding at or above its threshold."""
    return report.baseline is not None and any(judgement.fails for judgement in report.baseline.findings)


def _judge(
    finding: Finding, accepted: dict[str, BaselineEntry], spare: dict[str, list[BaselineEntry]], fail_on: Severity
) -> Judgement:
    # A finding pairs with an accepted entry of its own fingerprint, else with an unmatched entry of its
    # identity (same rule, fact and sources, other values): that is a change, not a new finding.
    known = accepted.get(finding.fingerprint)
    if known is not None:
        return Judgement(fingerprint=finding.fingerprint, state=BaselineState.UNCHANGED, accepted=known)
    previous = spare[finding.identity].pop(0) if spare.get(finding.identity) else None
    state = BaselineState.CHANGED if previous else BaselineState.NEW
    fails = finding.severity.rank >= fail_on.rank
    return Judgement(fingerprint=finding.fingerprint, state=state, accepted=previous, fails=fails)


def _entry(finding: Finding, justification: str | None) -> BaselineEntry:
    return BaselineEntry(
        fingerprint=finding.fingerprint,
        identity=finding.identity,
        rule=finding.rule,
        severity=finding.severity,
        message=finding.message,
        justification=justification,
    )


def _order(entry: BaselineEntry) -> tuple[str, str, str]:
    # Grouped by rule and readable message, so a reviewer sees related entries side by side.
    return (entry.rule, entry.message, entry.fingerprint)


def _read_json(path: Path) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise BaselineError("no such baseline; create one with `factcheck baseline -o FILE`", path=path) from error
    except UnicodeDecodeError as error:
        raise BaselineError("baseline is not UTF-8 text", path=path) from error
    except OSError as error:
        raise BaselineError(f"cannot read baseline ({error.strerror})", path=path) from error
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise BaselineError(f"invalid JSON: {error.msg} (column {error.colno})", path=path, line=error.lineno) from error


def _first_problem(error: ValidationError) -> str:
    problem = error.errors()[0]
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in problem["loc"]).lstrip(".")
    return f"{where}: {problem['msg']}"
