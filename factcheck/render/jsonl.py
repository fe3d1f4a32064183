"""The report as JSON Lines: one line per story, then one end line; what `--resume` reads back.

A story's line is the part of the JSON report about that story alone, so it can be written the moment the story
is analysed and the archive never has to be held whole. Lines are compact JSON (a newline inside a text is
escaped), in the stories' order; a story's line carries no time stamp, so the same input gives the same bytes
whether a run went through at once or was resumed. The end line says the run finished: the corpus's own
warnings (files the walk skipped, which belong to no story), the counts of the whole report, and the stamp.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, TypeAdapter, ValidationError

from factcheck import __version__, schema_id
from factcheck.checks.base import StoryFacts
from factcheck.errors import InputError
from factcheck.models import (
    SCHEMA_VERSION, Claim, Entity, Fact, Finding, Frozen, InSourceAcceptance, Report, Severity, Source, Story, Summary,
)
from factcheck.render import register

SCHEMA_NAME = "report-line.schema.json"


class StoryLine(Frozen):
    """One story of a JSON Lines report: the fields of the JSON report, restricted to this story."""

    line: Literal["story"] = "story"
    schema_version: int = SCHEMA_VERSION
    tool_version: str
    story: Story
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    facts: tuple[Fact, ...]
    entities: tuple[Entity, ...]
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...] = Field(
        default=(), description="Files of this story skipped when read, and what its analysis read with assumptions."
    )
    accepted: tuple[InSourceAcceptance, ...] = Field(
        default=(), description="Findings of this story accepted by a `factcheck: accept` comment in its sources."
    )


class EndLine(Frozen):
    """The last line of a JSON Lines report, written once every story is: the run is complete."""

    line: Literal["end"] = "end"
    schema_version: int = SCHEMA_VERSION
    tool_version: str
    stamp: str | None = Field(default=None, description="Generation time, only when asked for (--stamp).")
    warnings: tuple[str, ...] = Field(default=(), description="Inputs skipped that belong to no story (the walk's).")
    summary: Summary


Line = Annotated[StoryLine | EndLine, Field(discriminator="line")]
_LINE = TypeAdapter(Line)


def story_line(
    facts: StoryFacts, findings: Iterable[Finding], warnings: Iterable[str], accepted: Iterable[InSourceAcceptance] = ()
) -> StoryLine:
    """The line of one analysed story."""
    return StoryLine(
        tool_version=__version__, story=facts.story, sources=facts.sources, claims=facts.claims, facts=facts.facts,
        entities=facts.entities, findings=tuple(findings), warnings=tuple(warnings), accepted=tuple(accepted),
    )


def dumps(line: StoryLine | EndLine) -> str:
    """One line of the file, newline included."""
    return line.model_dump_json() + "\n"


@dataclass
class Tally:
    """The counts of the end line, added up story by story (nothing else of a story is kept)."""

    stories: int = 0
    sources: int = 0
    claims: int = 0
    facts: int = 0
    findings: dict[str, int] = field(default_factory=lambda: {severity.value: 0 for severity in Severity})
    open: dict[str, int] = field(default_factory=lambda: {severity.value: 0 for severity in Severity})

    def add(self, line: StoryLine) -> None:
        """Count one story's line: its findings by severity, and those no accept comment accepts (`open`)."""
        self.stories += 1
        self.sources += len(line.sources)
        self.claims += len(line.claims)
        self.facts += len(line.facts)
        accepted = {acceptance.fingerprint for acceptance in line.accepted}
        for finding in line.findings:
            self.findings[finding.severity.value] += 1
            self.open[finding.severity.value] += finding.fingerprint not in accepted

    def at_or_above(self, severity: Severity) -> int:
        """How many open findings are at or above `severity` (what `--fail-on` counts)."""
        return sum(count for name, count in self.open.items() if Severity(name).rank >= severity.rank)

    def summary(self) -> Summary:
        """The counts so far, as the JSON report's summary gives them."""
        return Summary(stories=self.stories, sources=self.sources, claims=self.claims, facts=self.facts,
                       findings=dict(self.findings))

    def end_line(self, warnings: Iterable[str], stamp: str | None = None) -> EndLine:
        """The end line of a report whose stories were all counted."""
        return EndLine(tool_version=__version__, stamp=stamp, warnings=tuple(warnings), summary=self.summary())


@register("jsonl")
def render(report: Report) -> str:
    """A whole Report as JSON Lines (the Python API's way; the CLI writes each line as its story is done).

    Here every warning of the report is the end line's: a Report does not say which story's files they name.
    """
    tally, text = Tally(), []
    for line in _split(report):
        tally.add(line)
        text.append(dumps(line))
    text.append(dumps(tally.end_line(report.warnings, report.stamp)))
    return "".join(text)


def _split(report: Report) -> Iterator[StoryLine]:
    for story in report.stories:
        sources = tuple(source for source in report.sources if source.story == story.id)
        ids = {source.id for source in sources}
        findings = tuple(finding for finding in report.findings if finding.story == story.id)
        prints = {finding.fingerprint for finding in findings}
        yield StoryLine(
            tool_version=report.tool_version, story=story, sources=sources,
            claims=tuple(claim for claim in report.claims if claim.source in ids),
            facts=tuple(fact for fact in report.facts if fact.story == story.id),
            entities=tuple(entity for entity in report.entities if _of_sources(entity, ids)),
            findings=findings,
            accepted=tuple(acceptance for acceptance in report.accepted if acceptance.fingerprint in prints),
        )


def _of_sources(entity: Entity, ids: set[str]) -> bool:
    return any(source in ids for spelling in (*entity.spellings, *entity.demonyms) for source in spelling.sources)


@dataclass
class Written:
    """What an earlier run left in a JSON Lines file: its complete story lines (the torn last one left out)."""

    size: int = 0  # bytes of complete lines: the file is cut back to this before anything is appended
    ids: list[str] = field(default_factory=list)
    ended: bool = False
    tally: Tally = field(default_factory=Tally)


def read_written(path: Path) -> Written:
    """The complete lines of an earlier run's file at `path` (none when there is no file).

    A last line without its newline is a write the run did not finish: left out. Any other line that is not a
    line of this schema version means the file is not one this can continue: an InputError naming it.
    """
    written = Written()
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        return written
    except OSError as error:
        raise InputError(f"cannot read the file to resume ({error.strerror})", path=path) from error
    with stream:
        for number, raw in enumerate(stream, 1):
            if not raw.endswith(b"\n"):
                break  # torn: the run was stopped inside this write
            _keep(written, _parsed(raw, path, number), path, number)
            written.size += len(raw)
    return written


def _parsed(raw: bytes, path: Path, number: int) -> StoryLine | EndLine:
    try:
        found = json.loads(raw)
    except ValueError:
        raise InputError("not a JSON Lines report of factcheck: cannot resume it", path=path, line=number) from None
    if not isinstance(found, dict) or found.get("schema_version") != SCHEMA_VERSION:
        version = found.get("schema_version") if isinstance(found, dict) else None
        raise InputError(
            f"not a JSON Lines report of schema version {SCHEMA_VERSION} (found {version!r}): cannot resume it",
            path=path, line=number,
        )
    try:
        return _LINE.validate_python(found)
    except ValidationError as error:
        raise InputError(f"not a line of a factcheck report ({error.error_count()} problems): cannot resume it",
                         path=path, line=number) from None


def _keep(written: Written, line: StoryLine | EndLine, path: Path, number: int) -> None:
    if written.ended:
        raise InputError("a line after the end line: cannot resume it", path=path, line=number)
    if isinstance(line, EndLine):
        written.ended = True
        return
    written.ids.append(line.story.id)
    written.tally.add(line)


def schema() -> str:
    """The JSON Schema of one line of `report --format jsonl` (a story line or the end line)."""
    document = _LINE.json_schema(mode="serialization")
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["$id"] = schema_id(SCHEMA_NAME)  # committed as docs/schemas/report-line.schema.json
    document["title"] = "factcheck report line"
    document["description"] = "One line of `factcheck report --format jsonl`: a story's line, or the end line."
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
