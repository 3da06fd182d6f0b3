"""Extraction on a Dask distributed cluster (``build --dask local`` or ``--dask tcp://HOST:8786``).

Each task is a partition of documents; a worker runs the NLP and the local
extraction on it (``parallel.extract_chunk``) and returns plain records. The
model is loaded once per worker process (``nlp.load_pipeline`` is cached
there), and the client reconciles the records with the store in input order,
so the graph is the one a single process builds. ``local`` starts a
``LocalCluster`` of one single-threaded worker process per CPU for the
length of the build.

Dask is an optional extra: ``pip install newsgraph[distributed]``.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from .errors import ClusterError
from .load import LocalRecords
from .parallel import AHEAD, CHUNK, _ordered, extract_chunk
from .types import Document

#: how long to try to reach a scheduler before saying it cannot be reached
CONNECT_TIMEOUT = "10s"


def _client(scheduler: str):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError("--dask needs Dask distributed: pip install 'newsgraph[distributed]'") from None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=min(os.cpu_count() or 1, 4), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT), None
    except (OSError, TimeoutError, ValueError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler {scheduler}: {' '.join(str(error).split())[:200]}"
                        " (is it running? give --dask local to start a cluster on this machine)") from None


def dask_records(documents: Iterable[Document], *, scheduler: str, model: str | None = None,
                 ) -> Iterator[LocalRecords]:
    """Each document's LocalRecords, computed on the cluster, in input order."""
    client, cluster = _client(scheduler)
    try:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        yield from _ordered(lambda part: client.submit(extract_chunk, part, model, pure=False),
                            lambda future: future.result(), documents, workers * AHEAD, CHUNK, workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
