"""me.linalg: NumPy's values, and costs written from the cost model's formulas."""

from __future__ import annotations

import inspect

import numpy as np
import pytest

import mechestim as me
from mechestim import _core

ROWS = [r for r in _core.registry_rows() if r[1] == "linalg"]
RNG = np.random.default_rng(0)


def charged(fn, *args, **kwargs):
    with me.BudgetContext(flop_budget=10**12) as budget:
        result = fn(*args, **kwargs)
    return result, budget.flops_used


def spd(n, batch=()):
    a = RNG.standard_normal((*batch, n, n))
    return a @ np.swapaxes(a, -1, -2) + n * np.eye(n)


@pytest.mark.parametrize("row", [r for r in ROWS if r[2] != "blocked"], ids=lambda r: r[0])
def test_every_row_has_a_wrapper_with_numpys_signature(row):
    short = row[0].removeprefix("linalg.")
    ours = getattr(me.linalg, short)
    expected = inspect.signature(getattr(np.linalg, short))
    got = inspect.signature(ours)
    if short == "svd":  # the documented extension: top-k singular triplets
        assert list(got.parameters)[:-1] == list(expected.parameters) and "k" in got.parameters
    else:
        assert got == expected


def test_no_public_name_without_a_row():
    assert set(me.linalg.__all__) == {r[0].removeprefix("linalg.") for r in ROWS if r[2] != "blocked"}
    with pytest.raises(me.UnsupportedFunctionError):
        me.linalg.not_a_function  # noqa: B018


def test_issue_examples():
    A = RNG.standard_normal((30, 20))
    assert charged(me.linalg.svd, A)[1] == 30 * 20 * 20
    (u, s, vh), cost = charged(me.linalg.svd, A, k=5)
    assert cost == 30 * 20 * 5 == 3_000
    assert (u.shape, s.shape, vh.shape) == ((30, 5), (5,), (5, 20))
    np.testing.assert_allclose(s, np.linalg.svd(A)[1][:5])
    assert charged(me.linalg.cholesky, spd(20))[1] == 20**3 // 3 == 2_666
    assert charged(me.linalg.solve, spd(20), np.ones(20))[1] == 2 * 20**3 // 3 + 20**2 == 5_733
    assert charged(me.linalg.solve, spd(100), np.ones(100))[1] == 676_666


@pytest.mark.parametrize(
    ("name", "make", "per_matrix"),
    [
        ("svdvals", lambda: RNG.standard_normal((30, 20)), 30 * 20 * 20),
        ("qr", lambda: RNG.standard_normal((30, 20)), 2 * 30 * 20**2 - 2 * 20**3 // 3),
        ("eig", lambda: RNG.standard_normal((12, 12)), 10 * 12**3),
        ("eigvals", lambda: RNG.standard_normal((12, 12)), 10 * 12**3),
        ("eigh", lambda: spd(12), 4 * 12**3 // 3),
        ("eigvalsh", lambda: spd(12), 4 * 12**3 // 3),
        ("inv", lambda: spd(20), 20**3),
        ("det", lambda: spd(20), 20**3),
        ("slogdet", lambda: spd(20), 20**3),
        ("pinv", lambda: RNG.standard_normal((30, 10)), 30 * 10 * 10),
        ("cond", lambda: RNG.standard_normal((30, 10)), 30 * 10 * 10),
        ("matrix_rank", lambda: RNG.standard_normal((30, 10)), 30 * 10 * 10),
        ("cholesky", lambda: spd(20), 20**3 // 3),
    ],
)
def test_costs_and_values_with_stacks(name, make, per_matrix):
    a = make()
    value, cost = charged(getattr(me.linalg, name), a)
    assert cost == per_matrix
    expected = getattr(np.linalg, name)(a)
    for got, want in zip(
        np.atleast_1d(value) if not isinstance(value, tuple) else value,
        np.atleast_1d(expected) if not isinstance(expected, tuple) else expected,
        strict=True,
    ):
        np.testing.assert_allclose(np.abs(got), np.abs(want), rtol=1e-8, atol=1e-10)
    stack = np.stack([a, a, a])
    assert charged(getattr(me.linalg, name), stack)[1] == 3 * per_matrix


def test_symmetric_inputs_take_the_cheaper_formulas():
    a = me.as_symmetric(spd(20), (0, 1))
    assert charged(me.linalg.solve, a, np.ones(20))[1] == 20**3 // 3 + 20
    inv, cost = charged(me.linalg.inv, a)
    assert cost == 20**3 // 3 + 20**3 // 2
    assert isinstance(inv, me.SymmetricTensor)
    np.testing.assert_allclose(inv, np.linalg.inv(np.asarray(a)))
    assert charged(me.linalg.det, a)[1] == 20**3 // 3


def test_norms():
    v = RNG.standard_normal(10)
    m = RNG.standard_normal((4, 5))
    assert charged(me.linalg.norm, v)[1] == 10
    assert charged(me.linalg.norm, v, 3)[1] == 20
    assert charged(me.linalg.norm, m)[1] == 40  # a matrix's default norm is Frobenius
    assert charged(me.linalg.norm, np.ones((2, 3, 4)))[1] == 24  # flattened 2-norm
    assert charged(me.linalg.norm, m, "fro")[1] == 40
    assert charged(me.linalg.norm, m, 1)[1] == 20
    assert charged(me.linalg.norm, m, 2)[1] == 4 * 5 * 4
    assert charged(me.linalg.norm, m, None, 1)[1] == 20  # 4 vectors of 5
    assert charged(me.linalg.vector_norm, m, axis=0, ord=3)[1] == 2 * 20
    assert charged(me.linalg.matrix_norm, np.stack([m, m]), ord="nuc")[1] == 2 * 4 * 5 * 4
    for args in [(v,), (v, 3), (m, "fro"), (m, 2), (m, None, 1)]:
        np.testing.assert_allclose(me.linalg.norm(*args), np.linalg.norm(*args))


def test_named_results_are_counted_arrays():
    q, r = me.linalg.qr(RNG.standard_normal((5, 3)))
    u, s, vh = me.linalg.svd(RNG.standard_normal((5, 3)))
    assert all(isinstance(x, me.ndarray) for x in (q, r, u, s, vh))
    assert type(me.linalg.qr(np.eye(3))).__name__ == "QRResult"


def test_products_and_powers():
    chain = [np.ones((10, 20)), np.ones((20, 30)), np.ones((30, 5))]
    value, cost = charged(me.linalg.multi_dot, chain)
    assert cost == 8_000  # (B C) then A (BC): 6,000 + 2,000
    np.testing.assert_allclose(value, chain[0] @ chain[1] @ chain[2])
    a = spd(8)
    assert charged(me.linalg.matrix_power, a, 5)[1] == 3 * 2 * 8**3
    assert charged(me.linalg.matrix_power, a, -3)[1] == 2 * 2 * 8**3 + 8**3
    np.testing.assert_allclose(me.linalg.matrix_power(a, 5), np.linalg.matrix_power(a, 5))
    assert charged(me.linalg.trace, np.ones((3, 9, 12)))[1] == 3 * 9
    assert charged(me.linalg.matmul, np.ones((4, 16, 8)), np.ones((4, 8, 12)))[1] == 12_288
    assert charged(me.linalg.diagonal, np.ones((3, 4, 4)))[1] == 0
    assert charged(me.linalg.matrix_transpose, np.ones((3, 4, 5)))[1] == 0


def test_bad_input_charges_nothing():
    with me.BudgetContext(flop_budget=10**6) as budget:
        with pytest.raises(me.ShapeError):
            me.linalg.cholesky(np.ones((3, 4)))
        with pytest.raises(me.ShapeError):
            me.linalg.inv(np.ones(3))
        with pytest.raises(me.InvalidArgumentError):
            me.linalg.svd(np.ones((3, 4)), k=4)
        with pytest.raises(me.ShapeError):
            me.linalg.solve(np.eye(3), np.ones(4))
        with pytest.raises(me.NonNumericError):
            me.linalg.det(np.array([["a", "b"], ["c", "d"]]))
        for k in (-1, 2.0, True):
            with pytest.raises(me.InvalidArgumentError):
                me.linalg.svd(np.ones((3, 4)), k=k)
        with pytest.raises(me.ShapeError):
            me.linalg.lstsq(np.ones((5, 3)), np.ones(4))
        with pytest.raises(me.ShapeError):
            me.linalg.tensorinv(np.ones((2, 3, 4)), ind=1)
        with pytest.raises(me.ShapeError):
            me.linalg.tensorsolve(np.ones((2, 3, 5)), np.ones((2, 3)))
    assert budget.flops_used == 0
