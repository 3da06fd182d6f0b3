"""Who said what: quotations from a grammar of news English reporting.

A quotation is words a text attributes to a speaker by a cue (a reporting
verb of ``ontology/reporting_verbs.csv``, or "according to"). The forms
(docs/quotations.md):

- ``quotes.direct.v1`` (0.9): words inside quotation marks (“ ”, straight
  ", ‘ ’, « ») next to their cue: the cue after the closing mark with its
  subject ("“...,” she said", "“...,” said X", "“...” the agency wrote") or
  before the opening mark with nothing but its objects and adjuncts between
  ("X said: “...”", "X told reporters in Oslo that “...”"). Pieces that share
  one cue are one quotation ("“We will continue,” she said, “to help.”"),
  and a quotation may run over several sentences.
- ``quotes.continued.v1`` (0.8): a quoted sentence with no cue of its own
  right after a quotation's sentence, in its paragraph, continues its
  speaker's words ("“We are ready,” she said. “Our troops are in place.”").
- ``quotes.reported.v1`` (0.8): the clause a reporting verb reports ("X
  said (on Monday) (that) ...", "X told reporters ...", "..., he insisted",
  "..., officials said"), unless the verb is negated, a guess ("could
  say"), passive ("it was said") or asks a question ("asked whether").
  Quoted words inside the clause stay in it ("said it was “very
  worrying” that ...").
- ``quotes.according.v1`` (0.8): "according to X", the rest of its sentence.

Words in quotation marks with no cue are no quotation: scare quotes, a
title, a nickname ("the so-called “peace plan”"). The speaker is resolved by
``speakers.py``; an unnamed source gives a quotation without a speaker.
Each quotation carries the sentences it spans as evidence and the entities
its words mention (``about``).
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon import load_lexicon
from ..resolve.metonymy import offered_states
from ..types import AnalysedDocument, Membership, Quotation, Resolution
from .context import DocumentContext, SentenceView
from .lexicons import load_relation_lexicons
from .speakers import ReportingWords, Speakers, load_reporting_words, own_subject
from .speakers import subtree_of as subtree
from .syntax import Actor, subject, verb_lemma

OPENING = {"“": "”", "«": "»", '"': '"', "‘": "’"}
CLOSING = frozenset({"”", '"'})  # the closing marks of double quotes (a guillemet closes only its own)
MARKS = frozenset("“”«»\"‘’„")
DASHES = frozenset({"—", "–", "-", "--"})
SEPARATORS = frozenset({",", ":", "—", "–", "-", "--", "that"})  # between a cue and its quoted words
CLAUSAL = frozenset({"ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "csubj", "pcomp"})
GUESSES = frozenset({"would", "could", "might", "may", "should", "can", "'d"})
QUESTIONS = frozenset({"whether", "if", "how", "why", "what", "when", "where", "who", "which"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})  # tags of a finite verb: a clause, not a phrase
MAX_GAP = 30  # tokens between a closing mark and the cue after it ("“...,” X, who ..., said")
DIRECT, REPORTED, ACCORDING = "quotes.direct.v1", "quotes.reported.v1", "quotes.according.v1"
CONTINUED = "quotes.continued.v1"
CONFIDENCE = {DIRECT: 0.9, CONTINUED: 0.8, REPORTED: 0.8, ACCORDING: 0.8}


# ---------------------------------------------------------------- quotation marks


@dataclass(frozen=True)
class Marks:
    """A pair of quotation marks: the offsets of the opening and the closing mark."""

    open: int
    close: int


def _opens_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def _closes_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def quote_marks(text: str, start: int = 0, end: int | None = None) -> list[Marks]:
    """The pairs of quotation marks in ``text[start:end]`` (one paragraph), outermost only.

    Curly double quotes and guillemets pair by their shape; a straight double
    quote opens before a word and closes after one; a single curly quote
    opens at the start of a word and closes where no letter follows (an
    apostrophe, as in "Kyiv’s", has one). Single quotes inside double ones
    are part of the quoted words. A mark left open is no quotation.
    """
    end = len(text) if end is None else end
    out: list[Marks] = []
    double: tuple[int, str] | None = None
    single: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch == "\n" and i + 1 < end and text[i + 1] == "\n":
            double = single = None  # a paragraph ends what it opened
        elif double is not None:
            # Either shape closes either opening when it fits (“...", "...”: mixed typography).
            if (ch == double[1] or ch in CLOSING) and (ch != '"' or _closes_straight(text, i)):
                out.append(Marks(double[0], i))
                double = None
            elif ch in "“«" or (ch == '"' and _opens_straight(text, i) and not _closes_straight(text, i)):
                double = (i, OPENING[ch])  # the earlier mark was never closed
        elif ch in "“«" or (ch == '"' and _opens_straight(text, i)):
            double, single = (i, OPENING[ch]), None
        elif ch == "‘" and (i == 0 or not text[i - 1].isalnum()):
            single = i
        elif ch == "’" and single is not None and not text[i - 1].isspace() and (
                i + 1 >= len(text) or not text[i + 1].isalpha()):
            out.append(Marks(single, i))
            single = None
    return out


def _content(text: str, marks: Marks) -> tuple[int, int] | None:
    """The quoted words: inside the marks, without surrounding spaces or the comma before a cue."""
    start, end = marks.open + 1, marks.close
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return (start, end) if end > start else None


# ---------------------------------------------------------------- the document's tokens


class _Tokens:
    """The document's tokens in reading order, across sentences."""

    def __init__(self, ctx: DocumentContext) -> None:
        self.ctx = ctx
        self.stream = [(view.index, t.i) for view in ctx.sentences for t in view.tokens]
        self.starts = [ctx.sentences[si].tokens[ti].start for si, ti in self.stream]

    def at(self, char: int) -> int | None:
        """The stream index of the token that starts at or covers ``char``."""
        k = bisect_right(self.starts, char) - 1
        if k < 0:
            return None
        si, ti = self.stream[k]
        return k if self.ctx.sentences[si].tokens[ti].end > char else None

    def view(self, k: int) -> tuple[SentenceView, int]:
        si, ti = self.stream[k]
        return self.ctx.sentences[si], ti

    def text(self, k: int) -> str:
        view, ti = self.view(k)
        return view.tokens[ti].text


@dataclass(frozen=True)
class _Cue:
    view: SentenceView
    verb: int  # the reporting verb, or the first word of "according to"
    subject: int | None  # the token naming the speaker
    lemma: str | None = None  # the cue as written in ng:cue (the verb's lemma when None)
    size: int = 1  # tokens of the cue


@dataclass(frozen=True)
class _Draft:
    """A quotation before its speaker is known (speakers are read in text order)."""

    cue: _Cue
    spans: tuple[tuple[int, int], ...]
    text: str
    direct: bool
    extractor: str


# ---------------------------------------------------------------- extraction


class QuotationReader:
    """Reads the quotations of one document (see the module docstring)."""

    def __init__(self, ctx: DocumentContext, memberships: list[Membership], words: ReportingWords | None = None):
        self.ctx, self.words = ctx, words or load_reporting_words()
        self.text = ctx.document.text
        self.tokens = _Tokens(ctx)
        marks = [m for seg in ctx.document.segments for m in quote_marks(self.text, seg.start, seg.end)]
        self.contents = [(m, c) for m in marks if (c := _content(self.text, m)) is not None]
        self.speakers = Speakers(ctx, memberships, self.words.unnamed, self.words.local,
                                 [c for _, c in self.contents])
        self.cues: set[tuple[int, int]] = set()  # (sentence, verb) of every cue of quoted words

    def quoted(self, char: int) -> bool:
        return self.speakers.inside_quote(char)

    def is_reporting(self, view: SentenceView, i: int, uses: tuple[str, ...] = ("clause", "quote")) -> bool:
        tok = view.tokens[i]
        if tok.pos not in {"VERB", "AUX"}:
            return False
        return any(verb_lemma(view, i, self.words.verbs) in getattr(self.words, use) for use in uses)

    def read(self) -> list[Quotation]:
        drafts = self._direct() + self._reported() + self._according()
        drafts.sort(key=lambda d: (d.cue.view.index, d.cue.verb, d.spans[0]))
        out: list[Quotation] = []
        for d in drafts:
            out.append(self._quotation(d, self._speaker(d, out)))
        return sorted(out, key=lambda q: q.spans[0])

    def _speaker(self, d: _Draft, earlier: list[Quotation]) -> Actor | None:
        view, s = d.cue.view, d.cue.subject
        if s is None:
            return None
        if self.ctx.words.in_class(view.tokens[s].lemma, "statement") and not view.kids(s, "poss", "compound"):
            return self.speakers.issuer(view, s, earlier)
        return self.speakers.speaker(view, s)

    # ------------------------------------------------------------ direct quotations

    def _direct(self) -> list[_Draft]:
        groups: dict[tuple[int, int], tuple[_Cue, list[tuple[int, int]]]] = {}
        uncued: list[tuple[Marks, tuple[int, int]]] = []
        for marks, content in self.contents:
            cue = self._cue_after(marks) or self._cue_before(marks) or self._cue_above(content)
            if cue is None:
                uncued.append((marks, content))
                continue
            groups.setdefault((cue.view.index, cue.verb), (cue, []))[1].append(content)
        out = []
        for key, (cue, spans) in sorted(groups.items()):
            self.cues.add(key)
            spans.sort()
            out.append(_Draft(cue, tuple(spans), " ".join(self.text[s:e] for s, e in spans), True, DIRECT))
        return out + self._continued(out, uncued)

    def _continued(self, cued: list[_Draft], uncued: list[tuple[Marks, tuple[int, int]]]) -> list[_Draft]:
        """Quoted sentences right after a quotation's own sentence, in its paragraph, with no cue of
        their own, continue it: "“We are ready,” the minister said. “Our troops are in place.”" Words
        that are no whole sentence ("“Peace” is a word ...") or hold no verb continue nothing."""
        ends = {self._sentence_of(max(d.spans[-1][1] - 1, d.spans[-1][0]), d.cue.view.index): d for d in cued}
        out = []
        for marks, content in uncued:
            first, last = self.tokens.at(marks.open), self.tokens.at(marks.close)
            if first is None or last is None or not self._clause(marks):
                continue
            (view, i), (end_view, j) = self.tokens.view(first), self.tokens.view(last)
            rest = end_view.tokens[j + 1:]
            previous = ends.get(view.index - 1)
            if i != 0 or previous is None or any(t.pos != "PUNCT" for t in rest) \
                    or "\n" in self.text[self.ctx.sentences[view.index - 1].sentence.end:marks.open]:
                continue
            draft = _Draft(previous.cue, (content,), self.text[content[0]:content[1]], True, CONTINUED)
            out.append(draft)
            ends[end_view.index] = draft
        return out

    def _sentence_of(self, char: int, default: int) -> int:
        """The index of the sentence holding ``char``, the later of it and ``default``."""
        k = self.tokens.at(char)
        return max(self.tokens.view(k)[0].index, default) if k is not None else default

    def _cue_after(self, marks: Marks) -> _Cue | None:
        """"“...,” she said", "“...,” said X", "“...” X, who ..., told reporters": the cue and its
        subject right after the closing mark, with nothing between but the subject's own words."""
        k = self.tokens.at(marks.close)
        if k is None:
            return None
        k += 1
        for _ in range(2):
            if k < len(self.tokens.stream) and self.tokens.text(k) in {",", *DASHES}:
                k += 1
        if k >= len(self.tokens.stream) or "\n" in self.text[marks.close:self.tokens.starts[k]]:
            return None
        view, first = self.tokens.view(k)
        toks = view.tokens
        for v in range(first, min(len(toks), first + MAX_GAP)):
            if toks[v].text in MARKS:
                return None
            if not self.is_reporting(view, v):
                continue
            s = own_subject(view, v)
            if s is None and v == first:  # "“...,” read the statement": an inverted subject parsed as object
                s = next((c for c in view.kids(v, "dobj", "attr", "npadvmod") if c > v), None)
            if s is None:
                return None  # "“...,” adding ...": a participle that borrows a subject cues what follows it
            allowed = subtree(view, s) if s < v else set()
            for c in view.kids(v, "aux", "neg", "advmod", "npadvmod"):
                allowed |= subtree(view, c)
            if not all(b in allowed or toks[b].pos == "PUNCT" for b in range(first, v)):
                return None
            if any(toks[c].start > marks.close and not self.quoted(toks[c].start) for c in view.kids(v, "ccomp")):
                return None  # "“...” She said the talks ...": the verb reports a clause of its own
            return _Cue(view, v, s)
        return None

    def _cue_before(self, marks: Marks) -> _Cue | None:
        """"X said: “...”", "X told reporters in Oslo that “...”": a reporting verb before the opening
        mark, with only its objects and adjuncts and a colon, comma or "that" between."""
        k = self.tokens.at(marks.open)
        if k is None:
            return None
        k -= 1
        skipped: list[str] = []
        for _ in range(2):
            if k >= 0 and self.tokens.text(k).casefold() in SEPARATORS:
                skipped.append(self.tokens.text(k))
                k -= 1
        colon = ":" in skipped
        if k < 0 or (not skipped and not self._clause(marks)):
            return None  # "wrote “The Long Winter”": right after a verb, only a clause is a quotation
        gap = self.text[self.tokens.starts[k]:marks.open]
        if "\n\n" in gap or ("\n" in gap and not colon):
            return None
        view, cur = self.tokens.view(k)
        toks = view.tokens
        if toks[cur].pos == "PUNCT":
            return None  # "“...” the minister said. “...”": a sentence ended before the mark
        for _ in range(10):
            if self.is_reporting(view, cur):
                if view.kids(cur, "neg") or any(toks[c].start < marks.open and not self.quoted(toks[c].start)
                                                for c in view.kids(cur, "ccomp")):
                    return None  # the verb reports a clause of its own, not these quoted words
                return _Cue(view, cur, own_subject(view, cur) or subject(view, cur))
            tok = toks[cur]
            if tok.dep in CLAUSAL or (tok.pos in {"VERB", "AUX"} and tok.dep != "acl") or tok.head == cur:
                return None  # "said it was “...”": the quoted words sit in a clause of their own
            cur = tok.head
        return None

    def _clause(self, marks: Marks) -> bool:
        """Do the quoted words hold a finite verb (a statement, not a title or a name)?"""
        first, last = self.tokens.at(marks.open), self.tokens.at(marks.close)
        if first is None or last is None:
            return False
        return any(self.tokens.view(k)[0].tokens[self.tokens.view(k)[1]].tag in FINITE for k in range(first, last))

    def _cue_above(self, content: tuple[int, int]) -> _Cue | None:
        """Quoted words in the object or complement of a verb of naming or request: "called the
        drills “a punishment”", "what it called “separatist acts”", "urged all sides to exercise
        “restraint”". The way up from the words to the verb crosses no clause of its own."""
        k = self.tokens.at(content[0])
        if k is None:
            return None
        view, i = self.tokens.view(k)
        toks = view.tokens
        inside = {t.i for t in toks if content[0] <= t.start < content[1]}
        cur = i
        while toks[cur].head in inside and toks[cur].head != cur:
            cur = toks[cur].head
        for _ in range(10):
            h = toks[cur].head
            if h == cur:
                return None
            if toks[cur].dep in {"ccomp", "relcl", "advcl", "parataxis", "csubj", "conj"} and cur not in inside:
                return None
            cur = h
            if self.is_reporting(view, cur, ("frame",)) and not view.kids(cur, "neg"):
                return _Cue(view, cur, own_subject(view, cur) or subject(view, cur))
        return None

    # ------------------------------------------------------------ reported speech

    def _reported(self) -> list[_Draft]:
        out = []
        for view in self.ctx.sentences:
            for tok in view.tokens:
                v = tok.i
                if (view.index, v) in self.cues or self.quoted(tok.start) or not self.is_reporting(view, v, ("clause",)):
                    continue
                if _not_a_report(view, v):
                    continue
                found = self._reported_clause(view, v)
                if found is None:
                    continue
                (start, end), speaker = found
                if self._all_quoted(start, end):
                    continue  # the quoted words are the quotation, with this verb as cue
                out.append(_Draft(_Cue(view, v, speaker), ((start, end),), self.text[start:end], False, REPORTED))
        return out

    def _reported_clause(self, view: SentenceView, v: int) -> tuple[tuple[int, int], int | None] | None:
        """The clause verb ``v`` reports, as a character span, and the token naming its speaker.

        Its clausal complement ("X said (that) ..."; "says X, ..." with the
        speaker after the verb), or the clause it follows after a comma or
        dash ("Ukraine will counter, he insisted", "X met Y, officials said")."""
        toks = view.tokens
        comps = view.kids(v, "ccomp")
        own = own_subject(view, v)
        if comps and comps[0] > v:
            if _question(view, comps[0]):
                return None
            words = subtree(view, comps[0])
            speaker = own if own is not None else subject(view, v)
            inverted = self._inverted_speaker(view, v) if own is None else None
            if inverted is not None:  # "But, says X, whatever ..."
                speaker, comma = inverted
                words = {w for w in words if w > comma}
            span = self._span(view, words)
            return (span, speaker) if span else None
        if toks[v].dep == "relcl":
            return None  # "X, who has maintained ...": a relative clause reports nothing before it
        named = view.span_at(v - 1) if v > 1 else None
        if named is not None and named.start > 0 and toks[named.start - 1].text in {",", *DASHES}:
            own, left = named.end - 1, named.start  # "..., Ministry of Foreign Affairs said": the name is the subject
        elif own is None or comps and own > v:
            return None
        else:
            left = min(w for s in view.kids(v, "nsubj") for w in subtree(view, s)) if own < v else v
        if left == 0 or toks[left - 1].text not in {",", *DASHES}:
            return None  # a clause before its reporting verb ends at a comma or dash
        words = {w for w in subtree(view, comps[0]) if w < left} if comps else set(range(left - 1))
        if not any(toks[w].tag in FINITE for w in words):
            return None  # "In Brussels, X said": no clause before the verb
        span = self._span(view, words)
        return (span, own) if span else None

    def _inverted_speaker(self, view: SentenceView, v: int) -> tuple[int, int] | None:
        """"says X," after the verb: the token naming X and the comma after it."""
        toks = view.tokens
        last = None
        for j in range(v + 1, min(len(toks), v + 9)):
            if toks[j].text == ",":
                return (last, j) if last is not None else None
            if toks[j].pos in {"VERB", "AUX"} or toks[j].text in MARKS:
                return None
            if view.span_at(j) is not None or toks[j].pos in {"NOUN", "PROPN", "PRON"}:
                last = j
        return None

    def _span(self, view: SentenceView, words: set[int]) -> tuple[int, int] | None:
        """The character span of ``words`` without a leading "that" or punctuation at either end."""
        toks = view.tokens
        order = sorted(words)
        while order and (toks[order[0]].pos in {"PUNCT", "CCONJ"} and toks[order[0]].text not in MARKS
                         or (view.low(order[0]) == "that" and toks[order[0]].dep == "mark")):
            order.pop(0)
        while order and (toks[order[-1]].pos == "PUNCT" and toks[order[-1]].text not in MARKS
                         or toks[order[-1]].pos == "CCONJ"):
            order.pop()
        if len([w for w in order if toks[w].pos != "PUNCT"]) < 2:
            return None
        return toks[order[0]].start, toks[order[-1]].end

    def _all_quoted(self, start: int, end: int) -> bool:
        """Are the words of ``[start, end)`` all inside quotation marks?"""
        inside = [c for _, c in self.contents if c[0] < end and c[1] > start]
        covered = sum(min(e, end) - max(s, start) for s, e in inside)
        return bool(inside) and covered >= len(self.text[start:end].strip("“”\"‘’«» ,.")) - 2

    # ------------------------------------------------------------ according to

    def _according(self) -> list[_Draft]:
        out = []
        for view in self.ctx.sentences:
            toks, lows = view.tokens, view.lows
            for phrase in self.words.phrases:
                n, first = len(phrase), phrase[0]
                for i in range(len(toks) - n + 1):
                    if lows[i] != first or tuple(lows[i:i + n]) != phrase or self.quoted(toks[i].start):
                        continue
                    objects = view.kids(i + n - 1, "pobj")
                    if not objects:
                        continue
                    taken = subtree(view, i + n - 1) | set(range(i, i + n))
                    pieces = self._pieces(view, [w for w in range(len(toks)) if w not in taken])
                    if pieces:
                        cue = _Cue(view, i, objects[0], " ".join(phrase), n)
                        text = " ".join(self.text[s:e] for s, e in pieces)
                        out.append(_Draft(cue, tuple(pieces), text, False, ACCORDING))
        return out

    def _pieces(self, view: SentenceView, words: list[int]) -> list[tuple[int, int]]:
        """Runs of consecutive ``words`` as character spans, trimmed of punctuation at their ends."""
        runs: list[list[int]] = []
        for w in words:
            if runs and runs[-1][-1] == w - 1:
                runs[-1].append(w)
            else:
                runs.append([w])
        return [s for run in runs if (s := self._span(view, set(run))) is not None]

    # ------------------------------------------------------------ records

    def _quotation(self, d: _Draft, speaker: Actor | None) -> Quotation:
        view, toks, cue = d.cue.view, d.cue.view.tokens, d.cue
        lemma = cue.lemma or verb_lemma(view, cue.verb, self.words.verbs)
        cue_span = (toks[cue.verb].start, toks[cue.verb + cue.size - 1].end)
        confidence = CONFIDENCE[d.extractor] * (speaker.certainty if speaker else 1.0)
        sentences = {view.index}
        about: list[str] = []
        for other in self.ctx.sentences:
            s = other.sentence
            if any(s.start < e and s.end > b for b, e in d.spans):
                sentences.add(other.index)
                for sp in other.spans:
                    if any(b <= sp.char_start < e for b, e in d.spans) and sp.key not in about:
                        about.append(sp.key)
        provenance = tuple(self.ctx.provenance(self.ctx.sentences[i], d.extractor, confidence)
                           for i in sorted(sentences))
        return Quotation(
            speaker=speaker.key if speaker else None, text=d.text, spans=d.spans, cue=lemma, direct=d.direct,
            provenance=provenance, cue_span=cue_span, about=tuple(about), reported=self.ctx.date(view),
        )


def _not_a_report(view: SentenceView, v: int) -> bool:
    """Negated, guessed or passive speech reports nothing: "did not say", "could say", "was told"."""
    if view.kids(v, "neg", "auxpass", "nsubjpass"):
        return True
    return any(view.low(a) in GUESSES for a in view.kids(v, "aux"))


def _question(view: SentenceView, c: int) -> bool:
    """"asked whether ...", "told X how ...": an indirect question reports no statement."""
    words = sorted(subtree(view, c))
    return bool(words) and view.low(words[0]) in QUESTIONS


def extract_quotations(ad: AnalysedDocument, resolution: Resolution, memberships: Sequence[Membership],
                       ) -> tuple[list[Quotation], Resolution]:
    """The quotations of one analysed document, in text order, and the resolution with the states
    that speak only through their capital ("it said", of a capital) added.

    ``memberships`` are the document's roles, which tell who holds a post a speaker is named by.
    """
    lexicon = load_lexicon()
    offered, located = offered_states(resolution, lexicon)
    entities = {**offered, **{e.key: e for e in resolution.entities}}
    ctx = DocumentContext(ad, resolution, entities, lexicon, load_relation_lexicons())
    ctx.located = located
    ctx.set_holders(memberships)
    quotations = QuotationReader(ctx, list(memberships)).read()
    known = {e.key for e in resolution.entities}
    extra = sorted({q.speaker for q in quotations if q.speaker is not None and q.speaker not in known})
    if extra:
        added = (*resolution.entities, *(offered[k] for k in extra if k in offered))
        resolution = Resolution(tuple(sorted(added, key=lambda e: e.key)), resolution.mentions)
    return quotations, resolution
