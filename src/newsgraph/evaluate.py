"""Score built graphs against gold annotations (``NAME.gold.json`` beside ``NAME.txt``).

The rules are the annotation guidelines' (shared/eval/GUIDELINES.md):

- entities: a predicted Person, Organisation or State stands for the gold
  entity one of its labels names (case-insensitive, ignoring a leading
  "the", a trailing possessive and the dots of acronyms), preferring one of
  its own type. It is a true positive when the types agree and no other
  prediction took that entity first; otherwise a false positive (a
  duplicate, a type clash such as a State for a gold Place, or not in gold).
  Places are listed, not scored: a Place for a gold State costs the miss.
- roles: the person and ``of`` stand for the same gold entities (any
  ``of`` when the gold has none) and the role strings share a content word.
- events: type, agent and target match; either order for the symmetric
  CONSULT and COOPERATE. Repeats of one event (other dates, sentences)
  count once.

Items marked ``optional`` are neither required nor penalised. Roles and
events are paired with gold items by a maximum matching; one that repeats
a found item is not a false positive (the duplicate rule is the entities').
These choices agree with the reference scorer shipped beside the gold files.

The graph is read only through the RDF contract of ``docs/graph-model.md``
(entity classes with SKOS labels, ``org:Membership``, ``ng:Event``), so any
graph of that shape can be scored, whoever built it.
"""
from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, RdfFormat, Store

from .errors import EvaluationError, NewsgraphError
from .graph.iris import DEFAULT_BASE
from .query import LoadedGraph, load_graph

SECTIONS = ("entities", "roles", "events")
ACTOR_TYPES = ("Person", "Organisation", "State")
ENTITY_TYPES = (*ACTOR_TYPES, "Place")
SYMMETRIC_EVENTS = frozenset({"CONSULT", "COOPERATE"})
# Words two role strings may share without being the same post.
ROLE_STOPWORDS = frozenset(
    "a an the of for and to in on at with by s former ex then new current acting outgoing incoming".split()
)

Build = Callable[[Path, Path], Path]


# ---------------------------------------------------------------- counting


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and misses, with P/R/F1 (0.0 when undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
        }


@dataclass(frozen=True)
class Error:
    """One false positive (``FP``) or miss (``FN``), described for a reader."""

    section: str
    kind: str  # "FP" | "FN"
    text: str


@dataclass(frozen=True)
class DocumentScore:
    """The score of one document; ``breakdown`` is section -> group -> counts.

    Groups are the entity type, the PLOVER event type and the role status
    (current, former, nominated, elect).
    """

    name: str
    counts: Mapping[str, Counts]
    breakdown: Mapping[str, Mapping[str, Counts]]
    errors: tuple[Error, ...] = ()
    build_error: str | None = None


@dataclass(frozen=True)
class EvaluationReport:
    documents: tuple[DocumentScore, ...]

    @property
    def micro(self) -> dict[str, Counts]:
        return {s: sum((d.counts[s] for d in self.documents), Counts()) for s in SECTIONS}

    @property
    def breakdown(self) -> dict[str, dict[str, Counts]]:
        total: dict[str, dict[str, Counts]] = {s: {} for s in SECTIONS}
        for doc in self.documents:
            for section, groups in doc.breakdown.items():
                for group, counts in groups.items():
                    total[section][group] = total[section].get(group, Counts()) + counts
        return {s: dict(sorted(g.items())) for s, g in total.items()}

    @property
    def failed(self) -> tuple[DocumentScore, ...]:
        return tuple(d for d in self.documents if d.build_error)

    def as_dict(self) -> dict[str, Any]:
        return {
            "micro": {s: c.as_dict() for s, c in self.micro.items()},
            "breakdown": {s: {g: c.as_dict() for g, c in gs.items()} for s, gs in self.breakdown.items()},
            "documents": {
                d.name: {
                    **{s: d.counts[s].as_dict() for s in SECTIONS},
                    "errors": [{"section": e.section, "kind": e.kind, "text": e.text} for e in d.errors],
                    **({"build_error": d.build_error} if d.build_error else {}),
                }
                for d in self.documents
            },
        }


# ---------------------------------------------------------------- names


def name_keys(text: str) -> frozenset[str]:
    """The forms a name is compared in: "The U.S.'s" -> {"u.s.", "us"}, "Kyiv’s" -> {"kyiv"}.

    Case-folded, without surrounding quotes or brackets, a leading "the" or a
    trailing possessive; dotted acronyms match their undotted form.
    """
    key = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    key = " ".join(key.split()).strip("\"'“”,;:()[] ").casefold()
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"'s?$", "", key).strip()
    return frozenset(k for k in (key, key.replace(".", "").strip()) if k)


def names_match(a: str, b: str) -> bool:
    """Whether two surface forms name the same thing under the gold matching rules."""
    return bool(name_keys(a) & name_keys(b))


def content_words(role: str) -> frozenset[str]:
    """The words of a role string that say what the post is ("secretary-general" -> secretary, general)."""
    words = re.split(r"[^\w]+", unicodedata.normalize("NFKC", role).casefold())
    return frozenset(w for w in words if w and not w.isdigit() and w not in ROLE_STOPWORDS)


def _keys(names: Sequence[str]) -> frozenset[str]:
    return frozenset().union(*(name_keys(n) for n in names)) if names else frozenset()


@dataclass(frozen=True)
class _GoldEntity:
    index: int
    name: str
    type: str
    keys: frozenset[str]
    canonical: frozenset[str]
    optional: bool


@dataclass(frozen=True)
class _Node:
    """A typed entity node of the predicted graph, with the keys of its labels."""

    term: str
    label: str
    types: frozenset[str]
    keys: frozenset[str]
    pref: frozenset[str]


def _resolve(node: _Node | None, gold: Sequence[_GoldEntity]) -> _GoldEntity | None:
    """The one gold entity a predicted node stands for, if any.

    Among the gold entities sharing a name key with the node, prefer one of
    the node's own type, then one whose canonical name is the node's
    preferred label, then the first listed.
    """
    if node is None:
        return None
    candidates = [g for g in gold if g.keys & node.keys]
    if not candidates:
        return None
    return min(candidates, key=lambda g: (g.type not in node.types, not (g.canonical & node.pref), g.index))


# ---------------------------------------------------------------- reading the graph

_PREFIXES = """
PREFIX ng: <https://w3id.org/newsgraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
_Q_ENTITIES = _PREFIXES + """
SELECT ?node ?type ?label ?pref WHERE {
  VALUES (?class ?type) { (ng:Person "Person") (ng:Organisation "Organisation") (ng:State "State") (ng:Place "Place") }
  ?node a ?class .
  OPTIONAL {
    { ?node skos:prefLabel|rdfs:label ?label BIND(true AS ?pref) }
    UNION { ?node skos:altLabel ?label BIND(false AS ?pref) }
  }
}"""
_Q_ROLES = _PREFIXES + """
SELECT ?m ?person ?role ?roleLabel ?org ?former ?nominated ?elect WHERE {
  ?m a org:Membership ; org:member ?person ; org:role ?role .
  OPTIONAL { ?role skos:prefLabel|rdfs:label ?roleLabel }
  OPTIONAL { ?m org:organization ?org }
  OPTIONAL { ?m ng:former ?former }
  OPTIONAL { ?m ng:nominated ?nominated }
  OPTIONAL { ?m ng:elect ?elect }
} ORDER BY ?m"""
_Q_EVENTS = _PREFIXES + """
SELECT ?event ?type ?agent ?target WHERE {
  ?event a ng:Event ; ng:eventType ?type ; ng:agent ?agent ; ng:target ?target .
} ORDER BY ?event"""


def _as_store(graph: LoadedGraph | Store | Any) -> Store:
    if isinstance(graph, LoadedGraph):
        return graph.store
    if isinstance(graph, Store):
        return graph
    if hasattr(graph, "serialize"):  # an rdflib Graph: hand its triples to Oxigraph
        store = Store()
        store.load(graph.serialize(format="nt", encoding="utf-8"), format=RdfFormat.N_TRIPLES)
        return store
    raise TypeError(f"cannot score a {type(graph).__name__}: give a pyoxigraph Store or an rdflib Graph")


def _local_name(term: Any) -> str:
    return re.split(r"[#/]", term.value)[-1] if term is not None else ""


def _read_nodes(store: Store) -> dict[str, _Node]:
    types: dict[str, set[str]] = {}
    labels: dict[str, list[tuple[bool, str]]] = {}
    for row in store.query(_Q_ENTITIES):
        term = str(row["node"])
        types.setdefault(term, set()).add(row["type"].value)
        if row["label"] is not None:
            labels.setdefault(term, []).append((row["pref"].value == "true", row["label"].value))
    nodes = {}
    for term, kinds in types.items():
        forms = sorted(set(labels.get(term, [])), key=lambda f: (not f[0], f[1]))
        label = forms[0][1] if forms else term
        nodes[term] = _Node(
            term, label, frozenset(kinds), _keys([f for _, f in forms]), _keys([f for pref, f in forms if pref])
        )
    return nodes


# ---------------------------------------------------------------- scoring


@dataclass
class _Tally:
    section: str
    counts: Counts = field(default_factory=Counts)
    groups: dict[str, Counts] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)

    def add(self, group: str, delta: Counts, kind: str | None = None, text: str = "") -> None:
        self.counts = self.counts + delta
        self.groups[group] = self.groups.get(group, Counts()) + delta
        if kind:
            self.errors.append(Error(self.section, kind, text))


def _max_matching(candidates: Sequence[Sequence[int]]) -> dict[int, int]:
    """Maximum bipartite matching by augmenting paths: prediction index -> gold index."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for g in candidates[i]:
            if g not in seen:
                seen.add(g)
                if g not in owner or augment(owner[g], seen):
                    owner[g] = i
                    return True
        return False

    for i in range(len(candidates)):
        augment(i, set())
    return {i: g for g, i in owner.items()}


def _pair(
    section: str,
    predicted: Sequence[dict[str, Any]],
    gold: Sequence[dict[str, Any]],
    compatible: Callable[[dict[str, Any], dict[str, Any]], bool],
    group: Callable[[dict[str, Any]], str],
) -> _Tally:
    """Count roles or events: a prediction is a false positive only when it matches no gold item.

    Required gold items are paired one-to-one with predictions (a maximum
    matching); a prediction that repeats a found item or matches an optional
    one is neither rewarded nor penalised.
    """
    tally = _Tally(section)
    candidates = [[g for g, item in enumerate(gold) if compatible(p, item)] for p in predicted]
    matched = _max_matching([[g for g in c if not gold[g]["optional"]] for c in candidates])
    for i, p in enumerate(predicted):
        if i in matched:
            tally.add(group(gold[matched[i]]), Counts(tp=1))
        elif not candidates[i]:
            tally.add(group(p), Counts(fp=1), "FP", p["text"])
    found = set(matched.values())
    for g, item in enumerate(gold):
        if not item["optional"] and g not in found:
            tally.add(group(item), Counts(fn=1), "FN", item["text"])
    return tally


def _score_entities(nodes: Sequence[_Node], gold: Sequence[_GoldEntity]) -> _Tally:
    """Each predicted actor stands for at most one gold entity; a second one for it is a false positive."""
    tally = _Tally("entities")
    found: set[int] = set()
    for node in nodes:
        kinds = sorted(node.types & set(ACTOR_TYPES))
        if not kinds:
            continue  # places are listed, not scored
        shown = f"{'/'.join(kinds)} {node.label!r}"
        match = _resolve(node, gold)
        if match is None:
            tally.add(kinds[0], Counts(fp=1), "FP", f"{shown} (not in gold)")
        elif match.optional:
            continue
        elif match.type not in kinds:
            tally.add(kinds[0], Counts(fp=1), "FP", f"{shown} (gold says {match.type} {match.name!r})")
        elif match.index in found:
            tally.add(match.type, Counts(fp=1), "FP", f"{shown} (duplicate of {match.name!r})")
        else:
            found.add(match.index)
            tally.add(match.type, Counts(tp=1))
    for g in gold:
        if g.type in ACTOR_TYPES and not g.optional and g.index not in found:
            tally.add(g.type, Counts(fn=1), "FN", f"{g.type} {g.name!r}")
    return tally


def _gold_list(gold: Mapping[str, Any], key: str, required: Sequence[str], where: str) -> list[dict[str, Any]]:
    items = gold.get(key, [])
    if not isinstance(items, list):
        raise EvaluationError(f"gold {where}: '{key}' must be a list")
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) and item[k] for k in required):
            raise EvaluationError(f"gold {where}: {key} item {n} needs {', '.join(map(repr, required))} as text")
    return items


def _gold_entities(gold: Mapping[str, Any], where: str) -> list[_GoldEntity]:
    items = _gold_list(gold, "entities", ("name", "type"), where)
    for n, item in enumerate(items, 1):
        if item["type"] not in ENTITY_TYPES:
            raise EvaluationError(
                f"gold {where}: entity {n} has type {item['type']!r}; use one of {', '.join(ENTITY_TYPES)}"
            )
    return [
        _GoldEntity(i, e["name"], e["type"], _keys([e["name"], *e.get("aliases", [])]), name_keys(e["name"]),
                    bool(e.get("optional")))
        for i, e in enumerate(items)
    ]


def _status(flags: Mapping[str, Any]) -> str:
    return next((flag for flag in ("former", "nominated", "elect") if flags.get(flag) in (True, "true")), "current")


def _arrow(kind: str) -> str:
    return "<->" if kind in SYMMETRIC_EVENTS else "->"


def score_graph(graph: LoadedGraph | Store | Any, gold: Mapping[str, Any], *, name: str | None = None) -> DocumentScore:
    """Compare one document's graph with its gold annotation (pure: no files, no model)."""
    where = repr(name or gold.get("id") or "?")
    entities = _gold_entities(gold, where)
    gold_roles = _gold_list(gold, "roles", ("person", "role"), where)
    gold_events = _gold_list(gold, "events", ("type", "agent", "target"), where)

    def named(text: str | None) -> _GoldEntity | None:
        """The gold entity a gold role or event names: by canonical name, else by alias."""
        keys = name_keys(text or "")
        by_name = next((g for g in entities if g.canonical & keys), None)
        return by_name or next((g for g in entities if g.keys & keys), None)

    store = _as_store(graph)
    nodes = _read_nodes(store)

    def resolved(term: Any) -> tuple[_GoldEntity | None, str]:
        """The gold entity a graph node stands for, and how to show it."""
        node = nodes.get(str(term)) if term is not None else None
        match = _resolve(node, entities)
        return match, match.name if match else (node.label if node else getattr(term, "value", "?"))

    roles = [
        {"person": named(r["person"]), "of": named(r.get("of")), "has_of": bool(r.get("of")),
         "words": content_words(r["role"]), "status": _status(r), "optional": bool(r.get("optional")),
         "text": f"{r['person']}: {r['role']}" + (f" of {r['of']}" if r.get("of") else "")}
        for r in gold_roles
    ]
    predicted_roles = []
    for row in store.query(_Q_ROLES):
        role = row["roleLabel"] or row["role"]
        text = role.value if isinstance(role, Literal) else _local_name(role)
        (person, who), (org, where_) = resolved(row["person"]), resolved(row["org"])
        flags = {k: row[k].value if row[k] is not None else None for k in ("former", "nominated", "elect")}
        predicted_roles.append({
            "person": person, "of": org, "words": content_words(text), "status": _status(flags),
            "text": f"{who}: {text}" + (f" of {where_}" if row["org"] is not None else ""),
        })

    def role_matches(p: dict[str, Any], g: dict[str, Any]) -> bool:
        same_of = not g["has_of"] or (p["of"] is not None and p["of"] is g["of"])
        return p["person"] is not None and p["person"] is g["person"] and same_of and bool(p["words"] & g["words"])

    events = [
        {"type": kind, "agent": named(e["agent"]), "target": named(e["target"]), "optional": bool(e.get("optional")),
         "text": f"{kind} {e['agent']} {_arrow(kind)} {e['target']}"}
        for e, kind in ((e, e["type"].upper()) for e in gold_events)
    ]
    # An event is what it says, not how often: repeats (other dates, other sentences) count once.
    predicted_events: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in store.query(_Q_EVENTS):
        kind = _local_name(row["type"]).upper()
        (agent, a), (target, b) = resolved(row["agent"]), resolved(row["target"])
        key = (kind, agent and agent.index, target and target.index)
        text = f"{kind} {a} {_arrow(kind)} {b}"
        predicted_events.setdefault(key, {"type": kind, "agent": agent, "target": target, "text": text})

    def event_matches(p: dict[str, Any], g: dict[str, Any]) -> bool:
        if p["type"] != g["type"] or p["agent"] is None or p["target"] is None:
            return False
        ends = (p["agent"], p["target"])
        symmetric = g["type"] in SYMMETRIC_EVENTS
        return ends == (g["agent"], g["target"]) or (symmetric and ends == (g["target"], g["agent"]))

    tallies = {
        "entities": _score_entities(sorted(nodes.values(), key=lambda n: n.term), entities),
        "roles": _pair("roles", predicted_roles, roles, role_matches, lambda x: x["status"]),
        "events": _pair("events", list(predicted_events.values()), events, event_matches, lambda x: x["type"]),
    }
    return DocumentScore(
        name=name or str(gold.get("id") or "document"),
        counts={s: tallies[s].counts for s in SECTIONS},
        breakdown={s: dict(sorted(tallies[s].groups.items())) for s in SECTIONS},
        errors=tuple(e for s in SECTIONS for e in tallies[s].errors),
    )


# ---------------------------------------------------------------- a folder of documents


def load_gold(path: Path) -> dict[str, Any]:
    """Read a gold file; malformed JSON is reported with its line and column."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise EvaluationError(
            f"gold file '{path}' is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"cannot read gold file '{path}': {error}") from None
    if not isinstance(data, dict):
        raise EvaluationError(f"gold file '{path}' must hold a JSON object with entities, roles and events")
    return data


def pipeline_build(*, model: str | None = None, base: str = DEFAULT_BASE) -> Build:
    """The product's own build, as a ``build(input_path, out_dir) -> graph.ttl`` callable."""

    def build(input_path: Path, out_dir: Path) -> Path:
        try:
            from .pipeline import build as run_pipeline
        except ImportError as error:
            raise EvaluationError(f"the build pipeline cannot be imported ({error}): reinstall newsgraph") from None
        report = run_pipeline([str(input_path)], out_dir, base=base, model=model, write_html=False)
        return Path(report.graph_path)

    return build


def evaluate_dir(
    docs_dir: str | Path,
    *,
    ext: str = "txt",
    build: Build | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> EvaluationReport:
    """Build every ``NAME.EXT`` that has a ``NAME.gold.json`` beside it and score it.

    ``build(input_path, out_dir)`` writes a graph and returns its path (the
    default runs the product pipeline). A document whose build fails with a
    NewsgraphError scores as an empty graph and carries the error, so one bad
    input does not hide the others' scores.
    """
    folder = Path(docs_dir)
    golds = sorted(folder.glob("*.gold.json")) if folder.is_dir() else []
    if not golds:
        raise EvaluationError(
            f"no *.gold.json files in '{folder}': "
            f"evaluate needs NAME.{ext.lstrip('.')} beside NAME.gold.json (see docs)"
        )
    build = build or pipeline_build()
    suffix = "." + ext.lstrip(".")
    documents = []
    for gold_path in golds:  # check every gold file before the first (slow) build
        name, gold = gold_path.name[: -len(".gold.json")], load_gold(gold_path)
        source = gold_path.with_name(name + suffix)
        if not source.is_file():
            raise EvaluationError(
                f"gold file '{gold_path}' has no '{source.name}' beside it: add the text or use --ext"
            )
        score_graph(Store(), gold, name=name)  # raises on a malformed gold structure
        documents.append((name, gold, source))
    scores = []
    for n, (name, gold, source) in enumerate(documents, 1):
        if progress:
            progress(n, len(documents), name)
        with tempfile.TemporaryDirectory(prefix="newsgraph-eval-") as tmp:
            graph: LoadedGraph | Store
            try:
                graph, error = load_graph(build(source, Path(tmp))), None
            except NewsgraphError as failure:
                graph, error = Store(), str(failure)
            score = score_graph(graph, gold, name=name)
        scores.append(DocumentScore(score.name, score.counts, score.breakdown, score.errors, error))
    return EvaluationReport(tuple(scores))


__all__ = sorted(
    [
        "Counts",
        "DocumentScore",
        "Error",
        "EvaluationReport",
        "content_words",
        "evaluate_dir",
        "load_gold",
        "name_keys",
        "names_match",
        "pipeline_build",
        "score_graph",
    ]
)
