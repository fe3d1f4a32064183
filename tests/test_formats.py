"""HTML pages and Word drafts as sources: the same claims as the text they carry, spans into the text read,
the page's metadata as front matter gives it, and the reader's safety for the new formats too."""

import html
import io
import json
import os
import shutil
import zipfile

import docx
import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.config import load_rules
from factcheck.extract import extract
from factcheck.sources import load, reader_of
from tests.paths import SEEDS

SEED_FILES = sorted(path.name for path in SEEDS.glob("*.txt"))
OUTLET = "Example Times"


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def page(paragraphs: list[str], *, title: str = "A summit in Tokyo", head: str = "", lang: str | None = "en") -> str:
    """A news page as a browser saves it: navigation, the article, related links and a footer."""
    body = "\n".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in paragraphs)
    lang_attribute = f' lang="{lang}"' if lang else ""
    return f"""<!DOCTYPE html>
<html{lang_attribute}><head><meta charset="utf-8"><title>{html.escape(title)} | {OUTLET}</title>
<meta property="og:site_name" content="{OUTLET}">
<link rel="canonical" href="https://news.example.com/world/tokyo-summit">
{head}
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav>
<main><article>
{body}
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Markets rally for a third day</a></li><li><a href="/b">Weather: rain ahead</a></li></ul></aside>
<footer><p>&copy; 2025 {OUTLET}. All rights reserved.</p></footer>
</body></html>
"""


def draft(paragraphs: list[str], *, title: str = "", language: str = "") -> bytes:
    """A Word document with these paragraphs, written by python-docx."""
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.core_properties.title = title
    document.core_properties.language = language
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _only(path):
    (story,) = load([path]).stories
    (document,) = story.documents
    return document


def _claims(document):
    rules = load_rules()
    return [
        (claim.kind, claim.stated.value, claim.stated.unit, claim.qualifier, claim.span.text)
        for claim in extract(document, rules.qualifier_table, dollar=rules.settings.dollar)
    ]


@pytest.mark.parametrize("seed", SEED_FILES)
def test_an_html_page_and_a_docx_draft_of_a_seed_give_the_claims_of_its_text(tmp_path, seed):
    text = (SEEDS / seed).read_text(encoding="utf-8")
    paragraphs = _paragraphs(text)
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    (tmp_path / "article.html").write_text(page(paragraphs), encoding="utf-8")
    (tmp_path / "article.docx").write_bytes(draft(paragraphs))
    expected = _claims(_only(tmp_path / "article.txt"))
    assert len(expected) > 5
    for name in ("article.html", "article.docx"):
        document = _only(tmp_path / name)
        assert document.original == "\n".join(paragraphs)  # the text read, all of the article and nothing else
        assert _claims(document) == expected, name


@pytest.mark.parametrize("name", ["article.html", "article.docx"])
def test_spans_of_html_and_docx_claims_index_the_text_read_which_the_source_keeps(tmp_path, name):
    paragraphs = _paragraphs((SEEDS / SEED_FILES[0]).read_text(encoding="utf-8"))
    content = page(paragraphs) if name.endswith(".html") else draft(paragraphs)
    target = tmp_path / name
    target.write_bytes(content.encode() if isinstance(content, str) else content)
    document = _only(target)
    assert document.source.text == document.original
    rules = load_rules()
    for claim in extract(document, rules.qualifier_table, dollar=rules.settings.dollar):
        span = claim.span
        assert document.original[span.start : span.end] == span.text
        line = document.original.splitlines()[span.line - 1]
        assert line[span.column - 1 :].startswith(span.text)


def test_the_metadata_of_a_page_fills_the_source_as_front_matter_does(tmp_path):
    head = '<meta property="article:published_time" content="2025-12-21T09:30:00+09:00">'
    (tmp_path / "page.html").write_text(page(["Japan pledged 3 trillion yen on Saturday, officials said."] * 3, head=head, lang="pt-br"))
    source = _only(tmp_path / "page.html").source
    assert (source.title, source.outlet) == ("A summit in Tokyo", OUTLET)
    assert source.url == "https://news.example.com/world/tokyo-summit"
    assert str(source.published) == "2025-12-21"
    assert source.published_at.isoformat() == "2025-12-21T09:30:00+09:00"
    assert (source.language, source.language_origin) == ("pt-BR", "given")
    assert source.path.endswith("page.html") and source.encoding == "utf-8"


def test_a_date_without_a_time_gives_no_time_and_the_story_toml_still_wins(tmp_path):
    head = '<meta name="date" content="2025-12-21">'
    (tmp_path / "page.html").write_text(page(["Japan pledged 3 trillion yen, officials said."], head=head))
    (tmp_path / "story.toml").write_text('[story]\nname = "Summit"\n\n[[source]]\nfile = "page.html"\noutlet = "House name"\n')
    source = _only(tmp_path / "page.html").source
    assert (str(source.published), source.published_at, source.outlet) == ("2025-12-21", None, "House name")


def test_a_page_lang_that_is_no_language_tag_is_left_out_with_a_warning_and_the_language_detected(tmp_path):
    paragraphs = ["Le Japon investira environ 3 000 milliards de yens en Asie centrale au cours des cinq prochaines années."]
    (tmp_path / "page.html").write_text(page(paragraphs, lang="klingon-xx"))
    corpus = load([tmp_path])
    (document,) = corpus.stories[0].documents
    assert (document.source.language, document.source.language_origin) == ("fr", "detected")
    assert any("page.html: language 'klingon-xx' of the file's metadata not used" in w for w in corpus.warnings)


def test_the_title_and_language_of_a_docx_come_from_its_properties(tmp_path):
    (tmp_path / "draft.docx").write_bytes(draft(["Japan pledged 3 trillion yen."], title="Our draft", language="en-GB"))
    source = _only(tmp_path / "draft.docx").source
    assert (source.title, source.language, source.language_origin, source.encoding) == ("Our draft", "en-GB", "given", "utf-8")


def test_a_docx_is_read_in_order_with_its_tables_and_tracked_insertions_but_not_its_deletions(tmp_path):
    document = docx.Document()
    document.add_paragraph("Japan pledged 3 trillion yen.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Kazakhstan", "$3.7 billion"
    paragraph = document.add_paragraph("More than ")
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    from lxml import etree

    for tag, inner, words in (("ins", "t", "150 "), ("del", "delText", "140 ")):
        change = etree.SubElement(paragraph._p, f"{{{w}}}{tag}", {f"{{{w}}}id": "1", f"{{{w}}}author": "ed"})
        run = etree.SubElement(change, f"{{{w}}}r")
        etree.SubElement(run, f"{{{w}}}{inner}").text = words
        run.getchildren()[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    paragraph.add_run("agreements were signed.")
    buffer = io.BytesIO()
    document.save(buffer)
    (tmp_path / "draft.docx").write_bytes(buffer.getvalue())
    assert _only(tmp_path / "draft.docx").original == (
        "Japan pledged 3 trillion yen.\nKazakhstan | $3.7 billion\nMore than 150 agreements were signed."
    )


def test_a_folder_reads_html_and_docx_beside_text_and_skips_what_is_no_article(tmp_path):
    story = tmp_path / "story"
    story.mkdir()
    paragraphs = _paragraphs((SEEDS / SEED_FILES[2]).read_text(encoding="utf-8"))
    (story / "a.txt").write_text("\n".join(paragraphs))
    (story / "b.html").write_text(page(paragraphs))
    (story / "c.docx").write_bytes(draft(paragraphs))
    (story / "d.docx").write_bytes(b"not a zip at all")
    (story / "e.htm").write_text('{"a json file": "under an HTML name"}')
    corpus = load([story])
    assert [d.source.path for d in corpus.stories[0].documents] == ["story/a.txt", "story/b.html", "story/c.docx"]
    assert sorted(corpus.warnings) == [
        "story/d.docx: skipped: not a .docx that can be read (File is not a zip file)",
        "story/e.htm: skipped: not an HTML page",
    ]


def test_a_report_written_into_the_corpus_is_not_read_back_and_may_be_written_there(tmp_path):
    story = tmp_path / "story"
    shutil.copytree(SEEDS, story)
    target = story / "report.html"
    assert reader_of(target, [story]) is None
    first = CliRunner().invoke(cli, ["report", str(story), "-o", str(target), "-q"])
    assert first.exit_code == 0, first.output
    second = CliRunner().invoke(cli, ["report", str(story), "--format", "json", "-q"])
    report = json.loads(second.output)
    assert len(report["sources"]) == len(SEED_FILES) and report["warnings"] == []


def test_a_docx_that_would_unpack_past_the_limit_is_skipped(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"<" + b" " * 3_000_000 + b">")
    (tmp_path / "bomb.docx").write_bytes(buffer.getvalue())
    assert len(buffer.getvalue()) < 100_000
    corpus = load([tmp_path], max_file_bytes=500_000)
    assert corpus.stories == []
    assert corpus.warnings == [
        f"{tmp_path.name}/bomb.docx: skipped: unpacks to 3000002 bytes, over the limit of 2500000 (settings.max_file_bytes)"
    ]


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_the_file_size_limit_and_the_refusal_of_fifos_hold_for_the_new_formats(tmp_path, suffix):
    big = tmp_path / f"big{suffix}"
    big.write_bytes(b"x" * 2000)
    os.mkfifo(tmp_path / f"pipe{suffix}")
    corpus = load([tmp_path], max_file_bytes=1000)
    assert sorted(corpus.warnings) == [
        f"{tmp_path.name}/big{suffix}: skipped: 2000 bytes is over the limit of 1000 (settings.max_file_bytes)",
        f"{tmp_path.name}/pipe{suffix}: skipped: a FIFO, not a regular file",
    ]


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_a_link_out_of_the_folder_is_not_read_in_the_new_formats_either(tmp_path, suffix):
    outside = tmp_path / f"outside{suffix}"
    outside.write_bytes(page(["Japan pledged 3 trillion yen."]).encode() if suffix == ".html" else draft(["x $5."]))
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("Japan pledged 3 trillion yen.\n")
    (story / f"link{suffix}").symlink_to(outside)
    corpus = load([story])
    assert [d.source.path for d in corpus.stories[0].documents] == ["story/a.txt"]
    assert corpus.warnings == [
        f"story/link{suffix}: skipped: a symbolic link leading outside story/ (--follow-symlinks reads it)"
    ]
