"""Progress display shared by commands: a rich spinner on stderr, only on a terminal."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..types import Document


@contextmanager
def document_progress(enabled: bool = True) -> Iterator[Callable[[Document], None] | None]:
    """Yield a per-document callback, or None when quiet or not a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("analysing", total=None)
        count = 0

        def advance(document: Document) -> None:
            nonlocal count
            count += 1
            bar.update(task, description=f"analysed {count} documents ({document.source})")

        yield advance
