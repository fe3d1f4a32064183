"""Sentence boundaries in every script the news is written in (factcheck/extract/sentences.py)."""

from __future__ import annotations

import pytest

from factcheck.extract.sentences import segment


def _sentences(text: str) -> list[str]:
    found = segment(text)
    return [text[start:end] for start, end in zip(found.starts, found.ends)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said. The U.S. team won 40. Mr. Smith agreed.", ["He said.", "The U.S. team won 40.", "Mr. Smith agreed."]),
        ("У Китая 39 золотых. На втором месте США (38).", ["У Китая 39 золотых.", "На втором месте США (38)."]),
        ("Il a dit. À Paris, 5 morts.", ["Il a dit.", "À Paris, 5 morts."]),
        ("Ο σεισμός έπληξε. Η Τουρκία μετρά 50.", ["Ο σεισμός έπληξε.", "Η Τουρκία μετρά 50."]),
        ("قال ذلك. وقتل 5 أشخاص.", ["قال ذلك.", "وقتل 5 أشخاص."]),
        ("中国获得40枚金牌。美国获得40枚金牌。", ["中国获得40枚金牌。", "美国获得40枚金牌。"]),
        ("死者は57人。「まだ増える」と述べた。", ["死者は57人。", "「まだ増える」と述べた。"]),
        ("¿Cuántos murieron? ¡Más de 200!", ["¿Cuántos murieron?", "¡Más de 200!"]),
        ("a total of 3.5 million people", ["a total of 3.5 million people"]),
        ("It rose. and then fell.", ["It rose. and then fell."]),
    ],
)
def test_a_full_stop_ends_a_sentence_before_a_capital_or_a_caseless_letter_of_any_script(text, expected):
    assert _sentences(text) == expected
