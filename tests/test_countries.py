"""Countries from CLDR with derived demonyms, beneath the authority list."""

from factcheck.normalize.authority import EntityRule
from factcheck.normalize.countries import country_rules


def _demonyms(rules):
    return {rule.name: rule.demonyms for rule in rules}


def test_regular_demonyms_are_derived_from_cldr_names():
    known = _demonyms(country_rules([]))
    for country, demonym in [("Kenya", "Kenyan"), ("Japan", "Japanese"), ("Pakistan", "Pakistani"),
                             ("Tajikistan", "Tajik"), ("Iraq", "Iraqi"), ("Mexico", "Mexican"), ("Italy", "Italian")]:
        assert demonym in known[country], (country, known[country])


def test_irregular_and_ambiguous_forms():
    known = _demonyms(country_rules([]))
    assert known["Switzerland"] == ["Swiss"]
    assert "Nigerian" in known["Nigeria"] and "Nigerian" not in known["Niger"]
    assert not any(form in ("Pak", "Ital") for forms in known.values() for form in forms)


def test_countries_named_in_rules_are_left_to_the_rules():
    listed = [EntityRule(name="Kazakhstan", kind="place", demonyms=["Kazakh"])]
    names = {rule.name for rule in country_rules(listed)}
    assert "Kazakhstan" not in names and "Kenya" in names
