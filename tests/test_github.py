"""GitHub Actions annotations: one workflow command per finding, escaped the way GitHub's toolkit does."""

import re

from factcheck import baseline
from factcheck.checks.base import fingerprints
from factcheck.models import CitedClaim, Finding, Report, Severity
from factcheck.render import render
from factcheck.render.github import escape_data, escape_property

ANNOTATION = re.compile(
    r"^::(?P<command>error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"endLine=(?P<end_line>\d+),endColumn=(?P<end_column>\d+),title=(?P<title>[^:]+)::(?P<message>.*)$"
)


def test_data_escapes_percent_and_line_breaks():
    assert escape_data("100% up\r\nnext: a, b") == "100%25 up%0D%0Anext: a, b"


def test_properties_also_escape_colon_and_comma():
    assert escape_property("seeds/a, b:c.txt\n%") == "seeds/a%2C b%3Ac.txt%0A%25"


def test_one_annotation_per_finding_at_its_first_cited_claim(seeds_report):
    lines = render(seeds_report, "github").splitlines()
    assert len(lines) == len(seeds_report.findings)
    for line, finding in zip(lines, seeds_report.findings):
        match = ANNOTATION.match(line)
        assert match, line
        first = finding.claims[0]
        assert match["command"] == {"error": "error", "warning": "warning", "info": "notice"}[finding.severity]
        assert (match["file"], int(match["line"]), int(match["col"])) == (first.path, first.line, first.column)
        assert match["message"].startswith(escape_data(finding.message))
        assert "\n" not in match["message"]


def test_a_message_with_commas_colons_and_newlines_stays_one_command():
    cited = CitedClaim(claim="a@0", source="a", path="dir, x/a:b.txt", start=0, end=3, line=1, column=1, surface="$20")
    other = cited.model_copy(update={"source": "b", "path": "b.txt", "line": 4})
    finding = Finding(
        rule="agreement", severity=Severity.WARNING, message="A says 50%, B: less",
        **fingerprints("agreement", ("s",), ("v",)), story="s", claims=(cited, other),
    )
    report = Report(tool_version="0", stories=(), sources=(), claims=(), facts=(), entities=(), findings=(finding,))
    (line,) = render(report, "github").splitlines()
    assert line.startswith("::warning file=dir%2C x/a%3Ab.txt,line=1,col=1,endLine=1,endColumn=4,title=factcheck [agreement]::")
    assert line.endswith("::A says 50%25, B: less%0Ab.txt:4:1: $20")


def test_against_a_baseline_only_new_and_changed_findings_are_annotated(seeds_report):
    accepted = baseline.create(seeds_report.findings[1:])
    judged = baseline.judge(seeds_report, accepted, path="b.json", fail_on=Severity.ERROR)
    lines = render(judged, "github").splitlines()
    assert len(lines) == 1 and "(new)" in lines[0]


def test_fixed_entries_get_one_notice_on_the_baseline_file(seeds_report):
    judged = baseline.judge(
        seeds_report.model_copy(update={"findings": ()}), baseline.create(seeds_report.findings),
        path="factcheck-baseline.json", fail_on=Severity.ERROR,
    )
    (line,) = render(judged, "github").splitlines()
    count = len({f.fingerprint for f in seeds_report.findings})
    assert line.startswith("::notice file=factcheck-baseline.json,title=factcheck%3A fixed::")
    assert f"{count} accepted findings no longer found" in line
