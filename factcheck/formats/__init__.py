"""Readers of the file formats that are not plain text: each turns a file into the text read and its metadata.

A reader returns an `Extracted`: the text that becomes the document's text (every span of a claim indexes
it, and the report shows it) and the metadata the file carries, by the names of front matter keys (`title`,
`outlet`, `url`, `published`, `language`), as found; `sources` validates them as it validates front matter.
Plain text and Markdown are read in `sources` itself, with their front matter.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Extracted:
    """What a reader found in a file: its text and its metadata."""

    text: str
    meta: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str, meta: dict[str, str | None]) -> Extracted:
        """The text and the metadata values found, stripped; those missing or blank left out."""
        return cls(text, {key: value.strip() for key, value in meta.items() if value and value.strip()})


class Skipped(ValueError):
    """The file is not read, for the reason given (a page with no text, a broken .docx): a warning says so."""


class OwnReport(Skipped):
    """A report factcheck wrote (`-o story/report.html`): not an article, and left out without a warning."""


HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DOCX_SUFFIXES = frozenset({".docx"})
