"""Freed C-heap memory goes back to the system (heap.py), measured on a real process."""
from __future__ import annotations

import json
import subprocess
import sys

# Blocks of 4 KB (malloc'd, not Python's small-object arenas) filling 80 MB, all freed but the
# last, which pins the heap's top: glibc keeps the rest resident until it is trimmed.
PROGRAM = """
import json, os
from newsgraph.heap import Trimmer

def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

blocks = [bytearray(4096) for _ in range(20_000)]
last = blocks[-1]
del blocks
freed = rss()
trimmer = Trimmer(every=100)
trimmer.document_done(99)
not_yet = rss()
trimmer.document_done(1)
print(json.dumps([freed, not_yet, rss(), trimmer.done]))
"""


def test_freed_memory_leaves_the_process_once_enough_text_is_done():
    if not sys.platform.startswith("linux"):
        return
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, check=True)
    freed, not_yet, trimmed, left = json.loads(done.stdout)
    mb = 1024 * 1024
    assert not_yet > freed - 8 * mb  # below the threshold nothing is trimmed
    assert trimmed < not_yet - 40 * mb  # at it, most of the 80 MB goes back
    assert left == 0
