"""Generated families — pointwise, reductions, means, variances, free names:
values equal NumPy's and costs follow the cost model's formulas."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import mechestim as me
from mechestim import _core

ROWS = {r[0]: r for r in _core.registry_rows()}
INTEGER_ONLY = {
    "bitwise_count",
    "bitwise_invert",
    "bitwise_not",
    "invert",
    "bitwise_and",
    "bitwise_or",
    "bitwise_xor",
    "bitwise_left_shift",
    "bitwise_right_shift",
    "left_shift",
    "right_shift",
    "gcd",
    "lcm",
}
UNARY = [n for n, r in ROWS.items() if r[3] == "unary_pointwise" and isinstance(getattr(np, n), np.ufunc)]
BINARY = [n for n, r in ROWS.items() if r[3] == "binary_pointwise"]
REDUCTIONS = [n for n, r in ROWS.items() if r[3] == "reduction"]


def charged(fn, *args, **kwargs):
    with me.BudgetContext(flop_budget=2**62, quiet=True) as b:
        out = fn(*args, **kwargs)
    return out, b.flops_used


def sample(name: str, shape, seed=0):
    rng = np.random.default_rng(seed)
    if name in INTEGER_ONLY:
        return rng.integers(1, 7, size=shape)
    return rng.uniform(0.1, 0.9, size=shape)


def same(a, b):
    if isinstance(b, tuple):
        assert isinstance(a, tuple) and len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            same(x, y)
        return
    np.testing.assert_array_equal(np.asarray(a), np.asarray(b))


def test_family_sizes_match_the_cost_model():
    # "~73 unary and ~45 binary" pointwise ops; 2 of NumPy's binary ufuncs (matmul family) are contractions.
    assert len([n for n, r in ROWS.items() if r[3] == "unary_pointwise"]) >= 65
    assert len(BINARY) >= 44


@pytest.mark.parametrize("name", UNARY)
@pytest.mark.parametrize("shape", [(), (7,), (3, 4), (2, 3, 2)])
def test_unary_ufuncs(name, shape):
    x = sample(name, shape)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out, flops = charged(getattr(me, name), x)
        expected = getattr(np, name)(x)
    same(out, expected)
    assert flops == math.prod(shape)


@pytest.mark.parametrize("name", BINARY)
def test_binary_ufuncs_broadcast(name):
    a = sample(name, (3, 1, 4), 1)
    b = sample(name, (5, 1), 2)
    if name == "ldexp":
        b = np.arange(5).reshape(5, 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out, flops = charged(getattr(me, name), a, b)
        expected = getattr(np, name)(a, b)
    same(out, expected)
    assert flops == 3 * 5 * 4


@settings(max_examples=40, deadline=None)
@given(
    shapes=hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4),
    name=st.sampled_from(
        ["add", "subtract", "multiply", "true_divide", "maximum", "minimum", "hypot", "fmod"]
    ),
    dtype=st.sampled_from([np.float64, np.float32, np.int32]),
)
def test_binary_hypothesis(shapes, name, dtype):
    a = (np.arange(math.prod(shapes.input_shapes[0])) + 1).astype(dtype).reshape(shapes.input_shapes[0])
    b = (np.arange(math.prod(shapes.input_shapes[1])) + 2).astype(dtype).reshape(shapes.input_shapes[1])
    out, flops = charged(getattr(me, name), a, b)
    same(out, getattr(np, name)(a, b))
    assert flops == math.prod(shapes.result_shape)


def test_ufunc_keywords_and_out():
    x = np.linspace(0.5, 1.5, 6).reshape(2, 3)
    out = np.empty((4, 2, 3))
    res, flops = charged(me.exp, x, out=out)
    assert res is out and flops == 24  # the output broadcasts to out's shape
    np.testing.assert_array_equal(out[3], np.exp(x))
    res, flops = charged(me.add, x, 1, dtype=np.float32)
    assert res.dtype == np.float32 and flops == 6
    mask = x > 1
    res, _ = charged(me.sqrt, x, where=mask, out=np.zeros_like(x))
    np.testing.assert_array_equal(res, np.sqrt(x, where=mask, out=np.zeros_like(x)))


@pytest.mark.parametrize("name", REDUCTIONS)
@pytest.mark.parametrize("axis", [None, 0, -1])
def test_reductions_cost_numel_of_the_input_whatever_the_axis(name, axis):
    x = sample(name, (4, 5), 3)
    fn, ref = getattr(me, name), getattr(np, name)
    extra = {"q": 0.3} if "quantile" in name else {"q": 30} if "percentile" in name else {}
    if name.startswith("cumulative") and axis is None:
        x, axis = x[0], None
    out, flops = charged(fn, x, axis=axis, **extra)
    same(out, ref(x, axis=axis, **extra))
    assert flops == x.size


@pytest.mark.parametrize(
    ("name", "axis", "expected"),
    [
        ("mean", None, 201),
        ("mean", 1, 210),
        ("mean", 0, 220),
        ("average", None, 201),
        ("nanmean", (0, 1), 201),
        ("var", None, 401),
        ("std", None, 401),
        ("std", 1, 410),
        ("nanvar", 0, 420),
        ("nanstd", -1, 410),
    ],
)
def test_mean_and_variance_formulas(name, axis, expected):
    x = np.arange(200.0).reshape(10, 20)
    out, flops = charged(getattr(me, name), x, axis=axis)
    assert flops == expected
    np.testing.assert_allclose(out, getattr(np, name)(x, axis=axis))


def test_keepdims_and_where_pass_through():
    x = np.arange(12.0).reshape(3, 4)
    out, flops = charged(me.sum, x, axis=1, keepdims=True)
    assert out.shape == (3, 1) and flops == 12
    out, _ = charged(me.sum, x, where=x > 5)
    assert out == np.sum(x, where=x > 5)


def test_bad_axis_raises_numpy_axis_error_and_charges_nothing():
    with me.BudgetContext(flop_budget=1000) as b:
        with pytest.raises(np.exceptions.AxisError):
            me.mean(np.ones((2, 3)), axis=2)
    assert b.flops_used == 0


@pytest.mark.parametrize("name", ["exp", "sum", "mean", "var", "add", "sort", "where", "matmul"])
def test_non_numeric_data_is_refused_before_charging(name):
    s = np.array([["a", "b"], ["c", "d"]])
    args = (s, s) if name in ("add", "matmul") else (s,)
    with me.BudgetContext(flop_budget=1000) as b:
        with pytest.raises(me.NonNumericError):
            getattr(me, name)(*args)
    assert b.flops_used == 0


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: me.zeros((3, 4)), np.zeros((3, 4))),
        (lambda: me.ones_like(np.empty((2, 2))), np.ones((2, 2))),
        (lambda: me.eye(3, k=1), np.eye(3, k=1)),
        (lambda: me.arange(2, 10, 3), np.arange(2, 10, 3)),
        (lambda: me.linspace(0, 1, 5), np.linspace(0, 1, 5)),
        (lambda: me.reshape(np.arange(6), (2, 3)), np.arange(6).reshape(2, 3)),
        (lambda: me.concatenate([np.ones(2), np.zeros(3)]), np.concatenate([np.ones(2), np.zeros(3)])),
        (lambda: me.stack([np.ones(2), np.zeros(2)], axis=1), np.stack([np.ones(2), np.zeros(2)], axis=1)),
        (lambda: me.transpose(np.arange(6).reshape(2, 3)), np.arange(6).reshape(2, 3).T),
        (lambda: me.tile(np.arange(3), 2), np.tile(np.arange(3), 2)),
        (lambda: me.diag(np.arange(3)), np.diag(np.arange(3))),
        (lambda: me.tril(np.ones((3, 3))), np.tril(np.ones((3, 3)))),
        (lambda: me.flip(np.arange(4)), np.arange(4)[::-1]),
        (lambda: me.broadcast_to(np.arange(3), (2, 3)), np.broadcast_to(np.arange(3), (2, 3))),
    ],
)
def test_free_names_cost_nothing_and_return_me_arrays(call, expected):
    out, flops = charged(call)
    assert flops == 0
    np.testing.assert_array_equal(out, expected)
    assert type(out) is me.ndarray


def test_constants_and_dtypes_are_numpy_s():
    assert (me.pi, me.e, me.inf) == (np.pi, np.e, np.inf)
    assert np.isnan(me.nan) and me.newaxis is None
    assert me.float64 is np.float64 and me.int32 is np.int32 and me.dtype is np.dtype


@pytest.mark.parametrize("name", ["array", "asarray", "asanyarray", "ascontiguousarray", "asfortranarray"])
def test_constructors_count_a_cast_of_an_existing_array(name):
    fn = getattr(me, name)
    out, flops = charged(fn, np.ones((3, 4)), np.float32)
    assert flops == 12 and out.dtype == np.float32  # a dtype-changing cast: one FLOP per element
    _, flops = charged(fn, np.ones((3, 4)), np.float64)
    assert flops == 0  # same dtype: no cast
    _, flops = charged(fn, [[1, 2], [3, 4]], np.float32)
    assert flops == 0  # construction from given data is free


def test_clip_method_with_only_a_minimum():
    x = me.array(np.arange(-3.0, 3.0))
    out, flops = charged(lambda: x.clip(0.0))
    np.testing.assert_array_equal(out, np.arange(-3.0, 3.0).clip(0.0))
    assert flops == 6
