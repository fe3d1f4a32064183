"""A report written story by story (`report --format jsonl`), and continued after an interruption (`--resume`).

Each story is read, analysed, given its accept comments, written as one line and let go before the next is read,
so memory holds a few stories whatever the archive's size (see docs/benchmarks.md). The lines come in the
order of the JSON report's stories for any `--jobs`, so a resumed run appends exactly what the interrupted one
would have written next: the file ends byte for byte as an uninterrupted run's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from factcheck import accept
from factcheck.errors import InputError
from factcheck.files import LineWriter
from factcheck.pipeline import Stream, StoryResult
from factcheck.render import jsonl


def write(
    stream: Stream, writer: LineWriter, root: Path, written: jsonl.Written | None = None, stamp: str | None = None,
    before_line: Callable[[], None] = lambda: None,
) -> jsonl.Tally:
    """Write the stories of `stream` not in `written` (what an earlier run left), then the end line; the counts
    of the whole report, kept lines included. `root` is the folder the sources' paths are relative to;
    `before_line` is called before each line is written (the CLI raises there an interruption that was
    swallowed where it landed)."""
    written = written or jsonl.Written()
    if written.ended:
        return written.tally  # that run finished: its file is already the whole report
    tally = written.tally
    for result in stream.results(_start(stream.ids, written.ids, writer.path)):
        line = _line(result, root)
        before_line()
        writer.write(jsonl.dumps(line))
        tally.add(line)
    before_line()
    writer.write(jsonl.dumps(tally.end_line(stream.warnings, stamp)))
    return tally


def _line(result: StoryResult, root: Path) -> jsonl.StoryLine:
    """A story's line, with the findings its own sources' accept comments accept (as `accept.apply` gives them
    for a whole report, except that a fingerprint in one story's file accepts nothing of another story)."""
    from factcheck.checks import REGISTRY  # the rule ids a comment may name

    comments, problems = accept.collect(result.facts.sources, root, REGISTRY.keys())
    accepted = accept.accepted(result.findings, comments) if comments else ()
    return jsonl.story_line(result.facts, result.findings, [*result.warnings, *problems], accepted)


def _start(ids: list[str], kept: list[str], path: Path) -> int:
    """Where to go on: the index after the last story kept, which must be the first stories, in order."""
    position = 0
    for story in kept:
        try:
            position = ids.index(story, position) + 1
        except ValueError:
            raise InputError(
                f"story {story!r} of this file is not, in this order, among the stories being read: it was written "
                "from other sources; remove the file or run without --resume", path=path,
            ) from None
    return position
