"""What the relation rules know about one document: its parsed sentences with
the resolved entity mentions laid over the tokens, and where to look back for
what "the country", "the city", "the party" or "it" stands for.

The rules work on token indices; mentions come as character offsets, so each
mention is mapped once onto the tokens it covers (``EntitySpan``). A leading
"the" and a trailing possessive are trimmed off the span (and the possessive
remembered), so "the European Union's" and "Ukraine’s" both end on the name.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

from ..lexicon import Lexicon, is_acronym, load_lexicon
from ..types import (
    ACTOR_TYPES,
    AnalysedDocument,
    Entity,
    EntityType,
    Provenance,
    Resolution,
    Sentence,
    Token,
)
from .lexicons import RelationLexicons, load_relation_lexicons

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
ANAPHOR_WINDOW = 8  # sentences to look back for "the party", "the command"
NEAR_WINDOW = 3  # ... and for "the country", "the city", "the capital": the story moves on faster


@dataclass(frozen=True)
class EntitySpan:
    """A resolved mention in token coordinates: tokens ``[start, end)``."""

    start: int
    end: int
    key: str
    type: EntityType
    kind: str | None  # lexicon kind: state | demonym | capital | org | None
    iso3: str | None  # for states, demonyms and capitals
    possessive: bool  # followed by 's inside or right after the span
    char_start: int


@dataclass
class SentenceView:
    """One sentence with its tokens' children and entity spans."""

    index: int
    sentence: Sentence
    spans: list[EntitySpan]
    by_token: dict[int, EntitySpan] = field(default_factory=dict)
    children: list[list[int]] = field(default_factory=list)
    tokens: tuple[Token, ...] = field(init=False)  # the sentence's (an attribute: read a million times a build)

    def __post_init__(self) -> None:
        self.tokens = self.sentence.tokens

    def kids(self, i: int, *deps: str) -> list[int]:
        """Children of token ``i`` (with one of ``deps``, if given), in order."""
        if not deps:
            return list(self.children[i])
        tokens = self.tokens
        return [c for c in self.children[i] if tokens[c].dep in deps]

    def span_at(self, i: int) -> EntitySpan | None:
        return self.by_token.get(i)

    @cached_property
    def lows(self) -> list[str]:
        """Each token's text in lower case, with a typographic apostrophe made plain (made once)."""
        return [t.text.casefold().replace("’", "'") for t in self.tokens]

    def low(self, i: int) -> str:
        return self.lows[i]


class DocumentContext:
    """Sentences, entities and look-back helpers for one analysed document."""

    def __init__(
        self,
        analysed: AnalysedDocument,
        resolution: Resolution,
        entities: dict[str, Entity],
        lexicon: Lexicon | None = None,
        words: RelationLexicons | None = None,
    ) -> None:
        self.analysed = analysed
        self.document = analysed.document
        self.entities = entities
        self.lexicon = lexicon or load_lexicon()
        self.words = words or load_relation_lexicons()
        self.posts = {p.index: p for p in self.document.posts}
        self.holders: dict[tuple[str, str | None], str] = {}  # (post, organisation) -> person, see set_holders
        self.located: dict[str, str] = {}  # city place key -> key of the state it lies in (resolve.cities)
        mentions: dict[int, list] = {}
        for rm in resolution.mentions:
            if rm.document == self.document.key and rm.entity in entities:
                mentions.setdefault(rm.mention.sentence, []).append(rm)
        self.sentences = [self._view(i, s, mentions.get(i, [])) for i, s in enumerate(analysed.sentences)]
        # Names of the organisations and states this document mentions, for the
        # places where the tagger missed a repeat ("Democratic Party chairman").
        self.names: dict[str, str] = {}
        for key in sorted({sp.key for v in self.sentences for sp in v.spans}):
            entity = entities[key]
            if entity.type in {EntityType.ORGANISATION, EntityType.STATE}:
                for form in (entity.name, *entity.aliases):
                    if " " in form or len(form) > 3 or is_acronym(form):
                        self.names.setdefault(form, key)
        self._order = [(sp.char_start, v.index, sp) for v in self.sentences for sp in v.spans]
        self._order.sort(key=lambda x: (x[0], x[1]))
        self._starts = [x[0] for x in self._order]

    # ------------------------------------------------------------ building

    def _view(self, index: int, sentence: Sentence, resolved: list) -> SentenceView:
        tokens = sentence.tokens
        children: list[list[int]] = [[] for _ in tokens]
        for t in tokens:
            if t.head != t.i and 0 <= t.head < len(tokens):
                children[t.head].append(t.i)
        view = SentenceView(index, sentence, [], {}, children)
        for rm in sorted(resolved, key=lambda r: (r.mention.start, r.mention.end)):
            span = self._span(view, rm.mention, rm.entity)
            if span is None:
                continue
            view.spans.append(span)
            for i in range(span.start, span.end):
                view.by_token.setdefault(i, span)
        return view

    def _span(self, view: SentenceView, mention, key: str) -> EntitySpan | None:
        tokens = view.tokens
        # the tokens overlapping the mention: from the first that ends after its start, while they
        # start before its end (tokens are in text order and do not overlap)
        start = bisect_left(tokens, mention.start + 1, key=lambda t: t.end)
        end = start
        while end < len(tokens) and tokens[end].start < mention.end:
            end += 1
        if end == start:
            return None
        possessive = False
        while end - start > 1 and view.low(end - 1) in POSSESSIVE:
            end -= 1
            possessive = True
        while end - start > 1 and view.low(start) == "the":
            start += 1
        if end < len(view.tokens) and view.low(end) in POSSESSIVE:
            possessive = True
        entity = self.entities[key]
        kind = iso3 = None
        hint = mention.hint or ""
        if ":" in hint:
            kind, _, ident = hint.partition(":")
            iso3 = ident if kind in {"state", "demonym", "capital"} else None
        else:
            hit = self.lexicon.lookup(mention.text)
            if hit is not None:
                kind, iso3 = hit.kind, (hit.id if hit.kind != "org" else None)
        if entity.type is EntityType.STATE and iso3 is None:
            iso3 = entity.iso3
        return EntitySpan(start, end, key, entity.type, kind, iso3, possessive, view.tokens[start].start)

    # ------------------------------------------------------------ holders

    def set_holders(self, memberships) -> None:
        """Who holds which post in this document, so that "the Nato chief" or "the president",
        named by their post alone, can stand for the one person the document says holds it."""
        by_post: dict[tuple[str, str | None], set[str]] = {}
        for m in memberships:
            if m.former or m.nominated:
                continue
            by_post.setdefault((m.role, m.organisation), set()).add(m.person)
            by_post.setdefault((m.role, None), set()).add(m.person)
        self.holders = {post: next(iter(people)) for post, people in by_post.items() if len(people) == 1}

    def holder(self, role: str, organisation: str | None) -> str | None:
        """The one person of this document who holds ``role`` (of ``organisation``), if there is one."""
        return self.holders.get((role, organisation))

    # ------------------------------------------------------------ entities

    def state_key(self, iso3: str | None) -> str | None:
        """``state/ISO3`` when that state is an entity of this build."""
        if not iso3:
            return None
        key = f"state/{iso3}"
        return key if key in self.entities else None

    def actor_key(self, span: EntitySpan) -> str | None:
        """The actor a span names: a capital stands for its state (metonymy)."""
        if span.type in ACTOR_TYPES:
            return span.key
        if span.kind == "capital":
            return self.state_key(span.iso3)
        return None

    def located_state(self, span: EntitySpan) -> str | None:
        """The state a place lies in: a capital's, or a city's from the gazetteer (never for acting)."""
        if span.kind == "capital":
            return self.state_key(span.iso3)
        key = self.located.get(span.key)
        return key if key in self.entities else None

    def is_actor(self, key: str | None) -> bool:
        return key is not None and key in self.entities and self.entities[key].type in ACTOR_TYPES

    # ------------------------------------------------------------ look-back

    def _before(self, view: SentenceView, char: int):
        """Entity spans before ``char`` in this post, nearest first, within the window."""
        post = view.sentence.post
        for k in range(bisect_left(self._starts, char) - 1, -1, -1):
            _, si, span = self._order[k]
            other = self.sentences[si]
            if view.index - si > ANAPHOR_WINDOW or other.sentence.post != post:
                return
            yield si, span

    def antecedent(self, view: SentenceView, char: int, noun: str) -> str | None:
        """What a definite description "the <noun>" before ``char`` refers to.

        "the country" -> the nearest state, "the city" -> the nearest place,
        "the capital" -> the nearest capital, "the bloc"/"the alliance" -> the
        nearest intergovernmental organisation, "the group"/"the company" -> the
        nearest organisation of any kind, and any other noun -> the
        nearest organisation whose name ends in it ("the party" -> "Democratic
        Party", "the command" -> "Eastern Theater Command").
        """
        words = self.words
        noun = noun.casefold()
        near = any(words.in_class(noun, c)
                   for c in ("state-anaphor", "capital-anaphor", "place-anaphor", "group-anaphor"))
        for si, span in self._before(view, char):
            if near and view.index - si > NEAR_WINDOW:
                return None
            entity = self.entities[span.key]
            if words.in_class(noun, "state-anaphor"):
                if span.type is EntityType.STATE:
                    return span.key
            elif words.in_class(noun, "capital-anaphor"):
                if span.kind == "capital":
                    return span.key
            elif words.in_class(noun, "place-anaphor"):
                if span.type is EntityType.PLACE:
                    return span.key
            elif span.type is EntityType.ORGANISATION:
                if words.in_class(noun, "group-anaphor"):
                    return span.key  # "the group", "the company": any organisation, named shortly before
                if words.in_class(noun, "org-anaphor"):
                    org = self.lexicon.orgs.get(span.key.split("/", 1)[1])
                    if org is not None and org.kind == "intergovernmental":
                        return span.key
                elif entity.name.split()[-1].casefold() == noun and len(entity.name.split()) > 1:
                    return span.key
        return None

    def last_entity(self, view: SentenceView, char: int, types: frozenset[EntityType],
                    sentences: int = 2) -> str | None:
        """The nearest entity of one of ``types`` before ``char``, at most ``sentences`` back."""
        for si, span in self._before(view, char):
            if view.index - si > sentences:
                return None
            key = self.actor_key(span) if span.kind == "capital" else span.key
            if key is not None and self.entities[key].type in types:
                return key
        return None

    # ------------------------------------------------------------ records

    def date(self, view: SentenceView) -> datetime | date | None:
        """When the sentence was published: its post's time, else the document's (a date when
        the source gives no time of day)."""
        post = self.posts.get(view.sentence.post) if view.sentence.post is not None else None
        if post is not None and post.published is not None:
            return post.published
        return self.document.published

    def provenance(self, view: SentenceView, extractor: str, confidence: float) -> Provenance:
        s = view.sentence
        return Provenance(
            document=self.document.key,
            post=s.post,
            sentence_start=s.start,
            sentence_end=s.end,
            sentence_text=s.text,
            extractor=extractor,
            confidence=round(max(0.0, min(1.0, confidence)), 2),
        )

    def named_run(self, view: SentenceView, start: int, end: int) -> str | None:
        """The organisation or state whose name is the text of tokens ``[start, end)``, untagged."""
        toks = view.tokens
        text = view.sentence.text[toks[start].start - view.sentence.start : toks[end - 1].end - view.sentence.start]
        return self.names.get(text)
