"""dot, matmul, inner, vdot, tensordot, outer, vecdot, matvec, vecmat: priced as the
einsum of the same contraction (same math, same price), values from NumPy."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mechestim as me


def charged(fn, *args, **kwargs):
    with me.BudgetContext(flop_budget=2**62, quiet=True) as b:
        out = fn(*args, **kwargs)
    return out, b.flops_used


def rand(*shape, seed=0):
    return np.random.default_rng(seed).normal(size=shape)


@pytest.mark.parametrize(
    ("fn", "shapes", "expected"),
    [
        # Worked examples of the cost model.
        (me.matmul, [(64, 32), (32, 16)], 64 * 32 * 16 * 2),
        (me.matmul, [(4, 16, 8), (4, 8, 12)], 12_288),
        (me.dot, [(20, 30), (30,)], 1_200),
        (me.dot, [(100,), (100,)], 200),
        # Every rank combination of matmul: vector-vector, vector-matrix, matrix-vector, broadcast batches.
        (me.matmul, [(7,), (7,)], 7 * 2),
        (me.matmul, [(7,), (7, 3)], 7 * 3 * 2),
        (me.matmul, [(5, 7), (7,)], 5 * 7 * 2),
        (me.matmul, [(2, 1, 5, 7), (3, 7, 4)], 2 * 3 * 5 * 7 * 4 * 2),
        (me.matmul, [(7,), (2, 7, 3)], 2 * 7 * 3 * 2),
        # dot's N-D rule: last axis of a with the second-to-last of b.
        (me.dot, [(2, 3, 4), (5, 4, 6)], 2 * 3 * 4 * 5 * 6 * 2),
        (me.dot, [(3,), ()], 3),
        (me.inner, [(3, 4), (5, 4)], 3 * 4 * 5 * 2),
        (me.inner, [(4,), (4,)], 8),
        (me.vdot, [(3, 4), (12,)], 24),
        (me.outer, [(3, 2), (5,)], 6 * 5),
        (me.vecdot, [(6, 4), (4,)], 6 * 4 * 2),
        (me.matvec, [(2, 3, 4), (4,)], 2 * 3 * 4 * 2),
        (me.vecmat, [(3,), (3, 5)], 3 * 5 * 2),
    ],
)
def test_contraction_costs_and_values(fn, shapes, expected):
    args = [rand(*s, seed=i) for i, s in enumerate(shapes)]
    out, flops = charged(fn, *args)
    assert flops == expected
    np.testing.assert_allclose(out, getattr(np, fn.__name__)(*args), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(
    ("axes", "a", "b", "expected"),
    [
        (2, (3, 4, 5), (4, 5, 6), 720),
        (1, (3, 4), (4, 6), 3 * 4 * 6 * 2),
        (0, (3,), (4,), 12),
        (([0, 2], [2, 0]), (5, 3, 4), (4, 2, 5), 5 * 3 * 4 * 2 * 2),
    ],
)
def test_tensordot(axes, a, b, expected):
    x, y = rand(*a), rand(*b, seed=1)
    out, flops = charged(me.tensordot, x, y, axes=axes)
    assert flops == expected
    np.testing.assert_allclose(out, np.tensordot(x, y, axes=axes))


def test_same_math_same_price():
    a, b = rand(8, 6), rand(6, 5, seed=1)
    prices = {
        "matmul": charged(me.matmul, a, b)[1],
        "dot": charged(me.dot, a, b)[1],
        "@": charged(lambda: me.asarray(a) @ b)[1],
        "tensordot": charged(me.tensordot, a, b, axes=1)[1],
        "einsum": charged(me.einsum, "ij,jk->ik", a, b)[1],
        "inner": charged(me.inner, a, b.T)[1],
    }
    assert set(prices.values()) == {8 * 6 * 5 * 2}, prices
    # Padding with singleton axes does not change the price.
    assert charged(me.matmul, a[None, :, :], b[None])[1] == 8 * 6 * 5 * 2


@settings(max_examples=30, deadline=None)
@given(
    batch=st.lists(st.integers(1, 3), max_size=2),
    m=st.integers(1, 5),
    k=st.integers(1, 5),
    n=st.integers(1, 5),
)
def test_batched_matmul_matches_brute_force_count(batch, m, k, n):
    a, b = rand(*batch, m, k), rand(*batch, k, n, seed=1)
    out, flops = charged(me.matmul, a, b)
    # One multiply and one add per (batch, i, k, j) tuple visited.
    assert flops == 2 * math.prod(batch) * m * k * n
    np.testing.assert_allclose(out, np.matmul(a, b))


def test_mismatched_contraction_raises_and_charges_nothing():
    with me.BudgetContext(flop_budget=10**6) as b:
        for call in (
            lambda: me.matmul(np.ones((2, 3)), np.ones((4, 5))),
            lambda: me.dot(np.ones(3), np.ones(4)),
            lambda: me.tensordot(np.ones((2, 3)), np.ones((4, 5)), axes=1),
            lambda: me.matmul(np.ones(()), np.ones(3)),
            lambda: me.vdot(np.ones(3), np.ones(4)),
        ):
            with pytest.raises(ValueError):
                call()
    assert b.flops_used == 0


def test_gufunc_axes_are_priced_like_the_moved_contraction():
    a, b = rand(3, 4, 2), rand(4, 5, 2, seed=1)
    out, flops = charged(me.matmul, a, b, axes=[(0, 1), (0, 1), (0, 1)])
    assert flops == 2 * 3 * 4 * 5 * 2
    np.testing.assert_allclose(out, np.matmul(a, b, axes=[(0, 1), (0, 1), (0, 1)]))
    x, y = rand(4, 6), rand(4, 6, seed=2)
    out, flops = charged(me.vecdot, x, y, axis=0)
    assert flops == 6 * 4 * 2
    np.testing.assert_allclose(out, np.vecdot(x, y, axis=0))


def test_repeated_signatures_are_cached_without_changing_the_price():
    a, b = rand(16, 16), rand(16, 16, seed=1)
    first = charged(me.matmul, a, b)[1]
    again = charged(me.matmul, a, b)[1]
    assert first == again == 16**3 * 2
