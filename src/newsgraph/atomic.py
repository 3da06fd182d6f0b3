"""Files that appear whole or not at all, and temporary files that never linger.

Every output (graph.ttl, graph.html, exports) is written to a temporary file
beside its target and renamed into place, so an interrupted run never leaves
a half-written file, and a reader never sees one. A temporary file's name
carries the id of the process writing it (``.graph.ttl.4242-k3j2.tmp``):
the next write to the same target removes those whose process is gone (one
killed with SIGKILL cannot clean up after itself), and a SIGTERM is turned
into an ordinary exit (``cli.main``) so the ``finally`` below still runs.

mkstemp makes a temporary file 0600, and a rename keeps the mode, so each
temporary file is given the mode an ordinary ``open()`` would have given
the target: 0666 less the user's umask (0644 under umask 022).
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_OUR_TEMP = re.compile(r"^\.(?P<target>.+)\.(?P<pid>\d+)-[^.]+\.tmp$")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def remove_stale_temps(folder: Path, target: str | None = None, *, any_pid: bool = False) -> list[Path]:
    """Remove our temporary files in ``folder`` (for ``target`` only, if given) whose
    writer is gone; with ``any_pid`` (the caller holds the folder's build lock)
    also those of live processes and the older names without a process id."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if not (name.startswith(".") and name.endswith(".tmp")):
            continue
        m = _OUR_TEMP.match(name)
        if m is not None:
            if target is not None and m["target"] != target:
                continue
            if not any_pid and _alive(int(m["pid"])):
                continue
        elif not (any_pid and (target is None or name.startswith(f".{target}."))):
            continue
        try:
            if (Path(folder) / name).is_dir():  # a killed build's scratch store
                shutil.rmtree(Path(folder) / name)
            else:
                (Path(folder) / name).unlink()
            removed.append(Path(folder) / name)
        except OSError:
            pass
    return removed


def temp_path_for(path: Path) -> Path:
    """A new, empty temporary file beside ``path``, named for this process."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp's 0600 would make every output private
    except OSError:
        pass
    finally:
        os.close(fd)
    return Path(tmp)


_UMASK_LOCK = threading.Lock()


def _umask() -> int:
    """The process's umask, read without leaving it changed for another thread.

    Linux shows it in /proc/self/status; elsewhere it can only be read by
    setting it, so it is set to the strictest mask for that instant (a file
    another thread creates meanwhile is private, never too open) under a lock.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o077)
        os.umask(mask)
    return mask


def fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path to write; renamed to ``path`` when the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(path.parent, path.name)
    tmp = temp_path_for(path)
    try:
        yield tmp
        fsync_file(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
