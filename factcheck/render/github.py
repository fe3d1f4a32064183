"""GitHub Actions workflow commands: one annotation per finding, shown on the lines of a pull request.

`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. Values are
escaped the way GitHub's own toolkit escapes them: `%`, `\\r` and `\\n` everywhere,
and `:` and `,` as well inside properties; other control characters are written as
`repr` writes them (`\\x1b`), so no escape sequence reaches the log. When the report
was judged against a baseline, only new and changed findings are annotated: accepted
ones are not news, nor are those an accept comment in a source accepts. Every warning
of the report (a file skipped or partly read) is a `::warning` on its file first, so a
reviewer knows what was not checked.

GitHub reads `file=` from the repository's root, and a report's paths are relative to the project's root:
when that is a folder inside the repository (a factcheck.toml in `newsroom/`), its folder is put before
every path (`prefix`), here and in SARIF (`repository_path`).
"""

from __future__ import annotations

from factcheck.models import BaselineState, Finding, Report, Severity
from factcheck.render import register
from factcheck.render.text import printable

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


@register("github")
def render(report: Report, prefix: str = "") -> str:
    """Workflow-command annotations for the findings worth a reviewer's eye; `prefix` is the project's root as
    a folder of the repository (`newsroom/`; empty at its root), put before every relative path."""
    lines = [_warning(warning, prefix) for warning in report.warnings]
    lines += [_annotation(finding, state, prefix) for finding, state in _annotated(report)]
    if report.baseline and report.baseline.fixed:
        count = len(report.baseline.fixed)
        lines.append(
            _command(
                "notice",
                {"file": repository_path(report.baseline.baseline, prefix), "title": "factcheck: fixed"},
                f"{count} accepted finding{'s' if count != 1 else ''} no longer found; "
                "`factcheck baseline --update` drops them from the baseline.",
            )
        )
    return "".join(line + "\n" for line in lines)


def repository_path(path: str, prefix: str) -> str:
    """A path of the report (relative to the project's root) as the repository's root names it: `prefix` put
    before it; an absolute path, or standard input (`-`), as it is."""
    if not prefix or path.startswith("/") or path == "-":
        return path
    return prefix + path


def escape_data(text: str) -> str:
    """Escape a command's message (after `::`)."""
    return printable(text, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command property's value (`file=`, `title=`…)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotated(report: Report) -> list[tuple[Finding, BaselineState | None]]:
    # A finding accepted by a comment in its source is not news either, from `report` as from `check`.
    taken = {acceptance.fingerprint for acceptance in report.accepted}
    if report.baseline is None:
        return [(finding, None) for finding in report.findings if finding.fingerprint not in taken]
    states = {j.fingerprint: j.state for j in report.baseline.findings}
    return [(f, states[f.fingerprint]) for f in report.findings if states[f.fingerprint] is not BaselineState.UNCHANGED]


def _warning(warning: str, prefix: str) -> str:
    # A warning starts with the file (or story folder) it is about: `path: skipped: …`. The message keeps the
    # whole warning, so a path that holds ": " itself loses nothing but the annotation's place.
    path, separator, _ = warning.partition(": ")
    place = {"file": repository_path(path, prefix)} if separator else {}
    return _command("warning", place | {"title": "factcheck: input"}, warning)


def _annotation(finding: Finding, state: BaselineState | None, prefix: str) -> str:
    title = f"factcheck [{finding.rule}]" + (f" ({state.value})" if state else "")
    properties: dict[str, str | int] = {}
    message = finding.message
    if finding.claims:
        first, *others = finding.claims
        properties = {
            "file": repository_path(first.path, prefix),
            "line": first.line,
            "col": first.column,
            "endLine": first.end_line,
            "endColumn": first.end_column,
        }
        message += "".join(
            f"\n{repository_path(cited.path, prefix)}:{cited.line}:{cited.column}: {cited.surface}" for cited in others
        )
    return _command(COMMANDS[finding.severity], properties | {"title": title}, message)


def _command(name: str, properties: dict[str, str | int], message: str) -> str:
    listed = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {listed}::{escape_data(message)}"
