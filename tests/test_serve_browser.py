"""The query page of `newsgraph serve` in headless Chromium: examples, fetch() to /sparql, the table."""
from __future__ import annotations

import pytest

from browser_support import chromium_context, require_chromium
from test_serve_support import XSS_NAME, start_server, write_small_graph

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_chromium()
    served = start_server(write_small_graph(tmp_path_factory.mktemp("serve") / "graph.trig"))
    yield served.url
    served.stop()


def test_the_query_page_runs_a_query_and_fills_the_table_with_text_only(server):
    dialogs, outside = [], []
    with chromium_context() as context:
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
        page.goto(server)
        page.fill("#query", "SELECT ?p ?name WHERE { ?p a ng:Person ; rdfs:label ?name } ORDER BY ?name")
        page.click("button[type=submit]")
        page.wait_for_selector("#out table")
        cells = page.eval_on_selector_all("#out td", "tds => tds.map(td => td.textContent)")
        assert "Ada Okafor" in cells and XSS_NAME in cells  # the payload shown as text
        assert page.eval_on_selector_all("#out script", "s => s.length") == 0
        assert "rows" in page.text_content("#status")
        page.click("#out a >> text=person:ada-okafor")
        page.wait_for_selector("h1")
        assert page.text_content("h1") == "Ada Okafor"
    assert dialogs == [], "text from the graph ran as script"
    assert outside == [], "the page loaded something from elsewhere"


def test_choosing_an_example_puts_its_named_query_in_the_editor(server):
    from newsgraph.query.named import named_queries

    first = next(iter(named_queries().values()))
    with chromium_context() as context:
        page = context.new_page()
        page.goto(server)
        page.select_option("#examples", index=1)
        assert page.input_value("#query") == first.text


def test_an_error_answer_is_shown_with_its_status(server):
    with chromium_context() as context:
        page = context.new_page()
        page.goto(server)
        page.fill("#query", "SELECT WHERE {")
        page.click("button[type=submit]")
        page.wait_for_selector("#out .error")
        assert page.text_content("#out .error").startswith("400 Bad Request: invalid SPARQL")
