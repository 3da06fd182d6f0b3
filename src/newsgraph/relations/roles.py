"""Who holds which post: org:Membership records from title phrases.

``titles.py`` reads each post phrase; the rules here find its holder.
Extractor names and the confidence each gives (lowered when the holder is
a pronoun):

- ``roles.premodifier.v1`` (0.9): the post right before the name, "US
  secretary of state Maria Lindqvist", "President Ada Okafor", "Ukraine's
  foreign minister, Taras Bondar," and "president X of the Philippines";
- ``roles.apposition.v1`` (0.85): the post after the name and a comma, "X,
  the head of the president's office", "X, IGAD Executive Secretary", "X,
  formerly the country's defence minister", "X, the nominee to be ...", "X,
  President Y's nominee for ambassador to Z", "X, who will now be defence
  minister";
- ``roles.copula.v1`` (0.8): a verb of ``relations_role_verbs.csv`` links
  them, "X is Ukraine's foreign minister", "X became the foreign secretary
  of India", "X was appointed as minister of home affairs", "named X as the
  next finance minister", "X stepped down as party chairman";
- ``roles.succession.v1`` (0.7): "X will succeed Y as foreign minister"
  says Y held the post;
- ``roles.counterpart.v1`` (0.6): "his Iranian counterpart X" holds the post
  just named, for Iran.

A post with no organisation of its own takes one from around it: "the
group's chief negotiator" (the organisation named shortly before, see
``DocumentContext.antecedent``), "the regulator, whose chief executive is X",
and "President X ... sent his prime minister, Y" (the state X was read as
heading earlier in the document).

Failing that, once the whole document is read, the post takes the
organisation the rest of the document gives it (``role_orgs.py``:
``roles.fromdocument.v1``, ``roles.demonym.v1``, ``roles.fromcontext.v1``),
and then the corpus's (``merge.py``: ``roles.fromcorpus.v1``).

Flags: ``former`` from "former/ex-/then/late/formerly", a simple-past
copula ("X was India's ambassador"), or a leaving verb ("stepped down
as"); ``nominated`` from nomination words ("nominee", "-designate",
"nominated as", "tipped"); "will be" and "named ... as the next" are not
nominations (they report an appointment); ``elect`` from "-elect".
A post without a named holder ("the foreign minister said") gives nothing.
Years of tenure right after the post or the holder's name ("from 2014 to
2019", "since 2019", "(2009-2014)", see ``tenure.py``) are the membership's
``began``/``ended``; a stated end before the year of the text makes the post
former.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..types import EntityType, Membership
from .context import POSSESSIVE, DocumentContext, EntitySpan, SentenceView
from .role_orgs import Found, fill_from_document, leaders_state
from .syntax import is_passive, is_verb, resolve_pronoun, subject
from .tenure import tenure_at
from .titles import TitlePhrase, find_titles, org_of_span, title_at

LEADER_KINDS = frozenset({"head"})  # posts whose holder speaks of "his ministers"
CLOSERS = frozenset({",", ".", ";", ")", ":", "—", "–", "-", "(", '"', "”"})


@dataclass(frozen=True)
class Holder:
    person: str
    extractor: str
    confidence: float
    former: bool = False
    nominated: bool = False
    org: str | None = None  # an organisation found around the name, not in the phrase
    name_end: int | None = None  # one past the holder's name, when it follows the post


def extract_roles(ctx: DocumentContext) -> Iterator[Membership]:
    yield from (f.membership for f in fill_from_document(ctx, list(_read_roles(ctx))))


def _read_roles(ctx: DocumentContext) -> Iterator[Found]:
    leaders: dict[str, str] = {}  # person -> the state they lead, as read so far
    for view in ctx.sentences:
        titles = find_titles(ctx, view)
        shared = _coordinated(view, titles)
        titles = [replace(t, org=shared[t.head][0].org) if t.head in shared else t for t in titles]
        held: dict[int, tuple[TitlePhrase, Holder]] = {}
        for t in titles:
            holder = _premodifier(ctx, view, t) or _apposition(ctx, view, t) or _dependency(ctx, view, t, held)
            if holder is None:
                continue
            if t.org is None and holder.org is None:
                holder = replace(holder, org=leaders_state(ctx, view, t, leaders))
            held[t.head] = (t, holder)
            membership = _membership(ctx, view, t, holder)
            if t.kind in LEADER_KINDS and not membership.former and membership.organisation is not None and \
                    ctx.entities[membership.organisation].type is EntityType.STATE:
                leaders[membership.person] = membership.organisation
            yield Found(membership, t.kind, view, t)
            first = shared.get(t.head, (None,))[0]
            if first is not None and first.head not in held:
                # "Oman's prime minister and foreign minister, X": X holds both posts
                held[first.head] = (first, replace(holder, extractor="roles.coordinated.v1"))
                yield Found(_membership(ctx, view, first, held[first.head][1]), first.kind, view, first)
            predecessor = _predecessor(ctx, view, t)
            if predecessor is not None and predecessor.person != holder.person:
                yield Found(_membership(ctx, view, t, predecessor), t.kind, view, t)
        for t, m in _counterparts(ctx, view, [held[k] for k in sorted(held)]):
            yield Found(m, t.kind, view, None)


def _coordinated(view: SentenceView, titles: list[TitlePhrase]) -> dict[int, tuple[TitlePhrase]]:
    """Second titles of "X's A and B" that share the first's organisation, by head: head -> (first,).

    Only a bare second title (no determiner, no organisation of its own) shares it."""
    out: dict[int, tuple[TitlePhrase]] = {}
    for first, second in zip(titles, titles[1:]):
        if (second.start == first.end + 1 and view.low(first.end) in {"and", "&"} and first.org is not None
                and second.org is None and second.determiner is None and second.start == second.core_start):
            out[second.head] = (first,)
    return out


def _membership(ctx: DocumentContext, view: SentenceView, t: TitlePhrase, h: Holder) -> Membership:
    when = ctx.date(view)
    tenure = tenure_at(view, t.end) or (tenure_at(view, h.name_end) if h.name_end is not None else None)
    former = t.former or h.former
    nominated = t.nominated or h.nominated
    if tenure is not None and tenure.ended is not None and when is not None and tenure.ended < when.year \
            and not (nominated or t.elect):
        former = True  # "prime minister from 2014 to 2019", read in a later year: the post ended
    return Membership(
        person=h.person,
        role=t.label,
        organisation=t.org or h.org,
        former=former,
        nominated=nominated,
        elect=t.elect,
        date=when,
        provenance=(ctx.provenance(view, h.extractor, h.confidence),),
        began=tenure.began if tenure else None,
        ended=tenure.ended if tenure else None,
    )


def _person_at(view: SentenceView, i: int) -> EntitySpan | None:
    span = view.span_at(i) if 0 <= i < len(view.tokens) else None
    return span if span is not None and span.type is EntityType.PERSON else None


def _skip_titles(ctx: DocumentContext, view: SentenceView, j: int) -> int:
    """Past ranks and courtesy titles between a post and a name ("army chief General X")."""
    n = len(view.tokens)
    while j < n and _person_at(view, j) is None:
        title = title_at(view, ctx.words, j)
        if title is not None and title.kind == "rank":
            j += len(title.words)
        elif view.low(j).rstrip(".") in ctx.words.courtesy:
            j += 1 + (1 if j + 1 < n and view.low(j + 1) == "." else 0)
        else:
            break
    return j


def _org_after(ctx: DocumentContext, view: SentenceView, j: int, kind: str) -> str | None:
    """"... of the Philippines" right after a name."""
    n = len(view.tokens)
    if j < n and view.low(j) == "of":
        k = j + 1 + (1 if j + 1 < n and view.low(j + 1) == "the" else 0)
        span = view.span_at(k) if k < n else None
        if span is not None and span.start == k and span.type is not EntityType.PERSON:
            return org_of_span(ctx, span, kind)
    return None


def _premodifier(ctx: DocumentContext, view: SentenceView, t: TitlePhrase) -> Holder | None:
    n = len(view.tokens)
    for k in range(t.core_start, t.core_end):  # the name's span swallowed the post: "President Ada Okafor"
        span = _person_at(view, k)
        if span is not None and span.end > t.core_end:
            return Holder(span.key, "roles.premodifier.v1", 0.9, org=_org_after(ctx, view, span.end, t.kind),
                          name_end=span.end)
    j = _skip_titles(ctx, view, t.end)
    confidence = 0.9
    if j < n and view.low(j) == "," and (t.determiner or t.org):
        j += 1
        confidence = 0.8
        span = _person_at(view, j)
        if span is None or not (span.end >= n or view.low(span.end) in CLOSERS):
            return None
    span = _person_at(view, j)
    if span is None or span.start != j:
        return None
    org = _org_after(ctx, view, span.end, t.kind) if t.org is None else None
    return Holder(span.key, "roles.premodifier.v1", confidence, org=org, name_end=span.end)


def _apposition(ctx: DocumentContext, view: SentenceView, t: TitlePhrase) -> Holder | None:
    words = ctx.words
    toks = view.tokens
    k = t.start - 1
    bridge: list[int] = []
    while k >= 0 and len(bridge) < 7 and (
        words.cue(view.low(k), "bridge")
        or words.word_use(view.low(k)) in {"former", "nominated", "qualifier"}
        or toks[k].lemma.casefold() in words.role_verbs
    ):
        bridge.append(k)
        k -= 1
    if bridge and any(words.word_use(view.low(b)) == "nominated" for b in bridge):
        k = _past_owner(ctx, view, k)  # "X, President Y's nominee for ambassador to Z"
    if k < 1 or view.low(k) not in {",", "("}:
        return None
    head = toks[t.head]
    if head.dep in {"nsubj", "nsubjpass"} and head.head > t.head:
        return None  # "..., a spokesman said": the post is the next clause's subject
    if head.dep == "poss":
        return None  # "X, the president's son": the post belongs to someone else
    if toks[k - 1].pos == "NUM" and k >= 3 and view.low(k - 2) == ",":
        k -= 2  # "X, 59, the party's treasurer"
    span = _person_at(view, k - 1)
    if span is None or span.end != k:
        return None
    uses = {words.word_use(view.low(b)) for b in bridge}
    appointed = any(toks[b].lemma.casefold() in words.role_verbs and words.role_verbs[toks[b].lemma.casefold()].holder
                    == "object" for b in bridge)
    past = any(toks[b].lemma == "be" and toks[b].tag == "VBD" for b in bridge) and not appointed
    return Holder(span.key, "roles.apposition.v1", 0.85, former="former" in uses or past,
                  nominated="nominated" in uses)


def _past_owner(ctx: DocumentContext, view: SentenceView, k: int) -> int:
    """Left past "[title] Name's" ending at ``k`` (the possessive): who made a nomination is not its
    holder. Returns the index before it, or ``k`` when there is none."""
    if k < 1 or view.low(k) not in POSSESSIVE:
        return k
    span = view.span_at(k - 1)
    if span is None or span.end != k:
        return k
    j = span.start - 1
    while j >= 0 and span.start - j <= 3 and title_at(view, ctx.words, j) is not None:
        j -= 1
    return j


def _role_verb(ctx: DocumentContext, view: SentenceView, v: int):
    """The role verb at ``v``, with its particle if it has one ("step down", "swear in")."""
    lemma = view.tokens[v].lemma.casefold()
    for c in view.kids(v, "prt", "advmod"):
        verb = ctx.words.role_verbs.get(f"{lemma} {view.low(c)}")
        if verb is not None:
            return verb
    return ctx.words.role_verbs.get(lemma)


def _holder_token(ctx: DocumentContext, view: SentenceView, i: int) -> tuple[str, float] | None:
    span = _person_at(view, i)
    if span is not None:
        return span.key, 1.0
    if view.tokens[i].pos == "PRON":
        actor = resolve_pronoun(ctx, view, i)
        if actor is not None and ctx.entities[actor.key].type is EntityType.PERSON:
            return actor.key, actor.certainty
    for c in view.kids(i, "appos"):
        span = _person_at(view, c)
        if span is not None:
            return span.key, 0.9
    return None


def _dependency(ctx: DocumentContext, view: SentenceView, t: TitlePhrase,
                held: dict[int, tuple[TitlePhrase, Holder]]) -> Holder | None:
    toks = view.tokens
    head = toks[t.head]
    if head.dep == "poss":
        return None  # "the president's son is ...": not the holder's post
    if head.dep == "conj" and head.head in held:
        first = held[head.head][1]
        return Holder(first.person, first.extractor, first.confidence * 0.9, former=first.former)
    if head.dep == "appos":
        span = _person_at(view, head.head)
        return Holder(span.key, "roles.apposition.v1", 0.8) if span is not None else None
    for c in view.kids(t.head, "appos"):  # "a ministry spokesperson, Mao Ning, said"
        span = _person_at(view, c)
        if span is not None:
            return Holder(span.key, "roles.apposition.v1", 0.8)
    if head.dep == "nsubj" and toks[head.head].lemma == "be":
        return _subject_post(ctx, view, t, head.head)
    if head.dep in {"attr", "oprd", "acomp"}:
        v = head.head
    elif head.dep == "pobj" and view.low(head.head) == "as":
        v = toks[head.head].head
        span = _person_at(view, v)
        if span is not None and toks[v].dep in {"dobj", "oprd", "nsubjpass", "pobj", "appos", "conj"}:
            return Holder(span.key, "roles.copula.v1", 0.75)  # "named Rao as finance minister"
        for _ in range(3):  # "sworn in for his second term as prime minister"
            if is_verb(view, v) or toks[v].head == v:
                break
            v = toks[v].head
    else:
        return None
    if not is_verb(view, v):
        return None
    verb = _role_verb(ctx, view, v)
    if verb is None:
        return None
    if verb.holder == "object" and not is_passive(view, v):
        cands = view.kids(v, "dobj", "oprd")  # the parser reads "named X as" either way
        who = cands[0] if cands else None
    else:
        who = subject(view, v)
    found = _holder_token(ctx, view, who) if who is not None else None
    if found is None:
        return None
    has_perfect = any(toks[c].dep == "aux" and toks[c].lemma == "have" for c in view.children[v])
    former = verb.effect == "former" or (verb.effect == "past-former" and toks[v].tag == "VBD" and not has_perfect)
    return Holder(found[0], "roles.copula.v1", 0.8 * found[1], former=former,
                  nominated=verb.effect == "nominated")


def _subject_post(ctx: DocumentContext, view: SentenceView, t: TitlePhrase, v: int) -> Holder | None:
    """"Meta's chief executive is X", "the regulator, whose chief executive is X": the post is the
    subject and the name the complement; "whose" takes the organisation of the relative clause's noun."""
    toks = view.tokens
    span = next((s for c in view.kids(v, "attr") if (s := _person_at(view, c)) is not None), None)
    if span is None:
        return None
    org = None
    if t.org is None and toks[v].dep == "relcl" and any(view.low(c) == "whose" for c in view.kids(t.head, "poss")):
        owner = view.span_at(toks[v].head)
        org = org_of_span(ctx, owner, t.kind) if owner is not None and owner.type is not EntityType.PERSON else None
        if org is None:
            return None  # "the man whose chief of staff is X": the post is not an organisation's
    former = toks[v].tag == "VBD"
    return Holder(span.key, "roles.copula.v1", 0.8, former=former, org=org)


def _predecessor(ctx: DocumentContext, view: SentenceView, t: TitlePhrase) -> Holder | None:
    """"X will succeed Y as T": Y held T."""
    head = view.tokens[t.head]
    if head.dep != "pobj" or view.low(head.head) != "as":
        return None
    v = view.tokens[head.head].head
    verb = _role_verb(ctx, view, v)
    if verb is None or verb.effect != "successor":
        return None
    for o in view.kids(v, "dobj"):
        span = _person_at(view, o)
        if span is not None:
            return Holder(span.key, "roles.succession.v1", 0.7, former=True)
    return None


def _counterparts(ctx: DocumentContext, view: SentenceView,
                  held: list[tuple[TitlePhrase, Holder]]) -> Iterator[tuple[TitlePhrase, Membership]]:
    """"X ... and his Iranian counterpart Y": Y holds X's post, for Iran."""
    if not held:
        return
    for tok in view.tokens:
        if ctx.words.word_use(view.low(tok.i)) != "counterpart" or tok.pos != "NOUN":
            continue
        before = [(t, h) for t, h in held if t.end <= tok.i]
        if not before:
            continue
        t, _ = before[-1]
        span = _person_at(view, tok.i + 1) or next(
            (s for c in view.kids(tok.i, "appos") if (s := _person_at(view, c)) is not None), None)
        if span is None:
            continue
        left = view.span_at(tok.i - 1) if tok.i > 0 else None
        org = org_of_span(ctx, left, t.kind) if left is not None and left.type is not EntityType.PERSON else None
        yield t, Membership(
            person=span.key, role=t.label, organisation=org, date=ctx.date(view),
            provenance=(ctx.provenance(view, "roles.counterpart.v1", 0.6),),
        )
