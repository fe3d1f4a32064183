"""What the sample corpus must report: the discrepancies named in DESIGN.md and the issues, and nothing false.

`3 trillion yen` vs `€17.9 billion` (a conversion the ECB rate does not support), `Berdimuhamedov` vs
`Berdymuhamedov`, `Sojitz` vs `Sojits`, and JICA in Tajikistan `since 2006` vs `1993–2023`; while
`$20 billion` against `3 trillion yen` is rounding, and no two different facts contradict each other.
"""

from __future__ import annotations


def _by_rule(report, rule):
    return [finding for finding in report.findings if finding.rule == rule]


def test_the_euro_conversion_is_an_error_with_the_expected_value(seeds_report):
    (finding,) = _by_rule(seeds_report, "conversion")
    assert finding.severity.value == "error"
    assert [c.surface for c in finding.claims] == ["€17.9 billion", "3 trillion yen"]
    assert "€16.3 billion (+9.9%)" in finding.message and "19 Dec 2025" in finding.message


def test_both_misspellings_are_warnings_with_the_house_style(seeds_report):
    spelled = {f.expected: f for f in _by_rule(seeds_report, "spelling") if f.severity.value == "warning"}
    assert set(spelled) == {"Serdar Berdimuhamedov", "Sojitz"}
    assert spelled["Serdar Berdimuhamedov"].observed == "Serdar Berdymuhamedov"
    assert spelled["Sojitz"].observed == "Sojits"


def test_the_jica_start_dates_disagree(seeds_report):
    (finding,) = _by_rule(seeds_report, "timeline")
    assert sorted(c.surface for c in finding.claims) == ["1993–2023", "2006"]


def test_rounding_is_not_a_contradiction_and_no_facts_are_confused(seeds_report):
    assert _by_rule(seeds_report, "agreement") == []
    assert _by_rule(seeds_report, "arithmetic") == []  # the JICA breakdown adds up: 97.2 + 330.2 = 427.4


def test_the_summits_date_changed_in_one_source_gives_one_finding_citing_it(tmp_path, rules, seeds_report):
    import shutil

    from factcheck.pipeline import run
    from tests.paths import SEEDS

    story = tmp_path / "seeds"
    shutil.copytree(SEEDS, story)
    article = story / "000_2a72b3ee8e917de2.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Tokyo on December 20.", "Tokyo on December 27."), encoding="utf-8")
    before = {finding.message for finding in seeds_report.findings}
    (new,) = [finding for finding in run([story], rules).findings if finding.message not in before]
    assert new.rule == "dates" and new.claims[0].surface == "December 27"
    assert "2 other sources give 20 December 2025" in new.message
