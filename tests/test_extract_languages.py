"""Extraction in other languages: properties on any text (never raises, spans exact, linear time) built
from the pieces of the new patterns, and the qualifier lookup that extract() does not call yet."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract
from factcheck.extract.numbers import find_numbers
from tests.extract_cases import document

_LANGUAGES = st.sampled_from(["ru", "fr", "es", "de", "it", "pt", "nl", "pl", "tr", "ja", "zh", "zh-Hant", "ar", "ko"])
# Pieces of the per-language patterns: separators, magnitude words, thousand words, CJK magnitudes and
# numeral characters, currency words and signs, month names, date characters, qualifiers before and after.
_PIECES = st.sampled_from(
    [
        "0", "1", "4", "19", "2023", "418", ",", ".", " ", "\u00a0", "\u202f", "-", "'", "’", "(", "$", "€", "₽",
        "R$", "US$", "¥", "млн", "млрд", "тыс.", "миллиарда", "долларов", "иен", "евро", "mil", "mil millones",
        "millones", "de", "d’", "dólares", "milliards", "Md€", "Mrd", "Mio.", "Millionen", "Euro", "mila", "milhões",
        "bin", "milyon", "binden", "fazla", "dolar", "万", "億", "亿", "兆", "万亿", "千", "三", "十", "零", "两",
        "第", "円", "ドル", "美元", "港元", "元新台幣", "人", "个", "席位", "多", "超", "以上", "余り", "約", "约",
        "年", "月", "日", "марта", "года", "г.", "февраля", "феврале", "février", "1er", "febrero", "Februar",
        "Şubat", "Stadyumu", "более", "около", "plus de", "más de", "mindestens", "yaklaşık", "مليون", "دولار",
        "نحو", "COVID-19", "G20", "BİN", "MİLYON", "İ", "MLRD", "huit", "quatre-vingt", "vingt-deux", "seis", "fünf",
        "Drittel", "ventitré", "zes", "mil", "miles", "cent", "personnes", "Otto", "Grad", "grados", "hectáreas",
        "гектаров", "st. C", "tahun", "años", "Jahren", "лет", "dias",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, language=_LANGUAGES)
def test_extraction_never_raises_and_spans_are_exact(text, language, rules):
    claims = extract(document(text, language), rules.qualifier_table, reference=None)
    previous_end = 0
    for claim in claims:
        span = claim.span
        assert text[span.start : span.end] == span.text == claim.surface
        assert span.start >= previous_end, "claims overlap or are out of order"
        previous_end = span.end
        assert claim.stated.interval.low <= claim.stated.interval.high


@settings(max_examples=200, deadline=None)
@given(text=_TEXTS, language=_LANGUAGES)
def test_numbers_lie_inside_the_text_in_order(text, language):
    previous_end = 0
    for number in find_numbers(text, language):
        assert previous_end <= number.start < number.end <= len(text)
        previous_end = number.end


@pytest.mark.parametrize(
    "language, piece",
    [("ru", "1 234,5 млрд долларов "), ("es", "3 mil 418 "), ("tr", "bin 710 "), ("ja", "1万2000人超"),
     ("zh", "约950亿港元,"), ("zh", "三千零五十"), ("fr", "14 février 2023 "), ("ja", "2023年2月6日"),
     ("de", "41 Mrd. $ "), ("ru", "более "), ("zh", "万亿"), ("ja", "1億"), ("es", "de febrero de 2023 "),
     ("fr", "huit personnes "), ("fr", "quatre-vingt-dix "), ("de", "51,8 Grad Celsius "), ("es", "3.400 hectáreas ")],
)  # fmt: skip
def test_repeated_input_takes_linear_time(language, piece, rules):
    """The same piece repeated 10 and 40 times as often costs about 4 times as much, not 16."""

    def cost(times: int) -> float:
        doc = document(piece * times, language)
        best = float("inf")
        for _ in range(3):  # the best of three: a shared machine's pauses are not the code's
            started = time.process_time()
            extract(doc, rules.qualifier_table, reference=None)
            best = min(best, time.process_time() - started)
        return best

    small, large = cost(200), cost(800)
    assert large < max(small, 0.05) * 8, f"{piece!r}: {small:.3f}s for 200, {large:.3f}s for 800"


@pytest.mark.parametrize(
    "text, figure, word",
    [
        ("損失は約950億港元に", "950億港元", "約"),
        ("死者は380人超に", "380人", "超"),
        ("死者は1万2000人超に", "1万2000人", "超"),
        ("2300人以上が避難", "2300人", "以上"),
        ("100人余りが", "100人", "余り"),
        ("共有5000多人参加", "5000多人", "多"),
        ("已有近5万人", "5万人", "近"),
        ("超过3000人", "3000人", "超过"),
        ("10 binden fazla bina", "10 binden", "fazla"),
        ("погибли более 5 тыс. человек", "5 тыс", "более"),
        ("about 20 people", "20 people", "about"),
        ("in 20 days", "20 days", None),
    ],
)
def test_qualifier_before_inside_or_after(text, figure, word, rules):
    table = rules.qualifier_table
    start = text.index(figure)
    found, _ = table.find(text, start, start + len(figure))
    assert found == word
    if word is not None:
        assert table.kind(word) is not None


def test_after_words_are_not_read_before_a_figure(rules):
    """`以上` and `fazla` follow a figure: extract()'s before-pattern must not see them."""
    table = rules.qualifier_table
    assert "以上" in table.after_words and "以上" not in table.words
    assert "fazla" in table.after_words and "fazla" not in table.words
