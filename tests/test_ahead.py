"""read_ahead: an iterator computed in a thread, in order, bounded, stopped with its reader."""
from __future__ import annotations

import threading
import time

import pytest

from newsgraph.ahead import read_ahead


def _threads_named(name: str) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == name]


def _wait_until(condition, seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def test_items_come_in_order_and_all_of_them():
    assert list(read_ahead(iter(range(500)), budget=3)) == list(range(500))


def test_an_empty_source_gives_nothing():
    assert list(read_ahead([], budget=1)) == []


def test_the_items_are_computed_in_another_thread():
    seen: list[str] = []

    def source():
        for i in range(3):
            seen.append(threading.current_thread().name)
            yield i

    assert list(read_ahead(source(), budget=2, name="ahead-test-thread")) == [0, 1, 2]
    assert set(seen) == {"ahead-test-thread"}


def test_an_error_in_the_source_is_raised_in_the_reader_after_the_items_before_it():
    def source():
        yield 1
        yield 2
        raise LookupError("the third item failed")

    got = []
    with pytest.raises(LookupError, match="third item"):
        for item in read_ahead(source(), budget=5):
            got.append(item)
    assert got == [1, 2]


def test_the_waiting_items_never_weigh_more_than_the_budget():
    produced: list[int] = []

    def source():
        for i in range(20):
            produced.append(i)
            yield i

    reader = read_ahead(source(), budget=10, weigh=lambda i: 4)
    assert next(reader) == 0
    time.sleep(0.3)  # the thread runs ahead as far as it may
    # item 0 is read; two more (8 of the budget of 10) wait; the thread holds one more it cannot hand over
    assert len(produced) <= 4
    assert list(reader) == list(range(1, 20))


def test_one_item_heavier_than_the_budget_still_goes_through():
    assert list(read_ahead(iter([100, 200, 300]), budget=10, weigh=lambda i: i)) == [100, 200, 300]


def test_a_reader_that_stops_early_stops_the_thread_and_closes_the_source():
    closed = threading.Event()

    def source():
        try:
            for i in range(10_000):
                yield i
        finally:
            closed.set()

    reader = read_ahead(source(), budget=2, name="ahead-test-early")
    assert next(reader) == 0
    reader.close()
    assert closed.wait(5), "the source generator was not closed"
    assert _wait_until(lambda: not _threads_named("ahead-test-early")), "the thread outlived its reader"


def test_a_budget_below_one_is_refused():
    with pytest.raises(ValueError):
        list(read_ahead([1], budget=0))
