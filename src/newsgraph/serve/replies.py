"""What a route answers: a status, a media type and the body, as plain bytes.

A :class:`Reply` is built in a query worker or in the server thread alike
and crosses the worker's pipe as is, so it holds nothing but picklable data.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

TEXT = "text/plain; charset=utf-8"
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def text_reply(status: int, message: str, *headers: tuple[str, str]) -> Reply:
    """A one-line plain-text answer (errors, refusals): what went wrong and what to do."""
    return Reply(status, TEXT, (message.rstrip("\n") + "\n").encode("utf-8"), tuple(headers))


def html_reply(status: int, page: str, *headers: tuple[str, str]) -> Reply:
    return Reply(status, HTML, page.encode("utf-8"), tuple(headers))


def not_found_page(what: str, message: str) -> Reply:
    """A small 404 page; ``what`` is escaped like every other text on a page."""
    body = (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
        f"<body><h1>Not found</h1><p><code>{html.escape(what)}</code></p><p>{html.escape(message)}</p>"
        "<p><a href=\"/\">Query the graph</a></p></body></html>\n"
    )
    return html_reply(404, body)
