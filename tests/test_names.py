"""Names resolved to entities: data-driven cases (tests/cases/names/*.toml), and the sample corpus.

A case gives the texts of one story and, optionally, its authority list; it
says which spellings must be one entity (`same`), which must not (`different`),
the name the entity of a spelling must carry (`preferred`), the form a spelling
is recorded with (`forms`), demonyms and the entity they refer to
(`demonyms`), and words that must not be taken for names (`absent`).
"""

from __future__ import annotations

import random
import time
import tomllib
from pathlib import Path

import pytest

from factcheck.models import ClaimKind, Entity
from factcheck.normalize.clusters import cluster
from factcheck.normalize.authority import Authority
from factcheck.normalize.names import EntityRule, resolve_names
from factcheck.pipeline import run
from factcheck.config import load_rules
from factcheck.sources import load
from tests.paths import RULES, SEEDS

CASES_DIR = Path(__file__).parent / "cases" / "names"


def _cases():
    for path in sorted(CASES_DIR.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


def _entities(tmp_path: Path, case: dict) -> list[Entity]:
    for number, text in enumerate(case["documents"]):
        (tmp_path / f"{number}.txt").write_text(text + "\n", encoding="utf-8")
    [story] = load([tmp_path], None, max_file_bytes=10**6, max_total_bytes=10**7).stories
    rules = [EntityRule(**entity) for entity in case.get("entity", [])]
    return resolve_names(story.documents, [], rules).entities


def _holding(entities: list[Entity], text: str) -> Entity:
    found = [e for e in entities if any(s.text == text for s in e.spellings)]
    assert len(found) == 1, f"{text!r} is a spelling of {[e.name for e in found]}"
    return found[0]


@pytest.mark.parametrize("case", list(_cases()))
def test_names_case(tmp_path, case):
    entities = _entities(tmp_path, case)
    for group in case.get("same", []):
        assert len({_holding(entities, text).id for text in group}) == 1, group
    for a, b in case.get("different", []):
        assert _holding(entities, a).id != _holding(entities, b).id, (a, b)
    for text, name in case.get("preferred", {}).items():
        assert _holding(entities, text).name == name
    for text, form in case.get("forms", {}).items():
        assert next(s.form for s in _holding(entities, text).spellings if s.text == text) == form, text
    for demonym, name in case.get("demonyms", {}).items():
        [entity] = [e for e in entities if any(d.text == demonym for d in e.demonyms)]
        assert entity.name == name and all(s.text != demonym for s in entity.spellings)
    written = {s.text for e in entities for s in e.spellings}
    assert not written & set(case.get("absent", [])), written


def test_every_mention_points_at_its_text_in_the_original_file(seeds_report):
    texts = {source.id: source.text for source in seeds_report.sources}
    for entity in seeds_report.entities:
        for spelling in entity.spellings + entity.demonyms:
            assert spelling.count == len(spelling.mentions)
            assert spelling.sources == tuple(sorted({m.source for m in spelling.mentions}))
            for mention in spelling.mentions:
                assert texts[mention.source][mention.span.start : mention.span.end] == mention.span.text


def _entity(report, name: str) -> Entity:
    return next(e for e in report.entities if e.name == name)


def test_the_sample_corpus_spells_berdimuhamedov_two_ways_and_sojitz_two_ways(seeds_report):
    president = _entity(seeds_report, "Serdar Berdimuhamedov")
    forms = {s.text: s.form for s in president.spellings}
    assert forms["Serdar Berdimuhamedov"] == "preferred" and forms["Serdar Berdymuhamedov"] == "variant"
    assert {s.text for s in _entity(seeds_report, "Sojitz").spellings} == {"Sojitz", "Sojits"}
    kazakhstan = _entity(seeds_report, "Kazakhstan")
    assert [d.text for d in kazakhstan.demonyms] == ["Kazakh"] and kazakhstan.authority


def test_claims_carry_the_entities_of_their_sentence_nearest_first(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Kazakh President Tokayev said that Japan invested $8.5 billion in Kazakhstan.\n\n"
        "Mirziyoyev spoke next. He noted that $12 billion had been assembled.\n",
        encoding="utf-8",
    )
    report = run([tmp_path], load_rules(RULES))
    first, second = [c for c in report.claims if c.kind is ClaimKind.MONEY]
    assert first.context.entities == ("kazakhstan", "japan", "kassym-jomart-tokayev")
    assert second.context.entities == () and second.context.paragraph_entities == ("shavkat-mirziyoyev",)


def test_clustering_stays_near_linear():
    # 6,000 distinct names sharing few first letters: blocking and the length window keep the pairs compared
    # far below the 18 million of all pairs.
    generator = random.Random(7)
    names = sorted({f"{generator.choice('ABC')}{''.join(generator.choices('aeioukmnrst', k=generator.randint(4, 11)))}" for _ in range(6000)})
    start = time.perf_counter()
    assigned = cluster(names, Authority([]))
    elapsed = time.perf_counter() - start
    assert len(assigned) == len(names)
    assert elapsed < 10, f"{len(names)} names took {elapsed:.1f} s"


def test_a_latin_name_written_against_chinese_text_is_a_word_of_its_own():
    from factcheck.normalize.folding import tokens

    assert [t.text for t in tokens("VMware股價上揚3.17%")] == ["VMware", "股價上揚", "3.17"]
    assert [t.text for t in tokens("博通(Broadcom)收购VMware")] == ["博通", "Broadcom", "收购", "VMware"]
    assert [t.text for t in tokens("トヨタ自動車")] == ["トヨタ自動車"]
