"""Load test of `newsgraph serve`: many small SPARQL queries from concurrent clients on localhost.

    .venv/bin/python bench/bench_serve_load.py [--queries 2000] [--clients 8] [--max-seconds 300]
                                               [--nodes 2000] [--edges 6000] [--workers N]

The graph is synthetic but shaped like a build's output (newsgraph.viz.synthetic,
seeded: 2,000 actors and 6,000 edges are about 256,000 triples). The server runs
as `newsgraph serve` in its own process; ``--clients`` threads each keep one
HTTP/1.1 connection and send GET /sparql requests (JSON answers) taken in turn
from one seeded list of ``--queries`` queries, until the list is done or
``--max-seconds`` have passed. Printed: failures (any status but 200, or an
answer that is not JSON), p50 and p99 latency, queries per second, and the same
figures for the baseline measured in the same run. A first pass with one client
(the first 200 queries) shows the cost of a request without queueing:

  baseline   the same queries, one after another, in this process on a pyoxigraph
             Store holding the same graph, each answer serialised as SPARQL JSON
             as the server does. The ratio column divides by its figures.

Then an entity page (HTML) is fetched for 50 actors, one at a time, and its
median time printed: the few queries behind a page at this graph size.
Figures are printed, never asserted; on a shared machine read them as ratios.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from pyoxigraph import QueryResultsFormat, RdfFormat, Store

from newsgraph.viz.synthetic import synthetic_graph

PREFIXES = """PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
# Query shapes an application of the endpoint sends: find an actor by name, its
# events, its roles, who it met (a 2-hop join with labels), a yes/no check, and
# now and then a count over the whole graph.
TEMPLATES = {
    "by-name": (8, 'SELECT ?e WHERE {{ ?e skos:prefLabel ?l FILTER(STR(?l) = "{label}") }}'),
    "events-of": (8, "SELECT ?e ?type ?target WHERE {{ ?e ng:agent <{actor}> ; ng:eventType ?type ."
                     " OPTIONAL {{ ?e ng:target ?target }} }}"),
    "roles-of": (4, "SELECT ?m ?role ?org WHERE {{ ?m org:member <{actor}> ; org:role ?role ."
                    " OPTIONAL {{ ?m org:organization ?org }} }}"),
    "met": (4, "SELECT DISTINCT ?other ?name WHERE {{ {{ ?e ng:agent <{actor}> ; ng:target ?other }}"
               " UNION {{ ?e ng:target <{actor}> ; ng:agent ?other }} ?other skos:prefLabel ?name }}"),
    "ask": (4, "ASK {{ <{actor}> ?p ?o }}"),
    "count-types": (1, "SELECT ?type (COUNT(*) AS ?n) WHERE {{ ?e ng:eventType ?type }} GROUP BY ?type"),
}


def make_queries(store: Store, count: int, seed: int = 0) -> list[str]:
    actors = [(r["a"].value, r["l"].value) for r in store.query(
        PREFIXES + "SELECT ?a ?l WHERE { ?a a ?c ; skos:prefLabel ?l"
                   " VALUES ?c { ng:Person ng:Organisation ng:State } } ORDER BY ?a")]
    rng = random.Random(seed)
    names = list(TEMPLATES)
    weights = [TEMPLATES[n][0] for n in names]
    queries = []
    for _ in range(count):
        actor, label = rng.choice(actors)
        queries.append(PREFIXES + TEMPLATES[rng.choices(names, weights)[0]][1].format(actor=actor, label=label))
    return queries


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def baseline(store: Store, queries: list[str]) -> tuple[list[float], float]:
    times = []
    start = time.perf_counter()
    for query in queries:
        t = time.perf_counter()
        json.loads(store.query(query).serialize(format=QueryResultsFormat.JSON))
        times.append(time.perf_counter() - t)
    return times, time.perf_counter() - start


def start_server(graph: Path, workers: int | None) -> tuple[subprocess.Popen, str, int]:
    args = [sys.executable, "-m", "newsgraph.cli", "serve", str(graph), "--port", "0", "--quiet", "--max-rows", "0"]
    if workers:
        args += ["--workers", str(workers)]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=dict(os.environ, PYTHONUNBUFFERED="1"))
    line = process.stdout.readline()
    if not line.startswith("serving "):
        process.kill()
        sys.exit(f"the server did not start: {line}{process.stderr.read()}")
    url = urllib.parse.urlsplit(line.split(" at ", 1)[1].split(" ", 1)[0])
    return process, url.hostname, url.port


def load(host: str, port: int, queries: list[str], clients: int, max_seconds: float):
    """Latencies of the answered queries, the failures, and the wall time."""
    lock = threading.Lock()
    next_index = [0]
    latencies: list[float] = []
    failures: list[str] = []
    deadline = time.monotonic() + max_seconds

    def client() -> None:
        connection = http.client.HTTPConnection(host, port, timeout=60)
        while time.monotonic() < deadline:
            with lock:
                i = next_index[0]
                next_index[0] += 1
            if i >= len(queries):
                break
            path = "/sparql?" + urllib.parse.urlencode({"query": queries[i]})
            t = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Accept": "application/sparql-results+json"})
                response = connection.getresponse()
                body = response.read()
                elapsed = time.perf_counter() - t
                if response.status != 200:
                    raise ValueError(f"{response.status} {body[:120]!r}")
                json.loads(body)
                with lock:
                    latencies.append(elapsed)
            except (OSError, ValueError, http.client.HTTPException) as error:
                with lock:
                    failures.append(f"query {i}: {type(error).__name__}: {error}")
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=60)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, failures, time.perf_counter() - start


def page_times(host: str, port: int, store: Store, count: int = 50) -> list[float]:
    actors = [r["a"].value for r in store.query(
        PREFIXES + f"SELECT ?a WHERE {{ ?a a ng:Person }} ORDER BY ?a LIMIT {count}")]
    base = "https://w3id.org/newsgraph/id/"
    connection = http.client.HTTPConnection(host, port, timeout=60)
    times = []
    for actor in actors:
        t = time.perf_counter()
        connection.request("GET", "/" + actor[len(base):], headers={"Accept": "text/html"})
        response = connection.getresponse()
        response.read()
        if response.status == 200:
            times.append(time.perf_counter() - t)
    connection.close()
    return times


def row(name: str, latencies: list[float], failures: int, seconds: float, ref: tuple[float, float] | None) -> str:
    p50, p99 = percentile(latencies, 50) * 1000, percentile(latencies, 99) * 1000
    rate = len(latencies) / seconds if seconds else float("nan")
    ratio = f"{p50 / ref[0]:8.1f} {p99 / ref[1]:8.1f}" if ref else f"{1.0:8.1f} {1.0:8.1f}"
    return f"{name:<28} {len(latencies):>7} {failures:>8} {p50:>8.2f} {p99:>8.2f} {rate:>9,.0f} {ratio}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--max-seconds", type=float, default=300.0, help="stop sending after this long")
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=6000)
    parser.add_argument("--workers", type=int, default=None, help="the server's --workers (default: its own)")
    args = parser.parse_args()

    graph = synthetic_graph(args.nodes, args.edges, seed=0)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.nt"
        path.write_bytes(graph.serialize(format="nt", encoding="utf-8"))
        del graph
        store = Store()
        store.load(path=str(path), format=RdfFormat.N_TRIPLES)
        queries = make_queries(store, args.queries)
        process, host, port = start_server(path, args.workers)
        try:
            base_times, base_seconds = baseline(store, queries)
            single = load(host, port, queries[:200], 1, args.max_seconds)
            latencies, failures, seconds = load(host, port, queries, args.clients, args.max_seconds)
            pages = page_times(host, port, store)
        finally:
            process.send_signal(signal.SIGINT)
            process.communicate(timeout=30)
    print(f"graph: {args.nodes:,} actors, {args.edges:,} edges, {len(store):,} triples (synthetic, seed 0);"
          f" {args.queries:,} queries, {args.clients} clients")
    print(f"{'case':<28} {'answered':>7} {'failures':>8} {'p50 ms':>8} {'p99 ms':>8} {'queries/s':>9}"
          f" {'x p50':>8} {'x p99':>8}")
    ref = (percentile(base_times, 50) * 1000, percentile(base_times, 99) * 1000)
    print(row("baseline: in-process", base_times, 0, base_seconds, None))
    print(row("server: 1 client, 200 first", single[0], len(single[1]), single[2], ref))
    print(row(f"server: {args.clients} clients", latencies, len(failures), seconds, ref))
    if len(latencies) + len(failures) < args.queries:
        print(f"stopped after {args.max_seconds:g} s: {args.queries - len(latencies) - len(failures)} queries not sent")
    for failure in (single[1] + failures)[:10]:
        print("failure:", failure)
    if pages:
        print(f"entity page (HTML), one client: p50 {percentile(pages, 50) * 1000:.1f} ms,"
              f" p99 {percentile(pages, 99) * 1000:.1f} ms over {len(pages)} pages")


if __name__ == "__main__":
    main()
