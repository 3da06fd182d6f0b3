"""The page at ``/``: a query editor, the named queries as examples, the answer as a table.

Everything is inline (no CDN): the page posts the query to ``/sparql`` with
``fetch()`` and fills the table with ``textContent``, so no text from the
graph is ever read as HTML; links are made only for IRIs under the base.
The examples are the named queries shipped with newsgraph
(``newsgraph/queries/*.rq``); their data goes into the page as JSON with
``<`` escaped, so a query text cannot close the script element.
"""
from __future__ import annotations

import json
from collections.abc import Mapping

from ..query.named import named_queries
from .pages import esc, layout

#: The page's own script may run and may fetch from this server only.
QUERY_PAGE_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline';"
                     " connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self';"
                     " frame-ancestors 'none'")

DEFAULT_QUERY = """PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

SELECT ?person ?name WHERE {
  ?person a ng:Person ; skos:prefLabel ?name .
} ORDER BY ?name LIMIT 50"""

EXTRA_STYLE = """
textarea{width:100%;min-height:16em;font:13px/1.4 ui-monospace,monospace;box-sizing:border-box}
#bar{display:flex;gap:.6em;align-items:center;margin:.5em 0}#status{color:#5a6570}
#out table{font-size:.9em;margin-top:.6em}#out pre{white-space:pre-wrap;font-size:.85em}
.error{color:#a31515;white-space:pre-wrap}
"""

SCRIPT = r"""
(function () {
  var data = JSON.parse(document.getElementById('data').textContent);
  var editor = document.getElementById('query'), out = document.getElementById('out');
  var status = document.getElementById('status'), examples = document.getElementById('examples');
  data.examples.forEach(function (ex, i) {
    var option = document.createElement('option');
    option.value = String(i); option.textContent = ex.name + ' \u2014 ' + ex.description;
    examples.appendChild(option);
  });
  examples.addEventListener('change', function () {
    if (examples.value !== '') { editor.value = data.examples[Number(examples.value)].text; }
  });
  function shorten(iri) {
    for (var name in data.prefixes) {
      var ns = data.prefixes[name];
      if (iri.indexOf(ns) === 0 && iri.length > ns.length) { return name + ':' + iri.slice(ns.length); }
    }
    return iri;
  }
  function cell(term) {
    var td = document.createElement('td');
    if (!term) { return td; }
    if (term.type === 'uri' && term.value.indexOf(data.base) === 0 && term.value.length > data.base.length) {
      var a = document.createElement('a');
      a.href = '/' + term.value.slice(data.base.length).replace(/#/g, '%23').replace(/\?/g, '%3F');
      a.textContent = shorten(term.value);
      td.appendChild(a);
    } else {
      td.textContent = term.type === 'uri' ? shorten(term.value) : term.value;
    }
    return td;
  }
  function table(json) {
    var t = document.createElement('table'), head = document.createElement('tr');
    json.head.vars.forEach(function (v) {
      var th = document.createElement('th'); th.textContent = '?' + v; head.appendChild(th);
    });
    t.appendChild(head);
    json.results.bindings.forEach(function (b) {
      var tr = document.createElement('tr');
      json.head.vars.forEach(function (v) { tr.appendChild(cell(b[v])); });
      t.appendChild(tr);
    });
    return t;
  }
  function run(event) {
    if (event) { event.preventDefault(); }
    var started = performance.now();
    status.textContent = 'running\u2026'; out.textContent = '';
    fetch('/sparql', {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded',
                'Accept': 'application/sparql-results+json, text/turtle;q=0.9'},
      body: new URLSearchParams({query: editor.value})
    }).then(function (response) {
      return response.text().then(function (text) {
        var seconds = ((performance.now() - started) / 1000).toFixed(2) + ' s';
        if (!response.ok) {
          var p = document.createElement('p'); p.className = 'error';
          p.textContent = response.status + ' ' + response.statusText + ': ' + text;
          out.appendChild(p); status.textContent = seconds; return;
        }
        var type = response.headers.get('Content-Type') || '';
        if (type.indexOf('json') >= 0) {
          var json = JSON.parse(text);
          if (typeof json.boolean === 'boolean') {
            out.textContent = json.boolean ? 'true' : 'false'; status.textContent = seconds;
          } else {
            out.appendChild(table(json));
            status.textContent = json.results.bindings.length + ' rows, ' + seconds;
          }
        } else {
          var pre = document.createElement('pre'); pre.textContent = text; out.appendChild(pre);
          status.textContent = seconds;
        }
      });
    }).catch(function (error) { status.textContent = String(error); });
  }
  document.getElementById('form').addEventListener('submit', run);
  editor.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { run(e); }
  });
})();
"""


def page_data(base: str, prefixes: Mapping[str, str]) -> str:
    """The examples, base and prefixes as JSON safe inside a script element."""
    examples = [{"name": q.name, "description": q.description, "text": q.text} for q in named_queries().values()]
    text = json.dumps({"examples": examples, "base": base, "prefixes": dict(prefixes)}, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def query_page(base: str, prefixes: Mapping[str, str], source: str) -> str:
    body = f"""<style>{EXTRA_STYLE}</style>
<h1>Query the graph</h1>
<p class="muted">{esc(source)} · SPARQL 1.1 endpoint at <code>/sparql</code> (read-only) ·
<a href="/ontology">ontology</a> · entity pages under <code>/</code>, e.g. <code>/person/…</code></p>
<form id="form" method="post" action="/sparql">
<textarea id="query" name="query" spellcheck="false">{esc(DEFAULT_QUERY)}</textarea>
<div id="bar"><button type="submit">Run</button>
<select id="examples" aria-label="Examples"><option value="">Examples: the named queries…</option></select>
<span id="status"></span></div></form>
<div id="out"></div>
<script type="application/json" id="data">{page_data(base, prefixes)}</script>
<script>{SCRIPT}</script>"""
    return layout("Query", body)
