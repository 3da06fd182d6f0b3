"""What the event rules share: a reading (``Found``), the actors a token
stands for, the clause's agents, and the phrases where targets and places sit.

``events.py`` reads verbs and clauses, ``nominal.py`` event nouns; both
find their actors and targets through these helpers.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..types import EntityType
from .context import DocumentContext, SentenceView
from .lexicons import EventWord
from .syntax import (
    RELATIVE,
    Actor,
    actor_of,
    conjuncts,
    is_infinitive,
    is_verb,
    proxy_partners,
    relative_head,
    subject,
    verb_lemma,
)
from .titles import TitlePhrase, named_holder

# Prepositions whose object an act is directed at, or done in (the fallback target of a non-symmetric event).
CONCERNED = frozenset({"against", "on", "upon", "to", "toward", "towards", "with", "from", "in", "into", "at", "of",
                       "surrounding", "encircling", "targeting", "around", "near", "along"})  # and participles used so
PLACE_PREPOSITIONS = frozenset({"in", "at"})
CURRENCY = frozenset({"$", "€", "£", "¥", "US$", "dollars", "euros", "pounds"})
REQUESTED = "REQUEST"
FORCEFUL = frozenset({"PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "SANCTION"})  # material conflict
Titles = dict[int, TitlePhrase]  # title phrases of a sentence by their head token
XCOMP = "+xcomp"  # event_verbs.csv object marker: the verb has a to-infinitive ("warned X to ...")


@dataclass(frozen=True)
class Found:
    """One event reading of one sentence, before merging (``target`` None: no named target)."""

    type: str
    agent: Actor
    target: Actor | None
    modality: str
    extractor: str
    confidence: float
    place: str | None
    token: int = -1  # the event word
    mode: str | None = None
    mutual: bool = False  # a symmetric act between coordinated participants ("X and Y met"), not X's act on Y


def actors(ctx: DocumentContext, view: SentenceView, i: int, titles: Titles) -> list[Actor]:
    """The actors a token and its conjuncts stand for."""
    out: list[Actor] = []
    for k in conjuncts(view, i):
        span = view.span_at(k)
        if k in titles and not (span is not None and span.type is EntityType.PERSON):  # a surname "King" is no post
            # "Nato chief Tomas Berger" is headed by "chief"; an unnamed official stands for
            # the body in the title, but never a former one ("the former Dutch prime minister").
            named = named_holder(ctx, view, titles[k])
            actor = Actor(named.key, 1.0) if named is not None else None
            if actor is None:
                actor = next((a for c in view.kids(k, "appos") if (a := actor_of(ctx, view, c)) is not None), None)
            # "a representative of Peru", "a Kenyan minister": an official the document does not name,
            # one of several, still acts for the body it serves, as event coders code it
            actor = actor or official(ctx, view, titles[k])
            if actor is None and not titles[k].former:
                actor = actor_of(ctx, view, k)
        else:
            actor = actor_of(ctx, view, k)
        for found in ([actor] if actor is not None else []) + (proxy_partners(ctx, view, k) if actor else []):
            if found.key not in {a.key for a in out}:
                out.append(found)
    return out


def official(ctx: DocumentContext, view: SentenceView, title: TitlePhrase) -> Actor | None:
    """An unnamed official stands for the body named in the title: "the RSF commander", "Kenya's
    foreign minister"; not "a Kenyan minister" (one of several) nor a former one."""
    if title.determiner not in {"the", None} or title.former:
        return None
    for k in range(title.end, min(title.end + 2, len(view.tokens))):
        span = view.span_at(k)
        if span is not None and span.type is EntityType.PERSON:
            return None  # the post of a named person: the person acts
    person = ctx.holder(title.label, title.org)
    if person is not None:
        return Actor(person, 0.7)  # the one person this document says holds the post
    if title.org is None:
        return None
    return Actor(title.org, 0.7) if ctx.is_actor(title.org) else None


def clause_agents(ctx: DocumentContext, view: SentenceView, v: int, titles: Titles) -> list[Actor]:
    """The agents of the clause of verb ``v``: its subject (or the one it shares)."""
    s = subject(view, v)
    agents = actors(ctx, view, s, titles) if s is not None else []
    # "It came as ...": an "it" that stands for nothing (see resolve_pronoun).
    expletive = not agents and s is not None and view.low(s) in {"it", "there"}
    participle = view.tokens[v].tag == "VBG" and view.tokens[v].dep in {"advcl", "conj", "acl"}
    if not agents and participle and not view.kids(v, "nsubj") and (s is None or expletive):
        # "It came as X travelled to Brussels, meeting Y": the nearest actor subject before the participle.
        for u in range(v - 1, -1, -1):
            if is_verb(view, u):
                for c in view.kids(u, "nsubj"):
                    found = actors(ctx, view, c, titles)
                    if found:
                        return [Actor(a.key, a.certainty * 0.8) for a in found]
    return agents


def prep_objects(view: SentenceView, owners: list[int], preps: set[str]) -> list[int]:
    """Objects of the prepositions (or preposition-like participles) ``preps`` under ``owners``."""
    out: list[int] = []
    # "pulled its troops out of X": a phrasal verb's preposition hangs on its particle, or on the
    # first word of a two-word preposition ("out of", "away from") that has no object of its own
    owners = owners + [p for o in owners for p in view.kids(o, "prt", "prep")
                       if view.tokens[p].dep == "prt" or not view.kids(p, "pobj")]
    for o in owners:
        for c in view.children[o]:
            low = view.low(c)
            dep = view.tokens[c].dep
            if low in preps and dep in {"prep", "dative", "prt", "agent", "advmod"}:
                # "spoke with X and with Y": a preposition coordinated with this one counts too
                for p in conjuncts(view, c):
                    if p == c or view.tokens[p].pos == "ADP":
                        out.extend(view.kids(p, "pobj"))
            elif low in preps and dep == "acl":
                out.extend(view.kids(c, "dobj"))  # "drills surrounding Taiwan"
    return out


def place_of(ctx: DocumentContext, view: SentenceView, owners: list[int]) -> str | None:
    """A Place in an "in/at" phrase of the event word, its object or the verb it shares a clause with.

    Not any place of the sentence: in "X attacked Y, Z told reporters in
    Brussels" Brussels is where Z spoke."""
    toks = view.tokens
    clause = list(owners)
    for o in owners:
        if toks[o].dep in {"conj", "xcomp", "advcl"} and is_verb(view, toks[o].head):
            clause.append(toks[o].head)  # "met in Beijing and greeted each other"
    for o in list(clause):
        if toks[o].dep == "ROOT":
            clause.extend(c for c in view.kids(o, "conj") if is_verb(view, c))
    candidates = prep_objects(view, clause, PLACE_PREPOSITIONS)
    for i in candidates:
        span = view.span_at(i)
        if span is not None and span.type is EntityType.PLACE:
            return span.key
    return None


LOCATIVE = frozenset({"in", "into", "at", "near", "around", "surrounding", "encircling", "off"})


def concerned_actors(ctx: DocumentContext, view: SentenceView, owners: list[int], titles: Titles,
                     forceful: bool = False) -> list[Actor]:
    """Actors an act is directed at, or done in (the fallback target): "curbs on X", "attacks in X".

    A capital after a locative preposition is where a statement or a meeting happened ("said in
    Brussels"), not the government it stands for elsewhere; only an act of force done there
    (``forceful``: "shelling in Kyiv", "a curfew in Cairo") is done to its state."""
    out: list[Actor] = []
    for prep in sorted(CONCERNED):
        for c in prep_objects(view, owners, {prep}):
            span = view.span_at(c)
            if prep in LOCATIVE and span is not None and span.kind == "capital" and not forceful:
                continue
            if forceful and span is None and prep in LOCATIVE | {"on", "along"}:
                # "drills in areas around X", "a curfew in the town of X", "troops on the border with X":
                # the place or state named after the area
                c = next((o for p in view.kids(c, "prep") if view.low(p) in LOCATIVE | {"of", "with"}
                          for o in view.kids(p, "pobj")), c)
                span = view.span_at(c)
            if forceful and span is not None and span.type is EntityType.PLACE:
                # "shelling in Kharkiv", "a curfew in Cizre": force used in a place is used against its state
                ground = _ground(ctx, span)
                if ground is not None and ground.key not in {b.key for b in out}:
                    out.append(ground)
                continue
            out.extend(a for a in actors(ctx, view, c, titles) if a.key not in {b.key for b in out})
    return out


def _object_lemmas(view: SentenceView, o: int) -> set[str]:
    """The object's lemma, and through "of" what a measure holds ("thousands of troops")."""
    if view.low(o) in RELATIVE:
        head = relative_head(view, o)
        if head is not None:
            o = head
    out = {view.tokens[o].lemma.casefold()}
    # "thousands of troops"; and an amount "in" what it counts: "$50m in aid", "$2bn in loans"
    amount = view.tokens[o].pos == "NUM" or view.tokens[o].text in CURRENCY or bool(view.kids(o, "nummod", "quantmod"))
    for p in view.kids(o, "prep"):
        if view.low(p) == "of" or (amount and view.low(p) == "in"):
            out.update(view.tokens[c].lemma.casefold() for c in view.kids(p, "pobj"))
    return out


def choose_verb_row(ctx: DocumentContext, view: SentenceView, v: int, passive: bool) -> EventWord | None:
    toks = view.tokens
    particles = {view.low(c) for c in view.kids(v, "prt", "advmod")}
    preps: dict[str, list[int]] = {}
    for c in view.kids(v, "prep"):
        preps.setdefault(view.low(c), []).append(c)
    objects = view.kids(v, "nsubjpass") if passive else view.kids(v, "dobj")
    if passive and toks[v].dep == "acl":
        objects = [toks[v].head]  # "soldiers sent by North Korea"
    lemmas = {lemma for o in objects for lemma in _object_lemmas(view, o)}
    if not objects and toks[v].dep == "relcl":
        lemmas.add(toks[toks[v].head].lemma.casefold())  # "the consensus they reached with X"
    if view.kids(v, "xcomp") or infinitive_clause(view, v) is not None:
        lemmas.add(XCOMP)
    for row in ctx.words.verbs.get(verb_lemma(view, v, ctx.words.verbs), ()):
        wanted = lemmas
        if row.particle is not None and row.particle not in particles:
            if row.particle not in preps:
                continue
            # "went on strike": the particle is a preposition whose object is the event noun
            wanted = lemmas | {toks[o].lemma.casefold() for p in preps[row.particle] for o in view.kids(p, "pobj")}
        if row.objects and not (wanted & row.objects):
            continue
        return row
    return None


def infinitive_clause(view: SentenceView, v: int) -> int | None:
    """"allowed X to hold a rally", parsed with X as the subject of "hold": the to-infinitive clause
    whose subject is, in the grammar of news English, the object of ``v``."""
    for c in view.kids(v, "ccomp"):
        if view.kids(c, "nsubj") and is_infinitive(view, c):
            return c
    return None


def located_targets(ctx: DocumentContext, view: SentenceView, tokens: list[int]) -> list[Actor]:
    """The states of the places among ``tokens`` ("shelled Kharkiv", "stormed a village in X")."""
    out: list[Actor] = []
    for t in tokens:
        span = view.span_at(t)
        if span is None:  # "the town of Cizre": the place the locale noun names
            span = next((view.span_at(o) for p in view.kids(t, "prep") if view.low(p) in {"of", "in"}
                         for o in view.kids(p, "pobj") if view.span_at(o) is not None), None)
        ground = _ground(ctx, span) if span is not None and span.type is EntityType.PLACE else None
        if ground is not None and ground.key not in {a.key for a in out}:
            out.append(ground)
    return out


def _ground(ctx: DocumentContext, span) -> Actor | None:
    """The state a place lies in, as the ground of an act of force done there (context.located_state)."""
    key = ctx.located_state(span)
    return Actor(key, 0.6, located=True) if key is not None else None


def measured(view: SentenceView, objects: list[int]) -> list[int]:
    """Objects and what a measure among them holds: "$3bn worth of tariffs on X" reaches "tariffs"."""
    out = list(objects)
    for o in out:
        if len(out) > 8:
            break
        for p in view.kids(o, "prep"):
            if view.low(p) == "of":
                out.extend(c for c in view.kids(p, "pobj") if c not in out)
    return out


def clause_subjects(view: SentenceView, head: int) -> list[int]:
    """Subjects of the that-clause of ``head`` ("demanded that X leave", "its demand that X leave")."""
    return [sub for c in view.kids(head, "ccomp", "acl") if is_verb(view, c) for sub in view.kids(c, "nsubj")]


def perpetrators(view: SentenceView, nouns: list[int]) -> list[int]:
    """Who did or made what an accusation, an inquiry or a refusal is about: "crimes by X", "abuses
    committed by X", "X's crimes", "a demand from X" - the target of ACCUSE or REJECT when the deed
    or the demand, not its author, is the object."""
    out: list[int] = []
    for n in nouns:
        out.extend(view.kids(n, "poss"))
        for p in view.kids(n, "prep"):
            if view.low(p) in {"by", "from"}:  # "crimes by X", "a demand from X"
                out.extend(view.kids(p, "pobj"))
        for c in view.kids(n, "acl"):
            for p in view.kids(c, "agent", "prep"):
                if view.low(p) == "by":
                    out.extend(view.kids(p, "pobj"))
    return out


ACCUSED = "ACCUSE"


__all__ = ["ACCUSED", "CONCERNED", "FORCEFUL", "PLACE_PREPOSITIONS", "REQUESTED", "XCOMP", "Found", "Titles", "actors",
           "choose_verb_row", "clause_agents", "clause_subjects", "concerned_actors", "infinitive_clause",
           "located_targets", "measured", "perpetrators", "place_of", "prep_objects"]
