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
import re
import reprlib
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from factcheck import schema_id
from factcheck.errors import BaselineError
from factcheck.files import write_atomic
from factcheck.models import BaselineEntry, BaselineState, Comparison, Finding, Judgement, Report, Severity
from factcheck.tomlfile import read_regular

BASELINE_VERSION = 1
DEFAULT_BASELINE = Path("factcheck-baseline.json")
MAX_BASELINE_BYTES = 50_000_000  # about 100,000 accepted findings
MAX_NUMBER_DIGITS = 20  # the version is the only number in a baseline


class Baseline(BaseModel):
    """The accepted findings, as stored in a baseline file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int = BASELINE_VERSION
    findings: tuple[BaselineEntry, ...] = ()


def schema() -> str:
    """The JSON Schema of a baseline file, as printed by `factcheck schema --baseline`."""
    document = Baseline.model_json_schema(mode="serialization")
    document["properties"]["version"]["const"] = BASELINE_VERSION  # another version is refused, not read
    document["required"] = ["version", "findings"]  # a file without either is no baseline (`_from_text`)
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["$id"] = schema_id("baseline.schema.json")  # committed as docs/schemas/baseline.schema.json
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


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
    """Read a baseline file; anything unreadable, of an unknown version, or accepting a finding twice is a
    BaselineError naming the file."""
    return _from_text(_read_text(path), path)


def save(baseline: Baseline, path: Path, *, overwrite: bool = False) -> None:
    """Write the baseline atomically; an existing file is replaced only when `overwrite` is set (`--update`).

    An update rereads the file just before replacing it and keeps the justifications it holds then, so
    one an editor saved while the run went on is not lost (see `with_latest_justifications`).
    """
    refuse_overwrite(path, overwrite)
    if overwrite and path.exists():
        baseline = with_latest_justifications(baseline, path)
    write_atomic(path, dumps(baseline))


def with_latest_justifications(baseline: Baseline, path: Path) -> Baseline:
    """`baseline` with each entry's justification as the file at `path` has it now, where it has the entry.

    The file is newer than the copy `baseline` was made from, so its justifications win, a cleared one
    too. A baseline that no longer reads (caught half-saved, or a merge conflict) stops the update with
    nothing written; a file that is no baseline at all (no JSON object) is replaced, as asked.
    """
    text = None
    try:
        text = _read_text(path)
        latest = _from_text(text, path)
    except BaselineError as error:
        if text is not None and text.strip() and not text.lstrip().startswith("{"):
            return baseline
        raise BaselineError(
            f"changed while it was being updated and no longer reads ({error.message}); nothing was written",
            path=path, line=error.line,
        ) from error
    reasons = {entry.fingerprint: entry.justification for entry in latest.findings}
    entries = (
        entry.model_copy(update={"justification": reasons.get(entry.fingerprint, entry.justification)})
        for entry in baseline.findings
    )
    return baseline.model_copy(update={"findings": tuple(entries)})


def refuse_overwrite(path: Path, overwrite: bool) -> None:
    """Raise a BaselineError when `path` exists and the user did not ask to update it."""
    if path.exists() and not overwrite:
        raise BaselineError("baseline already exists; use --update to rewrite it", path=path)


def compare(
    baseline: Baseline, findings: Iterable[Finding], *, path: str, fail_on: Severity, in_source: Iterable[str] = ()
) -> Comparison:
    """Set a run's findings against the baseline: new, changed, unchanged, and the accepted entries now fixed.

    A finding whose fingerprint is in `in_source` (accepted by a comment in a source, factcheck.accept) counts
    as accepted: unchanged, with the baseline's entry when the file has one too, else none.
    """
    accepted = {entry.fingerprint: entry for entry in baseline.findings}
    current = {finding.fingerprint: finding for finding in findings}
    spare: dict[str, list[BaselineEntry]] = {}
    for fingerprint, entry in accepted.items():
        if fingerprint not in current:
            spare.setdefault(entry.identity, []).append(entry)
    commented = set(in_source)
    judgements = [
        Judgement(fingerprint=finding.fingerprint, state=BaselineState.UNCHANGED, accepted=accepted.get(finding.fingerprint))
        if finding.fingerprint in commented else _judge(finding, accepted, spare, fail_on)
        for finding in current.values()
    ]
    fixed = sorted((entry for entries in spare.values() for entry in entries), key=_order)
    return Comparison(baseline=path, fail_on=fail_on, findings=tuple(judgements), fixed=tuple(fixed))


def judge(report: Report, baseline: Baseline, *, path: str, fail_on: Severity) -> Report:
    """The report with its findings compared to the baseline (`Report.baseline`) and to the accept comments of
    its sources (`Report.accepted`), for the renderers."""
    in_source = [acceptance.fingerprint for acceptance in report.accepted]
    comparison = compare(baseline, report.findings, path=path, fail_on=fail_on, in_source=in_source)
    return report.model_copy(update={"baseline": comparison})


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


def _from_text(text: str, path: Path) -> Baseline:
    data = _parse_json(text, path)
    if not isinstance(data, dict) or "findings" not in data:
        raise BaselineError("not a factcheck baseline (expected an object with 'version' and 'findings')", path=path)
    version = data.get("version")
    if type(version) is not int or version != BASELINE_VERSION:
        raise BaselineError(
            f"unknown baseline version {reprlib.repr(version)}; this factcheck reads version {BASELINE_VERSION}",
            path=path,
        )
    try:
        baseline = Baseline.model_validate(data)
    except ValidationError as error:
        raise BaselineError(f"invalid baseline: {_first_problem(error)}", path=path) from error
    _refuse_duplicates(baseline, text, path)
    return baseline


def _read_text(path: Path) -> str:
    # Only a regular file of a bounded size is opened: a FIFO would wait for ever, a device never end.
    try:
        data = read_regular(path, MAX_BASELINE_BYTES, BaselineError)
    except FileNotFoundError as error:
        raise BaselineError("no such baseline; create one with `factcheck baseline -o FILE`", path=path) from error
    except OSError as error:
        raise BaselineError(f"cannot read baseline ({error.strerror})", path=path) from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BaselineError("baseline is not UTF-8 text", path=path) from error


class _LongNumber(ValueError):
    """A JSON integer longer than MAX_NUMBER_DIGITS (Python refuses 4,300 digits with a ValueError of its own)."""


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _LongNumber(len(digits.lstrip("-")))
    return int(digits)


def _parse_json(text: str, path: Path) -> object:
    try:
        return json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as error:
        raise BaselineError(f"invalid JSON: {error.msg} (column {error.colno})", path=path, line=error.lineno) from error
    except _LongNumber as error:
        raise BaselineError(f"invalid baseline: a number of {error.args[0]:,} digits", path=path) from None
    except RecursionError:
        raise BaselineError("invalid JSON: arrays or objects nested too deeply", path=path) from None


def _refuse_duplicates(baseline: Baseline, text: str, path: Path) -> None:
    """Two entries of one fingerprint (a merge that kept both sides) are an error: which justification stands
    is the editor's call, not the last one's."""
    first_of: dict[str, int] = {}
    for index, entry in enumerate(baseline.findings):
        first = first_of.setdefault(entry.fingerprint, index)
        if first == index:
            continue
        lines = _fingerprint_lines(text, entry.fingerprint)  # the k-th entry of it is its k-th occurrence
        if len(lines) == 2:
            where, line = f"findings[{first}] (line {lines[0]}) and findings[{index}] (line {lines[1]})", lines[1]
        else:
            where, line = f"findings[{first}] and findings[{index}]", None
        raise BaselineError(
            f"fingerprint {entry.fingerprint} is accepted twice, in {where}; keep one entry", path=path, line=line
        )


def _fingerprint_lines(text: str, fingerprint: str) -> list[int]:
    pattern = re.compile(r'"fingerprint"\s*:\s*"' + re.escape(fingerprint) + '"')
    starts = [found.start() for found, _ in zip(pattern.finditer(text), range(2))]
    return [text.count("\n", 0, start) + 1 for start in starts]


def _first_problem(error: ValidationError) -> str:
    problem = error.errors()[0]
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in problem["loc"]).lstrip(".")
    return f"{where}: {problem['msg']}"
