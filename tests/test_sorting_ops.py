"""Sorting, searching, set and histogram ops: NumPy's values, the cost model's prices."""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import mechestim as me
from mechestim import _sorting

RNG = np.random.default_rng(1234)


def charged(fn, *args, **kwargs):
    """(result, FLOPs charged) of one call inside a fresh explicit context."""
    with me.BudgetContext(flop_budget=10**12, quiet=True) as b:
        out = fn(*args, **kwargs)
    return out, b.flops_used


def clg(x: int) -> int:
    """The cost model's ceil(lg x), at least 1."""
    return max(1, math.ceil(math.log2(x))) if x > 0 else 1


def nlgn(n: int) -> int:
    return n * clg(n) if n else 0


def assert_same(out, ref):
    if isinstance(ref, tuple):
        assert isinstance(out, tuple) and len(out) == len(ref)
        for o, r in zip(out, ref, strict=True):
            assert_same(o, r)
    elif isinstance(ref, list):
        assert len(out) == len(ref)
        for o, r in zip(out, ref, strict=True):
            assert_same(o, r)
    else:
        np.testing.assert_array_equal(np.asarray(out), np.asarray(ref))
        assert np.asarray(out).dtype == np.asarray(ref).dtype


def test_signatures_match_numpy():
    for name in _sorting.__all__:
        assert inspect.signature(getattr(me, name)) == inspect.signature(getattr(np, name)), name


def test_results_are_mechestim_arrays():
    out, _ = charged(me.sort, [3.0, 1.0, 2.0])
    assert type(out) is me.ndarray
    res, _ = charged(me.unique_all, [3.0, 1.0, 3.0])
    assert type(res).__name__ == "UniqueAllResult"
    assert all(type(r) is me.ndarray for r in res)


# -- sort, argsort ---------------------------------------------------------------------------------


def test_sort_cost_model_examples():
    x = RNG.normal(size=(4, 8))
    out, cost = charged(me.sort, x)
    assert cost == 4 * 8 * 3 == 96
    assert_same(out, np.sort(x))
    out, cost = charged(me.sort, x, axis=None)
    assert cost == 32 * 5 == 160
    assert_same(out, np.sort(x, axis=None))
    out, cost = charged(me.sort, x, axis=0)
    assert cost == 8 * (4 * 2)
    assert_same(out, np.sort(x, axis=0))


def test_sort_batch_dimensions_count():
    x = RNG.normal(size=(2, 3, 5))
    out, cost = charged(me.sort, x, axis=1)
    assert cost == 2 * 5 * (3 * 2)
    assert_same(out, np.sort(x, axis=1))
    out, cost = charged(me.argsort, x, axis=-1, stable=True)
    assert cost == 6 * (5 * 3)
    assert_same(out, np.argsort(x, axis=-1, stable=True))


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_sort_and_argsort_match_numpy(data):
    x = data.draw(
        hnp.arrays(
            np.float64, hnp.array_shapes(min_dims=1, max_dims=3, max_side=6), elements=st.floats(-9, 9)
        )
    )
    axis = data.draw(st.sampled_from([None, *range(-x.ndim, x.ndim)]))
    if axis is None:
        lanes, n = 1, x.size
    else:
        n = x.shape[axis]
        lanes = x.size // n if n else 0
    for me_fn, np_fn in [(me.sort, np.sort), (me.argsort, np.argsort)]:
        out, cost = charged(me_fn, x, axis=axis, kind="stable")
        assert cost == lanes * nlgn(n)
        assert_same(out, np_fn(x, axis=axis, kind="stable"))


def test_sort_of_mechestim_array_and_methods_are_charged_once():
    x = me.array(RNG.normal(size=(4, 8)))
    _, cost = charged(me.sort, x)
    assert cost == 96
    out, cost = charged(x.argsort)
    assert cost == 96
    assert_same(out, np.argsort(np.asarray(x)))


def test_sort_errors_before_charging():
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        with pytest.raises(me.AxisError):
            me.sort(np.ones((4, 8)), axis=2)
        with pytest.raises(me.NonNumericError):
            me.sort(np.array(["b", "a"]))
        assert b.flops_used == 0


def test_sort_over_budget_raises_and_charges_nothing():
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        me.sort(np.ones(10))  # 10 * 4 = 40
        with pytest.raises(me.BudgetExhaustedError):
            me.sort(np.ones((4, 8)), axis=None)  # 160 > 60
        assert b.flops_used == 40


def test_sort_complex():
    x = np.array([[1 + 2j, 1 - 1j, 0 + 5j, 2 + 0j, -1j], [3, 2, 1, 0, -1]])
    out, cost = charged(me.sort_complex, x)
    assert cost == 2 * 5 * 3
    assert_same(out, np.sort_complex(x))
    out, cost = charged(me.sort_complex, [3.0, 1.0])
    assert cost == 2 * 1
    assert_same(out, np.sort_complex([3.0, 1.0]))


# -- lexsort, partition ----------------------------------------------------------------------------


def test_lexsort():
    a = RNG.integers(0, 3, size=8)
    c = RNG.integers(0, 3, size=8)
    out, cost = charged(me.lexsort, (a, c))
    assert cost == 2 * 8 * 3
    assert_same(out, np.lexsort((a, c)))
    keys = RNG.integers(0, 3, size=(3, 8))
    out, cost = charged(me.lexsort, keys)
    assert cost == 3 * 8 * 3
    assert_same(out, np.lexsort(keys))
    out, cost = charged(me.lexsort, [me.array(a), me.array(c)])
    assert cost == 2 * 8 * 3
    assert_same(out, np.lexsort([a, c]))


def test_lexsort_batched_and_axis():
    keys = RNG.integers(0, 3, size=(2, 4, 5))
    out, cost = charged(me.lexsort, keys, axis=0)
    assert cost == 2 * 5 * (4 * 2)  # 2 keys, 5 lanes of 4
    assert_same(out, np.lexsort(keys, axis=0))
    out, cost = charged(me.lexsort, keys)
    assert cost == 2 * 4 * (5 * 3)
    assert_same(out, np.lexsort(keys))
    out, cost = charged(me.lexsort, np.array([3, 1, 2]))  # three 0-d keys
    assert cost == 3 * 1 * 1
    assert_same(out, np.lexsort(np.array([3, 1, 2])))
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        with pytest.raises(me.AxisError):
            me.lexsort(keys, axis=-3)
        with pytest.raises(TypeError):
            me.lexsort([])
        assert b.flops_used == 0


@pytest.mark.parametrize("fn", ["partition", "argpartition"])
def test_partition(fn):
    me_fn, np_fn = getattr(me, fn), getattr(np, fn)
    x = RNG.normal(size=(4, 8))
    out, cost = charged(me_fn, x, 3)
    assert cost == 4 * 8
    assert_same(out, np_fn(x, 3))
    out, cost = charged(me_fn, x, [0, -1], axis=0)
    assert cost == 8 * 4
    assert_same(out, np_fn(x, [0, -1], axis=0))
    out, cost = charged(me_fn, x, 10, axis=None)
    assert cost == 32
    assert_same(out, np_fn(x, 10, axis=None))
    x3 = RNG.normal(size=(2, 3, 5))
    out, cost = charged(me_fn, x3, 1, axis=1)
    assert cost == 10 * 3
    assert_same(out, np_fn(x3, 1, axis=1))
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        with pytest.raises(ValueError, match="out of bounds"):
            me_fn(x, 8)
        with pytest.raises(me.AxisError):
            me_fn(x, 1, axis=2)
        assert b.flops_used == 0


# -- searchsorted ----------------------------------------------------------------------------------


def test_searchsorted_cost_model_example():
    a = np.arange(1024.0)
    v = np.array([3.5, -1.0, 1000.0, 512.0, 2000.0])
    out, cost = charged(me.searchsorted, a, v)
    assert cost == 5 * 10 == 50
    assert_same(out, np.searchsorted(a, v))


def test_searchsorted_variants():
    a = RNG.normal(size=7)
    sorter = np.argsort(a)
    v = RNG.normal(size=(3, 4))
    out, cost = charged(me.searchsorted, a, v, side="right", sorter=sorter)
    assert cost == 12 * 3
    assert_same(out, np.searchsorted(a, v, side="right", sorter=sorter))
    out, cost = charged(me.searchsorted, np.sort(a), 0.0)
    assert cost == 1 * 3
    assert_same(out, np.searchsorted(np.sort(a), 0.0))
    s = me.array(np.sort(a))
    out, cost = charged(s.searchsorted, v)
    assert cost == 12 * 3
    assert_same(out, np.searchsorted(np.sort(a), v))
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        with pytest.raises(ValueError):
            me.searchsorted(np.ones((2, 2)), 1.0)
        with pytest.raises(ValueError):
            me.searchsorted(a, 1.0, sorter=sorter[:3])
        with pytest.raises(ValueError, match="search side"):
            me.searchsorted(a, 1.0, side="middle")
        assert b.flops_used == 0


# -- unique and sets -------------------------------------------------------------------------------


def test_unique():
    x = RNG.integers(0, 5, size=(4, 6)).astype(float)
    out, cost = charged(me.unique, x)
    assert cost == 24 * 5
    assert_same(out, np.unique(x))
    out, cost = charged(me.unique, x, return_index=True, return_inverse=True, return_counts=True)
    assert cost == 24 * 5
    assert_same(out, np.unique(x, return_index=True, return_inverse=True, return_counts=True))
    rows = np.array([[1, 2], [3, 4], [1, 2], [0, 0], [3, 4], [1, 1]])
    out, cost = charged(me.unique, rows, axis=0)
    assert cost == 2 * (6 * 3)  # 2 lanes of 6 rows: numel * ceil(lg 6)
    assert_same(out, np.unique(rows, axis=0))
    out, cost = charged(me.unique, x, sorted=False, equal_nan=False)
    assert cost == 24 * 5
    assert_same(out, np.unique(x, sorted=False, equal_nan=False))


@pytest.mark.parametrize("name", ["unique_all", "unique_counts", "unique_inverse", "unique_values"])
def test_unique_variants(name):
    x = RNG.integers(0, 5, size=(3, 7)).astype(float)
    out, cost = charged(getattr(me, name), x)
    assert cost == 21 * 5
    ref = getattr(np, name)(x)
    if name == "unique_values":
        assert_same(np.sort(out), np.sort(ref))
    else:
        assert type(out) is type(ref)
        assert_same(tuple(out), tuple(ref))


@settings(max_examples=25, deadline=None)
@given(
    hnp.arrays(np.int64, hnp.array_shapes(min_dims=0, max_dims=2, max_side=7), elements=st.integers(-5, 5)),
    hnp.arrays(np.int64, hnp.array_shapes(min_dims=0, max_dims=2, max_side=7), elements=st.integers(-5, 5)),
)
def test_set_ops_match_numpy(a, c):
    expected = nlgn(a.size + c.size)
    for name in ["isin", "union1d", "intersect1d", "setdiff1d", "setxor1d"]:
        out, cost = charged(getattr(me, name), a, c)
        assert cost == expected, name
        assert_same(out, getattr(np, name)(a, c))


def test_set_op_examples_and_options():
    a = np.arange(10)
    c = np.array([1, 3, 5, 20, 30, 40])
    out, cost = charged(me.isin, a, c, invert=True, kind="table")
    assert cost == 16 * 4
    assert_same(out, np.isin(a, c, invert=True, kind="table"))
    out, cost = charged(me.isin, a.reshape(2, 5), c, assume_unique=True)
    assert cost == 16 * 4
    assert_same(out, np.isin(a.reshape(2, 5), c, assume_unique=True))
    out, cost = charged(me.intersect1d, a, c, assume_unique=True, return_indices=True)
    assert cost == 16 * 4
    assert_same(out, np.intersect1d(a, c, assume_unique=True, return_indices=True))
    out, cost = charged(me.setdiff1d, a, c, assume_unique=True)
    assert cost == 64
    assert_same(out, np.setdiff1d(a, c, assume_unique=True))
    out, cost = charged(me.setxor1d, a, c, True)
    assert cost == 64
    assert_same(out, np.setxor1d(a, c, True))
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        with pytest.raises(ValueError):
            me.isin(a, c, kind="hash")
        assert b.flops_used == 0


def test_set_op_over_budget():
    with me.BudgetContext(flop_budget=63, quiet=True) as b:
        with pytest.raises(me.BudgetExhaustedError):
            me.union1d(np.arange(10), np.arange(6))  # 16 * 4 = 64
        assert b.flops_used == 0


# -- histograms ------------------------------------------------------------------------------------


def test_histogram_integer_and_array_bins():
    x = RNG.normal(size=100)
    out, cost = charged(me.histogram, x)
    assert cost == 100 * 4  # 10 bins
    assert_same(out, np.histogram(x))
    out, cost = charged(me.histogram, x, bins=16, range=(-1, 1), density=True)
    assert cost == 100 * 4
    assert_same(out, np.histogram(x, bins=16, range=(-1, 1), density=True))
    edges = np.array([-3.0, -1.0, 0.0, 0.5, 3.0])
    w = RNG.random(100)
    out, cost = charged(me.histogram, x.reshape(10, 10), bins=me.array(edges), weights=w.reshape(10, 10))
    assert cost == 100 * 3  # 5 edges
    assert_same(out, np.histogram(x.reshape(10, 10), bins=edges, weights=w.reshape(10, 10)))
    out, cost = charged(me.histogram, x, bins=1)
    assert cost == 100 * 1
    assert_same(out, np.histogram(x, bins=1))


@pytest.mark.parametrize("rule", ["auto", "fd", "sturges", "sqrt"])
def test_histogram_string_bins_is_charged_in_two_steps(rule):
    x = RNG.normal(size=200)
    n_edges = len(np.histogram_bin_edges(x, rule))
    with me.BudgetContext(flop_budget=10**9, quiet=True) as b:
        out = me.histogram(x, rule)
    assert b.flops_used == 200 + 200 * clg(n_edges)
    ops = b.summary().operations
    assert ops["histogram_bin_edges"]["flops"] == 200
    assert ops["histogram"]["flops"] == 200 * clg(n_edges)
    assert_same(out, np.histogram(x, rule))


def test_histogram_errors_before_charging():
    x = np.arange(10.0)
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        with pytest.raises(ValueError):
            me.histogram(x, bins=0)
        with pytest.raises(ValueError):
            me.histogram(x, bins=np.ones((2, 2)))
        with pytest.raises(ValueError):
            me.histogram(x, range=(3, 1))
        with pytest.raises(ValueError):
            me.histogram(x, weights=np.ones(3))
        with pytest.raises(TypeError):
            me.histogram(x, bins="auto", weights=np.ones(10))
        with pytest.raises(TypeError):
            me.histogram(x, bins=2.5)
        with pytest.raises(ValueError, match="not a valid estimator"):
            me.histogram(x, bins="bogus")
        with pytest.raises(ValueError, match="not a valid estimator"):
            me.histogram_bin_edges(x, bins="bogus")
        assert b.flops_used == 0


def test_histogram_bin_edges_and_bincount_and_digitize():
    x = RNG.normal(size=(5, 6))
    for bins in [10, "auto", [0.0, 1.0, 2.0]]:
        out, cost = charged(me.histogram_bin_edges, x, bins)
        assert cost == 30
        assert_same(out, np.histogram_bin_edges(x, bins))
    out, cost = charged(me.histogram_bin_edges, x, 4, (-1, 1))
    assert cost == 30
    assert_same(out, np.histogram_bin_edges(x, 4, (-1, 1)))

    ints = RNG.integers(0, 7, size=20)
    w = RNG.random(20)
    out, cost = charged(me.bincount, ints)
    assert cost == 20
    assert_same(out, np.bincount(ints))
    out, cost = charged(me.bincount, ints, weights=w, minlength=12)
    assert cost == 20
    assert_same(out, np.bincount(ints, weights=w, minlength=12))

    bins = np.array([-1.0, 0.0, 0.5, 1.0, 2.0])
    out, cost = charged(me.digitize, x, bins)
    assert cost == 30 * 3
    assert_same(out, np.digitize(x, bins))
    out, cost = charged(me.digitize, x, bins[::-1], right=True)
    assert cost == 30 * 3
    assert_same(out, np.digitize(x, bins[::-1], right=True))
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        with pytest.raises(ValueError):
            me.bincount(ints.reshape(4, 5))
        with pytest.raises(ValueError):
            me.bincount(ints, minlength=-1)
        with pytest.raises(ValueError):
            me.digitize(x, bins.reshape(1, 5))
        assert b.flops_used == 0


def test_histogram2d():
    x, y = RNG.normal(size=50), RNG.normal(size=50)
    out, cost = charged(me.histogram2d, x, y)
    assert cost == 50 * (4 + 4)
    assert_same(out, np.histogram2d(x, y))
    out, cost = charged(me.histogram2d, x, y, bins=(4, 8), range=[[-2, 2], [-1, 1]], density=True)
    assert cost == 50 * (2 + 3)
    assert_same(out, np.histogram2d(x, y, bins=(4, 8), range=[[-2, 2], [-1, 1]], density=True))
    edges = np.linspace(-3, 3, 5)
    out, cost = charged(me.histogram2d, x, y, bins=edges, weights=np.ones(50))
    assert cost == 50 * (3 + 3)
    assert_same(out, np.histogram2d(x, y, bins=edges, weights=np.ones(50)))
    out, cost = charged(me.histogram2d, x, y, bins=[np.array([-1.0, 0.0, 1.0]), 4])
    assert cost == 50 * (2 + 2)
    assert_same(out, np.histogram2d(x, y, bins=[np.array([-1.0, 0.0, 1.0]), 4]))
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        with pytest.raises(ValueError):
            me.histogram2d(x, y[:10])
        with pytest.raises(ValueError):
            me.histogram2d(x, y, bins=[5])
        assert b.flops_used == 0


def test_histogramdd():
    s = RNG.normal(size=(40, 3))
    out, cost = charged(me.histogramdd, s, bins=(2, 4, 8))
    assert cost == 40 * (1 + 2 + 3)
    assert_same(out, np.histogramdd(s, bins=(2, 4, 8)))
    out, cost = charged(me.histogramdd, me.array(s))
    assert cost == 40 * 3 * 4
    assert_same(out, np.histogramdd(s))
    cols = [s[:, 0], me.array(s[:, 1])]
    out, cost = charged(me.histogramdd, cols, bins=[3, np.array([-1.0, 0.0, 1.0])], weights=np.ones(40))
    assert cost == 40 * (2 + 2)
    assert_same(
        out, np.histogramdd([s[:, 0], s[:, 1]], bins=[3, np.array([-1.0, 0.0, 1.0])], weights=np.ones(40))
    )
    out, cost = charged(me.histogramdd, s[:, 0], bins=5)  # a 1-D sample is N points in 1 dimension
    assert cost == 40 * 3
    assert_same(out, np.histogramdd(s[:, 0], bins=5))
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        with pytest.raises(ValueError):
            me.histogramdd(s, bins=(2, 4))
        with pytest.raises(ValueError):
            me.histogramdd(s, range=[(0, 1)])
        with pytest.raises(ValueError):
            me.histogramdd(np.ones((2, 3, 4)))
        assert b.flops_used == 0


def test_histogram_over_budget():
    with me.BudgetContext(flop_budget=399, quiet=True) as b:
        with pytest.raises(me.BudgetExhaustedError):
            me.histogram(np.ones(100))  # 100 * 4
        assert b.flops_used == 0
