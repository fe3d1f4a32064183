"""A progress bar on stderr for long runs.

The pipeline reports `(done, total)` through a callback and knows nothing of
terminals; this module turns those calls into click's progress bar. Short runs
stay silent (the bar appears only once a run has taken `DELAY_SECONDS`), and so
does any run whose stderr is not a terminal (CI logs, pipes) or that was given
`--quiet`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

import click

from factcheck.pipeline import Progress

DELAY_SECONDS = 1.5


class ProgressBar:
    """A pipeline progress callback that draws a bar once the run has lasted `delay` seconds."""

    def __init__(self, stream: TextIO, delay: float = DELAY_SECONDS, clock: Callable[[], float] = time.monotonic):
        self._stream = stream
        self._delay = delay
        self._clock = clock
        self._started = clock()
        self._bar = None  # click's ProgressBar, made once the run turns out to be a long one

    def __call__(self, done: int, total: int) -> None:
        """Record that `done` of `total` units are finished; draw the bar if the run is a long one."""
        if self._bar is None:
            if self._clock() - self._started < self._delay or total <= 0:
                return
            self._bar = click.progressbar(length=total, label="factcheck", file=self._stream, show_pos=True)
        self._bar.update(done - self._bar.pos)

    def close(self) -> None:
        """Finish the bar's line, if one was drawn."""
        if self._bar is not None:
            self._bar.render_finish()


@contextmanager
def progress_bar(quiet: bool = False, stream: TextIO | None = None) -> Iterator[Progress | None]:
    """A progress callback for the pipeline, or None when the bar must stay silent."""
    stream = stream if stream is not None else sys.stderr
    if quiet or not stream.isatty():
        yield None
        return
    bar = ProgressBar(stream)
    try:
        yield bar
    finally:
        bar.close()
