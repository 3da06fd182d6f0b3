"""HTML pages: trafilatura's main text and metadata, plus our layout rules."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from newsgraph.errors import UnreadableInputError
from newsgraph.ingest import read_html_document, read_inputs

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "briefing.html"


def meta(html: str, attribute: str, name: str) -> str:
    m = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]+)"', html)
    assert m, name
    return m.group(1)


@pytest.fixture(scope="module")
def page() -> tuple[str, object]:
    html = EXAMPLE.read_text(encoding="utf-8")
    return html, read_html_document(EXAMPLE.read_bytes(), "examples/briefing.html", timezone="Europe/Rome")


def test_metadata_comes_from_the_page(page) -> None:
    html, doc = page
    assert doc.title == meta(html, "property", "og:title")
    assert doc.author == meta(html, "name", "author")
    assert doc.url == meta(html, "property", "og:url")
    assert doc.published == datetime.fromisoformat(meta(html, "property", "article:published_time"))
    assert doc.published.utcoffset() is not None
    assert doc.source == "examples/briefing.html" and doc.media_type == "text/html"


def test_headline_is_a_segment_and_article_paragraphs_are_kept(page) -> None:
    html, doc = page
    pieces = [doc.text[s.start : s.end] for s in doc.segments]
    assert doc.segments[0].kind == "headline" and pieces[0] == doc.title
    paragraphs = re.findall(r"<p>([^<]+)</p>", html)
    article = [p for p in paragraphs if "cookie" not in p and "subscribe" not in p and "©" not in p]
    for paragraph in article[1:]:
        assert paragraph in pieces
    subheading = re.search(r"<h2>([^<]+)</h2>", html).group(1)
    assert any(doc.text[s.start : s.end] == subheading and s.kind == "headline" for s in doc.segments)


def test_navigation_footer_byline_and_dateline_are_not_segments(page) -> None:
    html, doc = page
    joined = "\n".join(doc.text[s.start : s.end] for s in doc.segments)
    for boilerplate in ("Home", "newsletter", "cookie", "subscribe", "Share", "All rights reserved", "Read more"):
        assert boilerplate not in joined
    byline = re.search(r'class="byline">([^<]+)<', html).group(1)
    assert byline not in joined
    dateline = re.search(r"<p>([A-Z]{3,}[^–]*–)", html).group(1)
    assert dateline not in joined


def test_date_from_json_ld_when_no_meta_tag() -> None:
    html = (b'<html><head><title>Talks</title><script type="application/ld+json">'
            b'{"@type": "NewsArticle", "datePublished": "2024-03-02T08:15:00Z"}</script></head>'
            b"<body><article><h1>Leaders meet in Lima</h1><p>The leaders of four Andean states met in"
            b" Lima on Saturday and agreed to open their borders to trade.</p></article></body></html>")
    doc = read_html_document(html, "lima.html")
    assert doc.published == datetime.fromisoformat("2024-03-02T08:15:00+00:00")


def test_page_without_article_text_is_skipped_with_a_warning(tmp_path: Path) -> None:
    empty_page = tmp_path / "empty.html"
    empty_page.write_bytes(b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    with pytest.raises(UnreadableInputError):
        read_html_document(empty_page.read_bytes(), "empty.html")
    warnings: list[str] = []
    assert list(read_inputs([str(empty_page)], warn=warnings.append)) == []
    assert warnings == [f"skipped {empty_page.as_posix()}: no article text found in the HTML page (is it an article page?)"]
