"""Benchmark of the network page: time to first draw and to a settled layout, and file size.

    .venv/bin/python bench/bench_viz.py [--nodes 2000] [--edges 6000] [--runs 3] [--no-python-layout]

Needs Debian's Chromium at /usr/bin/chromium and the playwright package
(``make test`` installs both). Graphs are synthetic but shaped like a build's
output (newsgraph.viz.synthetic, seeded). Every case is opened ``--runs``
times in a fresh tab of headless Chromium; the medians are reported, and each
figure also as a ratio to the baseline measured in the same run:

  baseline   the same page for a graph ten times smaller (nodes/10, edges/10),
             so the ratios say how the page scales with the graph.
  page       the page as `newsgraph viz` writes it: vis-network forceAtlas2,
             improvedLayout off, 150 stabilisation iterations, straight edges,
             physics off once stable.
  nx-fa2     positions precomputed in Python (networkx forceatlas2_layout,
             seed 0, 100 iterations) and physics off: the cost moves from the
             browser into the build. Its Python time includes the layout.
  floor      physics off with random positions: drawing alone, the least any
             layout choice could cost in the browser.

Times in the browser are performance.now() from navigation start, read from
window.newsgraph.stats; "python" is load_view + writing the HTML.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from browser_support import MISSING_MESSAGE, chromium_available, chromium_context, wait_until_ready  # noqa: E402

from newsgraph.viz import load_view  # noqa: E402
from newsgraph.viz.page import render_page  # noqa: E402
from newsgraph.viz.synthetic import synthetic_graph  # noqa: E402


def _layout_fa2(view) -> dict[str, tuple[float, float]]:
    graph = nx.Graph()
    graph.add_nodes_from(sorted(n.id for n in view.nodes))
    graph.add_edges_from((e.source, e.target) for e in view.edges)
    pos = nx.forceatlas2_layout(graph, seed=0, max_iter=100)
    return _scaled(pos)


def _layout_random(view) -> dict[str, tuple[float, float]]:
    return _scaled(nx.random_layout(sorted(n.id for n in view.nodes), seed=0))


def _scaled(pos) -> dict[str, tuple[float, float]]:
    """networkx positions (unit-ish square) to vis-network pixels."""
    xs = [float(p[0]) for p in pos.values()]
    ys = [float(p[1]) for p in pos.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    size = 60.0 * len(pos) ** 0.5
    return {n: (round((float(p[0]) - min(xs)) / span * size, 1), round((float(p[1]) - min(ys)) / span * size, 1))
            for n, p in pos.items()}


def build_case(name: str, nodes: int, edges: int, out: Path, layout=None) -> dict:
    graph = synthetic_graph(nodes, edges, seed=0)
    start = time.perf_counter()
    view = load_view(graph)
    positions = layout(view) if layout else None
    path = render_page(view, out / f"{name}.html", title=f"bench {name}", positions=positions)
    return {"case": name, "nodes": len(view.nodes), "edges": len(view.edges),
            "python": time.perf_counter() - start, "bytes": path.stat().st_size, "path": path}


def measure(context, case: dict, runs: int) -> None:
    first, stable, wall = [], [], []
    for _ in range(runs):
        page = context.new_page()
        t0 = time.perf_counter()
        page.goto(case["path"].as_uri())
        stats = wait_until_ready(page, timeout_ms=600_000)
        wall.append(time.perf_counter() - t0)
        drawn = page.evaluate("() => [newsgraph.visibleNodes.length, newsgraph.visibleEdges.length]")
        linked = page.evaluate("() => newsgraph.data.nodes.filter(n => n.degree > 0).length")
        # nodes without relations are hidden by default above a size
        assert drawn[1] == case["edges"] and drawn[0] in (case["nodes"], linked), (drawn, case)
        first.append(stats["firstDraw"] / 1000)
        stable.append(stats["stabilized"] / 1000)
        page.close()
    case.update(first=statistics.median(first), stable=statistics.median(stable), wall=statistics.median(wall))


def table(cases: list[dict]) -> str:
    base = cases[0]
    head = (f"{'case':<9} {'nodes':>6} {'edges':>6} {'python s':>9} {'HTML MB':>8} {'first draw s':>13} "
            f"{'stable s':>9}   {'× baseline: size':>16} {'first':>6} {'stable':>7}")
    rows = [head, "-" * len(head)]
    for c in cases:
        rows.append(
            f"{c['case']:<9} {c['nodes']:>6} {c['edges']:>6} {c['python']:>9.2f} {c['bytes'] / 1e6:>8.2f} "
            f"{c['first']:>13.2f} {c['stable']:>9.2f}   {c['bytes'] / base['bytes']:>16.1f} "
            f"{c['first'] / base['first']:>6.1f} {c['stable'] / base['stable']:>7.1f}"
        )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-python-layout", action="store_true", help="skip the slow networkx layout case")
    args = parser.parse_args()
    if not chromium_available():
        print(MISSING_MESSAGE, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="bench-viz-") as tmp:
        out = Path(tmp)
        cases = [
            build_case("baseline", args.nodes // 10, args.edges // 10, out),
            build_case("page", args.nodes, args.edges, out),
        ]
        if not args.no_python_layout:
            cases.append(build_case("nx-fa2", args.nodes, args.edges, out, _layout_fa2))
        cases.append(build_case("floor", args.nodes, args.edges, out, _layout_random))
        with chromium_context() as context:
            for case in cases:
                measure(context, case, args.runs)
    print(f"median of {args.runs} runs per case; browser times from navigation start")
    print(table(cases))
    return 0


if __name__ == "__main__":
    sys.exit(main())
