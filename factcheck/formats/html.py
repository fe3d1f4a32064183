"""HTML pages saved from the web: the article's main text and its metadata, through trafilatura.

The text is what trafilatura keeps of the page (navigation, footers, comments and scripts left out), one
paragraph a line. The metadata is the page's own: title, site name (the outlet), canonical URL, the date
of publication from the page's markup (with its time when the markup gives one), and the language of the
`<html lang>` attribute or a `Content-Language` header kept in a `<meta>`.
"""

from __future__ import annotations

import re

from factcheck.formats import Extracted, OwnReport, Skipped

# Dates only from the page's markup (meta tags, JSON-LD, <time>): a date guessed from the article's own
# text ("held in Tokyo on December 20") would date the conversions of every figure in it.
_DATE_PARAMETERS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
_MIDNIGHT = "T00:00:00"  # what htmldate writes for a date given without a time
# Browsers saving a page write where it came from: `<!-- saved from url=(0032)https://example.com/news -->`.
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)


def read(markup: str) -> Extracted:
    """The main text of a page and its metadata; Skipped for what is no page or has no text, OwnReport for
    a report factcheck wrote."""
    import trafilatura  # imported here: a corpus of text files never pays for it

    markup = markup.removeprefix("\ufeff")
    tree = trafilatura.load_html(markup) if markup.lstrip().startswith("<") else None  # JSON or text is no page
    if tree is None:
        raise Skipped("not an HTML page")
    if _generator(tree).startswith("factcheck"):
        raise OwnReport("a factcheck report, not an article")
    language = _language(tree)
    found = trafilatura.bare_extraction(tree, with_metadata=True, date_extraction_params=_DATE_PARAMETERS)
    if found is None or not (found.text or "").strip():
        raise Skipped("no article text found in the page")
    meta = {
        "title": found.title,
        "outlet": found.sitename,
        "url": found.url or _saved_from(markup),
        "published": _published(found.date),
        "language": language,
    }
    return Extracted.of(found.text, meta)


def _generator(tree) -> str:
    return " ".join(tree.xpath("//meta[translate(@name, 'GENRATO', 'genrato')='generator']/@content")).strip().lower()


def _language(tree) -> str | None:
    """The page's language: `<html lang>`, else `<meta http-equiv="Content-Language">`, as written."""
    root = tree.getroottree().getroot()
    declared = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if declared:
        return declared
    header = tree.xpath(
        "//meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')='content-language']/@content"
    )
    return header[0].split(",")[0] if header else None


def _published(date: str | None) -> str | None:
    """`2025-12-21T09:30:00+0900` as it is, but a bare day for a date the markup gave without its time."""
    if date and date.endswith(_MIDNIGHT):
        return date[: -len(_MIDNIGHT)]
    return date


def _saved_from(markup: str) -> str | None:
    found = _SAVED_FROM.search(markup[:4096])
    return found.group(1) if found else None
