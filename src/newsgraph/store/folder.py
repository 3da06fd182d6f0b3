"""An embedded Oxigraph store in a folder, with a lock so one build writes at a time.

    DIR/newsgraph-store.json   what this folder is: {"format": 1, "base": ...}
    DIR/oxigraph/              the Oxigraph (RocksDB) database
    DIR/.lock                  flock'ed: exclusive by a build or a remove, shared by readers

A second build into the same store is refused at once with a message, as
is a build while a reader (a server, a query) has the store open: Oxigraph
does not allow a writer beside readers of the same database. The kernel
drops the lock when the process dies, however it dies, so a killed build
never leaves the store locked.
"""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pyoxigraph import Store

from ..errors import GraphError
from .backend import LocalBackend

try:
    import fcntl
except ImportError:  # not POSIX: stores are not locked
    fcntl = None

MARKER = "newsgraph-store.json"
DATABASE = "oxigraph"  # the Oxigraph (RocksDB) database inside a store folder
FORMAT = 1


def is_store_folder(path: str | Path) -> bool:
    return (Path(path) / MARKER).is_file()


def _check_marker(folder: Path, base: str | None) -> None:
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise GraphError(f"store {str(folder)!r} has an unreadable {MARKER}: {error}") from None
    if marker.get("format") != FORMAT:
        raise GraphError(f"store {str(folder)!r} has format {marker.get('format')!r}, this newsgraph reads"
                         f" format {FORMAT}: rebuild it into a new folder")
    if base is not None and marker.get("base") != base:
        raise GraphError(f"store {str(folder)!r} was built with --base {marker.get('base')}: give the same --base,"
                         " or build into another store")


def _create(folder: Path, base: str) -> None:
    if folder.exists() and not folder.is_dir():
        raise GraphError(f"store {str(folder)!r} is a file, not a folder: give --store a folder")
    if folder.exists() and any(folder.iterdir()):
        raise GraphError(f"{str(folder)!r} is not empty and not a newsgraph store: give --store a new or empty folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / MARKER).write_text(json.dumps({"format": FORMAT, "base": base}) + "\n", encoding="utf-8")
    except OSError as error:
        raise GraphError(f"cannot create the store {str(folder)!r}: {error.strerror or error}") from None


@contextmanager
def _locked(folder: Path, exclusive: bool) -> Iterator[None]:
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as error:
        raise GraphError(f"cannot open the store {str(folder)!r}: {error.strerror or error}") from None
    try:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            if exclusive:
                raise GraphError(f"store {str(folder)!r} is in use by another newsgraph command (a build, a server"
                                 " or a query): wait for it to finish or stop it, then run this again") from None
            raise GraphError(f"a build is writing into the store {str(folder)!r}: wait for it to finish,"
                             " then run this again") from None
        yield
    finally:
        os.close(fd)


def _ensure_database(folder: Path) -> None:
    """Create the store's Oxigraph database if it is not there, atomically: RocksDB writes several
    files to create one, and a build killed in the middle would leave a folder no one can open
    ("Column family not found"). It is created beside, then renamed into place."""
    final = folder / DATABASE
    if final.exists():
        return
    fresh = folder / f".{DATABASE}.{os.getpid()}.new"
    shutil.rmtree(fresh, ignore_errors=True)
    for stale in folder.glob(f".{DATABASE}.*.new"):  # left by a build killed while creating it
        shutil.rmtree(stale, ignore_errors=True)
    try:
        store = Store(str(fresh))
        store.flush()
        del store
        os.rename(fresh, final)
    except FileExistsError:
        shutil.rmtree(fresh, ignore_errors=True)  # another process created it first
    except OSError as error:
        shutil.rmtree(fresh, ignore_errors=True)
        if not final.exists():
            raise GraphError(f"cannot create the store {str(folder)!r}: {' '.join(str(error).split())}") from None


@contextmanager
def open_for_writing(folder: str | Path, base: str | None) -> Iterator[LocalBackend]:
    """The store in ``folder`` (created when new or empty, with ``base``), locked for this build."""
    folder = Path(folder)
    if not is_store_folder(folder):
        if base is None:
            raise GraphError(f"{str(folder)!r} is not a newsgraph store: give the folder a build wrote with --store")
        _create(folder, base)
    _check_marker(folder, base)
    with _locked(folder, exclusive=True):
        _ensure_database(folder)
        try:
            store = Store(str(folder / DATABASE))
        except OSError as error:
            raise GraphError(f"cannot open the store {str(folder)!r}: {' '.join(str(error).split())}") from None
        backend = LocalBackend(store, location=str(folder))
        try:
            yield backend
        finally:
            store.flush()
            del backend, store


class ReadOnlyStore:
    """A store folder opened read-only; builds into it are refused until ``close()`` (or exit)."""

    def __init__(self, folder: str | Path) -> None:
        folder = Path(folder)
        _check_marker(folder, None)
        self._lock = _locked(folder, exclusive=False)
        self._lock.__enter__()
        try:
            _ensure_database(folder)  # a store whose first build was killed before it wrote anything
            self.store = Store.read_only(str(folder / DATABASE))
        except GraphError:
            self.close()
            raise
        except OSError as error:
            self.close()
            raise GraphError(f"cannot open the store {str(folder)!r}: {' '.join(str(error).split())}") from None

    def close(self) -> None:
        if self._lock is not None:
            self._lock.__exit__(None, None, None)
            self._lock = None

    def __del__(self) -> None:
        self.close()


def store_base(folder: str | Path) -> str | None:
    try:
        return json.loads((Path(folder) / MARKER).read_text(encoding="utf-8")).get("base")
    except (OSError, ValueError):
        return None
