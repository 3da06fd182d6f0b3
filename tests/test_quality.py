"""The quality bar on the dev corpus, measured with the product's own evaluator.

These are regression gates, not tuning targets: the figures come from a real
build of ../shared/corpus/dev with the real model.
"""
from __future__ import annotations

import pytest

from newsgraph.evaluate import evaluate_dir

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dev_report(shared_dev):
    return evaluate_dir(shared_dev)


def test_entity_f1_on_the_dev_corpus_is_at_least_0_85(dev_report):
    assert dev_report.micro["entities"].f1 >= 0.85


def test_role_f1_on_the_dev_corpus_is_at_least_0_70(dev_report):
    assert dev_report.micro["roles"].f1 >= 0.70


def test_event_f1_on_the_dev_corpus_is_at_least_0_50(dev_report):
    assert dev_report.micro["events"].f1 >= 0.50


def test_no_dev_document_fails_to_build(dev_report):
    assert not dev_report.failed
