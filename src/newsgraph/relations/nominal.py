"""Events named by nouns: "Russia's invasion of Ukraine", "Russian strikes on
Kyiv", "launched an attack on", "held talks with", "in a rebuke of", "ahead
of a meeting with", "staged a protest" (``events.nominal.v1``).

The agent is the possessor, a "by" phrase, an actor adjective, or the
subject of the verb that carries the noun (a light verb of
``relations_cues.csv``, or a framing preposition). A noun with no named
target stands as an agent-only event only when a light verb carries it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from ..types import EntityType
from .context import DocumentContext, SentenceView
from .frames import (
    ACCUSED,
    FORCEFUL,
    REQUESTED,
    Found,
    Titles,
    actors,
    choose_verb_row,
    clause_agents,
    clause_subjects,
    concerned_actors,
    located_targets,
    measured,
    perpetrators,
    place_of,
    prep_objects,
)
from .lexicons import ARGUMENT_SLOTS, EventWord
from .merge import SYMMETRIC
from .modality import noun_modality
from .syntax import Actor, is_verb, resolve_pronoun, verb_lemma


def _carrier(ctx: DocumentContext, view: SentenceView, n: int) -> tuple[int | None, str]:
    """The verb whose subject is the noun's agent, and how it carries the noun.

    "launched an attack" (light verb), "two days of drills" (through a
    measure noun), "in a rebuke of", "ahead of a meeting with" (framing
    prepositions)."""
    toks = view.tokens
    words = ctx.words
    tok = toks[n]
    if tok.dep == "pobj" and view.low(tok.head) == "of" and toks[toks[tok.head].head].pos == "NOUN":
        measure = toks[tok.head].head  # "two days of drills", "a series of strikes"
        if toks[measure].dep == "dobj":
            tok = toks[measure]
    if tok.dep in {"dobj", "nsubjpass"} and words.cue(verb_lemma(view, tok.head, words.cues["light"]), "light"):
        return tok.head, "light"
    if tok.dep == "pobj":
        prep = tok.head
        head = toks[prep].head
        if view.low(prep) == "of" and words.cue(view.low(head), "frame"):
            prep, head = head, toks[head].head  # "ahead of"
        if words.cue(view.low(prep), "frame") and is_verb(view, head):
            return head, "frame"
    return None, ""


MEDIATED = "third-party"  # the CONSULT mode of a mediation: the mediator meets each side
PROTESTED = "PROTEST"
STANCES = frozenset({"AGREE", "SUPPORT"})  # verbal cooperation named by a noun with no verb to carry it


def _choose_row(ctx: DocumentContext, view: SentenceView, n: int) -> EventWord | None:
    """The first row of the noun whose required words (``object`` of event_verbs.csv: a modifier of the
    noun or the verb that carries it) are there: "a hunger strike", "went on strike" (PROTEST) before
    "a strike" (ASSAULT); a row with no requirement fits any use."""
    rows = ctx.words.nouns.get(view.tokens[n].lemma.casefold(), ())
    present = {view.tokens[c].lemma.casefold() for c in view.kids(n, "amod", "compound", "nmod")}
    carrier, _ = _carrier(ctx, view, n)
    if carrier is not None:
        present.add(view.tokens[carrier].lemma.casefold())
    for row in rows:
        if not row.objects or row.objects & present:
            return row
    return None


def _coded_by_verb(ctx: DocumentContext, view: SentenceView, v: int, n: int) -> bool:
    """Does a row of verb ``v`` that asks for this very noun as its object code the phrase?"""
    if view.tokens[n].dep != "dobj" or view.tokens[n].head != v or not is_verb(view, v):
        return False
    row = choose_verb_row(ctx, view, v, False)
    if row is None or view.tokens[n].lemma.casefold() not in row.objects:
        return False
    return any(prep_objects(view, [v, n], {slot}) for slot in row.target if slot not in ARGUMENT_SLOTS)


def noun_events(ctx: DocumentContext, view: SentenceView, n: int, titles: Titles,
                protested: Callable[..., list[Actor]] | None = None) -> Iterator[Found]:
    """Events an event noun names; ``protested`` finds whom a protest carried by a verb is against."""
    toks = view.tokens
    row = _choose_row(ctx, view, n)
    if row is None:
        return
    head = toks[n].head
    if toks[n].dep == "compound" and ctx.words.in_class(toks[head].lemma, "vehicle"):
        n = head  # "a mediation mission between X and Y": the phrase hangs on the noun it names
    if "between" in row.target:  # "talks between Okafor and Lindqvist": each pair of participants
        between = [a for c in prep_objects(view, [n], {"between"}) for a in actors(ctx, view, c, titles)]
        if len(between) > 1:
            carrier = _carrier(ctx, view, n)[0]
            modality = noun_modality(ctx, view, n, carrier)
            place = place_of(ctx, view, [n])
            mediated = row.mode == MEDIATED and carrier is not None
            mediators = clause_agents(ctx, view, carrier, titles) if mediated else []
            if mediators:  # "X undertook a mediation between Y and Z": X consults each side
                for m in mediators:
                    for b in between:
                        yield Found(row.type, m, b, modality, "events.nominal.v1", 0.7, place, mode=row.mode)
                return
            for a_i, a in enumerate(between):
                for b in between[a_i + 1 :]:
                    yield Found(row.type, a, b, modality, "events.nominal.v1", 0.7, place, mode=row.mode, mutual=True)
            return
    targets: list[Actor] = []
    carrier, how = _carrier(ctx, view, n)
    if carrier is None and row.type in STANCES:
        return  # "the EU's commitment to Ukraine", "US support for Kyiv": a stance described, not an act reported
    if carrier is not None and _coded_by_verb(ctx, view, carrier, n):
        return  # "held joint drills with X": the verb's own row (COOPERATE) reads the noun already
    # "staged drills near X": the parser often hangs the noun's phrase on the light verb that carries it.
    owners = [n, carrier] if how == "light" and carrier is not None else [n]
    # "Kenya's arrest of X": with an "of" phrase naming who undergoes it, the possessor is who acts
    # (as in "the army's arrest of X"); without one, "X's arrest" is X's.
    possessor_acts = "poss" in row.target and any(actors(ctx, view, c, titles)
                                                  for c in prep_objects(view, [n], {"of"}))
    for slot in row.target:
        if slot == "poss":
            cands = [] if possessor_acts else view.kids(n, "poss")
        elif slot == "between":
            continue
        else:
            cands = prep_objects(view, [n], {slot}) or prep_objects(view, owners[1:], {slot})
        targets = [a for c in cands for a in actors(ctx, view, c, titles)]
        if not targets and slot == "of":
            # "the rejection of Peru's offer", "criticism of Israeli strikes": whose it is
            targets = [a for o in cands for c in view.kids(o, "poss", "amod", "compound", "nmod")
                       if view.span_at(c) is not None for a in actors(ctx, view, c, titles)]
        if not targets and row.type in FORCEFUL and slot not in ARGUMENT_SLOTS:
            targets = located_targets(ctx, view, cands)  # "the bombing of Gaza": force used on its ground
        if targets:
            break
    if not targets and how == "light" and carrier is not None and "to" in row.target:
        # "gave X an ultimatum", "issued X a warning": the carrier's indirect object is whom it is to
        targets = [a for c in view.kids(carrier, "dative") if view.tokens[c].pos != "ADP"
                   for a in actors(ctx, view, c, titles)]
    if not targets and row.type == ACCUSED:  # "an investigation into crimes committed by X"
        deeds = measured(view, [c for p in view.kids(n, "prep") if view.low(p) in {"into", "of", "over"}
                                for c in view.kids(p, "pobj")])
        targets = [a for c in perpetrators(view, deeds) for a in actors(ctx, view, c, titles)]
    if not targets and row.type == REQUESTED:  # "its demand that X withdraw"
        targets = [a for c in clause_subjects(view, n) for a in actors(ctx, view, c, titles)]
    if not targets and row.type == PROTESTED and carrier is not None and protested is not None:
        targets = protested(ctx, view, carrier, titles)  # "staged rallies to demand reforms from X"
    if not targets and how == "light" and row.type not in SYMMETRIC:  # "imposed a curfew in X"
        near = [*measured(view, [n]), *owners[1:]]  # "a suspension of air links with X"
        # a participle that describes the act carries its phrases ("drills involving tanks in areas near X")
        near += [c for c in view.kids(n, "acl") if view.tokens[c].tag in {"VBG", "VBN"}]
        targets = concerned_actors(ctx, view, near, titles, row.type in FORCEFUL)
    # With no target, only a noun its agent carries out stands as an event: "staged a protest",
    # "went on strike", "launched an investigation", "X and Y held talks"; not "the strike" or
    # "Russia's offensive" alone.
    if not targets and how != "light":
        return
    agents: list[Actor] = []
    if "poss" not in row.target or possessor_acts:
        named = [c for c in view.kids(n, "poss") if view.span_at(c) is not None or toks[c].pos != "PRON"]
        agents = [a for c in named for a in actors(ctx, view, c, titles)]
    if not agents:
        agents = [a for p in prep_objects(view, [n], {"by"}) for a in actors(ctx, view, p, titles)]
    if not agents:
        for c in view.kids(n, "amod", "compound", "nmod"):
            span = view.span_at(c)
            if span is not None and span.type is not EntityType.PERSON:
                agents.extend(actors(ctx, view, c, titles))
    if not agents and carrier is not None:
        agents = clause_agents(ctx, view, carrier, titles)
    if not agents and "poss" not in row.target:
        # "its war against Ukraine": only when the clause and the nearest name agree on "its".
        pronouns = [resolve_pronoun(ctx, view, c, strict=True) for c in view.kids(n, "poss")]
        agents = [a for a in pronouns if a is not None]
    modality = noun_modality(ctx, view, n, carrier if how == "light" else None)
    place = place_of(ctx, view, [n] + ([carrier] if carrier is not None else []))
    if not targets and row.type in SYMMETRIC:  # "X and Y renewed talks": between each pair of them
        for a_i, a in enumerate(agents):
            for b in agents[a_i + 1 :]:
                yield Found(row.type, a, b, modality, "events.nominal.v1", 0.6, place, mode=row.mode, mutual=True)
        return
    for a in agents:
        for b in targets or [None]:
            yield Found(row.type, a, b, modality, "events.nominal.v1", 0.7 if b else 0.6, place, mode=row.mode)


__all__ = ["noun_events"]
