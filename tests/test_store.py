"""A persistent store that grows one document at a time (``build --store``, ``remove``).

Every test runs real builds (the spaCy model, an on-disk Oxigraph store) on
short articles written for these tests, and compares stores quad for quad:
the graph holds no blank nodes, so two stores are isomorphic exactly when
their quad sets are equal.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Store

from newsgraph.cli import main
from newsgraph.store.folder import ReadOnlyStore, open_for_writing

pytestmark = pytest.mark.slow

ARTICLES = {
    "summit.txt": (
        "Leaders meet in Geneva\n\n"
        "The Swiss foreign minister, Anna Keller, hosted talks with Kenya's president, William Ruto, on Monday. "
        "Keller said the two countries would sign a trade agreement next year.\n"
    ),
    "strike.txt": (
        "Nurses strike in Nairobi\n\n"
        "Kenyan nurses went on strike on Tuesday. The health minister, Susan Wafula, condemned the strike "
        "and accused the nurses' union of blackmail.\n"
    ),
    "sanctions.txt": (
        "New sanctions on Iran\n\n"
        "The European Union imposed sanctions on Iran on Wednesday. Anna Keller said Switzerland would "
        "follow the decision.\n"
    ),
}
GROWN = ARTICLES["summit.txt"] + (
    "\nLater, Ruto met the Swiss president, Markus Brunner, in Bern. Brunner praised Kenya.\n"
)


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build(store: Path, *paths: Path, root: Path, extra: tuple[str, ...] = ()) -> str:
    result = CliRunner().invoke(main, ["build", *map(str, paths), "--store", str(store), "--root", str(root),
                                       "--quiet", *extra])
    assert result.exit_code == 0, result.output
    return result.output


def quads(store: Path) -> set[str]:
    """Every quad as one N-Quads line (without the final dot)."""
    opened = ReadOnlyStore(store)
    try:
        return {str(q) for q in opened.store}
    finally:
        opened.close()


def graphs_of(store: Path) -> dict[str, set[str]]:
    """Named graph IRI -> its triples."""
    opened = ReadOnlyStore(store)
    try:
        found: dict[str, set[str]] = {}
        for q in opened.store:
            if q.graph_name.__class__.__name__ == "NamedNode":
                found.setdefault(q.graph_name.value, set()).add(str(q))
        return found
    finally:
        opened.close()


def entity_iris(store: Path) -> set[str]:
    return {q.split()[0] for q in quads(store) if "<http://www.w3.org/2000/01/rdf-schema#label>" in q}


def test_building_the_same_documents_again_changes_nothing(tmp_path):
    inputs = write(tmp_path / "in", ARTICLES)
    store = tmp_path / "store"
    build(store, inputs, root=tmp_path)
    before = quads(store)
    result = CliRunner().invoke(main, ["build", str(inputs), "--store", str(store), "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "loaded 0 of 3 documents" in result.output and "(3 unchanged)" in result.output
    assert quads(store) == before


def test_add_replace_remove_matches_a_fresh_build_of_what_is_left(tmp_path):
    a = write(tmp_path / "in", {"summit.txt": ARTICLES["summit.txt"]}) / "summit.txt"
    b = write(tmp_path / "in", {"strike.txt": ARTICLES["strike.txt"]}) / "strike.txt"
    store = tmp_path / "store"
    build(store, a, root=tmp_path)
    first_entities = entity_iris(store)
    build(store, b, root=tmp_path)
    a.write_text(GROWN, encoding="utf-8")  # the live blog grew
    build(store, a, root=tmp_path)
    result = CliRunner().invoke(main, ["remove", str(b), "--store", str(store), "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("removed strike-")

    fresh = tmp_path / "fresh"
    build(fresh, a, root=tmp_path)
    assert quads(store) == quads(fresh)
    assert first_entities <= entity_iris(store)  # no entity of the first build was renamed


def test_a_removed_document_takes_only_what_it_alone_supported(tmp_path):
    inputs = write(tmp_path / "in", ARTICLES)
    store = tmp_path / "store"
    build(store, inputs, root=tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["remove", "in/strike.txt", "--store", str(store), "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    held = quads(store)
    assert not any("Wafula" in q for q in held)  # only the strike article named her
    assert any("Anna Keller" in q for q in held)  # two articles named her; one is left
    missing = runner.invoke(main, ["remove", "in/strike.txt", "--store", str(store), "--root", str(tmp_path)])
    assert missing.exit_code == 1 and "not in the store" in missing.output


def test_a_short_name_in_a_later_article_is_the_node_an_earlier_one_named_in_full(tmp_path):
    store = tmp_path / "store"
    first = write(tmp_path / "in", {"one.txt": "The Kenyan president, William Ruto, spoke in Nairobi on Monday.\n"})
    build(store, first / "one.txt", root=tmp_path)
    later = write(tmp_path / "in", {"two.txt": "Ruto met the Swiss foreign minister, Anna Keller, in Geneva.\n"})
    build(store, later / "two.txt", root=tmp_path)
    persons = {iri for iri in entity_iris(store) if "/person/" in iri}
    assert "<https://w3id.org/newsgraph/id/person/william-ruto>" in persons
    assert not any(iri.endswith("/person/ruto>") for iri in persons)


def test_a_fuller_name_later_changes_the_label_never_the_iri(tmp_path):
    store = tmp_path / "store"
    first = write(tmp_path / "in", {"one.txt": "President Macron spoke in Paris on Monday about the budget.\n"})
    build(store, first / "one.txt", root=tmp_path)
    (iri,) = {i for i in entity_iris(store) if "/person/" in i}
    later = write(tmp_path / "in", {"two.txt": "The French president, Emmanuel Macron, met Anna Keller in Geneva.\n"})
    build(store, later / "two.txt", root=tmp_path)
    labels = {q for q in quads(store) if q.startswith(iri) and "prefLabel" in q}
    assert labels and {"Emmanuel Macron" in q for q in labels} == {True}  # one preferred label, the fuller one
    assert iri in entity_iris(store)


def test_the_same_file_named_three_ways_is_one_document(tmp_path, monkeypatch):
    inputs = write(tmp_path / "in", {"summit.txt": ARTICLES["summit.txt"]})
    monkeypatch.chdir(inputs)
    store = tmp_path / "store"
    for given in ("summit.txt", "./summit.txt", str(inputs / "summit.txt")):
        build(store, Path(given), root=inputs)
    assert len([g for g in graphs_of(store) if "/graph/summit-" in g]) == 1
    assert not any(str(tmp_path) in q for q in quads(store))  # no local absolute path is published


def test_a_second_writer_is_refused_with_a_clear_message(tmp_path):
    inputs = write(tmp_path / "in", {"summit.txt": ARTICLES["summit.txt"]})
    store = tmp_path / "store"
    build(store, inputs, root=tmp_path)
    with open_for_writing(store, None):
        result = CliRunner().invoke(main, ["build", str(inputs), "--store", str(store)])
    assert result.exit_code == 1
    assert "is in use by another newsgraph command" in result.output
    reader = ReadOnlyStore(store)
    try:
        refused = CliRunner().invoke(main, ["remove", "x", "--store", str(store)])
        assert refused.exit_code == 1 and "in use" in refused.output
    finally:
        reader.close()


def test_a_folder_that_is_not_a_store_is_refused(tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine", encoding="utf-8")
    inputs = write(tmp_path / "in", {"summit.txt": ARTICLES["summit.txt"]})
    result = CliRunner().invoke(main, ["build", str(inputs), "--store", str(tmp_path / "full")])
    assert result.exit_code == 1
    assert "not empty and not a newsgraph store" in result.output
    assert (tmp_path / "full" / "notes.txt").read_text(encoding="utf-8") == "mine"


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(sorted(ARTICLES)))
def test_build_order_does_not_change_the_graph(tmp_path_factory, order):
    tmp = tmp_path_factory.mktemp("order")
    inputs = write(tmp / "in", ARTICLES)
    together, one_by_one = tmp / "together", tmp / "one-by-one"
    build(together, *(inputs / name for name in order), root=tmp)
    for name in order:
        build(one_by_one, inputs / name, root=tmp)
    reference = getattr(test_build_order_does_not_change_the_graph, "reference", None)
    got = quads(together)
    assert quads(one_by_one) == got
    if reference is None:
        test_build_order_does_not_change_the_graph.reference = {q.replace(str(tmp), "") for q in got}
    else:
        assert {q.replace(str(tmp), "") for q in got} == reference


def _many_articles(folder: Path, n: int) -> Path:
    countries = ["Kenya", "Ghana", "Peru", "Chile", "Norway", "Poland", "Japan", "Egypt"]
    for i in range(n):
        a, b = countries[i % 8], countries[(i + 3) % 8]
        (folder / f"article-{i:02d}.txt").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"article-{i:02d}.txt").write_text(
            f"Talks in {a}\n\nThe foreign minister of {a}, Maria Lind{i}, met her counterpart from {b} on Monday. "
            f"{a} accused {b} of violating the ceasefire, and the two sides agreed to meet again.\n" * 3,
            encoding="utf-8")
    return folder


def _kill_after(command: list[str], documents: int, extra_delay: float = 0.0) -> int:
    """Run a build and SIGKILL it ``extra_delay`` seconds after it has said ``documents``
    documents are in the store (0: while it loads the model); how many it had said."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    said = 0
    if documents == 0:
        time.sleep(0.5)
    else:
        for line in proc.stderr:
            said += line.startswith("loaded ")
            if said >= documents:
                break
    time.sleep(extra_delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    said += sum(line.startswith("loaded ") for line in proc.stderr)  # said before it died
    proc.stderr.close()
    return said


def test_a_build_killed_at_ten_random_points_leaves_whole_documents_and_a_rerun_completes_it(tmp_path):
    """SIGKILL while the model loads, between documents and inside a document's transaction
    (a random delay after the last document it reported)."""
    inputs = _many_articles(tmp_path / "in", 16)
    reference = tmp_path / "reference"
    build(reference, inputs, root=tmp_path)
    expected, reference_graphs = quads(reference), graphs_of(reference)
    command = [sys.executable, "-m", "newsgraph.cli", "build", str(inputs), "--root", str(tmp_path), "--verbose"]
    seed = random.randrange(1 << 30)
    chance = random.Random(seed)
    points = [0] + sorted(chance.randrange(1, 16) for _ in range(9))
    for n, point in enumerate(points):
        store = tmp_path / f"killed-{n}"
        said = _kill_after([*command, "--store", str(store)], point, extra_delay=chance.uniform(0, 0.3))
        if (store / "oxigraph").exists():
            held = {g: found for g, found in graphs_of(store).items() if "/graph/article-" in g}
            assert said <= len(held) <= said + 1, f"seed {seed}: {len(held)} documents after {said} reported"
            for graph, found in held.items():
                assert found == reference_graphs[graph], f"seed {seed}: document graph {graph} is partial"
        subprocess.run([*command, "--store", str(store)], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        assert quads(store) == expected, f"seed {seed}: the rerun after a kill at {point} differs"


def test_a_store_whose_first_build_was_killed_while_creating_its_database_opens(tmp_path):
    # What a kill inside RocksDB's creation leaves: the marker, and a half-made database beside the real one.
    folder = tmp_path / "news"
    with open_for_writing(folder, "https://example.org/"):
        pass
    import shutil

    shutil.rmtree(folder / "oxigraph")
    half = folder / ".oxigraph.4242.new"
    half.mkdir()
    (half / "CURRENT").write_text("MANIFEST-000001\n")  # RocksDB's pointer to a manifest never written
    reader = ReadOnlyStore(folder)
    assert len(reader.store) == 0
    reader.close()
    with open_for_writing(folder, "https://example.org/") as backend:
        assert backend is not None
    assert not half.exists() and (folder / "oxigraph").is_dir()
