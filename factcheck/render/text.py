"""A terminal summary: counts, then one line per finding."""

from __future__ import annotations

from factcheck.models import BaselineState, Comparison, Finding, Report
from factcheck.render import register


def summary_lines(report: Report) -> list[str]:
    """Two lines of counts: what was read, and findings by severity."""
    summary = report.summary
    return [
        f"{summary.sources} sources, {summary.claims} claims, {summary.facts} facts in {summary.stories} "
        f"{'story' if summary.stories == 1 else 'stories'}",
        "findings: " + ", ".join(f"{count} {severity}" for severity, count in summary.findings.items()),
    ]


@register("text")
def render(report: Report) -> str:
    """Counts and findings, one line each, with file:line:column of the first cited claim."""
    lines = summary_lines(report)
    for warning in report.warnings:
        lines.append(f"warning: {warning}")
    if report.baseline is not None:
        return "\n".join(lines + comparison_lines(report, report.baseline)) + "\n"
    for finding in report.findings:
        lines.append(finding_line(finding))
    return "\n".join(lines) + "\n"


def finding_line(finding: Finding, note: str = "") -> str:
    """`path:line:column: severity [rule] note message`, located at the first cited claim."""
    where = ""
    if finding.claims:
        first = finding.claims[0]
        where = f"{first.path}:{first.line}:{first.column}: "
    return f"{where}{finding.severity.value} [{finding.rule}] {note}{finding.message}"


def comparison_lines(report: Report, comparison: Comparison) -> list[str]:
    """`factcheck check`: counts by baseline state; new and changed findings, each with every span it cites; the
    accepted entries now fixed (located at the baseline); the unchanged findings; the verdict."""
    judgements = comparison.by_fingerprint()
    counts = ", ".join(f"{count} {state}" for state, count in comparison.counts().items())
    lines = [f"baseline {comparison.baseline}: {counts}"]
    for state in (BaselineState.NEW, BaselineState.CHANGED):
        for finding in (f for f in report.findings if judgements[f.fingerprint].state is state):
            lines.append(finding_line(finding, f"({state.value}) "))
            accepted = judgements[finding.fingerprint].accepted
            if accepted is not None:
                lines.append(f"    was: {accepted.message}")
            lines.extend(f"    {c.path}:{c.line}:{c.column}: {c.surface}" for c in finding.claims)
    for entry in comparison.fixed:
        lines.append(f"{comparison.baseline}: {entry.severity.value} [{entry.rule}] (fixed) {entry.message}")
    for finding in (f for f in report.findings if judgements[f.fingerprint].state is BaselineState.UNCHANGED):
        lines.append(finding_line(finding, "(unchanged) "))
    failing = sum(judgement.fails for judgement in comparison.findings)
    threshold = comparison.fail_on.value
    lines.append(
        f"check failed: {failing} new or changed finding{'s' if failing != 1 else ''} at {threshold} or above"
        if failing
        else f"check passed: nothing new at {threshold} or above"
    )
    return lines
