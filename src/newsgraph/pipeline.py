"""The whole build: inputs -> documents -> records -> entities, relations -> RDF files.

``build`` is what ``newsgraph build`` calls; it takes a ``progress``
callback and a ``warn`` callback so the CLI (or any other caller) decides
how to show them. Output files are written to temporary files beside the
targets and renamed into place together (``outputs.commit``), under a lock
on the output folder, so an interrupted build never leaves a half-written
graph, nor a graph.ttl from one build beside a graph.html from another.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Graph

from .atomic import temp_path_for
from .errors import GraphError, InputError
from .graph.iris import DEFAULT_BASE, Iris
from .graph.rdf import GraphWriter
from .graph.turtle import to_turtle
from .outputs import build_lock, commit, recover
from .types import AnalysedDocument, Document, Event, Membership, Resolution
from .vocab import PREFIXES


@dataclass(frozen=True)
class BuildResult:
    """Everything a build found, as records (before RDF)."""

    analysed: tuple[AnalysedDocument, ...]
    resolution: Resolution
    memberships: tuple[Membership, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class BuildReport:
    out: Path
    graph_path: Path
    html_path: Path | None
    documents: int
    entities: int
    memberships: int
    events: int
    triples: int
    warnings: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        return (
            f"wrote {self.graph_path}: {self.documents} documents, {self.entities} entities, "
            f"{self.memberships} roles, {self.events} events ({self.triples} triples)"
        )


def extract(
    documents: Sequence[Document],
    *,
    model: str | None = None,
    progress: Callable[[Document], None] | None = None,
) -> BuildResult:
    """Run the NLP, resolution and relation stages over documents."""
    from .nlp import analyse_documents
    from .relations import extract_relations
    from .resolve import add_referenced_states, resolve_entities

    analysed = tuple(analyse_documents(documents, model=model, progress=progress))
    resolution = resolve_entities(analysed)
    memberships, events = extract_relations(analysed, resolution)
    resolution = add_referenced_states(resolution, memberships, events)
    return BuildResult(analysed, resolution, tuple(memberships), tuple(events))


def without_tokens(result: BuildResult) -> BuildResult:
    """The same result with each sentence's tokens dropped (the relation rules
    are done with them), so a big build does not hold them while it writes RDF."""
    analysed = tuple(
        replace(ad, sentences=tuple(replace(s, tokens=()) for s in ad.sentences)) for ad in result.analysed
    )
    return replace(result, analysed=analysed)


def to_graph(result: BuildResult, *, base: str = DEFAULT_BASE) -> Graph:
    writer = GraphWriter(base)
    for ad in result.analysed:
        writer.add_document(ad.document)
    writer.add_entities(result.resolution.entities)
    writer.add_mentions(result.resolution, {ad.document.key: ad.sentences for ad in result.analysed})
    writer.add_memberships(result.memberships)
    writer.add_events(result.events)
    return writer.union()


def plain_text_metadata(published: str | None, url: str | None, timezone: str) -> dict[str, object]:
    """``--published`` and ``--url`` checked before any work: a bad one is a user error."""
    from .ingest.dates import parse_published, zone
    from .ingest.keys import is_url

    found: dict[str, object] = {}
    if published is not None:
        zone(timezone)
        when = parse_published(published, timezone)
        if when is None:
            raise InputError(f"--published {published!r} is not a date: give one such as 2025-03-03"
                             " or 2025-03-03T09:12:00+00:00")
        found["published"] = when
    if url is not None:
        if not is_url(url):
            raise InputError(f"--url {url!r} is not an http(s) URL: give one such as https://example.org/news/story")
        found["url"] = url
    return found


def build(
    inputs: Sequence[str],
    out: Path,
    *,
    base: str = DEFAULT_BASE,
    model: str | None = None,
    write_html: bool = True,
    timezone: str = "UTC",
    max_bytes: int | None = None,
    warn: Callable[[str], None] | None = None,
    progress: Callable[[Document], None] | None = None,
    published: str | None = None,
    url: str | None = None,
    fields: Sequence[str] = (),
) -> BuildReport:
    """Build ``out/graph.ttl`` (and ``out/graph.html``) from input paths.

    ``published`` (a date or date and time as written on the command line)
    and ``url`` go to every plain-text input; ``fields`` ("text=body") name
    the keys of JSON Lines and JSON records (see ``read_inputs``).
    """
    from .ingest import read_inputs
    from .ingest.readers import parse_field_options

    warnings: list[str] = []

    def _warn(message: str) -> None:
        warnings.append(message)
        if warn is not None:
            warn(message)

    out = Path(out)
    if out.exists() and not out.is_dir():
        raise GraphError(f"output {str(out)!r} is a file, not a folder: give --out a folder")
    iris = Iris(base)  # a bad --base fails before any work
    plain = plain_text_metadata(published, url, timezone)  # so do a bad --published, --url
    field_map = parse_field_options(fields)  # and --field
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise GraphError(f"cannot create the output folder {str(out)!r}: {error.strerror or error}") from None
    with build_lock(out):
        recover(out)  # a build killed earlier: finish its pair of files, drop its temporaries
        stdin = sys.stdin.buffer if "-" in inputs else None
        limit = {} if max_bytes is None else {"max_bytes": max_bytes}
        documents = list(read_inputs(inputs, stdin=stdin, timezone=timezone, warn=_warn, **limit, **plain,
                                     fields=field_map))
        if not documents:
            _warn("no documents to read: wrote an empty graph")
            result = BuildResult((), Resolution((), ()))
        else:
            result = extract(documents, model=model, progress=progress)
        document_count = len(documents)
        del documents  # each AnalysedDocument holds its Document: no second list
        result = without_tokens(result)  # the graph needs sentences, not their tokens: free them first
        graph = to_graph(result, base=base)
        counts = {"entities": len(result.resolution.entities), "memberships": len(result.memberships),
                  "events": len(result.events)}
        del result  # from here on the graph is all there is
        graph_path = out / "graph.ttl"
        prefixes = {name: str(ns) for name, ns in PREFIXES.items()} | iris.prefixes()
        staged: dict[str, Path | None] = {}
        try:
            try:
                staged["graph.ttl"] = temp_path_for(graph_path)
                staged["graph.ttl"].write_bytes(to_turtle(graph, prefixes))
            except OSError as error:
                raise GraphError(f"cannot write {str(graph_path)!r}: {error.strerror or error}") from None
            html_path = None
            if write_html:
                from .viz import write_page

                staged["graph.html"] = temp_path_for(out / "graph.html")
                write_page(graph, staged["graph.html"])
                html_path = out / "graph.html"
            else:
                staged["graph.html"] = None  # an older page would not match the new graph
            try:
                commit(out, staged)
            except OSError as error:
                raise GraphError(f"cannot write into {str(out)!r}: {error.strerror or error}") from None
        finally:
            for tmp in staged.values():
                if tmp is not None:
                    tmp.unlink(missing_ok=True)
    return BuildReport(
        out=out,
        graph_path=graph_path,
        html_path=html_path,
        documents=document_count,
        triples=len(graph),
        **counts,
        warnings=tuple(warnings),
    )
