"""A real build of the examples keeps to the shapes, on the data as written and under RDFS inference."""
from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import RDF, SH

from newsgraph.resources import read_text


@pytest.fixture(scope="module")
def built(repo, tmp_path_factory) -> Graph:
    from newsgraph.pipeline import build

    out = tmp_path_factory.mktemp("examples")
    report = build([str(repo / "examples")], out, write_html=False)
    return Graph().parse(report.graph_path)


@pytest.mark.slow
@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_a_build_of_the_examples_conforms_without_and_with_rdfs_inference_over_the_ontology(built, inference):
    shapes = Graph().parse(data=read_text("shapes.ttl"), format="turtle")
    tbox = Graph().parse(data=read_text("newsgraph.ttl"), format="turtle") if inference == "rdfs" else None
    conforms, report, text = validate(built, shacl_graph=shapes, ont_graph=tbox, inference=inference)
    assert conforms, text[:3000]
    assert not set(report.subjects(RDF.type, SH.ValidationResult))
