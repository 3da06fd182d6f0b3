"""Communities of the drawn network, and where the page starts laying it out.

The communities are those ``newsgraph stats`` reports: networkx Louvain with
``seed=0`` on the undirected network whose edge weight is the number of
merged roles and events, nodes without an edge left out. The network is
built by ``newsgraph.analytics`` (imported when first needed: analytics
itself imports the view), so the page and the statistics cannot drift
apart; ``tests/test_viz_communities.py`` checks that they agree.

``seed_positions`` places each community in its own patch of the plane
before vis-network's physics starts: the solver then only has to settle
each patch, not to pull clusters apart from a random scatter, and the
clusters the colours show are also near each other on screen.
"""
from __future__ import annotations

import math

from .model import NetworkView

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
NODE_SPACING = 55.0  # canvas units between seeded neighbours; vis draws nodes 10-36 across


def louvain_communities(view: NetworkView) -> tuple[tuple[str, ...], ...]:
    """Communities of two or more nodes, largest first, members by degree (then name), as IRIs."""
    from ..analytics import (  # analytics imports the view: not at the top
        _multidigraph,
        louvain_groups,
        undirected,
    )

    simple = undirected(_multidigraph(view))
    degree = dict(simple.degree())
    groups = louvain_groups(simple)
    label = {n.id: n.label.casefold() for n in view.nodes}
    found = [tuple(sorted(g, key=lambda n: (-degree[n], label[n], n))) for g in groups if len(g) >= 2]
    found.sort(key=lambda members: (-len(members), label[members[0]], members[0]))
    return tuple(found)


def seed_positions(view: NetworkView) -> dict[str, tuple[float, float]]:
    """Starting positions: each community a small sunflower of its own, the patches packed on a spiral.

    The largest community sits in the middle and the smaller ones around it;
    a connected node that is in no community is a patch of one. Nodes with
    no edge at all go in rows under the rest (the page hides them by
    default on a large graph, and shows them there). Deterministic.
    """
    grouped = {m for c in view.communities for m in c}
    linked = {e.source for e in view.edges} | {e.target for e in view.edges}
    label = {n.id: (n.label.casefold(), n.id) for n in view.nodes}
    patches = [list(c) for c in view.communities]
    patches += [[n] for n in sorted(linked - grouped, key=lambda n: label.get(n, (n, n))) if n in label]
    positions: dict[str, tuple[float, float]] = {}
    radii = [NODE_SPACING * 0.6 * math.sqrt(len(members)) for members in patches]
    for members, (cx, cy) in zip(patches, _pack(radii)):
        for k, member in enumerate(members):  # the best connected member in the middle of its patch
            r = NODE_SPACING * 0.6 * math.sqrt(k)
            positions[member] = (round(cx + r * math.cos(k * GOLDEN_ANGLE), 1),
                                 round(cy + r * math.sin(k * GOLDEN_ANGLE), 1))
    alone = sorted((n for n in view.nodes if n.id not in linked), key=lambda n: (-n.mentions, n.label.casefold(), n.id))
    if alone:
        xs = [x for x, _ in positions.values()] or [0.0]
        bottom = max((y for _, y in positions.values()), default=0.0) + 2 * NODE_SPACING
        per_row = max(4, math.ceil(math.sqrt(len(alone) * 3)))
        left = (min(xs) + max(xs)) / 2 - (per_row - 1) * NODE_SPACING * 1.6 / 2
        for k, n in enumerate(alone):
            row, col = divmod(k, per_row)
            positions[n.id] = (round(left + col * NODE_SPACING * 1.6, 1), round(bottom + row * NODE_SPACING, 1))
    return positions


def _pack(radii: list[float]) -> list[tuple[float, float]]:
    """Centres for circles of these radii (largest first): each at the first point of an Archimedean
    spiral, walked outwards and never back, where it overlaps none placed before it."""
    centres: list[tuple[float, float]] = []
    gap = NODE_SPACING
    turn = 2 * gap / (2 * math.pi)  # successive turns of the spiral are two node spacings apart
    t = 0.0
    for r in radii:
        while True:
            x, y = turn * t * math.cos(t), turn * t * math.sin(t)
            if all(math.hypot(x - cx, y - cy) >= r + cr + gap for (cx, cy), cr in zip(centres, radii)):
                break
            t += gap / 2 / max(turn * t, gap)  # about half a spacing along the curve per step
        centres.append((x, y))
    return centres
