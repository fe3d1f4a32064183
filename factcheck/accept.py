"""Accepting a finding in the draft itself: `<!-- factcheck: accept <rule or fingerprint> "reason" -->`.

As `# noqa` does for a linter and `<!-- vale off -->` for Vale, a comment in a source accepts findings where
the editor writes, instead of in the baseline file. What it accepts:

- a **fingerprint** (as `check`, the JSON and the baseline give it): that one finding, whichever file holds
  the comment;
- a **rule id** (`agreement`, `spelling`…): every finding of that rule that cites the file holding the comment.

An accepted finding counts as a baseline entry whose justification is the comment's reason: `check` judges it
unchanged (it never fails), `baseline` leaves it out of the file (the comment is its record), and `report
--fail-on` passes over it. The report lists each accepted finding once, with the first comment (by source,
then line) that accepts it (`Report.accepted`).

The comment stands on one line, in any text source: Markdown, plain text, an HTML page (read from the file
itself, since the extracted text has no comments), or a paragraph of a Word draft. It is never read as part of
the article: cleaning blanks it (`factcheck.cleaning`), so it yields no claim. A comment that starts
`<!-- factcheck:` but does not read as above (no `-->` on its line, no reason, a rule that does not exist) is a
warning naming the file and line, and accepts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.cleaning import ACCEPT_COMMENT
from factcheck.formats import HTML_SUFFIXES
from factcheck.models import Finding, InSourceAcceptance, Report, Source
from factcheck.sources import STDIN, decode_file

# One line from `<!-- factcheck:` to its `-->`, or to the end of the line when it is never closed (malformed):
# the span cleaning blanks, read into its parts.
COMMENT = re.compile(ACCEPT_COMMENT)
_PARTS = re.compile(r"<!--[ \t]*factcheck[ \t]*:(?P<body>.*?)(?P<end>-->)?", re.DOTALL)
_BODY = re.compile(r'[ \t]*accept[ \t]+(?P<target>[^\s"“”]+)[ \t]+(?:"(?P<plain>[^"]*)"|“(?P<curly>[^”]*)”)[ \t]*')
_FINGERPRINT = re.compile(r"[0-9a-f]{8,64}")  # hex digits only: no rule id is spelled so
_USAGE = '<!-- factcheck: accept <rule or fingerprint> "reason" -->'


@dataclass(frozen=True)
class Comment:
    """One accept comment as written: what it names, why, and where."""

    target: str
    reason: str
    path: str
    line: int

    def accepts(self, finding: Finding) -> bool:
        """True for the finding of this fingerprint, or a finding of this rule citing this comment's file."""
        if self.target == finding.fingerprint:
            return True
        return self.target == finding.rule and any(cited.path == self.path for cited in finding.claims)


def parse(text: str, path: str, rules: Collection[str]) -> tuple[list[Comment], list[str]]:
    """The accept comments of one file's text, and a warning for each malformed one (`path: line N: …`)."""
    comments, warnings = [], []
    line, counted = 1, 0  # lines counted up to `counted`, so many comments cost one pass over the text
    for found in COMMENT.finditer(text):
        line, counted = line + text.count("\n", counted, found.start()), found.start()
        problem, comment = _read(found, path, line, rules)
        if comment is not None:
            comments.append(comment)
        else:
            warnings.append(f"{path}: line {line}: accept comment not understood ({problem}); write {_USAGE}")
    return comments, warnings


def _read(found: re.Match[str], path: str, line: int, rules: Collection[str]) -> tuple[str, Comment | None]:
    parts = _PARTS.fullmatch(found.group())
    if parts is None or parts["end"] is None:
        return "no --> on its line", None
    body = _BODY.fullmatch(parts["body"])
    if body is None:
        word = parts["body"].split(maxsplit=1)[:1]
        return ("only `accept` is understood", None) if word and word[0] != "accept" else ("no quoted reason", None)
    target, reason = body["target"], (body["plain"] if body["plain"] is not None else body["curly"]).strip()
    if not reason:
        return "the reason is empty", None
    if target not in rules and not _FINGERPRINT.fullmatch(target):
        return f"no rule {target!r}; rules: {', '.join(sorted(rules))}; or give a finding's fingerprint", None
    return "", Comment(target, reason, path, line)


def collect(sources: Iterable[Source], root: Path, rules: Collection[str]) -> tuple[list[Comment], list[str]]:
    """Every accept comment of the sources, in source then line order, and the warnings of malformed ones."""
    comments, warnings = [], []
    for source in sources:
        text = _commented_text(source, root, warnings)
        found, problems = parse(text, source.path, rules)
        comments += found
        warnings += problems
    return comments, warnings


def _commented_text(source: Source, root: Path, warnings: list[str]) -> str:
    # An HTML page's text is what trafilatura extracted, without its comments: they are read from the file
    # (standard input cannot be read again, so a page piped in has none).
    if Path(source.path).suffix.lower() not in HTML_SUFFIXES or source.path == STDIN:
        return source.text
    path = Path(source.path) if Path(source.path).is_absolute() else root / source.path
    try:
        decoded = decode_file(path.read_bytes())
    except OSError as error:
        warnings.append(f"{source.path}: accept comments not read ({error.strerror})")
        return ""
    return decoded.text if decoded is not None else ""


def accepted(findings: Iterable[Finding], comments: list[Comment]) -> tuple[InSourceAcceptance, ...]:
    """Each finding an accept comment accepts, with the first comment that does."""
    found = []
    for finding in findings:
        comment = next((comment for comment in comments if comment.accepts(finding)), None)
        if comment is not None:
            found.append(
                InSourceAcceptance(
                    fingerprint=finding.fingerprint, target=comment.target, path=comment.path, line=comment.line,
                    justification=comment.reason,
                )
            )
    return tuple(found)


def apply(report: Report, root: Path) -> Report:
    """The report with the findings its sources' accept comments accept (`Report.accepted`) and a warning for
    each malformed comment; `root` is the folder the sources' paths are relative to."""
    from factcheck.checks import REGISTRY  # the rule ids a comment may name

    comments, warnings = collect(report.sources, root, REGISTRY.keys())
    if not comments and not warnings:
        return report
    return report.model_copy(
        update={"accepted": accepted(report.findings, comments), "warnings": (*report.warnings, *warnings)}
    )


def open_findings(report: Report) -> list[Finding]:
    """The findings no accept comment accepts: what `report --fail-on` and `baseline` count."""
    taken = {acceptance.fingerprint for acceptance in report.accepted}
    return [finding for finding in report.findings if finding.fingerprint not in taken]
