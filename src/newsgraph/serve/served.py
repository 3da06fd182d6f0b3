"""The graph a server answers from, with what every route needs to read it."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import DefaultGraph, Store

from ..graph.iris import DEFAULT_BASE, Iris
from ..query import LoadedGraph


@dataclass(frozen=True)
class ServedGraph:
    store: Store
    prefixes: Mapping[str, str]
    #: entity IRIs start with it; a request path below the server root is read under it
    base: str
    source: Path
    #: the default graph holds nothing but named graphs do (a TriG file of document graphs
    #: only): queries then read the union of the named graphs as their default graph
    union_default: bool = False
    #: SELECT rows (CONSTRUCT triples) an answer may have before it is refused; None: no cap
    max_rows: int | None = None
    #: what keeps a store folder open and its shared lock held (LoadedGraph.holder)
    holder: object | None = None


def served_graph(loaded: LoadedGraph, *, base: str | None = None, max_rows: int | None = None) -> ServedGraph:
    """What to serve from a loaded graph; the base is ``base`` or the one its IRIs use."""
    chosen = Iris(base).base if base else graph_base(loaded)
    default_empty = next(iter(loaded.store.quads_for_pattern(None, None, None, DefaultGraph())), None) is None
    named = next(iter(loaded.store.named_graphs()), None) is not None
    return ServedGraph(store=loaded.store, prefixes=dict(loaded.prefixes), base=chosen, source=loaded.source,
                       union_default=default_empty and named, max_rows=max_rows,
                       holder=getattr(loaded, "holder", None))


def graph_base(loaded: LoadedGraph) -> str:
    """The base of the graph's instance IRIs, read off its ``person:`` prefix (display_prefixes sets it)."""
    person = loaded.prefixes.get("person", "")
    return person[: -len("person/")] if person.endswith("/person/") else DEFAULT_BASE
