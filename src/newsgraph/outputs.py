"""A build folder: one build at a time, and graph.ttl and graph.html replaced as a pair.

``build_lock`` takes an exclusive ``flock`` on the ``--out`` folder itself
(no lock file to leave behind; the kernel drops it when the process dies,
however it dies); a second build into the same folder is refused at once
with a message instead of interleaving its files with the first one's.

``commit`` replaces several files together: each is written to a
temporary file first, then a small journal listing the renames is written
(atomically) and only then are the renames done and the journal removed.
A build killed between two renames leaves the journal behind, and the next
build into the folder (``recover``) finishes those renames before anything
else, so graph.ttl and graph.html always end up from the same build.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from .atomic import fsync_file, fsync_folder, remove_stale_temps, write_atomically
from .errors import GraphError

try:
    import fcntl
except ImportError:  # not POSIX: builds are not locked
    fcntl = None

JOURNAL = ".newsgraph-commit.json"
PAIR = ("graph.ttl", "graph.html")


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold the folder's build lock; GraphError at once when another build holds it."""
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(out, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise GraphError(f"cannot open the output folder {str(out)!r}: {error.strerror or error}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise GraphError(
                f"another build is writing into {str(out)!r}: wait for it to finish, or give another --out"
            ) from None
        except OSError:
            pass  # a file system without locks (some network mounts): go on unlocked
        yield
    finally:
        os.close(fd)  # releases the lock


def recover(out: Path) -> None:
    """Finish a commit a killed build left half done; remove temporary files left behind.

    Call with the build lock held: then no temporary file in ``out`` belongs
    to a running build.
    """
    journal = out / JOURNAL
    if journal.exists():
        try:
            plan = json.loads(journal.read_text(encoding="utf-8"))
            for tmp, target in plan.get("replace", []):
                if (out / tmp).exists():
                    os.replace(out / tmp, out / target)
            for target in plan.get("remove", []):
                (out / target).unlink(missing_ok=True)
        except (OSError, ValueError, TypeError):
            pass  # an unreadable journal: the files stay as they are
        journal.unlink(missing_ok=True)
        fsync_folder(out)
    for name in (*PAIR, JOURNAL):
        remove_stale_temps(out, name, any_pid=True)
    remove_stale_temps(out)  # other files' temporaries whose writer is gone


def commit(out: Path, files: Mapping[str, Path | None]) -> None:
    """Replace ``out/NAME`` by each staged temporary file together; None removes ``out/NAME``."""
    for tmp in files.values():
        if tmp is not None:
            fsync_file(tmp)
    plan = {
        "replace": [[tmp.name, name] for name, tmp in files.items() if tmp is not None],
        "remove": [name for name, tmp in files.items() if tmp is None],
    }
    write_atomically(out / JOURNAL, json.dumps(plan).encode("utf-8"))
    fsync_folder(out)
    for tmp_name, name in plan["replace"]:
        os.replace(out / tmp_name, out / name)
    for name in plan["remove"]:
        (out / name).unlink(missing_ok=True)
    fsync_folder(out)
    (out / JOURNAL).unlink(missing_ok=True)
