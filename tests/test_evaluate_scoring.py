"""``score_graph``: one hand-built graph against one gold dict (entities, roles, events, quotes)."""
from __future__ import annotations

import pytest
import rdflib
from evaluate_support import GOLD, PERFECT, counts, entity, store, turtle

from newsgraph.evaluate import Counts, content_words, quote_overlaps, score_graph

# ---------------------------------------------------------------- entities


def test_a_graph_that_says_what_the_gold_says_scores_one_everywhere():
    score = score_graph(store(**PERFECT), GOLD)
    assert counts(score) == {"entities": (5, 0, 0), "roles": (2, 0, 0), "events": (2, 0, 0)}
    assert all(c.f1 == 1.0 for c in score.counts.values())
    assert score.errors == ()


def test_precision_recall_and_f1_follow_from_the_counts():
    graph = store(entities=[
        ("person/antony-blinken", "Person", ["Antony Blinken"]),
        ("person/mark-rutte", "Person", ["Rutte"]),
        ("org/nato", "Organisation", ["NATO"]),
        ("person/jane-doe", "Person", ["Jane Doe"]),  # not in gold
    ])
    entities = score_graph(graph, GOLD).counts["entities"]
    assert (entities.tp, entities.fp, entities.fn) == (3, 1, 2)  # missed: United States, Ukraine
    assert entities.precision == pytest.approx(3 / 4)
    assert entities.recall == pytest.approx(3 / 5)
    assert entities.f1 == pytest.approx(2 * 0.75 * 0.6 / (0.75 + 0.6))


def test_counts_are_zero_safe_and_add_up():
    assert (Counts().precision, Counts().recall, Counts().f1) == (0.0, 0.0, 0.0)
    assert Counts(1, 2, 3) + Counts(4, 5, 6) == Counts(5, 7, 9)


def test_two_predicted_entities_for_one_gold_entity_are_one_hit_and_one_false_positive():
    graph = store(entities=[
        ("person/antony-blinken", "Person", ["Antony Blinken"]),
        ("person/blinken", "Person", ["Mr Blinken"]),
    ])
    score = score_graph(graph, GOLD)
    assert score.counts["entities"] == Counts(tp=1, fp=1, fn=4)
    assert [e.text for e in score.errors if e.kind == "FP"] == ["Person 'Mr Blinken' (duplicate of 'Antony Blinken')"]


def test_optional_entities_are_neither_required_nor_penalised():
    gold = {"entities": [entity("Jane Doe", "Person"), entity("Reuters", "Organisation", optional=True),
                         entity("Acme", "Organisation", optional=True)]}
    graph = store(entities=[("person/jane-doe", "Person", ["Jane Doe"]), ("org/reuters", "Organisation", ["Reuters"]),
                            ("org/reuters-2", "Organisation", ["reuters"])])
    assert score_graph(graph, gold).counts["entities"] == Counts(tp=1, fp=0, fn=0)


@pytest.mark.parametrize(
    ("predicted", "gold"),
    [("KYIV", "Kyiv"), ("Kyiv's", "Kyiv"), ("Kyiv’s", "Kyiv"), ("the United States", "United States"),
     ("The US", "US"), ("U.S.", "US"), ("US", "U.S."), ("the U.S.'s", "US"), ("  Mark   Rutte ", "Mark Rutte")],
)
def test_names_match_ignoring_case_a_leading_the_a_possessive_and_acronym_dots(predicted, gold):
    graph = store(entities=[("state/x", "State", [predicted])])
    assert score_graph(graph, {"entities": [entity(gold, "State")]}).counts["entities"] == Counts(tp=1)


@pytest.mark.parametrize(("a", "b"), [("Kyiv", "Kiev"), ("Mark Rutte", "Rutte"), ("US", "USA"), ("Theresa", "resa")])
def test_different_names_do_not_match(a, b):
    graph = store(entities=[("state/x", "State", [a])])
    assert score_graph(graph, {"entities": [entity(b, "State")]}).counts["entities"] == Counts(tp=0, fp=1, fn=1)


def test_a_predicted_entity_matches_through_any_of_its_labels_and_the_gold_aliases():
    graph = store(entities=[("state/x", "State", ["Washington's government", "the U.S."])])
    score = score_graph(graph, {"entities": [entity("United States", "State", "US")]})
    assert score.counts["entities"] == Counts(tp=1)


def test_a_place_typed_as_a_state_is_a_false_positive():
    graph = store(entities=[("state/brussels", "State", ["Brussels"])])
    score = score_graph(graph, GOLD)
    assert score.counts["entities"].fp == 1
    assert [e.text for e in score.errors if e.kind == "FP"] == ["State 'Brussels' (gold says Place 'Brussels')"]


def test_a_state_typed_as_a_place_is_a_miss():
    graph = store(entities=[("place/ukraine", "Place", ["Ukraine"])])
    score = score_graph(graph, {"entities": [entity("Ukraine", "State")]})
    assert score.counts["entities"] == Counts(tp=0, fp=0, fn=1)


def test_places_are_listed_but_not_scored():
    graph = store(entities=[("place/brussels", "Place", ["Brussels"]), ("place/gdansk", "Place", ["Gdansk"])])
    assert score_graph(graph, GOLD).counts["entities"] == Counts(tp=0, fp=0, fn=5)


def test_a_person_typed_as_an_organisation_is_a_false_positive_and_a_miss():
    graph = store(entities=[("org/rutte", "Organisation", ["Mark Rutte"])])
    score = score_graph(graph, {"entities": [entity("Mark Rutte", "Person")]})
    assert score.counts["entities"] == Counts(tp=0, fp=1, fn=1)
    assert "gold says Person 'Mark Rutte'" in score.errors[0].text


# ---------------------------------------------------------------- roles


def test_role_strings_match_when_they_share_a_content_word():
    assert content_words("former secretary-general of the UN") == {"secretary", "general", "un"}
    base = dict(PERFECT, roles=[("person/antony-blinken", "top US diplomat and state secretary", "state/USA")])
    assert score_graph(store(**base), GOLD).counts["roles"] == Counts(tp=1, fp=0, fn=1)
    other = dict(PERFECT, roles=[("person/antony-blinken", "spokesperson", "state/USA")])
    assert score_graph(store(**other), GOLD).counts["roles"] == Counts(tp=0, fp=1, fn=2)


def test_function_words_alone_do_not_make_roles_match():
    gold = {"entities": [entity("Jane Doe", "Person"), entity("NATO", "Organisation")],
            "roles": [{"person": "Jane Doe", "role": "head of the delegation", "of": "NATO"}]}
    graph = store(entities=[("person/jane-doe", "Person", ["Jane Doe"]), ("org/nato", "Organisation", ["NATO"])],
                  roles=[("person/jane-doe", "former member of the board", "org/nato")])
    assert score_graph(graph, gold).counts["roles"] == Counts(tp=0, fp=1, fn=1)


def test_a_role_of_the_wrong_organisation_is_a_false_positive():
    wrong = dict(PERFECT, roles=[("person/mark-rutte", "secretary-general", "state/USA")])
    score = score_graph(store(**wrong), GOLD)
    assert score.counts["roles"] == Counts(tp=0, fp=1, fn=2)
    assert "Mark Rutte: secretary-general of United States" in [e.text for e in score.errors]


def test_a_gold_role_without_of_accepts_any_organisation_or_none():
    gold = {"entities": [entity("Jane Doe", "Person"), entity("NATO", "Organisation")],
            "roles": [{"person": "Jane Doe", "role": "spokeswoman"}]}
    for org in ("org/nato", None):
        graph = store(entities=[("person/jane-doe", "Person", ["Jane Doe"]), ("org/nato", "Organisation", ["NATO"])],
                      roles=[("person/jane-doe", "spokeswoman", org)])
        assert score_graph(graph, gold).counts["roles"] == Counts(tp=1)


def test_repeating_a_found_role_or_matching_an_optional_one_costs_nothing():
    gold = dict(GOLD, roles=[*GOLD["roles"], {"person": "Mark Rutte", "role": "prime minister", "optional": True}])
    graph = store(**dict(PERFECT, roles=[*PERFECT["roles"], ("person/mark-rutte", "secretary general", "org/nato"),
                                         ("person/mark-rutte", "prime minister", None)]))
    assert score_graph(graph, gold).counts["roles"] == Counts(tp=2, fp=0, fn=0)


def test_two_different_roles_of_people_not_in_gold_are_two_false_positives():
    graph = store(entities=[("person/alpha", "Person", ["Alpha"]), ("person/gamma", "Person", ["Gamma"])],
                  roles=[("person/alpha", "envoy", None), ("person/gamma", "envoy", None)])
    score = score_graph(graph, GOLD)
    assert score.counts["roles"] == Counts(tp=0, fp=2, fn=2)
    assert [e.text for e in score.errors if e.section == "roles" and e.kind == "FP"] == ["Alpha: envoy", "Gamma: envoy"]


def test_roles_are_broken_down_by_status():
    gold = dict(GOLD, roles=[*GOLD["roles"], {"person": "Mark Rutte", "role": "prime minister", "former": True}])
    graph = store(**dict(PERFECT, roles=[*PERFECT["roles"], ("person/mark-rutte", "prime minister", None, "former")]))
    score = score_graph(graph, gold)
    assert score.breakdown["roles"] == {"current": Counts(tp=2), "former": Counts(tp=1)}


# ---------------------------------------------------------------- events


def test_consult_and_cooperate_match_in_either_order():
    gold = dict(GOLD, events=[{"type": "CONSULT", "agent": "Antony Blinken", "target": "Mark Rutte"},
                              {"type": "COOPERATE", "agent": "United States", "target": "Ukraine"}])
    graph = store(**dict(PERFECT, events=[("CONSULT", "person/mark-rutte", "person/antony-blinken"),
                                          ("COOPERATE", "state/UKR", "state/USA")]))
    assert score_graph(graph, gold).counts["events"] == Counts(tp=2)


def test_other_events_must_keep_agent_and_target_in_order():
    graph = store(**dict(PERFECT, events=[("SUPPORT", "state/UKR", "state/USA")]))
    score = score_graph(graph, GOLD)
    assert score.counts["events"] == Counts(tp=0, fp=1, fn=2)
    assert "SUPPORT Ukraine -> United States" in [e.text for e in score.errors if e.kind == "FP"]


def test_the_event_type_must_match():
    graph = store(**dict(PERFECT, events=[("ACCUSE", "state/USA", "state/UKR")]))
    assert score_graph(graph, GOLD).counts["events"] == Counts(tp=0, fp=1, fn=2)


def test_an_event_repeated_on_other_dates_counts_once():
    repeated = [("SUPPORT", "state/USA", "state/UKR"), ("ASSAULT", "state/USA", "state/UKR")] * 2
    graph = store(**dict(PERFECT, events=[*PERFECT["events"], *repeated]))
    assert score_graph(graph, GOLD).counts["events"] == Counts(tp=2, fp=1, fn=0)


def test_two_different_events_between_entities_not_in_gold_are_two_false_positives():
    people = [("person/alpha", "Person", ["Alpha"]), ("person/beta", "Person", ["Beta"]),
              ("person/gamma", "Person", ["Gamma"]), ("person/delta", "Person", ["Delta"])]
    events = [("ACCUSE", "person/alpha", "person/beta"), ("ACCUSE", "person/gamma", "person/delta"),
              ("ACCUSE", "person/alpha", "person/beta")]  # a repeat of the first still counts once
    score = score_graph(store(entities=people, events=events), GOLD)
    assert score.counts["events"] == Counts(tp=0, fp=2, fn=2)
    assert [e.text for e in score.errors if e.section == "events" and e.kind == "FP"] == [
        "ACCUSE Alpha -> Beta", "ACCUSE Gamma -> Delta",
    ]


def test_events_with_one_gold_end_and_different_unmatched_ends_are_told_apart():
    strangers = [("person/alpha", "Person", ["Alpha"]), ("person/gamma", "Person", ["Gamma"])]
    events = [("ACCUSE", "state/USA", "person/alpha"), ("ACCUSE", "state/USA", "person/gamma"),
              ("ACCUSE", "person/alpha", "state/UKR"), ("ACCUSE", "person/gamma", "state/UKR")]
    graph = store(**dict(PERFECT, entities=[*PERFECT["entities"], *strangers], events=[*PERFECT["events"], *events]))
    assert score_graph(graph, GOLD).counts["events"] == Counts(tp=2, fp=4, fn=0)


def test_optional_events_are_neither_required_nor_penalised():
    optional = [{"type": "ASSAULT", "agent": "United States", "target": "Ukraine", "optional": True},
                {"type": "ACCUSE", "agent": "Ukraine", "target": "NATO", "optional": True}]
    gold = dict(GOLD, events=[*GOLD["events"], *optional])
    graph = store(**dict(PERFECT, events=[*PERFECT["events"], ("ASSAULT", "state/USA", "state/UKR")]))
    assert score_graph(graph, gold).counts["events"] == Counts(tp=2, fp=0, fn=0)


def test_event_ends_are_resolved_through_typed_entities_only():
    untyped = ("person/mark-rutte", None, ["Mark Rutte"])
    entities = [e for e in PERFECT["entities"] if e[0] != "person/mark-rutte"] + [untyped]
    graph = store(**dict(PERFECT, entities=entities))
    score = score_graph(graph, GOLD)
    assert score.counts["events"] == Counts(tp=1, fp=1, fn=1)
    assert score.counts["roles"] == Counts(tp=1, fp=1, fn=1)


def test_an_agent_only_gold_event_is_matched_by_an_agent_only_graph_event():
    gold = dict(GOLD, events=[*GOLD["events"], {"type": "MOBILIZE", "agent": "Ukraine"}])
    graph = store(**dict(PERFECT, events=[*PERFECT["events"], ("MOBILIZE", "state/UKR", None)]))
    score = score_graph(graph, gold)
    assert score.counts["events"] == Counts(tp=3)
    assert score.breakdown["events"]["MOBILIZE"] == Counts(tp=1)


def test_an_agent_only_gold_event_is_also_matched_by_a_graph_event_with_a_target():
    # as the reference scorer: the target the gold omits is extra detail, not a mistake
    gold = dict(GOLD, events=[*GOLD["events"], {"type": "MOBILIZE", "agent": "Ukraine"}])
    graph = store(**dict(PERFECT, events=[*PERFECT["events"], ("MOBILIZE", "state/UKR", "org/nato")]))
    assert score_graph(graph, gold).counts["events"] == Counts(tp=3)


def test_an_agent_only_gold_event_needs_its_agent_and_type():
    gold = dict(GOLD, events=[{"type": "MOBILIZE", "agent": "Ukraine"}])
    graph = store(**dict(PERFECT, events=[("MOBILIZE", "state/USA", None), ("PROTEST", "state/UKR", None)]))
    score = score_graph(graph, gold)
    assert score.counts["events"] == Counts(tp=0, fp=2, fn=1)
    assert [e.text for e in score.errors if e.section == "events"] == [
        "MOBILIZE United States (no target)", "PROTEST Ukraine (no target)", "MOBILIZE Ukraine (no target)",
    ]


def test_an_agent_only_graph_event_does_not_match_a_gold_event_with_a_target():
    graph = store(**dict(PERFECT, events=[("SUPPORT", "state/USA", None), PERFECT["events"][0]]))
    assert score_graph(graph, GOLD).counts["events"] == Counts(tp=1, fp=1, fn=1)


def test_an_agent_only_consult_is_matched_by_its_agent_at_either_end():
    gold = dict(GOLD, events=[{"type": "CONSULT", "agent": "Mark Rutte"}, {"type": "ASSAULT", "agent": "Ukraine"}])
    graph = store(**dict(PERFECT, events=[("CONSULT", "person/antony-blinken", "person/mark-rutte"),
                                          ("ASSAULT", "state/USA", "state/UKR")]))
    assert score_graph(graph, gold).counts["events"] == Counts(tp=1, fp=1, fn=1)


def test_one_graph_event_does_not_count_for_both_a_targeted_and_an_agent_only_gold_event():
    gold = dict(GOLD, events=[{"type": "SUPPORT", "agent": "United States"}, GOLD["events"][1]])
    one = store(**dict(PERFECT, events=[("SUPPORT", "state/USA", "state/UKR")]))
    assert score_graph(one, gold).counts["events"] == Counts(tp=1, fp=0, fn=1)
    both = store(**dict(PERFECT, events=[("SUPPORT", "state/USA", "state/UKR"), ("SUPPORT", "state/USA", None)]))
    assert score_graph(both, gold).counts["events"] == Counts(tp=2, fp=0, fn=0)


def test_events_are_broken_down_by_plover_type():
    graph = store(**dict(PERFECT, events=[("CONSULT", "person/antony-blinken", "person/mark-rutte"),
                                          ("ASSAULT", "state/USA", "state/UKR")]))
    assert score_graph(graph, GOLD).breakdown["events"] == {
        "ASSAULT": Counts(fp=1), "CONSULT": Counts(tp=1), "SUPPORT": Counts(fn=1),
    }


# ---------------------------------------------------------------- quotes

QUOTES = [
    {"speaker": "Antony Blinken", "text": "we will stand with our partners for as long as it takes", "direct": True},
    {"speaker": "Mark Rutte", "text": "the alliance is ready", "direct": False},
    {"speaker": None, "text": "talks went well", "direct": False, "optional": True},
]


def test_quotes_are_scored_when_the_gold_lists_them():
    graph = store(**PERFECT, quotes=[
        ("person/antony-blinken", "We will stand with our partners"),  # 6 words, all in the gold's 12
        ("person/mark-rutte", "the alliance is not ready for this"),  # 4 of the shorter's 4
    ])
    score = score_graph(graph, dict(GOLD, quotes=QUOTES))
    assert score.counts["quotes"] == Counts(tp=2)
    assert "quotes" not in score.breakdown


def test_a_quote_needs_its_speaker_and_half_of_the_shorter_text():
    graph = store(**PERFECT, quotes=[
        ("person/mark-rutte", "we will stand with our partners"),  # the wrong speaker
        ("person/antony-blinken", "our partners know it"),  # 2 of 4 words: half, a match
        ("person/mark-rutte", "ready, he said"),  # 1 of 3 words: under half
    ])
    score = score_graph(graph, dict(GOLD, quotes=QUOTES))
    assert score.counts["quotes"] == Counts(tp=1, fp=2, fn=1)
    assert [e.text for e in score.errors if e.section == "quotes"] == [
        "Mark Rutte: we will stand with our partners", "Mark Rutte: ready, he said",
        "Mark Rutte: the alliance is ready",
    ]


def test_quoted_words_overlap_by_at_least_half_of_the_shorter_text_counting_repeats():
    assert quote_overlaps("We will, we WILL win", "we will") and quote_overlaps("a b c d", "c d x y z w")
    assert not quote_overlaps("a a a b", "a c d e") and not quote_overlaps("", "a") and not quote_overlaps("a b c", "d")


def test_a_gold_quote_without_a_speaker_is_matched_by_any_speaker_and_is_optional_as_marked():
    graph = store(**PERFECT, quotes=[("person/mark-rutte", "Talks went well."), (None, "talks went very well")])
    assert score_graph(graph, dict(GOLD, quotes=QUOTES)).counts["quotes"] == Counts(tp=0, fp=0, fn=2)


def test_a_graph_quote_without_a_speaker_matches_only_a_gold_quote_without_one():
    graph = store(**PERFECT, quotes=[(None, "the alliance is ready")])
    assert score_graph(graph, dict(GOLD, quotes=QUOTES)).counts["quotes"] == Counts(tp=0, fp=1, fn=2)


def test_quotes_are_read_through_the_other_terms_the_reference_reads_too():
    graph = store(**PERFECT, quotes=[("person/mark-rutte", "the alliance is ready", "alternative")])
    assert score_graph(graph, dict(GOLD, quotes=QUOTES)).counts["quotes"] == Counts(tp=1, fn=1)


def test_a_quote_read_twice_counts_once_and_two_for_one_gold_quote_cost_nothing():
    quote = ("person/mark-rutte", "the alliance is ready")
    graph = store(**PERFECT, quotes=[quote, quote, ("person/mark-rutte", "The alliance is ready.")])
    assert score_graph(graph, dict(GOLD, quotes=QUOTES)).counts["quotes"] == Counts(tp=1, fp=0, fn=1)


def test_quotes_are_not_scored_when_the_gold_has_no_quotes_list():
    graph = store(**PERFECT, quotes=[("person/mark-rutte", "the alliance is ready")])
    assert "quotes" not in score_graph(graph, GOLD).counts
    assert score_graph(graph, dict(GOLD, quotes=[])).counts["quotes"] == Counts(fp=1)


# ---------------------------------------------------------------- inputs


def test_an_rdflib_graph_scores_like_the_oxigraph_store():
    text = turtle(**PERFECT)
    graph = rdflib.Graph().parse(data=text, format="turtle")
    assert counts(score_graph(graph, GOLD)) == counts(score_graph(store(**PERFECT), GOLD))
