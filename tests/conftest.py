"""Fixtures shared across the suite.

``shared_dev`` is ../shared/corpus/dev beside the checkout (CI has it);
tests that read it skip, saying why, when it is absent.
"""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DEV = REPO.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dev() -> Path:
    if not SHARED_DEV.is_dir():
        pytest.skip(f"{SHARED_DEV} not found: the dev corpus lives in ../shared beside the checkout")
    return SHARED_DEV


@pytest.fixture(scope="session")
def nlp():
    """The real pipeline (statistical model + gazetteer ruler), loaded once."""
    from newsgraph.nlp import load_pipeline

    return load_pipeline()
