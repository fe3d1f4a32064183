"""A terminal summary: counts, then one line per finding."""

from __future__ import annotations

from factcheck.models import Report
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
    for finding in report.findings:
        where = ""
        if finding.claims:
            first = finding.claims[0]
            where = f"{first.path}:{first.line}:{first.column}: "
        lines.append(f"{where}{finding.severity.value} [{finding.rule}] {finding.message}")
    return "\n".join(lines) + "\n"
