"""A project's configuration: `factcheck.toml`, or `[tool.factcheck]` of a `pyproject.toml`, found upward.

Looked for from the first corpus path given (its folder, then each folder above it), then from the current
folder; in each folder `factcheck.toml` comes before `pyproject.toml`, and a `pyproject.toml` without a
`[tool.factcheck]` table is passed over. Paths in the file are relative to the file's folder. Options given
on the command line win over the file, which wins over the built-in defaults.

The project's root is the folder every path of a report, a baseline, SARIF and an annotation is relative to:
the config file's folder; without one, the repository root (the nearest folder holding `.git`, looked for
like the config); else the current folder. It never depends on the folder a command runs from. GitHub
annotations and SARIF, read from the repository's root, add the root's folder in the repository before every
path (`Project.repository_prefix`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Sequence

from pydantic import BaseModel, ConfigDict, Field

from factcheck import tomlfile
from factcheck.errors import ConfigError

CONFIG_NAME = "factcheck.toml"
PYPROJECT_NAME = "pyproject.toml"
DEFAULT_SOURCES = Path("seeds")
DEFAULT_FAIL_ON = "warning"


class ProjectConfig(BaseModel):
    """What a project's configuration may say; every key is optional."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    paths: list[Path] = Field(default_factory=list, description="Corpus folders or files, relative to the config file.")
    rules: Path | None = Field(default=None, description="The project's rules folder, read over the shipped defaults.")
    baseline: Path | None = Field(default=None, description="The baseline file of `factcheck baseline` and `check`.")
    fail_on: Literal["error", "warning", "info"] | None = Field(default=None, description="The default of --fail-on.")


class _Tool(BaseModel):
    model_config = ConfigDict(extra="ignore")

    factcheck: ProjectConfig


class _Pyproject(BaseModel):
    """The shape of a pyproject.toml, so that an error inside [tool.factcheck] is located at its line."""

    model_config = ConfigDict(extra="ignore")

    tool: _Tool


@dataclass(frozen=True)
class Project:
    """The configuration in force for one run, the file it came from (None: built-in defaults only), the root
    folder (absolute) that paths in outputs are relative to, and the git repository holding it, if any."""

    file: Path | None = None
    config: ProjectConfig = field(default_factory=ProjectConfig)
    root: Path = field(default_factory=lambda: Path.cwd().resolve())
    repository: Path | None = None

    def repository_prefix(self) -> str:
        """The root as a folder of its repository, in `/` form ending in `/` (`newsroom/`); empty when the root is
        the repository's root or in no repository. GitHub annotations and SARIF put it before the root-relative
        paths of a report, so they name files that exist from the repository's root; fingerprints, baselines
        and the other outputs do not, so moving the project inside its repository reopens nothing."""
        if self.repository is None:
            return ""
        root, repository = self.root.resolve(), self.repository.resolve()
        if root == repository or not root.is_relative_to(repository):
            return ""
        return root.relative_to(repository).as_posix() + "/"

    def display(self, path: Path) -> str:
        """`path` as outputs name it: relative to the root, in `/` form, when under it; else absolute."""
        full = Path(path).absolute()
        full = full.parent.resolve() / full.name  # the folder's real path, as the root's; the file as named
        root = self.root.resolve()
        return full.relative_to(root).as_posix() if full.is_relative_to(root) else full.as_posix()

    def at_root(self, relative: Path) -> Path:
        """A file in the project's root, as a path from the current folder (absolute when not under it)."""
        full, cwd = self.root / relative, Path.cwd().resolve()
        return full.relative_to(cwd) if full.is_relative_to(cwd) else full

    def sources(self, given: Sequence[Path]) -> list[Path]:
        """The paths to read: those given, else the config's, else `seeds/`."""
        return list(given) or list(self.config.paths) or [DEFAULT_SOURCES]

    def rules(self, given: Path | None) -> Path | None:
        """The project's rules folder: the one given, else the config's, else none (the defaults alone)."""
        return given if given is not None else self.config.rules

    def baseline(self, given: Path | None) -> Path | None:
        """The baseline file: the one given, else the config's."""
        return given if given is not None else self.config.baseline

    def fail_on(self, given: str | None) -> str:
        """The --fail-on threshold: the one given, else the config's, else warning."""
        return given or self.config.fail_on or DEFAULT_FAIL_ON


def discover(paths: Sequence[Path], cwd: Path | None = None) -> Project:
    """The project of a run on `paths`: the config found upward from the first path, else from `cwd`; its
    root is the config's folder, else the repository found the same way, else `cwd`."""
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    starts = [start if start.is_absolute() else cwd / start for start in [*map(Path, paths[:1]), cwd]]
    for start in starts:
        found = find_config(start)
        if found is not None:
            return Project(found, load_config(found, cwd), found.parent.resolve(), find_repository(found.parent))
    repository = next((found for found in map(find_repository, starts) if found is not None), None)
    return Project(root=(repository or cwd).resolve(), repository=repository)


def find_repository(start: Path) -> Path | None:
    """The nearest folder at or above `start` holding `.git` (a folder, or a file in a worktree)."""
    start = Path(os.path.abspath(start))
    folder = start if start.is_dir() else start.parent
    return next((candidate for candidate in (folder, *folder.parents) if (candidate / ".git").exists()), None)


def find_config(start: Path) -> Path | None:
    """The nearest `factcheck.toml`, or `pyproject.toml` holding `[tool.factcheck]`, at or above `start`."""
    start = Path(start).absolute()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_NAME).is_file():
            return candidate / CONFIG_NAME
        pyproject = candidate / PYPROJECT_NAME
        if pyproject.is_file() and "factcheck" in tomlfile.parse(tomlfile.read_text(pyproject), pyproject).get("tool", {}):
            return pyproject
    return None


def load_config(path: Path, cwd: Path | None = None) -> ProjectConfig:
    """Read and validate a config file; its paths come back relative to `cwd` when inside it, else absolute."""
    text = tomlfile.read_text(path)
    data = tomlfile.parse(text, path)
    if path.name == PYPROJECT_NAME:
        config = tomlfile.validate(data, _Pyproject, text, path).tool.factcheck
    else:
        config = tomlfile.validate(data, ProjectConfig, text, path)
    folder, cwd = path.absolute().parent, (cwd or Path.cwd()).absolute()

    def place(value: Path | None) -> Path | None:
        if value is None:
            return None
        full = folder / value
        return full.relative_to(cwd) if full.is_relative_to(cwd) and full != cwd else full

    return ProjectConfig(
        paths=[place(value) for value in config.paths], rules=place(config.rules),
        baseline=place(config.baseline), fail_on=config.fail_on,
    )


STARTER_CONFIG = """\
# factcheck's configuration for this folder (see `Configuration` in factcheck's README).
# Every key is optional; options given on the command line win over these.
# Paths are relative to this file.

# Corpus folders (or files) read when a command is given no paths.
paths = ["{corpus}"]

# Your own rules folder, read over the rules shipped with factcheck: put only what differs
# in it (a checks.toml re-levelling one check, an entities.toml with your house spellings).
# rules = "rules"

# The baseline that `factcheck baseline` writes and `factcheck check` compares with.
baseline = "factcheck-baseline.json"

# Lowest severity of a new or changed finding that makes `factcheck check` fail: error, warning or info.
fail_on = "warning"
"""

STARTER_STORY = """\
# One story: the articles of this folder are about one event (see `Story manifest` in factcheck's README).
[story]
name = "{name}"
# The day of the event: money is converted at the rates of this day (a source's own date wins).
# date = 2025-12-20
# The currency the report states money in.
currency = "USD"
"""


def init(folder: Path, corpus: str = "articles") -> list[tuple[Path, bool]]:
    """Write a starter `factcheck.toml` in `folder` and a `story.toml` in its corpus folder, never overwriting.

    An existing `factcheck.toml` is an error; an existing `story.toml` is kept. Returns each file and whether
    it was written.
    """
    config, story = folder / CONFIG_NAME, folder / corpus / "story.toml"
    if config.exists():
        raise ConfigError("already exists: not overwritten (remove it first to start again)", path=config)
    config.write_text(STARTER_CONFIG.format(corpus=corpus), encoding="utf-8")
    if story.exists():
        return [(config, True), (story, False)]
    story.parent.mkdir(parents=True, exist_ok=True)
    story.write_text(STARTER_STORY.format(name=folder.absolute().name or "story"), encoding="utf-8")
    return [(config, True), (story, True)]
