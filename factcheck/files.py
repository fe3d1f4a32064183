"""Writing files without ever leaving a half-written one behind."""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
from pathlib import Path

from factcheck.errors import OutputError

try:
    import fcntl
except ImportError:  # not POSIX: temporary files cannot be locked, so stale ones are left for the user
    fcntl = None

STANDARD_OUTPUT = Path("-")


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename: readers see the old file or the new one.

    Only a regular file or a new path is replaced that way. `-` is standard output; a device or a FIFO
    (`/dev/null`, a named pipe) is written to as it is, never replaced by a regular file; a symbolic link is
    followed, so the file it points to is replaced and the link stays a link.

    An interruption (Ctrl-C, or SIGTERM, which the CLI turns into the same exception) removes the
    temporary file and leaves the old one untouched; temporary files an earlier run left behind when it
    was killed (`kill -9`, a power cut) are removed. The new file keeps the old one's permissions,
    or gets the usual ones for a new file, not the private mode temporary files are made with.
    """
    if path == STANDARD_OUTPUT:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(os.path.realpath(path))
    try:
        kind = stat.S_IFMT(target.stat().st_mode)
    except (FileNotFoundError, NotADirectoryError):
        kind = stat.S_IFREG  # a new file (`_replace` says so when its folder cannot be made)
    except OSError as error:
        raise OutputError(f"cannot write file ({error.strerror})", path=path) from error
    if kind == stat.S_IFDIR:
        raise OutputError(f"cannot write file ({os.strerror(errno.EISDIR)})", path=path)
    if kind == stat.S_IFREG:
        _replace(target, text, shown=path)
    else:
        _write_in_place(target, text, shown=path)


def _replace(path: Path, text: str, shown: Path) -> None:
    """The atomic write proper, onto a regular file or a new path (`shown` is the path the user gave)."""
    if path.parent.exists() and not path.parent.is_dir():
        raise OutputError(f"cannot write file: {path.parent} is a file, not a folder", path=shown)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(path)
        mode = _mode_for(path)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write file ({error.strerror})", path=shown) from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            _lock(stream.fileno())  # held until the rename: another run sees this temporary file is in use
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write file ({error.strerror})", path=shown) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _write_in_place(path: Path, text: str, shown: Path) -> None:
    """Write to a device or FIFO as it is: opened without creating or truncating anything."""
    try:
        descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise OutputError(f"cannot write file ({error.strerror})", path=shown) from error
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except OSError as error:
        raise OutputError(f"cannot write file ({error.strerror})", path=shown) from error


def _remove_stale(path: Path) -> None:
    """Remove the temporary files of earlier writes to `path` that no living process holds any more.

    A writer holds a lock on its temporary file until the rename; a killed one's lock died with it.
    """
    if fcntl is None:
        return
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[a-z0-9_]{{8}}\.tmp")  # as tempfile.mkstemp names them
    for candidate in path.parent.iterdir():
        if pattern.fullmatch(candidate.name) and _unheld(candidate):
            candidate.unlink(missing_ok=True)


def _unheld(candidate: Path) -> bool:
    """True for a regular file (not a link) that no process holds a lock on."""
    try:
        descriptor = os.open(candidate, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False  # a link, or already gone: not ours to remove
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return False
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False  # locked: another run is writing it right now
    finally:
        os.close(descriptor)


def _lock(descriptor: int) -> None:
    if fcntl is not None:
        fcntl.flock(descriptor, fcntl.LOCK_EX)


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


class LineWriter:
    """Lines written to a file as they come, each one whole: for a report written while it is made
    (`report --format jsonl`), which a reader may follow and `--resume` may continue.

    Not through a temporary file and a rename, unlike `write_atomic`: what is written must be there at once,
    and stay there if the run is stopped. What makes it safe instead: the file is locked for the run (a second
    run writing the same file is refused, not interleaved); every line is written and synced before the next
    one; and a line an interruption cuts (Ctrl-C, SIGTERM) is cut off again before the exception goes on, so
    the file holds complete lines only. A crash (`kill -9`, a power cut) may leave a torn last line, which
    `--resume` drops. `keep` is how many bytes of the file to keep (0: it starts anew). Standard output, a
    device or a FIFO is written to as it is, without a lock.
    """

    def __init__(self, path: Path, keep: int = 0) -> None:
        self.path, self.size = path, keep
        self._descriptor: int | None = None
        self._regular = False

    def __enter__(self) -> LineWriter:
        if self.path != STANDARD_OUTPUT:
            self._descriptor, self._regular = _open_for_lines(self.path, self.size)
        return self

    def write(self, line: str) -> None:
        """Write one line (its newline included) and make it durable before returning."""
        if self._descriptor is None:
            sys.stdout.write(line)
            sys.stdout.flush()
            return
        data = line.encode("utf-8")
        try:
            written = 0
            while written < len(data):
                written += os.write(self._descriptor, data[written:])
            if self._regular:
                os.fsync(self._descriptor)
        except OSError as error:
            raise OutputError(f"cannot write file ({error.strerror})", path=self.path) from error
        self.size += len(data)

    def __exit__(self, kind, error, traceback) -> None:
        if self._descriptor is None:
            return
        try:
            if error is not None and self._regular:
                os.ftruncate(self._descriptor, self.size)  # the line being written when the run was stopped
        finally:
            os.close(self._descriptor)


def _open_for_lines(path: Path, keep: int) -> tuple[int, bool]:
    """A descriptor to write lines to at `path`, past its first `keep` bytes, and whether it is a regular file."""
    target = Path(os.path.realpath(path))
    try:
        if not target.exists() or target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOCTTY", 0), 0o666)
        else:
            descriptor = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise OutputError(f"cannot write file ({error.strerror})", path=path) from error
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        return descriptor, False
    try:
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.ftruncate(descriptor, keep)
        os.lseek(descriptor, keep, os.SEEK_SET)
    except OSError as error:
        os.close(descriptor)
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
            raise OutputError("another factcheck run is writing this file", path=path) from error
        raise OutputError(f"cannot write file ({error.strerror})", path=path) from error
    return descriptor, True
