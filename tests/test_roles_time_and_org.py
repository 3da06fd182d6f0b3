"""Roles carry their organisation and their time.

The writer tests (no model) check that current, former, nominated and elect
posts are different membership nodes with an org:memberDuring interval
placed against the as-of instant, and that the result passes the shapes.
The rule tests run sentences written for these tests through the real model
and resolver: a post named without its organisation takes it from the same
document, or from where the sentence is set, and only then.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import ORG, RDF

from newsgraph.graph.iris import Iris
from newsgraph.pipeline import BuildResult, to_graph
from newsgraph.resources import read_text
from newsgraph.types import (AnalysedDocument, Document, Entity, EntityType, Membership, Provenance, Resolution,
                             Segment, Sentence)

BASE = "https://w3id.org/newsgraph/id/"
# rdflib's closed namespaces warn when pytest probes module globals; plain ones stay quiet.
TIME = Namespace("http://www.w3.org/2006/time#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
TEXT = "Former Chilean president Ana Ruiz met President Ana Ruiz."
EVIDENCE = Provenance("brief-0a1b2c3d", None, 0, len(TEXT), TEXT, "roles.premodifier.v1", 0.9)
NOON = datetime(2024, 5, 2, 12, 0, tzinfo=timezone.utc)
PUBLISHED = NOON


def _membership(**flags) -> Membership:
    return Membership("person/ana-ruiz", "president", "state/CHL", date=flags.pop("date", NOON),
                      provenance=(EVIDENCE,), **flags)


def _written(*memberships: Membership) -> Graph:
    """The graph the build writes for these memberships of one document (through the store)."""
    document = Document(key="brief-0a1b2c3d", source="brief.txt", text=TEXT,
                        content_hash="sha256:" + "0" * 64, segments=(Segment(0, len(TEXT)),))
    analysed = AnalysedDocument(document, (Sentence(0, len(TEXT), TEXT, None),), ())
    entities = (Entity("person/ana-ruiz", EntityType.PERSON, "Ana Ruiz"),
                Entity("state/CHL", EntityType.STATE, "Chile", iso3="CHL", iso2="CL"))
    return to_graph(BuildResult((analysed,), Resolution(entities, ()), tuple(memberships)), base=BASE)


# ------------------------------------------------------------------ IRIs and intervals (no model)


def test_current_former_nominated_and_elect_posts_have_different_iris():
    iris = Iris(BASE)
    kinds = [_membership(), _membership(former=True), _membership(nominated=True), _membership(elect=True)]
    assert len({iris.membership(m) for m in kinds}) == 4


def test_a_current_membership_keeps_the_iri_it_had_before_qualifiers_were_hashed():
    import hashlib

    old = hashlib.sha1("\x1f".join(["person/ana-ruiz", "president", "state/CHL"]).encode()).hexdigest()[:16]
    assert Iris(BASE).membership(_membership()) == Iris(BASE)._iri(f"membership/{old}")


def test_a_former_and_a_current_post_are_two_nodes_each_with_one_former_value():
    g = _written(_membership(), _membership(former=True))
    nodes = set(g.subjects(RDF.type, ORG.Membership))
    assert len(nodes) == 2
    from newsgraph.vocab import NG

    assert sorted(len(list(g.objects(n, NG.former))) for n in nodes) == [1, 1]
    assert {g.value(n, NG.former).toPython() for n in nodes} == {True, False}


@pytest.mark.parametrize(("flags", "relation"), [({}, TIME.inside), ({"former": True}, TIME.before),
                                                  ({"nominated": True}, TIME.after), ({"elect": True}, TIME.after)])
def test_the_interval_is_placed_against_the_as_of_instant(flags, relation):
    g = _written(_membership(**flags))
    node = next(g.subjects(RDF.type, ORG.Membership))
    during = g.value(node, ORG.memberDuring)
    assert (during, RDF.type, TIME.Interval) in g
    instant = g.value(during, relation)
    assert (instant, RDF.type, TIME.Instant) in g
    stamp = g.value(instant, TIME.inXSDDateTimeStamp)
    # written as xsd:dateTimeStamp; Oxigraph keeps the same instant as an xsd:dateTime with its zone
    assert stamp.datatype in (XSD.dateTimeStamp, XSD.dateTime)
    assert stamp.toPython() == NOON
    assert len(list(g.predicate_objects(during))) == 2  # its type and one relation


def test_a_day_without_time_or_zone_is_the_instants_day_and_no_date_gives_no_interval():
    g = _written(_membership(date=date(2024, 5, 2)))
    instant = g.value(g.value(next(g.subjects(RDF.type, ORG.Membership)), ORG.memberDuring), TIME.inside)
    assert g.value(instant, TIME.inXSDDate) == Literal("2024-05-02", datatype=XSD.date)
    naive = _written(_membership(date=datetime(2024, 5, 2, 12, 0)))
    instant = naive.value(naive.value(next(naive.subjects(RDF.type, ORG.Membership)), ORG.memberDuring), TIME.inside)
    assert naive.value(instant, TIME.inXSDDate) == Literal("2024-05-02", datatype=XSD.date)
    undated = _written(_membership(date=None))
    assert not list(undated.triples((None, ORG.memberDuring, None)))


def test_a_membership_stated_again_later_in_another_build_still_passes_the_shapes():
    first = _written(_membership(), _membership(former=True))
    later = _written(_membership(date=datetime(2025, 1, 9, 8, 0, tzinfo=timezone.utc)),
                     _membership(former=True, date=date(2025, 1, 9)))
    g = first + later
    assert len(set(g.subjects(RDF.type, ORG.Membership))) == 2
    shapes = Graph().parse(data=read_text("shapes.ttl"), format="turtle")
    conforms, _, text = validate(g, shacl_graph=shapes, inference="none")
    assert conforms, text
    current = Iris(BASE).membership(_membership())
    assert len(list(g.objects(g.value(current, ORG.memberDuring), TIME.inside))) == 2


def test_written_memberships_of_every_kind_pass_the_shapes():
    g = _written(_membership(), _membership(former=True), _membership(nominated=True),
                 _membership(elect=True, date=date(2024, 5, 2)))
    shapes = Graph().parse(data=read_text("shapes.ttl"), format="turtle")
    conforms, _, text = validate(g, shacl_graph=shapes, inference="none")
    assert conforms, text


# ------------------------------------------------------------------ where the organisation comes from (model)


def _orgs(relate, text: str) -> dict[tuple[str, str], set[tuple[str | None, str]]]:
    """(person, post) -> {(organisation, extractor of each piece of evidence)}."""
    out: dict[tuple[str, str], set] = {}
    for m in relate(text, PUBLISHED)[0]:
        for p in m.provenance:
            out.setdefault((m.person, m.role), set()).add((m.organisation, p.extractor))
    return out


@pytest.mark.slow
def test_the_same_post_named_with_its_state_elsewhere_in_the_document(relate):
    found = _orgs(relate, "Chilean President Ana Ruiz opened the summit on Monday.\n\n"
                          "President Ruiz then flew home to Santiago.")
    assert found[("person/ana-ruiz", "president")] == {("state/CHL", "roles.premodifier.v1"),
                                                        ("state/CHL", "roles.fromdocument.v1")}


@pytest.mark.slow
def test_another_government_post_of_the_same_person_gives_its_state(relate):
    found = _orgs(relate, "Peru's prime minister Rosa Quispe landed in Madrid on Sunday.\n\n"
                          "Minister Rosa Quispe then met students at a university.")
    assert ("state/PER", "roles.fromdocument.v1") in found[("person/rosa-quispe", "minister")]


@pytest.mark.slow
def test_a_former_government_post_or_a_party_post_gives_no_state_to_another_post(relate):
    found = _orgs(relate, "Former Peruvian prime minister Rosa Quispe spoke on Sunday.\n\n"
                          "President Rosa Quispe later left the hall.")
    assert found.get(("person/rosa-quispe", "president"), {(None, "")}) <= {(None, "roles.premodifier.v1"),
                                                                          (None, "")}


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "In Kenya, Interior Minister John Mwangi announced a curfew on Monday.",
    "In Nairobi on Monday, Interior Minister John Mwangi announced a curfew.",
    "NAIROBI, Kenya (Wire) - Interior Minister John Mwangi announced a curfew on Monday.",
    "NAIROBI - Police stood by as Interior Minister John Mwangi announced a curfew on Monday.",
    "Nairobi, Kenya - Police stood by as Interior Minister John Mwangi announced a curfew on Monday.",
])
def test_a_government_post_takes_the_state_its_sentence_or_dateline_sets_it_in(relate, text):
    found = _orgs(relate, text)
    [(org, extractor)] = found[("person/john-mwangi", "interior minister")]
    assert (org, extractor) == ("state/KEN", "roles.fromcontext.v1")


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Interior Minister John Mwangi announced a curfew in Kenya on Monday.",  # not fronted
    "In Nairobi, visiting Interior Minister John Mwangi announced a deal.",  # abroad
    "In Kenya, party chairman John Mwangi announced a rally on Monday.",  # not a government post
    "Nairobi-based analysts said Interior Minister John Mwangi would announce a curfew.",  # no dateline
    "Kenya and Uganda - two neighbours - signed a deal, Interior Minister John Mwangi said.",
])
def test_where_a_sentence_is_set_says_nothing_otherwise(relate, text):
    found = _orgs(relate, text)
    assert all(org is None for pairs in found.values() for org, _ in pairs), found


@pytest.mark.slow
def test_two_untitled_holders_of_one_post_in_one_sentence_get_no_state(relate):
    found = _orgs(relate, "In Geneva, President John Mwangi met President Ana Ruiz on Monday.")
    assert all(org is None for pairs in found.values() for org, _ in pairs), found


@pytest.mark.slow
def test_a_dateline_sets_only_its_own_paragraph(relate):
    found = _orgs(relate, "NAIROBI, Kenya (Wire) - Rain fell on Monday.\n\n"
                          "Interior Minister John Mwangi announced a curfew.")
    assert found[("person/john-mwangi", "interior minister")] == {(None, "roles.premodifier.v1")}


# ------------------------------------------------------------------ years of tenure


def _view(words: str):
    from handparse import analyse

    from newsgraph.relations.context import DocumentContext

    table = "\n".join(f"{w} X dep 0" for w in words.split())
    analysed, resolution = analyse(table)
    return DocumentContext(analysed, resolution, {}).sentences[0]


@pytest.mark.parametrize(("words", "expected"), [
    ("from 2014 to 2019", (2014, 2019)),
    ("from 2014 until 2019", (2014, 2019)),
    ("from 2014 - 2019", (2014, 2019)),
    ("between 2009 and 2014", (2009, 2014)),
    ("since 2019 , said", (2019, None)),
    ("since March 2019", (2019, None)),
    ("until 2021", (None, 2021)),
    ("till June 2021", (None, 2021)),
    ("( 2009 - 2014 )", (2009, 2014)),
    ("( 2009-2014 )", (2009, 2014)),
])
def test_a_tenure_phrase_gives_its_years(words, expected):
    from newsgraph.relations.tenure import tenure_at

    t = tenure_at(_view(words), 0)
    assert (t.began, t.ended) == expected


@pytest.mark.parametrize("words", [
    "from 2019 , officials said",  # where something comes from, not a tenure
    "in 2019",
    "from 2019 to 2014",  # backwards
    "since Monday",
    "( 2019 )",
    "from Kenya to Chile",
    "until then",
    "for 25 years",
])
def test_anything_else_gives_no_tenure(words):
    from newsgraph.relations.tenure import tenure_at

    assert tenure_at(_view(words), 0) is None


def test_years_of_tenure_are_the_intervals_beginning_and_end_and_pass_the_shapes():
    g = _written(_membership(former=True, began=2014, ended=2018), _membership(began=2022, date=None))
    shapes = Graph().parse(data=read_text("shapes.ttl"), format="turtle")
    conforms, _, text = validate(g, shacl_graph=shapes, inference="none")
    assert conforms, text
    former = g.value(Iris(BASE).membership(_membership(former=True)), ORG.memberDuring)
    assert g.value(g.value(former, TIME.hasBeginning), TIME.inXSDgYear) == Literal("2014", datatype=XSD.gYear)
    assert g.value(g.value(former, TIME.hasEnd), TIME.inXSDgYear) == Literal("2018", datatype=XSD.gYear)
    current = g.value(Iris(BASE).membership(_membership()), ORG.memberDuring)
    assert g.value(current, TIME.hasEnd) is None and g.value(current, TIME.inside) is None  # undated, still placed


@pytest.mark.slow
def test_a_stated_tenure_is_read_and_an_ended_one_makes_the_post_former(relate):
    [m] = relate("Rosa Quispe was Peru's prime minister from 2014 to 2018.", PUBLISHED)[0]
    assert (m.role, m.organisation, m.began, m.ended, m.former) == ("prime minister", "state/PER", 2014, 2018, True)
    [m] = relate("Rosa Quispe has been Peru's prime minister since 2022.", PUBLISHED)[0]
    assert (m.began, m.ended, m.former) == (2022, None, False)
    [m] = relate("Former Chilean president Ana Ruiz (2014-2018) opened the forum.", PUBLISHED)[0]
    assert (m.began, m.ended, m.former) == (2014, 2018, True)


@pytest.mark.slow
def test_a_year_elsewhere_in_the_sentence_is_no_tenure(relate):
    [m] = relate("Chilean President Ana Ruiz, elected in 2022, spoke from 2 pm.", PUBLISHED)[0]
    assert (m.began, m.ended) == (None, None)


# ------------------------------------------------------------------ a demonym that fits several states


@pytest.mark.slow
def test_a_shared_demonym_names_the_one_state_of_the_document_it_is_made_from(relate):
    found = _orgs(relate, "Fighting continued in the Democratic Republic of Congo on Monday.\n\n"
                          "Congolese President Jean Mbala stayed home and sent his prime minister, Marie Lunda, "
                          "to the summit.")
    assert found[("person/jean-mbala", "president")] == {("state/COD", "roles.demonym.v1")}
    # and the leader's "his prime minister" is then that state's
    assert found[("person/marie-lunda", "prime minister")] == {("state/COD", "roles.fromdocument.v1")}


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Congolese President Jean Mbala stayed home.",  # no state named
    "Talks between the Democratic Republic of Congo and the Republic of Congo began.\n\n"
    "Congolese President Jean Mbala stayed home.",  # two states fit
])
def test_a_shared_demonym_the_document_does_not_settle_gives_nothing(relate, text):
    found = _orgs(relate, text)
    assert found[("person/jean-mbala", "president")] == {(None, "roles.premodifier.v1")}


def test_a_demonym_is_made_from_a_distinctive_word_of_the_name():
    from newsgraph.relations.role_orgs import _made_from

    drc = Entity("state/COD", EntityType.STATE, "Democratic Republic of the Congo", ("DRC", "DR Congo"), "COD")
    assert _made_from("congolese", drc)
    assert not _made_from("democratic", drc) and not _made_from("republican", drc)
    assert not _made_from("indian", Entity("state/IDN", EntityType.STATE, "Indonesia", (), "IDN"))
    assert not _made_from("iran", Entity("state/IRN", EntityType.STATE, "Iran", (), "IRN"))  # no ending: no demonym


# ------------------------------------------------------------------ the corpus step


@pytest.mark.slow
def test_a_post_named_bare_in_one_document_takes_the_organisation_another_document_names(nlp):
    from newsgraph.nlp import analyse_documents
    from newsgraph.relations import extract_relations
    from newsgraph.resolve import resolve_entities

    texts = {"a": "Chilean President Ana Ruiz opened the summit on Monday.",
             "b": "President Ana Ruiz flew home on Tuesday.",
             "c": "Party chairman Ana Ruiz thanked the volunteers."}
    docs = [Document(key=k, source=f"{k}.txt", text=t, content_hash="sha256:" + "0" * 64,
                     segments=(Segment(0, len(t)),), published=PUBLISHED) for k, t in texts.items()]
    analysed = list(analyse_documents(docs, nlp=nlp))
    memberships = extract_relations(analysed, resolve_entities(analysed))[0]
    evidence = {(m.role, m.organisation, p.document, p.extractor) for m in memberships for p in m.provenance}
    assert ("president", "state/CHL", "a", "roles.premodifier.v1") in evidence
    assert ("president", "state/CHL", "b", "roles.fromcorpus.v1") in evidence
    assert ("chairman", None, "c", "roles.premodifier.v1") in evidence  # another post borrows nothing


# ------------------------------------------------------------------ who nominated is not who holds


@pytest.mark.slow
def test_a_nominee_named_with_whoever_nominated_them_holds_the_nomination(roles):
    found = roles("Jane Roe, President Ada Okafor's nominee for ambassador to Japan, spoke to senators on Monday.")
    assert found[("person/jane-roe", "ambassador to japan", None)].nominated
    assert ("person/ada-okafor", "ambassador to japan", None) not in found


@pytest.mark.slow
def test_a_relative_named_with_a_possessive_holds_no_post(roles):
    assert not [k for k in roles("Jane Roe, Ada Okafor's sister, spoke to senators on Monday.") if k[0] == "person/jane-roe"]


@pytest.mark.slow
@pytest.mark.parametrize("word", ["ousted", "deposed", "former"])
def test_a_holder_removed_from_the_post_held_it_before(relate, word):
    [m] = relate(f"Prosecutors charged the {word} prime minister Leila Haddad with fraud.", PUBLISHED)[0]
    assert (m.role, m.former) == ("prime minister", True)


@pytest.mark.slow
def test_an_outgoing_holder_still_holds_the_post(relate):
    [m] = relate("Prosecutors praised the outgoing prime minister Leila Haddad on Monday.", PUBLISHED)[0]
    assert (m.role, m.former) == ("prime minister", False)


@pytest.mark.slow
def test_staying_on_as_a_post_holds_it(roles):
    assert ("person/kenji-mori", "chief cabinet secretary", None) in roles(
        "Kenji Mori stays on as chief cabinet secretary, the government's top spokesman.")
    assert not roles("Kenji Mori stayed at home on Monday.")
