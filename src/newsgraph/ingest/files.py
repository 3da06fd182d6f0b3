"""Reading input bytes safely: regular files only, never more than a limit.

A FIFO in an input folder would block a plain ``read_bytes()`` forever and
``/dev/zero`` would fill the memory, so a file is opened without blocking,
checked to be a regular file on the open descriptor (no race with a file
swapped in between), and read up to ``max_bytes`` + 1 bytes: one byte more
than the limit says the input is too large, without reading the rest.
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, UnreadableInputError

#: The default input size limit (``--max-bytes``): 64 MiB per file or stream.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

_SIZE = re.compile(r"^\s*(\d+)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(text: str) -> int:
    """``"64M"``, ``"500k"``, ``"2G"``, ``"1000"`` (bytes) as a number of bytes (binary units)."""
    m = _SIZE.match(str(text))
    if not m or int(m[1]) <= 0:
        raise InputError(f"--max-bytes {text!r} is not a size: give bytes or a number with K, M or G (e.g. 64M)")
    return int(m[1]) * _UNITS[(m[2] or "")[:1].lower()]


def human_size(n: int) -> str:
    for unit, size in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if n >= size:
            return f"{n / size:.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"


def _too_large(source: str, max_bytes: int) -> UnreadableInputError:
    return UnreadableInputError(
        f"skipped {source}: larger than the input limit of {human_size(max_bytes)}:"
        " split it, or raise the limit with --max-bytes"
    )


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def read_file_limited(path: Path, source: str, max_bytes: int) -> bytes:
    """The bytes of a regular file; UnreadableInputError for anything else or anything larger."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise UnreadableInputError(f"skipped {source}: cannot be read ({exc.strerror or exc})") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableInputError(
                f"skipped {source}: {_kind(mode)}, not a regular file: only files are read"
                " (pipe a stream in with - instead)"
            )
        if os.fstat(fd).st_size > max_bytes:
            raise _too_large(source, max_bytes)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableInputError(f"skipped {source}: cannot be read ({exc.strerror or exc})") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > max_bytes:
        raise _too_large(source, max_bytes)
    return data


def read_stream_limited(stream: BinaryIO, source: str, max_bytes: int) -> bytes:
    """At most ``max_bytes`` of a stream (standard input); UnreadableInputError when it has more."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = stream.read(min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise _too_large(source, max_bytes)
    return b"".join(chunks)


def is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
