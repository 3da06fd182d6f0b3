"""A build's progress on stderr: a rich bar on a terminal, a plain line now and then otherwise.

The bar shows documents done of the total, words per second and the time
left; when stderr is not a terminal (a log file, CI) a line such as
``built 120 of 1000 documents, 3,400 words/s, about 4 min left`` is written
every ``PLAIN_EVERY`` seconds instead, so a long build is never silent. With
``--quiet`` nothing is shown.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from ..progress import Progress, words_in
from ..types import Document

PLAIN_EVERY = 10.0


def _left(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min" if seconds < 3600 else f"{seconds / 3600:.1f} h"


class PlainProgress:
    """A line every ``every`` seconds (and none for a build shorter than that)."""

    def __init__(self, stream: TextIO, every: float = PLAIN_EVERY, clock=time.monotonic) -> None:
        self.stream, self.every, self.clock = stream, every, clock
        self.total = self.words = self.done = self.done_words = 0
        self.began = self.last = clock()

    def start(self, documents: int, words: int) -> None:
        self.total, self.words = documents, words
        self.began = self.last = self.clock()

    def advance(self, document: Document) -> None:
        self.done += 1
        self.done_words += words_in(document)
        now = self.clock()
        if now - self.last >= self.every and self.done < self.total:
            self.last = now
            rate = self.done_words / max(now - self.began, 1e-9)
            left = (self.words - self.done_words) / rate if rate else 0.0
            print(f"built {self.done} of {self.total} documents, {rate:,.0f} words/s, about {_left(left)} left",
                  file=self.stream, flush=True)


class RichProgress:
    """A rich progress bar: documents done of the total, words/s, time left."""

    def __init__(self, bar) -> None:
        self.bar, self.task, self.done_words, self.began = bar, None, 0, time.monotonic()

    def start(self, documents: int, words: int) -> None:
        self.task = self.bar.add_task("building", total=documents, rate="")
        self.began = time.monotonic()

    def advance(self, document: Document) -> None:
        self.done_words += words_in(document)
        rate = self.done_words / max(time.monotonic() - self.began, 1e-9)
        self.bar.update(self.task, advance=1, rate=f"{rate:,.0f} words/s")


@contextmanager
def document_progress(enabled: bool = True, stream: TextIO | None = None) -> Iterator[Progress | None]:
    """A Progress for the build, or None when quiet."""
    stream = stream or sys.stderr
    if not enabled:
        yield None
        return
    if not stream.isatty():
        yield PlainProgress(stream)
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as Bar

    with Bar(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
             TimeRemainingColumn(), console=Console(file=stream), transient=True) as bar:
        yield RichProgress(bar)
