"""Fixtures shared across the suite.

``shared_dev`` is ../shared/corpus/dev beside the checkout (CI has it);
tests that read it skip, saying why, when it is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DEV = REPO.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dev() -> Path:
    if not SHARED_DEV.is_dir():
        pytest.skip(f"{SHARED_DEV} not found: the dev corpus lives in ../shared beside the checkout")
    return SHARED_DEV


@pytest.fixture(scope="session")
def nlp():
    """The real pipeline (statistical model + gazetteer ruler), loaded once."""
    from newsgraph.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def relate(nlp):
    """text -> (memberships, events) through the real model, resolver and relation rules."""
    from newsgraph.nlp import analyse_documents
    from newsgraph.relations import extract_relations
    from newsgraph.resolve import resolve_entities
    from newsgraph.types import Document, Segment

    def run(text: str, published=None):
        doc = Document(key="t", source="t.txt", text=text, content_hash="sha256:" + "0" * 64,
                       segments=(Segment(0, len(text)),), published=published)
        analysed = list(analyse_documents([doc], nlp=nlp))
        return extract_relations(analysed, resolve_entities(analysed))

    return run


@pytest.fixture(scope="module")
def events(relate, request):
    """text -> {(type, agent, target): Event}, dated by the test module's PUBLISHED, if any."""
    published = getattr(request.module, "PUBLISHED", None)
    return lambda text: {(e.type, e.agent, e.target): e for e in relate(text, published)[1]}


@pytest.fixture(scope="module")
def roles(relate, request):
    """text -> {(person, post, organisation): Membership}, dated by the module's PUBLISHED, if any."""
    published = getattr(request.module, "PUBLISHED", None)
    return lambda text: {(m.person, m.role, m.organisation): m for m in relate(text, published)[0]}
