"""The relation lexicons in ontology/ parse, and a malformed row is reported, not skipped."""
from __future__ import annotations

import pytest

from newsgraph.errors import OntologyError
from newsgraph.relations import lexicons
from newsgraph.relations.lexicons import PLOVER_TYPES, load_relation_lexicons, title_tokens

# The twelve types the gold guidelines give typical verbs for.
GUIDELINE_TYPES = {"CONSULT", "SUPPORT", "AID", "COOPERATE", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
                   "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


@pytest.fixture()
def fresh_lexicons():
    load_relation_lexicons.cache_clear()
    yield
    load_relation_lexicons.cache_clear()


def test_title_tokens_split_hyphens_like_the_tokenizer():
    assert title_tokens("Secretary-General") == ("secretary", "-", "general")
    assert title_tokens("ex-Prime Minister") == ("ex", "-", "prime", "minister")
    assert title_tokens("head of state") == ("head", "of", "state")


def test_every_lexicon_file_loads_with_its_rows():
    words = load_relation_lexicons()
    assert words.titles[("secretary", "of", "state")].kind == "minister"
    assert words.titles[("minister",)].portfolio
    assert words.word_use("ex") == "former"
    assert words.word_use("finance") == "portfolio"
    assert words.role_verbs["step down"].effect == "former"
    assert words.in_class("drone", "proxy")
    assert words.cue("will", "future") and words.cue("could", "modal")


def test_every_guideline_event_type_has_a_verb_and_every_row_is_plover():
    words = load_relation_lexicons()
    rows = [r for rs in words.verbs.values() for r in rs] + [r for rs in words.nouns.values() for r in rs]
    assert {r.type for r in rows} <= PLOVER_TYPES
    assert GUIDELINE_TYPES <= {r.type for rs in words.verbs.values() for r in rs}


def test_object_classes_expand_into_lemmas():
    impose = load_relation_lexicons().verbs["impose"][0]
    assert {"sanction", "tariff"} <= impose.objects
    assert impose.target == ("on", "against")


def test_particle_verbs_are_tried_before_the_bare_verb():
    cut = load_relation_lexicons().verbs["cut"]
    assert cut[0].particle == "off"
    assert cut[-1].particle is None


def test_constrained_rows_come_first_so_send_troops_is_not_aid():
    send = load_relation_lexicons().verbs["send"]
    assert all(row.objects for row in send)
    assert {row.type for row in send} == {"MOBILIZE", "AID"}


@pytest.mark.parametrize(
    "name, row, message",
    [
        ("event_verbs.csv", {"lemma": "meet", "type": "GREET", "form": "verb", "target": "obj", "object": "",
                             "reciprocal": ""}, "PLOVER"),
        ("event_verbs.csv", {"lemma": "meet", "type": "CONSULT", "form": "verb", "target": "obj",
                             "object": "@nonsense", "reciprocal": ""}, "noun class"),
        ("role_titles.csv", {"title": "mayor", "kind": "municipal", "compose": ""}, "kind"),
        ("relations_cues.csv", {"word": "will", "use": "maybe"}, "use"),
    ],
)
def test_a_malformed_row_raises_an_ontology_error_naming_the_file(monkeypatch, fresh_lexicons, name, row, message):
    real = lexicons.read_csv

    def fake(requested: str):
        return [row] if requested == name else real(requested)

    monkeypatch.setattr(lexicons, "read_csv", fake)
    with pytest.raises(OntologyError, match=name.replace(".", r"\.")) as info:
        load_relation_lexicons()
    assert message in str(info.value)


def test_a_missing_column_is_reported(monkeypatch, fresh_lexicons):
    real = lexicons.read_csv
    bad = [{"lemma": "be", "holder": "subject"}]
    monkeypatch.setattr(lexicons, "read_csv", lambda n: bad if n == "relations_role_verbs.csv" else real(n))
    with pytest.raises(OntologyError, match="missing column"):
        load_relation_lexicons()


def test_every_mode_of_the_event_lexicon_is_a_plover_mode_of_its_type():
    """A mode in event_verbs.csv names a concept plover:{TYPE}-{mode} of plover.ttl, narrower than the type."""
    from rdflib import Graph, Literal, Namespace
    from rdflib.namespace import SKOS

    from newsgraph.resources import read_text

    plover = Namespace("https://w3id.org/newsgraph/plover#")
    graph = Graph().parse(data=read_text("plover.ttl"), format="turtle")
    words = load_relation_lexicons()
    rows = [r for rs in words.verbs.values() for r in rs] + [r for rs in words.nouns.values() for r in rs]
    moded = [r for r in rows if r.mode]
    assert moded, "event_verbs.csv gives no modes"
    missing = set()
    for row in moded:
        concept = plover[f"{row.type}-{row.mode}"]
        if ((concept, SKOS.broader, plover[row.type]) not in graph
                or (concept, SKOS.notation, Literal(row.mode)) not in graph
                or (concept, SKOS.inScheme, plover["modes"]) not in graph):
            missing.add(f"{row.type}-{row.mode} ({row.lemma})")
    assert not missing, f"modes not defined under their type in plover.ttl: {sorted(missing)}"


def test_all_sixteen_plover_types_have_event_words():
    words = load_relation_lexicons()
    rows = [r for rs in words.verbs.values() for r in rs] + [r for rs in words.nouns.values() for r in rs]
    assert {r.type for r in rows} == PLOVER_TYPES
