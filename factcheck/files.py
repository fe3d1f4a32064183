"""Writing files without ever leaving a half-written one behind."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from factcheck.errors import OutputError


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename: readers see the old file or the new one.

    An interruption (Ctrl-C, or SIGTERM, which the CLI turns into the same exception) removes the
    temporary file and leaves the old one untouched. The new file keeps the old one's permissions,
    or gets the usual ones for a new file, not the private mode temporary files are made with.
    """
    if path.parent.exists() and not path.parent.is_dir():
        raise OutputError(f"cannot write file: {path.parent} is a file, not a folder", path=path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = _mode_for(path)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write file ({error.strerror})", path=path) from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write file ({error.strerror})", path=path) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _mode_for(path: Path) -> int:
    """The permissions of the file being replaced, else those a new file gets under the current umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows syncing a folder (POSIX)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return  # the file is written and renamed; only durability across a power cut is not guaranteed
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot sync a folder; the write itself has succeeded
    finally:
        os.close(descriptor)
