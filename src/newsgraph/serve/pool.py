"""Query workers: forked processes that hold the graph and can be killed on a time limit.

pyoxigraph has no cancel or timeout API (NOTES-ecosystem.md): a query over a
cross product runs until it is done, whatever Python does. So every query
(and every entity page, which is a few queries) runs in a worker process
forked with the loaded store already in memory (copy-on-write, no reload);
the server thread waits for the answer until the request's deadline, and a
worker still busy then is killed (SIGKILL) and replaced. The other workers
go on answering meanwhile, so one runaway query never stalls the server.

The first workers are forked before the server starts its threads; a
replacement is forked later from the threaded server, so the child closes
the sockets it inherited (``after_fork``) and touches nothing but its pipe
and the store. Workers ignore Ctrl-C (the server decides) and die with the
server (``PR_SET_PDEATHSIG`` on Linux). That signal comes when the *thread*
that forked the worker ends, so replacements are forked by one spawner
thread that lives as long as the pool, never by a request's thread (which
ends with its connection).
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from ..errors import GraphError, QueryError, QueryTimeoutError
from .replies import Reply, text_reply


class Task(Protocol):
    """Work for a worker: a picklable value whose ``run(graph)`` gives the reply."""

    def run(self, graph: Any) -> Reply: ...


class BusyError(QueryError):
    """Every worker stayed busy until the request's deadline."""


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process
    conn: Any  # the server's end of the pipe

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def _work(graph: Any, conn, after_fork: Callable[[], None] | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the CLI's handler would raise SystemExit here
    _die_with_parent()
    if after_fork is not None:
        after_fork()
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            os._exit(0)  # the server closed the pipe: no atexit handlers of the server's copy
        try:
            reply = task.run(graph)
        except MemoryError:
            reply = _failure("the query ran out of memory: narrow it or add LIMIT")
        except Exception as error:  # noqa: BLE001 - the client gets one line, the worker lives on
            reply = _failure(f"the query failed: {type(error).__name__}: {' '.join(str(error).split())}")
        try:
            conn.send(reply)
        except (OSError, ValueError):
            os._exit(0)


def _failure(message: str) -> Reply:
    return text_reply(500, message)


class WorkerPool:
    """``size`` forked workers over ``graph``; :meth:`run` gives a task to an idle one."""

    def __init__(self, graph: Any, size: int, *, after_fork: Callable[[], None] | None = None) -> None:
        if "fork" not in multiprocessing.get_all_start_methods():
            raise GraphError("newsgraph serve needs the 'fork' start method (Linux or macOS) to bound queries")
        self.size = size
        self._graph = graph
        self._context = multiprocessing.get_context("fork")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._spawn_lock = threading.Lock()
        self._closed = False
        self.after_fork: Callable[[], None] | None = None
        for _ in range(size):
            self._idle.put(self._spawn())
        self.after_fork = after_fork
        self._replacements: queue.Queue[bool] = queue.Queue()
        threading.Thread(target=self._replace_forever, name="newsgraph-spawner", daemon=True).start()

    def _spawn(self) -> _Worker:
        receiver, sender = self._context.Pipe(duplex=True)
        process = self._context.Process(target=_work, args=(self._graph, sender, self.after_fork), daemon=True)
        with self._spawn_lock:  # one fork at a time
            process.start()
        sender.close()
        return _Worker(process, receiver)

    def _replace_forever(self) -> None:
        """Fork a worker for each one stopped, from this one long-lived thread."""
        while True:
            self._replacements.get()
            if self._closed:
                return
            try:
                worker = self._spawn()
            except OSError:  # no fork now (memory, process limit): try again shortly
                time.sleep(1)
                self._replacements.put(True)
                continue
            if self._closed:
                worker.stop()
                return
            self._idle.put(worker)

    def run(self, task: Task, *, timeout: float | None, started: float | None = None) -> Reply:
        """The reply of ``task``; QueryTimeoutError once ``timeout`` seconds have passed since ``started``.

        The wait for an idle worker counts against the same deadline (BusyError).
        """
        start = time.monotonic() if started is None else started
        deadline = None if timeout is None else start + timeout
        try:
            worker = self._idle.get(timeout=None if deadline is None else max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise BusyError(
                f"all {self.size} query workers stayed busy for {timeout:g} s: try again shortly"
            ) from None
        healthy = False
        try:
            try:
                worker.conn.send(task)
            except OSError:
                raise QueryError(_died(worker)) from None
            while True:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    raise QueryTimeoutError(
                        f"the query ran longer than the server's limit of {timeout:g} s and was stopped:"
                        " narrow it (LIMIT, fewer joins)"
                    )
                if worker.conn.poll(0.5 if left is None else min(0.5, left)):
                    try:
                        reply = worker.conn.recv()
                    except (EOFError, OSError):
                        raise QueryError(_died(worker)) from None
                    healthy = True
                    return reply
                if not worker.process.is_alive() and not worker.conn.poll(0):
                    raise QueryError(_died(worker))
        finally:
            if healthy:
                self._idle.put(worker)
            else:
                worker.stop()
                self._replacements.put(True)

    def close(self) -> None:
        """Stop every idle worker (busy ones are stopped by the threads that wait on them)."""
        self._closed = True
        self._replacements.put(False)  # wakes the spawner, which sees the pool closed
        while True:
            try:
                self._idle.get_nowait().stop()
            except queue.Empty:
                return


def _died(worker: _Worker) -> str:
    worker.process.join(1)
    code = worker.process.exitcode
    how = f"signal {-code}" if code is not None and code < 0 else f"exit code {code}"
    return f"the query worker stopped unexpectedly ({how}), perhaps out of memory: narrow the query or add LIMIT"
