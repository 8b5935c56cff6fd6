"""Einsum path search against independent oracles.

Every cost here comes from ``path_cost`` below, written from the cost model
(per pairwise step: ``prod(sizes of the step's indices) * (max(1, terms - 1) +
[an index is summed])``), applied to whichever tool's path; the optimum comes
from enumerating every pairwise path; opt_einsum's optimizers of the same name
are the reference for ``branch-*``, ``auto`` and ``greedy``; values come from
``numpy.einsum``.
"""

from __future__ import annotations

import itertools
import math
import statistics

import numpy as np
import opt_einsum as oe
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mechestim as me

LETTERS = "abcdefgh"


def path_cost(inputs: list[str], output: str, sizes: dict[str, int], path) -> int:
    """Exact cost of a linear path, written from the cost model."""
    current = [set(t) for t in inputs]
    total = 0
    for step in path:
        taken = [current[p] for p in step]
        for p in sorted(step, reverse=True):
            del current[p]
        union = set().union(*taken)
        needed = set(output).union(*current)
        kept = union & needed
        factor = max(1, len(taken) - 1) + (1 if kept != union else 0)
        total += math.prod(sizes[c] for c in union) * factor
        current.append(kept)
    return total


def all_paths(n: int):
    """Every pairwise linear path for `n` operands."""
    if n == 1:
        yield [(0,)]
        return
    if n == 2:
        yield [(0, 1)]
        return
    for pair in itertools.combinations(range(n), 2):
        for rest in all_paths(n - 1):
            yield [pair, *rest]


@st.composite
def expressions(draw, max_operands: int = 5):
    n = draw(st.integers(1, max_operands))
    letters = LETTERS[: draw(st.integers(2, len(LETTERS)))]
    sizes = {c: draw(st.integers(1, 4)) for c in letters}
    terms = [
        "".join(draw(st.lists(st.sampled_from(letters), min_size=1, max_size=3, unique=True)))
        for _ in range(n)
    ]
    used = sorted(set("".join(terms)))
    output = "".join(c for c in used if draw(st.booleans()))
    return terms, output, {c: sizes[c] for c in used}


def shapes_of(terms, sizes):
    return [tuple(sizes[c] for c in t) for t in terms]


def ours(terms, output, sizes, optimize):
    eq = ",".join(terms) + "->" + output
    _, info = me.einsum_path(eq, *shapes_of(terms, sizes), shapes=True, optimize=optimize)
    return [tuple(p) for p in info.path], info


def theirs(terms, output, sizes, optimize):
    eq = ",".join(terms) + "->" + output
    path, _ = oe.contract_path(eq, *shapes_of(terms, sizes), shapes=True, optimize=optimize)
    return path


def brute_force(terms, output, sizes) -> int:
    """The cheapest pairwise path, taken directly or after first summing every
    operand's lone indices (in no other operand, not in the output) on its own."""
    n = len(terms)
    best = min(path_cost(terms, output, sizes, p) for p in all_paths(n))
    lone = [
        k
        for k, t in enumerate(terms)
        if any(c not in output and all(c not in u for j, u in enumerate(terms) if j != k) for c in t)
    ]
    if lone:
        prefix, current = [], list(range(n))
        for k in lone:
            prefix.append((current.index(k),))
            current.remove(k)
            current.append(-1)
        best = min(best, *(path_cost(terms, output, sizes, prefix + p) for p in all_paths(n)))
    return best


@settings(max_examples=150, deadline=None)
@given(expressions())
def test_optimal_and_dp_equal_the_brute_force_optimum(expr):
    terms, output, sizes = expr
    best = brute_force(terms, output, sizes)
    for name in ("optimal", "dp"):
        path, info = ours(terms, output, sizes, name)
        assert path_cost(terms, output, sizes, path) == best, name
        assert info.optimized_cost == best, name


@settings(max_examples=100, deadline=None)
@given(expressions(max_operands=7))
def test_branch_and_auto_never_costlier_than_opt_einsum(expr):
    terms, output, sizes = expr
    for name in ("branch-all", "branch-2", "branch-1", "auto", "auto-hq"):
        mine = path_cost(terms, output, sizes, ours(terms, output, sizes, name)[0])
        ref = path_cost(terms, output, sizes, theirs(terms, output, sizes, name))
        assert mine <= ref, (name, terms, output, sizes)


def seeded_expressions(count: int, seed: int, n_range=(3, 12)):
    rng = np.random.default_rng(seed)
    for _ in range(count):
        n = int(rng.integers(*n_range))
        letters = "abcdefghijklmnopqrst"[: int(rng.integers(4, 20))]
        sizes = {c: int(rng.integers(2, 7)) for c in letters}
        terms = [
            "".join(rng.choice(list(letters), size=int(rng.integers(1, 4)), replace=False)) for _ in range(n)
        ]
        used = sorted(set("".join(terms)))
        output = "".join(c for c in used if rng.random() < 0.3)
        yield terms, output, {c: sizes[c] for c in used}


def test_greedy_is_no_costlier_in_aggregate():
    ratios = []
    for terms, output, sizes in seeded_expressions(200, seed=7):
        mine = path_cost(terms, output, sizes, ours(terms, output, sizes, "greedy")[0])
        ref = path_cost(terms, output, sizes, theirs(terms, output, sizes, "greedy"))
        ratios.append(mine / ref)
    assert statistics.median(ratios) <= 1.0


def test_auto_beats_or_matches_opt_einsum_auto_on_larger_expressions():
    for terms, output, sizes in seeded_expressions(40, seed=11, n_range=(12, 25)):
        mine = path_cost(terms, output, sizes, ours(terms, output, sizes, "auto")[0])
        ref = path_cost(terms, output, sizes, theirs(terms, output, sizes, "auto"))
        assert mine <= ref, (terms, output, sizes)


@settings(max_examples=60, deadline=None)
@given(expressions(max_operands=5), st.sampled_from(["auto", "greedy", "optimal", "dp", "branch-2", False]))
def test_values_equal_numpy(expr, optimize):
    terms, output, sizes = expr
    rng = np.random.default_rng(0)
    arrays = [rng.standard_normal(s) for s in shapes_of(terms, sizes)]
    eq = ",".join(terms) + "->" + output
    got = me.einsum(eq, *arrays, optimize=optimize)
    np.testing.assert_allclose(got, np.einsum(eq, *arrays), rtol=1e-10, atol=1e-10)
    # The charge is the path's cost, evaluated independently.
    me.budget_reset()
    with me.BudgetContext(flop_budget=10**12) as budget:
        me.einsum(eq, *arrays, optimize=optimize)
    _, info = me.einsum_path(eq, *arrays, optimize=optimize)
    assert budget.flops_used == path_cost(terms, output, sizes, info.path)


def test_worked_examples():
    A, B, C = np.ones((10, 20)), np.ones((20, 30)), np.ones((30, 5))
    with me.BudgetContext(flop_budget=10**6) as budget:
        me.einsum("ij,jk,kl->il", A, B, C)
    # (B C) first: 20*30*5*2 = 6,000, then A (BC): 10*20*5*2 = 2,000.
    assert budget.flops_used == 8_000
    with me.BudgetContext(flop_budget=10**6) as budget:
        me.einsum("ij,jk,kl->il", A, B, C, optimize=[(0, 1), (0, 1)])
    # (A B) first: 10*20*30*2 = 12,000, then (AB) C: 10*30*5*2 = 3,000.
    assert budget.flops_used == 15_000
    with me.BudgetContext(flop_budget=10**6) as budget:
        me.matmul(np.ones((4, 16, 8)), np.ones((4, 8, 12)))
    assert budget.flops_used == 4 * 16 * 8 * 12 * 2
    with me.BudgetContext(flop_budget=10**6) as budget:
        me.dot(np.ones((20, 30)), np.ones(30))
    assert budget.flops_used == 20 * 30 * 2
    with me.BudgetContext(flop_budget=10**6) as budget:
        me.tensordot(np.ones((3, 4, 5)), np.ones((4, 5, 6)), axes=2)
    assert budget.flops_used == 3 * 4 * 5 * 6 * 2


def test_path_info_report_and_attributes():
    path, info = me.einsum_path("ij,jk,kl->il", (10, 20), (20, 30), (30, 5), shapes=True, optimize="optimal")
    assert path == ["einsum_path", (1, 2), (0, 1)]
    assert info.path == [(1, 2), (0, 1)]
    # Naive: one step over i, j, k, l (10*20*30*5) with 3 terms and a sum: x3.
    assert info.naive_cost == 10 * 20 * 30 * 5 * 3
    assert info.optimized_cost == 8_000
    assert info.speedup == pytest.approx(90_000 / 8_000)
    assert info.largest_intermediate == 20 * 5
    assert [s.subscripts for s in info.steps] == ["jk,kl->jl", "ij,jl->il"]
    assert [s.cost for s in info.steps] == [6_000, 2_000]
    assert [s.blas for s in info.steps] == ["GEMM", "GEMM"]
    assert info.steps[0].shape == (20, 5)
    text = str(info)
    assert "Optimized FLOP count:  8,000" in text and "jk,kl->jl" in text
    # NumPy accepts the path as given.
    A, B, C = np.ones((10, 20)), np.ones((20, 30)), np.ones((30, 5))
    np.testing.assert_allclose(np.einsum("ij,jk,kl->il", A, B, C, optimize=path), A @ B @ C)


def test_paths_are_cached_per_signature():
    from mechestim import _einsum

    _einsum._PLANS.clear()
    x = np.ones((3, 4))
    me.einsum("ij,jk->ik", x, x.T)
    me.einsum("ij,jk->ik", x, x.T)
    assert len(_einsum._PLANS) == 1
    me.einsum("ij,jk->ik", x, x.T, optimize="greedy")
    assert len(_einsum._PLANS) == 2


def test_many_unicode_labels_can_be_planned_without_arrays():
    # A ring of 200 matrices: 200 distinct labels, far beyond NumPy's 52.
    labels = [oe.get_symbol(i) for i in range(200)]
    eq = ",".join(labels[i] + labels[(i + 1) % 200] for i in range(200)) + "->"
    _, info = me.einsum_path(eq, *[(2, 2)] * 200, shapes=True, optimize="auto")
    assert len(info.path) == 199
    terms = eq[:-2].split(",")
    assert info.optimized_cost == path_cost(terms, "", dict.fromkeys(labels, 2), info.path)


def test_memory_limit_is_respected():
    _, info = me.einsum_path("ij,jk,kl->il", (10, 20), (20, 30), (30, 5), shapes=True, memory_limit=60)
    for step in info.steps[:-1]:
        assert math.prod(step.shape) <= 60
    A, B, C = np.ones((10, 20)), np.ones((20, 30)), np.ones((30, 5))
    out = me.einsum("ij,jk,kl->il", A, B, C, optimize=("greedy", 60))
    np.testing.assert_allclose(out, A @ B @ C)


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("ij,jk->ik", np.ones((2, 3)), np.ones((4, 5))), me.ShapeError),
        (("ij,jk->iz", np.ones((2, 3)), np.ones((3, 4))), me.EinsumError),
        (("ij,jk,kl->il", np.ones((2, 3)), np.ones((3, 4))), me.EinsumError),
        (("ij->i", np.array([["a", "b"]])), me.NonNumericError),
    ],
)
def test_bad_input_is_refused_and_charges_nothing(args, error):
    with me.BudgetContext(flop_budget=1000) as budget:
        with pytest.raises(error):
            me.einsum(*args)
    assert budget.flops_used == 0


def test_unknown_optimizer_is_refused():
    with me.BudgetContext(flop_budget=1000) as budget:
        with pytest.raises(me.InvalidArgumentError, match="unknown path optimizer"):
            me.einsum("ij,jk->ik", np.ones((2, 3)), np.ones((3, 4)), optimize="fastest")
    assert budget.flops_used == 0


def test_over_budget_einsum_does_not_run():
    with me.BudgetContext(flop_budget=7_999) as budget:
        with pytest.raises(me.BudgetExhaustedError):
            me.einsum("ij,jk,kl->il", np.ones((10, 20)), np.ones((20, 30)), np.ones((30, 5)))
    assert budget.flops_used == 0


def test_out_is_returned_itself():
    a, b = np.ones((3, 4)), np.ones((4, 5))
    out = np.empty((3, 5))
    assert me.einsum("ij,jk->ik", a, b, out=out) is out
    np.testing.assert_allclose(out, a @ b)
    out2 = np.empty((3, 5))
    assert me.matmul(a, b, out=out2) is out2
    np.testing.assert_allclose(out2, a @ b)


def test_negative_sublist_labels_are_refused():
    with pytest.raises(me.EinsumError):
        me.einsum(np.ones((2, 2)), [0, -1], [0])


def test_cached_plans_do_not_accept_what_a_fresh_call_refuses():
    a = np.ones((2, 2))
    me.einsum("ij,jk->ik", a, a, optimize=True)
    with pytest.raises(me.InvalidArgumentError):
        me.einsum("ij,jk->ik", a, a, optimize=1)


def test_unexecutable_or_unchargeable_einsums_charge_nothing():
    # A single step over 60 indices: NumPy's einsum cannot run it.
    labels = "".join(oe.get_symbol(i) for i in range(60))
    arrays = [np.ones((1,) * 60)] * 2
    with me.BudgetContext(flop_budget=10**6) as budget:
        with pytest.raises(me.EinsumError, match="52"):
            me.einsum(f"{labels},{labels}->{labels}", *arrays)
    assert budget.flops_used == 0
    # A path whose cost exceeds 64 bits is priced exactly but cannot be charged.
    _, info = me.einsum_path("i,j,k->ijk", (2**22,), (2**22,), (2**22,), shapes=True)
    assert info.optimized_cost == 2**44 + 2**66
    big = np.broadcast_to(np.ones(1), (2**22,))
    with me.BudgetContext(flop_budget=10**6) as budget:
        with pytest.raises(me.CostOverflowError):
            me.einsum("i,j,k->ijk", big, big, big)
    assert budget.flops_used == 0


def test_auto_is_deterministic():
    from mechestim import _einsum

    labels = [oe.get_symbol(i) for i in range(120)]
    rng = np.random.default_rng(3)
    terms = ["".join(rng.choice(labels, size=3, replace=False)) for _ in range(60)]
    eq = ",".join(terms) + "->"
    shapes = [(2, 2, 2)] * 60
    paths = []
    for _ in range(3):
        _einsum._PLANS.clear()
        paths.append(me.einsum_path(eq, *shapes, shapes=True, optimize="auto")[1].path)
    assert paths[0] == paths[1] == paths[2]
