"""The relations stage: who holds which post, and who did what to whom.

``extract_relations`` reads the NLP stage's parsed sentences (plain Token
records with dependency arcs, never spaCy objects) and the resolver's
entities, and returns

- ``Membership`` records (W3C ORG): a person holds, held or is nominated to
  a post, in an organisation or state when the text names one
  (``roles.py``, over the title phrases read by ``titles.py``);
- ``Event`` records typed by PLOVER: an agent does something to a target
  (``events.py``), each with the modality of its sentence.

Every record carries ``Provenance``: the document, post and sentence it comes
from, the rule that found it (``roles.apposition.v1``, ``events.svo.v1``...)
and a confidence. Repeated findings are merged (``merge.py``) and the output
is sorted, so the same input gives the same records.

The words the rules react to are data in ``ontology/`` (``role_titles.csv``,
``event_verbs.csv`` and the ``relations_*.csv`` files), read by
``lexicons.py``.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import load_lexicon
from ..resolve.metonymy import offered_states
from ..types import AnalysedDocument, Event, Membership, Resolution
from .context import DocumentContext
from .events import extract_events
from .lexicons import load_relation_lexicons
from .merge import merge_events, merge_memberships
from .roles import extract_roles


def extract_relations(
    analysed: Sequence[AnalysedDocument], resolution: Resolution
) -> tuple[list[Membership], list[Event]]:
    """Memberships and events found in the analysed documents, merged and sorted."""
    lexicon = load_lexicon()
    # A capital may stand for its state even where the state is never named.
    offered, located = offered_states(resolution, lexicon)
    entities = {**offered, **{e.key: e for e in resolution.entities}}
    words = load_relation_lexicons()
    memberships: list[Membership] = []
    events: list[Event] = []
    for ad in sorted(analysed, key=lambda a: a.document.key):
        ctx = DocumentContext(ad, resolution, entities, lexicon, words)
        ctx.located = located  # the state each city lies in, for acts of force done there
        found = list(extract_roles(ctx))
        ctx.set_holders(found)  # "the Nato chief" may then stand for the one person holding that post
        memberships.extend(found)
        events.extend(extract_events(ctx))
    return merge_memberships(memberships), merge_events(events)


__all__ = sorted(["extract_relations"])
