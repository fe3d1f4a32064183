"""The benchmark corpus generator: deterministic, its gold points at its text, and the scorer matches by span."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import score
from bench.corpus import generate, layout
from bench.gold import load
from bench.world import variants


def _files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("scenario, articles", [("archive", 20), ("story", 12)])
def test_same_seed_same_bytes_other_seed_other_text(tmp_path, scenario, articles):
    first = _files(generate(tmp_path / "a", scenario, articles, seed=7) and tmp_path / "a")
    again = _files(generate(tmp_path / "b", scenario, articles, seed=7) and tmp_path / "b")
    other = _files(generate(tmp_path / "c", scenario, articles, seed=8) and tmp_path / "c")
    assert first == again
    assert first != other
    assert sum(name.endswith((".txt", ".md")) for name in first) == articles


def test_gold_spans_are_the_planted_text(tmp_path):
    gold = generate(tmp_path, "archive", 40, seed=11)
    assert load(tmp_path) == gold
    assert len({item.rule for item in gold.counted()}) >= 3
    for item in gold.items:
        text = (tmp_path / item.source).read_text("utf-8")
        first_start, first_end = item.spans[0]
        assert text[first_start:first_end] == item.surface, item
        assert all(0 <= start < end <= len(text) for start, end in item.spans)
        if item.rule == "spelling":
            assert all(text[start:end] == item.surface != item.key for start, end in item.spans)


def test_story_manifests_name_and_date_every_story(tmp_path):
    generate(tmp_path, "archive", 25, seed=2)
    manifests = sorted(tmp_path.glob("*/story.toml"))
    assert len(manifests) == len(layout("archive", 25)) == 3
    for manifest in manifests:
        text = manifest.read_text("utf-8")
        assert text.startswith("[story]\nname = ") and "\ndate = " in text and "\ncurrency = " in text


def test_a_larger_corpus_holds_the_smaller_one(tmp_path):
    small = _files(generate(tmp_path / "s", "archive", 10, seed=5) and tmp_path / "s")
    large = _files(generate(tmp_path / "l", "archive", 30, seed=5) and tmp_path / "l")
    story = {name: data for name, data in small.items() if name.startswith("story-0001/")}
    assert story and all(large[name] == data for name, data in story.items())


def test_variants_are_other_transliterations_of_the_names_language():
    assert "Berdymuhamedov" in variants("Berdimuhamedov", "central_asian")
    assert "Tokaev" in variants("Tokayev", "central_asian")
    assert "Rahmonov" in variants("Rakhmonov", "central_asian")
    assert all(spelled != "Tokayev" for spelled in variants("Tokayev", "central_asian"))
    assert "Burita" in variants("Bourita", "arabic") and "Zhaishankar" not in variants("Jaishankar", "indian")
    assert variants("Kuno", "japanese") == [] and variants("Jianchao", "chinese") == []


def test_scorer_matches_findings_to_plants_by_rule_and_span(tmp_path):
    gold = generate(tmp_path / "corpus", "archive", 20, seed=3)
    item = gold.counted()[0]
    start, end = item.spans[0]
    cited = {"path": f"corpus/{item.source}", "start": start, "end": end}
    right = {"rule": item.rule, "claims": [cited]}
    wrong_rule = {"rule": "no-such-rule", "claims": [cited]}
    elsewhere = {"rule": item.rule, "claims": [{**cited, "start": end + 500, "end": end + 510}]}
    info = {"rule": "single_source", "claims": [cited]}
    result = score([right, wrong_rule, elsewhere, info], gold)
    total = result.total()
    assert (total.findings, total.true_findings) == (3, 1)
    assert result.rules[item.rule].found == 1
    assert total.planted == len(gold.counted()) and total.found == 1


def test_every_unplanted_figure_is_true_at_its_sources_rate():
    """What is not planted agrees: each figure's interval (read narrower than the tool reads it) holds the
    fact's true value converted at the source's own date, and each bracketed conversion holds its figure's."""
    import random

    from bench import rates
    from bench.plant import plant
    from bench.story import new_story
    from bench.writing import contains

    checked = 0
    for number in range(1, 13):
        rng = random.Random(f"9:{number}:10")
        story = new_story(f"story-{number:04d}", 10, rng)
        planted = {(p.source, tag[1]) for p in plant(story, 3, rng) for tag in p.tags + [t for _, ts in p.also for t in ts]}
        for plan in story.sources:
            for key, said in plan.said.items():
                fact = story.facts[key]
                if (plan.index, key) in planted or fact.kind in ("year", "duration"):
                    continue
                value = fact.value if fact.kind == "count" else rates.convert(fact.value, fact.unit, said.written.unit, plan.date)
                assert contains(said.written, value), (story.id, plan.index, key, said.written.text(), value)
                if said.bracket is not None:
                    main = said.written
                    assert contains(said.bracket, rates.convert(float(main.value), main.unit, said.bracket.unit, plan.date))
                checked += 1
    assert checked > 300
