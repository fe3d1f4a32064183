from factcheck.config import load_rules
from factcheck.models import ClaimKind
from factcheck.pipeline import run
from tests.paths import RULES, SEEDS


def test_every_claim_span_indexes_its_original_file(seeds_report):
    texts = {source.id: (SEEDS.parent / source.path).read_text(encoding="utf-8") for source in seeds_report.sources}
    for claim in seeds_report.claims:
        assert texts[claim.source][claim.span.start : claim.span.end] == claim.surface


def test_every_claim_belongs_to_exactly_one_fact(seeds_report):
    grouped = [claim_id for fact in seeds_report.facts for claim_id in fact.claims]
    assert sorted(grouped) == sorted(claim.id for claim in seeds_report.claims)


def test_findings_cite_claims_or_name_mentions_at_their_exact_spans(seeds_report):
    claim_ids = {claim.id for claim in seeds_report.claims}
    mention_ids = {
        f"{mention.source}@{mention.span.start}"
        for entity in seeds_report.entities
        for spelling in entity.spellings
        for mention in spelling.mentions
    }
    texts = {source.id: source.text for source in seeds_report.sources}
    for finding in seeds_report.findings:
        assert finding.claims
        for cited in finding.claims:
            assert cited.claim in claim_ids | mention_ids
            assert texts[cited.source][cited.start : cited.end] == cited.surface


def test_the_yen_target_is_read_with_its_qualifier(seeds_report):
    first = [c for c in seeds_report.claims if c.source == "seeds/000_2a72b3ee8e917de2"]
    yen = first[0]
    assert (yen.surface, yen.kind, yen.stated.unit, yen.qualifier) == ("3 trillion yen", ClaimKind.MONEY, "JPY", "about")
    assert first[1].restates == yen.id  # "(more than $19 billion)"


def test_same_input_same_report():
    rules = load_rules(RULES)
    assert run([SEEDS], rules).model_dump_json() == run([SEEDS], rules).model_dump_json()


def test_a_disabled_check_reports_nothing(tmp_path):
    (tmp_path / "checks.toml").write_text("[checks.single_source]\nenabled = false\n")
    report = run([SEEDS], load_rules(tmp_path))
    assert not [f for f in report.findings if f.rule == "single_source"]


def test_claims_only_stops_after_the_keys_with_the_same_claims(seeds_report):
    # `factcheck claims` prints the claims and their keys: alignment and the checks are work it throws away.
    only = run([SEEDS], load_rules(RULES), claims_only=True)
    assert only.claims == seeds_report.claims
    assert only.entities == seeds_report.entities
    assert only.facts == () and only.findings == ()
    assert seeds_report.facts and seeds_report.findings


def _weekday_findings(tmp_path, language: str, text: str) -> list[str]:
    story = tmp_path / "story"
    story.mkdir(parents=True)
    front = f'+++\ntitle = "A"\nlanguage = "{language}"\npublished = 2024-03-27\n+++\n'
    (story / "a.md").write_text(front + text + "\n", encoding="utf-8")
    report = run([story], load_rules())
    return [finding.message for finding in report.findings if finding.rule == "weekday"]


def test_a_weekday_beside_an_extracted_date_is_checked(tmp_path):
    # Every date claim carries a note of its ISO day: the check must look past it (it once skipped them all).
    found = _weekday_findings(tmp_path, "en", "The bridge collapsed on Tuesday, March 27, 2024, after the ship hit it.")
    assert found and "which was a Wednesday" in found[0]


def test_a_weekday_word_beside_another_is_no_date(tmp_path):
    assert _weekday_findings(tmp_path, "ar", "وقع الزلزال ليل الجمعة السبت، بقوة 7 درجات.") == []


def test_a_date_whose_year_was_assumed_is_checked_only_near_its_publication(tmp_path):
    # Published 27 March 2024: 27 March is 2024's (a Wednesday); 27 November may be another year's.
    near = _weekday_findings(tmp_path / "near", "en", "The bridge collapsed on Tuesday, March 27, after the ship hit it.")
    assert near and "which was a Wednesday" in near[0]
    assert _weekday_findings(tmp_path / "far", "en", "The bridge will reopen on Tuesday, November 27, officials said.") == []


def test_a_bracketed_date_after_its_weekday_is_checked(tmp_path):
    found = _weekday_findings(tmp_path, "id", "Jembatan itu runtuh pada Selasa (27/3) dini hari.")
    assert found and "which was a Wednesday" in found[0]
