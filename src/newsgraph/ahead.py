"""An iterator computed in a background thread, a bounded amount ahead of its reader.

spaCy spends most of its time in compiled code that releases the GIL (the
tok2vec and parser layers, the parser's transition loop), so one process can
parse the next documents while its main thread extracts and stores the ones
before: ``newsgraph build`` on one process runs its NLP this way. Items come
in order; an exception in the thread is raised in the reader where it
happened; a reader that stops early (an error, Ctrl-C, ``close()``) stops the
thread at its next item. The items waiting weigh at most ``budget`` (by
``weigh``; one item is let through whatever it weighs), so memory stays
bounded: a build weighs analysed documents by their characters.
"""
from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

_DONE = object()


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def read_ahead(items: Iterable[T], *, budget: int, weigh: Callable[[T], int] = lambda item: 1,
               name: str = "newsgraph-ahead") -> Iterator[T]:
    """The items of ``items`` in order, computed in a daemon thread; those waiting weigh at most
    ``budget`` together (or are one item)."""
    if budget < 1:
        raise ValueError("read_ahead needs a budget of at least 1")
    ready = threading.Condition()
    waiting: deque[tuple[object, int]] = deque()
    held = 0
    stopped = False

    def put(item: object, weight: int) -> bool:
        nonlocal held
        with ready:
            while not stopped and waiting and held + weight > budget:
                ready.wait()
            if stopped:
                return False
            waiting.append((item, weight))
            held += weight
            ready.notify_all()
            return True

    def produce() -> None:
        source = iter(items)
        try:
            for item in source:
                if not put(item, weigh(item)):
                    return
        except BaseException as error:  # handed to the reader and raised there
            put(_Failed(error), 0)
            return
        finally:
            close = getattr(source, "close", None)
            if close is not None:  # a generator left early runs its cleanup here, in its own thread
                close()
        put(_DONE, 0)

    threading.Thread(target=produce, name=name, daemon=True).start()
    try:
        while True:
            with ready:
                while not waiting:
                    ready.wait()
                item, weight = waiting.popleft()
                held -= weight
                ready.notify_all()
            if item is _DONE:
                return
            if isinstance(item, _Failed):
                raise item.error
            yield item  # type: ignore[misc]
    finally:
        with ready:
            stopped = True
            ready.notify_all()
