"""Merging repeated findings: one record per thing, evidence accumulated, stable order."""
from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import given
from hypothesis import strategies as st

from newsgraph.relations.merge import merge_events, merge_memberships, merge_provenance
from newsgraph.types import Event, Membership, Provenance

T1 = datetime(2024, 11, 13, 8, 0, tzinfo=timezone.utc)
T2 = datetime(2024, 11, 13, 10, 0, tzinfo=timezone.utc)


def prov(start: int, extractor: str = "roles.premodifier.v1", doc: str = "d", confidence: float = 0.9) -> Provenance:
    return Provenance(doc, None, start, start + 10, "x" * 10, extractor, confidence)


def test_two_mentions_of_one_post_are_one_membership_with_two_pieces_of_evidence():
    a = Membership("person/a", "foreign minister", "state/UKR", date=T1, provenance=(prov(0),))
    b = Membership("person/a", "foreign minister", "state/UKR", date=T2, provenance=(prov(50),))
    [m] = merge_memberships([a, b])
    assert [p.sentence_start for p in m.provenance] == [0, 50]
    assert m.date == T2


def test_a_post_without_organisation_joins_the_one_with_it():
    named = Membership("person/a", "president", "state/FRA", provenance=(prov(0),))
    bare = Membership("person/a", "president", None, provenance=(prov(40),))
    [m] = merge_memberships([bare, named])
    assert m.organisation == "state/FRA"
    assert len(m.provenance) == 2


def test_an_organisation_from_the_same_document_is_recorded_by_its_own_rule_less_sure():
    named = Membership("person/a", "president", "state/FRA", provenance=(prov(0),))
    bare = Membership("person/a", "president", None, provenance=(prov(40, confidence=0.9),))
    [m] = merge_memberships([bare, named])
    by_start = {p.sentence_start: p for p in m.provenance}
    assert by_start[0].extractor == "roles.premodifier.v1"
    assert by_start[40].extractor == "roles.fromdocument.v1" and by_start[40].confidence < 0.9


def test_an_organisation_from_another_document_is_the_corpus_rule():
    named = Membership("person/a", "president", "state/FRA", provenance=(prov(0, doc="d1"),))
    bare = Membership("person/a", "president", None, provenance=(prov(0, doc="d2"),))
    [m] = merge_memberships([named, bare])
    by_doc = {p.document: p for p in m.provenance}
    assert m.organisation == "state/FRA"
    assert by_doc["d2"].extractor == "roles.fromcorpus.v1"
    assert by_doc["d2"].confidence < by_doc["d1"].confidence


def test_the_same_document_wins_over_the_corpus():
    out = merge_memberships([
        Membership("person/a", "chair", "org/x", provenance=(prov(0, doc="d1"),)),
        Membership("person/a", "chair", "org/y", provenance=(prov(0, doc="d2"),)),
        Membership("person/a", "chair", None, provenance=(prov(30, doc="d2"),)),
    ])
    assert [(m.organisation, len(m.provenance)) for m in out] == [("org/x", 1), ("org/y", 2)]


def test_an_organisation_guessed_from_context_gives_way_to_the_one_the_corpus_names():
    named = Membership("person/a", "interior minister", "state/KEN", provenance=(prov(0, doc="d1"),))
    guessed = Membership("person/a", "interior minister", "state/UGA",
                         provenance=(prov(0, "roles.fromcontext.v1", doc="d2", confidence=0.5),))
    [m] = merge_memberships([named, guessed])
    assert m.organisation == "state/KEN"
    assert {p.extractor for p in m.provenance} == {"roles.premodifier.v1", "roles.fromcorpus.v1"}


def test_a_guess_from_context_is_no_donor_in_the_corpus():
    guessed = Membership("person/a", "president", "state/UGA",
                         provenance=(prov(0, "roles.fromcontext.v1", doc="d1", confidence=0.5),))
    bare = Membership("person/a", "president", None, provenance=(prov(0, doc="d2"),))
    assert [m.organisation for m in merge_memberships([guessed, bare])] == [None, "state/UGA"]


def test_a_post_without_organisation_stays_apart_when_two_organisations_claim_it():
    out = merge_memberships([
        Membership("person/a", "chairman", "org/x", provenance=(prov(0),)),
        Membership("person/a", "chairman", "org/y", provenance=(prov(10),)),
        Membership("person/a", "chairman", None, provenance=(prov(20),)),
    ])
    assert [m.organisation for m in out] == [None, "org/x", "org/y"]


def test_former_current_nominated_and_elect_are_different_memberships():
    found = [Membership("person/a", "prime minister", "state/EST", date=T2, provenance=(prov(0),)),
             Membership("person/a", "prime minister", "state/EST", former=True, date=T2, provenance=(prov(9),)),
             Membership("person/a", "prime minister", "state/EST", nominated=True, provenance=(prov(20),)),
             Membership("person/a", "prime minister", "state/EST", elect=True, provenance=(prov(30),)),
             Membership("person/a", "prime minister", "state/EST", former=True, date=T1, provenance=(prov(40),))]
    out = merge_memberships(found)
    assert [(m.former, m.nominated, m.elect, len(m.provenance)) for m in out] == [
        (False, False, False, 1), (False, False, True, 1), (False, True, False, 1), (True, False, False, 2)]


def test_a_former_post_without_organisation_takes_the_one_of_the_current_post():
    current = Membership("person/a", "president", "state/USA", provenance=(prov(0),))
    former = Membership("person/a", "president", None, former=True, provenance=(prov(30),))
    out = merge_memberships([current, former])
    assert [(m.organisation, m.former) for m in out] == [("state/USA", False), ("state/USA", True)]


def test_identical_events_merge_and_keep_the_first_place():
    a = Event("ASSAULT", "state/RUS", "state/UKR", None, T1, provenance=(prov(0, "events.svo.v1"),))
    b = Event("ASSAULT", "state/RUS", "state/UKR", "place/kyiv", T2, provenance=(prov(30, "events.nominal.v1"),))
    [e] = merge_events([a, b])
    assert e.place == "place/kyiv"
    assert e.time == T1
    assert len(e.provenance) == 2


def test_consult_in_either_direction_is_one_event_but_accuse_is_not():
    consult = merge_events([
        Event("CONSULT", "person/a", "person/b", time=T1, provenance=(prov(0, "events.svo.v1"),)),
        Event("CONSULT", "person/b", "person/a", time=T1, provenance=(prov(20, "events.svo.v1"),)),
    ])
    accuse = merge_events([
        Event("ACCUSE", "person/a", "person/b", time=T1, provenance=(prov(0, "events.svo.v1"),)),
        Event("ACCUSE", "person/b", "person/a", time=T1, provenance=(prov(20, "events.svo.v1"),)),
    ])
    assert len(consult) == 1 and len(accuse) == 2


def test_events_from_different_documents_stay_apart():
    out = merge_events([
        Event("CONSULT", "person/a", "person/b", time=T1, provenance=(prov(0, "events.svo.v1", doc="d1"),)),
        Event("CONSULT", "person/a", "person/b", time=T1, provenance=(prov(0, "events.svo.v1", doc="d2"),)),
    ])
    assert len(out) == 2


def test_the_same_evidence_twice_is_kept_once_with_the_higher_confidence():
    out = merge_provenance([prov(0, confidence=0.5), prov(0, confidence=0.8)])
    assert [p.confidence for p in out] == [0.8]


memberships = st.builds(
    Membership,
    person=st.sampled_from(["person/a", "person/b"]),
    role=st.sampled_from(["president", "foreign minister"]),
    organisation=st.sampled_from([None, "state/FRA", "org/nato"]),
    former=st.booleans(),
    date=st.sampled_from([None, T1, T2]),
    provenance=st.tuples(st.builds(prov, st.integers(0, 5))),
)
events = st.builds(
    Event,
    type=st.sampled_from(["CONSULT", "ASSAULT"]),
    agent=st.sampled_from(["person/a", "state/RUS"]),
    target=st.sampled_from(["person/b", "state/UKR"]),
    place=st.sampled_from([None, "place/kyiv"]),
    time=st.sampled_from([None, T1]),
    provenance=st.tuples(st.builds(prov, st.integers(0, 5), st.just("events.svo.v1"))),
)


@given(st.lists(memberships, max_size=8), st.randoms())
def test_membership_merging_does_not_depend_on_input_order(found, rnd):
    shuffled = list(found)
    rnd.shuffle(shuffled)
    assert merge_memberships(found) == merge_memberships(shuffled)


@given(st.lists(events, max_size=8), st.randoms())
def test_event_merging_does_not_depend_on_input_order(found, rnd):
    shuffled = list(found)
    rnd.shuffle(shuffled)
    assert merge_events(found) == merge_events(shuffled)


def test_spellings_of_one_post_share_one_label():
    out = merge_memberships([
        Membership("person/a", "secretary-general", "org/nato", provenance=(prov(0),)),
        Membership("person/a", "secretary general", "org/nato", provenance=(prov(10),)),
        Membership("person/b", "secretary-general", "org/un", provenance=(prov(20),)),
    ])
    assert [(m.person, m.role) for m in out] == [("person/a", "secretary-general"), ("person/b", "secretary-general")]
    assert len(out[0].provenance) == 2
