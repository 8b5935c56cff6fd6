"""Differences, integrals, convolutions, covariance, comparisons and constructions:
NumPy's values, the cost model's prices."""

from __future__ import annotations

import inspect
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import mechestim as me
from mechestim import _numeric

RNG = np.random.default_rng(99)


def charged(fn, *args, **kwargs):
    """(result, FLOPs charged) of one call inside a fresh explicit context."""
    with me.BudgetContext(flop_budget=10**12, quiet=True) as b:
        out = fn(*args, **kwargs)
    return out, b.flops_used


def assert_same(out, ref):
    if isinstance(ref, (tuple, list)):
        assert len(out) == len(ref)
        for o, r in zip(out, ref, strict=True):
            assert_same(o, r)
    else:
        np.testing.assert_array_equal(np.asarray(out), np.asarray(ref))
        assert np.asarray(out).dtype == np.asarray(ref).dtype


def nothing_charged(*calls):
    """Every call raises (the exception type given) and nothing is charged."""
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        for exc, fn, args, kwargs in calls:
            with pytest.raises(exc):
                fn(*args, **kwargs)
        assert b.flops_used == 0


def test_signatures_match_numpy():
    for name in _numeric.__all__:
        assert inspect.signature(getattr(me, name)) == inspect.signature(getattr(np, name)), name


# -- diff, ediff1d, gradient, unwrap, trapezoid, interp --------------------------------------------


def test_diff_costs_every_order():
    x = RNG.normal(size=10)
    out, cost = charged(me.diff, x)
    assert cost == 9
    assert_same(out, np.diff(x))
    out, cost = charged(me.diff, x, n=3)
    assert cost == 9 + 8 + 7
    assert_same(out, np.diff(x, n=3))
    out, cost = charged(me.diff, x[:3], n=5)  # orders past the length produce empty arrays
    assert cost == 2 + 1
    assert_same(out, np.diff(x[:3], n=5))
    out, cost = charged(me.diff, x, n=0)
    assert cost == 0
    assert out is x


def test_diff_axis_prepend_append():
    a = RNG.normal(size=(3, 4))
    out, cost = charged(me.diff, a, n=2, axis=0, prepend=0)
    assert cost == 3 * 4 + 2 * 4  # length 4 along axis 0 (with prepend): outputs (3,4) then (2,4)
    assert_same(out, np.diff(a, n=2, axis=0, prepend=0))
    pre, app = RNG.normal(size=(3, 2)), RNG.normal(size=(3, 1))
    out, cost = charged(me.diff, me.array(a), 1, -1, pre, app)
    assert cost == 3 * 6
    assert_same(out, np.diff(a, 1, -1, pre, app))
    b3 = RNG.normal(size=(2, 3, 5))
    out, cost = charged(me.diff, b3, n=2, axis=1)
    assert cost == 10 * (2 + 1)
    assert_same(out, np.diff(b3, n=2, axis=1))
    nothing_charged(
        (ValueError, me.diff, (np.array(1.0),), {}),
        (ValueError, me.diff, (a,), {"n": -1}),
        (me.AxisError, me.diff, (a,), {"axis": 2}),
        (ValueError, me.diff, (a,), {"prepend": np.ones((2, 2))}),
    )


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_diff_matches_numpy(data):
    x = data.draw(
        hnp.arrays(
            np.float64, hnp.array_shapes(min_dims=1, max_dims=3, max_side=6), elements=st.floats(-9, 9)
        )
    )
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    n = data.draw(st.integers(0, 7))
    length = x.shape[axis]
    rest = x.size // length if length else math.prod(s for i, s in enumerate(x.shape) if i != axis % x.ndim)
    expected = sum(rest * max(length - k, 0) for k in range(1, n + 1))
    out, cost = charged(me.diff, x, n=n, axis=axis)
    assert cost == expected
    assert_same(out, np.diff(x, n=n, axis=axis))


def test_ediff1d():
    x = RNG.normal(size=(3, 4))
    out, cost = charged(me.ediff1d, x)
    assert cost == 12
    assert_same(out, np.ediff1d(x))
    out, cost = charged(me.ediff1d, x, to_end=[1.0, 2.0], to_begin=me.array([0.0]))
    assert cost == 12
    assert_same(out, np.ediff1d(x, to_end=[1.0, 2.0], to_begin=[0.0]))


def test_gradient():
    f = RNG.normal(size=(4, 5))
    out, cost = charged(me.gradient, f)
    assert cost == 2 * 20
    assert_same(out, np.gradient(f))
    out, cost = charged(me.gradient, f, axis=1)
    assert cost == 20
    assert_same(out, np.gradient(f, axis=1))
    out, cost = charged(me.gradient, f, 2.0, axis=(0, 1), edge_order=2)
    assert cost == 40
    assert_same(out, np.gradient(f, 2.0, axis=(0, 1), edge_order=2))
    xs, ys = np.cumsum(RNG.random(4)), me.array(np.cumsum(RNG.random(5)))
    out, cost = charged(me.gradient, f, xs, ys)
    assert cost == 40
    assert_same(out, np.gradient(f, xs, np.asarray(ys)))
    g3 = RNG.normal(size=(2, 3, 4))
    out, cost = charged(me.gradient, g3, axis=-1)
    assert cost == 24
    assert_same(out, np.gradient(g3, axis=-1))
    nothing_charged(
        (ValueError, me.gradient, (np.ones(1),), {}),
        (ValueError, me.gradient, (np.ones(3),), {"edge_order": 3}),
        (ValueError, me.gradient, (f,), {"axis": (0, 0)}),
        (TypeError, me.gradient, (f, 1.0, 2.0, 3.0), {}),
        (ValueError, me.gradient, (f, np.arange(3.0), np.arange(5.0)), {}),
    )


def test_unwrap_trapezoid_interp():
    p = np.cumsum(RNG.normal(size=(3, 8)), axis=1) * 3
    out, cost = charged(me.unwrap, p)
    assert cost == 24
    assert_same(out, np.unwrap(p))
    out, cost = charged(me.unwrap, p, discont=4.0, axis=0, period=5.0)
    assert cost == 24
    assert_same(out, np.unwrap(p, discont=4.0, axis=0, period=5.0))

    y = RNG.normal(size=(3, 8))
    out, cost = charged(me.trapezoid, y)
    assert cost == 24
    assert_same(out, np.trapezoid(y))
    x = np.cumsum(RNG.random(3))
    out, cost = charged(me.trapezoid, y, me.array(x), axis=0)
    assert cost == 24
    assert_same(out, np.trapezoid(y, x, axis=0))
    out, cost = charged(me.trapezoid, y, dx=0.5)
    assert cost == 24
    assert_same(out, np.trapezoid(y, dx=0.5))

    xp = np.linspace(0, 1, 6)
    fp = xp**2
    q = RNG.random((2, 5))
    out, cost = charged(me.interp, q, xp, fp)
    assert cost == 10
    assert_same(out, np.interp(q, xp, fp))
    out, cost = charged(me.interp, q * 3, xp, fp, left=-1.0, right=2.0)
    assert cost == 10
    assert_same(out, np.interp(q * 3, xp, fp, left=-1.0, right=2.0))
    out, cost = charged(me.interp, 0.3, xp, me.array(fp), period=1.0)
    assert cost == 1
    assert_same(out, np.interp(0.3, xp, fp, period=1.0))
    nothing_charged(
        (ValueError, me.unwrap, (np.array(1.0),), {}),
        (me.AxisError, me.trapezoid, (y,), {"axis": 2}),
        (ValueError, me.trapezoid, (y, np.ones(5)), {}),
        (ValueError, me.interp, (q, xp, fp[:3]), {}),
        (ValueError, me.interp, (q, [], []), {}),
        (ValueError, me.interp, (q, xp, fp), {"period": 0}),
    )


# -- convolve, correlate ---------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["full", "same", "valid"])
def test_convolve_correlate(mode):
    a, v = RNG.normal(size=12), RNG.normal(size=5)
    out, cost = charged(me.convolve, a, v, mode)
    assert cost == 12 * 5
    assert_same(out, np.convolve(a, v, mode))
    out, cost = charged(me.correlate, me.array(v), a, mode=mode)
    assert cost == 5 * 12
    assert_same(out, np.correlate(v, a, mode=mode))


@settings(max_examples=25, deadline=None)
@given(
    hnp.arrays(np.float64, st.integers(1, 12), elements=st.floats(-9, 9)),
    hnp.arrays(np.float64, st.integers(1, 12), elements=st.floats(-9, 9)),
)
def test_convolve_matches_numpy(a, v):
    out, cost = charged(me.convolve, a, v)
    assert cost == a.size * v.size
    assert_same(out, np.convolve(a, v))
    out, cost = charged(me.correlate, a, v, "full")
    assert cost == a.size * v.size
    assert_same(out, np.correlate(a, v, "full"))


def test_convolve_errors_before_charging():
    nothing_charged(
        (ValueError, me.convolve, (np.ones((2, 2)), np.ones(2)), {}),
        (ValueError, me.convolve, ([], np.ones(2)), {}),
        (ValueError, me.correlate, (np.ones(2), []), {}),
        (ValueError, me.convolve, (np.ones(2), np.ones(2)), {"mode": "bogus"}),
    )


# -- cov, corrcoef ---------------------------------------------------------------------------------


def test_cov_corrcoef_cost_model_examples():
    x = RNG.normal(size=(5, 20))
    out, cost = charged(me.cov, x)
    assert cost == 2 * 5 * 20 + 2 * 5 * 5 * 20 == 1200
    assert_same(out, np.cov(x))
    out, cost = charged(me.corrcoef, x)
    assert cost == 1200 + 5 * 5 == 1225
    assert_same(out, np.corrcoef(x))


def test_cov_rowvar_y_and_weights():
    x = RNG.normal(size=(20, 5))
    out, cost = charged(me.cov, x, rowvar=False)
    assert cost == 1200
    assert_same(out, np.cov(x, rowvar=False))
    out, cost = charged(me.corrcoef, me.array(x), rowvar=False)
    assert cost == 1225
    assert_same(out, np.corrcoef(x, rowvar=False))
    a, c = RNG.normal(size=(3, 20)), RNG.normal(size=(2, 20))
    out, cost = charged(me.cov, a, c)
    assert cost == 2 * 5 * 20 + 2 * 5 * 5 * 20  # y adds its 2 variables
    assert_same(out, np.cov(a, c))
    out, cost = charged(me.corrcoef, a, c)
    assert cost == 1225
    assert_same(out, np.corrcoef(a, c))
    v, w = RNG.normal(size=20), RNG.normal(size=20)
    out, cost = charged(me.cov, v, w)
    assert cost == 2 * 2 * 20 + 2 * 2 * 2 * 20
    assert_same(out, np.cov(v, w))
    out, cost = charged(me.cov, v)
    assert cost == 2 * 1 * 20 + 2 * 1 * 1 * 20
    assert_same(out, np.cov(v))
    out, cost = charged(me.cov, v, rowvar=False)  # a 1-D input stays one variable
    assert cost == 80
    assert_same(out, np.cov(v, rowvar=False))
    fw, aw = RNG.integers(1, 4, size=20), RNG.random(20)
    out, cost = charged(me.cov, a, bias=True, fweights=fw, aweights=aw)
    assert cost == 2 * 3 * 20 + 2 * 3 * 3 * 20
    assert_same(out, np.cov(a, bias=True, fweights=fw, aweights=aw))
    out, cost = charged(me.cov, a, ddof=0, dtype=np.float32)
    assert cost == 2 * 3 * 20 + 2 * 3 * 3 * 20
    assert_same(out, np.cov(a, ddof=0, dtype=np.float32))
    out, cost = charged(me.cov, np.ones((0, 4)))
    assert cost == 0
    assert_same(out, np.cov(np.ones((0, 4))))
    nothing_charged(
        (ValueError, me.cov, (np.ones((2, 3, 4)),), {}),
        (ValueError, me.cov, (a, np.ones((2, 7))), {}),
        (ValueError, me.cov, (a,), {"fweights": np.ones(3)}),
        (ValueError, me.corrcoef, (a, np.ones((2, 2, 2))), {}),
    )


def test_cov_over_budget():
    with me.BudgetContext(flop_budget=1224, quiet=True) as b:
        with pytest.raises(me.BudgetExhaustedError):
            me.corrcoef(np.ones((5, 20)))
        assert b.flops_used == 0


# -- comparisons -----------------------------------------------------------------------------------


def test_allclose_isclose():
    a = RNG.normal(size=(3, 1))
    c = a + RNG.normal(size=4) * 1e-7
    out, cost = charged(me.allclose, a, c)
    assert cost == 12
    assert out == np.allclose(a, c)
    out, cost = charged(me.isclose, a, c, rtol=0.0, atol=1e-7)
    assert cost == 12
    assert_same(out, np.isclose(a, c, rtol=0.0, atol=1e-7))
    rtol = np.full((2, 1, 1), 1e-3)
    out, cost = charged(me.isclose, a, c, rtol=rtol)
    assert cost == 2 * 3 * 4
    assert_same(out, np.isclose(a, c, rtol=rtol))
    nan = np.array([np.nan, 1.0])
    out, cost = charged(me.allclose, nan, me.array(nan), equal_nan=True)
    assert cost == 2
    assert out is True
    nothing_charged((ValueError, me.isclose, (np.ones(3), np.ones(4)), {}))


def test_array_equal_and_equiv():
    a = RNG.integers(0, 3, size=(3, 4))
    out, cost = charged(me.array_equal, a, a.copy())
    assert (out, cost) == (True, 12)
    out, cost = charged(me.array_equal, a, a.T)
    assert (out, cost) == (False, 0)
    out, cost = charged(me.array_equal, [1, 2], [[1, 2], [1]])
    assert (out, cost) == (np.array_equal([1, 2], [[1, 2], [1]]), 0)
    nan = np.array([np.nan, 1.0])
    out, cost = charged(me.array_equal, nan, nan, equal_nan=True)
    assert (out, cost) == (True, 2)
    out, cost = charged(me.array_equiv, a, a[0])
    assert (out, cost) == (np.array_equiv(a, a[0]), 12)
    out, cost = charged(me.array_equiv, np.ones((2, 3)), np.ones(3))
    assert (out, cost) == (True, 6)
    out, cost = charged(me.array_equiv, np.ones(3), np.ones(4))
    assert (out, cost) == (False, 0)


def test_clip():
    a = RNG.normal(size=(3, 4))
    out, cost = charged(me.clip, a, -0.5, 0.5)
    assert cost == 12
    assert_same(out, np.clip(a, -0.5, 0.5))
    lo = RNG.normal(size=(2, 1, 4)) - 1
    out, cost = charged(me.clip, a, lo, None)
    assert cost == 2 * 3 * 4
    assert_same(out, np.clip(a, lo, None))
    out, cost = charged(me.clip, a, max=me.array(np.zeros(4)))
    assert cost == 12
    assert_same(out, np.clip(a, max=np.zeros(4)))
    out, cost = charged(me.clip, a)
    assert cost == 12
    assert_same(out, np.clip(a))
    dst = me.array(np.zeros((3, 4)))
    out, cost = charged(me.clip, a, 0.0, 1.0, out=dst)
    assert cost == 12
    assert out is dst
    assert_same(dst, np.clip(a, 0.0, 1.0))
    out, cost = charged(me.clip, a, 0, 1, dtype=np.float32)
    assert cost == 12
    assert_same(out, np.clip(a, 0, 1, dtype=np.float32))
    x = me.array(a)
    out, cost = charged(x.clip, 0.0, 1.0)
    assert cost == 12
    assert_same(out, a.clip(0.0, 1.0))
    out, cost = charged(x.clip, max=0.0)
    assert cost == 12
    assert_same(out, a.clip(max=0.0))
    nothing_charged(
        (ValueError, me.clip, (a, np.zeros(3), 1.0), {}),
        (TypeError, me.clip, (a, 0.0), {}),
        (ValueError, me.clip, (a, 0.0, 1.0), {"min": 0.0}),
    )


# -- logspace, geomspace, vander, trace, kron, cross -----------------------------------------------


def test_logspace_geomspace():
    out, cost = charged(me.logspace, 0, 3, 50)
    assert cost == 50
    assert_same(out, np.logspace(0, 3, 50))
    out, cost = charged(me.logspace, 0, 3, 7, endpoint=False, base=2.0, dtype=np.float32)
    assert cost == 7
    assert_same(out, np.logspace(0, 3, 7, endpoint=False, base=2.0, dtype=np.float32))
    out, cost = charged(me.logspace, [0, 1], me.array([2.0, 3.0]), 4, axis=1)
    assert cost == 4 * 2
    assert_same(out, np.logspace([0, 1], [2.0, 3.0], 4, axis=1))
    out, cost = charged(me.logspace, 0, 1, 4, base=[2.0, 3.0, 4.0])
    assert cost == 4 * 3
    assert_same(out, np.logspace(0, 1, 4, base=[2.0, 3.0, 4.0]))
    out, cost = charged(me.geomspace, 1, 1000, 4)
    assert cost == 4
    assert_same(out, np.geomspace(1, 1000, 4))
    out, cost = charged(me.geomspace, 1, [2.0, 3.0], 5, endpoint=False)
    assert cost == 5 * 2
    assert_same(out, np.geomspace(1, [2.0, 3.0], 5, endpoint=False))
    out, cost = charged(me.logspace, 0, 1, 0)
    assert cost == 0
    assert_same(out, np.logspace(0, 1, 0))
    nothing_charged(
        (ValueError, me.logspace, (0, 1, -1), {}),
        (ValueError, me.geomspace, (1, 2, -3), {}),
        (ValueError, me.logspace, (np.ones(2), np.ones(3)), {}),
    )


def test_vander():
    x = RNG.normal(size=10)
    out, cost = charged(me.vander, x, 5)
    assert cost == 10 * 4 == 40
    assert_same(out, np.vander(x, 5))
    out, cost = charged(me.vander, me.array(x))
    assert cost == 10 * 9
    assert_same(out, np.vander(x))
    out, cost = charged(me.vander, [1, 2, 3], N=4, increasing=True)
    assert cost == 3 * 3
    assert_same(out, np.vander([1, 2, 3], N=4, increasing=True))
    out, cost = charged(me.vander, x, 0)
    assert cost == 0
    assert_same(out, np.vander(x, 0))
    nothing_charged(
        (ValueError, me.vander, (np.ones((2, 2)),), {}),
        (ValueError, me.vander, (x, -1), {}),
    )


def test_trace():
    a = RNG.normal(size=(9, 12))
    out, cost = charged(me.trace, a)
    assert cost == 9
    assert_same(out, np.trace(a))
    out, cost = charged(me.trace, a, 5)
    assert cost == 7
    assert_same(out, np.trace(a, 5))
    out, cost = charged(me.trace, a, offset=-3, dtype=np.float32)
    assert cost == 6
    assert_same(out, np.trace(a, offset=-3, dtype=np.float32))
    b3 = RNG.normal(size=(2, 9, 12))
    out, cost = charged(me.trace, b3, axis1=1, axis2=2)
    assert cost == 2 * 9
    assert_same(out, np.trace(b3, axis1=1, axis2=2))
    out, cost = charged(me.trace, b3)  # the (2, 9) planes, 12 of them
    assert cost == 12 * 2
    assert_same(out, np.trace(b3))
    out, cost = charged(me.array(a).trace)
    assert cost == 9
    nothing_charged(
        (ValueError, me.trace, (np.ones(3),), {}),
        (ValueError, me.trace, (a,), {"axis1": 0, "axis2": 0}),
    )


def test_kron():
    a, c = RNG.normal(size=(3, 4)), RNG.normal(size=(2, 5))
    out, cost = charged(me.kron, a, c)
    assert cost == 3 * 4 * 2 * 5 == 120
    assert_same(out, np.kron(a, c))
    out, cost = charged(me.kron, me.array(a[0]), c)
    assert cost == 2 * 20
    assert_same(out, np.kron(a[0], c))
    out, cost = charged(me.kron, 2.0, c)
    assert cost == 10
    assert_same(out, np.kron(2.0, c))


def test_cross():
    a, c = RNG.normal(size=(10, 3)), RNG.normal(size=(10, 3))
    out, cost = charged(me.cross, a, c)
    assert cost == 3 * 30 == 90
    assert_same(out, np.cross(a, c))
    out, cost = charged(me.cross, a.T, me.array(c), axisa=0)
    assert cost == 90
    assert_same(out, np.cross(a.T, c, axisa=0))
    out, cost = charged(me.cross, a.T, c.T, axis=0)
    assert cost == 90
    assert_same(out, np.cross(a.T, c.T, axis=0))
    out, cost = charged(me.cross, a, c, axisc=0)
    assert cost == 90
    assert_same(out, np.cross(a, c, axisc=0))
    b3 = RNG.normal(size=(4, 1, 3))
    out, cost = charged(me.cross, b3, c)
    assert cost == 3 * 4 * 10 * 3
    assert_same(out, np.cross(b3, c))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        out, cost = charged(me.cross, a[:, :2], c[:, :2])
        assert cost == 3 * 10
        assert_same(out, np.cross(a[:, :2], c[:, :2]))
    nothing_charged(
        (ValueError, me.cross, (np.ones((10, 4)), c), {}),
        (ValueError, me.cross, (np.ones((4, 3)), c), {}),
        (me.AxisError, me.cross, (a, c), {"axisc": 2}),
    )


def test_over_budget_leaves_budget_unchanged():
    with me.BudgetContext(flop_budget=150, quiet=True) as b:
        me.kron(np.ones((3, 4)), np.ones((2, 5)))  # 120
        with pytest.raises(me.BudgetExhaustedError):
            me.cross(np.ones((10, 3)), np.ones((10, 3)))  # 90
        with pytest.raises(me.BudgetExhaustedError):
            me.logspace(0, 3, 50)
        assert b.flops_used == 120
        me.trace(np.ones((9, 12)))
        assert b.flops_used == 129


def test_cov_mixed_rowvar_y():
    v, y = RNG.normal(size=20), RNG.normal(size=(20, 2))
    out, cost = charged(me.cov, v, y, rowvar=False)
    assert cost == 2 * 3 * 20 + 2 * 3 * 3 * 20
    assert_same(out, np.cov(v, y, rowvar=False))


def test_cost_overflow_is_an_error_and_charges_nothing():
    huge = np.broadcast_to(np.ones(1), (2**40,))  # a view: nothing allocated
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        with pytest.raises(me.CostOverflowError):
            me.diff(huge, n=2**30)
        with pytest.raises(me.CostOverflowError):
            me.gradient(np.broadcast_to(np.ones(1, dtype=bool), (2,) * 62))  # 62 axes * 2**62
        assert b.flops_used == 0
