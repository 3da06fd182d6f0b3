"""Find role-title phrases in a sentence and read what they say.

A title phrase is a post with what news packs around it:

    [det] [former|then|ex-] [ORG|STATE|demonym|X's] [rank] [portfolio] TITLE [-elect]
          [of|for [the] ORG|STATE|the <noun>] [to STATE]   (the last for diplomats)

"the European Union's next foreign policy chief" -> post "foreign policy
chief", organisation European Union; "Estonia ex-Prime Minister" -> "prime
minister", Estonia, former; "Chairperson of the AU Commission" ->
"chairperson", AU Commission; "ambassador to the United States" keeps its
"to" phrase in the post. Posts come from role_titles.csv, composed with the
portfolio words of relations_title_words.csv ("sports and youth minister",
"minister of home affairs"), so the code names no title itself.

Who holds the post is decided elsewhere (``roles.py``); this module only
reads the phrase, which is also how an untitled official ("the RSF
commander") stands for its organisation in an event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import EntityType
from .context import POSSESSIVE, DocumentContext, EntitySpan, SentenceView
from .lexicons import RelationLexicons, Title

DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "your", "my"})
_SKIPPABLE_POS = frozenset({"ADJ", "ADV"})
_OF_FILLER_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN"})


@dataclass(frozen=True)
class TitlePhrase:
    """A post as a sentence states it (token indices into the sentence)."""

    start: int  # first token of the whole phrase (determiner, qualifiers, organisation)
    end: int  # one past its last token (including an of/for/to phrase)
    core_start: int  # the post's own words: rank, portfolio, title
    core_end: int
    head: int  # the title's head noun, where dependency arcs attach
    label: str  # the post in lower case, as the text says it
    kind: str
    former: bool = False
    nominated: bool = False
    elect: bool = False
    org: str | None = None  # entity key of the organisation, state or place
    determiner: str | None = None


def is_portfolio(words: RelationLexicons, word: str) -> bool:
    return words.word_use(word) == "portfolio"


def title_at(view: SentenceView, words: RelationLexicons, i: int) -> Title | None:
    n = len(view.tokens)
    if i >= n or view.low(i) not in words.title_starts:
        return None
    for size in range(min(words.longest_title, n - i), 0, -1):
        key = tuple(view.low(k) for k in range(i, i + size))
        title = words.titles.get(key)
        if title is not None:
            return title
    return None


def _free(view: SentenceView, i: int) -> bool:
    """A token that no non-person entity covers ("State" of "State Department" is not free)."""
    span = view.span_at(i)
    return span is None or span.type is EntityType.PERSON


def _core(view: SentenceView, words: RelationLexicons, i: int) -> tuple[int, int, Title] | None:
    """The post's words starting at ``i``: (end, head, title) or None."""
    n = len(view.tokens)
    j = i
    while j < n and _free(view, j) and (
        is_portfolio(words, view.low(j))
        or (j > i and view.low(j) in {"and", ",", "&"} and j + 1 < n and is_portfolio(words, view.low(j + 1)))
    ):
        j += 1
    if j > i:
        title = title_at(view, words, j)
        if title is not None and title.portfolio and view.low(j - 1) not in {"and", ",", "&"}:
            return j + len(title.words), _syntactic_head(view, j, j + len(title.words)), title
    title = title_at(view, words, i)
    if title is None:
        return None
    return i + len(title.words), _syntactic_head(view, i, i + len(title.words)), title


def _syntactic_head(view: SentenceView, start: int, end: int) -> int:
    """The token of ``[start, end)`` whose head lies outside it ("secretary" of "secretary of state")."""
    roots = [k for k in range(start, end) if not start <= view.tokens[k].head < end or view.tokens[k].head == k]
    return roots[-1] if roots else end - 1


def _acceptable(view: SentenceView, start: int, end: int, head: int) -> bool:
    toks = view.tokens
    if any(not _free(view, k) for k in range(start, end)):
        return False
    if toks[head].pos in {"VERB", "AUX"} or (end - start == 1 and toks[start].pos in {"VERB", "AUX"}):
        return False  # "chaired by", "will head" ("managing director" may tag its first word a verb)
    if toks[head].tag in {"NNS", "NNPS"} and not toks[head].text.casefold().endswith("ss"):
        return False  # plural: a group, not a post
    if end - start == 1 and toks[start].pos not in {"NOUN", "PROPN"}:
        return False  # "chief reason", "general election"
    return True


def _label(view: SentenceView, start: int, end: int) -> str:
    toks = view.tokens
    text = view.sentence.text[toks[start].start - view.sentence.start : toks[end - 1].end - view.sentence.start]
    text = re.sub(r"\s+", " ", text.replace("’", "'")).casefold()
    return re.sub(r"\s*-\s*", "-", text).strip()


def org_of_span(ctx: DocumentContext, span: EntitySpan, kind: str) -> str | None:
    """The organisation a span names for a post of ``kind`` (a capital is its state
    unless the post is local, like a mayor's)."""
    if span.type in {EntityType.STATE, EntityType.ORGANISATION}:
        return span.key
    if span.type is EntityType.PLACE:
        if kind == "local":
            return span.key
        if span.kind == "capital":
            return ctx.state_key(span.iso3)
    return None


def definite_anaphor(ctx: DocumentContext, view: SentenceView, i: int) -> tuple[str | None, int] | None:
    """"the <noun>" at token ``i`` (the noun) -> (antecedent key, index of "the")."""
    if i < 1 or view.low(i - 1) != "the" or view.tokens[i].pos != "NOUN" or view.span_at(i) is not None:
        return None
    return ctx.antecedent(view, view.tokens[i - 1].start, view.tokens[i].lemma), i - 1


def find_titles(ctx: DocumentContext, view: SentenceView) -> list[TitlePhrase]:
    """Every title phrase of the sentence, left to right."""
    words = ctx.words
    out: list[TitlePhrase] = []
    n = len(view.tokens)
    starts, lows = words.post_starts, view.lows
    i = 0
    while i < n:
        core = _core(view, words, i) if lows[i] in starts and _free(view, i) else None
        if core is None:
            i += 1
            continue
        end, head, title = core
        if title.kind == "rank" or not _acceptable(view, i, end, head):
            i = end if title.kind == "rank" else i + 1
            continue
        out.append(_phrase(ctx, view, i, end, head, title))
        i = end
    return out


def _phrase(ctx: DocumentContext, view: SentenceView, core_start: int, core_end: int, head: int,
            title: Title) -> TitlePhrase:
    words = ctx.words
    n = len(view.tokens)
    # Rank words directly before the post belong to it ("deputy prime minister").
    while core_start > 0 and _free(view, core_start - 1) and words.word_use(view.low(core_start - 1)) == "rank":
        core_start -= 1
    flags = {"former": False, "nominated": False, "elect": "elect" in title.words}
    label_end = core_end
    # A suffix: "president-elect", "minister-designate".
    if core_end + 1 < n and view.low(core_end) == "-" and view.low(core_end + 1) in {"elect", "designate"}:
        flags["elect" if view.low(core_end + 1) == "elect" else "nominated"] = True
        core_end += 2
        if view.low(core_end - 1) == "elect":
            label_end = core_end
    # "minister of home affairs", "secretary for defence": portfolio words after of/for.
    if title.portfolio and core_end < n and view.low(core_end) in {"of", "for"}:
        j = core_end + 1 + (1 if core_end + 1 < n and view.low(core_end + 1) == "the" else 0)
        k = j
        while k < n and _free(view, k) and (is_portfolio(words, view.low(k)) or (
                k > j and view.low(k) in {"and", "&"} and k + 1 < n and is_portfolio(words, view.low(k + 1)))):
            k += 1
        if k > j and view.low(k - 1) not in {"and", "&"} and (k >= n or view.span_at(k) is None):
            core_end = label_end = k
    label = _label(view, core_start, label_end)
    org, start, determiner = _left(ctx, view, core_start, title, flags)
    end = core_end
    org_right, end, label = _right(ctx, view, core_end, title, label, org is None)
    return TitlePhrase(
        start=start, end=end, core_start=core_start, core_end=core_end, head=head, label=label,
        kind=title.kind, former=flags["former"], nominated=flags["nominated"], elect=flags["elect"],
        org=org or org_right, determiner=determiner,
    )


def _left(ctx: DocumentContext, view: SentenceView, core_start: int, title: Title,
          flags: dict[str, bool]) -> tuple[str | None, int, str | None]:
    """Walk left from the post: qualifiers, ranks, the organisation, a determiner."""
    words = ctx.words
    k = core_start - 1
    org: str | None = None
    seen_org = False
    skipped = 0
    start = core_start
    determiner = None
    while k >= 0:
        w = view.low(k)
        use = words.word_use(w)
        span = view.span_at(k)
        if w == "-":
            k -= 1
            continue
        if w in POSSESSIVE and not seen_org:
            prev = view.span_at(k - 1) if k >= 1 else None
            if prev is not None:
                k -= 1
                continue
            anaphor = definite_anaphor(ctx, view, k - 1) if k >= 1 else None
            if anaphor is None:
                break
            org, the = anaphor
            seen_org = True
            start = k = the
            k -= 1
            determiner = "the"
            break
        if span is not None and not seen_org:
            seen_org = True
            if span.type is not EntityType.PERSON:
                org = org_of_span(ctx, span, title.kind)
            elif not span.possessive:
                break  # a name right before the post: "Lindqvist Secretary" is no phrase
            start = k = span.start
            k -= 1
            continue
        if not seen_org and view.tokens[k].pos == "PROPN" and view.tokens[k].text[:1].isupper():
            found = _untagged_name_ending(ctx, view, k)
            if found is not None:
                org, k = found
                seen_org = True
                start = k
                k -= 1
                continue
        if use in {"former", "nominated", "elect"}:
            flags[use] = True
            start = k
            k -= 1
            continue
        tok = view.tokens[k]
        if use in {"qualifier", "rank"} or (
            (tok.pos in _SKIPPABLE_POS or (tok.pos == "NOUN" and tok.dep == "compound"))
            and tok.text.islower() and skipped < 2
        ):  # "the powerful defence minister", "a Chinese foreign ministry spokesperson"
            if use not in {"qualifier", "rank"}:
                skipped += 1
            start = k
            k -= 1
            continue
        if w in DETERMINERS:
            determiner = w
            start = k
        break
    return org, start, determiner


def _right(ctx: DocumentContext, view: SentenceView, k: int, title: Title, label: str,
           want_org: bool) -> tuple[str | None, int, str]:
    """An of/for organisation, a diplomat's "to" state, a head-of phrase."""
    n = len(view.tokens)
    if k >= n:
        return None, k, label
    prep = view.low(k)
    if title.kind == "diplomat" and prep == "to":
        j = k + 1 + (1 if k + 1 < n and view.low(k + 1) == "the" else 0)
        span = view.span_at(j) if j < n else None
        if span is not None and span.start == j and span.type in {EntityType.STATE, EntityType.ORGANISATION}:
            toks = view.tokens
            target = view.sentence.text[toks[k + 1].start - view.sentence.start : toks[span.end - 1].end
                                        - view.sentence.start]
            return None, span.end, f"{label} to {' '.join(target.split()).casefold()}"
        return None, k, label
    if prep not in {"of", "for"} or not want_org:
        return None, k, label
    j = k + 1
    filler = 0
    while j < n and view.span_at(j) is None and filler < 4 and view.tokens[j].pos in _OF_FILLER_POS:
        anaphor = definite_anaphor(ctx, view, j)
        if anaphor is not None and anaphor[0] is not None and not (j + 1 < n and view.tokens[j + 1].pos == "NOUN"):
            return anaphor[0], j + 1, label
        j += 1
        filler += 1
    span = view.span_at(j) if j < n else None
    if span is None and j < n and view.tokens[j].pos == "PROPN":
        found = _untagged_name_starting(ctx, view, j)
        if found is not None:
            return found[0], found[1], label
    if span is not None and span.start == j and span.type is not EntityType.PERSON:
        if span.end < n and view.tokens[span.end].pos == "PROPN" and view.span_at(span.end) is None:
            return None, k, label  # "of the AU High-Level Panel": the name is longer than the tagged part
        if span.possessive and title.head_of:
            # "head of Kyiv's national security council": the body is unnamed; its state is the org.
            return org_of_span(ctx, span, title.kind), span.end, label
        if not span.possessive:
            return org_of_span(ctx, span, title.kind), span.end, label
    if title.head_of and prep == "of":
        j = k + 1
        while j < n and j - k <= 6 and view.span_at(j) is None and (
                view.tokens[j].pos in _OF_FILLER_POS | {"PART"} or view.low(j) in POSSESSIVE):
            j += 1
        if j > k + 1 and view.tokens[j - 1].pos in {"NOUN", "PROPN"}:
            return None, j, f"{label} {_label(view, k, j)}"
    return None, k, label


def named_holder(ctx: DocumentContext, view: SentenceView, t: TitlePhrase) -> EntitySpan | None:
    """The person named right after a post ("Nato chief Tomas Berger"), past ranks and courtesy titles."""
    n = len(view.tokens)
    for k in range(t.core_start, t.core_end):  # "President Ada Okafor" tagged as one name
        span = view.span_at(k)
        if span is not None and span.type is EntityType.PERSON and span.end > t.core_end:
            return span
    j = t.end
    while j < n and view.span_at(j) is None:
        title = title_at(view, ctx.words, j)
        if title is None or title.kind != "rank":
            break
        j += len(title.words)
    if j + 1 < n and view.low(j) == "," and (t.determiner or t.org):
        j += 1  # "the new head of Nato, Tomas Berger,"
        span = view.span_at(j)
        closed = span is not None and (span.end >= n or view.tokens[span.end].pos == "PUNCT")
    else:
        span = view.span_at(j) if j < n else None
        closed = True
    if span is not None and span.type is EntityType.PERSON and span.start == j and closed:
        return span
    return None


def _untagged_name_ending(ctx: DocumentContext, view: SentenceView, k: int) -> tuple[str, int] | None:
    """An organisation or state named (but not tagged) by proper nouns ending at ``k``: (key, first token)."""
    first = k
    while first > 0 and k - first < 5 and view.tokens[first - 1].pos == "PROPN" and view.span_at(first - 1) is None:
        first -= 1
    for start in range(first, k + 1):
        key = ctx.named_run(view, start, k + 1)
        if key is not None:
            return key, start
    return None


def _untagged_name_starting(ctx: DocumentContext, view: SentenceView, j: int) -> tuple[str, int] | None:
    """The same, for proper nouns starting at ``j``: (key, one past the last token)."""
    n = len(view.tokens)
    last = j
    while last + 1 < n and last - j < 5 and view.tokens[last + 1].pos == "PROPN" and view.span_at(last + 1) is None:
        last += 1
    for end in range(last + 1, j, -1):
        key = ctx.named_run(view, j, end)
        if key is not None:
            return key, end
    return None
