"""The model's attribute rules applied by index (nlp/attributes.py): the Matcher's matches, in the
ruler's order, and on a real model the very token attributes of spaCy's own attribute_ruler."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsgraph.nlp.attributes import AttributeIndex, Match, Unsupported, compile_rules, replace_attribute_ruler

STRINGS: dict[str, int] = {}


def h(s: str) -> int:
    return STRINGS.setdefault(s, 0 if s == "" else len(STRINGS) + 1)


def text(value: int) -> str:
    return next(s for s, v in STRINGS.items() if v == value)


def columns(*tokens: dict[str, str]) -> dict[str, list[int]]:
    """Token values as the component reads them; an attribute a token lacks is unset (0)."""
    names = ("ORTH", "LOWER", "NORM", "DEP", "TAG", "IS_SPACE")
    return {a: [int(t.get(a, False)) if a == "IS_SPACE" else h(t.get(a, "")) for t in tokens] for a in names}


def find(rules, *tokens) -> list[Match]:
    return AttributeIndex(compile_rules(rules, h)).matches(columns(*tokens), text)


def tok(lower: str, tag: str = "NN", dep: str = "dep", space: bool = False) -> dict:
    return {"ORTH": lower, "LOWER": lower, "NORM": lower, "TAG": tag, "DEP": dep, "IS_SPACE": space}


def test_an_equality_rule_matches_every_token_with_that_value_and_no_other():
    rules = [{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}]
    assert find(rules, tok("cat"), tok("ran", "VBD"), tok("dog")) == [Match(0, 0, 0), Match(0, 2, 2)]


def test_every_test_of_a_token_must_hold():
    rules = [{"patterns": [[{"LOWER": "but", "TAG": "CC", "DEP": "advmod"}]], "attrs": {"POS": "ADV"}}]
    assert find(rules, tok("but", "CC", "cc"), tok("but", "CC", "advmod"), tok("yet", "CC", "advmod")) == \
        [Match(0, 1, 1)]


def test_in_and_not_in_read_sets_and_an_empty_string_is_an_unset_value():
    rules = [{"patterns": [[{"DEP": {"IN": ["aux", "auxpass"]}, "TAG": {"NOT_IN": ["TO", ""]}}]], "attrs": {}}]
    found = find(rules, tok("has", "VBZ", "aux"), tok("to", "TO", "aux"), tok("was", "VBD", "auxpass"),
                 {"LOWER": "x", "DEP": "aux"}, tok("ran", "VBD", "ROOT"))
    assert found == [Match(0, 0, 0), Match(0, 2, 2)]


def test_a_rule_with_only_exclusions_is_tried_at_every_token():
    rules = [{"patterns": [[{"TAG": {"NOT_IN": ["NN"]}}]], "attrs": {}}]
    assert find(rules, tok("a", "DT"), tok("b"), tok("c", "JJ")) == [Match(0, 0, 0), Match(0, 2, 2)]


def test_a_regex_searches_the_string_of_the_value():
    rules = [{"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {}}]
    assert find(rules, tok("y'"), tok("all"), tok("y"), tok("all"), tok("you"), tok("all")) == \
        [Match(0, 0, 0), Match(0, 2, 2)]


def test_a_two_token_pattern_changes_the_token_its_index_names_from_either_end():
    rules = [{"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {}, "index": 1},
             {"patterns": [[{"DEP": "expl"}, {"LOWER": "is"}]], "attrs": {}, "index": -1},
             {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {}}]
    found = find(rules, tok("there", "EX", "expl"), tok("is", "VBZ"), tok("gon"), tok("na"), tok("gon"))
    assert found == [Match(0, 2, 3), Match(1, 0, 1), Match(2, 2, 2)]


def test_a_pattern_running_past_the_last_token_does_not_match():
    rules = [{"patterns": [[{"LOWER": "let"}, {"LOWER": "'s"}]], "attrs": {}, "index": 1}]
    assert find(rules, tok("we"), tok("let")) == []


def test_matches_come_in_the_rulers_order_so_a_later_rule_wins():
    rules = [{"patterns": [[{"LOWER": "it"}]], "attrs": {}},
             {"patterns": [[{"TAG": "PRP"}]], "attrs": {}},
             {"patterns": [[{"LOWER": "it", "DEP": "nsubj"}]], "attrs": {}}]
    found = find(rules, tok("it", "PRP", "nsubj"), tok("she", "PRP", "nsubj"))
    assert [(m.rule, m.target) for m in found] == [(0, 0), (1, 0), (1, 1), (2, 0)]


def test_a_rule_with_several_patterns_matches_by_any_of_them():
    rules = [{"patterns": [[{"LOWER": "ca"}], [{"LOWER": "wo", "TAG": "MD"}]], "attrs": {}}]
    assert find(rules, tok("ca", "MD"), tok("wo", "MD"), tok("wo", "NN")) == [Match(0, 0, 0), Match(0, 1, 1)]


def test_a_space_rule_reads_the_flag():
    rules = [{"patterns": [[{"IS_SPACE": True}]], "attrs": {}}]
    assert find(rules, tok("a"), tok("\n", "_SP", space=True)) == [Match(0, 1, 1)]


def test_nothing_matches_in_an_empty_document():
    assert AttributeIndex(compile_rules([{"patterns": [[{"TAG": "NN"}]], "attrs": {}}], h)).matches({}, text) == []


@pytest.mark.parametrize("token", [
    {"LOWER": "a", "OP": "?"},  # an operator
    {"_": {"flag": True}},  # an extension attribute
    {"ENT_TYPE": "GPE"},  # an attribute the index does not read
    {"LOWER": {"FUZZY": "colour"}},  # another predicate
    {"LENGTH": {">=": 3}},  # a comparison
    {"IS_SPACE": "yes"},  # a value of the wrong kind
])
def test_a_rule_the_index_cannot_apply_exactly_is_refused(token):
    with pytest.raises(Unsupported):
        compile_rules([{"patterns": [[token]], "attrs": {}}], h)


def test_an_index_outside_its_pattern_is_refused():
    with pytest.raises(Unsupported):
        compile_rules([{"patterns": [[{"LOWER": "a"}]], "attrs": {}, "index": 1}], h)


# ------------------------------------------------------------------ against spaCy's own ruler


SENTENCES = [  # written for this test: contractions, pronouns by case, expletives, auxiliaries, spaces
    "The minister said on Tuesday that talks would resume, but did not say where.",
    "I told you it was over; give it to me and let's go.",
    "There is no plan. There were two, and there are none now.",
    "They're gonna meet again. We'll see whether y'all agree.",
    "She doesn't have the papers she had, and he did have them.",
    "Which of these did the council reject? That was the one that they kept.",
    "  Two spaces lead here.\n\nA new paragraph\tfollows a tab.  ",
    "But the army, it said, had withdrawn; but why?",
    "",
    "?",
    "Ain't nobody c'mon gotta wanna lemme gimme.",
]


@pytest.mark.slow
def test_the_indexed_rules_give_the_tokens_of_spacys_own_attribute_ruler():
    import spacy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

    from newsgraph.nlp.model import DEFAULT_MODELS

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from news_articles import NewsWriter

    name = next(n for n in DEFAULT_MODELS if spacy.util.is_package(n))
    stock, indexed = spacy.load(name), spacy.load(name)
    assert replace_attribute_ruler(indexed)
    assert "attribute_ruler" not in indexed.pipe_names and "newsgraph_attributes" in indexed.pipe_names
    writer = NewsWriter()
    texts = SENTENCES + [str(writer.article(i)["text"]) for i in range(60)]
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    for a, b in zip(stock.pipe(texts), indexed.pipe(texts), strict=True):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in a] == \
            [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in b], a.text[:80]
        assert (a.to_array(attrs) == b.to_array(attrs)).all()


@pytest.mark.slow
def test_a_model_whose_rules_the_index_cannot_read_keeps_its_ruler():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    assert not replace_attribute_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


@pytest.mark.slow
def test_the_build_pipeline_applies_the_rules_by_index():
    from newsgraph.nlp.model import load_pipeline

    names = load_pipeline().pipe_names
    assert "newsgraph_attributes" in names and "attribute_ruler" not in names
    assert names.index("parser") < names.index("newsgraph_attributes") < names.index("lemmatizer")
