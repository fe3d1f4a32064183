"""The fuzz targets of bench/fuzz.py: bytes in, and an exception (other than FactcheckError) when a
stage crashes or breaks its contract. Imported by the fuzzer inside atheris' instrumentation, so the
factcheck modules it imports are instrumented for coverage.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from factcheck import __version__, tomlfile
from factcheck.cleaning import clean
from factcheck.config import RulesFile, load_rules
from factcheck.errors import FactcheckError
from factcheck.extract import extract
from factcheck.manifest import StoryManifest
from factcheck.models import Document, Report, Source, Story
from factcheck.normalize.names import resolve_names
from factcheck.pipeline import analyse
from factcheck.render import RENDERERS, render
from factcheck.sources import LoadedStory, decode, front_matter

__all__ = ["FactcheckError", "TARGETS"]

RULES = load_rules()
STORY = Story(id="fuzz", name="Fuzz", reference_date=dt.date(2025, 12, 20))


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _document(original: str, name: str = "a") -> Document:
    text, offsets = clean(original, markdown=True)
    source = Source(id=f"fuzz/{name}", story="fuzz", path=f"fuzz/{name}.md", title=name, text=original)
    return Document(source=source, original=original, text=text, offsets=offsets)


def _halves(data: bytes) -> list[Document]:
    middle = len(data) // 2
    return [_document(_text(data[:middle]), "a"), _document(_text(data[middle:]), "b")]


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise AssertionError(what)


def decode_target(data: bytes) -> None:
    """Any bytes: text with a known encoding and readable front matter, None, or an InputError."""
    decoded = decode(data)
    if decoded is not None:
        text, encoding = decoded
        "".encode(encoding)
        meta, body = front_matter(text, Path("a.md"))
        _expect(isinstance(meta, dict) and 0 <= body <= len(text), "front matter out of range")


def clean_target(data: bytes) -> None:
    """Every cleaned character maps, in order, into the original."""
    original = _text(data)
    text, offsets = clean(original, markdown=len(data) % 2 == 0)
    previous = 0
    for position in range(len(text)):
        start, end = offsets.span(position, position + 1)
        _expect(previous <= start < end <= len(original), f"position {position} maps to {start}:{end}")
        previous = start


def extract_target(data: bytes) -> None:
    """Every claim's span indexes the original; every interval is ordered."""
    document = _document(_text(data))
    for claim in extract(document, RULES.qualifier_table, dollar=RULES.settings.dollar, reference=STORY.reference_date):
        span = claim.span
        _expect(document.original[span.start : span.end] == span.text, f"span {span.start}:{span.end} is not its text")
        _expect(claim.stated.interval.low <= claim.stated.interval.high, f"interval of {claim.surface!r} reversed")


def names_target(data: bytes) -> None:
    """Every mention's span indexes its own source."""
    documents = _halves(data)
    originals = {document.source.id: document.original for document in documents}
    for entity in resolve_names(documents, [], RULES.entities).entities:
        for spelling in (*entity.spellings, *entity.demonyms):
            for mention in spelling.mentions:
                span = mention.span
                _expect(originals[mention.source][span.start : span.end] == span.text, f"mention {span} misplaced")


def story_target(data: bytes) -> None:
    """Two documents through the whole analysis, then every renderer."""
    loaded = LoadedStory(STORY, documents=_halves(data))
    story, findings, warnings = analyse(loaded, RULES)
    report = Report(
        tool_version=__version__, stories=(story.story,), sources=story.sources, claims=story.claims,
        facts=story.facts, entities=story.entities, findings=tuple(findings), warnings=tuple(warnings),
    )  # fmt: skip
    for name in sorted(RENDERERS):
        render(report, name)


def config_target(data: bytes) -> None:
    """A rules file and a story manifest: valid, or a ConfigError."""
    text, path = _text(data), Path("fuzz.toml")
    parsed = tomlfile.parse(text, path)
    for model in (RulesFile, StoryManifest):
        try:
            tomlfile.validate(parsed, model, text, path)
        except FactcheckError as error:
            _expect(error.line is None or 1 <= error.line <= text.count("\n") + 1, f"line {error.line} outside")


TARGETS = {
    "decode": decode_target,
    "clean": clean_target,
    "extract": extract_target,
    "names": names_target,
    "story": story_target,
    "config": config_target,
}
