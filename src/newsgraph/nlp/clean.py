"""A spaCy component that repairs entity spans the small model gets wrong on news.

Each fix is a general tell, not a list of names:

- "Sudanese" + "Armed Forces", "AU" + "Commission": a gazetteer hit directly
  before an organisation name is part of that name, so the two join;
- "Russian Defense | Minister", "European Trade | Commissioner": a span of
  portfolio words right before a post noun is a job title, not an
  organisation, so it is dropped (the demonym before it stays);
- "Chairperson of the Union", "Heads of State": an ORG starting with a post
  noun is a title;
- "UAVs", "NGOs": a plural acronym is a common noun;
- "Ministry of Foreign Affairs of", "Later the Data Protection Commission":
  function words at the edges are trimmed;
- "Peace and [Security Council] (PSC)": an acronym in brackets after a name
  moves the name's left edge to where the initials match;
- "Volker [Turk]": a demonym hit glued to a preceding untagged proper noun
  is the end of a personal name, and "minister [Israel] [Katz]" a state name
  between a post and a surname is the start of one;
- "Secretary of [State]": an ORG that ends a post title is part of the title;
- "[Marie]-Laure [Denis]": a double given name split at its hyphen is one
  person's name, and "[Min Aung] Hlaing" a name cut before its head word
  (the untagged proper noun its words modify) runs to it;
- "[Indian] Ocean": a demonym before a geographic feature names no state;
- "[Communist Party] of [Vietnam]": a body named "of" a state takes the state
  into its name, and "[Sudanese] Armed Forces" (capitalised words ending in
  a body's head noun, left untagged after a demonym) is one organisation.

The post nouns and portfolio words are the relation lexicons' own
(``ontology/role_titles.csv``, ``relations_title_words.csv``).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lexicon import MINOR_WORDS, initials, portfolio_words, post_nouns, post_titles

_EDGE_WORDS = frozenset({"of", "the", "and", "for", "'s", "’s", "in", "on", "at", "to", ",", "-"})
#: Parts of speech that never start a name ("[Later the] Data Protection Commission").
_EDGE_POS = frozenset({"ADV", "DET", "ADP", "CCONJ", "SCONJ", "PRON", "PUNCT"})
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,}s$")
#: Nouns that make a demonym part of a place name ("Indian Ocean", "Arabian Sea").
_GEOGRAPHIC = frozenset({"ocean", "sea", "gulf", "bay", "peninsula", "coast", "riviera", "alps", "desert",
                         "plateau", "basin", "strait", "straits", "channel", "archipelago", "mountains",
                         "highlands", "subcontinent", "river", "lake", "plain", "plains"})


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _EDGE_WORDS or doc[start].pos_ in _EDGE_POS):
        start += 1
    while end > start and doc[end - 1].lower_ in _EDGE_WORDS:
        end -= 1
    if start >= end:
        return None
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_)


def _add_named_post_holders(doc: Doc, ents: list[Span]) -> list[Span]:
    """A proper name that NER missed but the text gives a post is a person:
    "Jane Roe, chief of the ..." (apposition) or "finance minister Jane Roe"."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    posts = post_nouns()
    added: list[Span] = []
    for tok in doc:
        if tok.i in taken or tok.pos_ != "PROPN" or tok.dep_ == "compound":
            continue
        has_post = any(c.dep_ == "appos" and c.lower_ in posts for c in tok.children) or any(
            c.dep_ == "compound" and c.lower_ in posts for c in tok.children)
        if not has_post:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i and \
                doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in taken:
            start -= 1
        words = doc[start : tok.i + 1]
        if len(words) < 2 or any(not w.text[:1].isupper() or not w.is_alpha or w.lower_ in posts for w in words):
            continue
        added.append(Span(doc, start, tok.i + 1, label="PERSON"))
    return sorted(ents + added, key=lambda s: s.start) if added else ents


def _is_title(span: Span) -> bool:
    """An ORG span that is really (part of) a job title."""
    doc = span.doc
    if doc[span.start].lower_ in post_nouns():
        return True
    for back in range(1, 4):  # "Secretary of [State]"
        if span.start - back >= 0 and doc[span.start - back : span.end].text.lower() in post_titles():
            return True
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.lower_ in post_nouns() and span[-1].lower_ in portfolio_words()


def _extend_to_acronym(span: Span, taken: set[int]) -> Span:
    """Use "(ACR)" after an organisation to fix where its name starts."""
    doc = span.doc
    end = span.end
    if not (end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")"):
        return span
    acronym = doc[end + 1].text
    if not (acronym.isalpha() and acronym.isupper()) or initials(t.text for t in span) == acronym:
        return span
    start = span.start
    for _ in range(4):
        start -= 1
        if start < 0 or start in taken:
            break
        tok = doc[start]
        if not (tok.text[:1].isupper() or tok.lower_ in MINOR_WORDS - {"the"}):
            break
        if initials(t.text for t in doc[start:end]) == acronym:
            return Span(doc, start, end, label=span.label_)
    return span


def _demonym_ending_a_name(ent: Span, taken: set[int]) -> Span | None:
    """ "Volker Turk": a proper noun right before a demonym hit makes a person."""
    if ent.label_ != "NORP" or not ent.id_ or len(ent) != 1 or ent.start == 0:
        return None
    prev = ent.doc[ent.start - 1]
    if prev.i in taken or prev.pos_ != "PROPN" or not prev.is_title or prev.lower_ in post_nouns():
        return None
    return Span(ent.doc, prev.i, ent.end, label="PERSON", span_id="")


def _before_geography(ent: Span) -> bool:
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return ent.label_ == "NORP" and nxt is not None and nxt.is_title and nxt.lower_ in _GEOGRAPHIC


def _state_starting_a_name(ent: Span, taken: set[int]) -> Span | None:
    """ "minister [Israel] Katz": a state name between a post and an untagged
    proper noun is the first name of the post holder."""
    doc = ent.doc
    if not ent.id_.startswith("state:") or len(ent) != 1 or ent.start == 0:
        return None
    if doc[ent.start - 1].lower_ not in post_nouns():
        return None
    end = ent.end
    while end < len(doc) and end not in taken and doc[end].pos_ == "PROPN" and doc[end].is_title:
        end += 1
    return Span(doc, ent.start, end, label="PERSON", span_id="") if end > ent.end else None


#: Head nouns of the names of bodies ("Armed Forces", "Defence Ministry").
_BODY_HEADS = frozenset({"forces", "force", "army", "navy", "guard", "police", "ministry", "party", "council",
                         "commission", "agency", "parliament", "assembly", "court", "bank", "command", "service",
                         "services", "office", "committee", "government", "administration", "front", "movement"})


def _demonym_body(ent: Span, taken: set[int]) -> Span | None:
    """ "[Sudanese] Armed Forces", "[Chinese] Communist Party": a demonym before
    capitalised words, none tagged, that end in a body's head noun."""
    doc = ent.doc
    if ent.label_ != "NORP" or not ent.id_:
        return None
    end = ent.end
    while end < len(doc) and end - ent.end < 4 and end not in taken and doc[end].is_title and doc[end].is_alpha:
        end += 1
    while end > ent.end and doc[end - 1].lower_ not in _BODY_HEADS:
        end -= 1
    return Span(doc, ent.start, end, label="ORG", span_id="") if end > ent.end else None


def _of_state(span: Span, ents: list[Span]) -> Span:
    """ "[Communist Party] of [Vietnam]" -> one organisation, when NER cut it."""
    doc = span.doc
    if not doc[span.end - 1].is_title or span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return span
    start = span.end + 1 + (doc[span.end + 1].lower_ == "the")
    state = next((e for e in ents if e.start == start and e.id_.startswith("state:")), None)
    if state is None:
        return span
    return Span(doc, span.start, state.end, label="ORG")


#: Heads a person's name modifies without being part of it ("the Joe Roe Campaign"), besides the
#: heads of bodies' names ("Administration", ``_BODY_HEADS``) and posts.
_AFTER_NAMES = frozenset({"cabinet", "campaign", "presidency", "era", "family", "foundation", "doctrine", "plan",
                          "estate", "dynasty", "regime", "camp"})


def _names_something_else(word: str) -> bool:
    return word in _AFTER_NAMES or word in _BODY_HEADS or word in post_nouns()


def _name_cut_short(ent: Span, taken: set[int]) -> Span:
    """ "[Min Aung] Hlaing": a personal name the model ended before its last word. The untagged
    capitalised proper noun right after it, which the span's words modify as compounds (a name's
    head is its last word), is part of the name."""
    doc = ent.doc
    end = ent.end
    while (end < len(doc) and end not in taken and doc[end].pos_ == "PROPN" and doc[end].is_title
           and doc[end].is_alpha and doc[end - 1].whitespace_ and doc[end - 1].dep_ == "compound"
           and doc[end - 1].head.i == end and not _names_something_else(doc[end].lower_)):
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def _join_hyphenated_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "[Marie]-Laure [Denis]": a person's name split at a hyphen of a double given
    name is one name; the pieces after the hyphen join it up to the surname."""
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        end = ent.end
        if ent.label_ == "PERSON":
            # "-" written tight between two capitalised words
            while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
                   and not doc[end].whitespace_ and doc[end + 1].is_title and doc[end + 1].is_alpha):
                end += 2
                while end < len(doc) and doc[end].is_title and doc[end].is_alpha and doc[end].pos_ == "PROPN" \
                        and not any(e.start <= end < e.end and e.label_ != "PERSON" for e in ents):
                    end += 1
        if end > ent.end:
            # the surname's own span, right after or already inside, joins
            while i + 1 < len(ents) and (ents[i + 1].start < end
                                         or (ents[i + 1].start == end and ents[i + 1].label_ == "PERSON")):
                end = max(end, ents[i + 1].end) if ents[i + 1].label_ == "PERSON" else end
                i += 1
            ent = Span(doc, ent.start, end, label="PERSON")
        out.append(ent)
        i += 1
    return out


@Language.component(
    "newsgraph_clean_entities",
    requires=["doc.ents"],
    assigns=["doc.ents"],
)
def clean_entities(doc: Doc) -> Doc:
    kept: list[Span] = []
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    ents = list(doc.ents)
    skip_until = -1
    for ent in ents:
        if ent.start < skip_until or _before_geography(ent):
            continue
        trimmed = _trim(ent)
        if trimmed is None:
            continue
        if trimmed.label_ == "ORG" and not trimmed.id_:
            joined = _of_state(trimmed, ents)
            if joined is not trimmed:
                kept.append(joined)
                skip_until = joined.end
                continue
        if trimmed.label_ == "ORG":
            trimmed = _extend_to_acronym(trimmed, taken - set(range(trimmed.start, trimmed.end)))
        trimmed = (_demonym_ending_a_name(trimmed, taken) or _state_starting_a_name(trimmed, taken)
                   or _demonym_body(trimmed, taken) or trimmed)
        if trimmed.label_ == "PERSON" and not trimmed.id_:
            trimmed = _name_cut_short(trimmed, taken)
        if trimmed.label_ == "ORG" and not trimmed.id_:
            if _PLURAL_ACRONYM.match(trimmed.text) or _is_title(trimmed):
                continue
        kept.append(trimmed)
    kept = _add_named_post_holders(doc, kept)
    merged: list[Span] = []
    for ent in kept:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.id_
            and prev.label_ in {"NORP", "GPE", "ORG"}
            and ent.label_ == "ORG"
            and not ent.id_
            and ent.start == prev.end
        ):
            merged[-1] = Span(doc, prev.start, ent.end, label="ORG")
            continue
        if (prev is not None and prev.label_ == "PERSON" and ent.label_ == "NORP" and ent.id_
                and len(ent) == 1 and ent.start == prev.end):  # "[Volker] [Turk]"
            merged[-1] = Span(doc, prev.start, ent.end, label="PERSON", span_id="")
            continue
        if (prev is not None and prev.id_.startswith("state:") and len(prev) == 1 and ent.label_ == "PERSON"
                and ent.start == prev.end and prev.start > 0 and doc[prev.start - 1].lower_ in post_nouns()):
            merged[-1] = Span(doc, prev.start, ent.end, label="PERSON", span_id="")  # "minister [Israel] [Katz]"
            continue
        merged.append(ent)
    doc.ents = _join_hyphenated_names(doc, merged)
    # A span made here from a gazetteer hit ("[Israel] Katz") must not keep the
    # hit's id on its tokens, where spaCy reads a span's id back from.
    for span in merged:
        if not span.id_:
            for tok in span:
                tok.ent_id_ = ""
    return doc
