"""CLDR's names shipped with the package (factcheck/cldr_names.py) are babel's own."""

from babel import Locale

from factcheck import cldr_names
from factcheck.cldr_names import NEWS_LANGUAGES


def test_the_shipped_names_are_the_installed_babels_or_are_not_used():
    shipped = cldr_names._shipped()
    if not shipped:  # taken from another babel: every name comes from the installed one
        assert cldr_names.territories("es")["FR"] == Locale.parse("es").territories["FR"]
        return
    assert set(shipped) == {"en", *NEWS_LANGUAGES}
    for language in ("en", "es", "ru", "zh_Hant", "ar"):
        assert shipped[language] == cldr_names._from_babel(language), language


def test_names_of_another_babel_are_not_read(tmp_path, monkeypatch):
    stale = tmp_path / "cldr_names.json"
    stale.write_text('{"babel": "0.0", "languages": {"es": {"territories": {"FR": "Fake"}, "cities": {}}}}')
    monkeypatch.setattr(cldr_names, "SHIPPED", stale)
    cldr_names._shipped.cache_clear()
    cldr_names._names.cache_clear()
    try:
        assert cldr_names.territories("es")["FR"] == Locale.parse("es").territories["FR"] != "Fake"
    finally:
        cldr_names._shipped.cache_clear()
        cldr_names._names.cache_clear()


def test_a_language_the_file_lacks_is_read_from_babel():
    assert cldr_names.time_zone_cities("sw") == cldr_names._from_babel("sw")["cities"]
