"""Strange files through the command line: every encoding news text comes in is read and reported,
binary files are skipped by name, and size limits stop a run with a clear message instead of memory
running out.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from tests.paths import RULES

ENGLISH = "Japan will invest $20 billion in Central Asia, officials said on Saturday in Tokyo.\n"
FRENCH = "Le Japon investira 20 milliards de dollars en Asie centrale, a déclaré à Tokyo un ministre. £5.\n"
RUSSIAN = "Сердар Бердымухамедов провёл переговоры в Токио. Japan will invest $20 billion in Central Asia.\n"

# (file bytes, the text it must read as, the encodings it may be reported as)
ENCODINGS = {
    "utf-8": (ENGLISH.encode("utf-8"), ENGLISH, {"utf-8"}),
    "utf-8 with BOM": (("\ufeff" + RUSSIAN).encode("utf-8"), "\ufeff" + RUSSIAN, {"utf-8-sig"}),
    "utf-16 with BOM": (RUSSIAN.encode("utf-16"), RUSSIAN, {"utf-16"}),
    "utf-16-le without BOM": (RUSSIAN.encode("utf-16-le"), RUSSIAN, {"utf_16_le"}),
    "utf-16-be without BOM": (ENGLISH.encode("utf-16-be"), ENGLISH, {"utf_16_be"}),
    "cp1251": (RUSSIAN.encode("cp1251"), RUSSIAN, {"cp1251"}),
    "koi8-r": (RUSSIAN.encode("koi8-r"), RUSSIAN, {"koi8_r"}),
    "latin-1": (FRENCH.encode("latin-1"), FRENCH, {"latin_1", "cp1252", "iso8859_15"}),  # one reading
}


def _json_report(*args) -> dict:
    result = CliRunner().invoke(cli, ["report", *map(str, args), "--format", "json", "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("name", ENCODINGS)
def test_each_encoding_is_read_and_reported_through_the_cli(tmp_path, name):
    data, text, reported = ENCODINGS[name]
    (tmp_path / "article.txt").write_bytes(data)
    report = _json_report(tmp_path, "--rules", RULES)
    (source,) = report["sources"]
    assert source["text"] == text
    assert source["encoding"] in reported
    assert [claim for claim in report["claims"] if claim["kind"] == "money"]
    for claim in report["claims"]:
        assert text[claim["span"]["start"] : claim["span"]["end"]] == claim["span"]["text"]
    assert not [warning for warning in report["warnings"] if "skipped" in warning]


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n" + bytes(300), b"\x00" * 64, b"GIF89a\x01\x00\x01\x00\x80\x00\x00" * 9],
    ids=["all bytes", "png", "nul bytes", "gif"],
)
def test_a_binary_file_is_skipped_with_a_warning_naming_it(tmp_path, data):
    (tmp_path / "image.txt").write_bytes(data)
    (tmp_path / "article.txt").write_text(ENGLISH)
    result = CliRunner().invoke(cli, ["report", str(tmp_path), "--rules", str(RULES), "--format", "text", "-q"])
    assert result.exit_code == 0, result.output
    assert f"warning: {tmp_path.name}/image.txt: skipped: binary or undecodable file" in result.output
    assert result.output.startswith("1 sources")


def test_the_html_report_shows_the_skipped_file(tmp_path):
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "article.txt").write_text(ENGLISH)
    output = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", str(tmp_path), "--rules", str(RULES), "-o", str(output), "-q"])
    assert result.exit_code == 0, result.output
    assert "image.txt: skipped: binary or undecodable file" in output.read_text()


def _rules_with(tmp_path, settings: str):
    rules = tmp_path / "rules"
    rules.mkdir()
    for path in RULES.glob("*.toml"):
        (rules / path.name).write_bytes(path.read_bytes())
    (rules / "limits.toml").write_text(f"[settings]\n{settings}\n")
    return rules


def test_a_file_over_max_file_bytes_is_skipped_with_a_warning(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "huge.txt").write_text(ENGLISH * 100)
    (corpus / "small.txt").write_text(ENGLISH)
    rules = _rules_with(tmp_path, "max_file_bytes = 1000")
    result = CliRunner().invoke(cli, ["report", str(corpus), "--rules", str(rules), "--format", "text", "-q"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 sources")
    expected = f"corpus/huge.txt: skipped: {len(ENGLISH) * 100} bytes is over the limit of 1000 (settings.max_file_bytes)"
    assert f"warning: {expected}" in result.output


def test_sources_over_max_total_bytes_stop_the_run_with_exit_2(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in "abc":
        (corpus / f"{name}.txt").write_text(ENGLISH * 5)
    rules = _rules_with(tmp_path, "max_total_bytes = 1000")
    result = CliRunner().invoke(cli, ["report", str(corpus), "--rules", str(rules), "--format", "text", "-q"])
    assert result.exit_code == 2
    assert "input error: the sources add up to more than 1000 bytes (raise settings.max_total_bytes)" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("value", ["0", "-5", '"a lot"', "1.5"])
def test_a_limit_that_is_not_a_positive_whole_number_is_a_config_error(tmp_path, value):
    rules = _rules_with(tmp_path, f"max_file_bytes = {value}")
    result = CliRunner().invoke(cli, ["report", str(tmp_path / "rules"), "--rules", str(rules), "-q"])
    assert result.exit_code == 2
    assert f"{rules / 'limits.toml'}:2: config error: settings.max_file_bytes" in result.output
