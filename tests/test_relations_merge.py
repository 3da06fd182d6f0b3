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


def test_a_post_without_organisation_stays_apart_when_two_organisations_claim_it():
    out = merge_memberships([
        Membership("person/a", "chairman", "org/x", provenance=(prov(0),)),
        Membership("person/a", "chairman", "org/y", provenance=(prov(10),)),
        Membership("person/a", "chairman", None, provenance=(prov(20),)),
    ])
    assert [m.organisation for m in out] == [None, "org/x", "org/y"]


def test_former_only_when_every_latest_mention_says_so():
    current = Membership("person/a", "prime minister", "state/EST", date=T2, provenance=(prov(0),))
    former = Membership("person/a", "prime minister", "state/EST", former=True, date=T2, provenance=(prov(9),))
    assert not merge_memberships([current, former])[0].former
    assert merge_memberships([former])[0].former


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
