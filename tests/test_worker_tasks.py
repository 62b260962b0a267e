"""How ``Coder.code_articles(..., n_process=N)`` cuts a stream of articles into worker tasks
(``extract.workers.guided_tasks``): parse-batch-sized tasks while the stream runs on, smaller ones at its end,
every article once and in order, never reading more than a window ahead."""

from __future__ import annotations

import itertools

import pytest

from brinkwatch.extract.workers import guided_tasks


@pytest.mark.parametrize("count", [0, 1, 7, 8, 9, 31, 32, 33, 120, 128, 129, 400, 1000])
@pytest.mark.parametrize("n_process", [1, 2, 4])
def test_every_item_once_in_order(count: int, n_process: int) -> None:
    tasks = list(guided_tasks(range(count), n_process, smallest=8, largest=32))
    assert list(itertools.chain.from_iterable(tasks)) == list(range(count))
    assert all(1 <= len(task) <= 32 for task in tasks)
    # only the very last task may be smaller than the smallest size
    assert all(len(task) >= 8 for task in tasks[:-1])


def test_full_tasks_while_the_stream_runs_on_then_shrinking() -> None:
    sizes = [len(task) for task in guided_tasks(range(1000), 2, smallest=8, largest=32)]
    assert sizes[:25] == [32] * 25
    tail = sizes[-8:]
    assert tail == sorted(tail, reverse=True) and tail[-1] <= 8
    assert sizes.count(32) >= 28


def test_120_documents_on_two_workers_end_in_small_tasks() -> None:
    """The benchmark's case: the stream is shorter than the read-ahead window, so the sizes shrink from the
    start (120 / 4 = 30) down to the smallest."""
    sizes = [len(task) for task in guided_tasks(range(120), 2, smallest=8, largest=32)]
    assert sizes[0] == 30 and sizes[-1] <= 8 and sum(sizes) == 120
    assert len(sizes) <= 12  # against 15 tasks of 8


def test_reads_at_most_a_window_ahead() -> None:
    pulled: list[int] = []

    def stream():
        for i in range(10_000):
            pulled.append(i)
            yield i

    tasks = guided_tasks(stream(), 2, smallest=8, largest=32)
    first = next(tasks)
    assert first == list(range(32))
    assert len(pulled) <= 2 * 2 * 32 + 1


def test_small_batch_size_keeps_tasks_at_the_batch() -> None:
    """``batch_size=2`` (smaller than the smallest task): tasks of 2, as the parse batch."""
    sizes = [len(task) for task in guided_tasks(range(15), 2, smallest=2, largest=2)]
    assert sizes == [2] * 7 + [1]
