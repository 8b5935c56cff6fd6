"""Polynomial and window functions: NumPy's values, the cost model's prices."""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import mechestim as me
from mechestim import _polynomial, _window

RNG = np.random.default_rng(7)

coefs = hnp.arrays(np.float64, st.integers(1, 8), elements=st.floats(-5, 5))


def charged(fn, *args, **kwargs):
    """(result, FLOPs charged) of one call inside a fresh explicit context."""
    with me.BudgetContext(flop_budget=10**12, quiet=True) as b:
        out = fn(*args, **kwargs)
    return out, b.flops_used


def assert_same(out, ref):
    if isinstance(ref, tuple):
        assert isinstance(out, tuple) and len(out) == len(ref)
        for o, r in zip(out, ref, strict=True):
            assert_same(o, r)
    else:
        np.testing.assert_array_equal(np.asarray(out), np.asarray(ref))
        assert np.asarray(out).dtype == np.asarray(ref).dtype


def nothing_charged(*calls):
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        for exc, fn, args, kwargs in calls:
            with pytest.raises(exc):
                fn(*args, **kwargs)
        assert b.flops_used == 0


def test_signatures_match_numpy():
    for name in [*_polynomial.__all__, *_window.__all__]:
        assert inspect.signature(getattr(me, name)) == inspect.signature(getattr(np, name)), name


# -- polyval ---------------------------------------------------------------------------------------


def test_polyval_cost_model_example():
    p = RNG.normal(size=4)  # degree 3
    x = RNG.normal(size=100)
    out, cost = charged(me.polyval, p, x)
    assert cost == 2 * 100 * 3 == 600
    assert_same(out, np.polyval(p, x))


def test_polyval_variants():
    p = me.array([1.0, -2.0, 0.5])
    x = RNG.normal(size=(4, 5))
    out, cost = charged(me.polyval, p, x)
    assert cost == 2 * 20 * 2
    assert_same(out, np.polyval(np.asarray(p), x))
    out, cost = charged(me.polyval, [3.0], x)  # a constant: no multiply-adds
    assert cost == 0
    assert_same(out, np.polyval([3.0], x))
    out, cost = charged(me.polyval, [1.0, 2.0], 3.0)
    assert cost == 2 * 1 * 1
    assert_same(out, np.polyval([1.0, 2.0], 3.0))
    out, cost = charged(me.polyval, p, me.array(x))
    assert cost == 80
    pp = np.array([[1.0, 2.0], [3.0, 4.0]])  # rows are coefficients, broadcast against x
    out, cost = charged(me.polyval, pp, [1.0, 2.0])
    assert cost == 2 * 2 * 1
    assert_same(out, np.polyval(pp, [1.0, 2.0]))
    nothing_charged((TypeError, me.polyval, (3.0, [1.0, 2.0]), {}))


@settings(max_examples=25, deadline=None)
@given(
    coefs,
    hnp.arrays(np.float64, hnp.array_shapes(min_dims=0, max_dims=2, max_side=6), elements=st.floats(-3, 3)),
)
def test_polyval_matches_numpy(p, x):
    out, cost = charged(me.polyval, p, x)
    assert cost == 2 * x.size * (p.size - 1)
    assert_same(out, np.polyval(p, x))


# -- arithmetic ------------------------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(coefs, coefs)
def test_poly_arithmetic_matches_numpy(a, c):
    for name, expected in [
        ("polyadd", max(a.size, c.size)),
        ("polysub", max(a.size, c.size)),
        ("polymul", a.size * c.size),
    ]:
        out, cost = charged(getattr(me, name), a, c)
        assert cost == expected, name
        assert_same(out, getattr(np, name)(a, c))
    if abs(c[0]) >= 1e-3:  # a well-conditioned division
        out, cost = charged(me.polydiv, a, c)
        assert cost == a.size * c.size
        assert_same(out, np.polydiv(a, c))


def test_poly_arithmetic_examples():
    out, cost = charged(me.polyadd, me.array([1.0, 2.0]), [9.0, 5.0, 4.0])
    assert cost == 3
    assert_same(out, np.polyadd([1.0, 2.0], [9.0, 5.0, 4.0]))
    out, cost = charged(me.polysub, 2.0, [1.0, 1.0])
    assert cost == 2
    assert_same(out, np.polysub(2.0, [1.0, 1.0]))
    out, cost = charged(me.polymul, [1.0, 2.0, 3.0], me.array([9.0, 5.0, 1.0, 2.0]))
    assert cost == 3 * 4
    assert_same(out, np.polymul([1.0, 2.0, 3.0], [9.0, 5.0, 1.0, 2.0]))
    out, cost = charged(me.polydiv, [3.0, 5.0, 2.0, 1.0, 7.0], [2.0, 1.0])
    assert cost == 5 * 2
    assert_same(out, np.polydiv([3.0, 5.0, 2.0, 1.0, 7.0], [2.0, 1.0]))
    p = np.poly1d([1.0, 2.0])
    out, cost = charged(me.polymul, p, p)
    assert cost == 4
    assert out == np.polymul(p, p)
    nothing_charged((ValueError, me.polymul, (np.ones((2, 2)), [1.0]), {}))


# -- polyfit ---------------------------------------------------------------------------------------


def test_polyfit_cost_model_example():
    x = np.linspace(0, 1, 50)
    y = 1 + 2 * x - x**3 + RNG.normal(size=50) * 0.01
    out, cost = charged(me.polyfit, x, y, 3)
    assert cost == 2 * 50 * (3 + 1) ** 2 == 1600
    assert_same(out, np.polyfit(x, y, 3))


def test_polyfit_variants():
    x = np.linspace(-1, 1, 30)
    ys = np.stack([x**2, 1 - x, x**3], axis=1)  # three fits at once
    out, cost = charged(me.polyfit, me.array(x), ys, 2)
    assert cost == 3 * (2 * 30 * 3**2)
    assert_same(out, np.polyfit(x, ys, 2))
    w = RNG.random(30) + 0.5
    out, cost = charged(me.polyfit, x, x**2, 2, w=w, full=True)
    assert cost == 2 * 30 * 9
    assert_same(out, np.polyfit(x, x**2, 2, w=w, full=True))
    out, cost = charged(me.polyfit, x, 1 + x, 1, cov=True)
    assert cost == 2 * 30 * 4
    assert_same(out, np.polyfit(x, 1 + x, 1, cov=True))
    nothing_charged(
        (ValueError, me.polyfit, (x, x, -1), {}),
        (TypeError, me.polyfit, ([], [], 1), {}),
        (TypeError, me.polyfit, (x, x[:5], 1), {}),
        (TypeError, me.polyfit, (np.ones((2, 15)), x, 1), {}),
        (TypeError, me.polyfit, (x, x, 1), {"w": np.ones(3)}),
    )


def test_polyfit_over_budget():
    x = np.linspace(0, 1, 50)
    with me.BudgetContext(flop_budget=1599, quiet=True) as b:
        with pytest.raises(me.BudgetExhaustedError):
            me.polyfit(x, x, 3)
        assert b.flops_used == 0


# -- poly, roots, polyder, polyint -----------------------------------------------------------------


def test_poly_and_roots():
    r = np.array([1.0, 2.0, 3.0, -1.0])
    out, cost = charged(me.poly, r)
    assert cost == 4**2
    assert_same(out, np.poly(r))
    m = RNG.normal(size=(3, 3))
    out, cost = charged(me.poly, me.array(m))
    assert cost == 10 * 3**3 + 3**2  # eigenvalues, then the product of 3 linear factors
    assert_same(out, np.poly(m))
    out, cost = charged(me.poly, [])
    assert cost == 0
    assert out == np.poly([])

    p = np.array([1.0, -6.0, 11.0, -6.0])
    out, cost = charged(me.roots, p)
    assert cost == 10 * 3**3
    assert_same(out, np.roots(p))
    out, cost = charged(me.roots, me.array([0.0, 1.0, -3.0, 2.0, 0.0]))
    assert cost == 10 * 4**3
    assert_same(out, np.roots([0.0, 1.0, -3.0, 2.0, 0.0]))
    out, cost = charged(me.roots, [5.0])
    assert cost == 0
    assert_same(out, np.roots([5.0]))
    nothing_charged(
        (ValueError, me.poly, (np.ones((2, 3)),), {}),
        (TypeError, me.poly, (3.0,), {}),
        (ValueError, me.roots, (np.ones((2, 2)),), {}),
    )


@settings(max_examples=25, deadline=None)
@given(coefs, st.integers(0, 10))
def test_polyder_polyint_charge_per_order(p, m):
    n = p.size
    out, cost = charged(me.polyder, p, m)
    assert cost == sum(max(n - k, 0) for k in range(m))
    assert_same(out, np.polyder(p, m))
    out, cost = charged(me.polyint, p, m)
    assert cost == sum(n + j for j in range(m))
    assert_same(out, np.polyint(p, m))


def test_polyder_polyint_examples():
    p = me.array([1.0, 1.0, 1.0, 1.0])
    out, cost = charged(me.polyder, p)
    assert cost == 4
    assert_same(out, np.polyder(np.ones(4)))
    out, cost = charged(me.polyder, p, 3)
    assert cost == 4 + 3 + 2
    assert_same(out, np.polyder(np.ones(4), 3))
    out, cost = charged(me.polyint, p, 2, [1.0, 2.0])
    assert cost == 4 + 5
    assert_same(out, np.polyint(np.ones(4), 2, [1.0, 2.0]))
    out, cost = charged(me.polyint, p, 3, 5.0)
    assert cost == 4 + 5 + 6
    assert_same(out, np.polyint(np.ones(4), 3, 5.0))
    q = np.poly1d([1.0, 2.0, 3.0])
    out, cost = charged(me.polyder, q)
    assert cost == 3
    assert out == np.polyder(q)
    nothing_charged(
        (ValueError, me.polyder, (p, -1), {}),
        (ValueError, me.polyint, (p, -1), {}),
        (ValueError, me.polyint, (p, 3, [1.0, 2.0]), {}),
    )


# -- windows ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["bartlett", "hamming", "hanning"])
@pytest.mark.parametrize("M", [0, 1, 2, 7, 64, -3])
def test_linear_windows_cost_M(name, M):
    out, cost = charged(getattr(me, name), M)
    assert cost == max(M, 0)
    assert_same(out, getattr(np, name)(M))


@pytest.mark.parametrize("M", [0, 1, 2, 7, 64, -3])
def test_trig_windows_cost_3M(M):
    out, cost = charged(me.blackman, M)
    assert cost == 3 * max(M, 0)
    assert_same(out, np.blackman(M))
    out, cost = charged(me.kaiser, M, 14.0)
    assert cost == 3 * max(M, 0)
    assert_same(out, np.kaiser(M, 14.0))


@pytest.mark.parametrize("M", [0.5, 1.0, 5.5, 6.25, np.int64(9)])
def test_windows_price_the_values_numpy_returns(M):
    with np.errstate(invalid="ignore", divide="ignore"):
        for name, per in [("bartlett", 1), ("hamming", 1), ("hanning", 1), ("blackman", 3)]:
            out, cost = charged(getattr(me, name), M)
            ref = getattr(np, name)(M)
            assert cost == per * ref.size, (name, M)
            assert_same(out, ref)
        out, cost = charged(me.kaiser, M, 2.0)
        ref = np.kaiser(M, 2.0)
        assert cost == 3 * ref.size
        assert_same(out, ref)


def test_window_over_budget():
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        me.hamming(64)
        with pytest.raises(me.BudgetExhaustedError):
            me.kaiser(13, 5.0)  # 39 > 36
        assert b.flops_used == 64
        w = me.kaiser(12, 0.0)  # exactly the 36 left
        assert b.flops_used == 100
    assert math.isclose(float(np.asarray(w).sum()), 12.0)
