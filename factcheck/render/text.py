"""A terminal summary: counts, then one line per finding.

Every line is passed through `printable` before it is printed: file names, front-matter fields (an outlet
names a source in messages) and the text of the articles are the input's, and a control character in one
could end the line early (a file named `x\\n::error file=README.md::…` would print a GitHub workflow
command into a CI log) or send an escape sequence to the terminal (`\\x1b]0;…\\x07` retitles the window).
"""

from __future__ import annotations

import re

import click

from factcheck.models import BaselineState, Comparison, Finding, Report, Summary
from factcheck.render import register

# C0 controls, DEL and C1 controls (CSI, OSC), line and paragraph separators, and the bidirectional
# embeddings, overrides and isolates that reorder what a line shows ("Trojan Source").
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str, keep: str = "") -> str:
    """`text` with its control characters escaped the way `repr` writes them (`\\n`, `\\x1b`, `\\u202e`),
    except those in `keep`."""
    return _UNSAFE.sub(lambda found: found.group() if found.group() in keep else repr(found.group())[1:-1], text)


def summary_lines(report: Report) -> list[str]:
    """Two lines of counts: what was read, and findings by severity."""
    return counts_lines(report.summary)


def counts_lines(summary: Summary) -> list[str]:
    """The two lines of `summary_lines`, from the counts alone (a streamed report keeps nothing else)."""
    return [
        f"{summary.sources} sources, {summary.claims} claims, {summary.facts} facts in {summary.stories} "
        f"{'story' if summary.stories == 1 else 'stories'}",
        "findings: " + ", ".join(_counted(count, severity) for severity, count in summary.findings.items()),
    ]


def _counted(count: int, severity: str) -> str:
    """`1 error`, `3 warnings`, `2 info` (information has no plural)."""
    return f"{count} {severity}{'' if count == 1 or severity == 'info' else 's'}"


@register("text")
def render(report: Report, colour: bool = False) -> str:
    """Counts and findings, one line each, with file:line:column of the first cited claim; with `colour`, the
    severities and the verdict of `check` in terminal colours."""
    lines = summary_lines(report)
    for warning in report.warnings:
        lines.append(f"warning: {warning}")
    if report.baseline is not None:
        lines += comparison_lines(report, report.baseline)
    else:
        lines += [finding_line(finding, _accepted_note(report, finding, "")) for finding in report.findings]
    paint = _paint if colour else (lambda line: line)
    return "".join(paint(printable(line)) + "\n" for line in lines)


# Colours go in after `printable`, so no escape sequence of the input's can pass for one of ours.
_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan", "check failed:": "red", "check passed:": "green"}
_SEVERITY = re.compile(r"(?<![^ ])(error|warning|info)(?= \[)|^(check failed:|check passed:)")


def _paint(line: str) -> str:
    """The first severity word of a line (`warning [spelling]`), or the verdict of `check`, coloured."""
    return _SEVERITY.sub(lambda found: click.style(found.group(), fg=_COLOURS[found.group()], bold=True), line, count=1)


def finding_line(finding: Finding, note: str = "") -> str:
    """`path:line:column: severity [rule] note message`, located at the first cited claim."""
    where = ""
    if finding.claims:
        first = finding.claims[0]
        where = f"{first.path}:{first.line}:{first.column}: "
    return f"{where}{finding.severity.value} [{finding.rule}] {note}{finding.message}"


def _accepted_note(report: Report, finding: Finding, otherwise: str) -> str:
    """`(accepted at a.md:3: reason) ` for a finding an accept comment in a source accepts, else `otherwise`."""
    acceptance = next((a for a in report.accepted if a.fingerprint == finding.fingerprint), None)
    return f"(accepted at {acceptance.path}:{acceptance.line}: {acceptance.justification}) " if acceptance else otherwise


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
        lines.append(finding_line(finding, _accepted_note(report, finding, "(unchanged) ")))
    failing = sum(judgement.fails for judgement in comparison.findings)
    threshold = comparison.fail_on.value
    lines.append(
        f"check failed: {failing} new or changed finding{'s' if failing != 1 else ''} at {threshold} or above"
        if failing
        else f"check passed: nothing new at {threshold} or above"
    )
    return lines
