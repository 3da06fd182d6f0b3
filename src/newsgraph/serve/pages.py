"""HTML for an entity's page and for any other node: plain pages, no script, no CDN.

Every text from the graph (names, sentences, headlines, literals) goes through
:func:`esc`; links to pages are made only from IRIs under the base, and links
out only for ``http(s)`` IRIs, so a ``javascript:`` IRI in a graph is shown
as text and never becomes a link. The pages are also sent with a
Content-Security-Policy that allows no script at all.
"""
from __future__ import annotations

import html
from urllib.parse import quote

from .describe import EntityView, EventItem, Evidence, Link, ResourceView, Role, Value

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:62em;padding:1em 1.5em;color:#1d232a}
a{color:#0b5cad;text-decoration:none}a:hover{text-decoration:underline}
header{border-bottom:1px solid #d8dde3;margin-bottom:1em}header nav{font-size:.9em;color:#5a6570}
h1{margin:.2em 0}.kind{font-size:.8em;background:#e8eef5;border-radius:3px;padding:.1em .4em;margin-right:.4em}
h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #eef0f3}
ul{padding-left:1.2em}li{margin:.35em 0}.muted{color:#5a6570;font-size:.9em}
blockquote{margin:.3em 0 .3em 1em;padding-left:.8em;border-left:3px solid #d8dde3;color:#333}
table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #eef0f3;text-align:left;vertical-align:top}
code{font-size:.9em;word-break:break-all}
"""
#: No script and nothing from elsewhere: the page is only text, styles and links.
PAGE_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none';"
               " form-action 'self'; frame-ancestors 'none'")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def page_path(iri: str, base: str) -> str | None:
    """The server path of a node under ``base`` (``/person/x``), or None for any other IRI.

    ``#`` and ``?`` are percent-encoded so a sentence's ``doc/k#char=1,9`` stays one path.
    """
    if not iri.startswith(base) or len(iri) == len(base):
        return None
    return "/" + quote(iri[len(base):], safe="/:@!$&'()*+,;=-._~%")


def link(item: Link | None, base: str) -> str:
    if item is None:
        return ""
    path = page_path(item.iri, base)
    if path is not None:
        return f'<a href="{esc(path)}">{esc(item.label)}</a>'
    if item.iri.startswith(("http://", "https://")):
        return f'<a href="{esc(item.iri)}" rel="nofollow noopener noreferrer">{esc(item.label)}</a>'
    return esc(item.label)


def layout(title: str, body: str, *, iri: str | None = None) -> str:
    crumb = f' · <code>{esc(iri)}</code>' if iri else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{esc(title)} · newsgraph</title><style>{STYLE}</style></head><body>"
        f"<header><nav><a href=\"/\">newsgraph</a>{crumb}</nav></header>\n{body}\n</body></html>\n"
    )


def _evidence(items: tuple[Evidence, ...], base: str) -> str:
    if not items:
        return ""
    lines = []
    for e in items:
        where = " · ".join(p for p in (link(e.document, base), esc(e.published or "")) if p)
        lines.append(f"<blockquote>{esc(e.sentence)}<div class=\"muted\">{where}</div></blockquote>")
    return "".join(lines)


def _role(r: Role, base: str, *, holder: bool) -> str:
    qualifiers = "".join(f' <span class="kind">{esc(q)}</span>' for q in r.qualifiers)
    of = f" of {link(r.organisation, base)}" if r.organisation else ""
    who = "" if holder else f"{link(r.member, base)}, "
    as_of = f' <span class="muted">as of {esc(r.as_of)}</span>' if r.as_of else ""
    return (f"<li>{who}{esc(r.role)}{of}{qualifiers}{as_of} "
            f"<a class=\"muted\" href=\"{esc(page_path(r.membership.iri, base) or '#')}\">membership</a>"
            f"{_evidence(r.evidence, base)}</li>")


def _event(e: EventItem, iri: str, base: str) -> str:
    kind = esc(e.type) + (f" ({esc(e.mode)})" if e.mode else "")
    if e.agent.iri == iri:
        counterpart = f"→ {link(e.target, base)}" if e.target else '<span class="muted">(no target)</span>'
    else:
        counterpart = f"← {link(e.agent, base)}"
    bits = [f"in {link(e.place, base)}" if e.place else "", esc(e.time) if e.time else "",
            f"reported {esc(e.reported)}" if e.reported else ""]
    modality = (f' <span class="kind">{esc(e.modality)}</span>'
                if e.modality and e.modality != "Asserted" else "")
    details = " · ".join(b for b in bits if b)
    return (f"<li><a href=\"{esc(page_path(e.event.iri, base) or '#')}\"><b>{kind}</b></a> {counterpart}"
            f"{modality} <span class=\"muted\">{details}</span>{_evidence(e.evidence, base)}</li>")


def _section(title: str, items: list[str], more: bool) -> str:
    if not items:
        return ""
    note = '<p class="muted">Only the first rows are shown; query /sparql for all of them.</p>' if more else ""
    return f"<h2>{esc(title)}</h2><ul>{''.join(items)}</ul>{note}"


def entity_page(view: EntityView, base: str) -> str:
    kinds = "".join(f'<span class="kind">{esc(k)}</span>' for k in view.kinds)
    parts = [f"<h1>{esc(view.name)}</h1><p>{kinds}<code>{esc(view.iri)}</code></p>"]
    if view.aliases:
        parts.append(f"<p>Also called: {esc(', '.join(view.aliases))}</p>")
    if view.facts:
        parts.append("<table>" + "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in view.facts)
                     + "</table>")
    more = set(view.truncated)
    parts.append(_section("Roles", [_role(r, base, holder=True) for r in view.roles], "roles" in more))
    parts.append(_section("Posts held in it", [_role(r, base, holder=False) for r in view.members], "roles" in more))
    parts.append(_section("Events", [_event(e, view.iri, base) for e in view.events], "events" in more))
    parts.append(_section("Quotations", [
        f"<li><q>{esc(q.text)}</q>{_evidence(q.evidence, base)}</li>" for q in view.quotations
    ], "quotations" in more))
    parts.append(_section("Mentioned in", [
        f"<li>{_evidence((m,), base)}</li>" for m in view.mentions
    ], "mentions" in more))
    parts.append(_section("Connected to", [f"<li>{link(n, base)}</li>" for n in view.neighbours], False))
    parts.append(_section("Same as", [f"<li>{link(n, base)}</li>" for n in view.same_as], False))
    if view.other:
        parts.append("<h2>Other statements</h2>" + _statements(view.other, base))
    parts.append(_machine_links(view.iri, base))
    return layout(view.name, "\n".join(p for p in parts if p), iri=view.iri)


def resource_page(view: ResourceView, base: str) -> str:
    incoming = [f"<tr><td>{link(s, base)}</td><th title=\"{esc(p.iri)}\">{esc(p.label)}</th></tr>"
                for s, p in view.incoming]
    parts = [f"<h1>{esc(view.name)}</h1><p><code>{esc(view.iri)}</code></p>"]
    if view.outgoing:
        parts.append("<h2>Statements</h2>" + _statements(view.outgoing, base))
    if incoming:
        parts.append("<h2>Referred to by</h2><table>" + "".join(incoming) + "</table>")
    if view.truncated:
        parts.append('<p class="muted">Only the first rows are shown; query /sparql for all of them.</p>')
    parts.append(_machine_links(view.iri, base))
    return layout(view.name, "\n".join(parts), iri=view.iri)


def _statements(pairs: tuple[tuple[Link, Value], ...], base: str) -> str:
    rows = []
    for predicate, value in pairs:
        shown = link(value.link, base) if value.link else esc(value.text)
        note = f' <span class="muted">{esc(value.note)}</span>' if value.note else ""
        rows.append(f"<tr><th title=\"{esc(predicate.iri)}\">{esc(predicate.label)}</th><td>{shown}{note}</td></tr>")
    return "<table>" + "".join(rows) + "</table>"


def _machine_links(iri: str, base: str) -> str:
    path = page_path(iri, base) or "/"
    joiner = "&" if "?" in path else "?"
    formats = [("Turtle", "turtle"), ("JSON-LD", "jsonld"), ("N-Triples", "ntriples")]
    links = " · ".join(f'<a href="{esc(path + joiner + "format=" + key)}">{name}</a>' for name, key in formats)
    return f'<p class="muted">As data: {links}</p>'
