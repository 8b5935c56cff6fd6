"""An explicit context charges the ops of every thread while it is open."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np

import mechestim as me

THREADS = 8
OPS_PER_THREAD = 10_000


def _race(fn) -> None:
    start = threading.Barrier(THREADS)

    def run():
        start.wait()
        fn()

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_eight_threads_charge_the_context_opened_on_the_main_thread():
    x = me.array(np.ones(3))

    def work():
        for _ in range(OPS_PER_THREAD):
            me.sqrt(x)

    with me.BudgetContext(flop_budget=10**9, namespace="threads") as b:
        _race(work)
    assert b.flops_used == THREADS * OPS_PER_THREAD * 3
    assert b.summary().operations == {
        "sqrt": {"flops": THREADS * OPS_PER_THREAD * 3, "calls": THREADS * OPS_PER_THREAD}
    }
    # Nothing leaked to the global default.
    assert list(me.budget_summary_dict(by_namespace=True)) == ["threads"]


def test_thread_pool_workers_are_charged_to_the_open_context():
    a = me.array(np.ones((4, 5)))
    with me.BudgetContext(flop_budget=10**9, namespace="pool") as b:
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(lambda _: me.multiply(a, 2.0), range(1000)))
    assert b.flops_used == 1000 * 20


def test_a_budget_for_exactly_k_ops_admits_exactly_k_under_racing_threads():
    k = 12_345
    x = me.array(np.ones(2))
    admitted = []
    refused = []
    lock = threading.Lock()

    def work():
        ok = bad = 0
        for _ in range(2_000):
            try:
                me.sqrt(x)
                ok += 1
            except me.BudgetExhaustedError:
                bad += 1
        with lock:
            admitted.append(ok)
            refused.append(bad)

    # 2 FLOPs per op; one FLOP short of k + 1 ops.
    with me.BudgetContext(flop_budget=2 * k + 1, quiet=True) as b:
        _race(work)
    assert sum(admitted) == k
    assert sum(refused) == THREADS * 2_000 - k
    assert b.flops_used == 2 * k
    assert b.flops_remaining == 1


def test_threads_after_the_context_closes_go_to_the_global_default():
    x = me.array(np.ones(5))
    with me.BudgetContext(flop_budget=100):
        pass
    t = threading.Thread(target=lambda: me.sqrt(x))
    t.start()
    t.join()
    by_ns = me.budget_summary_dict(by_namespace=True)
    assert by_ns["(global default)"]["flops_used"] == 5
