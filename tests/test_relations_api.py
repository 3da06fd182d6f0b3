"""The public face of the relations stage, without the statistical model."""
from __future__ import annotations

import newsgraph.relations as relations
from newsgraph.relations import extract_relations
from newsgraph.types import AnalysedDocument, Document, Resolution, Segment, Sentence, Token


def _document(text: str) -> AnalysedDocument:
    doc = Document(key="k", source="k.txt", text=text, content_hash="sha256:" + "0" * 64,
                   segments=(Segment(0, len(text)),))
    tokens = tuple(Token(i, m, m + len(w), w, w.casefold(), "NOUN", "NN", "ROOT" if i == 0 else "dep", 0)
                   for i, (m, w) in enumerate((text.index(w), w) for w in text.split()))
    return AnalysedDocument(doc, (Sentence(0, len(text), text, None, tokens),), ())


def test_the_package_exports_exactly_extract_relations():
    assert relations.__all__ == ["extract_relations"]


def test_no_documents_give_no_records():
    assert extract_relations([], Resolution((), ())) == ([], [])


def test_a_document_without_entities_gives_no_records():
    assert extract_relations([_document("minister met president")], Resolution((), ())) == ([], [])


def test_a_document_without_sentences_gives_no_records():
    doc = Document(key="e", source="e.txt", text="", content_hash="sha256:" + "0" * 64, segments=())
    assert extract_relations([AnalysedDocument(doc, (), ())], Resolution((), ())) == ([], [])
