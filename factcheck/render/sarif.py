"""SARIF 2.1.0, so code-review tools (GitHub code scanning and others) show findings on the lines.

One run; the driver's rules come from the check registry. Each finding is a
result located at the spans it cites in its first source, with the other
sources' spans as related locations. When the report was judged against a
baseline (`factcheck check`), results carry `baselineState`, accepted ones a
`suppressions` entry with the editor's justification, and accepted entries no
longer found are `absent` results located at the baseline file. A finding an accept
comment in a source accepts (factcheck.accept) has a suppression of kind `inSource`,
located at the comment, with its reason as the justification (in `report`'s log too). The report's warnings
(a file skipped or partly read) are the invocation's `toolExecutionNotifications`, each
located at the file it names.

Paths are relative to the repository's root, named `%SRCROOT%` in `originalUriBaseIds` and as every relative
location's `uriBaseId`: a report's paths (relative to the project's root, the folder of its factcheck.toml)
get the project's folder in the repository put before them (`prefix`, empty when the config sits at the
repository's root), so code scanning finds the files; the log holds no absolute path of the machine it was
made on. The invocation gives the exit code the command ends with.
"""

from __future__ import annotations

import json
import sys
from pathlib import PurePosixPath
from urllib.parse import quote

from factcheck import homepage
from factcheck.checks import REGISTRY, Check
from factcheck.errors import EXIT_FINDINGS, EXIT_OK
from factcheck.models import (
    BaselineEntry, BaselineState, CitedClaim, Comparison, Finding, InSourceAcceptance, Judgement, Report, Severity,
)
from factcheck.render import register
from factcheck.render.github import repository_path

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
STATES = {
    BaselineState.NEW: "new",
    BaselineState.CHANGED: "updated",
    BaselineState.UNCHANGED: "unchanged",
    BaselineState.FIXED: "absent",
}
SRCROOT = "%SRCROOT%"
SRCROOT_MEANING = (
    "The root of the git repository holding the project, else the project's root: the folder of its "
    "factcheck.toml (or of the pyproject.toml holding [tool.factcheck]), else the folder factcheck ran in."
)


@register("sarif")
def render(report: Report, exit_code: int | None = None, prefix: str = "") -> str:
    """The report as a SARIF 2.1.0 log with one run; `exit_code` is the command's (default: that of `check` for
    a judged report, else 0); `prefix` is the project's root as a folder of its repository (`newsroom/`)."""
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [_run(_from_repository(report, prefix), exit_code)]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _from_repository(report: Report, prefix: str) -> Report:
    """The report with every path it names (sources, cited claims, the baseline, the heads of warnings) as the
    repository's root names it; fingerprints are left as they are."""
    if not prefix:
        return report

    def moved(cited: CitedClaim) -> CitedClaim:
        return cited.model_copy(update={"path": repository_path(cited.path, prefix)})

    def warned(warning: str) -> str:
        path, separator, rest = warning.partition(": ")
        return repository_path(path, prefix) + separator + rest if separator else warning

    update: dict = {
        "sources": tuple(source.model_copy(update={"path": repository_path(source.path, prefix)}) for source in report.sources),
        "findings": tuple(f.model_copy(update={"claims": tuple(map(moved, f.claims))}) for f in report.findings),
        "warnings": tuple(map(warned, report.warnings)),
    }
    update["accepted"] = tuple(
        acceptance.model_copy(update={"path": repository_path(acceptance.path, prefix)}) for acceptance in report.accepted
    )
    if report.baseline is not None:
        update["baseline"] = report.baseline.model_copy(update={"baseline": repository_path(report.baseline.baseline, prefix)})
    return report.model_copy(update=update)


def exit_code_of(report: Report) -> int:
    """The exit code of the command that made `report`: 1 when a judged finding fails the check, else 0."""
    failing = report.baseline is not None and any(judgement.fails for judgement in report.baseline.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def _run(report: Report, exit_code: int | None) -> dict:
    rules = sorted(REGISTRY.values(), key=lambda check: check.id)
    index = {check.id: position for position, check in enumerate(rules)}
    judgements = report.baseline.by_fingerprint() if report.baseline else {}
    in_source = {acceptance.fingerprint: acceptance for acceptance in report.accepted}
    results = [
        _result(finding, report, index, judgements.get(finding.fingerprint), in_source.get(finding.fingerprint))
        for finding in report.findings
    ]
    if report.baseline:
        results.extend(_absent(entry, report.baseline, index) for entry in report.baseline.fixed)
    # Both links are optional in SARIF: without a declared homepage they are left out, never made up.
    home = homepage()
    driver = {"name": "factcheck", "version": report.tool_version, "semanticVersion": report.tool_version}
    driver |= {"informationUri": home} if home else {}
    driver["rules"] = [_rule(check, home) for check in rules]
    invocation: dict = {"executionSuccessful": True, "exitCode": exit_code_of(report) if exit_code is None else exit_code}
    if report.warnings:
        invocation["toolExecutionNotifications"] = _notifications(report)
    return {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "originalUriBaseIds": {SRCROOT: {"description": {"text": SRCROOT_MEANING}}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }


def _notifications(report: Report) -> list[dict]:
    # A warning starts with the file (or story folder) it is about: `path: skipped: …`; the text keeps the whole
    # warning, so a path that holds ": " itself loses nothing but the notification's location.
    notifications = []
    for warning in report.warnings:
        path, separator, _ = warning.partition(": ")
        notification: dict = {"level": "warning", "message": {"text": warning}}
        if separator:
            notification["locations"] = [{"physicalLocation": {"artifactLocation": _artifact(path)}}]
        notifications.append(notification)
    return notifications


def _rule(check: Check, home: str | None) -> dict:
    rule = {
        "id": check.id,
        "shortDescription": {"text": check.summary},
        "fullDescription": {"text": full_description(check)},
        "helpUri": f"{home}#check-{check.id}" if home else None,
        "defaultConfiguration": {"level": LEVELS[check.severity]},
    }
    return {key: value for key, value in rule.items() if value is not None}


def full_description(check: Check) -> str:
    """What a check finds and how, in plain text: its module's docstring (a check is one module, whose docstring
    opens `id: what it finds.`), paragraphs kept, lines within them joined."""
    doc = sys.modules[check.run.__module__].__doc__ or check.summary
    paragraphs = [" ".join(paragraph.split()) for paragraph in doc.strip().split("\n\n")]
    first = paragraphs[0].removeprefix(f"{check.id}: ")
    return "\n\n".join([first[:1].upper() + first[1:], *paragraphs[1:]])


def _result(
    finding: Finding, report: Report, index: dict[str, int], judgement: Judgement | None,
    acceptance: InSourceAcceptance | None,
) -> dict:
    primary, related = _split_by_source(finding.claims)
    result = _header(finding.rule, index) | {
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(cited) for cited in primary] or [_story_location(report, finding.story)],
        "relatedLocations": [
            _location(cited) | {"id": number, "message": {"text": f"{cited.source}: {cited.surface}"}}
            for number, cited in enumerate(related, start=1)
        ],
    }
    result |= _fingerprints(finding.fingerprint, finding.identity)
    suppressions = []
    if judgement is not None:
        result["baselineState"] = STATES[judgement.state]
        if judgement.state is BaselineState.UNCHANGED and judgement.accepted is not None:
            suppressions.append(_suppression(judgement.accepted, report.baseline))
    if acceptance is not None:
        suppressions.append(_in_source(acceptance))
    if suppressions:
        result["suppressions"] = suppressions
    result["properties"] = _properties(finding)
    return result


def _absent(entry: BaselineEntry, comparison: Comparison, index: dict[str, int]) -> dict:
    # A fixed entry has no span any more; it is located at the baseline that still lists it (code-scanning
    # services reject results without a location), and is a "pass": the rule now finds nothing there.
    return _header(entry.rule, index) | {
        "kind": "pass",
        "level": "none",
        "message": {"text": entry.message},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(comparison.baseline)}}],
        **_fingerprints(entry.fingerprint, entry.identity),
        "baselineState": STATES[BaselineState.FIXED],
    }


def _header(rule_id: str, index: dict[str, int]) -> dict:
    # A rule no longer registered (an old baseline entry) is named but has no index.
    return {"ruleId": rule_id, "ruleIndex": index[rule_id]} if rule_id in index else {"ruleId": rule_id}


def _fingerprints(fingerprint: str, identity: str) -> dict:
    return {
        "fingerprints": {"factcheck/v1": fingerprint},
        "partialFingerprints": {"factcheckFingerprint/v1": fingerprint, "factcheckIdentity/v1": identity},
    }


def _suppression(entry: BaselineEntry, comparison: Comparison | None) -> dict:
    suppression: dict = {"kind": "external", "status": "accepted"}
    if entry.justification:
        suppression["justification"] = entry.justification
    if comparison is not None:
        suppression["location"] = {"physicalLocation": {"artifactLocation": _artifact(comparison.baseline)}}
    return suppression


def _in_source(acceptance: InSourceAcceptance) -> dict:
    # An accept comment in a source (factcheck.accept): SARIF's own kind for a suppression written in the code.
    region = {"startLine": acceptance.line}
    return {
        "kind": "inSource",
        "status": "accepted",
        "justification": acceptance.justification,
        "location": {"physicalLocation": {"artifactLocation": _artifact(acceptance.path), "region": region}},
    }


def _split_by_source(claims: tuple[CitedClaim, ...]) -> tuple[list[CitedClaim], list[CitedClaim]]:
    # Primary locations: every cited span in the first cited source; the other sources are related.
    if not claims:
        return [], []
    first = claims[0].source
    return [c for c in claims if c.source == first], [c for c in claims if c.source != first]


def _location(cited: CitedClaim) -> dict:
    region = {
        "startLine": cited.line,
        "startColumn": cited.column,
        "endLine": cited.end_line,
        "endColumn": cited.end_column,
        "snippet": {"text": cited.surface},
    }
    return {"physicalLocation": {"artifactLocation": _artifact(cited.path), "region": region}}


def _story_location(report: Report, story: str) -> dict:
    # A finding that cites no span still needs a location: the first source of its story.
    path = next((source.path for source in report.sources if source.story == story), story)
    return {"physicalLocation": {"artifactLocation": _artifact(path)}}


def _properties(finding: Finding) -> dict:
    values = {
        "story": finding.story,
        "fact": finding.fact,
        "expected": finding.expected,
        "observed": finding.observed,
        "trail": list(finding.trail) or None,
        "draft": finding.draft or None,
    }
    return {key: value for key, value in values.items() if value is not None}


def _artifact(path: str) -> dict:
    # Paths relative to the project's root stay relative URIs under %SRCROOT%, so the log does not depend on the
    # machine; a file outside the root (given by its absolute path) is a file: URI.
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return {"uri": posix.as_uri()}
    return {"uri": quote(str(posix), safe="/"), "uriBaseId": SRCROOT}
