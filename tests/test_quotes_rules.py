"""The quotation rules on hand-built parses of sentences written for these tests.

No statistical model: each sentence comes with its parse (tests/handparse.py's
table format, several sentences per document: see test_quotes_handparse.py),
so a failure points at the rule, not at the parser. The forms are those of
news English reporting (docs/quotations.md): quoted words beside their cue,
split by it, over two sentences; a reported clause with and without "that",
before its verb; "according to"; speakers named by a name, a pronoun, a title
or a body, and none for an unnamed source; quotation marks that quote no one.
"""
from __future__ import annotations

from test_quotes_handparse import PARAGRAPH, quotations

from newsgraph.types import Membership, Provenance

TABLE0 = """
    “                    PUNCT:``   punct      8
    +We                  PRON       nsubj      4
    will                 AUX        aux        4
    stay                 VERB:VB    ccomp      8
    +,                   PUNCT:,    punct      8
    +”                   PUNCT:''   punct      8
    Kowal                PROPN      nsubj      8
    said|say             VERB       ROOT       0
    +.                   PUNCT      punct      8
"""

TABLE1 = """
    “                    PUNCT:``   punct      7
    +We                  PRON       nsubj      4
    will                 AUX        aux        4
    stay                 VERB:VB    ccomp      7
    +,                   PUNCT:,    punct      7
    +”                   PUNCT:''   punct      7
    said|say             VERB       ROOT       0
    Kowal                PROPN      nsubj      7
    +.                   PUNCT      punct      7
"""

TABLE2 = """
    Kowal                PROPN      nsubj      2
    said|say             VERB       ROOT       0
    +:                   PUNCT::    punct      2
    “                    PUNCT:``   punct      2
    +We                  PRON       nsubj      7
    will                 AUX        aux        7
    stay                 VERB:VB    ccomp      2
    +.                   PUNCT      punct      2
    +”                   PUNCT:''   punct      2
"""

TABLE3 = """
    Foreign              PROPN      compound   2
    Minister             PROPN      compound   4
    Anna                 PROPN      compound   4
    Berg                 PROPN      nsubj      5
    visited|visit        VERB       ROOT       0
    Oslo                 PROPN      dobj       5
    +.                   PUNCT      punct      5
"""

TABLE4 = """
    “                    PUNCT:``   punct      8
    +We                  PRON       nsubj      4
    will                 AUX        aux        4
    continue             VERB:VB    ccomp      8
    +,                   PUNCT:,    punct      8
    +”                   PUNCT:''   punct      8
    she                  PRON       nsubj      8
    said|say             VERB       ROOT       0
    +,                   PUNCT:,    punct      8
    “                    PUNCT:``   punct      8
    +to                  PART       aux        12
    support              VERB:VB    xcomp      8
    our                  PRON:PRP$  poss       14
    partners|partner     NOUN:NNS   dobj       12
    +.                   PUNCT      punct      8
    +”                   PUNCT:''   punct      8
"""

TABLE5 = """
    “                    PUNCT:``   punct      4
    +The                 DET        det        3
    talks|talk           NOUN:NNS   nsubj      4
    were|be              AUX:VBD    ROOT       0
    useful               ADJ        acomp      4
    +.                   PUNCT      punct      4
"""

TABLE6 = """
    Nothing              PRON:NN    nsubjpass  3
    was|be               AUX:VBD    auxpass    3
    agreed|agree         VERB:VBN   ccomp      7
    +,                   PUNCT:,    punct      7
    +”                   PUNCT:''   punct      7
    Berg                 PROPN      nsubj      7
    told|tell            VERB       ROOT       0
    reporters|reporter   NOUN:NNS   dobj       7
    +.                   PUNCT      punct      7
"""

TABLE7 = """
    Kowal                PROPN      nsubj      2
    said|say             VERB       ROOT       0
    on                   ADP        prep       2
    Monday               PROPN      pobj       3
    that                 SCONJ      mark       9
    the                  DET        det        7
    border               NOUN       nsubj      9
    would                AUX        aux        9
    stay                 VERB:VB    ccomp      2
    closed               ADJ        acomp      9
    +.                   PUNCT      punct      2
"""

TABLE8 = """
    Kowal                PROPN      nsubj      2
    told|tell            VERB       ROOT       0
    reporters|reporter   NOUN:NNS   dobj       2
    the                  DET        det        5
    border               NOUN       nsubj      7
    would                AUX        aux        7
    stay                 VERB:VB    ccomp      2
    closed               ADJ        acomp      7
    +.                   PUNCT      punct      2
"""

TABLE9 = """
    Berg                 PROPN      nsubj      2
    met|meet             VERB       ROOT       0
    the                  DET        det        4
    envoy                NOUN       dobj       2
    +.                   PUNCT      punct      2
"""

TABLE10 = """
    Norway               PROPN      nsubj      4
    will                 AUX        aux        4
    not                  PART:RB    neg        4
    back                 VERB:VB    ccomp      8
    down                 ADP:RP     prt        4
    +,                   PUNCT:,    punct      8
    she                  PRON       nsubj      8
    insisted|insist      VERB       ROOT       0
    +.                   PUNCT      punct      8
"""

TABLE11 = """
    According|accord     VERB:VBG   prep       9
    to                   ADP        prep       1
    the                  DET        det        4
    Kremlin              PROPN      pobj       2
    +,                   PUNCT:,    punct      9
    the                  DET        det        7
    meeting              NOUN       nsubjpass  9
    was|be               AUX:VBD    auxpass    9
    cancelled|cancel     VERB:VBN   ROOT       0
    +.                   PUNCT      punct      9
"""

TABLE12 = """
    The                  DET        det        2
    meeting              NOUN       nsubjpass  4
    was|be               AUX:VBD    auxpass    4
    cancelled|cancel     VERB:VBN   ROOT       0
    +,                   PUNCT:,    punct      4
    according|accord     VERB:VBG   prep       4
    to                   ADP        prep       6
    the                  DET        det        9
    Kremlin              PROPN      pobj       7
    +.                   PUNCT      punct      4
"""

TABLE13 = """
    Poland               PROPN      nsubj      2
    summoned|summon      VERB       ROOT       0
    the                  DET        det        4
    envoy                NOUN       dobj       2
    +.                   PUNCT      punct      2
"""

TABLE14 = """
    It                   PRON       nsubj      2
    said|say             VERB       ROOT       0
    the                  DET        det        4
    talks|talk           NOUN:NNS   nsubj      5
    were|be              AUX:VBD    ccomp      2
    over                 ADV        advmod     5
    +.                   PUNCT      punct      2
"""

TABLE15 = """
    The                  DET        det        3
    interior             ADJ        amod       3
    minister             NOUN       nsubj      4
    said|say             VERB       ROOT       0
    the                  DET        det        6
    border               NOUN       nsubj      8
    would                AUX        aux        8
    stay                 VERB:VB    ccomp      4
    closed               ADJ        acomp      8
    +.                   PUNCT      punct      4
"""

TABLE16 = """
    Officials|official   NOUN:NNS   nsubj      2
    said|say             VERB       ROOT       0
    the                  DET        det        4
    border               NOUN       nsubj      6
    would                AUX        aux        6
    stay                 VERB:VB    ccomp      2
    closed               ADJ        acomp      6
    +.                   PUNCT      punct      2
"""

TABLE17 = """
    A                    DET        det        4
    senior               ADJ        amod       4
    Ukrainian            ADJ        amod       4
    official             NOUN       nsubj      5
    told|tell            VERB       ROOT       0
    reporters|reporter   NOUN:NNS   dobj       5
    that                 SCONJ      mark       10
    the                  DET        det        9
    talks|talk           NOUN:NNS   nsubj      10
    were|be              AUX:VBD    ccomp      5
    over                 ADV        advmod     10
    +.                   PUNCT      punct      5
"""

TABLE18 = """
    The                  DET        det        7
    so                   ADV        advmod     4
    +-                   PUNCT:HYPH punct      4
    +called|call         VERB:VBN   amod       7
    “                    PUNCT:``   punct      7
    +peace               NOUN       compound   7
    plan                 NOUN       nsubjpass  10
    +”                   PUNCT:''   punct      7
    was|be               AUX:VBD    auxpass    10
    rejected|reject      VERB:VBN   ROOT       0
    by                   ADP        agent      10
    Kyiv                 PROPN      pobj       11
    +.                   PUNCT      punct      10
"""

TABLE19 = """
    Kowal                PROPN      nsubj      2
    wrote|write          VERB       ROOT       0
    “                    PUNCT:``   punct      2
    +The                 DET        det        6
    Long                 PROPN      compound   6
    Winter               PROPN      dobj       2
    +”                   PUNCT:''   punct      2
    in                   ADP        prep       2
    2010                 NUM        pobj       8
    +.                   PUNCT      punct      2
"""

TABLE20 = """
    Kowal                PROPN      nsubj      2
    called|call          VERB       ROOT       0
    the                  DET        det        4
    plan                 NOUN       dobj       2
    a                    DET        det        7
    “                    PUNCT:``   punct      7
    +disaster            NOUN       oprd       2
    +”                   PUNCT:''   punct      7
    +.                   PUNCT      punct      2
"""

TABLE21 = """
    Kowal                PROPN      nsubj      4
    did|do               AUX:VBD    aux        4
    not                  PART:RB    neg        4
    say                  VERB:VB    ROOT       0
    the                  DET        det        6
    border               NOUN       nsubj      8
    would                AUX        aux        8
    close                VERB:VB    ccomp      4
    +.                   PUNCT      punct      4
"""

TABLE22 = """
    Kowal                PROPN      nsubj      2
    asked|ask            VERB       ROOT       0
    whether              SCONJ      mark       7
    the                  DET        det        5
    border               NOUN       nsubj      7
    would                AUX        aux        7
    close                VERB:VB    ccomp      2
    +.                   PUNCT      punct      2
"""

TABLE23 = """
    “                    PUNCT:``   punct      3
    +Never               ADV        neg        3
    again                ADV        ROOT       0
    +.                   PUNCT      punct      3
    +”                   PUNCT:''   punct      3
"""

TABLE24 = """
    The                  DET        det        2
    crowd                NOUN       nsubj      3
    fell|fall            VERB       ROOT       0
    silent               ADJ        acomp      3
    +.                   PUNCT      punct      3
"""

TABLE25 = """
    Kowal                PROPN      nsubj      2
    said|say             VERB       ROOT       0
    the                  DET        det        4
    plan                 NOUN       nsubj      5
    was|be               AUX:VBD    ccomp      2
    “                    PUNCT:``   punct      7
    +reckless            ADJ        acomp      5
    +”                   PUNCT:''   punct      5
    and                  CCONJ      cc         5
    would                AUX        aux        11
    fail                 VERB:VB    conj       5
    +.                   PUNCT      punct      2
"""

TABLE26 = """
    Berg                 PROPN      nsubj      2
    visited|visit        VERB       ROOT       0
    Oslo                 PROPN      dobj       2
    +.                   PUNCT      punct      2
"""

TABLE27 = """
    “                    PUNCT:``   punct      3
    +We                  PRON       nsubj      3
    met|meet             VERB       ccomp      8
    Nowak                PROPN      dobj       3
    +,                   PUNCT:,    punct      8
    +”                   PUNCT:''   punct      8
    she                  PRON       nsubj      8
    said|say             VERB       ROOT       0
    +.                   PUNCT      punct      8
"""

TABLE28 = """
    Kowal                PROPN      nsubj      4
    and                  CCONJ      cc         1
    Nowak                PROPN      conj       1
    said|say             VERB       ROOT       0
    the                  DET        det        6
    talks|talk           NOUN:NNS   nsubj      7
    failed|fail          VERB       ccomp      4
    +.                   PUNCT      punct      4
"""

TABLE29 = """
    Poland               PROPN      poss       5
    +'s                  PART:POS   case       1
    Internal             PROPN      compound   4
    Security             PROPN      compound   5
    Agency               PROPN      nsubj      6
    arrested|arrest      VERB       ROOT       0
    two                  NUM        nummod     8
    men|man              NOUN:NNS   dobj       6
    +.                   PUNCT      punct      6
"""

TABLE30 = """
    The                  DET        det        2
    agency               NOUN       nsubj      3
    said|say             VERB       ROOT       0
    the                  DET        det        5
    men|man              NOUN:NNS   nsubj      6
    worked|work          VERB       ccomp      3
    for                  ADP        prep       6
    Russia               PROPN      pobj       7
    +.                   PUNCT      punct      3
"""

TABLE31 = """
    NATO                 PROPN      nsubj      2
    issued|issue         VERB       ROOT       0
    a                    DET        det        4
    statement            NOUN       dobj       2
    on                   ADP        prep       2
    Monday               PROPN      pobj       5
    +.                   PUNCT      punct      2
"""

TABLE32 = """
    “                    PUNCT:``   punct      10
    +We                  PRON       nsubj      3
    stand                VERB:VBP   ccomp      10
    with                 ADP        prep       3
    Kyiv                 PROPN      pobj       4
    +,                   PUNCT:,    punct      10
    +”                   PUNCT:''   punct      10
    the                  DET        det        9
    statement            NOUN       nsubj      10
    read                 VERB       ROOT       0
    +.                   PUNCT      punct      10
"""

TABLE33 = """
    Kowal                PROPN      nsubj      2
    said|say             VERB       ROOT       0
    Russia               PROPN      nsubj      4
    attacked|attack      VERB       ccomp      2
    Ukraine              PROPN      dobj       4
    +.                   PUNCT      punct      2
"""

TABLE34 = """
    Russia               PROPN      nsubj      2
    attacked|attack      VERB       ROOT       0
    Ukraine              PROPN      dobj       2
    +,                   PUNCT:,    punct      2
    and                  CCONJ      cc         2
    Kowal                PROPN      nsubj      7
    said|say             VERB       conj       2
    the                  DET        det        9
    talks|talk           NOUN:NNS   nsubj      10
    failed|fail          VERB       ccomp      7
    +.                   PUNCT      punct      7
"""

TABLE35 = """
    “                    PUNCT:``   punct      13
    +Our                 PRON:PRP$  poss       4
    defence              NOUN       compound   4
    minister             NOUN       compound   6
    Jan                  PROPN      compound   6
    Nowak                PROPN      nsubj      7
    is|be                AUX:VBZ    ccomp      13
    in                   ADP        prep       7
    Kyiv                 PROPN      pobj       8
    +,                   PUNCT:,    punct      13
    +”                   PUNCT:''   punct      13
    Kowal                PROPN      nsubj      13
    said|say             VERB       ROOT       0
    +.                   PUNCT      punct      13
"""

TABLE36 = """
    Kowal                PROPN      nsubj      2
    said|say             VERB       ROOT       0
    “                    PUNCT:``   punct      2
    +we                  PRON       nsubj      6
    will                 AUX        aux        6
    stay                 VERB:VB    ccomp      2
    +.                   PUNCT      punct      2
    +”                   PUNCT:''   punct      2
"""

RELATIVE_CLAUSE = """
    Kowal                PROPN      nsubj      12
    +,                   PUNCT:,    punct      1
    who                  PRON:WP    nsubj      4
    said|say             VERB       relcl      1
    last                 ADJ        amod       6
    week                 NOUN       npadvmod   4
    that                 SCONJ      mark       9
    talks|talk           NOUN:NNS   nsubj      9
    were|be              AUX:VBD    ccomp      4
    over                 ADV        advmod     9
    +,                   PUNCT:,    punct      1
    arrived|arrive       VERB       ROOT       0
    in                   ADP        prep       12
    Oslo                 PROPN      pobj       13
    +.                   PUNCT      punct      12
"""

READY = """
    “                    PUNCT:``   punct      9
    +We                  PRON       nsubj      3
    are|be               AUX:VBP    ccomp      9
    ready                ADJ        acomp      3
    +,                   PUNCT:,    punct      9
    +”                   PUNCT:''   punct      9
    the                  DET        det        8
    minister             NOUN       nsubj      9
    said|say             VERB       ROOT       0
    +.                   PUNCT      punct      9
"""

IN_PLACE = """
    “                    PUNCT:``   punct      4
    +Our                 PRON:PRP$  poss       3
    troops|troop         NOUN:NNS   nsubj      4
    are|be               AUX:VBP    ROOT       0
    in                   ADP        prep       4
    place                NOUN       pobj       5
    +.                   PUNCT      punct      4
    +”                   PUNCT:''   punct      4
"""

REPORTERS_LEFT = """
    Reporters|reporter   NOUN:NNS   nsubj      2
    left|leave           VERB       ROOT       0
    +.                   PUNCT      punct      2
"""

READY_KOWAL = """
    “                    PUNCT:``   punct      8
    +We                  PRON       nsubj      3
    are|be               AUX:VBP    ccomp      8
    ready                ADJ        acomp      3
    +,                   PUNCT:,    punct      8
    +”                   PUNCT:''   punct      8
    Kowal                PROPN      nsubj      8
    said|say             VERB       ROOT       0
    +.                   PUNCT      punct      8
"""

PEACE_IS_A_WORD = """
    “                    PUNCT:``   punct      4
    +Peace               NOUN       nsubj      4
    +”                   PUNCT:''   punct      2
    is|be                AUX:VBZ    ROOT       0
    a                    DET        det        6
    word                 NOUN       attr       4
    often                ADV        advmod     8
    heard|hear           VERB:VBN   acl        6
    +.                   PUNCT      punct      4
"""

KOWAL, NOWAK, BERG = "person/jan-kowal", "person/jan-nowak", "person/anna-berg"
POL, NOR, UKR, RUS = "state/POL", "state/NOR", "state/UKR", "state/RUS"
PEOPLE = {"Kowal": KOWAL, "Nowak": NOWAK, "Jan Nowak": NOWAK, "Anna Berg": BERG, "Berg": BERG}


def one(found):
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- quoted words


def test_quoted_words_before_their_cue_are_one_direct_quotation_of_the_cues_subject():
    q = one(quotations([TABLE0], PEOPLE))
    assert (q.speaker, q.text, q.direct, q.cue) == (KOWAL, "We will stay", True, "say")
    assert q.provenance[0].extractor == "quotes.direct.v1"


def test_an_inverted_cue_after_the_quoted_words_names_its_speaker_after_the_verb():
    q = one(quotations([TABLE1], PEOPLE))
    assert (q.speaker, q.text, q.direct) == (KOWAL, "We will stay", True)


def test_a_cue_before_a_colon_introduces_the_quoted_words():
    q = one(quotations([TABLE2], PEOPLE))
    assert (q.speaker, q.text, q.direct, q.cue) == (KOWAL, "We will stay.", True, "say")


def test_quoted_words_split_by_their_cue_are_one_quotation_of_the_person_the_pronoun_refers_to():
    found = quotations([TABLE3, TABLE4], PEOPLE)
    q = one(found)
    assert q.speaker == BERG and q.direct
    assert q.text == "We will continue to support our partners."
    assert len(q.spans) == 2 and q.cue == "say"


def test_a_quotation_may_run_over_two_sentences_and_cites_both_as_evidence():
    q = one(quotations([TABLE5, TABLE6], PEOPLE))
    assert (q.speaker, q.cue) == (BERG, "tell")
    assert q.text == "The talks were useful. Nothing was agreed"
    assert len(q.provenance) == 2


def test_the_content_and_cue_spans_cut_the_words_and_the_verb_out_of_the_text():
    from test_quotes_handparse import document
    from newsgraph.relations.quotes import extract_quotations

    ad, resolution = document([TABLE3, TABLE4], PEOPLE)
    (q,), _ = extract_quotations(ad, resolution, ())
    text = ad.document.text
    assert [text[s:e] for s, e in q.spans] == ["We will continue", "to support our partners."]
    assert text[q.cue_span[0]:q.cue_span[1]] == "said"
    assert q.reported is not None and q.about == ()


# ---------------------------------------------------------------- reported speech


def test_a_reported_clause_after_that_is_reported_speech_without_the_that():
    q = one(quotations([TABLE7], PEOPLE))
    assert (q.speaker, q.text, q.direct, q.cue) == (KOWAL, "the border would stay closed", False, "say")
    assert q.provenance[0].extractor == "quotes.reported.v1"


def test_a_reported_clause_without_that_after_an_object_of_tell():
    q = one(quotations([TABLE8], PEOPLE))
    assert (q.speaker, q.text, q.cue) == (KOWAL, "the border would stay closed", "tell")


def test_a_clause_before_its_reporting_verb_is_reported_and_the_pronoun_speaker_resolved():
    q = one(quotations([TABLE9, TABLE10], {**PEOPLE, "Norway": NOR}))
    assert (q.speaker, q.text, q.direct, q.cue) == (BERG, "Norway will not back down", False, "insist")
    assert q.about == (NOR,)


def test_according_to_attributes_the_rest_of_its_sentence_to_its_object():
    kremlin = {"Kremlin": "org/kremlin"}
    for table in (TABLE11, TABLE12):
        q = one(quotations([table], kremlin))
        assert (q.speaker, q.text, q.direct, q.cue) == ("org/kremlin", "the meeting was cancelled"
                                                        if table is TABLE11 else "The meeting was cancelled",
                                                        False, "according to")
        assert q.provenance[0].extractor == "quotes.according.v1"


# ---------------------------------------------------------------- speakers


def test_it_said_is_the_organisation_or_state_last_the_subject():
    q = one(quotations([TABLE13, TABLE14], {"Poland": POL}))
    assert (q.speaker, q.text) == (POL, "the talks were over")


def test_a_title_speaks_for_the_one_person_the_documents_roles_give_that_post():
    holder = Membership(KOWAL, "interior minister", POL)
    q = one(quotations([TABLE15], PEOPLE, [holder]))
    assert q.speaker == KOWAL
    others = [holder, Membership(NOWAK, "interior minister", "state/CZE")]
    assert one(quotations([TABLE15], PEOPLE, others)).speaker is None  # two holders: no guess
    assert one(quotations([TABLE15], PEOPLE)).speaker is None  # no holder: nobody


def test_unnamed_sources_are_kept_without_a_speaker_whatever_modifies_them():
    q = one(quotations([TABLE16]))
    assert (q.speaker, q.text) == (None, "the border would stay closed")
    q = one(quotations([TABLE17], {"Ukrainian": UKR}))
    assert (q.speaker, q.text, q.cue) == (None, "the talks were over", "tell")


def test_a_pronoun_speaker_is_never_a_name_inside_the_quoted_words():
    q = one(quotations([TABLE26, TABLE27], PEOPLE))
    assert (q.speaker, q.text) == (BERG, "We met Nowak")
    assert q.about == (NOWAK,)


def test_two_speakers_of_one_clause_give_no_single_speaker():
    q = one(quotations([TABLE28], PEOPLE))
    assert (q.speaker, q.text) == (None, "the talks failed")


def test_the_agency_speaks_for_the_organisation_whose_name_it_ends():
    agency = {"Poland": POL, "Internal Security Agency": "org/internal-security-agency", "Russia": RUS}
    q = one(quotations([TABLE29, TABLE30], agency))
    assert (q.speaker, q.text) == ("org/internal-security-agency", "the men worked for Russia")


def test_the_statement_speaks_for_whoever_issued_it():
    q = one(quotations([TABLE31, TABLE32], {"NATO": "org/nato", "Kyiv": "place/kyiv"}))
    assert (q.speaker, q.text, q.direct, q.cue) == ("org/nato", "We stand with Kyiv", True, "read")


# ---------------------------------------------------------------- no quotation


def test_scare_quotes_and_a_title_in_quotation_marks_quote_no_one():
    assert quotations([TABLE18], {"Kyiv": UKR}) == []
    assert quotations([TABLE19], PEOPLE) == []
    assert quotations([TABLE23, TABLE24]) == []


def test_words_a_naming_verb_puts_in_quotation_marks_are_its_subjects():
    q = one(quotations([TABLE20], PEOPLE))
    assert (q.speaker, q.text, q.direct, q.cue) == (KOWAL, "disaster", True, "call")


def test_right_after_its_verb_a_quoted_clause_is_a_quotation_and_a_quoted_title_is_none():
    q = one(quotations([TABLE36], PEOPLE))
    assert (q.speaker, q.text, q.direct) == (KOWAL, "we will stay.", True)


def test_negated_speech_and_indirect_questions_report_nothing():
    assert quotations([TABLE21], PEOPLE) == []
    assert quotations([TABLE22], PEOPLE) == []


def test_quoted_words_inside_a_reported_clause_stay_in_it():
    q = one(quotations([TABLE25], PEOPLE))
    assert (q.speaker, q.direct) == (KOWAL, False)
    assert q.text == "the plan was “reckless” and would fail"


# ---------------------------------------------------------------- attribution


def _provenance(ad, i: int) -> Provenance:
    s = ad.sentences[i]
    return Provenance("q", None, s.start, s.end, s.text, "events.svo.v1", 0.8)


def test_an_event_read_from_a_reported_clause_is_according_to_that_quotation():
    from test_quotes_handparse import document
    from newsgraph.relations.attribution import attribute
    from newsgraph.relations.quotes import extract_quotations
    from newsgraph.types import Event

    names = {**PEOPLE, "Russia": RUS, "Ukraine": UKR}
    ad, resolution = document([TABLE33], names)
    found, resolution = extract_quotations(ad, resolution, ())
    attack = Event("ASSAULT", RUS, UKR, provenance=(_provenance(ad, 0),))
    _, (event,) = attribute(ad, resolution, [], [attack], found)
    assert event.according_to == one(found).spans[0]

    ad, resolution = document([TABLE34], names)  # the reporter states the attack; Kowal reports talks
    found, resolution = extract_quotations(ad, resolution, ())
    assert one(found).text == "the talks failed"
    attack = Event("ASSAULT", RUS, UKR, provenance=(_provenance(ad, 0),))
    _, (event,) = attribute(ad, resolution, [], [attack], found)
    assert event.according_to is None


def test_a_post_named_inside_quoted_words_is_according_to_the_quotation():
    from test_quotes_handparse import document
    from newsgraph.relations.attribution import attribute
    from newsgraph.relations.quotes import extract_quotations

    ad, resolution = document([TABLE35], {**PEOPLE, "Kyiv": "place/kyiv"})
    found, resolution = extract_quotations(ad, resolution, ())
    q = one(found)
    assert q.speaker == KOWAL and q.about == (NOWAK, "place/kyiv")
    role = Membership(NOWAK, "defence minister", provenance=(_provenance(ad, 0),))
    (membership,), _ = attribute(ad, resolution, [role], [], found)
    assert membership.according_to == q.spans[0]
    speaker_role = Membership(KOWAL, "spokesman", provenance=(_provenance(ad, 0),))
    (membership,), _ = attribute(ad, resolution, [speaker_role], [], found)
    assert membership.according_to is None  # the speaker is named outside the quoted words




# ---------------------------------------------------------------- more speakers, quotations that go on


def test_who_said_in_a_relative_clause_is_the_name_the_clause_belongs_to():
    q = one(quotations([RELATIVE_CLAUSE], {**PEOPLE, "Oslo": "place/oslo"}))
    assert (q.speaker, q.text) == (KOWAL, "talks were over")


def test_a_bare_title_is_the_one_person_whose_post_ends_in_it():
    found = quotations([READY, IN_PLACE, REPORTERS_LEFT], PEOPLE, [Membership(KOWAL, "defence minister", POL)])
    assert [(q.speaker, q.text, q.provenance[0].extractor) for q in found] == [
        (KOWAL, "We are ready", "quotes.direct.v1"),
        (KOWAL, "Our troops are in place.", "quotes.continued.v1"),  # a quoted sentence goes on
    ]
    two = [Membership(KOWAL, "defence minister", POL), Membership(NOWAK, "foreign minister", POL)]
    assert {q.speaker for q in quotations([READY, IN_PLACE], PEOPLE, two)} == {None}


def test_only_a_whole_quoted_sentence_in_the_same_paragraph_continues_a_quotation():
    found = quotations([READY_KOWAL, PEACE_IS_A_WORD], PEOPLE)
    assert [q.text for q in found] == ["We are ready"]  # "“Peace” is a word" is no continuation
    found = quotations([READY_KOWAL, PARAGRAPH, IN_PLACE], PEOPLE)
    assert [q.text for q in found] == ["We are ready"]  # a new paragraph needs its own cue
