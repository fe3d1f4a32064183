"""Times restated in another zone (extract/clock.py) and the check of their difference (checks/time_zones.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.checks.time_zones import local_zone
from factcheck.config import load_rules
from factcheck.extract.clock import LOCAL, zone_pairs
from factcheck.pipeline import run

# (text, (first, second) as written, (minutes, minutes), (zone, zone)) for each pair; None for no pair.
PAIRS = [
    ("L'avion a décollé à 10h33 (5h33, heure française).", ("10h33", "5h33, heure française"), (633, 333), (LOCAL, "Europe/Paris")),
    ("Der Zug prallte gegen 19 Uhr Ortszeit (15 Uhr MESZ) auf.", ("19 Uhr Ortszeit", "15 Uhr MESZ"), (1140, 900), (LOCAL, 120)),
    ("It landed at 17:47 local time (08:47 GMT).", ("17:47 local time", "08:47 GMT"), (1067, 527), (LOCAL, 0)),
    ("It struck at 8.15 p.m. (17.15 GMT).", ("8.15 p.m.", "17.15 GMT"), (1215, 1035), (LOCAL, 0)),
    ("Il était 20h15 heure de Moscou (17h15 GMT).", ("20h15 heure de Moscou", "17h15 GMT"), (1215, 1035), ("Europe/Moscow", 0)),
    ("pukul 19.15 GMT (02.15 WIB)", ("19.15 GMT", "02.15 WIB"), (1155, 135), (0, "Asia/Jakarta")),
    ("The magnitude was 6.3 (7.1 by USGS).", None, None, None),  # no zone: no time
    ("The index rose 2.5 (3.1 GMT).", ("2.5", "3.1 GMT"), None, None),  # decimals read as times need minutes of two digits
    ("It was 10:33 (10:33 local time).", None, None, None),  # the same zone twice restates nothing
    ("Il a atterri à 20h15 (heure locale).", None, None, None),  # a bracketed zone with no time
]


@pytest.mark.parametrize("text, written, minutes, zones", PAIRS, ids=[row[0][:40] for row in PAIRS])
def test_zone_pairs(text, written, minutes, zones):
    found = zone_pairs(text)
    if written is None or minutes is None:
        assert found == [], found
        return
    assert len(found) == 1, found
    pair = found[0]
    assert (text[slice(*pair.first)], text[slice(*pair.second)]) == written
    assert pair.minutes == minutes and pair.zones == zones


@given(st.text(alphabet="0123456789:.h() GMTUhrlocaptime,", max_size=80))
def test_zone_pairs_spans_lie_in_the_text(text):
    for pair in zone_pairs(text):
        for start, end in (pair.first, pair.second):
            assert 0 <= start < end <= len(text)
        assert all(0 <= minutes < 24 * 60 for minutes in pair.minutes)


def test_local_zone_is_the_one_zone_of_the_one_country_of_the_currency():
    assert local_zone("NPR") == "Asia/Kathmandu" and local_zone("JPY") == "Asia/Tokyo"
    assert local_zone("USD") is None and local_zone("EUR") is None  # many countries
    assert local_zone("RUB") is None  # one country, eleven zones


def _story(tmp_path, currency: str, text: str, published: str = "2023-01-15"):
    story = tmp_path / currency
    story.mkdir()
    (story / "story.toml").write_text(f'[story]\nname = "t"\ndate = {published}\ncurrency = "{currency}"\n', encoding="utf-8")
    front = f'+++\ntitle = "A"\nlanguage = "fr"\npublished = {published}\n+++\n'
    (story / "a.md").write_text(front + text + "\n", encoding="utf-8")
    return [f.message for f in run([story], load_rules()).findings if f.rule == "time_zones"]


def test_a_restated_time_off_the_zones_difference_is_reported(tmp_path):
    # Kathmandu is UTC+5:45 and Paris UTC+1 in January: 10:33 there is 05:48 in Paris.
    found = _story(tmp_path, "NPR", "L'avion a décollé à 10h33 (5h33, heure française) de Katmandou.")
    assert found == ["“A” gives 10h33 (UTC+5:45) as 5h33, heure française (UTC+1); on 15 Jan 2023 that is 05:48, 15 minutes off."]


def test_the_right_difference_in_either_half_of_the_day_passes(tmp_path):
    assert _story(tmp_path, "NPR", "L'avion a décollé à 10h33 (5h48, heure française).") == []
    assert _story(tmp_path, "JPY", "Le séisme a eu lieu à 4h10 heure locale (19h10 GMT).", "2024-01-01") == []


def test_summer_time_comes_from_the_day(tmp_path):
    # Paris is UTC+2 in June: 08:47 GMT is 10:47 there, not 9:47.
    found = _story(tmp_path, "EUR", "Il était 8h47 GMT (9h47 heure de Paris).", "2024-06-02")
    assert found and "that is 10:47, 60 minutes off" in found[0]


def test_local_time_of_a_story_with_no_one_zone_is_not_checked(tmp_path):
    assert _story(tmp_path, "USD", "It struck at 10:33 local time (05:33 GMT).") == []
