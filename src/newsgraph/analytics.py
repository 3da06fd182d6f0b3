"""Network analytics of a newsgraph graph: counts, central actors, communities.

Counts of classes and relation types come straight from the RDF; centrality
and communities are computed on the same merged network the page draws
(``newsgraph.viz.load_view``), as an undirected graph whose edge weight is
the number of merged roles and events, so "most connected" means the same
thing everywhere. Everything is deterministic: nodes and edges are added in
sorted order and Louvain runs with ``seed=0``.
"""
from __future__ import annotations

from collections import Counter

import networkx as nx
from pyoxigraph import Store

from .query.formatting import shorten
from .query.loading import VOCABULARY_PREFIXES
from .viz import load_view
from .viz.model import NetworkView
from .viz.reader import GraphSource, default_store, local_name, one_object, subjects
from .vocab import NG, ORG, RDF, SKOS

# Exact betweenness is O(nodes × edges); above this many nodes it is
# estimated from this many sampled sources (seeded), which keeps a
# 2,000-node graph around a second instead of several.
BETWEENNESS_EXACT_UP_TO = 1000


def compact(iri: str) -> str:
    """``https://w3id.org/newsgraph/ontology#Person`` → ``ng:Person``, as ``newsgraph query`` shows it."""
    return shorten(iri, VOCABULARY_PREFIXES)


def _multidigraph(view: NetworkView) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for n in sorted(view.nodes, key=lambda n: n.id):
        graph.add_node(n.id, label=n.label, type=n.type, aliases="; ".join(n.aliases), mentions=n.mentions)
    for e in view.edges:
        graph.add_edge(
            e.source, e.target, key=e.id, kind=e.kind, label=e.label, type=e.type,
            count=e.count, directed=e.directed, modality=e.modality,
        )
    return graph


def to_networkx(graph: GraphSource, *, include_places: bool = False) -> nx.MultiDiGraph:
    """The drawn network as a MultiDiGraph.

    Node attributes: label, type, aliases (joined with "; "), mentions.
    Edge attributes (key = the page's edge id): kind (role, event, or place
    with ``include_places``), label, type (the post or PLOVER code), count
    of merged memberships/events, directed, modality. Undirected event types
    keep one edge, stored in the order of their IRIs.
    """
    return _multidigraph(load_view(graph, include_places=include_places))


def undirected(network: nx.MultiDiGraph) -> nx.Graph:
    """Collapse to a simple undirected graph; weight = summed counts, self-loops dropped."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(network.nodes(data=True)))
    for u, v, data in sorted(network.edges(data=True), key=lambda x: (x[0], x[1])):
        if u == v:
            continue
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += data.get("count", 1)
        else:
            simple.add_edge(u, v, weight=data.get("count", 1))
    return simple


def _class_counts(store: Store) -> dict[str, int]:
    rows = store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c")
    counts = Counter({compact(row["c"].value): int(row["n"].value) for row in rows})
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def triple_count(store: Store) -> int:
    """Triples in the default graph (the store may hold named graphs besides)."""
    (row,) = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(row["n"].value)


def _relation_counts(store: Store) -> dict:
    events = set(subjects(store, RDF.type, NG.Event))
    kind, modality, mode, target = (one_object(store, p) for p in (NG.eventType, NG.modality, NG.mode, NG.target))
    by_type: Counter[str] = Counter()
    by_modality: Counter[str] = Counter()
    by_mode: Counter[str] = Counter()
    targets: Counter[str] = Counter()
    for event in events:
        by_type[local_name(kind[event].value) if event in kind else "EVENT"] += 1
        by_modality[local_name(modality[event].value).lower() if event in modality else "asserted"] += 1
        if event in mode:
            by_mode[local_name(mode[event].value)] += 1  # "ASSAULT-aerial": a mode means something only with its type
        targets["with target" if event in target else "without target"] += 1
    roles: Counter[str] = Counter()
    role_of, labels = one_object(store, ORG.role), one_object(store, SKOS.prefLabel)
    for membership in set(subjects(store, RDF.type, ORG.Membership)):
        role = role_of.get(membership)
        label = labels.get(role.value) if role is not None else None
        roles[label.value if label is not None else (local_name(role.value) if role is not None else "member")] += 1

    def ordered(counter: Counter[str]) -> dict[str, int]:
        return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))

    return {
        "events": ordered(by_type),
        "event_total": len(events),
        "events_without_target": targets["without target"],
        "modality": ordered(by_modality),
        "modes": ordered(by_mode),
        "roles": ordered(roles),
        "quotations": _quotation_counts(store),
    }


def _quotation_counts(store: Store) -> dict[str, int]:
    """Quotations in all, quoted words (ng:direct true) and reported speech, and those from an
    unnamed source (no ng:speaker), which say who was quoted as little as the text does."""
    quotations = set(subjects(store, RDF.type, NG.Quotation))
    direct, speaker = one_object(store, NG.direct), one_object(store, NG.speaker)
    quoted = sum(1 for q in quotations if q in direct and direct[q].value == "true")
    return {"total": len(quotations), "direct": quoted, "reported": len(quotations) - quoted,
            "without_speaker": sum(1 for q in quotations if q not in speaker)}


def _ranked(simple: nx.Graph, scores: dict[str, float], top: int, name: str) -> list[dict]:
    order = sorted(scores, key=lambda n: (-scores[n], simple.nodes[n]["label"].casefold(), n))
    return [
        {"id": n, "label": simple.nodes[n]["label"], "type": simple.nodes[n]["type"], name: scores[n]}
        for n in order[:top]
    ]


def louvain_groups(simple: nx.Graph) -> list[set]:
    """Louvain communities of the nodes that have a relation (seeded, weighted): the one call
    ``stats`` and the page's communities view share, so both show the same groups."""
    degree = dict(simple.degree())
    connected = simple.subgraph([n for n in simple if degree[n] > 0])
    if not connected.number_of_edges():
        return []
    return nx.community.louvain_communities(connected, weight="weight", seed=0)


def graph_stats(graph: GraphSource, *, top: int = 10) -> dict:
    """Counts by class and relation, the ``top`` most central actors, Louvain communities.

    Events without a target ("the minister resigned") are counted with the
    rest and on their own; they are never edges, so they add nothing to the
    network figures.

    Returns plain JSON-ready data::

        {"triples", "classes": {"ng:Person": n, …},
         "relations": {"events": {"CONSULT": n, …}, "event_total": n, "events_without_target": n,
                       "modality": {…}, "modes": {"ASSAULT-aerial": n, …}, "roles": {"minister": n, …},
                       "quotations": {"total": n, "direct": n, "reported": n, "without_speaker": n}},
         "network": {"nodes", "edges", "components", "edge_kinds": {"event": n, "role": n}},
         "degree": [{"id", "label", "type", "degree"}, …],
         "betweenness": [{"id", "label", "type", "betweenness"}, …], "betweenness_sampled": k | None,
         "communities": [{"size", "members": [labels by degree]}, …], "community_count": n}
    """
    store = default_store(graph)
    network = to_networkx(store)
    simple = undirected(network)
    degree = dict(simple.degree())
    sample = None
    if simple.number_of_nodes() > BETWEENNESS_EXACT_UP_TO:
        sample = BETWEENNESS_EXACT_UP_TO
        between = nx.betweenness_centrality(simple, k=sample, normalized=True, seed=0)
    else:
        between = nx.betweenness_centrality(simple, normalized=True)
    between = {n: round(b, 6) for n, b in between.items()}

    groups = louvain_groups(simple)
    communities = []
    for group in groups:
        if len(group) < 2:
            continue
        members = sorted(group, key=lambda n: (-degree[n], simple.nodes[n]["label"].casefold(), n))
        communities.append({"size": len(group), "members": [simple.nodes[n]["label"] for n in members]})
    communities.sort(key=lambda c: (-c["size"], c["members"][0].casefold()))

    kinds = Counter(kind for _, _, kind in network.edges(data="kind"))
    return {
        "triples": triple_count(store),
        "classes": _class_counts(store),
        "relations": _relation_counts(store),
        "network": {
            "nodes": network.number_of_nodes(),
            "edges": network.number_of_edges(),
            "components": nx.number_connected_components(simple) if simple.number_of_nodes() else 0,
            "edge_kinds": dict(sorted(kinds.items())),
        },
        "degree": _ranked(simple, degree, top, "degree"),
        "betweenness": _ranked(simple, between, top, "betweenness"),
        "betweenness_sampled": sample,
        "communities": communities[:top],
        "community_count": len(communities),
    }


def stats_text(stats: dict, *, members: int = 6) -> str:
    """The statistics as a short plain-text report (what ``newsgraph stats`` prints)."""

    def counts(table: dict[str, int]) -> str:
        return ", ".join(f"{k} {v}" for k, v in table.items()) or "none"

    net = stats["network"]
    lines = [
        f"triples: {stats['triples']}",
        f"classes: {counts(stats['classes'])}",
        f"events: {stats['relations']['event_total']}, {stats['relations']['events_without_target']} without a target",
        f"events by type: {counts(stats['relations']['events'])}",
        f"events by modality: {counts(stats['relations']['modality'])}",
        f"events by mode: {counts(stats['relations']['modes'])}",
        f"roles: {counts(stats['relations']['roles'])}",
        "quotations: {total} ({direct} direct, {reported} reported), {without_speaker} without a speaker".format(
            **stats["relations"]["quotations"]),
        f"network: {net['nodes']} nodes, {net['edges']} edges ({counts(net['edge_kinds'])}), "
        f"{net['components']} components",
        "",
        "most connected (distinct neighbours):",
    ]
    lines += [f"  {i:>2}. {row['label']} ({row['type']}): {row['degree']}" for i, row in enumerate(stats["degree"], 1)]
    sampled = stats["betweenness_sampled"]
    lines += ["", "brokers (betweenness" + (f", estimated from {sampled} sources" if sampled else "") + "):"]
    lines += [
        f"  {i:>2}. {row['label']} ({row['type']}): {row['betweenness']:.3f}" for i, row in enumerate(stats["betweenness"], 1)
    ]
    lines += ["", f"communities (Louvain, seed 0): {stats['community_count']} with two or more members"]
    for i, community in enumerate(stats["communities"], 1):
        shown = ", ".join(community["members"][:members])
        rest = community["size"] - min(members, community["size"])
        lines.append(f"  {i:>2}. {community['size']} members: {shown}" + (f" and {rest} more" if rest else ""))
    return "\n".join(lines)
