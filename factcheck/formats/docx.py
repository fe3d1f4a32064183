"""Word drafts (.docx): the body's text in reading order, and the title and language of its properties.

The package is opened with python-docx; the text is read from the body's XML, one paragraph a line, so that
what python-docx's `Paragraph.text` leaves out is read too: insertions of tracked changes (deletions are
`w:delText` and stay out, as in the draft as it reads), content controls, fields' results and smart tags.
A table gives a line per row, its cells joined by ` | ` as trafilatura writes tables. Headers, footers,
footnotes, comments and text boxes are not the article and are not read.
"""

from __future__ import annotations

import io
import zipfile

from factcheck.formats import Extracted, Skipped

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHARACTERS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "\u2011"}
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"  # a copy of a Choice's content
_LEFT_OUT = {f"{_W}txbxContent", f"{_W}del", f"{_W}moveFrom", _FALLBACK}
_INSIDE = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins", f"{_W}moveTo", f"{_W}smartTag"}


def read(data: bytes, max_unpacked: int) -> Extracted:
    """The text of a .docx and its metadata; Skipped for a file python-docx cannot open, or one that
    would unpack to more than `max_unpacked` bytes (a zip bomb is small on disk)."""
    _check_size(data, max_unpacked)
    import docx  # imported here: a corpus of text files never pays for it
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as error:
        raise Skipped(f"not a .docx that can be read ({error})") from None
    lines = list(_blocks(document.element.body))
    properties = document.core_properties
    meta = {"title": properties.title, "language": properties.language}
    return Extracted.of("\n".join(lines), meta)


def _check_size(data: bytes, max_unpacked: int) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise Skipped(f"not a .docx that can be read ({error})") from None
    if unpacked > max_unpacked:
        raise Skipped(f"unpacks to {unpacked} bytes, over the limit of {max_unpacked} (settings.max_file_bytes)")


def _blocks(container):
    """The lines of the paragraphs and table rows of a body, a cell or a content control, in order."""
    for child in container:
        if child.tag == f"{_W}p":
            yield _text(child)
        elif child.tag == f"{_W}tbl":
            yield from _rows(child)
        elif child.tag in _INSIDE:
            yield from _blocks(child)


def _rows(table):
    for row in table.iter(f"{_W}tr"):
        if _table_of(row) is table:
            cells = [" ".join(_blocks(cell)) for cell in row if cell.tag == f"{_W}tc"]
            yield " | ".join(cells)


def _table_of(row):
    parent = row.getparent()
    while parent is not None and parent.tag != f"{_W}tbl":
        parent = parent.getparent()
    return parent


def _text(paragraph) -> str:
    """A paragraph's characters in order: its text, tabs and breaks, but not what `_LEFT_OUT` holds."""
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t":
            if not _left_out(node, paragraph):
                parts.append(node.text or "")
        elif node.tag in _CHARACTERS and not _left_out(node, paragraph):
            parts.append(_CHARACTERS[node.tag])
    return "".join(parts)


def _left_out(node, paragraph) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in _LEFT_OUT:
            return True
        parent = parent.getparent()
    return False
