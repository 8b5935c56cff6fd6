"""Costs (from the cost model's formulas) and values (from NumPy) of the foundation's ops."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import mechestim as me


def charged(fn, *args, **kwargs):
    """(result, FLOPs charged) of one call inside a fresh explicit context."""
    with me.BudgetContext(flop_budget=2**63, quiet=True) as b:
        out = fn(*args, **kwargs)
    return out, b.flops_used


def test_array_and_asarray_are_free():
    _, cost = charged(me.array, [[1, 2], [3, 4]])
    assert cost == 0
    _, cost = charged(me.asarray, np.ones(5))
    assert cost == 0
    np.testing.assert_array_equal(me.array([1.5, 2]), np.array([1.5, 2]))


@pytest.mark.parametrize("shape", [(), (1,), (7,), (16, 16), (2, 3, 4), (0, 5)])
def test_sqrt_costs_numel_and_matches_numpy(shape):
    x = np.abs(np.random.default_rng(0).normal(size=shape))
    out, cost = charged(me.sqrt, x)
    assert cost == math.prod(shape)  # 1 for 0-d
    np.testing.assert_array_equal(out, np.sqrt(x))


def test_python_scalars_count_as_0d():
    assert charged(me.sqrt, 4.0) == (2.0, 1)
    out, cost = charged(me.maximum, np.arange(-3.0, 3.0), 0)
    assert cost == 6
    np.testing.assert_array_equal(out, np.maximum(np.arange(-3.0, 3.0), 0))
    assert charged(me.multiply, 3, 4) == (12, 1)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_binary_ops_cost_the_broadcast_output(data):
    shapes = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=4, max_side=5))
    dtype = data.draw(st.sampled_from([np.float64, np.float32, np.int64, np.bool_, np.complex128]))
    a = np.ones(shapes.input_shapes[0], dtype=dtype)
    b = np.full(shapes.input_shapes[1], 2, dtype=dtype)
    expected = math.prod(np.broadcast_shapes(a.shape, b.shape))
    for me_fn, np_fn in [(me.multiply, np.multiply), (me.maximum, np.maximum)]:
        if dtype is np.complex128 and np_fn is np.maximum:
            continue
        out, cost = charged(me_fn, a, b)
        assert cost == expected
        np.testing.assert_array_equal(out, np_fn(a, b))


def test_cost_model_examples():
    assert charged(me.multiply, np.ones((8, 1)), np.ones((1, 6)))[1] == 48
    assert charged(me.maximum, np.ones(256), 0)[1] == 256
    assert charged(me.sqrt, np.array(2.0))[1] == 1


def test_ufunc_keywords_pass_through():
    x = np.array([1.0, 4.0, 9.0])
    out = np.zeros(3)
    res, cost = charged(me.sqrt, x, out=out, where=np.array([True, False, True]))
    assert res is out
    np.testing.assert_array_equal(out, [1.0, 0.0, 3.0])
    assert cost == 3
    np.testing.assert_array_equal(me.multiply(x, 2, dtype=np.float32), np.multiply(x, 2, dtype=np.float32))


def test_lists_are_priced_from_their_array_shape():
    out, cost = charged(me.multiply, [[1, 2, 3]], [[1], [2]])
    assert cost == 6
    np.testing.assert_array_equal(out, np.multiply([[1, 2, 3]], [[1], [2]]))


def test_bad_broadcast_is_a_shape_error_and_charges_nothing():
    with me.BudgetContext(flop_budget=100) as b:
        with pytest.raises(ValueError) as info:
            me.multiply(np.ones((2, 3)), np.ones(4))
    assert isinstance(info.value, me.ShapeError)
    assert "(2,3) (4,)" in str(info.value)
    assert b.flops_used == 0


@pytest.mark.parametrize(
    "bad",
    [
        np.array(["a", "b"]),
        np.array([b"x"]),
        np.array([object(), 1], dtype=object),
        np.array(["2020-01-01"], dtype="datetime64[D]"),
        np.zeros(2, dtype=[("a", "f8"), ("b", "i4")]),
    ],
)
def test_non_numeric_data_is_refused_before_anything_is_charged(bad):
    with me.BudgetContext(flop_budget=100) as b:
        with pytest.raises(TypeError) as info:
            me.sqrt(bad)
        with pytest.raises(me.NonNumericError):
            me.multiply(np.ones(2), bad)
        with pytest.raises(me.NonNumericError):
            me.einsum("i->", bad)
    assert "bool, integer, float and complex" in str(info.value)
    assert b.flops_used == 0


def test_non_native_byte_order_is_still_numeric():
    x = np.ones(3, dtype=">f8")
    assert charged(me.sqrt, x)[1] == 3


@pytest.mark.parametrize(
    ("subscripts", "shapes", "expected"),
    [
        # Worked examples of the cost model, as products written out.
        ("ij,j->i", [(256, 256), (256,)], 256 * 256 * 2),
        ("ij,jk->ik", [(64, 32), (32, 16)], 64 * 32 * 16 * 2),
        ("i,j->ij", [(8,), (9,)], 8 * 9 * 1),
        ("ii->", [(256, 256)], 256 * 2),
        ("ij->ji", [(8, 8)], 64 * 1),
        # Implicit output, batch dims via ellipsis, diagonal, Hadamard product.
        ("ij,jk", [(3, 4), (4, 5)], 3 * 4 * 5 * 2),
        ("...ij,...jk->...ik", [(6, 3, 4), (6, 4, 5)], 6 * 3 * 4 * 5 * 2),
        ("ii->i", [(7, 7)], 7),
        ("ij,ij->ij", [(3, 4), (3, 4)], 12),
        ("i,i->", [(100,), (100,)], 200),
        ("ijk->", [(2, 3, 4)], 24 * 2),
    ],
)
def test_einsum_costs_and_values(subscripts, shapes, expected):
    rng = np.random.default_rng(1)
    ops = [rng.normal(size=s) for s in shapes]
    out, cost = charged(me.einsum, subscripts, *ops)
    assert cost == expected
    np.testing.assert_allclose(out, np.einsum(subscripts, *ops), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(
    ("subscripts", "shapes", "cls"),
    [
        ("ij,jk->ik", [(2, 3), (4, 5)], me.ShapeError),
        ("ij,jk->iz", [(2, 3), (3, 4)], me.EinsumError),
        ("ij,jk->ik", [(2, 3)], me.EinsumError),
        ("ijk->i", [(2, 3)], me.EinsumError),
        ("i$->i", [(2, 3)], me.EinsumError),
        ("ii->i", [(2, 3)], me.ShapeError),
    ],
)
def test_einsum_errors_are_specific_and_free(subscripts, shapes, cls):
    with me.BudgetContext(flop_budget=10**6) as b:
        with pytest.raises(ValueError) as info:
            me.einsum(subscripts, *[np.ones(s) for s in shapes])
    assert isinstance(info.value, cls)
    assert b.flops_used == 0


def test_cost_overflow_is_an_error_never_a_wrap():
    big = np.broadcast_to(np.ones(1), (2**32,))
    with me.BudgetContext(flop_budget=2**64 - 1) as b:
        with pytest.raises(OverflowError) as info:
            me.einsum("i,j->ij", big, big[: 2**32])
    assert isinstance(info.value, me.CostOverflowError)
    assert b.flops_used == 0


@pytest.mark.parametrize(("args", "expected"), [((), 1), ((5,), 5), ((256, 256), 65_536), ((2, 0, 3), 0)])
def test_randn_costs_the_values_it_draws(args, expected):
    np.random.seed(3)
    out, cost = charged(me.random.randn, *args)
    assert cost == expected
    np.random.seed(3)
    np.testing.assert_array_equal(out, np.random.randn(*args))


def test_randn_negative_dimensions_raise_and_charge_nothing():
    with me.BudgetContext(flop_budget=100) as b:
        with pytest.raises(ValueError, match="negative"):
            me.random.randn(3, -1)
    assert b.flops_used == 0
