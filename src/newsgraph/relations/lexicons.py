"""The relation rules' word lists, read from ``ontology/``.

Every word the rules react to lives in a data file, never in code:

- ``role_titles.csv``: posts ("secretary of state", "chairperson") with a kind
  and how they compose with portfolio words;
- ``relations_title_words.csv``: words around a title and what they do
  ("former" -> former, "deputy" -> part of the post, "finance" -> portfolio);
- ``relations_role_verbs.csv``: verbs that put a person in a post;
- ``event_verbs.csv``: event verbs and nouns with their PLOVER type and
  where the target sits;
- ``relations_noun_classes.csv``: classes of common nouns (weapons, penalties,
  nouns through which a state acts, anaphoric nouns such as "the country");
- ``relations_cues.csv``: modality cues, light verbs and framing prepositions;
- ``person_titles.txt`` (shared with the resolver): courtesy titles and ranks
  that may stand between a post and a name ("army chief General X").

Each file is parsed once (``load_relation_lexicons`` is cached). A malformed
row raises ``OntologyError`` naming the file and the row, since a silently
skipped row would make a rule quietly stop working.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..errors import OntologyError
from ..lexicon import person_titles
from ..resources import read_csv, split_list

PLOVER_TYPES = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)
ARGUMENT_SLOTS = frozenset({"obj", "dative", "owner", "poss", "xcomp"})  # target slots that are no preposition
TITLE_KINDS = frozenset(
    {"head", "government", "minister", "diplomat", "military", "official", "party", "legal", "media", "local", "rank"}
)
TITLE_WORD_USES = frozenset({"former", "nominated", "elect", "qualifier", "rank", "portfolio", "counterpart",
                             "visitor"})
ROLE_VERB_EFFECTS = frozenset({"", "former", "nominated", "successor", "past-former"})
NOUN_CLASSES = frozenset(
    {"aid", "weapon", "force", "penalty", "relation", "agreement", "proxy", "org-anaphor", "group-anaphor",
     "state-anaphor", "place-anaphor", "capital-anaphor", "statement", "measure", "claim", "ruling", "demand",
     "arms", "funds", "relief", "proposal", "captive", "property", "envoy", "migrant", "meeting", "presence",
     "vehicle", "locale"}
)
CUE_USES = frozenset(
    {"future", "modal", "negation", "deny", "hope", "intent", "obligation", "allege", "reticent", "stance", "condition",
     "unreal", "light", "frame", "speech", "bridge", "expletive", "rebut", "holder"}
)


def title_tokens(phrase: str) -> tuple[str, ...]:
    """Tokens of a lexicon phrase as the tokenizer splits them ("ex-" -> ex, -)."""
    out: list[str] = []
    for word in phrase.casefold().split():
        parts = word.split("-")
        for k, part in enumerate(parts):
            if k:
                out.append("-")
            if part:
                out.append(part)
    return tuple(out)


@dataclass(frozen=True)
class Title:
    """A post from role_titles.csv."""

    words: tuple[str, ...]
    kind: str
    portfolio: bool  # composes with portfolio words ("finance minister")
    head_of: bool  # "head of <phrase>" keeps the phrase in the post


@dataclass(frozen=True)
class RoleVerb:
    lemma: str
    holder: str  # "subject" | "object"
    effect: str


@dataclass(frozen=True)
class EventWord:
    """One row of event_verbs.csv."""

    lemma: str
    type: str
    form: str  # "verb" | "noun"
    target: tuple[str, ...]
    objects: frozenset[str]  # required object lemmas (classes expanded); empty: any
    reciprocal: bool
    particle: str | None = None
    mode: str | None = None  # PLOVER mode of the type ("aerial"), a concept plover:{type}-{mode}
    alone: bool = False  # the word reports the act without its target: "resigned", "attacked a camp"
    explicit_alone: bool = False  # the row says so itself ("-" among its slots)


@dataclass(frozen=True)
class RelationLexicons:
    titles: dict[tuple[str, ...], Title]
    title_words: dict[str, str]
    role_verbs: dict[str, RoleVerb]
    verbs: dict[str, tuple[EventWord, ...]]  # verb lemma -> rows, object-constrained first
    nouns: dict[str, tuple[EventWord, ...]]
    noun_classes: dict[str, frozenset[str]]  # class -> lemmas
    cues: dict[str, frozenset[str]]  # use -> words
    courtesy: frozenset[str] = frozenset()  # one-word titles of person_titles.txt
    sectors: dict[str, str] = field(default_factory=dict)  # group noun lemma -> sector ("troops" -> military)

    @cached_property
    def longest_title(self) -> int:
        return max((len(t) for t in self.titles), default=1)

    @cached_property
    def event_words(self) -> frozenset[str]:
        """Every lemma of event_verbs.csv, verb or noun."""
        return frozenset(self.verbs) | frozenset(self.nouns)

    @cached_property
    def words_by_type(self) -> dict[str, frozenset[str]]:
        """PLOVER type -> the lemmas that have a row of it, verb or noun."""
        found: dict[str, set[str]] = defaultdict(set)
        for lemma, rows in [*self.verbs.items(), *self.nouns.items()]:
            for row in rows:
                found[row.type].add(lemma)
        return {t: frozenset(lemmas) for t, lemmas in found.items()}

    @cached_property
    def title_starts(self) -> frozenset[str]:
        """The words a title can start with: most tokens start none, and are passed over at once."""
        return frozenset(t[0] for t in self.titles if t)

    @cached_property
    def post_starts(self) -> frozenset[str]:
        """The words a post's own words can start with: a title's first word or a portfolio."""
        return self.title_starts | frozenset(w for w, use in self.title_words.items() if use == "portfolio")

    def word_use(self, word: str) -> str | None:
        return self.title_words.get(word.casefold())

    def in_class(self, lemma: str, cls: str) -> bool:
        return lemma.casefold() in self.noun_classes.get(cls, frozenset())

    def cue(self, word: str, use: str) -> bool:
        return word.casefold() in self.cues.get(use, frozenset())


def _bad(name: str, row: dict[str, str], why: str) -> OntologyError:
    return OntologyError(f"ontology/{name}: bad row {row!r}: {why}; fix the row")


def _rows(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    rows = read_csv(name)
    for row in rows:
        missing = [c for c in columns if c not in row]
        if missing:
            raise _bad(name, row, f"missing column(s) {', '.join(missing)}")
        if not row[columns[0]]:
            raise _bad(name, row, f"empty {columns[0]}")
    return rows


def _titles() -> dict[tuple[str, ...], Title]:
    out: dict[tuple[str, ...], Title] = {}
    for row in _rows("role_titles.csv", ("title", "kind", "compose")):
        if row["kind"] not in TITLE_KINDS:
            raise _bad("role_titles.csv", row, f"kind must be one of {sorted(TITLE_KINDS)}")
        compose = set(split_list(row["compose"]))
        if compose - {"portfolio", "head-of"}:
            raise _bad("role_titles.csv", row, "compose must be portfolio and/or head-of")
        words = title_tokens(row["title"])
        out[words] = Title(words, row["kind"], "portfolio" in compose, "head-of" in compose)
    return out


def _word_map(name: str, key: str, value: str, allowed: frozenset[str]) -> dict[str, str]:
    """A two-column lexicon as {key (lower case): value}, every value checked against ``allowed``."""
    out: dict[str, str] = {}
    for row in _rows(name, (key, value)):
        if row[value] not in allowed:
            raise _bad(name, row, f"{value} must be one of {sorted(allowed)}")
        out[row[key].casefold()] = row[value]
    return out


def _title_words() -> dict[str, str]:
    return _word_map("relations_title_words.csv", "word", "use", TITLE_WORD_USES)


def _role_verbs() -> dict[str, RoleVerb]:
    out: dict[str, RoleVerb] = {}
    for row in _rows("relations_role_verbs.csv", ("lemma", "holder", "effect")):
        if row["holder"] not in {"subject", "object"} or row["effect"] not in ROLE_VERB_EFFECTS:
            raise _bad("relations_role_verbs.csv", row, "holder is subject|object; effect one of "
                       + "|".join(sorted(e or '""' for e in ROLE_VERB_EFFECTS)))
        out[row["lemma"].casefold()] = RoleVerb(row["lemma"].casefold(), row["holder"], row["effect"])
    return out


def _noun_classes() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for row in _rows("relations_noun_classes.csv", ("lemma", "class")):
        if row["class"] not in NOUN_CLASSES:
            raise _bad("relations_noun_classes.csv", row, f"class must be one of {sorted(NOUN_CLASSES)}")
        out[row["class"]].add(row["lemma"].casefold())
    return {k: frozenset(v) for k, v in out.items()}


def _event_words(classes: dict[str, frozenset[str]]) -> tuple[dict, dict]:
    verbs: dict[str, list[EventWord]] = defaultdict(list)
    nouns: dict[str, list[EventWord]] = defaultdict(list)
    name = "event_verbs.csv"
    for row in _rows(name, ("lemma", "type", "form", "target", "object", "reciprocal")):
        if row["type"] not in PLOVER_TYPES:
            raise _bad(name, row, "type must be a PLOVER code (see ontology/plover.ttl)")
        if row["form"] not in {"verb", "noun"}:
            raise _bad(name, row, "form must be verb or noun")
        # "-" names no slot: the event has an agent only ("resign", "go on strike").
        target = tuple(s.casefold() for s in split_list(row["target"]) if s != "-")
        if not target and row["target"] != "-":
            raise _bad(name, row, "target names no slot (write - for an event with no target)")
        objects: set[str] = set()
        for item in split_list(row["object"]):
            if item == "+xcomp":
                objects.add(item)
            elif item.startswith("@"):
                if item[1:] not in classes:
                    raise _bad(name, row, f"unknown noun class {item}")
                objects |= classes[item[1:]]
            else:
                objects.add(item.casefold())
        words = row["lemma"].casefold().split()
        lemma, particle = words[0], (" ".join(words[1:]) or None)
        mode = row.get("mode") or None
        if mode is not None and not mode.replace("-", "").isalnum():
            raise _bad(name, row, "mode must be a PLOVER mode name (see plover.ttl)")
        # A frame made only of prepositions ("call on|for") says which sense of the word is meant:
        # without one of them the word stands for no event, unless the row says "-" (may stand alone).
        alone = "-" in split_list(row["target"]) or any(t in ARGUMENT_SLOTS for t in target)
        word = EventWord(lemma, row["type"], row["form"], target, frozenset(objects),
                         row["reciprocal"].casefold() in {"yes", "true", "1"}, particle, mode, alone,
                         "-" in split_list(row["target"]))
        (verbs if word.form == "verb" else nouns)[lemma].append(word)

    def order(rows: list[EventWord]) -> tuple[EventWord, ...]:
        # Constrained rows (a particle, a required object) are more specific: try them first.
        return tuple(sorted(rows, key=lambda w: (w.particle is None, not w.objects)))

    return {k: order(v) for k, v in verbs.items()}, {k: order(v) for k, v in nouns.items()}


def _cues() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for row in _rows("relations_cues.csv", ("word", "use")):
        if row["use"] not in CUE_USES:
            raise _bad("relations_cues.csv", row, f"use must be one of {sorted(CUE_USES)}")
        out[row["use"]].add(row["word"].casefold())
    return {k: frozenset(v) for k, v in out.items()}


def _courtesy() -> frozenset[str]:
    return frozenset(t for t in person_titles() if " " not in t)


SECTORS = frozenset({
    "government", "military", "police", "intelligence", "judiciary", "legislature", "rebels", "opposition", "party",
    "civilians", "business", "media", "labour", "religious", "refugees", "criminals", "health", "education",
})  # the concepts of ontology/sectors.ttl (a test keeps the two in step)


def _sectors() -> dict[str, str]:
    return _word_map("actor_sectors.csv", "lemma", "sector", SECTORS)


@lru_cache(maxsize=1)
def load_relation_lexicons() -> RelationLexicons:
    classes = _noun_classes()
    verbs, nouns = _event_words(classes)
    return RelationLexicons(
        titles=_titles(),
        title_words=_title_words(),
        role_verbs=_role_verbs(),
        verbs=verbs,
        nouns=nouns,
        noun_classes=classes,
        cues=_cues(),
        courtesy=_courtesy(),
        sectors=_sectors(),
    )
