"""The Python API: `factcheck.check(sources)` for notebooks and newsroom scripts.

It runs the pipeline the command line runs, with the same project discovery (factcheck.toml, rules,
paths relative to the project's root), and returns the same `Report` that `factcheck report --format json`
prints. A source is a path (a file or a folder, as on the command line) or a text held in memory (`Text`,
or a dict of its fields), which is read as a file of its name in a folder of its story's name would be.
Errors are the project's own (`factcheck.errors`): an `InputError` for a source that cannot be read or a
bad language tag, a `UsageError` for a call that cannot be served, a `ConfigError` for bad rules.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from pydantic import ValidationError

from factcheck import tomlfile
from factcheck.config import load_rules
from factcheck.errors import InputError, UsageError
from factcheck.language import parse_tag
from factcheck.manifest import SourceEntry, StoryTable
from factcheck.models import Report, Story
from factcheck.pipeline import run_corpus
from factcheck.project import discover
from factcheck.sources import Corpus, InMemory, load, load_texts

DEFAULT_STORY = "texts"


@dataclass(frozen=True)
class Text:
    """An article held in memory, with what a file's front matter or story.toml would say of it.

    `name` is the file name it is reported under (`<story>/<name>`; default `text1.txt`, `text2.txt`… in
    the order given); a `.md` name reads it as Markdown. `language` is a BCP 47 tag (default: detected).
    Texts of one `story` are compared with each other, never with another story's; what a story.toml's
    [story] table would say of that story (its name, date and reporting currency) is `check`'s `stories`.
    """

    text: str
    name: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | dt.datetime | str | None = None
    language: str | None = None
    story: str = DEFAULT_STORY


Source = Union[str, os.PathLike, Text, Mapping]


def check(
    sources: Source | Iterable[Source],
    rules: str | os.PathLike | None = None,
    date: dt.date | None = None,
    *,
    stories: Mapping[str, Mapping] | None = None,
    draft: str | os.PathLike | None = None,
    jobs: int = 1,
    follow_symlinks: bool = False,
) -> Report:
    """Read `sources` and report where they disagree: the Report of `factcheck report` on them.

    `sources`: one source or several, each a path (str or Path; a file or a folder) or a `Text` (or a dict of
    its fields). `rules`: a project's rules folder read over the shipped defaults (default: the one the
    project's factcheck.toml names, else the defaults alone). `date`: the reference date for currency
    conversion of sources with no date of their own or of their story. `stories`: for the texts' stories,
    by story, the [story] table a story.toml would hold (`{"summit": {"date": "2025-12-20", "currency":
    "EUR"}}`; `name` defaults to the story's). `draft`, `jobs` and `follow_symlinks` are `--draft`, `-j` and
    `--follow-symlinks` of `factcheck report`.
    """
    given = [sources] if isinstance(sources, (str, os.PathLike, Text, Mapping)) else list(sources)
    if not given and draft is None:
        raise UsageError("no sources given: pass paths (files or folders) or factcheck.Text(text=...) objects")
    paths = [_path(source) for source in given if isinstance(source, (str, os.PathLike))]
    texts = _in_memory([source for source in given if not isinstance(source, (str, os.PathLike))], stories or {})
    project = discover(paths)
    loaded_rules = load_rules(project.rules(Path(rules) if rules is not None else None))
    settings = loaded_rules.settings
    limits = {"max_file_bytes": settings.max_file_bytes, "max_total_bytes": settings.max_total_bytes}
    on_disk = Corpus([], [])
    if paths or draft is not None:
        draft_path = Path(draft) if draft is not None else None
        on_disk = load(paths, draft_path, follow_symlinks=follow_symlinks, root=project.root, **limits)
    corpus = _joined(on_disk, load_texts(texts, **limits))
    return run_corpus(corpus, loaded_rules, date=date, jobs=jobs)


def _path(source: str | os.PathLike) -> Path:
    """A path given; a str holding a line break is an article's text passed where a path goes."""
    if isinstance(source, str) and "\n" in source:
        raise UsageError("a source with a line break in it is a text, not a path: pass factcheck.Text(text=...)")
    return Path(source)


def _in_memory(sources: list, tables: Mapping[str, Mapping]) -> list[InMemory]:
    """The in-memory sources as sources.py reads them, each checked as front matter would be."""
    texts, stories = [], {}
    for number, source in enumerate(sources, start=1):
        text = _as_text(source)
        name = text.name or f"text{number}.txt"
        if not text.story.strip() or not name.strip() or "/" in name:
            raise UsageError(
                f"text {number}: its name ({name!r}) and story ({text.story!r}) must be non-empty, the name without '/'"
            )
        if text.story not in stories:
            stories[text.story] = _story(text.story, tables.get(text.story, {}))
        texts.append(InMemory(stories[text.story], _entry(text, name), text.text))
    unused = sorted(set(tables) - set(stories))
    if unused:
        raise UsageError(f"stories: no text given is of the story {unused[0]!r}")
    return texts


def _story(story_id: str, table: Mapping) -> Story:
    """The story of texts, from what a story.toml's [story] table would say of it."""
    try:
        found = StoryTable.model_validate({"name": story_id, **table})
    except ValidationError as error:
        raise InputError(f"stories: {tomlfile.describe(error.errors()[0])}", path=story_id) from None
    return Story(id=story_id, name=found.name, reference_date=found.date, currency=found.currency)


def _as_text(source: object) -> Text:
    if isinstance(source, Text):
        text = source
    elif isinstance(source, Mapping):
        fields = {field.name for field in dataclasses.fields(Text)}
        unknown = sorted(set(source) - fields)
        if unknown or "text" not in source:
            keys = ", ".join(sorted(fields))
            raise UsageError(f"a text given as a dict has the keys {keys} ('text' required), not {unknown or 'no text'}")
        text = Text(**source)
    else:
        raise UsageError(f"a source is a path (str or Path) or a factcheck.Text, not {type(source).__name__}")
    if not isinstance(text.text, str):
        raise UsageError(f"the text of a factcheck.Text is a str, not {type(text.text).__name__}")
    return text


def _entry(text: Text, name: str) -> SourceEntry:
    """The text's metadata as a [[source]] entry; a bad language tag or date is an InputError naming the text."""
    where = f"{text.story}/{name}"
    given = {key: getattr(text, key) for key in ("title", "outlet", "url", "published") if getattr(text, key) is not None}
    if text.language is not None:
        try:
            given["language"] = parse_tag(text.language)
        except (ValueError, AttributeError) as error:
            raise InputError(f"language: {error}", path=where) from None
    try:
        return SourceEntry(file=name, **given)
    except ValidationError as error:
        raise InputError(tomlfile.describe(error.errors()[0]), path=where) from None


def _joined(first: Corpus, second: Corpus) -> Corpus:
    """Two corpora as one, stories in id order as `sources.load` gives them; two stories of one id are refused."""
    stories = first.stories + second.stories
    ids = [loaded.story.id for loaded in stories]
    clash = sorted({story for story in ids if ids.count(story) > 1})
    if clash:
        raise UsageError(
            f"story {clash[0]!r} is both a folder and the story of texts given in memory: name the texts' story otherwise"
        )
    return Corpus(sorted(stories, key=lambda loaded: loaded.story.id), first.warnings + second.warnings)
