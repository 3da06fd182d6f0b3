"""Who did what to whom: PLOVER events from dependency patterns.

Rules (extractor names, with the confidence each gives before pronoun or
anaphor resolution lowers it):

- ``events.svo.v1`` (0.8): an event verb of ``event_verbs.csv`` in the active
  voice, its subject the agent and its object or prepositional object the
  target ("Ukraine accused Russia", "called on the EU", "cut off relations
  with Iran", "sold drones to Russia"); coordinated subjects and objects give
  one event each ("met X and Y"); a participle takes the subject of its
  clause ("travelled to Brussels, meeting X"); "X and Y met" (a reciprocal
  verb without object) is an event between X and Y.
- ``events.passive.v1`` (0.75): the passive, agent from the "by" phrase
  ("Kyiv was attacked by Russia", "the region attacked by Ukraine").
- ``events.compound.v1`` (0.7): a hyphenated participle, "the Iran-backed
  Hezbollah" (SUPPORT, Iran -> Hezbollah).
- ``events.nominal.v1`` (0.7): an event noun ("Russia's invasion of
  Ukraine", "Russian strikes on Kyiv", "launched an attack on", "held talks
  with", "in a rebuke of X", "ahead of a meeting with X").

- ``events.response.v1`` (0.6): a rebuttal whose target is the one who made
  the claim, ruling or demand it answers ("X accused Y ... Y rejected the
  charge"), see ``responses.py``.

Only events whose agent and target are named actors (person, organisation,
state; a capital stands for its state) and differ are kept.

Modality (see ``modality.py``): negated statements ("did not meet", "denied
meeting", "refused to meet") are never emitted, nor are guesses and
conditions ("could strike", "may meet", "is expected to meet", "if ...").
Announced plans ("will meet", the headline "EU to widen sanctions") are
emitted with modality ``hypothetical`` (ng:Hypothetical). The scorer counts
every ng:Event whatever its modality; measured on the dev texts (events
P/R/F): nothing hypothetical 1.00/0.67/0.80, every hypothetical
0.91/0.70/0.79, announced plans only 0.95/0.70/0.81 (see ``EMITTED``).
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import replace

from ..types import EntityType, Event
from .context import DocumentContext, SentenceView
from .frames import (
    ACCUSED,
    CONCERNED,
    FORCEFUL,
    REQUESTED,
    Found,
    Titles,
    actors,
    choose_verb_row,
    clause_agents,
    clause_subjects,
    concerned_actors,
    infinitive_clause,
    located_targets,
    measured,
    perpetrators,
    place_of,
    prep_objects,
)
from .intent import THREATENED, intended_type
from .lexicons import ARGUMENT_SLOTS
from .merge import SYMMETRIC
from .modality import ASSERTED, COMMITTED, FUTURE, HYPOTHETICAL, verb_modality
from .nominal import noun_events
from .responses import CONFIDENCE as RESPONSE_CONFIDENCE
from .responses import EXTRACTOR as RESPONSE
from .responses import Prior, rebuttals
from .syntax import (
    Actor,
    actor_of,
    conjuncts,
    group_sector,
    is_infinitive,
    is_passive,
    is_purpose,
    is_verb,
    subject,
    verb_lemma,
)
from .titles import find_titles
from .when import stated_time

# What is emitted, with the ng:modality it gets; negated and other hypothetical readings are not.
EMITTED = {ASSERTED: ASSERTED, FUTURE: HYPOTHETICAL, COMMITTED: ASSERTED}
# Verbal acts that stand without a named target only when a frame word says what they are about
# ("called for a truce", "threatened to leave") or the lexicon row says they may ("-").
SPOKEN_ALONE_WITH_FRAME = frozenset({"SUPPORT", "REQUEST", "THREATEN"})
WITHDRAWN = "RETREAT"
# Announced acts kept, as announced, beside the AGREE or THREATEN they make: who will meet whom, and
# material conflict, are what an analyst watches for.
ANNOUNCED_ACTS = frozenset({"CONSULT", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
DEPLOYED = "MOBILIZE"
VISIT = "visit"  # the CONSULT mode of a visit
PROTESTED = "PROTEST"
REJECTED = "REJECT"
STATE_SECTORS = frozenset({"government", "military", "police", "intelligence", "judiciary"})
ULTIMATUM = frozenset({"unless"})  # the condition of an ultimatum: "will leave unless ..."
RECIPROCAL_OBJECTS = frozenset({"other", "another"})  # "each other", "one another"


def _civilian_protest(f: Found) -> bool:
    """PLOVER's PROTEST is civilian collective action: police blocking roads or a ministry's "rally"
    are no protest (the security sector's acts are COERCE and ASSAULT in their own rows)."""
    return f.type != PROTESTED or f.agent.sector not in STATE_SECTORS


def _distinct(f: Found) -> bool:
    """Agent and target are different actors, or different parts of one ("the Sudanese government
    accused Sudanese rebels": the state's government against its rebels)."""
    if f.target is None or f.agent.key != f.target.key:
        return True
    if f.type in FORCEFUL and (f.target.located or f.agent.sector is not None):
        return True  # "Turkish police imposed a curfew in Cizre": a state's force used on its own ground
    return f.target.sector is not None and f.target.sector != f.agent.sector


def _own_ground(f: Found) -> Found:
    """An act an actor does to or in itself ("Kenyan students marched in Kenya") has no other target."""
    return f if _distinct(f) else replace(f, target=None)


def extract_events(ctx: DocumentContext) -> Iterator[Event]:
    """The document's events; an agent-only reading is dropped where another sentence reports the
    same agent doing the same type of act to a named target (most often the same act, told again).
    Within one sentence a second event word is a second act ("called on X to ... and urged all
    sides to ..."): the sentence's own rules keep it (``_without_bare_duplicates``)."""
    events = list(_events(ctx))
    full: dict[tuple[str, str], set[int]] = {}
    for e in events:
        if e.target is not None:
            full.setdefault((e.type, e.agent), set()).add(e.provenance[0].sentence_start)
    yield from (e for e in events if e.target is not None
                or not full.get((e.type, e.agent), set()) - {e.provenance[0].sentence_start})


def _events(ctx: DocumentContext) -> Iterator[Event]:
    history: list[Prior] = []  # what was read so far, for the rebuttals that answer it
    for view in ctx.sentences:
        titles = {t.head: t for t in find_titles(ctx, view)}
        founds = _without_bare_duplicates([_own_ground(f) for f in _sentence(ctx, view, titles)
                                           if EMITTED.get(f.modality) is not None and _civilian_protest(f)
                                           and (_distinct(f) or f.type not in SYMMETRIC)])
        post = view.sentence.post
        history.extend(Prior(view.index, post, f.token, f.type, f.agent.key, f.target.key)
                       for f in founds if f.target is not None)
        history.sort(key=lambda p: (p.sentence, p.token))
        rejected = {(f.agent.key, f.token) for f in founds if f.type == "REJECT" and f.target is not None}
        for r in rebuttals(ctx, view, history, lambda v: clause_agents(ctx, view, v, titles),
                           lambda i: actors(ctx, view, i, titles)):
            if (r.agent.key, r.token) not in rejected:  # a rebuttal the clause names its target for
                founds = [f for f in founds if not (f.type == "REJECT" and f.target is None
                                                    and f.agent.key == r.agent.key and f.token == r.token)]
                founds.append(Found("REJECT", r.agent, r.target, r.modality, RESPONSE, RESPONSE_CONFIDENCE, None,
                                    r.token))
        reported = ctx.date(view)
        for found in founds:
            modality = EMITTED.get(found.modality)
            if modality is None or not _distinct(found):
                continue
            types = [(found.type, modality)]
            if found.modality == COMMITTED and _assessed_readiness(ctx, view, found, titles):
                # "X is ready to strike, Y warned": Y's assessment of X, not X's stated intention
                if found.type not in ANNOUNCED_ACTS:
                    continue
                types = [(found.type, HYPOTHETICAL)]
            elif found.modality in {FUTURE, COMMITTED}:
                intended = _intended(ctx, view, found)
                if intended != found.type:
                    # The statement is coded as PLOVER codes it; a meeting or an act of force it
                    # announces stays in the graph too, as announced.
                    types = [(intended, modality)]
                    if found.type in ANNOUNCED_ACTS:
                        types.append((found.type, HYPOTHETICAL))
            target = found.target
            confidence = found.confidence * min(found.agent.certainty, target.certainty if target else 1.0)
            stated = stated_time(view.tokens, found.token, reported, future=found.modality == FUTURE)
            pairs = [(found.agent, target)]
            if found.mutual and target is not None:
                pairs.append((target, found.agent))  # "X and Y agreed to meet": each commits to the other
            for (agent, target), (etype, emodality) in itertools.product(pairs, types):
                if (agent, target) != pairs[0] and etype in SYMMETRIC:
                    continue  # a meeting between X and Y is one event, whoever is named first
                yield Event(
                    type=etype,
                    agent=agent.key,
                    target=target.key if target else None,
                    place=found.place,
                    time=stated.value if stated else None, time_precision=stated.precision if stated else "day",
                    reported=reported,
                    modality=emodality,
                    provenance=(ctx.provenance(view, found.extractor, confidence),),
                    mode=found.mode if etype == found.type else None,
                    agent_sector=agent.sector,
                    target_sector=target.sector if target else None,
                )


def _intended(ctx: DocumentContext, view: SentenceView, found: Found) -> str:
    """The PLOVER type of an announced or committed act (see intent.py).

    An ultimatum ("will leave unless ...") is a THREATEN. A withdrawal the actor
    announces (not one it commits to) keeps its type, as PLOVER's coders treat
    "will resign", except a withdrawal of observers, inspectors or
    peacekeepers, which PLOVER's THREATEN names as a threat."""
    if _ultimatum(view, found.token):
        return THREATENED
    if found.type == WITHDRAWN and found.modality == FUTURE:
        objects = [o for o in view.kids(found.token, "dobj")]
        presence = any(ctx.words.in_class(view.tokens[o].lemma, "presence") for o in objects)
        return THREATENED if presence else WITHDRAWN
    return intended_type(found.type, committed=found.modality == COMMITTED)


HEADLINE_ENDS = frozenset({".", "!", "?", ":", "…"})


def _headline_passive(view: SentenceView, v: int, slots: tuple[str, ...]) -> bool:
    """A headline's passive without its auxiliary: "Minister arrested", "Junta rebuked by bloc".

    Headlines drop "is/was"; a transitive event verb in the past with a subject, no object and no
    auxiliary, in a sentence with no closing punctuation (a headline's form), is that passive: its
    subject is acted on, not acting."""
    toks = view.tokens
    if toks[v].dep != "ROOT" or toks[v].tag not in {"VBN", "VBD"} or not slots or slots[0] not in {"obj", "owner"}:
        return False
    if view.kids(v, "aux", "auxpass", "dobj", "xcomp", "ccomp") or not view.kids(v, "nsubj"):
        return False
    last = next((t for t in reversed(toks) if t.pos != "SPACE"), None)
    return last is not None and last.text not in HEADLINE_ENDS


def _assessed_readiness(ctx: DocumentContext, view: SentenceView, found: Found, titles: Titles) -> bool:
    """Is the commitment a state ("is ready to", "is prepared to") that another speaker reports?

    PLOVER codes an intention its actor states. A readiness adjective only describes the actor, so
    when the sentence's speech verb has a subject that speaks for another state or body ("X's forces
    are ready to attack, Y's security chief has warned"), the intention is Y's assessment of X, not
    a threat or a pledge X made. A named person or an unnamed source may speak for X ("X is ready
    to help, the defence minister said"): X's own statement, as PLOVER codes it."""
    toks = view.tokens
    v, seen = found.token, set()
    while toks[v].dep == "xcomp" and v not in seen:
        seen.add(v)
        v = toks[v].head
    if toks[v].pos != "ADJ" or not ctx.words.cue(toks[v].lemma, "intent"):
        return False
    clause = toks[v].head
    speech = [t.i for t in toks if t.pos == "VERB" and ctx.words.cue(t.lemma, "speech")
              and (t.head == clause or toks[clause].head == t.i) and t.i != clause]
    for t in speech:  # a speaker known to speak for another state or body ("the head of Kyiv's council")
        speakers = [a.key for s in view.kids(t, "nsubj") for a in actors(ctx, view, s, titles)]
        if found.agent.key not in speakers and any(ctx.entities[k].type is not EntityType.PERSON for k in speakers):
            return True
    return False


def _ultimatum(view: SentenceView, v: int) -> bool:
    """An intention on a condition ("will withdraw unless X ...") is an ultimatum, which PLOVER codes THREATEN."""
    toks = view.tokens
    seen: set[int] = set()
    while v >= 0 and v not in seen:
        seen.add(v)
        for c in view.kids(v, "advcl"):
            if any(view.low(m) in ULTIMATUM for m in view.kids(c, "mark")):
                return True
        if toks[v].dep not in {"xcomp", "conj"} or toks[v].head == v:
            return False
        v = toks[v].head
    return False


def _without_bare_duplicates(founds: list[Found]) -> list[Found]:
    """An agent-only reading adds nothing where the same event word has the agent do the same type to
    someone; another event word of the sentence is another act."""
    full = {(f.type, f.agent.key, f.token) for f in founds if f.target is not None}
    return [f for f in founds if f.target is not None or (f.type, f.agent.key, f.token) not in full]


def _sentence(ctx: DocumentContext, view: SentenceView, titles: Titles) -> Iterator[Found]:
    words = ctx.words
    for tok in view.tokens:
        lemma = verb_lemma(view, tok.i, words.verbs) if tok.pos == "VERB" else tok.lemma.casefold()
        if tok.pos == "VERB" and lemma in words.verbs:
            agent = _hyphen_agent(ctx, view, tok.i)
            found = _compound(ctx, view, tok.i, titles, agent) if agent is not None else _verb(ctx, view, tok.i, titles)
        elif tok.pos in {"NOUN", "PROPN"} and lemma in words.nouns and view.span_at(tok.i) is None:
            found = noun_events(ctx, view, tok.i, titles, _protested)
        else:
            found = iter(())
        if tok.pos in {"VERB", "AUX"} and tok.dep == "ccomp":
            found = itertools.chain(found, _obligation(ctx, view, tok.i, titles))
        yield from (replace(f, token=tok.i) for f in found)


# ---------------------------------------------------------------- verbs


def _event_complement(ctx: DocumentContext, view: SentenceView, v: int) -> int | None:
    """The to-infinitive of ``v`` when it reports an event of its own ("agreed to send aid")."""
    for c in view.kids(v, "xcomp"):
        if view.tokens[c].pos == "VERB" and verb_lemma(view, c, ctx.words.verbs) in ctx.words.verbs:
            if choose_verb_row(ctx, view, c, is_passive(view, c)) is not None:
                return c
    return None


def _slot_candidates(ctx: DocumentContext, view: SentenceView, v: int, slot: str, patients: list[int],
                     objects: list[int], titles: Titles, requested: bool = False) -> list[int]:
    if slot == "obj":
        return patients
    if slot == "dative":
        return [c for c in view.kids(v, "dative") if view.tokens[c].pos != "ADP"]
    if slot == "owner":  # "condemned the Israeli strikes", "rejected Ukraine's proposal", "fined X $5m"
        return [c for o in patients for k in conjuncts(view, o)
                for c in view.kids(k, "poss", "amod", "compound", "nmod")
                if view.span_at(c) is not None]
    if slot == "xcomp":  # "agreed to send aid to X", "threatened to attack X": the complement's target
        out: list[int] = []
        for c in view.kids(v, "xcomp"):
            if not is_verb(view, c):
                continue
            row = choose_verb_row(ctx, view, c, False)
            # What an intention or threat is aimed at may be its topic ("vowed to act on X"); what is
            # asked for is done by another, so its topic is no one asked ("called to hold talks on X").
            slots = (row.target if row is not None else ("obj", "dative")) + (() if requested else ("concerned",))
            c_objects = view.kids(c, "dobj")
            clause = infinitive_clause(view, c) if not c_objects else None
            if clause is not None:  # "refused to allow UN planes to land": the planes' owner is concerned
                c_objects = view.kids(clause, "nsubj")
            for s in slots:
                if s == "xcomp":
                    continue
                out = _slot_candidates(ctx, view, c, s, c_objects, c_objects, titles)
                if any(actors(ctx, view, k, titles) for k in out):
                    return out
        return out
    owners = [v, *measured(view, objects)]
    if slot == "concerned":
        return _without_capitals(view, prep_objects(view, owners, CONCERNED))
    return prep_objects(view, owners, {slot, "upon" if slot == "on" else slot})


def _verb(ctx: DocumentContext, view: SentenceView, v: int, titles: Titles) -> Iterator[Found]:
    toks = view.tokens
    passive = is_passive(view, v) or (toks[v].tag == "VBN" and toks[v].dep == "acl")
    row = choose_verb_row(ctx, view, v, passive)
    passive_subjects: list[int] = []
    if row is not None and not passive and _headline_passive(view, v, row.target):
        passive = True  # "Minister arrested over graft": headlines drop the passive's "was"
        passive_subjects = view.kids(v, "nsubj")
        row = choose_verb_row(ctx, view, v, passive)
    if row is None:
        return
    if any(toks[c].dep == "xcomp" and row.type == "CONSULT" for c in view.children[v]):
        return  # "asked to meet": not a consultation
    if view.kids(v, "oprd") and row.type != "ACCUSE":
        return  # "called the drills a warning", "named X envoy": naming, unless it is name-calling
    if row.type == "REJECT" and any(ctx.words.cue(toks[c].lemma, "reticent") for c in view.kids(v, "xcomp")):
        return  # "declined to comment": reticence, not the rejection of anything
    if ctx.words.cue(toks[v].lemma, "intent") and _event_complement(ctx, view, v) is not None:
        return  # "agreed to send aid", "vowed to strike": the complement is coded as the intention (intent.py)
    if passive and ctx.words.cue(toks[v].lemma, "stance") and not prep_objects(view, [v], {"by"}):
        passive = False  # "X is opposed to Y", "X is committed to Y": a stance X holds, not one done to X
    extractor, confidence = ("events.passive.v1", 0.75) if passive else ("events.svo.v1", 0.8)
    if passive:
        agents = [a for p in prep_objects(view, [v], {"by"}) for a in actors(ctx, view, p, titles)]
        if toks[v].dep == "acl":
            patients = [toks[v].head]
        else:
            patients = view.kids(v, "nsubjpass") or passive_subjects
            shared = subject(view, v) if not patients and toks[v].dep == "conj" else None
            patients = patients or ([shared] if shared is not None else [])  # "travelled to X and was received by Y"
    else:
        agents = clause_agents(ctx, view, v, titles)
        if not agents and is_passive(view, v):  # the stance reading: its holder is the grammatical subject
            agents = [a for s in view.kids(v, "nsubjpass") for a in actors(ctx, view, s, titles)]
        patients = view.kids(v, "dobj")
        clause = infinitive_clause(view, v) if not patients else None
        if clause is not None:
            patients = view.kids(clause, "nsubj")  # "allowed X to hold a rally": X is allowed
        h = toks[v].head
        if toks[v].dep == "ccomp" and ctx.words.cue(toks[h].lemma, "intent") and toks[h].pos == "VERB":
            agents = clause_agents(ctx, view, h, titles) or agents  # "X vowed that Y will ...": X commits
    if row.mode == VISIT and (mover := subject(view, v)) is not None and _force(ctx, view, mover):
        # "Somali troops arrived in Kenya": a force that moves into a state is deployed there, not visiting
        row = replace(row, type=DEPLOYED, mode="troops", reciprocal=False)
    if passive and not agents and row.type in {DEPLOYED, WITHDRAWN}:
        # "North Korean troops were deployed to Russia", "were withdrawn from X": forces are moved by
        # the state they belong to
        agents = [a for p in patients if _force(ctx, view, p) for a in actors(ctx, view, p, titles)]
        patients = [] if agents else patients
    if passive and not agents and row.type in {"SANCTION", "COERCE"}:
        # "X was expelled from Kenya", "was suspended from the AU": the state or body one is put out of
        # is the one that put one out
        agents = [a for c in prep_objects(view, [v], {"from"}) for a in actors(ctx, view, c, titles)]
    if not agents:
        return
    targets: list[Actor] = []
    objects = view.kids(v, "dobj") if not passive else []
    candidates = framed = False
    if row.type == REQUESTED:
        # "demanded the withdrawal of X's forces": the demand is made of whoever is to withdraw or resign
        targets = [a for o in objects if _noun_type(ctx, view, o) == WITHDRAWN
                   for p in view.kids(o, "prep") if view.low(p) == "of"
                   for k in view.kids(p, "pobj") for a in actors(ctx, view, k, titles)]
    for slot in row.target if not targets else ():
        cands = _slot_candidates(ctx, view, v, slot, patients, objects, titles, row.type == REQUESTED)
        if row.mode == VISIT and slot not in ARGUMENT_SLOTS:
            # "arrived in Kenya" is a visit to Kenya; "arrived in Brussels" names where, not whom (a
            # capital may host bodies other than its state's government): only "visited X" reads a city
            cands = _without_capitals(view, cands)
        candidates = candidates or bool(cands)
        framed = framed or (bool(cands) and slot not in {"obj", "dative", "owner"})  # a preposition or a to-clause
        targets = [a for c in cands for a in actors(ctx, view, c, titles)]
        if targets:
            break
    framed = framed or bool(view.kids(v, "xcomp"))  # "threatened to leave", "urged all sides to ...": what is meant
    if row.type == REQUESTED and clause_subjects(view, v):
        framed = True  # "demanded that ...": the clause says what is asked
    if not targets and row.type not in SYMMETRIC:
        # The row's own frame names no actor: an actor the act is directed at or done in still is its
        # target, as event coders read it ("imposed curbs on X", "resumed attacks in X", "pulled out of X").
        cands: list[int] = []
        if view.kids(v, "xcomp"):  # "threatened to attack X": whom the threatened act is aimed at
            cands = cands + _slot_candidates(ctx, view, v, "xcomp", patients, objects, titles, row.type == REQUESTED)
        if row.type == REQUESTED:  # "demanded that X withdraw": who is to act
            cands = cands + clause_subjects(view, v)
        # what the frame's own prepositions hold may say whom it concerns: "called for sanctions against X"
        framed_nouns = [c for slot in row.target if slot not in ARGUMENT_SLOTS for c in prep_objects(view, [v], {slot})]
        owners = [v, *measured(view, objects + framed_nouns)]
        if row.type in {ACCUSED, REJECTED}:  # "investigating crimes by X", "refused to heed a demand from X"
            complements = [c for x in view.kids(v, "xcomp") for c in
                           view.kids(x, "dobj") + [o for p in view.kids(x, "prep") for o in view.kids(p, "pobj")]]
            deeds = measured(view, objects + framed_nouns + complements)
            own = {a.key for a in agents}  # "reneged on his commitment to X": his own deed, so look further
            targets = [a for c in perpetrators(view, deeds) for a in actors(ctx, view, c, titles) if a.key not in own]
        targets = targets or concerned_actors(ctx, view, owners, titles, row.type in FORCEFUL)
        if not targets and row.type in FORCEFUL:  # "shelled Kharkiv"; "police dispersed demonstrators"
            targets = located_targets(ctx, view, patients) or _home_groups(ctx, view, agents, patients)
        if not targets and row.type in {"SANCTION", "AID"}:  # "suspended an aid programme for X": X's aid
            targets = [a for c in prep_objects(view, measured(view, objects), {"for"})
                       for a in actors(ctx, view, c, titles)]
        if not targets and row.type == "AID":  # "delivered aid to Gaza": to the people of the state it lies in
            targets = located_targets(ctx, view, [c for slot in row.target if slot not in ARGUMENT_SLOTS
                                                  for c in prep_objects(view, [v], {slot})])
        if row.type == THREATENED and not targets:
            cands = cands + _conditioned(view, v)  # "threatened to leave if X goes ahead": X is threatened
        targets += [a for c in cands for a in actors(ctx, view, c, titles) if a.key not in {t.key for t in targets}]
        if row.type == PROTESTED and not targets:
            targets = _protested(ctx, view, v, titles)
    modality = verb_modality(ctx, view, v)
    if is_purpose(view, v):
        # "sent troops to attack X": an aim, not a deed; but "marched to protest X" is the protest itself
        modality = verb_modality(ctx, view, toks[v].head) if row.type == PROTESTED else HYPOTHETICAL
    place = place_of(ctx, view, [v, *objects])
    if not targets and row.reciprocal and not passive:
        # "X and Y met", "met each other", "signed a deal": the object, if any, is no participant;
        # "X and Y spoke to reporters" names another participant, though not an actor.
        each_other = any(view.low(o) in RECIPROCAL_OBJECTS for o in objects)
        # "X and Y fought a war": an object that names the act itself is no participant either
        names_the_act = bool(objects) and all(_noun_type(ctx, view, o) == row.type for o in objects)
        reciprocal = each_other or names_the_act or (not candidates and (bool(row.objects) or not objects))
        if reciprocal and len(agents) > 1:
            for a_i, a in enumerate(agents):
                for b in agents[a_i + 1 :]:
                    yield Found(row.type, a, b, modality, extractor, confidence, place, mode=row.mode,
                                mutual=row.type in SYMMETRIC)
                    if row.type not in SYMMETRIC:  # "X and Y clashed": each attacked the other
                        yield Found(row.type, b, a, modality, extractor, confidence, place, mode=row.mode)
            return
    if not targets:
        if row.type in SYMMETRIC and row.target:
            return  # a meeting or a deal with no one named is no interaction
        intransitive_protest = row.type == PROTESTED and not objects and not passive
        if not (row.alone or candidates or intransitive_protest):
            return  # "appealed the ruling": no "to", so not the sense of appealing to someone
        if row.type in SPOKEN_ALONE_WITH_FRAME and not (row.explicit_alone or framed):
            return  # "warned that...": a statement, not a threat
        if row.type == REQUESTED and objects and all(group_sector(ctx, view, o) == "civilians" for o in objects):
            return  # "urged residents to take cover": advice to the public, no request of an actor
        if _rebuts_a_claim(ctx, view, v, objects):
            return  # "denied the charge", "denied sending arms": a REJECT of whoever made it, or none (responses.py)
        # "the minister resigned", "Russia deployed troops", "a camp was attacked by militiamen"
        for a in agents:
            yield Found(row.type, a, None, modality, extractor, confidence * 0.9, place, mode=row.mode)
        return
    for a in agents:
        for b in targets:
            yield Found(row.type, a, b, modality, extractor, confidence, place, mode=row.mode)


def _obligation(ctx: DocumentContext, view: SentenceView, v: int, titles: Titles) -> Iterator[Found]:
    """A reported obligation is a demand: "X said Y must leave" is X's REQUEST of Y.

    The clause of ``v`` has an auxiliary of obligation (relations_cues.csv use
    ``obligation``: must, should) and is reported by a speech verb whose
    subject is an actor; the clause's subject is the target."""
    toks = view.tokens
    h = toks[v].head
    if toks[v].dep != "ccomp" or h == v or not ctx.words.cue(toks[h].lemma, "speech"):
        return
    if not any(toks[c].dep == "aux" and ctx.words.cue(view.low(c), "obligation") for c in view.children[v]):
        return
    agents = clause_agents(ctx, view, h, titles)
    targets = [a for s in view.kids(v, "nsubj") for a in actors(ctx, view, s, titles)]
    modality = verb_modality(ctx, view, h)
    for a in agents:
        for b in targets:
            yield Found(REQUESTED, a, b, modality, "events.obligation.v1", 0.6, None)


def _protested(ctx: DocumentContext, view: SentenceView, v: int, titles: Titles) -> list[Actor]:
    """Whom a protest is against, when a clause says what it demands or denounces: "marched to demand
    reforms from X", "rallied, calling on X to resign" (the target of that request or accusation)."""
    out: list[Actor] = []
    for c in view.kids(v, "advcl", "xcomp"):
        if not is_verb(view, c) or (view.tokens[c].tag != "VBG" and not is_purpose(view, c)):
            continue
        row = choose_verb_row(ctx, view, c, False)
        if row is None or row.type not in {REQUESTED, ACCUSED}:
            continue
        objects = view.kids(c, "dobj")
        cands = [k for slot in row.target for k in _slot_candidates(ctx, view, c, slot, objects, objects, titles)]
        cands += clause_subjects(view, c) + perpetrators(view, measured(view, objects))
        out.extend(a for k in cands for a in actors(ctx, view, k, titles))
        out.extend(concerned_actors(ctx, view, [c, *measured(view, objects)], titles))
    return out


def _home_groups(ctx: DocumentContext, view: SentenceView, agents: list[Actor], patients: list[int]) -> list[Actor]:
    """A state's forces acting on a group the sentence gives no country ("Egyptian police dispersed
    demonstrators"): event coders code the group as the same state's, in the group's sector."""
    out: list[Actor] = []
    for p in patients:
        sector = group_sector(ctx, view, p)
        if sector is None or any(view.span_at(c) is not None for c in view.kids(p, "amod", "compound", "poss")):
            continue
        out.extend(Actor(a.key, 0.5, sector) for a in agents
                   if a.sector is not None and a.sector != sector and ctx.entities[a.key].type is EntityType.STATE)
    return out


def _force(ctx: DocumentContext, view: SentenceView, i: int) -> bool:
    """Does token ``i`` name armed forces ("troops", "Somali soldiers"), which their state moves?"""
    return ctx.words.in_class(view.tokens[i].lemma, "force") or group_sector(ctx, view, i) == "military"


def _without_capitals(view: SentenceView, candidates: list[int]) -> list[int]:
    """Candidates that are not a capital's name: after a locative word a capital says where, not whom."""
    return [c for c in candidates if not ((span := view.span_at(c)) is not None and span.kind == "capital")]


def _noun_type(ctx: DocumentContext, view: SentenceView, n: int) -> str | None:
    rows = ctx.words.nouns.get(view.tokens[n].lemma.casefold(), ())
    return rows[0].type if rows else None


def _conditioned(view: SentenceView, v: int) -> list[int]:
    """Subjects of the if/unless clause a threat is made on: the party it is aimed at."""
    out: list[int] = []
    for k in [v, *view.kids(v, "xcomp")]:
        for c in view.kids(k, "advcl"):
            if any(view.tokens[m].dep == "mark" and view.low(m) in {"if", "unless"} for m in view.children[c]):
                out.extend(view.kids(c, "nsubj"))
    return out


def _rebuts_a_claim(ctx: DocumentContext, view: SentenceView, v: int, objects: list[int]) -> bool:
    """A rebutting verb whose object is a claim, ruling, demand or a clause: answered in responses.py."""
    words = ctx.words
    infinitives = [c for c in view.kids(v, "xcomp") if is_infinitive(view, c)]
    if not words.cue(view.tokens[v].lemma, "rebut") or infinitives:
        return False  # "declined to resign" refuses an act: a REJECT of its own
    if not objects:
        return True
    return any(words.in_class(view.tokens[o].lemma, c) for o in objects for c in ("claim", "ruling", "demand"))


def _hyphen_agent(ctx: DocumentContext, view: SentenceView, v: int) -> Actor | None:
    """The actor before a hyphenated participle: "Iran-backed", "US-armed"."""
    if v < 2 or view.tokens[v].tag != "VBN" or view.low(v - 1) != "-":
        return None
    span = view.span_at(v - 2)
    if span is None or span.end != v - 1:
        return None
    key = ctx.actor_key(span)
    return Actor(key, 0.9) if key else None


def _compound(ctx: DocumentContext, view: SentenceView, v: int, titles: Titles, agent: Actor) -> Iterator[Found]:
    """"the Iran-backed Hezbollah": the name the participle describes is the target."""
    rows = ctx.words.verbs[verb_lemma(view, v, ctx.words.verbs)]
    row = next((r for r in rows if "obj" in r.target and not r.objects), None)
    if row is None or v + 1 >= len(view.tokens):
        return
    span = view.span_at(v + 1)
    if span is not None and span.start == v + 1:
        target = actor_of(ctx, view, v + 1)
    else:
        head = view.tokens[v].head
        target = actor_of(ctx, view, head) if view.tokens[v].dep == "amod" and head > v else None
    if target is not None:
        yield Found(row.type, agent, target, ASSERTED, "events.compound.v1", 0.7, None)


__all__ = ["EMITTED", "extract_events"]
