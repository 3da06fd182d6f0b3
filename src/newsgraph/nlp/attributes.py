"""The model's attribute rules, applied by looking each token up instead of matching every rule.

``en_core_web_sm`` turns the tagger's fine tags into coarse parts of speech
and morphology, and fixes a few lemmas and labels, with spaCy's
``attribute_ruler``: about 180 token patterns that spaCy's ``Matcher`` tries
at every token, a tenth of the model's time on news (bench/README.md), as
much as its parser. Nearly every pattern tests a token's tag, lower-cased
form or dependency label for equality, so :class:`AttributeIndex` files each
pattern under one such test (the most selective: form, then label, then
tag), and a token is checked only against the patterns its own values find.
The matches are then applied exactly as the ruler applies them: in the
ruler's order of rules (a later rule wins), each with spaCy's own
``set_token_attrs``, all matched on the token values from before any change.

The result is the ruler's, token for token (``tests/test_nlp_attributes.py``
compares the two on news). A model whose rules use anything else (an
operator, an extension attribute, another predicate) keeps its ruler:
``replace_attribute_ruler`` then changes nothing.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: the token attributes a rule may test, as ``Doc.to_array`` reads them, most selective first
ATTRIBUTES = {"ORTH": ORTH, "LOWER": LOWER, "NORM": NORM, "DEP": DEP, "TAG": TAG, "IS_SPACE": IS_SPACE}
#: attributes whose values are strings (compared by their hash, read back for REGEX)
STRING_ATTRIBUTES = frozenset({"ORTH", "LOWER", "NORM", "DEP", "TAG"})


class Unsupported(ValueError):
    """A rule this index cannot apply exactly as spaCy's Matcher would."""


@dataclass(frozen=True)
class Test:
    """One condition on one token: ``attr`` equal to, in, or not in ``values``, or matching ``regex``."""

    attr: str
    kind: str  # "in" | "not_in" | "regex"
    values: frozenset[int] = frozenset()
    regex: re.Pattern | None = None


@dataclass(frozen=True)
class Pattern:
    """One token pattern of a rule: a test per token of the match, and the token it changes."""

    rule: int
    tokens: tuple[tuple[Test, ...], ...]
    target: int


@dataclass(frozen=True)
class Match:
    rule: int
    start: int
    target: int


def _test(attr: str, value, hashed: Callable[[str], int]) -> Test:
    name = attr.upper()
    if name not in ATTRIBUTES:
        raise Unsupported(f"attribute {attr!r}")

    def one(v) -> int:
        if isinstance(v, bool) and name == "IS_SPACE":
            return int(v)
        if isinstance(v, str) and name in STRING_ATTRIBUTES:
            return hashed(v)
        raise Unsupported(f"value {v!r} of {attr}")

    if not isinstance(value, dict):
        return Test(name, "in", frozenset({one(value)}))
    if len(value) != 1:
        raise Unsupported(f"predicates {sorted(value)} of {attr}")
    (predicate, arg), = value.items()
    if predicate in ("IN", "NOT_IN") and isinstance(arg, list):
        return Test(name, predicate.lower(), frozenset(one(v) for v in arg))
    if predicate == "REGEX" and isinstance(arg, str) and name in STRING_ATTRIBUTES:
        return Test(name, "regex", regex=re.compile(arg))
    raise Unsupported(f"predicate {predicate!r} of {attr}")


def compile_rules(rules: Sequence[Mapping], hashed: Callable[[str], int]) -> tuple[Pattern, ...]:
    """The ruler's rules (``AttributeRuler.patterns``: patterns, attrs, index) as patterns, in order;
    Unsupported when a rule uses what the index cannot apply exactly."""
    out = []
    for rule, spec in enumerate(rules):
        for tokens in spec["patterns"]:
            if not tokens or not all(isinstance(t, dict) and t for t in tokens):
                raise Unsupported(f"rule {rule}: an empty token pattern")
            index = spec.get("index", 0)
            if not -len(tokens) <= index < len(tokens):
                raise Unsupported(f"rule {rule}: index {index} outside its pattern")
            tests = tuple(tuple(_test(a, v, hashed) for a, v in t.items()) for t in tokens)
            out.append(Pattern(rule, tests, index % len(tokens)))
    return tuple(out)


class AttributeIndex:
    """Patterns filed under one equality (or IN) test each, to find a document's matches."""

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        self.by_value: dict[str, dict[int, list[tuple[int, Pattern]]]] = {}
        self.everywhere: list[Pattern] = []  # patterns without a test to file them under
        order = list(ATTRIBUTES)
        for p in patterns:
            anchors = [(order.index(t.attr), pos, t) for pos, tests in enumerate(p.tokens)
                       for t in tests if t.kind == "in"]
            if not anchors:
                self.everywhere.append(p)
                continue
            _, pos, test = min(anchors, key=lambda a: (a[0], len(a[2].values), a[1]))
            table = self.by_value.setdefault(test.attr, {})
            for v in test.values:
                table.setdefault(v, []).append((pos, p))
        self.attributes = tuple(sorted({t.attr for p in patterns for ts in p.tokens for t in ts}, key=order.index))

    def matches(self, columns: Mapping[str, Sequence[int]], text: Callable[[int], str]) -> list[Match]:
        """Every (rule, start, target) a Matcher would find over tokens with these attribute values
        (``columns[attr][i]``; ``text(hash)`` reads a string back), in the order the ruler applies them."""
        n = len(next(iter(columns.values()))) if columns else 0
        if not n:
            return []
        found: set[Match] = set()

        def holds(p: Pattern, start: int) -> bool:
            if start < 0 or start + len(p.tokens) > n:
                return False
            for offset, tests in enumerate(p.tokens):
                for t in tests:
                    value = columns[t.attr][start + offset]
                    if t.kind == "in":
                        ok = value in t.values
                    elif t.kind == "not_in":
                        ok = value not in t.values
                    else:
                        ok = t.regex.search(text(value)) is not None
                    if not ok:
                        return False
            return True

        tables = [(self.by_value[a], columns[a]) for a in self.attributes if a in self.by_value]
        for i in range(n):
            for table, column in tables:
                for pos, p in table.get(column[i], ()):
                    if holds(p, i - pos):
                        found.add(Match(p.rule, i - pos, i - pos + p.target))
            for p in self.everywhere:
                if holds(p, i):
                    found.add(Match(p.rule, i, i + p.target))
        return sorted(found, key=lambda m: (m.rule, m.start, m.target))


class IndexedAttributeRuler:
    """A pipeline component doing what the model's ``attribute_ruler`` does, by index."""

    def __init__(self, index: AttributeIndex, attrs: Sequence[dict]) -> None:
        self.index, self.attrs = index, list(attrs)
        self.ids = [ATTRIBUTES[a] for a in index.attributes]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(self.ids).reshape(len(doc), len(self.ids)).T.tolist()
        columns = dict(zip(self.index.attributes, rows))
        strings = doc.vocab.strings
        for m in self.index.matches(columns, lambda h: strings[h]):
            set_token_attrs(doc[m.target], self.attrs[m.rule])
        return doc


@Language.factory("newsgraph_attributes")
def _make(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    ruler = nlp.get_pipe("attribute_ruler")
    return IndexedAttributeRuler(AttributeIndex(compile_rules(ruler.patterns, nlp.vocab.strings.add)), ruler.attrs)


def replace_attribute_ruler(nlp: Language) -> bool:
    """Put the indexed twin in the place of the model's ``attribute_ruler``; False (and nothing
    changed) when the model has none, it is disabled, or a rule of it is not one the index reads."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:  # the factory compiles the rules once, and adds nothing when one is Unsupported
        nlp.add_pipe("newsgraph_attributes", before="attribute_ruler")
    except Unsupported:
        return False
    nlp.remove_pipe("attribute_ruler")
    return True
