"""A loosely shaped gold file fails with one line naming the file, the item and the field."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from pyoxigraph import Store
from evaluate_support import GOLD, entity, fake_build, write_docs

from newsgraph.cli import main
from newsgraph.errors import EvaluationError
from newsgraph.evaluate import Counts, check_gold, evaluate_dir, score_graph

ROLE = {"person": "Antony Blinken", "role": "secretary of state"}
EVENT = {"type": "CONSULT", "agent": "Antony Blinken", "target": "Mark Rutte"}
QUOTE = {"speaker": "Antony Blinken", "text": "invented words of a briefing", "direct": True}


@pytest.mark.parametrize(
    ("gold", "message"),
    [
        ({"entities": [entity("X", "Person"), {"name": "Y", "type": "Person", "aliases": None}]},
         "entities[1].aliases must be a list of strings"),
        ({"entities": [{"name": "Y", "type": "Person", "aliases": [1, 2]}]},
         "entities[0].aliases must be a list of strings"),
        ({"entities": [{"name": "Y", "type": "Person", "aliases": "Why"}]},
         "entities[0].aliases must be a list of strings"),
        ({"entities": [{"name": "X"}]}, "entities[0].type must be a non-empty string"),
        ({"entities": [{"name": 7, "type": "Person"}]}, "entities[0].name must be a non-empty string"),
        ({"entities": [{"name": " ", "type": "Person"}]}, "entities[0].name must be a non-empty string"),
        ({"entities": [entity("X", "City")]},
         "entities[0].type is 'City'; use one of Person, Organisation, State, Place"),
        ({"entities": [{**entity("X", "Person"), "optional": "yes"}]}, "entities[0].optional must be true or false"),
        ({"entities": ["Antony Blinken"]}, "entities[0] must be an object with name, type"),
        ({"entities": {"name": "X"}}, "entities must be a list of objects"),
        ({"roles": [ROLE, {**ROLE, "of": ["a"]}]}, "roles[1].of must be a non-empty string"),
        ({"roles": [{**ROLE, "of": None}]}, "roles[0].of must be a non-empty string"),
        ({"roles": [{**ROLE, "former": "true"}]}, "roles[0].former must be true or false"),
        ({"roles": [{"person": "A"}]}, "roles[0].role must be a non-empty string"),
        ({"roles": {"person": "A"}}, "roles must be a list of objects"),
        ({"events": [{**EVENT, "place": 3}]}, "events[0].place must be a non-empty string"),
        ({"events": [{**EVENT, "place": {"name": "Brussels"}}]}, "events[0].place must be a non-empty string"),
        ({"events": [{**EVENT, "date": 20241113}]}, "events[0].date must be a non-empty string"),
        ({"events": [{**EVENT, "target": None}]}, "events[0].target must be a non-empty string"),
        ({"events": [{"type": "MOBILIZE", "agent": "A", "target": ""}]}, "events[0].target must be a non-empty string"),
        ({"events": [{**EVENT, "agent": ["A", "B"]}]}, "events[0].agent must be a non-empty string"),
        ({"events": [{"type": "MOBILIZE", "target": "A"}]}, "events[0].agent must be a non-empty string"),
        ({"events": [None]}, "events[0] must be an object with type, agent"),
        ({"quotes": {"speaker": "A"}}, "quotes must be a list of objects"),
        ({"quotes": ["invented words"]}, "quotes[0] must be an object with speaker, text, direct"),
        ({"quotes": [QUOTE, {**QUOTE, "text": ""}]}, "quotes[1].text must be a non-empty string"),
        ({"quotes": [{**QUOTE, "text": ["invented", "words"]}]}, "quotes[0].text must be a non-empty string"),
        ({"quotes": [{"speaker": "A", "direct": True}]}, "quotes[0].text must be a non-empty string"),
        ({"quotes": [{**QUOTE, "speaker": 3}]}, "quotes[0].speaker must be a non-empty string or null"),
        ({"quotes": [{"text": "invented words", "direct": True}]},
         "quotes[0].speaker must be a non-empty string or null"),
        ({"quotes": [{**QUOTE, "direct": "yes"}]}, "quotes[0].direct must be true or false"),
        ({"quotes": [{"speaker": "A", "text": "invented words"}]}, "quotes[0].direct must be true or false"),
        ({"quotes": [{**QUOTE, "optional": 1}]}, "quotes[0].optional must be true or false"),
    ],
)
def test_a_malformed_gold_structure_is_an_evaluation_error_naming_item_and_field(gold, message):
    with pytest.raises(EvaluationError) as caught:
        score_graph(Store(), gold, name="d1")
    assert str(caught.value) == f"d1.gold.json: {message}"
    with pytest.raises(EvaluationError) as checked:
        check_gold(gold, "d1.gold.json")
    assert str(checked.value) == str(caught.value)


def test_the_documented_optional_fields_are_accepted():
    gold = {
        "id": "full", "source": "invented", "published": "2024-11-13",
        "entities": [{**entity("United States", "State", "US"), "iso3": "USA"}, entity("Kyiv", "Place"),
                     entity("Reuters", "Organisation", optional=True)],
        "roles": [{**ROLE, "of": "United States", "former": True, "nominated": False, "elect": False,
                   "optional": False}],
        "events": [{**EVENT, "place": "Kyiv", "date": "2024-11-13", "optional": True},
                   {"type": "MOBILIZE", "agent": "United States", "place": "Kyiv"}],
        "quotes": [QUOTE, {"speaker": None, "text": "invented words of an official", "direct": False,
                           "optional": True}],
    }
    check_gold(gold, "full.gold.json")
    score = score_graph(Store(), gold, name="full")
    assert {s: c.fn for s, c in score.counts.items()} == {"entities": 1, "roles": 1, "events": 1, "quotes": 1}
    assert score.breakdown["roles"] == {"former": Counts(fn=1)}


def test_a_gold_dict_without_a_name_is_named_by_its_id():
    with pytest.raises(EvaluationError) as caught:
        score_graph(Store(), {"id": "seed", "roles": [{"person": "A"}]})
    assert str(caught.value) == "gold 'seed': roles[0].role must be a non-empty string"


def test_evaluate_dir_checks_every_gold_file_before_the_first_build(tmp_path):
    bad = dict(GOLD, entities=[*GOLD["entities"][:3], {"name": "X", "type": "Person", "aliases": None}])
    write_docs(tmp_path, {"a-doc": GOLD, "d1": bad})
    calls: list = []
    with pytest.raises(EvaluationError) as caught:
        evaluate_dir(tmp_path, build=fake_build({}, calls))
    assert str(caught.value) == "d1.gold.json: entities[3].aliases must be a list of strings"
    assert calls == []


def test_cli_reports_malformed_gold_quotes_in_one_line_with_exit_2(tmp_path):
    write_docs(tmp_path, {"d1": dict(GOLD, quotes=[QUOTE, {**QUOTE, "direct": None}])})
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path), "-q"])
    assert (result.exit_code, result.output) == (2, "Error: d1.gold.json: quotes[1].direct must be true or false\n")


def test_cli_reports_a_malformed_gold_structure_in_one_line_with_exit_2(tmp_path):
    write_docs(tmp_path, {"d1": dict(GOLD, events=[{**EVENT, "place": 3}])})
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path), "-q"])
    assert (result.exit_code, result.output) == (2, "Error: d1.gold.json: events[0].place must be a non-empty string\n")
