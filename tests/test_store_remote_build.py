"""``build --store http://...`` and ``remove`` against a real Oxigraph server: the same store as a folder."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.store.remote import remote_backend
from test_store import ARTICLES, build, quads, write
from test_store_remote import start_oxigraph, stop

pytestmark = pytest.mark.slow


@pytest.fixture
def server(tmp_path):
    process, base = start_oxigraph(tmp_path / "oxigraph")
    yield base
    stop(process)


def remote_quads(url: str) -> set[str]:
    backend = remote_backend(url)
    try:
        rows = backend.select("SELECT ?s ?p ?o ?g WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
    finally:
        backend.close()
    return {" ".join(str(t) for t in row if t is not None) for row in rows
            if "urn:newsgraph:build-lock" not in str(row[3])}


def test_a_build_into_a_sparql_server_holds_what_a_store_folder_holds(tmp_path, server):
    inputs = write(tmp_path / "in", ARTICLES)
    local = tmp_path / "local"
    build(local, inputs, root=tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(inputs), "--store", server, "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"loaded 3 of 3 documents into {server}" in result.output
    assert remote_quads(server) == quads(local)

    again = runner.invoke(main, ["build", str(inputs), "--store", server, "--root", str(tmp_path)])
    assert "(3 unchanged)" in again.output

    removed = runner.invoke(main, ["remove", "in/strike.txt", "--store", server, "--root", str(tmp_path)])
    assert removed.exit_code == 0, removed.output
    local_removed = runner.invoke(main, ["remove", "in/strike.txt", "--store", str(local), "--root", str(tmp_path)])
    assert local_removed.exit_code == 0
    assert remote_quads(server) == quads(local)
