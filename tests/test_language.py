"""The language of a source: a BCP 47 tag CLDR knows, or detected from the text, and recorded which."""

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.errors import ConfigError, InputError
from factcheck.language import DETECTED, detect, parse_tag
from factcheck.sources import load
from tests.paths import SEEDS

TAGS = [
    ("en", "en"),
    ("zh-Hant", "zh-Hant"),
    ("zh_Hant", "zh-Hant"),
    ("sr-Latn", "sr-Latn"),
    ("pt-BR", "pt-BR"),
    ("pt_br", "pt-BR"),
    ("PT-br", "pt-BR"),
    ("zh-Hans-MY", "zh-Hans-MY"),
    ("es-419", "es-419"),
    ("de-CH", "de-CH"),
    ("ja-JP-u-ca-japanese", "ja-JP"),  # an extension says how to write dates, not which language
    ("en-GB-x-house", "en-GB"),
    (" fr ", "fr"),
]
REFUSED = ["english", "xx", "zz-ZZ", "en-", "-en", "en--GB", "und", "zxx", "x-private", "", "en GB", "fr.UTF-8"]


@pytest.mark.parametrize(("tag", "canonical"), TAGS)
def test_a_bcp_47_tag_cldr_knows_is_accepted_in_its_canonical_form(tag, canonical):
    assert parse_tag(tag) == canonical


@pytest.mark.parametrize("tag", REFUSED)
def test_an_unknown_or_malformed_tag_is_refused(tag):
    with pytest.raises(ValueError, match="unknown language tag"):
        parse_tag(tag)


def test_every_tag_of_the_real_corpus_is_accepted():
    from pathlib import Path
    import re

    tags = {
        found.group(1)
        for path in Path("tests/data/real").glob("*/*.md")
        for found in [re.search(r'^language = "([^"]+)"', path.read_text(encoding="utf-8"), re.MULTILINE)]
        if found
    }
    assert len(tags) > 20
    assert {tag: parse_tag(tag) for tag in tags} == {tag: tag for tag in tags}


@pytest.mark.parametrize("tag", ["klingon", "en-", "und"])
def test_an_unknown_tag_in_front_matter_is_an_input_error_naming_the_file_and_line(tmp_path, tag):
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: A\nlanguage: {tag}\n---\nJapan pledged $3 billion.\n")
    with pytest.raises(InputError) as raised:
        load([path])
    assert (raised.value.path, raised.value.line) == (path, 3)
    assert "unknown language tag" in raised.value.message
    result = CliRunner().invoke(cli, ["claims", str(path)])
    assert result.exit_code == 2 and "a.md:3: input error: front matter: language: unknown language tag" in result.output


def test_an_unknown_tag_in_story_toml_is_a_config_error_naming_its_line(tmp_path):
    (tmp_path / "a.txt").write_text("Japan pledged $3 billion.\n")
    (tmp_path / "story.toml").write_text('[story]\nname = "S"\n\n[[source]]\nfile = "a.txt"\nlanguage = "en-"\n')
    with pytest.raises(ConfigError) as raised:
        load([tmp_path])
    assert (raised.value.path.name, raised.value.line, raised.value.exit_code) == ("story.toml", 6, 2)


def test_a_tag_given_is_kept_canonical_and_recorded_as_given(tmp_path):
    (tmp_path / "a.md").write_text("+++\nlanguage = \"pt_br\"\n+++\nO Japão vai investir 3 trilhões de ienes.\n")
    (tmp_path / "b.txt").write_text("Le Japon investira 3 000 milliards de yens.\n")
    (tmp_path / "story.toml").write_text('[story]\nname = "S"\n\n[[source]]\nfile = "b.txt"\nlanguage = "FR_be"\n')
    documents = load([tmp_path]).stories[0].documents
    assert [(d.source.language, d.source.language_origin) for d in documents] == [("pt-BR", "given"), ("fr-BE", "given")]


DETECTIONS = [
    ("Погибли более 2000 человек, сообщили в МЧС.", "ru"),
    ("Le bilan dépasse 2 000 morts, selon les autorités locales.", "fr"),
    ("Más de 75 millones de dólares fueron destinados a la reconstrucción.", "es"),
    ("Der Schaden beträgt nach Angaben der Regierung 3,7 Milliarden Euro.", "de"),
    ("日本は中央アジアに5兆円を投資する。", "ja"),
    ("中国经济去年增长5.2%，国内生产总值约126万亿元。", "zh"),
    ("사망자는 100명을 넘었다고 당국이 밝혔다.", "ko"),
    ("Japan is prepared to invest about 3 trillion yen in projects across Central Asia.", "en"),
]


@pytest.mark.parametrize(("text", "language"), DETECTIONS)
def test_the_language_of_a_text_is_detected(text, language):
    assert detect(text) == language


@pytest.mark.parametrize("text", ["3 trillion yen", "Tokyo, Dec 20", "", "12 345", "$5"])
def test_a_text_too_short_to_tell_is_no_detection(text):
    assert detect(text) is None


def test_a_source_without_a_language_has_it_detected_and_recorded_so(tmp_path):
    (tmp_path / "a.txt").write_text("Погибли более 2000 человек, сообщили в МЧС во вторник вечером.\n")
    (tmp_path / "b.txt").write_text("3 trillion yen\n")
    documents = load([tmp_path]).stories[0].documents
    assert [(d.source.language, d.source.language_origin) for d in documents] == [("ru", "detected"), ("en", "default")]


def test_the_seeds_are_detected_as_english_as_they_were_read_before():
    documents = load([SEEDS]).stories[0].documents
    assert {(d.source.language, d.source.language_origin) for d in documents} == {("en", "detected")}


def test_every_detected_language_is_one_cldr_knows():
    assert [parse_tag(code) for code in DETECTED] == DETECTED
