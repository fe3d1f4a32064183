"""Titles next to names: data-driven cases (tests/cases/titles/*.toml) and properties of the reader."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.config import load_rules
from factcheck.normalize.titles import read_titles, same_person_key
from tests.extract_cases import document

CASES_DIR = Path(__file__).parent / "cases" / "titles"
OFFICES = load_rules().office_vocabulary


def _cases():
    for path in sorted(CASES_DIR.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


def _read(text: str, language: str = "en"):
    return read_titles([document(text, language)], OFFICES)


@pytest.mark.parametrize("case", list(_cases()))
def test_titles_case(case):
    found = [
        {"span": t.span.text, "offices": sorted(t.offices), "status": t.status, "family": t.family}
        for t in _read(case["text"], case.get("language", "en"))
    ]
    assert found == case["expect"]


def test_one_name_in_three_scripts_is_one_person():
    assert same_person_key("hagari", "khagari")  # Хагари
    assert same_person_key("vijayan", "bijayan")  # 비자얀
    assert not same_person_key("khan", "kahn")  # four letters must match exactly
    assert not same_person_key("sheinbaum", "salgado")


_FILLER = st.text(alphabet=st.sampled_from("abc XYZ,.;-'\n\u00a0éЖ한モ1"), max_size=60)
_TITLES = st.sampled_from(["Prime Minister", "Rear Adm.", "former Governor", "Deputy Mayor", "President-elect"])


@settings(max_examples=200, deadline=None)
@given(before=_FILLER, after=_FILLER, title=_TITLES)
def test_a_title_and_its_name_are_read_in_any_surroundings(before, after, title):
    text = f"{before}\n{title} Alda Quenby said {after}"
    titles = _read(text)
    assert any(t.family == "quenby" and t.span.text.endswith("Alda Quenby") for t in titles)
    for t in titles:  # every span points at its text in the original
        assert text[t.span.start : t.span.end] == t.span.text


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), language=st.sampled_from(["en", "es", "de", "ru", "ko", "ja", "tr"]))
def test_any_text_reads_without_error_and_spans_index_it(text, language):
    for t in _read(text, language):
        assert text[t.span.start : t.span.end] == t.span.text
        assert t.offices and len(t.family) >= 3
