"""Stray bytes, skipped files and hostile names through every output.

A UTF-8 article with a few bad bytes is read as UTF-8 with those bytes replaced and a warning naming
them, never as a legacy code page; every file skipped or partly read is named in every output format;
and no file name or front-matter field can write a line of its own or an escape sequence to the
terminal or the CI log.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.render import render
from factcheck.sources import _mostly_utf8, decode_file, load
from tests.paths import ROOT, RULES, SEEDS

TIMELINE = "003_f22c4224336f4e47.txt"  # the seed that dates JICA's work in Tajikistan `1993–2023`
RUSSIAN = "Сердар Бердымухамедов провёл переговоры в Токио. Япония инвестирует 3 триллиона иен в Центральную Азию.\n"
ENGLISH = "Japan will invest $20 billion in Central Asia, officials said on Saturday in Tokyo.\n"
HOSTILE_NAME = "x\n::error file=README.md,line=1::pwned.txt"
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _invoke(*args) -> str:
    result = CliRunner().invoke(cli, [*map(str, args), "-q"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.output


def _report(folder: Path, fmt: str) -> str:
    return _invoke("report", folder, "--rules", RULES, "--format", fmt)


def _with_stray_byte(data: bytes, at: int) -> bytes:
    return data[:at] + b"\xff" + data[at:]


# Decoding


def test_a_stray_byte_in_a_short_english_article_does_not_make_it_cp1251():
    data = _with_stray_byte("JICA has supported Tajikistan in 1993–2023 with $427.4 million.\n".encode(), 4)
    decoded = decode_file(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text == "JICA\ufffd has supported Tajikistan in 1993–2023 with $427.4 million.\n"
    assert "вЂ“" not in decoded.text
    assert decoded.warning("a.txt") == "a.txt: partly read: 1 byte is not UTF-8 and became U+FFFD, at byte offset 4"


def test_a_stray_byte_in_a_seed_article_keeps_its_text_and_its_findings(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    clean = json.loads(_report(tmp_path / "seeds", "json"))
    article = tmp_path / "seeds" / TIMELINE
    data = article.read_bytes()
    middle = data.index(b"\n", len(data) // 2) + 1  # the start of a line, so no word or figure changes
    article.write_bytes(_with_stray_byte(data, middle))
    stray = json.loads(_report(tmp_path / "seeds", "json"))
    (source,) = [s for s in stray["sources"] if s["path"] == f"seeds/{TIMELINE}"]
    assert source["encoding"] == "utf-8"
    assert "1993–2023" in source["text"] and "вЂ“" not in source["text"]
    assert stray["warnings"] == [
        f"seeds/{TIMELINE}: partly read: 1 byte is not UTF-8 and became U+FFFD, at byte offset {middle}"
    ]
    assert _findings(stray) == _findings(clean)
    assert any(finding["rule"] == "timeline" for finding in stray["findings"])


def _findings(report: dict) -> list[tuple]:
    return [(f["rule"], f["severity"], f["message"], f["fingerprint"]) for f in report["findings"]]


def test_a_stray_byte_in_a_russian_article_does_not_skip_it(tmp_path):
    (tmp_path / "russian.txt").write_bytes(_with_stray_byte(RUSSIAN.encode(), 8))
    corpus = load([tmp_path])
    (document,) = corpus.stories[0].documents
    assert document.source.encoding == "utf-8"
    assert document.original == RUSSIAN[:4] + "\ufffd" + RUSSIAN[4:]
    assert corpus.warnings == [
        f"{tmp_path.name}/russian.txt: partly read: 1 byte is not UTF-8 and became U+FFFD, at byte offset 8"
    ]


def test_the_warning_names_the_first_five_offsets_then_a_count():
    data = "–".encode() * 20 + b"".join(b"word \xff" for _ in range(8))
    decoded = decode_file(data)
    assert (decoded.encoding, decoded.replaced, decoded.first_replaced) == ("utf-8", 8, (65, 71, 77, 83, 89))
    assert decoded.warning("a.txt") == (
        "a.txt: partly read: 8 bytes are not UTF-8 and became U+FFFD, at byte offsets 65, 71, 77, 83, 89 and 3 more"
    )
    assert decoded.text.count("\ufffd") == 8


def test_a_bom_and_a_stray_byte_stay_utf8_sig():
    decoded = decode_file(_with_stray_byte(("\ufeff" + RUSSIAN).encode(), 11))
    assert (decoded.encoding, decoded.first_replaced) == ("utf-8-sig", (11,))


FRENCH = "Le président a annoncé un investissement à Tokyo, déjà évoqué à Genève. "


@pytest.mark.parametrize("encoding", ["cp1251", "cp866", "koi8_r", "cp1252"])
def test_a_legacy_encoding_is_still_chosen_when_the_file_is_not_mostly_utf8(encoding):
    text = (FRENCH if encoding == "cp1252" else RUSSIAN) * 3
    decoded = decode_file(text.encode(encoding))
    assert (decoded.text, decoded.encoding, decoded.replaced) == (text, encoding, 0)


LEGACY = ["cp1251", "koi8_r", "cp866", "iso8859_5", "cp1252", "latin_1", "cp1250", "iso8859_2", "cp1253", "iso8859_7",
          "cp1254", "cp1255", "cp1256", "shift_jis", "euc_jp", "gb18030", "big5", "euc_kr"]  # fmt: skip


def test_no_real_article_written_in_a_legacy_encoding_passes_for_mostly_utf8():
    articles = sorted((ROOT / "tests" / "data" / "real").glob("*/*.md")) + sorted(SEEDS.glob("*.txt"))
    assert len(articles) > 200
    passed = []
    for path in articles:
        text = path.read_text(encoding="utf-8")
        for encoding in LEGACY:
            try:
                data = text.encode(encoding)
            except UnicodeEncodeError:
                continue
            if data != text.encode() and not _valid_utf8(data) and _mostly_utf8(data) is not None:
                passed.append((path.name, encoding))
    assert passed == []


def _valid_utf8(data: bytes) -> bool:
    """Bytes that are UTF-8 with no stray byte at all are UTF-8 to any decoder: DS-09's three mojibake letters
    (`âą‚`) written in cp1250 are the bytes E2 B9 82, one valid UTF-8 character (docs/reliability.md)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# Skipped and partly read files in every output


@pytest.fixture(scope="module")
def damaged(tmp_path_factory) -> Path:
    """A story of one good article, one with a stray byte, and one binary file."""
    folder = tmp_path_factory.mktemp("damaged") / "story"
    folder.mkdir()
    (folder / "story.toml").write_text('[story]\nname = "Damaged"\ndate = 2025-12-20\n')
    (folder / "good.txt").write_text(ENGLISH)
    (folder / "stray.txt").write_bytes(_with_stray_byte(RUSSIAN.encode(), 8) + ENGLISH.encode())
    (folder / "image.txt").write_bytes(bytes(range(256)) * 4)
    return folder


SKIPPED = "story/image.txt: skipped: binary or undecodable file"
PARTLY = "story/stray.txt: partly read: 1 byte is not UTF-8 and became U+FFFD, at byte offset 8"


def test_json_names_the_skipped_and_the_partly_read_file(damaged):
    report = json.loads(_report(damaged, "json"))
    assert report["warnings"] == [SKIPPED, PARTLY]
    assert sorted(source["path"] for source in report["sources"]) == ["story/good.txt", "story/stray.txt"]


def test_text_names_the_skipped_and_the_partly_read_file(damaged):
    lines = _report(damaged, "text").splitlines()
    assert lines[2:4] == [f"warning: {SKIPPED}", f"warning: {PARTLY}"]


def test_html_names_the_skipped_and_the_partly_read_file(damaged, tmp_path):
    output = tmp_path / "report.html"
    _invoke("report", damaged, "--rules", RULES, "-o", output)
    page = output.read_text(encoding="utf-8")
    assert SKIPPED in page and PARTLY in page


def _validate_sarif(log: dict) -> None:
    validator = jsonschema.validators.validator_for(SARIF_SCHEMA)
    validator(SARIF_SCHEMA, format_checker=validator.FORMAT_CHECKER).validate(log)


def _notifications(log: dict) -> list[tuple[str, str, str]]:
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    return [
        (n["level"], n["message"]["text"], n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
        for n in invocation["toolExecutionNotifications"]
    ]


def test_sarif_has_a_notification_on_each_skipped_or_partly_read_file(damaged):
    log = json.loads(_report(damaged, "sarif"))
    _validate_sarif(log)
    assert _notifications(log) == [
        ("warning", SKIPPED, "story/image.txt"),
        ("warning", PARTLY, "story/stray.txt"),
    ]


def test_sarif_without_warnings_has_an_invocation_without_notifications(seeds_report):
    (invocation,) = json.loads(render(seeds_report, "sarif"))["runs"][0]["invocations"]
    assert "toolExecutionNotifications" not in invocation


def test_github_has_a_warning_on_each_skipped_or_partly_read_file(damaged):
    lines = _report(damaged, "github").splitlines()
    assert lines[:2] == [
        f"::warning file=story/image.txt,title=factcheck%3A input::{SKIPPED}",
        f"::warning file=story/stray.txt,title=factcheck%3A input::{PARTLY}",
    ]


@pytest.fixture(scope="module")
def empty_baseline(tmp_path_factory) -> Path:
    """A baseline that accepts nothing, so every finding of a check is new."""
    folder = tmp_path_factory.mktemp("baseline")
    (folder / "plain.txt").write_text("Nothing to check here.\n")
    baseline = folder / "baseline.json"
    _invoke("baseline", folder / "plain.txt", "--rules", RULES, "-o", baseline)
    return baseline


def _check(folder: Path, baseline: Path, fmt: str) -> str:
    return _invoke("check", folder, "--rules", RULES, "--baseline", baseline, "--format", fmt)


def test_check_names_the_skipped_and_the_partly_read_file_in_every_format(damaged, empty_baseline):
    assert json.loads(_check(damaged, empty_baseline, "json"))["warnings"] == [SKIPPED, PARTLY]
    assert f"warning: {SKIPPED}\nwarning: {PARTLY}\n" in _check(damaged, empty_baseline, "text")
    log = json.loads(_check(damaged, empty_baseline, "sarif"))
    _validate_sarif(log)
    assert [text for _, text, _ in _notifications(log)] == [SKIPPED, PARTLY]
    github = _check(damaged, empty_baseline, "github").splitlines()
    assert [line.rsplit("::", 1)[1] for line in github[:2]] == [SKIPPED, PARTLY]


# Hostile names and fields


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    """The sample story with a file named as a workflow command, a binary file named likewise, and escape
    sequences in a TOML title and a YAML outlet (which the findings' messages name)."""
    folder = tmp_path_factory.mktemp("hostile") / "seeds"
    folder.mkdir()
    (folder / "story.toml").write_text('[story]\nname = "Summit"\ndate = 2025-12-20\ncurrency = "USD"\n')
    for path in SEEDS.glob("00[03]_*.txt"):
        shutil.copyfile(path, folder / path.name)
    body = (SEEDS / "001_5acc7e9b45e286df.txt").read_text(encoding="utf-8")
    (folder / "001.md").write_text('+++\ntitle = "The solar \\u001b[31mplexus"\n+++\n' + body, encoding="utf-8")
    body = (SEEDS / "002_4af29e7c14328e3e.txt").read_text(encoding="utf-8")
    (folder / "002.md").write_text('---\noutlet: "AloJapan\\e]0;pwned\\a.com"\n---\n' + body, encoding="utf-8")
    shutil.copyfile(SEEDS / "004_123500bc618ab1db.txt", folder / HOSTILE_NAME)
    (folder / "y\n::error file=README.md,line=2::binary.txt").write_bytes(bytes(range(256)) * 4)
    return folder


@pytest.fixture(scope="module")
def hostile_text(hostile, empty_baseline) -> str:
    """`factcheck check`'s default output: text, every finding new, with every span it cites."""
    return _check(hostile, empty_baseline, "text")


def test_the_hostile_story_reads_its_fields_raw(hostile):
    report = json.loads(_report(hostile, "json"))
    assert {source["path"] for source in report["sources"]} >= {f"seeds/{HOSTILE_NAME}"}
    outlets = {source["outlet"] for source in report["sources"]}
    assert "AloJapan\x1b]0;pwned\x07.com" in outlets
    messages = " ".join(finding["message"] for finding in report["findings"])
    assert "AloJapan\x1b]0;pwned\x07.com" in messages and "\x1b[31m" in messages


def test_text_output_escapes_a_file_named_as_a_workflow_command(hostile_text):
    assert not [line for line in hostile_text.splitlines() if line.startswith("::")]
    assert "seeds/x\\n::error file=README.md,line=1::pwned.txt:" in hostile_text
    assert "warning: seeds/y\\n::error file=README.md,line=2::binary.txt: skipped" in hostile_text


def test_text_output_escapes_escape_sequences_in_front_matter(hostile_text):
    assert "\x1b" not in hostile_text and "\x07" not in hostile_text
    assert "AloJapan\\x1b]0;pwned\\x07.com" in hostile_text
    assert "The solar \\x1b[31mplexus" in hostile_text


def test_report_text_output_escapes_too(hostile):
    text = _report(hostile, "text")
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)
    assert not [line for line in text.splitlines() if line.startswith("::")]


def test_github_output_is_one_workflow_command_a_line_with_nothing_raw(hostile, empty_baseline):
    report = json.loads(_report(hostile, "json"))
    for github in (_report(hostile, "github"), _check(hostile, empty_baseline, "github")):
        lines = github.splitlines()
        assert len(lines) == len(report["findings"]) + len(report["warnings"])
        assert all(re.match(r"::(error|warning|notice) [^:]*::", line) for line in lines), lines
        assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", github)
        hostile_file = "file=seeds/x%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Apwned.txt,"  # toolkit keeps `=`
        assert any(hostile_file in line for line in lines)
        assert "AloJapan\\x1b]0;pwned\\x07.com" in github
