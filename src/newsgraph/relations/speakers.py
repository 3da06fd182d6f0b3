"""Who said it: the entity the subject of a reporting verb (or the object of
"according to") stands for, or nobody.

A speaker is written only when the text names it, directly or through a
word that refers back to a name; a quotation from an unnamed source keeps no
speaker rather than a guessed one (docs/quotations.md). In order:

- an appositive name wins over its noun ("an aide, Jan Kowal, said");
- a name: a mention resolved to a person, organisation or state; a capital
  that speaks is its state ("Kyiv said");
- a pronoun: "he"/"she" is the nearest person named before it in the same
  post (a grammatical subject first, within ``WINDOW`` sentences), "it" the
  nearest organisation or state, never a name inside quoted words ("“We met
  Kowal,” she said" is not Kowal's); "they", "we", "I" name no one;
- a noun for an unnamed person (``unnamed`` in reporting_verbs.csv:
  "officials", "a senior diplomat", "experts") is nobody, whatever modifies it;
- a title: the holder named in the phrase, else the one person the
  document's roles give that post, with the same qualifiers (former, elect,
  nominated): "the interior minister said" after "Interior Minister Jan
  Kowal", "the minister" for the one person whose post ends in "minister";
  a post no role of the document fills, or fills twice, is nobody;
- anything else through which an actor speaks, as the event rules read it
  (``syntax.actor_of``): "Poland's foreign ministry", "a Kremlin spokesman",
  "the agency" after a name ending in "Agency", "the statement".
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..errors import OntologyError
from ..resources import read_csv
from ..types import EntityType, Membership, Quotation
from .context import DocumentContext, SentenceView
from .syntax import RELATIVE, SUBJECTS, Actor, actor_of, conjuncts
from .titles import TitlePhrase, find_titles, named_holder

WINDOW = 3  # sentences a pronoun looks back for its speaker
PERSON_WORDS = frozenset({"he", "she"})
BODY_WORDS = frozenset({"it"})
PERSONS = frozenset({EntityType.PERSON})
BODIES = frozenset({EntityType.ORGANISATION, EntityType.STATE})
SPEAKER_TYPES = PERSONS | BODIES
USES = frozenset({"clause", "quote", "frame", "phrase", "unnamed", "local"})


@dataclass(frozen=True)
class ReportingWords:
    """The words of ``ontology/reporting_verbs.csv`` by use: cues of quotations and nouns of sources."""

    clause: frozenset[str]  # verbs that report a clause and cue quoted words
    quote: frozenset[str]  # verbs that cue quoted words only
    frame: frozenset[str]  # verbs whose complement may hold quoted words ("called it “...”")
    phrases: tuple[tuple[str, ...], ...]  # "according to"
    unnamed: frozenset[str]  # nouns for unnamed sources
    local: frozenset[str]  # words that make a body local government

    @property
    def verbs(self) -> frozenset[str]:
        return self.clause | self.quote | self.frame


@lru_cache(maxsize=1)
def load_reporting_words() -> ReportingWords:
    """``ontology/reporting_verbs.csv``; a row with an unknown use is an error, never skipped."""
    uses: dict[str, set[str]] = {u: set() for u in USES}
    for row in read_csv("reporting_verbs.csv"):
        if not row.get("word") or row.get("use") not in USES:
            raise OntologyError(f"ontology/reporting_verbs.csv: bad row {row!r}: use must be one of"
                                f" {sorted(USES)}; fix the row")
        uses[row["use"]].add(row["word"].casefold())
    return ReportingWords(frozenset(uses["clause"]), frozenset(uses["quote"]), frozenset(uses["frame"]),
                          tuple(tuple(p.split()) for p in sorted(uses["phrase"])), frozenset(uses["unnamed"]),
                          frozenset(uses["local"]))


class Speakers:
    """Resolves the speakers of one document's quotations."""

    def __init__(self, ctx: DocumentContext, memberships: Iterable[Membership], unnamed: frozenset[str],
                 local: frozenset[str] = frozenset(), quoted: Sequence[tuple[int, int]] = ()) -> None:
        self.ctx = ctx
        self.unnamed, self.local = unnamed, local
        self.quoted = sorted(quoted)
        self._titles: dict[int, dict[int, TitlePhrase]] = {}
        holders: dict[tuple, set[str]] = {}
        for m in memberships:
            flags = (m.former, m.nominated, m.elect)
            for org in {m.organisation, None}:
                holders.setdefault((m.role, org, flags), set()).add(m.person)
                holders.setdefault((m.role, org, None), set()).add(m.person)  # whatever the qualifiers
            # "the minister" after "Defence Minister Jan Kowal": a post named by its last word
            holders.setdefault(("*" + m.role.split()[-1], None, flags), set()).add(m.person)
        self.holders = {post: next(iter(people)) for post, people in holders.items() if len(people) == 1}

    def inside_quote(self, char: int) -> bool:
        return any(start <= char < end for start, end in self.quoted)

    def titles(self, view: SentenceView) -> dict[int, TitlePhrase]:
        if view.index not in self._titles:
            self._titles[view.index] = {t.head: t for t in find_titles(self.ctx, view)}
        return self._titles[view.index]

    def speaker(self, view: SentenceView, i: int) -> Actor | None:
        """The speaker token ``i`` names: one actor for it and its conjuncts, or None."""
        found = [self._one(view, k) for k in conjuncts(view, i)]
        if None in found or len({a.key for a in found}) != 1:
            return None  # nobody named, two speakers, or one named beside an unnamed one
        return found[0]

    def _one(self, view: SentenceView, i: int) -> Actor | None:
        ctx, tok = self.ctx, view.tokens[i]
        for c in view.kids(i, "appos"):
            span = view.span_at(c)
            if span is not None and span.type is EntityType.PERSON:
                return Actor(span.key, 0.9)
        span = view.span_at(i)
        if span is not None:
            actor = actor_of(ctx, view, i, pronouns=False)
            return actor if actor is not None and self._speaks(actor.key) else None
        if tok.pos == "PRON":
            return self._pronoun(view, i)
        titles = self.titles(view)
        if i in titles:
            return self._holder(view, titles[i])
        inner = [t for t in titles.values() if t.head in subtree_of(view, i)]
        if len(inner) == 1:  # "the woman nominated as the bloc's top diplomat", "the nominee for ..."
            return self._holder(view, inner[0], exact=False)
        if tok.lemma.casefold() in self.unnamed or view.low(i) in self.unnamed:
            return None
        if any(view.tokens[c].lemma.casefold() in self.local for c in view.kids(i, "compound", "amod")):
            return None  # a city's or region's own administration: no actor the graph names
        if i > 0 and view.low(i - 1) == "the" and tok.pos == "NOUN":
            key = ctx.antecedent(view, view.tokens[i - 1].start, tok.lemma)
            if key is not None and self._speaks(key):
                return Actor(key, 0.6)  # "the agency" after "... Security Agency"
        actor = actor_of(ctx, view, i, pronouns=False)
        return actor if actor is not None and self._speaks(actor.key) else None

    def _speaks(self, key: str) -> bool:
        entity = self.ctx.entities.get(key)
        return entity is not None and entity.type in SPEAKER_TYPES

    def _holder(self, view: SentenceView, title: TitlePhrase, exact: bool = True) -> Actor | None:
        """The person a title names: the holder named in the phrase, else the one person the document
        gives that post (of that organisation, with the same qualifiers unless ``exact`` is off); a bare
        one-word title ("the minister") names the one person whose post ends in that word."""
        named = named_holder(self.ctx, view, title)
        if named is not None:
            return Actor(named.key, 1.0)
        flags = (title.former, title.nominated, title.elect) if exact else None
        person = self.holders.get((title.label, title.org, flags))
        if person is None and exact and title.org is None and " " not in title.label:
            person = self.holders.get(("*" + title.label, None, flags))  # the one "... minister" of the document
        return Actor(person, 0.8) if person is not None else None

    def _pronoun(self, view: SentenceView, i: int) -> Actor | None:
        """The nearest fitting subject before the pronoun, else the nearest fitting name, outside
        quoted words and within ``WINDOW`` sentences of the same post."""
        word = view.low(i)
        types = PERSONS if word in PERSON_WORDS else BODIES if word in BODY_WORDS else None
        if types is None:
            return None
        ctx, here = self.ctx, view.tokens[i].start
        nearest: str | None = None
        for si in range(view.index, max(-1, view.index - WINDOW - 1), -1):
            other = ctx.sentences[si]
            if other.sentence.post != view.sentence.post:
                break
            for t in reversed(other.tokens):
                if t.start >= here or self.inside_quote(t.start):
                    continue
                if t.dep in SUBJECTS and t.pos != "PRON":
                    actor = actor_of(ctx, other, t.i, pronouns=False)
                    if actor is not None and self._speaks(actor.key) and ctx.entities[actor.key].type in types:
                        return Actor(actor.key, 0.7)
                span = other.span_at(t.i)
                key = ctx.actor_key(span) if span is not None and span.start == t.i else None
                if nearest is None and key is not None and ctx.entities[key].type in types:
                    nearest = key
        return Actor(nearest, 0.5) if nearest else None


    def issuer(self, view: SentenceView, s: int, earlier: Sequence[Quotation]) -> Actor | None:
        """Who "the statement", "a communiqué" (token ``s``) speaks for: the speaker the document last
        quoted within ``WINDOW`` sentences of the same post, else whom the event rules read (the
        issuer of a statement named just before), else the organisation or state last the subject
        of a clause."""
        starts = {v.sentence.start: v.index for v in self.ctx.sentences}
        for q in reversed(earlier):
            said = q.provenance[-1]
            back = starts.get(said.sentence_start)
            if q.speaker is not None and back is not None and 0 <= view.index - back <= WINDOW \
                    and said.post == view.sentence.post:
                return Actor(q.speaker, 0.6)
        return self.speaker(view, s) or self.last_body(view, view.tokens[s].start)

    def last_body(self, view: SentenceView, char: int) -> Actor | None:
        """The organisation or state that was last the subject of a clause before ``char``, within
        ``WINDOW`` sentences of the same post, outside quoted words: who issued "the statement"."""
        for si in range(view.index, max(-1, view.index - WINDOW - 1), -1):
            other = self.ctx.sentences[si]
            if other.sentence.post != view.sentence.post:
                return None
            for t in reversed(other.tokens):
                if t.start < char and t.dep in SUBJECTS and not self.inside_quote(t.start):
                    actor = actor_of(self.ctx, other, t.i, pronouns=False)
                    if actor is not None and self.ctx.entities[actor.key].type in BODIES:
                        return Actor(actor.key, 0.5)
        return None


def own_subject(view: SentenceView, v: int) -> int | None:
    """The verb's own subject; of two (a parser's "the agency SPA"), the one that is a name; for a
    relative clause's "who", the noun it stands for ("Kowal, who said ...")."""
    subjects = view.kids(v, "nsubj")
    named = [s for s in subjects if view.span_at(s) is not None]
    own = named[-1] if named else (subjects[0] if subjects else None)
    if own is not None and view.low(own) in RELATIVE and view.tokens[v].dep == "relcl":
        return view.tokens[v].head
    return own


def subtree_of(view: SentenceView, i: int) -> set[int]:
    out, todo = set(), [i]
    while todo:
        k = todo.pop()
        if k not in out:
            out.add(k)
            todo.extend(view.children[k])
    return out
