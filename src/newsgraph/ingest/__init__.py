"""Ingest: files, folders, stdin, HTML and JSON Lines into Documents.

The first stage of the pipeline decides what the NLP stage reads: each
Document carries its text and the segments of it that are news (headlines
and body paragraphs), with bylines, sign-offs, credits, datelines and
publisher boilerplate left out, and live blogs split into posts.
"""
from __future__ import annotations

from .html import read_html_document
from .jsonl import read_jsonl
from .keys import content_hash, document_key
from .layout import Layout, analyse_layout
from .readers import EXTENSIONS, READERS, read_inputs, register_reader
from .text import read_text_document

__all__ = sorted(
    [
        "EXTENSIONS",
        "READERS",
        "Layout",
        "analyse_layout",
        "content_hash",
        "document_key",
        "read_html_document",
        "read_inputs",
        "read_jsonl",
        "read_text_document",
        "register_reader",
    ]
)
