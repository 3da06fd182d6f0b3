"""Run spaCy over documents and return plain records.

This is the only place where spaCy ``Doc`` objects exist: every segment of
every document goes through one ``nlp.pipe`` stream (batched across
documents), and what comes out is ``AnalysedDocument`` records — sentences
with their tokens and dependency arcs, and entity mentions — with offsets
into ``Document.text``. Those records pickle in kilobytes, so later stages
(and other processes) never need the model.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from sys import intern

from spacy.language import Language
from spacy.tokens import Doc

from ..types import AnalysedDocument, Document, Mention, Segment, Sentence, Token
from .consistency import spread_acronyms
from .model import load_pipeline, model_label

#: spaCy labels that can name a person, organisation, state or place.
KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def analyse_documents(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    nlp: Language | None = None,
    batch_size: int = 64,
    progress: Callable[[Document], None] | None = None,
) -> Iterator[AnalysedDocument]:
    """Analyse documents lazily, in order; one AnalysedDocument per Document."""
    nlp = nlp or load_pipeline(model)
    label = model_label(nlp)
    pending: list[tuple[Document, list[Segment]]] = []  # documents whose pieces are in flight
    all_seams: dict[int, dict[int, tuple[int, ...]]] = {}  # document index -> merged segment -> seams

    def feed() -> Iterator[tuple[str | Doc, tuple[int, int]]]:
        for document in documents:
            pieces, seams = group_tiny_segments(split_long_segments(document), document.text)
            pending.append((document, pieces))
            if seams:
                all_seams[len(pending) - 1] = seams
            for seg_index, seg in enumerate(pieces):
                # A hard-wrapped line break inside a paragraph must not split a name
                # ("Antony\nBlinken"); a space has the same length, so offsets hold.
                text = document.text[seg.start : seg.end].replace("\n", " ")
                if seg_index in seams:
                    text = _with_sentence_starts(nlp.make_doc(text), seg.start, seams[seg_index])
                yield text, (len(pending) - 1, seg_index)

    # Each parsed piece becomes records at once and its spaCy Doc (tensors and
    # all, ~1 KB a token) is let go: a huge document never holds its Docs.
    partial: dict[int, tuple[list[Sentence], list[Mention], list[int]]] = {}
    emitted = 0

    def finished(index: int) -> bool:
        got = partial.get(index)
        return len(pending[index][1]) == (got[2][0] if got else 0)

    def emit(index: int) -> AnalysedDocument:
        document, _ = pending[index]
        sentences, mentions, _ = partial.pop(index, ([], [], [0]))
        pending[index] = (document, [])  # its pieces are done with
        all_seams.pop(index, None)
        if progress is not None:
            progress(document)
        return AnalysedDocument(document=document, sentences=tuple(sentences),
                                mentions=spread_acronyms(document.text, sentences, mentions), model=label)

    for doc, (doc_index, seg_index) in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size):
        document, pieces = pending[doc_index]
        sentences, mentions, count = partial.setdefault(doc_index, ([], [], [0]))
        _add_piece(doc, document, pieces[seg_index], all_seams.get(doc_index, {}).get(seg_index), sentences, mentions)
        count[0] += 1
        del doc
        # Emit every finished document at the head of the queue, in order.
        while emitted < len(pending) and finished(emitted):
            yield emit(emitted)
            emitted += 1
    while emitted < len(pending):  # documents with no segments at all
        yield emit(emitted)
        emitted += 1


#: The longest stretch handed to spaCy at once. A paragraph longer than this
#: (a text with no paragraph breaks, a hostile file) is cut at whitespace,
#: preferably after a full stop, so memory stays bounded and spaCy's own
#: length limit is never reached. spaCy parses ``batch_size`` pieces at once:
#: 64 pieces of 20,000 characters peaked at 1.5 GB for a 0.5 MB one-line
#: text; at 3,000 a batch costs about what a batch of long paragraphs does.
MAX_PIECE = 3_000


def split_long_segments(document: Document, limit: int = MAX_PIECE) -> list[Segment]:
    pieces: list[Segment] = []
    for seg in document.segments:
        start = seg.start
        while seg.end - start > limit:
            window = document.text[start : start + limit]
            # After the last full stop or line break; else the last space; else hard.
            cut = max(window.rfind(". ") + 2, window.rfind("\n") + 1)
            if cut < limit // 2:
                cut = window.rfind(" ") + 1 or limit
            cut += start
            pieces.append(Segment(start, cut, seg.post, seg.kind))
            start = cut
        pieces.append(Segment(start, seg.end, seg.post, seg.kind))
    return pieces


#: A document with more segments than this (200,000 one-character lines) has
#: its runs of short body segments analysed together, up to GROUP_CHARS at a
#: time, each still its own sentence: one spaCy call per segment would cost
#: far more per word than a normal text.
MANY_SEGMENTS = 2_000
GROUP_CHARS = 2_000


def group_tiny_segments(pieces: list[Segment], text: str) -> tuple[list[Segment], dict[int, tuple[int, ...]]]:
    """``pieces``, with runs of body segments of one post merged when there are
    very many; and for each merged one, where its original segments start.
    Only segments with nothing but whitespace between them are merged, so
    nothing ingest left out (a byline, an appeal) is read."""
    if len(pieces) <= MANY_SEGMENTS:
        return pieces, {}
    grouped: list[Segment] = []
    seams: dict[int, tuple[int, ...]] = {}
    run: list[Segment] = []

    def close() -> None:
        if len(run) == 1:
            grouped.append(run[0])
        elif run:
            seams[len(grouped)] = tuple(seg.start for seg in run)
            grouped.append(Segment(run[0].start, run[-1].end, run[0].post, run[0].kind))
        run.clear()

    for seg in pieces:
        if seg.kind != "body" or seg.end - seg.start > GROUP_CHARS:
            close()
            grouped.append(seg)
            continue
        if run and (seg.post != run[0].post or seg.end - run[0].start > GROUP_CHARS
                    or text[run[-1].end : seg.start].strip()):
            close()
        run.append(seg)
    close()
    return grouped, seams


def _with_sentence_starts(doc: Doc, base: int, starts: tuple[int, ...]) -> Doc:
    """``doc`` with a sentence starting at each original segment (the parser keeps preset starts)."""
    at = {start - base for start in starts}
    for token in doc:
        if token.idx in at:
            token.is_sent_start = True
    return doc


def _crosses(start: int, end: int, seams: tuple[int, ...]) -> bool:
    return any(start < seam < end for seam in seams)


def _add_piece(doc: Doc, document: Document, seg: Segment, seams: tuple[int, ...] | None,
               sentences: list[Sentence], mentions: list[Mention]) -> None:
    """The records of one parsed piece, appended (pieces arrive in order)."""
    where = ("ner-titlecase" if _title_case(doc) else "ner-headline") if seg.kind == "headline" else "ner"
    first = len(mentions)
    _collect(doc, document.text, seg.start, seg.post, sentences, mentions, where)
    if seams:  # no name runs from one original segment into the next
        mentions[first:] = [m for m in mentions[first:] if not _crosses(m.start, m.end, seams)]


def _title_case(doc: Doc) -> bool:
    """A Title Case Headline, where capitals no longer tell names from words."""
    words = [t for t in doc if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.7 * len(words)


def _collect(doc: Doc, text: str, base: int, post: int | None, sentences: list[Sentence],
             mentions: list[Mention], ner_source: str = "ner") -> None:
    first = len(sentences)
    starts: dict[int, int] = {}
    for sent in doc.sents:
        starts[sent.start] = len(sentences)
        tokens = tuple(
            Token(
                i=tok.i - sent.start,
                start=base + tok.idx,
                end=base + tok.idx + len(tok.text),
                text=text[base + tok.idx : base + tok.idx + len(tok.text)],
                # spaCy hands out a new str per call; interned, a big text's
                # millions of tokens share one copy of each label and lemma.
                lemma=intern(tok.lemma_),
                pos=intern(tok.pos_),
                tag=intern(tok.tag_),
                dep=intern(tok.dep_),
                head=tok.head.i - sent.start,
                ent_iob=intern(tok.ent_iob_ or "O"),
                ent_label=intern(tok.ent_type_),
            )
            for tok in sent
        )
        sentences.append(
            Sentence(start=base + sent.start_char, end=base + sent.end_char,
                     text=text[base + sent.start_char : base + sent.end_char], post=post, tokens=tokens)
        )
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        mentions.append(
            Mention(
                start=base + ent.start_char,
                end=base + ent.end_char,
                text=text[base + ent.start_char : base + ent.end_char],
                label=ent.label_,
                sentence=starts.get(ent.sent.start, first),
                post=post,
                hint=ent.id_ or None,
                source="ruler" if ent.id_ else ner_source,
            )
        )
