"""Fold repeated findings into one record each, in a stable order.

A membership is one (person, post, organisation, former, nominated, elect):
every further mention adds evidence, not a node, and a post held now, one
held before and one the person is nominated or elected to are different
memberships ("former president" and "president" of the same person are two).
A post has one label however it is spelt ("secretary general",
"secretary-general"), since its IRI is made from the label's slug.
A post said once with its organisation and once without ("US President Joe
Okafor", later "President Okafor") takes that organisation when the person
holds that post for exactly one organisation: from the same document
(``roles.fromdocument.v1``), else from the rest of the corpus
(``roles.fromcorpus.v1``, ``fill_organisations``), the only step that reads
across documents. A post whose organisation was only guessed from what its
paragraph is about (``roles.fromcontext.v1``) gives way to one the corpus
names.
An event is one (type, agent, target, day reported, document); for the symmetric
CONSULT and COOPERATE, "X met Y" and "Y met X" are the same event.
Output is sorted, so the same input always gives the same list.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from ..lexicon import slugify
from ..types import Event, Membership, Provenance
from ..vocab import SYMMETRIC_EVENT_TYPES

SYMMETRIC = SYMMETRIC_EVENT_TYPES
_MODALITY_RANK = {"asserted": 0, "hypothetical": 1, "negated": 2}


def merge_provenance(records: Iterable[Provenance]) -> tuple[Provenance, ...]:
    """One piece of evidence per (document, sentence, extractor), the surest kept, sorted."""
    best: dict[tuple, Provenance] = {}
    for p in records:
        key = (p.document, p.sentence_start, p.sentence_end, p.extractor)
        if key not in best or p.confidence > best[key].confidence:
            best[key] = p
    return tuple(sorted(best.values(), key=lambda p: (p.document, p.sentence_start, p.sentence_end, p.extractor)))


def canonical_labels(labels: Iterable[str]) -> dict[str, str]:
    """One label per post: spellings that name the same role IRI ("secretary general",
    "secretary-general") take the most frequent one (then the shortest, then the first)."""
    counts = Counter(labels)
    by_slug: dict[str, list[str]] = defaultdict(list)
    for label in counts:
        by_slug[slugify(label)].append(label)
    out = {}
    for spellings in by_slug.values():
        best = min(spellings, key=lambda x: (-counts[x], len(x), x))
        out.update({x: best for x in spellings})
    return out


#: Rules that give a post the organisation read elsewhere, not in its own sentence.
DOCUMENT_ORG = "roles.fromdocument.v1"
CORPUS_ORG = "roles.fromcorpus.v1"
CONTEXT_ORG = "roles.fromcontext.v1"
DEMONYM_ORG = "roles.demonym.v1"
ORG_FILLERS = frozenset({DOCUMENT_ORG, CORPUS_ORG, CONTEXT_ORG, DEMONYM_ORG})
#: How much a borrowed organisation lowers the confidence of the rule that found the holder.
ORG_FILL_FACTOR = {DOCUMENT_ORG: 0.9, CORPUS_ORG: 0.75, DEMONYM_ORG: 0.85}


def with_organisation(m: Membership, org: str, rule: str, factor: float) -> Membership:
    """``m`` with ``org`` taken from elsewhere: its evidence is now that rule's, less sure."""
    prov = tuple(replace(p, extractor=rule, confidence=round(p.confidence * factor, 2)) for p in m.provenance)
    return replace(m, organisation=org, provenance=prov)


def _read_in_sentence(m: Membership) -> bool:
    """The organisation was read where the post was, not borrowed."""
    return m.organisation is not None and any(p.extractor not in ORG_FILLERS for p in m.provenance)


def _documents(m: Membership) -> frozenset[str]:
    return frozenset(p.document for p in m.provenance)


def fill_organisations(found: Iterable[Membership]) -> list[Membership]:
    """Posts without an organisation (or with one only guessed from context) take the one
    organisation the same person holds the same post for: in the same document first, then
    anywhere else in the corpus. Two candidate organisations give nothing."""
    found = list(found)
    label = canonical_labels(m.role for m in found)
    donors: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for m in found:
        if _read_in_sentence(m):
            for doc in _documents(m):
                donors[(m.person, label[m.role])][doc].add(m.organisation)
    out = []
    for m in found:
        by_doc = donors.get((m.person, label[m.role]))
        if by_doc is None or _read_in_sentence(m):
            out.append(m)
            continue
        docs = _documents(m)
        here = set().union(*(by_doc.get(d, set()) for d in docs))
        elsewhere = set().union(*(orgs for d, orgs in by_doc.items() if d not in docs))
        if m.organisation is None and len(here) == 1:
            out.append(with_organisation(m, next(iter(here)), DOCUMENT_ORG, ORG_FILL_FACTOR[DOCUMENT_ORG]))
        elif not here and len(elsewhere) == 1:
            out.append(with_organisation(m, next(iter(elsewhere)), CORPUS_ORG, ORG_FILL_FACTOR[CORPUS_ORG]))
        else:
            out.append(m)
    return out


def merge_memberships(found: Iterable[Membership]) -> list[Membership]:
    found = fill_organisations(found)
    label = canonical_labels(m.role for m in found)
    groups: dict[tuple, list[Membership]] = defaultdict(list)
    for m in found:
        groups[(m.person, label[m.role], m.organisation, m.former, m.nominated, m.elect)].append(m)
    out = []
    for (person, role, org, former, nominated, elect), ms in groups.items():
        dates = [m.date for m in ms if m.date is not None]
        out.append(
            Membership(
                person=person,
                role=role,
                organisation=org,
                former=former,
                nominated=nominated,
                elect=elect,
                date=max(dates, key=when_key) if dates else None,
                provenance=merge_provenance(p for m in ms for p in m.provenance),
                # The widest tenure stated: the earliest beginning, the latest end.
                began=min((m.began for m in ms if m.began is not None), default=None),
                ended=max((m.ended for m in ms if m.ended is not None), default=None),
            )
        )
    out.sort(key=lambda m: (m.person, m.role, m.organisation or "", m.former, m.nominated, m.elect))
    return out


def when_key(value: date | None) -> tuple:
    """A sort key for dates and datetimes together (naive or aware), day first."""
    if value is None:
        return ("",)
    day = value.date() if isinstance(value, datetime) else value
    return (day.isoformat(), isinstance(value, datetime), value.isoformat())


def identity_day(e: Event) -> str:
    """The day an event's identity keys on: the day it was reported (before stated times were
    read, ``time`` held the publication time, so event IRIs stay what they were); an event
    built with a time and no report keys on that time's day."""
    when = e.reported if e.reported is not None else e.time
    if when is None:
        return ""
    return (when.date() if isinstance(when, datetime) else when).isoformat()


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def _event_key(e: Event) -> tuple:
    docs = tuple(sorted({p.document for p in e.provenance}))
    return (e.type, e.agent, e.target or "", identity_day(e), docs)


def _reading_order(e: Event) -> tuple:
    """Where an event was first read, then everything else, so ties never depend on input order."""
    first = e.provenance[0] if e.provenance else None
    return (
        first.document if first else "", first.sentence_start if first else 0, first.extractor if first else "",
        e.type, e.agent, e.target or "", e.place or "", when_key(e.time), e.time_precision, when_key(e.reported),
        e.modality,
    )


def merge_events(found: Iterable[Event]) -> list[Event]:
    groups: dict[tuple, list[Event]] = {}
    for e in sorted(found, key=_reading_order):
        key = _event_key(e)
        if key not in groups and e.type in SYMMETRIC and e.target:
            mirrored = (e.type, e.target, e.agent, *key[3:])
            if mirrored in groups:
                key = mirrored
        groups.setdefault(key, []).append(e)
    out = []
    for (etype, agent, target, _, _), es in groups.items():
        places = [e.place for e in es if e.place]
        # The most precise stated time, then the earliest; the first report.
        stated = min((e for e in es if e.time is not None), default=None,
                     key=lambda e: (_PRECISION_RANK.get(e.time_precision, 3), when_key(e.time)))
        reports = [e.reported for e in es if e.reported is not None]
        out.append(
            Event(
                type=etype,
                agent=agent,
                target=target or None,
                place=places[0] if places else None,
                time=stated.time if stated else None,
                time_precision=stated.time_precision if stated else "day",
                reported=min(reports, key=when_key) if reports else None,
                modality=min((e.modality for e in es), key=lambda m: _MODALITY_RANK.get(m, 3)),
                provenance=merge_provenance(p for e in es for p in e.provenance),
                mode=min((e.mode for e in es if e.mode), default=None),
                agent_sector=min((e.agent_sector for e in es if e.agent_sector), default=None),
                target_sector=min((e.target_sector for e in es if e.target_sector), default=None),
            )
        )
    out.sort(key=lambda e: (e.type, e.agent, e.target or "", when_key(e.time), when_key(e.reported), e.place or "",
                            e.provenance[0].document if e.provenance else ""))
    return out
