"""The keys of a claim: measure, scope and as-of from data-driven cases per language (tests/cases/keys/),
and properties of the cue rule that every language shares."""

from __future__ import annotations

import datetime as dt
import re
import time
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.config import load_rules
from factcheck.keys import age
from factcheck.keys.as_of import as_of_key
from factcheck.keys.measure import governing_measure, measure_key
from factcheck.keys.nearest import governing
from factcheck.keys.scope import scope_key
from factcheck.keys.subject import Placed
from factcheck.keys.vocabulary import CueIndex, MeasureRule, outside_names
from factcheck.manifest import moment
from factcheck.models import Claim, ClaimKind, Context, Interval, Quantity, Source, Span, Story
from factcheck.scripts import native_script, primary, script_of, writing

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases" / "keys"
VOCABULARY = load_rules().vocabulary
STORY = Story(id="story", name="Test", reference_date=dt.date(2025, 12, 20))
SENTENCE_START = 100


def _cases(name: str) -> list[dict]:
    return tomllib.loads((CASES / name).read_text(encoding="utf-8"))["case"]


def _span(start: int, text: str) -> Span:
    return Span(start=start, end=start + len(text), text=text, line=1, column=start + 1)


def _claim(case: dict, surface: str) -> Claim:
    sentence = case["sentence"]
    start = SENTENCE_START + sentence.index(surface)
    unit = case.get("unit", "count")
    quantity = Quantity(value=Decimal(1), unit=unit, interval=Interval(low=Decimal(1), high=Decimal(1)))
    return Claim(
        id=f"a@{start}",
        source="a",
        kind=ClaimKind(case.get("kind", "count")),
        span=_span(start, surface),
        stated=quantity,
        context=Context(sentence=_span(SENTENCE_START, sentence), paragraph=0, years=tuple(case.get("years", []))),
    )


def _others(case: dict) -> list[tuple[int, int]]:
    sentence = case["sentence"]
    return [(sentence.index(other), sentence.index(other) + len(other)) for other in case.get("others", [])]


def _changes(case: dict) -> tuple[tuple[int, int], ...]:
    """The spans of the sentence's other figures that are percentages (`changes`), which a level may follow."""
    sentence = case["sentence"]
    return tuple((sentence.index(other), sentence.index(other) + len(other)) for other in case.get("changes", []))


@pytest.mark.parametrize("case", _cases("measures.toml"), ids=lambda case: case["name"])
def test_measure_case(case):
    claim = _claim(case, case["figure"])
    hits = outside_names(
        case["sentence"], VOCABULARY.measure_cues.find(case["sentence"], case["language"]), case["language"],
        VOCABULARY.event_measures,
    )
    found = measure_key(claim, hits, _others(case), VOCABULARY, _changes(case))
    assert (found.value or "") == case["measure"], found
    if found.value:
        assert found.words and all(word in case["sentence"] for word in found.words)
        assert case.get("max_confidence", 1.0) >= found.confidence >= 0.6 and found.rule


@pytest.mark.parametrize("case", _cases("scopes.toml"), ids=lambda case: case["name"])
def test_scope_case(case):
    claim = _claim(case, case["figure"])
    hits = VOCABULARY.scope_cues.find(case["sentence"], case["language"])
    measure_hits = outside_names(
        case["sentence"], VOCABULARY.measure_cues.find(case["sentence"], case["language"]), case["language"]
    )
    verbs = VOCABULARY.sentence_scope_cues.find(case["sentence"], case["language"])
    cue = governing_measure(claim, measure_hits, _others(case), VOCABULARY, _changes(case))
    found = scope_key(claim, hits, _others(case), VOCABULARY, cue.hit if cue else None, verbs)
    assert (found.value or "") == case["scope"], found


@pytest.mark.parametrize("case", _cases("as_of.toml"), ids=lambda case: case["name"])
def test_as_of_case(case):
    published = case.get("published")
    source = Source(
        id="a", story="story", path="a.md", title="A", language=case["language"],
        published=dt.date.fromisoformat(published[:10]) if published else None,
        published_at=moment(published) if published else None,
    )
    found = as_of_key(_claim(case, case["figure"]), source, STORY)
    assert found.value == case["as_of"], found
    assert case["rule"] in found.rule


@pytest.mark.parametrize("case", _cases("ages.toml"), ids=lambda case: case["name"])
def test_age_case(case):
    sentence = case["sentence"]
    figure = _claim(case, case["figure"])
    value = Decimal(re.search(r"\d+", case["figure"]).group())
    quantity = figure.stated.model_copy(update={"value": value, "interval": Interval(low=value, high=value)})
    context = figure.context.model_copy(update={"noun": case.get("noun")})
    claim = figure.model_copy(update={"stated": quantity, "context": context, "qualifier": case.get("qualifier"),
                                      "role": case.get("role")})
    names = [_person(SENTENCE_START + sentence.index(name), name) for name in case["names"]]
    found = age.person_of(claim, names)
    assert (found.text if found else "") == case["person"]


def _person(start: int, name: str, entity: str = "") -> Placed:
    return Placed(start, start + len(name), entity or name, "other", name)


def test_an_age_reads_as_its_whole_years_whatever_its_form():
    claim = _claim({"sentence": "Nemo, de 25 años, ganó.", "kind": "duration", "unit": "year"}, "25 años")
    years = Decimal(25)
    claim = claim.model_copy(update={"stated": Quantity(value=years, unit="year", interval=Interval(low=Decimal("24.5"), high=Decimal("25.5")))})
    assert age.in_years(claim).interval == Interval(low=years, high=years)


def test_every_measure_has_cues_in_the_main_languages_of_news():
    for rule in VOCABULARY.measures.values():
        if rule.subject == "person":
            continue  # an age: the shapes of factcheck/keys/age.py decide it, not words
        assert {"en", "fr", "es", "ru", "zh", "ja"} <= set(rule.cues), rule.id


def test_primary_subtags():
    assert [primary(tag) for tag in ("zh-Hant", "pt_BR", "EN", "")] == ["zh", "pt", "en", "en"]


def test_scripts_from_cldr():
    assert native_script("ru") == "Cyrl" and native_script("zh-Hant") == "Hani" and native_script("ko") == "Kore"
    assert script_of("Москва") == "Cyrl" and script_of("東京") == "Hani" and script_of("—") is None
    # A name in its source's own script is that language's form; Latin letters in Korean copy are the English form.
    assert writing("Japón", "es") == "es" and writing("Activision Blizard", "ko") == "en"
    assert writing("Moscow", "en") == "en" and writing("Москва", "en") == "borrowed:Cyrl"
    # A tag that states its script is written in it: Serbian in Latin letters writes its own forms.
    assert native_script("sr") == "Cyrl" and native_script("sr-Latn") == "Latn" and writing("Malmeu", "sr-Latn") == "sr"


_WORDS = st.lists(st.sampled_from(["killed", "37", "and", ",", "injured", "dead", "死亡", "人", " ", "the", "toll"]), max_size=40)


@settings(max_examples=200, deadline=None)
@given(_WORDS, st.integers(min_value=0, max_value=40))
def test_the_governing_cue_is_one_of_the_hits_and_never_inside_another_figure(words, cut):
    text = " ".join(words)
    hits = VOCABULARY.measure_cues.find(text, "en") + VOCABULARY.measure_cues.find(text, "zh")
    digits = [i for i, word in enumerate(words) if word == "37"]
    figure_start = len(" ".join(words[: digits[0]])) + (1 if digits[0] else 0) if digits else min(cut, len(text))
    figure = (figure_start, figure_start + (2 if digits else 0))
    found = governing(text, figure, [], hits)
    assert found is None or found.hit in hits
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text


def test_cue_search_takes_linear_time_on_repeated_input():
    def seconds(size: int) -> float:
        text = "pledged kaybettiğini погибших 死亡 toll " * size
        started = time.process_time()
        for language in ("en", "tr", "ru", "zh"):
            VOCABULARY.measure_cues.find(text, language)
            VOCABULARY.scope_cues.find(text, language)
        return time.process_time() - started

    seconds(10)  # index once
    small, large = seconds(1_000), seconds(8_000)
    assert large < 20 * max(small, 1e-3)


def test_a_stem_cue_takes_any_ending_and_a_word_cue_only_itself():
    rule = MeasureRule(id="deaths", label="Deaths", kinds=["count"], cues={"ru": ["погиб*"], "en": ["dead", "death toll"], "zh": ["死亡"]})
    cues = CueIndex([rule])
    assert [hit.text for hit in cues.find("Число погибших выросло", "ru")] == ["погибших"]
    assert cues.find("the deadline passed", "en") == []
    assert [hit.text for hit in cues.find("The Death  Toll rose", "en")] == ["Death  Toll"]
    assert [(hit.start, hit.text) for hit in cues.find("造成912人死亡", "zh")] == [(6, "死亡")]


_WORD = st.text(alphabet="abcdefghij", min_size=1, max_size=8)


@given(before=st.lists(_WORD, max_size=4), after=st.lists(_WORD, max_size=4), years=st.integers(1, 120))
@settings(max_examples=200, deadline=None)
def test_an_age_set_off_by_commas_is_the_persons_whatever_the_words_around(before, after, years):
    sentence = " ".join([*before, "Ada Lovelace,", f"{years},", *after]) + "."
    case = {"sentence": sentence}
    claim = _claim(case, f"{years},")
    start = claim.span.start
    value = Decimal(years)
    claim = claim.model_copy(update={
        "span": _span(start, str(years)), "stated": Quantity(value=value, unit="count", interval=Interval(low=value, high=value))
    })
    at = sentence.index("Ada Lovelace")
    found = age.person_of(claim, [_person(SENTENCE_START + at, "Ada Lovelace", "ada")])
    assert found is not None and found.entity == "ada"


@given(gap=_WORD, years=st.integers(1, 120))
@settings(max_examples=200, deadline=None)
def test_a_figure_after_a_name_with_a_word_between_is_no_age(gap, years):
    sentence = f"Ada Lovelace {gap} {years}, then more."
    claim = _claim({"sentence": sentence}, f"{years},")
    value = Decimal(years)
    claim = claim.model_copy(update={
        "span": _span(claim.span.start, str(years)), "stated": Quantity(value=value, unit="count", interval=Interval(low=value, high=value))
    })
    found = age.person_of(claim, [_person(SENTENCE_START, "Ada Lovelace", "ada")])
    assert found is None or gap == "aged"


def _dated(case: dict, surface: str, day: int) -> Claim:
    claim = _claim({**case, "kind": "date", "unit": "date"}, surface)
    value = Decimal(day)
    return claim.model_copy(update={"stated": Quantity(value=value, unit="date", interval=Interval(low=value, high=value))})


@pytest.mark.parametrize(
    "sentence, day, surface, expected",
    [
        ("Ngày 3/12, núi lửa Marapi đã phun trào khiến cho 13 người thiệt mạng.", "3/12", "13", "2023-12-03"),
        ("On Sunday, the eruption killed 11 climbers.", "Sunday", "11", "2023-12-03"),
        ("The eruption on 3 December killed 11 climbers.", "3 December", "11", None),  # no opening day: the event's
        ("Rescuers said on 3 December that 11 climbers had died.", "3 December", "11", None),
    ],
)
def test_a_day_that_opens_its_sentence_dates_its_figures(sentence, day, surface, expected):
    from factcheck.keys.as_of import opening_day

    case = {"sentence": sentence, "language": "vi"}
    claims = [_dated(case, day, 20231203), _claim(case, surface)]
    source = Source(id="a", story="story", path="a.md", title="A", language="vi", published=dt.date(2023, 12, 6))
    found = opening_day(claims, source)
    assert (found.value if found else None) == expected
    later = Source(id="a", story="story", path="a.md", title="A", language="vi", published=dt.date(2023, 12, 3))
    assert opening_day(claims, later) is None  # the day of publication itself adds nothing


_QUARTER_FORMS = {  # a language, and how its news writes quarter n of year y (y None: no year written)
    "en": lambda n, y: f"Q{n} {y}" if y else ("first", "second", "third", "fourth")[n - 1] + " quarter",
    "fr": lambda n, y: f"{n}e trimestre" + (f" {y}" if y else ""),
    "es": lambda n, y: ("primer", "segundo", "tercer", "cuarto")[n - 1] + " trimestre" + (f" de {y}" if y else ""),
    "de": lambda n, y: ("ersten", "zweiten", "dritten", "vierten")[n - 1] + " Quartal" + (f" {y}" if y else ""),
    "ru": lambda n, y: f"{n}-м квартале" + (f" {y} года" if y else ""),
    "ja": lambda n, y: (f"{y}年" if y else "") + f"第{n}四半期",
    "zh": lambda n, y: (f"{y}年" if y else "") + "第" + "一二三四"[n - 1] + "季度",
    "ko": lambda n, y: (f"{y}년 " if y else "") + f"{n}분기",
}


@settings(max_examples=200, deadline=None)
@given(
    language=st.sampled_from(sorted(_QUARTER_FORMS)),
    number=st.integers(1, 4),
    year=st.one_of(st.none(), st.integers(1990, 2039)),
    before=st.text(alphabet="abcdefgh ", max_size=20),
    after=st.text(alphabet="abcdefgh ", max_size=20),
)
def test_a_quarter_is_found_with_its_number_year_and_exact_span(language, number, year, before, after):
    from factcheck.keys.quarters import quarters_in

    written = _QUARTER_FORMS[language](number, year)
    text = f"{before} {written}. {after}"
    found = quarters_in(text, language)
    assert len(found) == 1, (text, found)
    quarter = found[0]
    assert (quarter.number, quarter.year) == (number, year)
    assert text[quarter.start : quarter.end] == quarter.text
    assert quarter.text.endswith(written[-3:])  # the match runs to the end of what was written


@given(published=st.dates(dt.date(1990, 1, 1), dt.date(2039, 12, 31)), number=st.integers(1, 4))
def test_a_quarter_without_a_year_is_the_one_ending_nearest_the_publication(published, number):
    from factcheck.keys.quarters import Quarter, end_of

    year, _ = Quarter(number, None, 0, 1, "Q").of(published)
    nearest = min(abs((end_of(y, number) - published).days) for y in range(published.year - 2, published.year + 3))
    assert abs((end_of(year, number) - published).days) == nearest


def test_the_quarter_pattern_takes_linear_time_on_repeated_input():
    from factcheck.keys import quarters

    for language in ("en", "ru", "zh"):
        timings = []
        for size in (2_000, 16_000):
            text = ("4th quarter of " * size)[:size] + ("Q" * size)
            quarters.quarters_in.cache_clear()
            start = time.process_time()
            quarters.quarters_in(text, language)
            timings.append(time.process_time() - start)
        assert timings[1] < timings[0] * 20 + 0.25, (language, timings)
