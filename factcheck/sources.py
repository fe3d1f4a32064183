"""Load sources: files and folders, story manifests, front matter, encodings and languages.

Text and Markdown are read here; HTML pages and Word drafts through `factcheck.formats`, whose extracted
text becomes the document's text (what spans index). A folder's `.gitignore` and `.factcheckignore`
patterns (and those of the folders above it, up to its git work tree's root) leave files out of the walk.
A source that names no language has it detected (`factcheck.language`). `-` reads standard input.

A corpus may hold several stories: each folder with a `story.toml` is one, and
the files beneath it (down to the next story folder) are its sources. Files
outside any story folder form one story per path given. Paths in ids and
reports are relative to the `root` given (the project's folder), else to the
parent of the path given, so the same corpus gives the same ids whatever the
working directory.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Annotated, NamedTuple

from pydantic import BeforeValidator, ValidationError

from factcheck import tomlfile
from factcheck.cleaning import ACCEPT_COMMENT, clean
from factcheck.errors import ConfigError, InputError, UsageError
from factcheck.formats import DOCX_SUFFIXES, HTML_SUFFIXES, Extracted, OwnReport, Skipped
from factcheck.formats import docx as docx_format
from factcheck.formats import html as html_format
from factcheck.language import detect, parse_tag
from factcheck.manifest import MANIFEST_NAME, Day, DeclaredFact, SourceEntry, SourceMeta, StoryManifest, load_manifest
from factcheck.models import Document, Role, Source, Story

# pathspec, yaml and charset-normalizer (0.1 s to import together) are imported where an ignore file, YAML front
# matter or a file that is not UTF-8 first needs them.
if TYPE_CHECKING:
    import pathspec

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SOURCE_SUFFIXES = frozenset(TEXT_SUFFIXES) | HTML_SUFFIXES | DOCX_SUFFIXES
STDIN = "-"
IGNORE_FILES = (".gitignore", ".factcheckignore")  # in this order: a .factcheckignore may re-include (`!name`)
_MAX_IGNORE_BYTES = 1_000_000
# A .docx is a zip: its parts may unpack to this many times `max_file_bytes` (pictures included), no more.
_DOCX_UNPACKED = 5
# Names that, at the root of a folder given, are the folder's documentation rather than an article.
_DOCUMENTATION_STEMS = ("README",)
_DOCUMENTATION_PREFIXES = ("LICENSE", "LICENCE", "CHANGELOG")
_FRONT_MATTER = re.compile(r"\A\ufeff?(\+\+\+|---)[ \t]*\r?\n(.*?)\r?\n\1[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_COMMON_ENCODINGS = ["cp1252", "latin_1", "cp1251", "koi8_r", "iso8859_15", "cp1250", "iso8859_2", "iso8859_5", "cp866"]
_MAX_CHAOS = 0.2


@dataclass
class LoadedStory:
    """A story and its documents, ready for extraction."""

    story: Story
    documents: list[Document] = field(default_factory=list)
    declared: list[DeclaredFact] = field(default_factory=list)
    entries: dict[Path, SourceEntry] = field(default_factory=dict, repr=False)


@dataclass
class Corpus:
    """Every story loaded, and what was skipped on the way."""

    stories: list[LoadedStory]
    warnings: list[str]


@dataclass
class _Limits:
    max_file_bytes: int
    max_total_bytes: int
    total: int = 0


def load(
    paths: list[Path],
    draft: Path | None = None,
    *,
    max_file_bytes: int = 20_000_000,
    max_total_bytes: int = 2_000_000_000,
    follow_symlinks: bool = False,
    root: Path | None = None,
) -> Corpus:
    """Load every text file under `paths` (and the draft) into stories of documents.

    Only regular files are opened: never a FIFO, a device, a socket or a file of /proc or /sys. Under a
    folder given, a symbolic link is read only when it leads inside that folder (or with `follow_symlinks`,
    anywhere); the others are skipped with a warning naming them. Paths and ids are relative to `root` for
    the sources under it, else to the parent of the path given.
    """
    limits = _Limits(max_file_bytes, max_total_bytes)
    warnings: list[str] = []
    stories: dict[Path, LoadedStory] = {}
    for story_dir, root_of_story, given, files in _groups(paths, root, follow_symlinks, warnings):
        loaded = stories.get(story_dir) or _new_story(story_dir, root_of_story, default_name=given.name)
        stories[story_dir] = loaded
        _add_documents(loaded, files, root_of_story, story_dir, limits, warnings)
    if any(str(given) == STDIN for given in paths):
        _add_stdin(stories, limits, warnings)
    if draft is not None:
        _add_draft(stories, draft.resolve(), limits, warnings, root.resolve() if root is not None else None)
    ordered = [stories[key] for key in sorted(stories, key=lambda d: stories[d].story.id)]
    return Corpus(stories=[s for s in ordered if s.documents], warnings=warnings)


def _groups(
    paths: list[Path], root: Path | None, follow_symlinks: bool, warnings: list[str]
) -> Iterator[tuple[Path, Path, Path, list[Path]]]:
    """(story folder, the root its paths are relative to, the path given, its files) for every group of files
    found under the paths given, in the order found; standard input is left to the caller."""
    base = root.resolve() if root is not None else None
    if sum(str(given) == STDIN for given in paths) > 1:
        raise UsageError("standard input (-) can be read only once")
    for given in paths:
        if str(given) == STDIN:
            continue  # read once the files are, to join their story
        if not given.exists():
            raise InputError("no such file or folder", path=given)
        given = given.resolve()
        inside = base if base is not None and given.is_relative_to(base) else None
        for story_dir, files in _discover(given, _Walk(given, follow_symlinks, warnings, root=inside)):
            story_root = inside if inside and story_dir.is_relative_to(inside) else _default_root(story_dir, given)
            yield story_dir, story_root, given, files


@dataclass
class _Found:
    """A story found by the walk, its files not read yet."""

    loaded: LoadedStory
    story_dir: Path
    groups: list[tuple[list[Path], Path]] = field(default_factory=list)  # (files, the root their paths are from)


@dataclass
class LazyCorpus:
    """The stories under the paths given, each read only when reached: one story's documents in memory at a time.

    `warnings` holds what the walk skipped, known before any story is read; what reading a story's files
    skips goes with that story (`read`).
    """

    found: list[_Found]
    warnings: list[str]
    limits: _Limits

    @property
    def ids(self) -> list[str]:
        """The stories' ids, in the order `load` gives the stories."""
        return [found.loaded.story.id for found in self.found]

    def files(self, start: int = 0) -> int:
        """How many files the walk found in the stories from `start` on (each is at most one document)."""
        return sum(len(files) for found in self.found[start:] for files, _ in found.groups)

    def read(self, index: int) -> tuple[LoadedStory, list[str]]:
        """The story at `index` with its documents read, and the warnings of the files it skipped."""
        found, warnings = self.found[index], []
        # A fresh LoadedStory: the documents belong to the caller alone, and are gone once it lets them go.
        loaded = LoadedStory(found.loaded.story, declared=found.loaded.declared, entries=found.loaded.entries)
        for files, root in found.groups:
            _add_documents(loaded, files, root, found.story_dir, self.limits, warnings)
        return loaded, warnings


def load_lazily(
    paths: list[Path],
    *,
    max_file_bytes: int = 20_000_000,
    max_total_bytes: int = 2_000_000_000,
    follow_symlinks: bool = False,
    root: Path | None = None,
) -> LazyCorpus:
    """The stories `load` would give for `paths` (no draft, no standard input), walked now and read one by one
    through `LazyCorpus.read`, in the same order. A story none of whose files can be read has no documents:
    `load` leaves such a story out, the caller of `read` does."""
    warnings: list[str] = []
    found: dict[Path, _Found] = {}
    for story_dir, story_root, given, files in _groups(paths, root, follow_symlinks, warnings):
        if story_dir not in found:
            found[story_dir] = _Found(_new_story(story_dir, story_root, default_name=given.name), story_dir)
        found[story_dir].groups.append((files, story_root))
    ordered = sorted(found.values(), key=lambda each: each.loaded.story.id)
    return LazyCorpus(ordered, warnings, _Limits(max_file_bytes, max_total_bytes))


@dataclass
class _Walk:
    """The walk of one folder given on the command line: what it may follow, and what it skipped."""

    corpus: Path
    follow_symlinks: bool
    warnings: list[str]
    open_folders: set[Path] = field(default_factory=set)  # real paths of the folders being walked: loops
    root: Path | None = None  # what the paths of warnings are relative to (default: the corpus's parent)
    ignores: list[_Ignore] = field(default_factory=list)  # of the folders above and being walked, outermost first

    def __post_init__(self) -> None:
        self.ignores = _ignores_above(self.corpus)

    def skip(self, path: Path, why: str) -> None:
        self.warnings.append(f"{_relative(path, self.root or self.corpus.parent)}: skipped: {why}")


def _default_root(story_dir: Path, given: Path) -> Path:
    """Without a project root: the parent of the folder given, or of the story folder of a file given."""
    return given.parent if story_dir.is_relative_to(given) else story_dir.parent


def _discover(given: Path, walk: _Walk) -> list[tuple[Path, list[Path]]]:
    """(story folder, its files) pairs under a path given on the command line."""
    if not given.is_dir():
        refusal = _refusal(given)
        if refusal is not None:
            raise InputError(f"not read: {refusal}", path=given)
        return [(_story_dir_of(given), [given])]
    groups: dict[Path, list[Path]] = {}
    for path in _walk(given, walk):
        groups.setdefault(_story_dir_of(path), []).append(path)
    return sorted(groups.items())


def _walk(folder: Path, walk: _Walk) -> Iterator[Path]:
    """The sources under `folder`, in name order: regular files with a text suffix, hidden names left out."""
    real = Path(os.path.realpath(folder))
    if real in walk.open_folders:  # reached again through a symbolic link (--follow-symlinks)
        walk.skip(folder, "a symbolic link loop")
        return
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        raise InputError(f"cannot read folder ({error.strerror})", path=folder) from error
    walk.open_folders.add(real)
    own = _ignores_in(folder, walk)
    walk.ignores.extend(own)
    at_root = folder == walk.corpus
    for entry in (entry for entry in entries if not entry.name.startswith(".")):
        if at_root and _documentation(entry.name):
            continue
        path = folder / entry.name
        if _ignored(path, entry.is_dir(), walk.ignores):
            continue
        if entry.is_symlink():
            yield from _linked(path, walk)
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(path, walk)
        elif path.suffix.lower() in SOURCE_SUFFIXES:
            refusal = _refusal(path)
            if refusal is None:
                yield path
            else:
                walk.skip(path, refusal)
    del walk.ignores[len(walk.ignores) - len(own) :]
    walk.open_folders.discard(real)


def _linked(path: Path, walk: _Walk) -> Iterator[Path]:
    """A symbolic link: read, or walked, when it leads inside the folder given or with --follow-symlinks.

    A link to a folder inside is not walked: the files there are read where they are.
    """
    target = Path(os.path.realpath(path))
    inside = target.is_relative_to(walk.corpus)
    outside = f"a symbolic link leading outside {walk.corpus.name}/ (--follow-symlinks reads it)"
    if target.is_dir():
        if not inside and walk.follow_symlinks:
            yield from _walk(path, walk)
        elif not inside:
            walk.skip(path, outside)
        return
    if path.suffix.lower() not in SOURCE_SUFFIXES:
        return
    if not target.exists():
        walk.skip(path, "a broken symbolic link")
    elif (refusal := _refusal(target)) is not None:
        walk.skip(path, f"a symbolic link to {refusal}")
    elif inside or walk.follow_symlinks:
        yield path
    else:
        walk.skip(path, outside)


class _Ignore(NamedTuple):
    """The patterns of one ignore file, which apply to paths below its folder."""

    folder: Path
    spec: pathspec.GitIgnoreSpec


def _ignores_in(folder: Path, walk: _Walk | None = None) -> list[_Ignore]:
    """The folder's own ignore files; one that is not a small regular file is skipped, named in the walk's warnings."""
    found = []
    for name in IGNORE_FILES:
        path = folder / name
        try:
            data = _small_file(path)
        except FileNotFoundError:
            continue  # none there
        except OSError as error:  # a symbolic link (not followed), or unreadable
            data, why = None, f"an ignore file not read ({error.strerror})"
        else:
            why = "an ignore file that is not a regular file of at most 1 MB"
        if data is None:
            if walk is not None:
                walk.skip(path, why)
            continue
        import pathspec

        found.append(_Ignore(folder, pathspec.GitIgnoreSpec.from_lines(data.decode("utf-8", "replace").splitlines())))
    return found


def _small_file(path: Path) -> bytes | None:
    """The bytes of a regular file of at most 1 MB, opened without following a link or blocking; else None."""
    with open(os.open(path, _OPEN_FLAGS | getattr(os, "O_NOFOLLOW", 0)), "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_IGNORE_BYTES:
            return None
        return stream.read(_MAX_IGNORE_BYTES)


def _ignores_above(corpus: Path) -> list[_Ignore]:
    """The ignore files of the folders above `corpus` up to the root of its git work tree (none outside one).

    A folder given by name that they leave out is read all the same, like a path given to git with `-f`:
    asking for `bench/out/archive` means it, whatever `/bench/out/` in the repository's .gitignore says.
    """
    above = []
    for folder in corpus.parents:
        above.append(folder)
        if (folder / ".git").exists():
            ignores = [ignore for folder in reversed(above) for ignore in _ignores_in(folder)]
            return [] if _ignored(corpus, True, ignores) else ignores
    return []


def _ignored(path: Path, is_dir: bool, ignores: list[_Ignore]) -> bool:
    """Whether git would ignore `path` under these patterns: the last one that matches decides, and the
    patterns of a deeper folder come after those of the folders above it."""
    verdict = None
    for ignore in ignores:
        relative = path.relative_to(ignore.folder).as_posix() + ("/" if is_dir else "")
        include = ignore.spec.check_file(relative).include
        verdict = include if include is not None else verdict
    return bool(verdict)


_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}  # fmt: skip
_PSEUDO_ROOTS = ("/proc", "/sys")  # kernel pseudo-files: regular files to stat, endless or secret to read


def _refusal(path: Path, info: os.stat_result | None = None) -> str | None:
    """Why `path` (of which `info` is the stat, if known) may not be opened as a source, or None when it may."""
    try:
        info = info or path.stat()
    except OSError:
        return None  # opening it says what is wrong
    if not stat.S_ISREG(info.st_mode):
        return f"{_KINDS.get(stat.S_IFMT(info.st_mode), 'a special file')}, not a regular file"
    if _pseudo(os.path.realpath(path), info.st_dev):
        return "a system pseudo-file (/proc, /sys), not a regular file"
    return None


def _pseudo(real: str, device: int) -> bool:
    """True for a file under /proc or /sys, or on their file systems wherever mounted."""
    for root in _PSEUDO_ROOTS:
        if real == root or real.startswith(root + "/"):
            return True
        if os.path.ismount(root) and os.stat(root).st_dev == device:
            return True
    return False


def reader_of(target: Path, paths: list[Path]) -> Path | None:
    """The path among `paths` under which a file written at `target` would be read as a source, else None.

    What factcheck writes under an HTML name is not read (a report is recognised, JSON or text is no page),
    and neither is a file that the ignore files leave out.
    """
    real = Path(os.path.realpath(target))
    for given in paths:
        if str(given) == STDIN:
            continue
        folder = Path(os.path.realpath(given))
        inside = folder.is_dir() and real.is_relative_to(folder)
        if real == folder or (inside and _source_name(real.relative_to(folder)) and not _ignored_below(folder, real)):
            return given
    return None


def _source_name(relative: Path) -> bool:
    """True for a path (inside a folder given) that the walk reads when factcheck writes it: a text suffix,
    no hidden part, not documentation."""
    if len(relative.parts) == 1 and _documentation(relative.name):
        return False
    return relative.suffix.lower() in TEXT_SUFFIXES and not any(part.startswith(".") for part in relative.parts)


def _ignored_below(folder: Path, path: Path) -> bool:
    """Whether the ignore files above `folder`, in it and in the folders down to `path` leave `path` out."""
    ignores = _ignores_above(folder) + _ignores_in(folder)
    for below in reversed(path.parents[: len(path.relative_to(folder).parts) - 1]):
        if _ignored(below, True, ignores):
            return True
        ignores += _ignores_in(below)
    return _ignored(path, False, ignores)


def _documentation(name: str) -> bool:
    """True for README.md, README.txt, LICENSE*, CHANGELOG*: a corpus folder's own documentation, not an article."""
    upper = name.upper()
    return upper.split(".")[0] in _DOCUMENTATION_STEMS or upper.startswith(_DOCUMENTATION_PREFIXES)


def _story_dir_of(path: Path) -> Path:
    """The nearest folder above a file with a story.toml, else the file's own folder."""
    for folder in path.parents:
        if (folder / MANIFEST_NAME).is_file():
            return folder
    return path.parent


def _new_story(story_dir: Path, root: Path, default_name: str) -> LoadedStory:
    story_id = _relative(story_dir, root)
    manifest_path = story_dir / MANIFEST_NAME
    if not manifest_path.is_file():
        return LoadedStory(Story(id=story_id, name=story_dir.name or default_name))
    manifest = load_manifest(manifest_path)
    table = manifest.story
    return LoadedStory(
        Story(id=story_id, name=table.name, reference_date=table.date, currency=table.currency),
        declared=list(manifest.fact),
        entries=_listed_files(manifest, story_dir, manifest_path),
    )


def _listed_files(manifest: StoryManifest, story_dir: Path, manifest_path: Path) -> dict[Path, SourceEntry]:
    """The manifest's [[source]] entries by resolved path; a listed file that is missing is an error."""
    entries = {}
    for index, entry in enumerate(manifest.source):
        path = (story_dir / entry.file).resolve()
        if not path.is_file():
            line = tomlfile.locate(tomlfile.read_text(manifest_path), ("source", index, "file"))
            raise ConfigError(f"source file {entry.file!r} not found next to the manifest", path=manifest_path, line=line)
        entries[path] = _checked_language(entry, index, manifest_path)
    return entries


def _checked_language(entry: SourceEntry, index: int, manifest_path: Path) -> SourceEntry:
    """The entry with its language tag checked as front matter's is (the manifest checks its language only)."""
    if "language" not in entry.model_fields_set:
        return entry
    try:
        return entry.model_copy(update={"language": parse_tag(entry.language)})
    except ValueError as error:
        line = tomlfile.locate(tomlfile.read_text(manifest_path), ("source", index, "language"))
        raise ConfigError(f"source[{index}].language: {error}", path=manifest_path, line=line) from None


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _add_documents(
    loaded: LoadedStory, files: list[Path], root: Path, story_dir: Path, limits: _Limits, warnings: list[str]
) -> None:
    known = {document.source.path for document in loaded.documents}
    for path in files:
        display = _relative(path, root)
        if display in known:
            continue
        document = _read_document(path, display, loaded, limits, warnings)
        if document is not None:
            loaded.documents.append(document)
            known.add(display)
    loaded.documents.sort(key=lambda document: document.source.path)


def _add_draft(
    stories: dict[Path, LoadedStory], draft: Path, limits: _Limits, warnings: list[str], base: Path | None = None
) -> None:
    """The draft joins the story whose folder holds it, else the only story there is."""
    if not draft.exists():
        raise InputError("draft file not found", path=draft)
    refusal = _refusal(draft)
    if refusal is not None:
        raise InputError(f"not read: {refusal}", path=draft)
    story_dir = _story_dir_of(draft)
    if story_dir not in stories:
        if len(stories) != 1:
            raise UsageError("--draft: put the draft in its story's folder, or give the sources of one story only")
        story_dir = next(iter(stories))
    loaded = stories[story_dir]
    display = _relative(draft, base if base is not None and draft.is_relative_to(base) else story_dir.parent)
    loaded.documents = [d for d in loaded.documents if d.source.path != display]
    document = _read_document(draft, display, loaded, limits, warnings, role=Role.DRAFT)
    if document is not None:
        loaded.documents.append(document)


def _add_stdin(stories: dict[Path, LoadedStory], limits: _Limits, warnings: list[str]) -> None:
    """Standard input as one source: of the story the other paths give when they give one, else of a story
    of its own. An HTML page or a .docx is recognised by its first bytes."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("there is no standard input to read", path=STDIN)
    data = _bounded_read(stream, 0, Path(STDIN), STDIN, limits, warnings)
    if data is None:
        return
    if len(stories) == 1:
        loaded = next(iter(stories.values()))
    else:
        loaded = stories.setdefault(Path(STDIN), LoadedStory(Story(id=STDIN, name="standard input")))
    document = _document(data, Path(STDIN), STDIN, loaded, limits, warnings, _sniffed(data))
    if document is not None:
        loaded.documents.append(document)
        loaded.documents.sort(key=lambda document: document.source.path)


class InMemory(NamedTuple):
    """A text given in memory (the Python API's): its story, its [[source]] entry (`file` is its name), and
    the text itself."""

    story: Story
    entry: SourceEntry
    text: str


def load_texts(texts: list[InMemory], *, max_file_bytes: int = 20_000_000, max_total_bytes: int = 2_000_000_000) -> Corpus:
    """In-memory texts as stories of documents, one per story id, each text read as the file
    `<story id>/<name>` would be (front matter, Markdown, cleaning, language detection) with `entry` as its
    [[source]] entry in story.toml. Nothing is written to disk."""
    limits = _Limits(max_file_bytes, max_total_bytes)
    warnings: list[str] = []
    stories: dict[str, LoadedStory] = {}
    for given in texts:
        loaded = stories.setdefault(given.story.id, LoadedStory(given.story))
        display = PurePosixPath(given.story.id, given.entry.file).as_posix()
        path = Path(display)  # names the text in messages, and finds its entry, as a file's path would
        if path in loaded.entries:
            raise UsageError(f"two texts are named {display}: give each text of a story its own name")
        loaded.entries[path] = given.entry
        encoded = given.text.encode("utf-8")
        data = _bounded_read(io.BytesIO(encoded), len(encoded), path, display, limits, warnings)
        document = None if data is None else _document(data, path, display, loaded, limits, warnings, path.suffix.lower())
        if document is not None:
            loaded.documents.append(document)
    for loaded in stories.values():
        loaded.documents.sort(key=lambda document: document.source.path)
    ordered = [stories[story_id] for story_id in sorted(stories)]
    return Corpus(stories=[loaded for loaded in ordered if loaded.documents], warnings=warnings)


def _sniffed(data: bytes) -> str:
    """The suffix a file with these first bytes would have: .docx (a zip), .html, else .txt."""
    if data.startswith(b"PK\x03\x04"):
        return ".docx"
    head = data[:1024].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return ".html" if head.startswith(b"<") and (b"<html" in head or b"<!doctype html" in head) else ".txt"


def _read_document(
    path: Path, display: str, loaded: LoadedStory, limits: _Limits, warnings: list[str], role: Role | None = None
) -> Document | None:
    data = _read_bytes(path, display, limits, warnings)
    if data is None:
        return None
    return _document(data, path, display, loaded, limits, warnings, path.suffix.lower(), role)


class _Read(NamedTuple):
    """A file as read: its text (what spans index), where the body starts, its encoding and its metadata."""

    original: str
    body_start: int
    encoding: str
    meta: dict
    markdown: bool = False


def _document(
    data: bytes, path: Path, display: str, loaded: LoadedStory, limits: _Limits, warnings: list[str], suffix: str,
    role: Role | None = None,
) -> Document | None:
    """The document of a source's bytes, read as its suffix says; None, with a warning, when not read."""
    try:
        read = _read_as(suffix, data, path, display, limits, warnings)
    except OwnReport:
        return None  # a report written into the corpus folder is not news
    except Skipped as why:
        warnings.append(f"{display}: skipped: {why}")
        return None
    entry = loaded.entries.get(path)
    original, start = read.original, read.body_start
    source = _source(path, display, loaded.story.id, original, start, read.encoding, read.meta, entry, role)
    text, offsets = clean(read.original, read.body_start, markdown=read.markdown)
    return Document(source=source, original=read.original, text=text, offsets=offsets)


def _read_as(suffix: str, data: bytes, path: Path, display: str, limits: _Limits, warnings: list[str]) -> _Read:
    """A .docx through python-docx, an HTML page through trafilatura (their text and metadata), else text
    and its front matter."""
    if suffix in DOCX_SUFFIXES:
        found = docx_format.read(data, _DOCX_UNPACKED * limits.max_file_bytes)
        return _Read(found.text, 0, "utf-8", _found_meta(found, display, warnings))
    decoded = decode_file(data)
    if decoded is None:
        raise Skipped("binary or undecodable file")
    if decoded.replaced:
        warnings.append(decoded.warning(display))
    if suffix in HTML_SUFFIXES:
        found = html_format.read(decoded.text)
        return _Read(found.text, 0, decoded.encoding, _found_meta(found, display, warnings))
    meta, body_start = front_matter(decoded.text, path)
    return _Read(decoded.text, body_start, decoded.encoding, meta, markdown=suffix in {".md", ".markdown"})


def _found_meta(found: Extracted, display: str, warnings: list[str]) -> dict:
    """A page's or a document's metadata as front matter would give it; a value front matter would refuse
    (a `lang` that is no language tag, a date that is none) is left out with a warning, not an error: the
    page was written by its site, not by the user."""
    kept = {}
    for key, value in found.meta.items():
        try:
            FrontMatter.model_validate({key: value})
        except ValidationError as error:
            warnings.append(f"{display}: {key} {value!r} of the file's metadata not used: {_problem(error)}")
        else:
            kept[key] = value
    return FrontMatter.model_validate(kept).model_dump(exclude_unset=True, exclude_none=True)


def _problem(error: ValidationError) -> str:
    return tomlfile.describe({**error.errors()[0], "loc": ()})


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)  # nothing can block


def _read_bytes(path: Path, display: str, limits: _Limits, warnings: list[str]) -> bytes | None:
    """A source's bytes, or None with a warning for a file not to open or over `max_file_bytes`.

    Checked before it is opened, opened without blocking, and checked again once open, so a file swapped
    for a FIFO or a pseudo-file in between is not read either.
    """
    refusal = _refusal(path)
    if refusal is None:
        try:
            with open(os.open(path, _OPEN_FLAGS), "rb") as stream:
                info = os.fstat(stream.fileno())
                refusal = _refusal(path, info)
                if refusal is None:
                    return _bounded_read(stream, info.st_size, path, display, limits, warnings)
        except OSError as error:
            raise InputError(f"cannot read file ({error.strerror})", path=path) from error
    warnings.append(f"{display}: skipped: {refusal}")
    return None


def _bounded_read(stream, size: int, path: Path, display: str, limits: _Limits, warnings: list[str]) -> bytes | None:
    """At most `max_file_bytes` of an open source (which may grow while it is read), counted in the total."""
    limit = limits.max_file_bytes
    data = stream.read(limit + 1) if size <= limit else b""
    if size > limit or len(data) > limit:
        over = size if size > limit else f"more than {limit}"
        warnings.append(f"{display}: skipped: {over} bytes is over the limit of {limit} (settings.max_file_bytes)")
        return None
    limits.total += len(data)
    if limits.total > limits.max_total_bytes:
        raise InputError(
            f"the sources add up to more than {limits.max_total_bytes} bytes (raise settings.max_total_bytes)",
            path=path,
        )
    return data


@dataclass(frozen=True)
class Decoded:
    """A file's text and encoding; `replaced` bytes were not valid in it and each became U+FFFD, the first
    few at the byte offsets `first_replaced`."""

    text: str
    encoding: str
    replaced: int = 0
    first_replaced: tuple[int, ...] = ()

    def warning(self, display: str) -> str:
        """`path: partly read: …`, naming how many bytes were replaced and where the first were."""
        offsets = ", ".join(map(str, self.first_replaced))
        more = self.replaced - len(self.first_replaced)
        where = f"at byte offset{'s' if self.replaced > 1 else ''} {offsets}" + (f" and {more} more" if more else "")
        count = f"{self.replaced} bytes are" if self.replaced > 1 else "1 byte is"
        return f"{display}: partly read: {count} not UTF-8 and became U+FFFD, {where}"


def decode(data: bytes) -> tuple[str, str] | None:
    """The text of a file and its encoding, or None for binary or undecodable data (see `decode_file`)."""
    decoded = decode_file(data)
    return None if decoded is None else (decoded.text, decoded.encoding)


def decode_file(data: bytes) -> Decoded | None:
    """The text of a file, its encoding and what was replaced, or None for binary or undecodable data.

    Text that is UTF-8 but for a few stray bytes stays UTF-8, those bytes replaced: a legacy encoding is
    guessed only for text that is not mostly UTF-8, since reading UTF-8 as cp1251 garbles every character
    beyond ASCII (`1993–2023` as `1993вЂ“2023`).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError:
            return None
    order = _utf16_order(data)
    if order is not None:
        found = _detect(data, [[order]])
        if found is not None:
            return found
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        repaired = _mostly_utf8(data)
        if repaired is not None:
            return None if _looks_binary(repaired.text) else repaired
        return None if b"\x00" in data else _detect(data)
    # ASCII-only binary data (NUL padding, escape codes) is valid UTF-8 too
    return None if _looks_binary(text) else Decoded(text, _utf8_name(text))


def _utf8_name(text: str) -> str:
    return "utf-8-sig" if text.startswith("\ufeff") else "utf-8"


_ESCAPED = re.compile("[\udc80-\udcff]")  # how the surrogateescape handler keeps a byte that is not UTF-8
_SHOWN_OFFSETS = 5


_CHARACTERS_PER_BAD_BYTE, _FEW_BAD_BYTES = 2, 16


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 text with its stray bytes replaced by U+FFFD, or None when the bytes are not mostly UTF-8.

    Mostly: at least one character beyond ASCII decodes, there are no more bad bytes than such characters
    (two such characters for each when there are more than a few bad bytes), or at most one bad byte in a
    thousand. Read as UTF-8, legacy encodings leave about as many bad bytes as characters or more: of the
    3,200 real articles (tests/data/real, seeds) written in each of 18 legacy encodings that could hold them,
    none passed, the most being 1.04 characters per bad byte (254 bad bytes: a Greek article in gb18030,
    whose two-byte letters pair into stray Cyrillic and Coptic ones). An English article has a few dashes
    and quotes for each stray byte, a Russian one thousands of letters.
    """
    escaped = data.decode("utf-8", "surrogateescape")
    text, bad = _ESCAPED.subn("\ufffd", escaped)
    good = len(escaped) - len(escaped.encode("ascii", "ignore")) - bad
    per_bad_byte = _CHARACTERS_PER_BAD_BYTE if bad > _FEW_BAD_BYTES else 1
    if not good or (bad * per_bad_byte > good and bad * 1000 > len(data)):
        return None
    return Decoded(text, _utf8_name(text), bad, _byte_offsets(escaped, _SHOWN_OFFSETS))


def _byte_offsets(escaped: str, limit: int) -> tuple[int, ...]:
    """Byte offsets of the first `limit` escaped bytes, counted by encoding the text between them."""
    offsets: list[int] = []
    position, consumed = 0, 0
    for match in _ESCAPED.finditer(escaped):
        consumed += len(escaped[position : match.start()].encode("utf-8", "surrogateescape"))
        offsets.append(consumed)
        consumed, position = consumed + 1, match.end()
        if len(offsets) == limit:
            break
    return tuple(offsets)


def _utf16_order(data: bytes) -> str | None:
    """The byte order of UTF-16 text without a BOM: its NUL bytes (the high byte of ASCII) all fall on one
    side of the byte pairs, and there are enough of them not to be a stray NUL in UTF-8 text."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    enough = max(2, len(data) // 40)
    if odd >= enough and even == 0:
        return "utf_16_le"
    if even >= enough and odd == 0:
        return "utf_16_be"
    return None


def _detect(data: bytes, isolations: list[list[str] | None] | None = None) -> Decoded | None:
    """Legacy encodings through charset-normalizer, steered towards those news text is found in.

    On short texts charset-normalizer can prefer an exotic code page (KOI8-R read as
    Shift-JIS, Latin-1 as cp1257); the common news encodings are tried first and,
    between equally plausible readings, the more common encoding wins.
    """
    from charset_normalizer import from_bytes

    for isolation in isolations or (_COMMON_ENCODINGS, None):
        candidates = [match for match in from_bytes(data, cp_isolation=isolation) if match.chaos <= _MAX_CHAOS]
        if candidates:
            best = min(candidates, key=_plausibility)
            text = str(best)
            return None if _looks_binary(text) else Decoded(text, _preferred_name(best))
    return None


def _plausibility(match) -> tuple:
    return (round(match.chaos, 2), -round(match.coherence, 2), _preference(match.encoding))


def _preference(encoding: str) -> int:
    return _COMMON_ENCODINGS.index(encoding) if encoding in _COMMON_ENCODINGS else len(_COMMON_ENCODINGS)


def _preferred_name(match) -> str:
    """Of the encodings that read the bytes identically, the most common one."""
    return min(match.could_be_from_charset, key=_preference)


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters other than \t \n \f \r


def _looks_binary(text: str) -> bool:
    # a regex counts at C speed: a Python loop over every character cost as much as cleaning the text
    controls = len(_CONTROLS.findall(text))
    return controls > max(8, len(text) // 100)


def _language_tag(value: object) -> object:
    """A BCP 47 tag that CLDR knows, in its canonical form; anything else a ValueError (an input error)."""
    return parse_tag(value) if isinstance(value, str) else value


LanguageTag = Annotated[str, BeforeValidator(_language_tag)]


class FrontMatter(SourceMeta):
    """A source's own metadata, at the top of its file; `date` is another name for `published`."""

    date: Day | None = None
    language: LanguageTag = "en"


def front_matter(original: str, path: Path) -> tuple[dict, int]:
    """Metadata from a leading TOML (+++) or YAML (---) block, and where the body starts.

    Whatever is wrong with the block is an InputError naming the file and the line.
    """
    found = _FRONT_MATTER.match(original)
    if not found:
        return {}, 0
    block, first_line = found.group(2), original.count("\n", 0, found.start(2)) + 1
    data = _parse_front_matter("TOML" if found.group(1) == "+++" else "YAML", block, path, first_line)
    try:
        meta = FrontMatter.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        line = first_line + _key_line(block, problem["loc"][0] if problem["loc"] else None)
        raise InputError(f"front matter: {tomlfile.describe(problem)}", path=path, line=line) from None
    return meta.model_dump(exclude_unset=True, exclude_none=True), found.end()


def _parse_front_matter(language: str, block: str, path: Path, first_line: int) -> dict:
    import yaml

    try:
        data = tomllib.loads(block) if language == "TOML" else yaml.safe_load(block)
    except (ValueError, yaml.YAMLError, RecursionError) as error:  # TOMLDecodeError is a ValueError; so is a bad date
        message, line = _parse_problem(error)
        line += first_line
        raise InputError(f"front matter is not valid {language}: {message}", path=path, line=line) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a table of keys and values", path=path, line=first_line)
    return data


def _parse_problem(error: Exception) -> tuple[str, int]:
    """One line saying what is wrong, and the 0-based line of the block it is on (0 when not known)."""
    import yaml

    if isinstance(error, RecursionError):
        return "nested too deeply", 0
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        return " ".join(part for part in (error.context, error.problem) if part), mark.line if mark else 0
    found = re.search(r"\s*\(at line (\d+), column \d+\)", str(error))
    message = str(error).replace(found.group(), "") if found else str(error)
    return " ".join(message.split()), int(found.group(1)) - 1 if found else 0


def _key_line(block: str, key: object) -> int:
    """0-based line of the block where `key` is set (0 when not found)."""
    pattern = re.compile(rf"""^[ \t]*["']?{re.escape(str(key))}["']?[ \t]*[:=]""", re.MULTILINE)
    found = pattern.search(block) if key is not None else None
    return block.count("\n", 0, found.start()) if found else 0


def _source(
    path: Path,
    display: str,
    story_id: str,
    original: str,
    body_start: int,
    encoding: str,
    meta: dict,
    entry: SourceEntry | None,
    role: Role | None,
) -> Source:
    fields = {
        "title": _default_title(original[body_start:], path),
        "role": Role.SOURCE,
    }
    fields.update({key: value for key, value in meta.items() if key != "date"})
    if "date" in meta and "published" not in meta:
        fields["published"] = meta["date"]
    if entry is not None:
        fields.update(entry.model_dump(exclude={"file"}, exclude_none=True, exclude_unset=True))
    if role is not None:
        fields["role"] = role
    if "language" not in fields:
        fields.update(_language_of(original[body_start:]))
    return Source(id=_source_id(display), story=story_id, path=display, encoding=encoding, text=original, **fields)


def _language_of(body: str) -> dict:
    """The language of a source that gives none: detected, else English by default (both recorded so)."""
    detected = detect(body)
    if detected is None:
        return {"language": "en", "language_origin": "default"}
    return {"language": detected, "language_origin": "detected"}


def _source_id(display: str) -> str:
    return display.rsplit(".", 1)[0] if "." in PurePosixPath(display).name else display


def _default_title(body: str, path: Path) -> str:
    """The first line of the text, shortened to its first sentence when long; an accept comment is no title."""
    for line in body.splitlines():
        line = " ".join(re.sub(ACCEPT_COMMENT, " ", line).split())
        if line:
            if len(line) > 120:
                sentence = re.split(r"(?<=[.!?])\s", line, maxsplit=1)[0]
                line = sentence if len(sentence) <= 120 else sentence[:117].rsplit(" ", 1)[0] + "…"
            return line
    return path.stem
