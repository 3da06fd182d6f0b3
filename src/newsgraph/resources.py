"""Access to the ontology folder: the TBox, shapes, PLOVER scheme and lexicons.

The wheel carries ``ontology/`` inside the package (``newsgraph/ontology``);
a source checkout (editable install, tests) reads the folder at the top of
the repository. Either way code asks for a file by name and gets its text.
"""
from __future__ import annotations

import csv
import io
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from .errors import OntologyError


@lru_cache(maxsize=1)
def ontology_dir() -> Traversable:
    packaged = resources.files("newsgraph") / "ontology"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "ontology"
    if checkout.is_dir():
        return checkout
    raise OntologyError("the ontology folder is missing from the installation: reinstall newsgraph")


def read_text(name: str) -> str:
    """Text of ``ontology/<name>`` (``name`` may contain ``/``)."""
    node = ontology_dir()
    for part in name.split("/"):
        node = node / part
    try:
        return node.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise OntologyError(f"ontology file {name!r} is missing: reinstall newsgraph") from None


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a CSV lexicon in ``ontology/``; lines starting with ``#`` are comments."""
    lines = [ln for ln in read_text(name).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(io.StringIO("\n".join(lines)))]


def split_list(cell: str) -> list[str]:
    """A ``|``-separated lexicon cell as a list of non-empty strings."""
    return [x.strip() for x in cell.split("|") if x.strip()]
