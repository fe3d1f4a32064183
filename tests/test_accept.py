"""Accepting a finding in the draft itself (`<!-- factcheck: accept <rule or fingerprint> "reason" -->`): the
comments as read (data-driven, tests/cases/accept/), what each accepts, and the comment yielding no claim."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.accept import Comment, accepted, parse
from factcheck.cleaning import clean
from factcheck.models import CitedClaim, Finding, Severity
from tests.paths import ROOT

CASES = tomllib.loads((ROOT / "tests" / "cases" / "accept" / "comments.toml").read_text(encoding="utf-8"))["case"]
RULES = {"agreement", "spelling"}


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_accept_comments_read_as_the_case_says(case):
    comments, warnings = parse(case["text"], "a.md", RULES)
    assert [[c.target, c.reason, c.line] for c in comments] == case.get("accepts", [])
    expected = case.get("warnings", [])
    assert len(warnings) == len(expected)
    for warning, (line, said) in zip(warnings, expected):
        assert warning.startswith(f"a.md: line {line}: accept comment not understood (") and said in warning
        assert '<!-- factcheck: accept <rule or fingerprint> "reason" -->' in warning


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_cleaning_blanks_every_accept_comment_good_or_bad(case):
    text, _ = clean(case["text"], markdown=True)
    assert "factcheck" not in text or "editor note" in text  # an ordinary comment is left to the article


def finding(rule: str, fingerprint: str, *paths: str) -> Finding:
    claims = tuple(
        CitedClaim(claim=f"{path}@0", source=path, path=path, start=0, end=1, line=1, column=1, surface="1")
        for path in paths
    )
    return Finding(rule=rule, severity=Severity.WARNING, message="m", fingerprint=fingerprint, identity="i" + fingerprint,
                   story="s", claims=claims)


@pytest.mark.parametrize(
    ("comment", "found", "accepts"),
    [
        pytest.param(Comment("spelling", "r", "a.md", 1), finding("spelling", "f1", "b.md", "a.md"), True,
                     id="rule-citing-the-file"),
        pytest.param(Comment("spelling", "r", "a.md", 1), finding("spelling", "f1", "b.md"), False,
                     id="rule-not-citing-the-file"),
        pytest.param(Comment("agreement", "r", "a.md", 1), finding("spelling", "f1", "a.md"), False, id="another-rule"),
        pytest.param(Comment("abcdef0123", "r", "a.md", 1), finding("spelling", "abcdef0123", "b.md"), True,
                     id="fingerprint-anywhere"),
        pytest.param(Comment("abcdef0123", "r", "a.md", 1), finding("spelling", "abcdef0124", "a.md"), False,
                     id="another-fingerprint"),
    ],
)
def test_a_rule_accepts_its_findings_citing_the_file_and_a_fingerprint_its_finding(comment, found, accepts):
    assert comment.accepts(found) is accepts


def test_each_finding_is_accepted_once_by_the_first_comment_that_accepts_it():
    comments = [Comment("spelling", "first", "a.md", 3), Comment("f1", "second", "b.md", 1)]
    (acceptance,) = accepted([finding("spelling", "f1", "a.md"), finding("agreement", "f2", "a.md")], comments)
    assert (acceptance.fingerprint, acceptance.justification, acceptance.path, acceptance.line) == ("f1", "first", "a.md", 3)


def test_an_accept_comment_on_the_first_line_is_not_the_sources_title(tmp_path):
    from factcheck.sources import load

    (tmp_path / "a.md").write_text('<!-- factcheck: accept spelling "ok" -->\nTokyo summit ends\n\nText.\n', encoding="utf-8")
    (document,) = load([tmp_path]).stories[0].documents
    assert document.source.title == "Tokyo summit ends"


def test_a_paragraph_of_a_word_draft_can_hold_an_accept_comment(tmp_path):
    from factcheck.accept import collect
    from factcheck.sources import load
    from tests.test_formats import draft

    comment = '<!-- factcheck: accept spelling "House style." -->'
    (tmp_path / "a.docx").write_bytes(draft(["Japan pledged 3 trillion yen.", comment]))
    (document,) = load([tmp_path]).stories[0].documents
    comments, warnings = collect([document.source], tmp_path, RULES)
    assert [(c.target, c.reason, c.line) for c in comments] == [("spelling", "House style.", 2)] and not warnings
    assert "factcheck" not in document.text
