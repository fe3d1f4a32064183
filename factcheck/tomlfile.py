"""Read a TOML file into a pydantic model, with errors that name the file and line.

`tomllib` gives no positions for keys, so a validation error's location
(`("checks", "agreement", "severity")`) is found again in the text by walking
its table headers and keys. The line found is the most specific one that
exists: the key itself, else its table, else the first line.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from factcheck.errors import ConfigError, FactcheckError

Model = TypeVar("Model", bound=BaseModel)

MAX_TOML_BYTES = 10_000_000  # a rules file or story.toml is hand-written: far below this
_FILE_TYPES = (
    (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
)

# The table name is taken with the spaces around it (`_split_keys` ignores them): a lazy name followed by
# `\s*` would try every split of a long run of spaces, quadratic in the line's length.
_HEADER = re.compile(r"^\s*(\[\[?)([^\]]*)\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=""")


def read_text(path: Path) -> str:
    """The file's text, or a ConfigError saying why it cannot be read."""
    try:
        data = read_regular(path, MAX_TOML_BYTES, ConfigError)
    except OSError as error:
        raise ConfigError(f"cannot read file ({error.strerror})", path=path) from error
    try:
        text = data.decode("utf-8-sig")  # an editor's UTF-8 BOM is no "Invalid statement"
    except UnicodeDecodeError as error:
        raise ConfigError("not UTF-8 text; TOML files must be UTF-8", path=path) from error
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as text mode reads line ends


def read_regular(path: Path, limit: int, error: type[FactcheckError]) -> bytes:
    """The bytes of `path` if it is a regular file of at most `limit` bytes, else `error` saying why not.

    The type is checked before the file is opened (opening a FIFO waits for a writer, a device may never
    end) and again on the opened file, in case another was put in its place meanwhile. OSError (missing,
    unreadable) is left to the caller, which knows what the file is for.
    """
    _refuse_irregular(os.stat(path), path, limit, error)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(descriptor, "rb") as stream:
        _refuse_irregular(os.fstat(descriptor), path, limit, error)
        data = stream.read(limit + 1)
    if len(data) > limit:  # it grew after the size was checked
        raise error(f"larger than {limit:,} bytes; is this the right file?", path=path)
    return data


def _refuse_irregular(status: os.stat_result, path: Path, limit: int, error: type[FactcheckError]) -> None:
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in _FILE_TYPES if test(status.st_mode)), "a special file")
        raise error(f"not a regular file ({kind}); only regular files are read", path=path)
    if status.st_size > limit:
        raise error(f"larger than {limit:,} bytes ({status.st_size:,}); is this the right file?", path=path)


def parse(text: str, path: Path) -> dict:
    """Parse TOML text, turning syntax errors into ConfigError with the line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _line_of_decode_error(str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise ConfigError(f"invalid TOML: {message}", path=path, line=line) from error
    except RecursionError:
        raise ConfigError("invalid TOML: arrays or tables nested too deeply", path=path) from None
    except ValueError as error:  # tomllib's int() past Python's 4,300-digit limit is no TOMLDecodeError
        line = _long_number(text)
        message = "a number of more than 4,300 digits" if line else str(error).split(";")[0]
        raise ConfigError(f"invalid TOML: {message}", path=path, line=line) from None


def load_model(path: Path, model: type[Model]) -> Model:
    """Read, parse and validate one TOML file as `model`."""
    text = read_text(path)
    return validate(parse(text, path), model, text, path)


def validate(data: dict, model: type[Model], text: str, path: Path) -> Model:
    """Validate parsed TOML as `model`; the first error becomes a ConfigError with its line."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        raise ConfigError(describe(first), path=path, line=locate(text, location)) from None


def describe(error: dict) -> str:
    """One line for one pydantic error: where in the data (`source[1].published`), then what is wrong."""
    location = tuple(error["loc"])
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in location).lstrip(".")
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = "unknown key (check its spelling, or the documentation for the keys allowed here)"
    elif error["type"] == "value_error":
        message = message.removeprefix("Value error, ")  # a validator's own sentence needs no label
    return f"{where}: {message}" if where else message


def locate(text: str, location: tuple) -> int:
    """Best line (1-based) for a pydantic error location in TOML text."""
    best_line, best_depth = 1, 0
    counts: dict[tuple, int] = {}
    table: tuple = ()
    for number, line in enumerate(text.splitlines(), start=1):
        path = _line_path(line, table, counts)
        if path is None:
            continue
        if _HEADER.match(line):
            table = path
        depth = _matching_prefix(path, location)
        if depth > best_depth:
            best_line, best_depth = number, depth
    return best_line


def _line_path(line: str, table: tuple, counts: dict[tuple, int]) -> tuple | None:
    header = _HEADER.match(line)
    if header:
        keys = _split_keys(header.group(2))
        if header.group(1) == "[[":
            index = counts.get(keys, -1) + 1
            counts[keys] = index
            return keys + (index,)
        return _with_indices(keys, counts)
    key = _KEY.match(line)
    if key:
        return table + _split_keys(key.group(1))
    return None


def _with_indices(keys: tuple, counts: dict[tuple, int]) -> tuple:
    """`[a.b]` under an array of tables `[[a]]` refers to the latest element of `a`."""
    path: tuple = ()
    for key in keys:
        path += (key,)
        if path in counts:
            path += (counts[path],)
    return path


def _split_keys(dotted: str) -> tuple:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)', dotted)
    return tuple(next(p for p in part if p) if any(part) else "" for part in parts)


def _matching_prefix(path: tuple, location: tuple) -> int:
    depth = 0
    for ours, theirs in zip(path, location):
        if ours != theirs:
            break
        depth += 1
    return depth


def _long_number(text: str) -> int | None:
    """The line of the first run of more than 4,300 digits, found in one linear scan."""
    found = next((run for run in re.finditer(r"[0-9_]+", text) if len(run.group()) > 4300), None)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _line_of_decode_error(message: str) -> int | None:
    found = re.search(r"at line (\d+)", message)
    return int(found.group(1)) if found else None
