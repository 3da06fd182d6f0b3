"""Fold repeated findings into one record each, in a stable order.

A membership is one (person, post, organisation): every further mention adds
evidence, not a node. A post has one label however it is spelt ("secretary
general", "secretary-general"), since its IRI is made from the label's slug.
A post said once with its organisation and once without ("US President Joe
Okafor", later "President Okafor") is one membership when the person holds
that post for exactly one organisation.
An event is one (type, agent, target, day reported, document); for the symmetric
CONSULT and COOPERATE, "X met Y" and "Y met X" are the same event.
Output is sorted, so the same input always gives the same list.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
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


def merge_memberships(found: Iterable[Membership]) -> list[Membership]:
    found = list(found)
    label = canonical_labels(m.role for m in found)
    groups: dict[tuple[str, str, str | None], list[Membership]] = defaultdict(list)
    for m in found:
        groups[(m.person, label[m.role], m.organisation)].append(m)
    # A post without organisation joins the same post with one, when there is exactly one.
    orgs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for person, role, org in groups:
        if org is not None:
            orgs[(person, role)].add(org)
    for person, role, org in sorted(groups, key=lambda k: (k[0], k[1], k[2] or "")):
        if org is None and len(orgs.get((person, role), ())) == 1:
            target = (person, role, next(iter(orgs[(person, role)])))
            groups[target].extend(groups.pop((person, role, None)))
    out = []
    for (person, role, org), ms in groups.items():
        dates = [m.date for m in ms if m.date is not None]
        latest = max(dates, key=when_key) if dates else None
        current = [m for m in ms if m.date == latest] or ms
        out.append(
            Membership(
                person=person,
                role=role,
                organisation=org,
                # A mention without the qualifier is evidence the post is held now.
                former=all(m.former for m in current),
                nominated=all(m.nominated for m in current),
                elect=all(m.elect for m in current),
                date=latest,
                provenance=merge_provenance(p for m in ms for p in m.provenance),
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
