"""Dependency helpers shared by the role and event rules.

They answer two questions on the plain Token records: *which token is the
subject of this verb* (including the subjects English leaves out: "X
travelled to Brussels, meeting Y", "X accused Y of launching", "X, who will
be...") and *which actor does this token stand for* (a name; a capital for
its state; "Russian drones" for Russia; "drones launched by Russia" and "the
Russian-held town" for Russia too; "the RSF commander" for the RSF;
"the country" or "it" for an actor named shortly before).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..types import ACTOR_TYPES, EntityType
from .context import DocumentContext, SentenceView
from .lexicons import load_relation_lexicons

RELATIVE = frozenset({"who", "whom", "which", "that", "whose"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
MODIFIERS = ("amod", "compound", "nmod", "poss")
OBJECTS = frozenset({"dobj", "dative", "pobj", "iobj"})
NON_PERSON_ACTORS = frozenset({EntityType.ORGANISATION, EntityType.STATE})
PERSONS = frozenset({EntityType.PERSON})


@dataclass(frozen=True)
class Actor:
    """An actor a token stands for, and how sure the reading is (0-1)."""

    key: str
    certainty: float = 1.0
    sector: str | None = None  # the part of the actor a group noun names: "Russian troops" -> military
    located: bool = False  # a state read from a place in it ("a curfew in Cizre"): its territory and people


def verb_lemma(view: SentenceView, i: int, known) -> str:
    """The lemma of verb ``i`` as a lexicon knows it.

    The small model sometimes lemmatises a regular verb wrongly ("fined" ->
    "fin", "staged" -> "stag"); when its lemma is not in ``known``, the forms
    the inflection could come from are tried instead (fine, stage, ban...)."""
    tok = view.tokens[i]
    lemma = tok.lemma.casefold()
    if lemma in known or tok.pos not in {"VERB", "AUX"}:
        return lemma
    low = tok.text.casefold()
    stems: list[str] = []
    for suffix in ("ied", "ies"):
        if low.endswith(suffix):
            stems.append(low[: -len(suffix)] + "y")
    for suffix in ("ed", "ing", "es", "s"):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            stem = low[: -len(suffix)]
            stems.extend([stem, stem + "e"])
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])  # "banned" -> ban
    if low.endswith("d"):
        stems.append(low[:-1])  # "fined" -> fine
    return next((s for s in stems if s in known), lemma)


def is_verb(view: SentenceView, i: int) -> bool:
    return view.tokens[i].pos in {"VERB", "AUX"}


def is_passive(view: SentenceView, v: int) -> bool:
    return bool(view.kids(v, "nsubjpass", "auxpass"))


def conjuncts(view: SentenceView, i: int) -> list[int]:
    """``i`` and the tokens coordinated with it ("X, Y and Z")."""
    out = [i]
    k = 0
    while k < len(out):
        out.extend(c for c in view.kids(out[k], "conj") if c not in out)
        k += 1
    return out


#: Prepositions whose gerund is done by the governing verb's object: "accused X of attacking", "thanked X
#: for helping", "barred X from entering", "pressed X into signing", "tasked X with drafting".
OBJECT_CONTROL = frozenset({"of", "for", "from", "into", "with"})


def subject(view: SentenceView, v: int, depth: int = 0) -> int | None:
    """The token that is the subject of verb ``v``, following the gaps English leaves."""
    toks = view.tokens
    if depth > 6:
        return None
    own = view.kids(v, *SUBJECTS)
    if own:
        s = own[0]
        if view.low(s) in RELATIVE and toks[v].dep == "relcl":
            return toks[v].head
        return s
    dep, h = toks[v].dep, toks[v].head
    if h == v:
        return None
    if dep == "conj":
        return subject(view, h, depth + 1)
    if dep == "acomp" and is_verb(view, h):
        return subject(view, h, depth + 1)  # "X is ready to send": the subject of the copula
    if dep == "xcomp":
        # Object control: "urged Ukraine to...", "asked them to..."
        obj = view.kids(h, "dobj")
        if obj and toks[h].pos == "VERB":
            return obj[0]
        return subject(view, h, depth + 1) if is_verb(view, h) or toks[h].pos == "ADJ" else None
    if dep == "advcl" and is_purpose(view, v):
        return subject(view, h, depth + 1) if is_verb(view, h) else None  # "marched to protest X"
    if dep in {"advcl", "ccomp"} and toks[v].tag in {"VBG", "VBN"}:
        if view.kids(v, "aux"):
            return None  # a finite verb the parser hung from another: "soldiers ... are engaging"
        return subject(view, h, depth + 1) if is_verb(view, h) else None
    if dep == "acl" and toks[v].tag == "VBG" and _statement(view, h) and toks[h].dep == "dobj":
        return subject(view, toks[h].head, depth + 1)  # "X issued a statement demanding ...": X demands
    if dep == "acl" and toks[v].tag in {"VBG", "VBD", "VBZ"}:
        return h  # "soldiers fighting Ukraine"; "The statement called upon" parsed as a noun phrase
    if dep == "acl" and toks[v].tag == "VB" and view.kids(h, "poss"):
        return view.kids(h, "poss")[0]  # "the administration's decision to extend"
    if dep == "acl" and toks[h].dep == "ROOT" and headline_infinitive(view, v):
        return h  # the headline "Italy to host Tunisia for talks"
    if dep == "pcomp":
        governor = toks[h].head
        obj = view.kids(governor, "dobj")
        if obj and toks[h].head != h and view.low(h) in OBJECT_CONTROL:
            return obj[0]  # "accused Russia of launching", "barred X from entering", "tasked X with drafting"
        return subject(view, governor, depth + 1) if governor != h and is_verb(view, governor) else None
    if dep == "relcl" and toks[v].tag in {"VBG", "VBN"}:
        return h
    return None


def _statement(view: SentenceView, i: int) -> bool:
    """A noun by which an actor issues words ("a statement demanding ..."): its participle speaks for it
    (the ``statement`` class of relations_noun_classes.csv)."""
    return load_relation_lexicons().in_class(view.tokens[i].lemma, "statement")


def is_infinitive(view: SentenceView, v: int) -> bool:
    """Is verb ``v`` a to-infinitive ("to protest", "to resign")?"""
    return any(view.low(c) == "to" for c in view.kids(v, "aux"))


def is_purpose(view: SentenceView, v: int) -> bool:
    """A to-infinitive adverbial clause: what its clause's subject acts for ("marched to protest X")."""
    return view.tokens[v].dep == "advcl" and is_infinitive(view, v)


def headline_infinitive(view: SentenceView, v: int) -> bool:
    """A to-infinitive standing for a whole clause, as headlines write the future:
    "EU to widen sanctions on Iran" (parsed as the root, or hung from the subject)."""
    toks = view.tokens
    if not is_infinitive(view, v):
        return False
    h = toks[v].head
    return h == v or (toks[v].dep == "acl" and toks[h].dep == "ROOT" and toks[h].pos == "PROPN")


def nearest_verb(view: SentenceView, i: int) -> int | None:
    """The closest verb above token ``i``."""
    seen = set()
    while i not in seen:
        seen.add(i)
        h = view.tokens[i].head
        if h == i:
            return i if is_verb(view, i) else None
        if is_verb(view, h):
            return h
        i = h
    return None


def resolve_pronoun(ctx: DocumentContext, view: SentenceView, i: int, *, strict: bool = False) -> Actor | None:
    """A personal pronoun's antecedent.

    An object pronoun ("urged them") takes the object of a coordinated verb
    ("addressed EU leaders and urged them") or a fitting name earlier in the
    sentence that is not its own clause's subject. A subject or possessive
    pronoun takes the nearest subject above it ("Russia said it..."), or,
    opening its clause, the last subject of fitting type before it. The
    nearest fitting name is a second opinion: ``strict`` asks both readings to
    agree (used for possessives such as "its war", where English is least
    predictable). "they" is never guessed from a name alone: it mostly stands
    for a plural noun ("The ministers said they...").
    """
    word = view.low(i)
    if word in PERSON_PRONOUNS:
        types = PERSONS
    elif word in GROUP_PRONOUNS:
        types = NON_PERSON_ACTORS
    else:
        return None
    toks = view.tokens
    v = nearest_verb(view, i)
    if toks[i].dep in OBJECTS:
        return _object_pronoun(ctx, view, i, v, types)
    if word == "it" and v is not None and toks[i].dep == "nsubj" and ctx.words.cue(toks[v].lemma, "expletive"):
        # "It came as...", "It is expected that..."; but "it is ready to withdraw" speaks of an actor
        if not any(ctx.words.cue(toks[c].lemma, "intent") for c in view.kids(v, "acomp")):
            return None
    by_subject: str | None = None
    seen: set[int] = set()
    while v is not None and v not in seen:
        seen.add(v)
        s = subject(view, v)
        if s is not None and s != i and toks[s].i < i:
            actor = actor_of(ctx, view, s, pronouns=False)
            if actor is not None and ctx.entities[actor.key].type in types:
                by_subject = actor.key
            elif word in PLURAL_PRONOUNS:
                return None
            break
        h = toks[v].head
        v = None if h == v else nearest_verb(view, v)
    if by_subject is None and word in PLURAL_PRONOUNS:
        return None
    nearest = ctx.last_entity(view, toks[i].start, types)
    if by_subject is None and toks[i].dep in SUBJECTS:
        # A subject pronoun opening its clause continues an earlier clause's subject.
        earlier = _last_subject(ctx, view, i, types)
        if earlier is not None:
            return Actor(earlier, 0.6 if earlier == nearest else 0.5)
    if by_subject is not None and by_subject == nearest:
        return Actor(by_subject, 0.7)
    if strict:
        return None
    if by_subject is not None:
        return Actor(by_subject, 0.6)
    return Actor(nearest, 0.5) if nearest else None


def _object_pronoun(ctx: DocumentContext, view: SentenceView, i: int, v: int | None, types) -> Actor | None:
    toks = view.tokens
    if v is not None and toks[v].dep == "conj":
        for o in view.kids(toks[v].head, "dobj"):
            actor = actor_of(ctx, view, o, pronouns=False)
            if actor is not None and ctx.entities[actor.key].type in types:
                return Actor(actor.key, 0.6)
    if view.low(i) in PLURAL_PRONOUNS:
        return None
    s = subject(view, v) if v is not None else None
    own = actor_of(ctx, view, s, pronouns=False) if s is not None else None
    nearest = ctx.last_entity(view, toks[i].start, types, sentences=0)
    return Actor(nearest, 0.5) if nearest and (own is None or nearest != own.key) else None


def _last_subject(ctx: DocumentContext, view: SentenceView, i: int, types) -> str | None:
    """The last subject of fitting type before token ``i``: in this sentence, else up to two back."""
    for back in range(0, 3):
        k = view.index - back
        if k < 0 or ctx.sentences[k].sentence.post != view.sentence.post:
            return None
        other = ctx.sentences[k]
        found = None
        for t in other.tokens:
            if back == 0 and t.i >= i:
                break
            if t.dep in SUBJECTS and t.pos != "PRON":
                actor = actor_of(ctx, other, t.i, pronouns=False)
                if actor is not None and ctx.entities[actor.key].type in types:
                    found = actor.key
            elif t.dep in SUBJECTS and other.low(t.i) in RELATIVE and other.tokens[t.head].dep == "relcl":
                actor = actor_of(ctx, other, other.tokens[t.head].head, pronouns=False)
                if actor is not None and ctx.entities[actor.key].type in types:
                    found = actor.key
        if found is not None:
            return found
    return None


def actor_of(ctx: DocumentContext, view: SentenceView, i: int, *, pronouns: bool = True,
             depth: int = 0) -> Actor | None:
    """The actor (person, organisation or state) that token ``i`` stands for, if any."""
    toks = view.tokens
    words = ctx.words
    tok = toks[i]
    span = view.span_at(i)
    if span is not None:
        if span.kind == "demonym" and (_demonym_as_person(view, span) or _ethnic(view, span)):
            return None  # "detained a Belarusian", "ethnic Albanians": people of a nationality, not the state
        key = ctx.actor_key(span)
        return Actor(key, 1.0 if span.type in ACTOR_TYPES else 0.8) if key else None
    if depth > 2:
        return None
    low = view.low(i)
    if low in RELATIVE and tok.dep in {"dobj", "nsubj", "nsubjpass", "pobj"}:
        rel = relative_head(view, i)
        return actor_of(ctx, view, rel, pronouns=pronouns, depth=depth + 1) if rel is not None else None
    if tok.pos == "PRON":
        return resolve_pronoun(ctx, view, i) if pronouns else None
    for c in view.kids(i, "appos"):
        actor = actor_of(ctx, view, c, pronouns=False, depth=depth + 1)
        if actor is not None:
            return actor
    if tok.pos == "NUM":  # "shot down 58 of the drones": the count stands for what it counts
        for p in view.kids(i, "prep"):
            if view.low(p) == "of":
                for o in view.kids(p, "pobj"):
                    return actor_of(ctx, view, o, pronouns=pronouns, depth=depth + 1)
        return None
    if tok.pos not in {"NOUN", "PROPN"}:
        return None
    lemma = tok.lemma.casefold()
    if words.in_class(lemma, "measure"):  # "a group of Russian shipping firms", "$2bn worth of US goods"
        holders = [i] + [c for c in view.kids(i, "amod", "compound") if words.in_class(toks[c].lemma, "measure")]
        for h in holders:
            for p in view.kids(h, "prep"):
                if view.low(p) == "of":
                    for o in view.kids(p, "pobj"):
                        found = actor_of(ctx, view, o, pronouns=pronouns, depth=depth + 1)
                        if found is not None:
                            return found
    sector = group_sector(ctx, view, i)
    if words.in_class(lemma, "proxy") or words.in_class(low, "proxy") or sector is not None:
        # A named modifier before a pronoun: "its EU partners" are the EU's, not the speaker's.
        modifiers = sorted(view.kids(i, *MODIFIERS), key=lambda c: view.tokens[c].pos == "PRON")
        for c in modifiers:
            cspan = view.span_at(c)
            if cspan is None and view.tokens[c].pos == "PRON" and view.tokens[c].dep == "poss" and pronouns:
                actor = resolve_pronoun(ctx, view, c)
                if actor is not None:
                    return Actor(actor.key, actor.certainty * 0.8)
                continue
            if cspan is None and view.tokens[c].pos == "NOUN":
                # "Haitian government officials": the name sits on the modifying noun
                inner = [view.span_at(g) for g in view.kids(c, "amod", "compound", "poss")]
                cspan = next((sp for sp in inner if sp is not None), None)
            if cspan is None or _ethnic(view, cspan):
                continue
            key = ctx.actor_key(cspan)
            if key is not None and (ctx.entities[key].type is not EntityType.PERSON or view.tokens[c].dep == "poss"):
                return Actor(key, 0.8, sector)
        owner = _owner(ctx, view, i)
        if owner is not None:
            return Actor(owner.key, owner.certainty, sector)
        # "the delegation of Mali", "the government of Peru"; a group "in" or "from" a state is its own
        # sector of that state ("rebels in Ivory Coast", "students from Kenya").
        if sector is not None:
            froms: tuple[str, ...] = ("of", "in", "from", "throughout", "across")
        else:  # "a village in X", "a base in X": a place a state holds stands for it as a target
            froms = ("of", "in") if words.in_class(lemma, "locale") else ("of",)
        for p in view.kids(i, "prep"):
            if view.low(p) in froms:
                for o in view.kids(p, "pobj"):
                    ospan = view.span_at(o)
                    key = ctx.actor_key(ospan) if ospan is not None else None
                    if key is not None and ctx.entities[key].type in NON_PERSON_ACTORS:
                        if view.low(p) == "of" or ctx.entities[key].type is EntityType.STATE:
                            return Actor(key, 0.8, sector)
    if tok.pos in {"NOUN", "PROPN"} and depth <= 1:
        # Any group a demonym or a state's name modifies acts for that state, as event coders read
        # it ("Iraqi Kurds", "Russian aircraft", "U.S. goods"); an ethnic group does not.
        for c in view.kids(i, "amod", "compound"):
            cspan = view.span_at(c)
            if cspan is not None and cspan.type is EntityType.STATE and not _ethnic(view, cspan):
                key = ctx.actor_key(cspan)
                if key is not None:
                    return Actor(key, 0.7, sector)
    for use in ("state-anaphor", "capital-anaphor", "org-anaphor"):
        if words.in_class(lemma, use) and i > 0 and view.low(i - 1) == "the":
            key = ctx.antecedent(view, toks[i - 1].start, lemma)
            key = _as_actor(ctx, key)
            return Actor(key, 0.6) if key else None
    if words.in_class(lemma, "statement") and i > 0 and view.low(i - 1) == "the":
        key = _issuer(ctx, view)
        return Actor(key, 0.5) if key else None
    if i > 0 and view.low(i - 1) == "the" and lemma not in words.noun_classes.get("proxy", ()):
        key = ctx.antecedent(view, toks[i - 1].start, lemma)
        if key is not None and ctx.entities[key].type is EntityType.ORGANISATION:
            # "the group" is an actor only when the name says so ("... Group"): as an agent or target
            # the nearest organisation is too loose a guess (roles take it for "the group's chief").
            named = ctx.entities[key].name.split()[-1].casefold() == lemma
            return Actor(key, 0.6) if named or not words.in_class(lemma, "group-anaphor") else None
    return None


def _owner(ctx: DocumentContext, view: SentenceView, i: int) -> Actor | None:
    """Who holds, or sent, what a proxy noun names.

    "the Houthi-held port", "Russian-occupied Crimea": a hyphenated participle
    of a ``holder`` verb (relations_cues.csv) names its holder; "drones launched
    by Russia", "troops deployed by X": a weapon or force noun belongs to the
    agent of an ASSAULT or MOBILIZE participle. So "shot down drones launched by
    Russia" targets Russia, as the guidelines ask of a shoot-down."""
    toks = view.tokens
    words = ctx.words
    for c in view.kids(i, "amod", "compound"):
        if c >= 2 and view.low(c - 1) == "-" and toks[c].tag == "VBN" and words.cue(toks[c].lemma, "holder"):
            span = view.span_at(c - 2)
            key = ctx.actor_key(span) if span is not None and span.end == c - 1 else None
            if key is not None and ctx.entities[key].type in NON_PERSON_ACTORS:
                return Actor(key, 0.7)
    lemma = toks[i].lemma.casefold()
    if not (words.in_class(lemma, "weapon") or words.in_class(lemma, "force")):
        return None
    for c in view.kids(i, "acl"):
        rows = words.verbs.get(verb_lemma(view, c, words.verbs), ())
        if toks[c].tag != "VBN" or not any(r.type in {"ASSAULT", "MOBILIZE"} for r in rows):
            continue
        for p in view.kids(c, "agent"):
            for o in view.kids(p, "pobj"):
                span = view.span_at(o)
                key = ctx.actor_key(span) if span is not None else None
                if key is not None and ctx.entities[key].type in NON_PERSON_ACTORS:
                    return Actor(key, 0.8)
    return None


def proxy_partners(ctx: DocumentContext, view: SentenceView, i: int) -> list[Actor]:
    """More actors of a proxy noun with coordinated modifiers: "Egyptian and Qatari mediators"."""
    sector = group_sector(ctx, view, i)
    if view.span_at(i) is not None or not (ctx.words.in_class(view.tokens[i].lemma, "proxy") or sector):
        return []
    out: list[Actor] = []
    for c in view.kids(i, "amod", "compound"):
        for k in conjuncts(view, c)[1:]:
            span = view.span_at(k)
            key = ctx.actor_key(span) if span is not None else None
            if key is not None and ctx.entities[key].type in NON_PERSON_ACTORS and not _ethnic(view, span):
                out.append(Actor(key, 0.8, sector))
    return out


def group_sector(ctx: DocumentContext, view: SentenceView, i: int) -> str | None:
    """The sector of the group noun ``i`` names (actor_sectors.csv), by its lemma or, where the model
    lemmatises a plural oddly, its word: "troops" -> military, "rebels" -> rebels."""
    sectors = ctx.words.sectors
    return sectors.get(view.tokens[i].lemma.casefold()) or sectors.get(view.low(i))


def _as_actor(ctx: DocumentContext, key: str | None) -> str | None:
    if key is None or ctx.is_actor(key):
        return key
    hit = ctx.lexicon.lookup(ctx.entities[key].name)
    return ctx.state_key(hit.id) if hit is not None and hit.kind == "capital" else None


def _ethnic(view: SentenceView, span) -> bool:
    """"ethnic Albanians", "ethnic Serb villagers": a people, which is not its kin state."""
    return span.kind == "demonym" and span.start > 0 and view.low(span.start - 1) == "ethnic"


def _demonym_as_person(view: SentenceView, span) -> bool:
    head = view.tokens[span.end - 1]
    if head.dep in MODIFIERS:
        return False
    if head.dep == "conj" or view.kids(span.end - 1, "conj"):
        # "Iran and Saudi agreed": beside another name a bare demonym is the short name of the state
        partner = head.head if head.dep == "conj" else view.kids(span.end - 1, "conj")[0]
        other = view.span_at(partner)
        if other is not None and other.kind != "demonym" and other.type in NON_PERSON_ACTORS:
            return False
    return not head.text.endswith("s")


def relative_head(view: SentenceView, i: int) -> int | None:
    """The noun a relative pronoun stands for ("drones that Iran sold")."""
    v = nearest_verb(view, i)
    while v is not None and view.tokens[v].dep == "conj":
        v = view.tokens[v].head
    if v is None or view.tokens[v].dep != "relcl":
        return None
    return view.tokens[v].head


def _issuer(ctx: DocumentContext, view: SentenceView) -> str | None:
    """Who issued "the statement": the nearest organisation or state that spoke before it."""
    for back in range(1, 4):
        k = view.index - back
        if k < 0 or ctx.sentences[k].sentence.post != view.sentence.post:
            return None
        other = ctx.sentences[k]
        speakers = []
        for t in other.tokens:
            if t.pos == "VERB" and ctx.words.cue(t.lemma, "speech"):
                s = subject(other, t.i)
                actor = actor_of(ctx, other, s, pronouns=False) if s is not None else None
                if actor is not None and ctx.entities[actor.key].type in NON_PERSON_ACTORS:
                    speakers.append(actor.key)
        if speakers:
            return speakers[-1]
    return None
