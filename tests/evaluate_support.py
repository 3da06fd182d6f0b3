"""Builders shared by the ``test_evaluate_*`` files (no tests here).

Graphs are written as Turtle of the documented shape (docs/graph-model.md)
from short tuples, so each test states the graph it scores; the build step
of ``evaluate_dir`` is a seam (``build(input_path, out_dir) -> graph file``),
so most tests need no model.
"""
from __future__ import annotations

import json
from pathlib import Path

from pyoxigraph import RdfFormat, Store, parse

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV = SHARED / "corpus" / "dev"
GOLD_FILES = sorted(DEV.glob("*.gold.json")) if DEV.is_dir() else []

PREFIXES = """\
@prefix ng: <https://w3id.org/newsgraph/ontology#> .
@prefix plover: <https://w3id.org/newsgraph/plover#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
"""
ID = "https://w3id.org/newsgraph/id/"


def iri(key: str) -> str:
    return f"<{ID}{key}>"


def ttl_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid Turtle string literal


def turtle(entities=(), roles=(), events=(), quotes=()) -> str:
    """Turtle for entities ``(key, Type|None, [pref, alt...])``, roles ``(person, role, org|None[, flag])``,
    events ``(TYPE, agent, target|None)`` and quotes ``(speaker|None, words[, "alternative"])``; keys are
    IRI paths under the default base. An "alternative" quote is written with the other terms the reference
    scorer reads (schema:spokenByCharacter, ng:quotedText) instead of ng:speaker and schema:text."""
    lines = [PREFIXES]
    for key, kind, labels in entities:
        parts = ([f"a ng:{kind}"] if kind else []) + [f"skos:prefLabel {ttl_string(labels[0])}"]
        parts += [f"skos:altLabel {ttl_string(alt)}" for alt in labels[1:]]
        lines.append(f"{iri(key)} " + " ; ".join(parts) + " .")
    for n, (person, role, org, *flag) in enumerate(roles):
        parts = [f"a org:Membership ; org:member {iri(person)} ; org:role {iri(f'role/{n}')}"]
        if org:
            parts.append(f"org:organization {iri(org)}")
        if flag:
            parts.append(f"ng:{flag[0]} true")
        lines.append(f"{iri(f'membership/{n}')} " + " ; ".join(parts) + " .")
        lines.append(f"{iri(f'role/{n}')} a org:Role ; skos:prefLabel {ttl_string(role)} .")
    for n, (kind, agent, target) in enumerate(events):
        lines.append(f"{iri(f'event/{n}')} a ng:Event ; ng:eventType plover:{kind} ; ng:agent {iri(agent)}"
                     + (f" ; ng:target {iri(target)} ." if target else " ."))
    for n, (speaker, words, *variant) in enumerate(quotes):
        said, text = ("schema:spokenByCharacter", "ng:quotedText") if variant else ("ng:speaker", "schema:text")
        parts = ["a ng:Quotation"] + ([f"{said} {iri(speaker)}"] if speaker else []) + [f"{text} {ttl_string(words)}"]
        lines.append(f"{iri(f'quote/{n}')} " + " ; ".join(parts) + " .")
    return "\n".join(lines) + "\n"


def store(*args, **kwargs) -> Store:
    result = Store()
    result.extend(parse(turtle(*args, **kwargs).encode("utf-8"), format=RdfFormat.TURTLE))
    return result


def entity(name, kind, *aliases, optional=False):
    item = {"name": name, "type": kind, "aliases": list(aliases)}
    return {**item, "optional": True} if optional else item


GOLD = {
    "id": "seed",
    "entities": [
        entity("Antony Blinken", "Person", "Blinken", "Mr Blinken"),
        entity("Mark Rutte", "Person", "Rutte"),
        entity("NATO", "Organisation", "Nato", "the alliance"),
        entity("United States", "State", "US", "U.S.", "American"),
        entity("Ukraine", "State", "Kyiv", "Ukrainian"),
        entity("Brussels", "Place"),
        entity("Kyiv", "Place"),
    ],
    "roles": [
        {"person": "Antony Blinken", "role": "secretary of state", "of": "United States"},
        {"person": "Mark Rutte", "role": "secretary-general", "of": "NATO"},
    ],
    "events": [
        {"type": "CONSULT", "agent": "Antony Blinken", "target": "Mark Rutte", "place": "Brussels"},
        {"type": "SUPPORT", "agent": "United States", "target": "Ukraine"},
    ],
}

PERFECT = dict(
    entities=[
        ("person/antony-blinken", "Person", ["Antony Blinken", "Blinken"]),
        ("person/mark-rutte", "Person", ["Mark Rutte"]),
        ("org/nato", "Organisation", ["NATO", "Nato"]),
        ("state/USA", "State", ["United States", "US"]),
        ("state/UKR", "State", ["Ukraine", "Kyiv"]),
        ("place/brussels", "Place", ["Brussels"]),
    ],
    roles=[
        ("person/antony-blinken", "secretary of state", "state/USA"),
        ("person/mark-rutte", "secretary-general", "org/nato"),
    ],
    events=[("CONSULT", "person/antony-blinken", "person/mark-rutte"), ("SUPPORT", "state/USA", "state/UKR")],
)


def counts(score) -> dict[str, tuple[int, int, int]]:
    return {section: (c.tp, c.fp, c.fn) for section, c in score.counts.items()}


def write_docs(folder: Path, docs: dict[str, dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, gold in docs.items():
        (folder / f"{name}.txt").write_text("An invented text.\n", encoding="utf-8")
        (folder / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")


def fake_build(graphs: dict[str, str], calls: list | None = None):
    """A build seam: writes the hand-made Turtle for the input's name, as the pipeline would write graph.ttl."""

    def build(input_path: Path, out_dir: Path) -> Path:
        if calls is not None:
            calls.append((input_path, out_dir))
        path = out_dir / "graph.ttl"
        path.write_text(graphs[input_path.stem], encoding="utf-8")
        return path

    return build
