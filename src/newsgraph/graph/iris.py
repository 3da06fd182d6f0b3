"""Deterministic, readable IRIs for everything the graph names.

See docs/graph-model.md for the scheme. Hashes are SHA-1 over a canonical
string of what defines the thing, so IRIs are stable across runs, machines
and input order.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from pyoxigraph import NamedNode
from rdflib import Graph, Namespace, URIRef

from ..errors import GraphError

from ..lexicon import slugify
from ..types import Event, Membership, Post, Provenance

DEFAULT_BASE = "https://w3id.org/newsgraph/id/"

#: Prefix -> path under the base, for every instance namespace.
INSTANCE_PATHS: dict[str, str] = {
    "person": "person/", "orgn": "org/", "state": "state/", "place": "place/", "doc": "doc/", "role": "role/",
    "membership": "membership/", "event": "event/", "evidence": "evidence/", "author": "author/",
    "mention": "mention/",
}


#: The paths under the base that name entities (EntityType.slug).
ENTITY_PATHS = frozenset({"person", "org", "state", "place"})


def _digest(*parts: object) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


class Iris:
    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"
        try:
            NamedNode(self.base + "x")
            ok = "://" in self.base or self.base.startswith("urn:")
        except ValueError:
            ok = False
        if not ok:
            raise GraphError(f"--base {base!r} is not an absolute IRI: give one such as {DEFAULT_BASE}")

    def _iri(self, path: str) -> URIRef:
        return URIRef(self.base + path)

    def entity(self, key: str) -> URIRef:
        return self._iri(key)

    def key_of(self, iri: str) -> str | None:
        """The entity key of an entity IRI minted under this base ("person/antony-blinken"), else None."""
        if not iri.startswith(self.base):
            return None
        key = iri[len(self.base):]
        return key if key.partition("/")[0] in ENTITY_PATHS else None

    def document(self, key: str) -> URIRef:
        return self._iri(f"doc/{key}")

    def document_graph(self, key: str) -> URIRef:
        """The named graph that holds everything one document says (docs/store.md)."""
        return self._iri(f"graph/{key}")

    def entities_graph(self) -> URIRef:
        """The named graph of what is derived across documents: preferred labels, owl:sameAs, lookup keys."""
        return self._iri("graph/entities")

    def context(self, key: str, length: int) -> URIRef:
        """The document's whole text as a nif:Context (RFC 5147 offsets 0 to its length)."""
        return self._iri(f"doc/{key}#char=0,{length}")

    def post(self, key: str, post_key: str) -> URIRef:
        """A post of a live blog, by its key (``post_keys``), never by its position."""
        return self._iri(f"doc/{key}/post/{post_key}")

    @staticmethod
    def post_keys(posts: Sequence[Post]) -> dict[int, str]:
        """Post index -> a key made of what identifies the post: its time and headline.

        Live blogs add posts at the top, so a position would rename every post
        when the blog grows; ``2024-11-13t0830-3f2a9c1e`` (the time, then a hash
        of time and headline) stays. Two posts with the same time and headline
        are told apart by a count in the order they appear; a post with neither
        is named by that count alone.
        """
        keys: dict[int, str] = {}
        seen: dict[str, int] = {}
        for post in posts:
            when = post.published.isoformat() if post.published is not None else ""
            if when or post.headline:
                stamp = slugify(when[:16].replace(":", ""), default="", max_len=20)
                base = "-".join(p for p in (stamp, _digest(when, post.headline or "")[:8]) if p)
            else:
                base = "untimed"
            n = seen[base] = seen.get(base, 0) + 1
            keys[post.index] = base if n == 1 else f"{base}-{n}"
        return keys

    def span(self, key: str, start: int, end: int) -> URIRef:
        """A stretch of text (a sentence), RFC 5147 style."""
        return self._iri(f"doc/{key}#char={start},{end}")

    def mention(self, key: str, start: int, end: int) -> URIRef:
        """A mention: an annotation of a span, so never the same node as a sentence."""
        return self._iri(f"mention/{key}-{start}-{end}")

    def author(self, name: str) -> URIRef:
        return self._iri(f"author/{slugify(name)}")

    def role(self, title: str) -> URIRef:
        return self._iri(f"role/{slugify(title)}")

    def membership(self, m: Membership) -> URIRef:
        """Hash of person, post and organisation, and of the qualifiers that are true.

        A post held now, a post held before, one the person is nominated to and
        one they are elected to are different memberships, so "former" and
        "nominated"/"elect" go into the hash; a current membership hashes only
        person, post and organisation, so its IRI is what it was before.
        """
        qualifiers = [q for q in ("former", "nominated", "elect") if getattr(m, q)]
        return self._iri(f"membership/{_digest(m.person, m.role, m.organisation, *qualifiers)}")

    def event(self, e: Event) -> URIRef:
        """Hash of type, agent, target, day and documents; a missing target hashes as "".

        The empty string keeps the IRIs of events with a target what they were
        before the target became optional. Mode and sectors are left out on
        purpose: they describe an event, they do not tell two events apart.
        The day is the day the event was reported (``Event.reported``), as it
        was when ``time`` held the publication time, so a stated time read
        later does not rename the event.
        """
        when = e.reported if e.reported is not None else e.time
        date = (when.date() if isinstance(when, datetime) else when).isoformat() if when is not None else ""
        docs = sorted({p.document for p in e.provenance})
        target = e.target or ""
        return self._iri(f"event/{_digest(e.type, e.agent, target, date, *docs)}")

    def quotation(self, key: str, start: int, end: int) -> URIRef:
        """A quotation, by a hash of its document and the offsets of its first (or only) piece of
        words: what it says is where it stands, and a document has one quotation there."""
        return self._iri(f"quotation/{_digest(key, start, end)}")

    def evidence(self, assertion: URIRef, p: Provenance) -> URIRef:
        return self._iri(f"evidence/{_digest(assertion, p.document, p.sentence_start, p.sentence_end, p.extractor)}")

    def prefixes(self) -> dict[str, str]:
        """Prefixes for the instance namespaces, so Turtle stays readable."""
        return {prefix: self.base + path for prefix, path in INSTANCE_PATHS.items() if prefix != "doc"}

    def bind(self, g: Graph) -> None:
        for prefix, namespace in self.prefixes().items():
            g.bind(prefix, Namespace(namespace))
