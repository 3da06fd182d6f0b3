"""Run a query in a child process, so a time limit and Ctrl-C can stop it.

pyoxigraph releases the GIL while it evaluates but has no cancel or
timeout API (NOTES-ecosystem.md): a query on a cross product keeps running
whatever Python does. So the query runs in a forked child that has the
loaded store already (no reload); the parent waits for the answer at most
``timeout`` seconds and kills the child (SIGKILL) when the time is up or on
Ctrl-C. The child dies with its parent too (``PR_SET_PDEATHSIG`` on Linux),
so no query outlives the command that started it.

Where ``fork`` is not available the query runs in-process, without a limit.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import TypeVar

from .. import errors
from ..errors import NewsgraphError, QueryError, QueryTimeoutError

T = TypeVar("T")

DEFAULT_TIMEOUT = 30.0


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def _child(func: Callable[[], T], conn) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; no traceback here
    _die_with_parent()
    try:
        outcome = ("ok", func())
    except NewsgraphError as error:
        outcome = ("error", type(error).__name__, str(error))
    except MemoryError:
        outcome = ("error", "QueryError", "the query ran out of memory: narrow it or add LIMIT")
    except BaseException as error:  # noqa: BLE001 - reported by the parent as one line
        outcome = ("error", "QueryError", f"the query failed: {type(error).__name__}: {error}")
    try:
        conn.send(outcome)
    finally:
        conn.close()
        os._exit(0)  # no atexit handlers or buffered output of the parent's copy


def run_bounded(func: Callable[[], T], *, timeout: float | None = DEFAULT_TIMEOUT) -> T:
    """``func()`` in a forked child; QueryTimeoutError after ``timeout`` seconds (None: no limit).

    KeyboardInterrupt in the parent kills the child at once and is re-raised.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        return func()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(func, sender), daemon=True)
    process.start()
    sender.close()
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                raise QueryTimeoutError(
                    f"the query ran longer than {timeout:g} s and was stopped:"
                    " narrow it (LIMIT, fewer joins) or give --timeout with more seconds (0: no limit)"
                )
            if receiver.poll(0.1 if left is None else min(0.1, left)):
                try:
                    outcome = receiver.recv()
                except EOFError:
                    raise QueryError(_died(process)) from None
                break
            if not process.is_alive() and not receiver.poll(0):
                raise QueryError(_died(process))
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receiver.close()
    if outcome[0] == "ok":
        return outcome[1]
    _, name, message = outcome
    error_class = getattr(errors, name, QueryError)
    if not (isinstance(error_class, type) and issubclass(error_class, NewsgraphError)):
        error_class = QueryError
    raise error_class(message)


def _died(process) -> str:
    process.join(1)
    code = process.exitcode
    how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    return f"the query process stopped unexpectedly ({how}), perhaps out of memory: narrow the query or add LIMIT"
