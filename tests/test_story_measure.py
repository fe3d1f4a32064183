"""The measure a story is about, for its figures no cue names (factcheck/keys/story_measure.py)."""

from __future__ import annotations

from pathlib import Path

from factcheck.config import load_rules
from factcheck.pipeline import run
from tests.paths import RULES

_SOURCES = {
    "a.txt": "Bassirou Diomaye Faye won 54.28% of the vote. Amadou Ba won 35.79% of the vote.\n",
    "b.txt": "Bassirou Diomaye Faye took 54.3% of the vote.\n",
    "c.txt": "Amadou Ba got 35.8% of the vote.\n",
    "d.txt": "The final tally came in late. Bassirou Diomaye Faye stood on 54.28%, while Amadou Ba trailed on 31.2%.\n",
}


def _story(folder: Path, sources: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    (folder / "story.toml").write_text('[story]\nname = "t"\ndate = 2024-03-25\n', encoding="utf-8")
    for name, text in sources.items():
        front = f'+++\ntitle = "Senegal votes"\nlanguage = "en"\npublished = 2024-03-25\n+++\n'
        (folder / name.replace(".txt", ".md")).write_text(front + text, encoding="utf-8")
    return folder


def _bare(report):
    return next(claim for claim in report.claims if claim.surface == "31.2%")


def test_a_bare_share_beside_a_candidate_takes_the_story_measure_as_a_guess(tmp_path):
    report = run([_story(tmp_path / "s", _SOURCES)], load_rules(RULES))
    measure = _bare(report).keys.measure
    assert measure.value == "vote_share" and measure.confidence < 0.8
    assert "Amadou Ba" in _bare(report).keys.subject.label
    # A guessed measure never joins facts across languages by its keys alone (align/keyed.py), so the figure is
    # compared only where its words tie it to others: it takes a label an editor can read, not a new alarm.
    [fact] = [fact for fact in report.facts if _bare(report).id in fact.claims]
    assert fact.label.startswith("Share of the vote — Amadou Ba")


def test_a_story_that_few_sources_give_the_measure_for_is_not_about_it(tmp_path):
    sources = {name: text for name, text in _SOURCES.items() if name in ("a.txt", "d.txt")}
    report = run([_story(tmp_path / "s", sources)], load_rules(RULES))
    assert _bare(report).keys.measure.value is None


def test_a_bare_figure_with_no_candidate_in_its_clause_keeps_no_measure(tmp_path):
    sources = _SOURCES | {"d.txt": "The final tally came in late, and the count stood on 31.2%.\n"}
    report = run([_story(tmp_path / "s", sources)], load_rules(RULES))
    assert _bare(report).keys.measure.value is None
