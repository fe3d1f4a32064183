"""CLDR's names of cities in the languages of the news (factcheck/normalize/cities.py)."""

from factcheck.normalize.cities import same_city


def test_a_city_in_two_languages_is_one_city():
    assert same_city("Tehran", "Teheran") and same_city("Moscow", "Moskau") and same_city("Tokyo", "Tokio")


def test_a_name_is_not_another_name_of_itself_and_a_typo_is_no_city():
    assert not same_city("Tehran", "tehran") and not same_city("Tehran", "Tehrn") and not same_city("Paris", "Parts")
