"""The baseline and limits as data (issue 15): an editor's justification is never lost to `baseline --update`,
a baseline accepting a finding twice is an error naming both entries, and nothing a file can hold — nesting,
digits, size, a FIFO, a rate valued in itself — crashes a run or hangs it. Each reproducer runs through the
command line and expects exit 2 and one line naming the file, with no traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import baseline, figures
from factcheck.cli import cli
from factcheck.errors import RateError
from factcheck.normalize.fx import FxTable, RateRule
from tests.paths import ROOT, RULES

DATED = "---\npublished: 2025-12-20\n---\n"
TENGE = DATED + "Kazakhstan will invest 500 billion tenge (KZT 500 billion) in the project, or $1 billion.\n"
DOLLARS = DATED + "Kazakhstan will invest $1 billion in the project.\n"
REASON = "Checked with the ministry on 2025-12-22."


def _invoke(*args) -> tuple[int, str]:
    """Run `factcheck …` in process; any exception but a clean exit fails the test."""
    result = CliRunner().invoke(cli, [*map(str, args), "-q"], catch_exceptions=False)
    return result.exit_code, result.output


def _expect_one_line(output: str, where: str, message: str) -> None:
    lines = [line for line in output.splitlines() if line.startswith("factcheck:")]
    assert len(lines) == 1, output
    assert lines[0].startswith(f"factcheck: {where}"), output
    assert message in lines[0], output
    assert "Traceback" not in output


@pytest.fixture
def story(tmp_path) -> Path:
    """Two dated sources on one tenge investment: one finding (a figure only one source gives)."""
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "a.md").write_text(TENGE, encoding="utf-8")
    (folder / "b.md").write_text(DOLLARS, encoding="utf-8")
    return folder


@pytest.fixture
def accepted(story, tmp_path) -> Path:
    path = tmp_path / "factcheck-baseline.json"
    code, output = _invoke("baseline", story, "--rules", RULES, "-o", path)
    assert code == 0, output
    assert json.loads(path.read_text())["findings"], "the story should give a finding to accept"
    return path


def _justify(path: Path, reason: str | None, index: int = 0) -> None:
    """What an editor does: set an entry's justification and save the file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data["findings"][index]["justification"] = reason
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _reasons(path: Path) -> list[str | None]:
    return [entry["justification"] for entry in json.loads(path.read_text(encoding="utf-8"))["findings"]]


# --- the baseline: nothing an editor writes is lost ---------------------------------------------------------


def test_update_keeps_a_justification_saved_while_the_run_went_on(story, accepted, monkeypatch):
    create = baseline.create

    def create_then_editor_saves(findings, previous=None):
        made = create(findings, previous)  # the run read the file before this: `previous` has no justification
        _justify(accepted, REASON)
        return made

    monkeypatch.setattr(baseline, "create", create_then_editor_saves)
    code, output = _invoke("baseline", story, "--rules", RULES, "-o", accepted, "--update")
    assert code == 0, output
    assert _reasons(accepted) == [REASON]


def test_update_takes_the_files_justifications_as_they_are_when_it_writes(tmp_path):
    path = tmp_path / "baseline.json"
    entry = {"fingerprint": "a" * 20, "identity": "b" * 20, "rule": "agreement", "severity": "error", "message": "m"}
    ours = baseline.Baseline.model_validate({"findings": [
        {**entry, "justification": "read at the start"},
        {**entry, "fingerprint": "c" * 20, "justification": "only ours"},
    ]})
    path.write_text(json.dumps({"version": 1, "findings": [{**entry, "justification": None}]}))  # cleared meanwhile
    baseline.save(ours, path, overwrite=True)
    assert {e.fingerprint: e.justification for e in baseline.load(path).findings} == {
        "a" * 20: None, "c" * 20: "only ours"
    }


@pytest.mark.parametrize("conflict", [True, False], ids=["merge conflict", "caught mid-save"])
def test_update_writes_nothing_when_the_baseline_stopped_reading_meanwhile(story, accepted, monkeypatch, conflict):
    create = baseline.create
    text = accepted.read_text(encoding="utf-8")
    broken = text.replace('"findings"', '<<<<<<< HEAD\n"findings"', 1) if conflict else text[:40]

    def create_then_editor_breaks_it(findings, previous=None):
        made = create(findings, previous)
        accepted.write_text(broken, encoding="utf-8")  # a merge conflict, saved half-resolved
        return made

    monkeypatch.setattr(baseline, "create", create_then_editor_breaks_it)
    code, output = _invoke("baseline", story, "--rules", RULES, "-o", accepted, "--update")
    assert code == 2, output
    where = f"{accepted}:3: baseline error: " if conflict else f"{accepted}:"  # the conflict marker's line
    _expect_one_line(output, where, "baseline error: changed while it was being updated")
    assert "nothing was written" in output
    assert accepted.read_text(encoding="utf-8") == broken


def test_a_fingerprint_accepted_twice_is_an_error_naming_both_entries(story, accepted):
    data = json.loads(accepted.read_text(encoding="utf-8"))
    (entry,) = data["findings"]
    data["findings"] = [{**entry, "justification": "ours"}, {**entry, "justification": "theirs"}]  # a merge
    accepted.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    for command in (["check", story, "--baseline", accepted], ["baseline", story, "-o", accepted, "--update"]):
        code, output = _invoke(*command, "--rules", RULES)
        assert code == 2, output
        _expect_one_line(
            output, f"{accepted}:13: baseline error: ",
            f"fingerprint {entry['fingerprint']} is accepted twice, in findings[0] (line 5) and findings[1] (line 13)",
        )
    assert _reasons(accepted) == ["ours", "theirs"]


# --- the baseline: limits --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("[" * 200_000 + "]" * 200_000, "invalid JSON: arrays or objects nested too deeply", id="nesting"),
        pytest.param('{"version": 1, "findings": ' + "[" * 200_000 + "]" * 200_000 + "}",
                     "invalid JSON: arrays or objects nested too deeply", id="nested-findings"),
        pytest.param('{"version": ' + "9" * 5000 + ', "findings": []}', "a number of 5,000 digits", id="version-digits"),
        pytest.param('{"version": "' + "9" * 5000 + '", "findings": []}', "unknown baseline version '999", id="version-text"),
    ],
)
def test_a_hostile_baseline_is_one_line_and_exit_2(story, tmp_path, text, message):
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    code, output = _invoke("check", story, "--rules", RULES, "--baseline", path)
    assert code == 2, output
    _expect_one_line(output, f"{path}: baseline error: ", message)
    assert len(output.splitlines()[-1]) < 200, "the message is a line, not the file"


def test_a_baseline_over_the_size_limit_is_refused_before_it_is_read(story, tmp_path):
    path = tmp_path / "baseline.json"
    with path.open("wb") as stream:
        stream.truncate(baseline.MAX_BASELINE_BYTES + 1)  # sparse: no 50 MB written
    code, output = _invoke("check", story, "--rules", RULES, "--baseline", path)
    assert code == 2, output
    _expect_one_line(output, f"{path}: baseline error: ", "larger than 50,000,000 bytes")


def _run_with_timeout(*args) -> subprocess.CompletedProcess:
    """A real process, so that a hang fails the test after a minute instead of stopping the suite."""
    command = [sys.executable, "-m", "factcheck", *map(str, args), "-q"]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_as_baseline_is_refused_without_opening_it(story, tmp_path):
    fifo = tmp_path / "baseline.json"
    os.mkfifo(fifo)  # opening it to read would wait for a writer for ever
    for command in (["check", story, "--baseline", fifo], ["baseline", story, "-o", fifo, "--update"]):
        result = _run_with_timeout(*command, "--rules", RULES)
        assert result.returncode == 2, result.stderr
        _expect_one_line(result.stderr, f"{fifo}: baseline error: ", "not a regular file (a FIFO)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_as_rules_file_is_refused_without_opening_it(story, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    (rules / "rates.toml").unlink()
    os.mkfifo(rules / "rates.toml")
    result = _run_with_timeout("report", story, "--rules", rules, "--format", "text")
    assert result.returncode == 2, result.stderr
    _expect_one_line(result.stderr, f"{rules / 'rates.toml'}: config error: ", "not a regular file (a FIFO)")


# --- limits as data: figures -----------------------------------------------------------------------------------

EXTREMES = [
    Decimal("1E-5001"), Decimal("-1E-5001"), Decimal("0." + "1" * 5000), Decimal("9" * 5000),
    Decimal("1" + "0" * 5000 + ".5"), Decimal("1E-30"), Decimal("1E+5000"),
]
UNITS = ["USD", "JPY", "KZT", "count", "percent", "percentage_point", "MW", "year", "date", "t/a"]


@pytest.mark.parametrize("value", EXTREMES, ids=lambda value: str(value)[:12])
def test_every_figure_formats_whatever_its_digits(value):
    for unit in UNITS:
        for shown in (
            figures.amount(value, unit), figures.amount(value, unit, significant=3), figures.axis_label(value, unit),
        ):
            assert shown, unit
            assert len(shown) < 80 or unit == "date", (unit, shown)  # a date that is no day shows as written
    assert figures.change(value, Decimal(20)) and figures.change(Decimal(20), value)


def test_a_figure_of_more_than_4300_digits_does_not_crash_the_html_report(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("Japan will invest $0." + "0" * 5000 + "1 billion in Central Asia.\n")
    (story / "b.txt").write_text("Japan will invest $20 billion in Central Asia.\n")
    output = tmp_path / "report.html"
    code, printed = _invoke("report", story, "--rules", RULES, "--date", "2025-12-20", "-o", output)
    assert code == 0, printed
    assert "$1E-4992" in output.read_text(encoding="utf-8")  # 10^-5001 billion, in scientific notation


# --- limits as data: rates -------------------------------------------------------------------------------------


def _rules_with(tmp_path: Path, edit) -> Path:
    """A copy of the rules folder whose rates.toml `edit` rewrote."""
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    rates = rules / "rates.toml"
    rates.write_text(edit(rates.read_text(encoding="utf-8")), encoding="utf-8")
    return rules


def _in_entry(currency: str, old: str, new: str):
    """An edit of the first [[rate]] of `currency`: its line `old` becomes `new`."""
    def edit(text: str) -> str:
        start = text.index(f'currency = "{currency}"')
        return text[:start] + text[start:].replace(old, new, 1)
    return edit


def _header_line(text: str, currency: str) -> int:
    """The line of the [[rate]] header of `currency`'s first entry."""
    lines = text[: text.index(f'currency = "{currency}"')].splitlines()
    return max(n for n, line in enumerate(lines, start=1) if line.strip() == "[[rate]]")


def _both(*edits):
    def edit(text: str) -> str:
        for one in edits:
            text = one(text)
        return text
    return edit


RATE_CASES = [
    pytest.param(_in_entry("KZT", 'base = "USD"', 'base = "KZT"'), "KZT", "header",
                 "rate[4]: KZT is valued against itself", id="own-base"),
    pytest.param(_both(_in_entry("KZT", 'base = "USD"', 'base = "KGS"'), _in_entry("KGS", 'base = "USD"', 'base = "KZT"')),
                 "KZT", "header", "rate[4]: rates value each other in a circle (KZT in KGS, KGS in KZT)", id="cycle"),
    pytest.param(_in_entry("KZT", "rate = 505.73", "rate = 1e-300"), "KZT", "rate",
                 "rate[4].rate: 1.000E-300 is out of bounds", id="tiny"),
    pytest.param(_in_entry("KZT", "rate = 505.73", "rate = 1e9999"), "KZT", "rate",
                 "rate[4].rate: Input should be a finite number", id="infinite"),
    pytest.param(_in_entry("KZT", "rate = 505.73", "rate = 1" + "0" * 5000), "KZT", "rate",
                 "invalid TOML: a number of more than 4,300 digits", id="digits"),
]


@pytest.mark.parametrize(("edit", "currency", "at", "message"), RATE_CASES)
def test_a_rate_that_cannot_be_used_is_an_error_naming_the_file_and_the_rate(story, tmp_path, edit, currency, at, message):
    rules = _rules_with(tmp_path, edit)
    text = (rules / "rates.toml").read_text(encoding="utf-8")
    start = text.index(f'currency = "{currency}"')
    line = _header_line(text, currency) if at == "header" else text[:text.index("rate = ", start)].count("\n") + 1
    code, output = _invoke("report", story, "--rules", rules, "--format", "text")
    assert code == 2, output
    _expect_one_line(output, f"{rules / 'rates.toml'}:{line}: config error: ", message)


def test_rates_of_two_files_in_a_circle_name_the_first_one(story, tmp_path):
    rules = _rules_with(tmp_path, _in_entry("KZT", 'base = "USD"', 'base = "XAA"'))
    (rules / "zz-more.toml").write_text(
        '[[rate]]\ncurrency = "XAA"\nbase = "KZT"\nrate = 2\ndate = 2025-12-19\nsource = "a test"\n', encoding="utf-8"
    )
    text = (rules / "rates.toml").read_text(encoding="utf-8")
    code, output = _invoke("report", story, "--rules", rules, "--format", "text")
    assert code == 2, output
    _expect_one_line(output, f"{rules / 'rates.toml'}:{_header_line(text, 'KZT')}: config error: ", "in a circle")


def test_a_chain_of_rates_too_long_to_follow_is_an_error(story, tmp_path):
    codes = ["XAA", "XAB", "XAC", "XAD", "XAE"]
    chain = "".join(
        f'\n[[rate]]\ncurrency = "{code}"\nbase = "{base}"\nrate = 2\ndate = 2025-12-19\nsource = "a test"\n'
        for code, base in zip(codes, [*codes[1:], "USD"])
    )
    rules = _rules_with(tmp_path, lambda text: text + chain)
    code, output = _invoke("report", story, "--rules", rules, "--format", "text")
    assert code == 2, output
    _expect_one_line(output, f"{rules / 'rates.toml'}:", "XAA is valued through more than 4 rules rates")


def test_a_table_of_rates_in_a_circle_is_refused_whoever_builds_it():
    day = dt.date(2025, 12, 19)
    rules = [
        RateRule(currency="KZT", base="KGS", rate=Decimal(5), date=day, source="a"),
        RateRule(currency="KGS", base="KZT", rate=Decimal("0.2"), date=day, source="b"),
    ]
    with pytest.raises(RateError, match="in a circle"):
        FxTable(rules)
