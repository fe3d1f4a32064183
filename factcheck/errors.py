"""The failures factcheck reports to its user.

Every failure the user can act on is a `FactcheckError` subclass that carries its
own exit code and knows how to describe itself; `cli.py` catches them once and
prints the message without a traceback. Anything else is a bug: `cli.py` shows it
as an `InternalError`, one line with a pointer to report it (exit 3), and its
traceback only when `FACTCHECK_DEBUG` is set.
"""

from __future__ import annotations

import re
from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
DEBUG_VARIABLE = "FACTCHECK_DEBUG"
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class FactcheckError(Exception):
    """Base of every error shown to the user as one clear message."""

    exit_code = EXIT_USAGE
    kind = "error"

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def format(self) -> str:
        """One line: where (file and line, when known), what kind, and what is wrong."""
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.kind}: {self.message}"

    def __str__(self) -> str:
        return self.format()


class UsageError(FactcheckError):
    """The command line asks for something impossible (bad option combination, missing path)."""

    kind = "usage error"


class InputError(FactcheckError):
    """A source file cannot be read or is not a text the tool understands."""

    kind = "input error"


class ConfigError(FactcheckError):
    """A rules file or a story manifest is malformed or says something invalid."""

    kind = "config error"


class RateError(FactcheckError):
    """An exchange rate needed for a conversion is missing or unusable."""

    kind = "rate error"


class BaselineError(FactcheckError):
    """A baseline file is unreadable, of an unknown version, or would be overwritten."""

    kind = "baseline error"


class OutputError(FactcheckError):
    """A report or baseline cannot be written."""

    kind = "output error"


class InternalError(Exception):
    """A bug: an exception nothing in factcheck expected, shown as one line with a pointer to report it."""

    exit_code = EXIT_INTERNAL

    def __init__(self, error: BaseException):
        super().__init__(error)
        self.error = error

    def format(self) -> str:
        """One line: the exception, where to report it, and how to see its traceback."""
        what = " ".join(f"{type(self.error).__name__}: {self.error}".split())
        what = _CONTROLS.sub(lambda found: f"\\x{ord(found.group()):02x}", what)
        if len(what) > 300:
            what = what[:299] + "…"
        return (
            f"internal error: {what}. This is a bug in factcheck: please report it as an issue of the factcheck "
            f"project, with the command that caused it (run it again with {DEBUG_VARIABLE}=1 for the traceback)"
        )


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal (Ctrl-C, or SIGTERM from a CI runner or `kill`).

    A KeyboardInterrupt, so everything that cleans up after Ctrl-C (the temporary file of
    `write_atomic`) does the same for SIGTERM. Exits with 128 + the signal's number, as a
    shell reports a process a signal ended.
    """

    def __init__(self, signal_number: int, signal_name: str):
        super().__init__(signal_number, signal_name)  # both, so it pickles back from a worker process
        self.signal_name = signal_name
        self.exit_code = 128 + signal_number

    def format(self) -> str:
        """One line saying what stopped the run and that no file was left half-written."""
        return f"interrupted by {self.signal_name}; files being written were left as they were"
