"""Accept comments through the commands: `check` counts an accepted finding as a baseline entry with the comment's
reason, `baseline` leaves it out of the file, `report --fail-on` passes over it; text, JSON, SARIF (a suppression
of kind `inSource`), GitHub annotations and the HTML show it; a malformed comment is a warning naming its file
and line; an HTML page's comment counts too; the comment itself yields no claim."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from tests.paths import SEEDS
from tests.test_formats import page
from tests.test_sarif import validate

SOURCE = "articles/000_2a72b3ee8e917de2.txt"
OTHER = "articles/003_f22c4224336f4e47.txt"
RIGHT = "Kassym-Jomart Tokayev said that Japan"
WRONG = "Kassym-Jomart Tokaev said that Japan"  # a new spelling warning, at the default fail_on
REASON = "Kept as the wire spelled it in the quote."


def factcheck(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """The seeds as articles/ with a baseline of today's findings, then one new contradiction in SOURCE."""
    shutil.copytree(SEEDS, tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # the repository's root is the project's root
    assert factcheck("baseline", "-q", "articles").exit_code == 0
    edit(SOURCE, RIGHT, WRONG)
    return tmp_path


def edit(path: str, before: str, after: str) -> None:
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    assert text.count(before) == 1
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(text.replace(before, after))


def append(path: str, line: str) -> int:
    """Append `line` to the file; its line number."""
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(text.rstrip("\n") + "\n\n" + line + "\n")
    return text.rstrip("\n").count("\n") + 3


def check(*args: str):
    return factcheck("check", "-q", "articles", *args)


def the_new_finding() -> dict:
    report = json.loads(check("--format", "json").output)
    states = {judgement["fingerprint"]: judgement["state"] for judgement in report["baseline"]["findings"]}
    (found,) = [f for f in report["findings"] if states[f["fingerprint"]] == "new"]
    return found


def test_without_a_comment_the_new_contradiction_fails_the_check(newsroom):
    result = check()
    assert result.exit_code == 1, result.output
    assert "(new)" in result.output and "Tokaev" in result.output


@pytest.mark.parametrize("how", ["rule", "fingerprint elsewhere"])
def test_a_comment_accepts_the_finding_as_a_baseline_entry_with_its_reason(newsroom, how):
    fingerprint = the_new_finding()["fingerprint"]
    target, path = ("spelling", SOURCE) if how == "rule" else (fingerprint, OTHER)
    line = append(path, f'<!-- factcheck: accept {target} "{REASON}" -->')
    result = check()
    assert result.exit_code == 0, result.output
    assert f"(accepted at {path}:{line}: {REASON}) " in result.output and "check passed" in result.output

    report = json.loads(check("--format", "json").output)
    (acceptance,) = [a for a in report["accepted"] if a["fingerprint"] == fingerprint]
    assert acceptance == {"fingerprint": fingerprint, "target": target, "path": path, "line": line, "justification": REASON}
    (judgement,) = [j for j in report["baseline"]["findings"] if j["fingerprint"] == fingerprint]
    assert judgement["state"] == "unchanged" and judgement["fails"] is False and judgement["accepted"] is None

    log = json.loads(check("--format", "sarif").output)
    validate(log)
    results = log["runs"][0]["results"]
    (result_of,) = [r for r in results if r.get("fingerprints", {}).get("factcheck/v1") == fingerprint]
    assert result_of["baselineState"] == "unchanged"
    assert result_of["suppressions"] == [{
        "kind": "inSource", "status": "accepted", "justification": REASON,
        "location": {"physicalLocation": {"artifactLocation": {"uri": path, "uriBaseId": "%SRCROOT%"},
                                          "region": {"startLine": line}}},
    }]
    annotations = check("--format", "github")
    assert annotations.exit_code == 0 and "Tokaev" not in annotations.output


def test_a_rule_comment_accepts_only_findings_that_cite_its_file(newsroom):
    cited = {claim["path"] for claim in the_new_finding()["claims"]}
    elsewhere = sorted({f"articles/{path.name}" for path in (newsroom / "articles").glob("*.txt")} - cited)[0]
    append(elsewhere, f'<!-- factcheck: accept spelling "{REASON}" -->')
    result = check()
    assert result.exit_code == 1 and "(new)" in result.output


def test_a_malformed_comment_is_a_warning_naming_file_and_line_and_accepts_nothing(newsroom):
    line = append(SOURCE, '<!-- factcheck: accept spellng "typo in the rule" -->')
    result = check()
    assert result.exit_code == 1
    assert f"warning: {SOURCE}: line {line}: accept comment not understood (no rule 'spellng';" in result.output
    annotations = check("--format", "github").output.splitlines()
    assert any(a.startswith(f"::warning file={SOURCE},title=factcheck%3A input::{SOURCE}: line {line}: ") for a in annotations)


def test_baseline_leaves_a_finding_accepted_in_its_source_out_of_the_file(newsroom):
    fingerprint = the_new_finding()["fingerprint"]
    append(SOURCE, f'<!-- factcheck: accept spelling "{REASON}" -->')
    assert factcheck("baseline", "-q", "articles", "-o", "other.json").exit_code == 0
    written = {entry["fingerprint"] for entry in json.loads((newsroom / "other.json").read_text(encoding="utf-8"))["findings"]}
    report = json.loads(factcheck("report", "-q", "articles", "--format", "json").output)
    accepted = {acceptance["fingerprint"] for acceptance in report["accepted"]}
    assert fingerprint in accepted and fingerprint not in written
    assert written == {finding["fingerprint"] for finding in report["findings"]} - accepted


def test_report_fail_on_passes_over_accepted_findings_and_the_html_shows_them(newsroom):
    errors = json.loads(factcheck("report", "-q", "articles", "--format", "json").output)["findings"]
    (error,) = [f for f in errors if f["severity"] == "error"]
    assert factcheck("report", "-q", "articles", "--format", "text", "--fail-on", "error").exit_code == 1
    cited = error["claims"][0]["path"]
    line = append(cited, f'<!-- factcheck: accept {error["rule"]} "Our rate is the day before." -->')
    passed = factcheck("report", "-q", "articles", "--format", "text", "--fail-on", "error")
    assert passed.exit_code == 0, passed.output
    assert f"(accepted at {cited}:{line}: Our rate is the day before.)" in passed.output
    assert factcheck("report", "-q", "articles", "-o", "out/report.html").exit_code == 0
    html = (newsroom / "out" / "report.html").read_text(encoding="utf-8")
    assert f"Our rate is the day before. ({cited}:{line})" in html and 'class="badge ok accepted"' in html
    sarif = json.loads(factcheck("report", "-q", "articles", "--format", "sarif").output)["runs"][0]["results"]
    assert [s["kind"] for r in sarif for s in r.get("suppressions", [])] == ["inSource"]


def test_the_comment_yields_no_claim(newsroom):
    before = json.loads(factcheck("claims", "-q", "articles", "--format", "json").output)
    append(SOURCE, '<!-- factcheck: accept spelling "Kazakhstan signed 60 agreements worth $3.7 billion in 2024." -->')
    append(SOURCE, '<!-- factcheck: accept spelling "unclosed, with 5 million people"')
    after = json.loads(factcheck("claims", "-q", "articles", "--format", "json").output)
    assert [(c["id"], c["span"]["text"]) for c in after] == [(c["id"], c["span"]["text"]) for c in before]


def test_an_html_pages_comment_is_read_from_the_file(newsroom):
    with open(SOURCE, encoding="utf-8") as stream:
        paragraphs = [line.strip() for line in stream.read().splitlines() if line.strip()]
    (newsroom / SOURCE).unlink()
    manifest = newsroom / "articles" / "story.toml"
    name = SOURCE.split("/")[-1]
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(name, name.replace(".txt", ".html")), encoding="utf-8")
    text = page(paragraphs).replace("</article>", f'<!-- factcheck: accept spelling "{REASON}" -->\n</article>')
    html_path = SOURCE.replace(".txt", ".html")
    (newsroom / html_path).write_text(text, encoding="utf-8")
    line = text[: text.index("<!-- factcheck")].count("\n") + 1
    report = json.loads(factcheck("report", "-q", "articles", "--format", "json").output)
    accepted = [a for a in report["accepted"] if a["path"] == html_path]
    assert accepted and {(a["line"], a["justification"]) for a in accepted} == {(line, REASON)}
    assert all("factcheck" not in source["text"] for source in report["sources"] if source["path"] == html_path)
