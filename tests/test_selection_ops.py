"""Selections, gathers, scatters, casts and index tricks: NumPy's values, the cost model's costs.

Every expected cost below is the cost model's formula written out by hand from
the shapes in the test, never read back from the implementation.
"""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import mechestim as me
from mechestim import _selection

FUNCTIONS = [
    "nonzero",
    "argwhere",
    "flatnonzero",
    "where",
    "select",
    "compress",
    "extract",
    "trim_zeros",
    "asarray_chkfinite",
    "packbits",
    "unpackbits",
    "ravel_multi_index",
    "unravel_index",
    "pad",
    "take",
    "take_along_axis",
    "choose",
    "put",
    "putmask",
    "place",
    "put_along_axis",
    "astype",
]


def charged(fn, *args, **kwargs):
    """(result, FLOPs charged) of one call inside a fresh explicit context."""
    with me.BudgetContext(flop_budget=10**12, quiet=True) as b:
        out = fn(*args, **kwargs)
    return out, b.flops_used


def assert_same(ours, theirs):
    """Equal values and the same structure; arrays come back as ``me.ndarray``."""
    if isinstance(theirs, tuple):
        assert type(ours) is tuple and len(ours) == len(theirs)
        for o, t in zip(ours, theirs, strict=True):
            assert_same(o, t)
        return
    if type(theirs) is np.ndarray:
        assert type(ours) is me.ndarray
        assert ours.dtype == theirs.dtype
    np.testing.assert_array_equal(ours, theirs)


def small_arrays(min_dims=0, dtype=np.int64):
    return hnp.arrays(
        dtype,
        hnp.array_shapes(min_dims=min_dims, max_dims=3, min_side=0, max_side=4),
        elements=st.integers(-2, 2) if dtype is np.int64 else None,
    )


# ---------------------------------------------------------------------------
# names and signatures
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", FUNCTIONS)
def test_signature_equals_numpys(name):
    assert inspect.signature(getattr(me, name)) == inspect.signature(getattr(np, name))


def test_all_names_are_exported():
    assert set(FUNCTIONS) <= set(_selection.__all__)
    for name in [*FUNCTIONS, "mgrid", "ogrid", "r_", "c_", "s_", "index_exp", "newaxis"]:
        assert name in _selection.__all__
        assert name in me.__all__
        assert getattr(me, name) is getattr(_selection, name)
    assert me.newaxis is None
    assert me.s_ is np.s_
    assert me.index_exp is np.index_exp


# ---------------------------------------------------------------------------
# value tests and selections
# ---------------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(small_arrays(min_dims=1))
def test_nonzero_argwhere_flatnonzero_cost_numel(a):
    n = math.prod(a.shape)
    for name in ("nonzero", "argwhere", "flatnonzero"):
        out, cost = charged(getattr(me, name), a)
        assert cost == n
        assert_same(out, getattr(np, name)(a))


def test_zero_d_inputs():
    # argwhere and flatnonzero accept 0-d input (one element tested)
    for name in ("argwhere", "flatnonzero"):
        out, cost = charged(getattr(me, name), np.array(5))
        assert cost == 1
        assert_same(out, getattr(np, name)(np.array(5)))
    # nonzero and where(c) refuse it like NumPy, before charging
    for fn in (me.nonzero, me.where):
        with me.BudgetContext(flop_budget=100, quiet=True) as b:
            with pytest.raises(me.InvalidArgumentError, match="0d arrays"):
                fn(np.array(5))
        assert b.flops_used == 0


def test_where_costs_from_the_cost_model():
    cond = np.random.default_rng(0).random((10, 10)) > 0.5
    out, cost = charged(me.where, cond)
    assert cost == 100
    assert_same(out, np.where(cond))

    c, x, y = np.arange(10).reshape(10, 1) % 3 == 0, np.arange(10.0).reshape(1, 10), 2.5
    out, cost = charged(me.where, c, x, y)
    assert cost == 100  # broadcast of (10,1), (1,10), () is (10,10)
    assert_same(out, np.where(c, x, y))


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_where_three_arguments_costs_the_broadcast(data):
    shapes = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=3, max_dims=3, max_side=4))
    s_c, s_x, s_y = shapes.input_shapes
    cond = data.draw(hnp.arrays(np.bool_, s_c))
    x = np.arange(math.prod(s_x), dtype=np.float32).reshape(s_x)
    y = -np.ones(s_y, dtype=np.int16)
    out, cost = charged(me.where, cond, x, y)
    assert cost == math.prod(shapes.result_shape)
    assert_same(out, np.where(cond, x, y))


def test_where_keeps_weak_python_scalars():
    x = np.ones(3, dtype=np.float32)
    out, cost = charged(me.where, [True, False, True], x, 0.5)
    assert cost == 3
    assert out.dtype == np.float32
    assert_same(out, np.where([True, False, True], x, 0.5))


def test_where_errors_charge_nothing():
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        with pytest.raises(me.InvalidArgumentError, match="both or neither"):
            me.where([True], [1])
        with pytest.raises(me.ShapeError):
            me.where(np.ones((2, 3), bool), np.ones(4), 0)
    assert b.flops_used == 0


def test_select():
    x = np.arange(12).reshape(3, 4)
    condlist = [x < 3, x > 8, (x % 2 == 0)]
    choicelist = [x, x**2, -x]
    out, cost = charged(me.select, condlist, choicelist, 42)
    assert cost == 3 * 12
    assert_same(out, np.select(condlist, choicelist, 42))

    # broadcasting: conditions (3,1), choices (1,4) and a scalar, default (4,)
    conds = [np.array([[True], [False], [True]]), np.array([[False], [True], [False]])]
    choices = [np.arange(4).reshape(1, 4), 7.5]
    default = np.full(4, -1.0)
    out, cost = charged(me.select, conds, choices, default)
    assert cost == 2 * (3 * 4)
    assert_same(out, np.select(conds, choices, default))


def test_select_errors_charge_nothing():
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        with pytest.raises(me.InvalidArgumentError, match="same length"):
            me.select([np.array([True])], [1, 2])
        with pytest.raises(me.InvalidArgumentError, match="empty"):
            me.select([], [])
        with pytest.raises(TypeError, match="boolean"):
            me.select([np.array([1, 0])], [np.array([1, 2])])
        with pytest.raises(me.ShapeError):
            me.select([np.ones(3, bool)], [np.ones(4)])
    assert b.flops_used == 0


@pytest.mark.parametrize(
    ("cond", "shape", "axis"),
    [
        ([True, False, True], (3, 4), 0),
        ([False, True, True, False], (3, 4), 1),
        ([True, False], (3, 4), 1),  # shorter than the axis
        ([True, False, True, True, False], (5,), None),
        ([0, 1, 1, 0, 1, 0, 0], (2, 3), None),  # flattened; integer condition
        ([True], (2, 1, 3), -2),
    ],
)
def test_compress(cond, shape, axis):
    a = np.arange(math.prod(shape), dtype=float).reshape(shape)
    out, cost = charged(me.compress, cond, a, axis)
    assert cost == len(cond) + math.prod(shape)  # numel(condition) + numel(a), the bound
    assert_same(out, np.compress(cond, a, axis))


def test_compress_out_and_errors():
    a = np.arange(6).reshape(2, 3)
    out = np.empty((2, 2), dtype=a.dtype)
    res, cost = charged(me.compress, [True, False, True], a, 1, out)
    assert cost == 3 + 6
    np.testing.assert_array_equal(out, [[0, 2], [3, 5]])
    np.testing.assert_array_equal(res, out)
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        with pytest.raises(me.ShapeError, match="1-d"):
            me.compress(np.ones((2, 2), bool), a)
        with pytest.raises(me.AxisError):
            me.compress([True], a, axis=2)
    assert b.flops_used == 0


def test_extract():
    arr = np.arange(12).reshape(3, 4)
    cond = np.mod(arr, 3) == 0
    out, cost = charged(me.extract, cond, arr)
    assert cost == 12
    assert_same(out, np.extract(cond, arr))
    # the condition may be shorter than the array: only its elements are tested
    out, cost = charged(me.extract, [True, False, True], arr)
    assert cost == 3
    assert_same(out, np.extract([True, False, True], arr))


@pytest.mark.parametrize(
    ("filt", "trim", "axis"),
    [
        (np.array([0, 0, 1, 2, 0, 3, 0, 0]), "fb", None),
        (np.array([0, 0, 1, 2, 0, 3, 0, 0]), "f", None),
        (np.array([0, 0, 1, 2, 0, 3, 0, 0]), "B", None),
        (np.zeros(4), "fb", None),
        (np.array([[0, 0, 0], [0, 2, 3], [0, 4, 0], [0, 0, 0]]), "fb", None),
        (np.array([[0, 0, 0], [0, 2, 3], [0, 4, 0], [0, 0, 0]]), "fb", 0),
        (np.array([[0, 0, 0], [0, 2, 3], [0, 4, 0], [0, 0, 0]]), "b", -1),
    ],
)
def test_trim_zeros(filt, trim, axis):
    out, cost = charged(me.trim_zeros, filt, trim, axis)
    assert cost == filt.size
    assert_same(out, np.trim_zeros(filt, trim, axis))


def test_trim_zeros_list_in_list_out_and_errors():
    out, cost = charged(me.trim_zeros, [0, 1, 2, 0])
    assert (out, cost) == ([1, 2], 4)
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        with pytest.raises(me.InvalidArgumentError, match="trim"):
            me.trim_zeros(np.ones(3), trim="x")
        with pytest.raises(me.AxisError):
            me.trim_zeros(np.ones(3), axis=1)
    assert b.flops_used == 0


def test_asarray_chkfinite():
    a = np.arange(6.0).reshape(2, 3)
    out, cost = charged(me.asarray_chkfinite, a)
    assert cost == 6
    assert_same(out, np.asarray_chkfinite(a))
    out, cost = charged(me.asarray_chkfinite, [1, 2, 3], np.float32)
    assert cost == 3
    assert_same(out, np.asarray_chkfinite([1, 2, 3], np.float32))
    # the test reads every value, so a failing check has been paid for
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        with pytest.raises(ValueError, match="infs or NaNs"):
            me.asarray_chkfinite([1.0, np.nan])
    assert b.flops_used == 2


@pytest.mark.parametrize("shape", [(5,), (3, 10), (2, 3, 9), ()])
@pytest.mark.parametrize("bitorder", ["big", "little"])
def test_packbits(shape, bitorder):
    a = (np.arange(math.prod(shape)).reshape(shape) % 3 == 1).astype(np.int64)
    for axis in [None, *range(-len(shape), len(shape))]:
        out, cost = charged(me.packbits, a, axis, bitorder)
        assert cost == math.prod(shape)
        assert_same(out, np.packbits(a, axis=axis, bitorder=bitorder))


@pytest.mark.parametrize(
    ("shape", "axis", "count", "expected"),
    [
        ((3, 2), None, None, 3 * 2 * 8),
        ((3, 2), 1, None, 3 * 16),
        ((3, 2), 0, None, 24 * 2),
        ((3, 2), 1, 5, 3 * 5),
        ((3, 2), 1, 20, 3 * 20),  # padded with zeros
        ((3, 2), 1, -3, 3 * 13),
        ((3, 2), -2, -24, 0 * 2),
        ((3, 2), None, 100, 100),
        ((3, 2), None, -40, 8),
        ((), None, None, 8),
        ((4,), 0, 0, 0),
    ],
)
def test_unpackbits_costs_numel_output(shape, axis, count, expected):
    a = (np.arange(math.prod(shape)) * 37 % 256).astype(np.uint8).reshape(shape)
    for bitorder in ("big", "little"):
        out, cost = charged(me.unpackbits, a, axis, count, bitorder)
        assert cost == expected
        theirs = np.unpackbits(a, axis=axis, count=count, bitorder=bitorder)
        assert theirs.size == expected
        assert_same(out, theirs)


def test_pack_unpack_errors_charge_nothing():
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        with pytest.raises(TypeError):
            me.packbits(np.ones(3))
        with pytest.raises(TypeError):
            me.unpackbits(np.ones(3, dtype=np.int8))
        with pytest.raises(me.InvalidArgumentError):
            me.unpackbits(np.ones(2, dtype=np.uint8), count=-17)
        with pytest.raises(me.InvalidArgumentError):
            me.packbits(np.ones(3, dtype=bool), bitorder="middle")
        with pytest.raises(me.AxisError):
            me.packbits(np.ones(3, dtype=bool), axis=1)
    assert b.flops_used == 0


@pytest.mark.parametrize(
    ("multi_index", "dims", "kwargs", "expected"),
    [
        (([3, 6, 6], [4, 5, 1]), (7, 6), {}, 3 * 2),
        (([3, 6, 6], [4, 5, 1]), (7, 6), {"order": "F"}, 3 * 2),
        (([3, 6, 6], [4, 5, 1]), (4, 6), {"mode": "clip"}, 3 * 2),
        (([3, 6, 6], [4, 5, 1]), (4, 4), {"mode": ("clip", "wrap")}, 3 * 2),
        (([1, 2], [[0], [1]]), (3, 4), {}, 4 * 2),  # broadcast to (2,2)
        ((3, 1, 4, 1), (6, 7, 8, 9), {}, 1 * 4),
        (np.array([[1, 2, 0], [0, 1, 3], [2, 2, 2]]), (3, 4, 5), {}, 3 * 3),
        (([True, False], [1, 2]), (2, 3), {}, 2 * 2),
    ],
)
def test_ravel_multi_index(multi_index, dims, kwargs, expected):
    out, cost = charged(me.ravel_multi_index, multi_index, dims, **kwargs)
    assert cost == expected
    assert_same(out, np.ravel_multi_index(multi_index, dims, **kwargs))


@pytest.mark.parametrize(
    ("indices", "shape", "order", "expected"),
    [
        (np.array([22, 41, 37]), (7, 6), "C", 3 * 2),
        (np.array([31, 41, 13]), (7, 6), "F", 3 * 2),
        (1621, (6, 7, 8, 9), "C", 1 * 4),
        (np.arange(12).reshape(3, 4), (2, 2, 3), "C", 12 * 3),
        (np.array([3, 4]), 5, "C", 2 * 1),
    ],
)
def test_unravel_index(indices, shape, order, expected):
    out, cost = charged(me.unravel_index, indices, shape, order)
    assert cost == expected
    assert_same(out, np.unravel_index(indices, shape, order))


def test_index_conversion_errors_charge_nothing():
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        with pytest.raises(me.InvalidArgumentError, match="length 2"):
            me.ravel_multi_index(([1], [2], [3]), (3, 4))
        with pytest.raises(TypeError, match="int indices"):
            me.ravel_multi_index(([1.0], [2]), (3, 4))
        with pytest.raises(TypeError, match="int indices"):
            me.unravel_index(np.array([1.0]), (3, 4))
        with pytest.raises(me.InvalidArgumentError):
            me.unravel_index(3, (2, 2), order="K")
        with pytest.raises(me.InvalidArgumentError):
            me.ravel_multi_index(([1], [1]), (2, 2), mode="nope")
        with pytest.raises(me.ShapeError):
            me.ravel_multi_index(([1, 2], [1, 2, 3]), (3, 4))
    assert b.flops_used == 0


PAD_CASES = [
    ((5,), 2),
    ((5,), (1, 3)),
    ((3, 4), ((1, 2), (0, 3))),
    ((3, 4), [[2], [1]]),
    ((2, 3, 4), 1),
    ((3, 4), {1: (2, 1)}),
    ((3, 4), {0: 2}),
    ((), 3),
]


@pytest.mark.parametrize(("shape", "pad_width"), PAD_CASES)
@pytest.mark.parametrize(
    ("mode", "kwargs"),
    [
        ("constant", {}),
        ("constant", {"constant_values": (-1, 9)}),
        ("edge", {}),
        ("reflect", {}),
        ("symmetric", {}),
        ("wrap", {}),
        ("empty", {}),
    ],
)
def test_pad_copying_modes_are_free(shape, pad_width, mode, kwargs):
    a = np.arange(math.prod(shape), dtype=float).reshape(shape) + 1
    out, cost = charged(me.pad, a, pad_width, mode, **kwargs)
    assert cost == 0
    theirs = np.pad(a, pad_width, mode, **kwargs)
    assert out.shape == theirs.shape
    if mode != "empty":
        assert_same(out, theirs)


def _padded_shape(shape, pad_width):
    """(before, after) per axis for the test's pad widths, written out by hand."""
    if isinstance(pad_width, dict):
        pairs = [(0, 0)] * len(shape)
        for ax, w in pad_width.items():
            pairs[ax] = (w, w) if isinstance(w, int) else w
    elif isinstance(pad_width, int):
        pairs = [(pad_width, pad_width)] * len(shape)
    elif isinstance(pad_width, tuple) and isinstance(pad_width[0], int):
        pairs = [pad_width] * len(shape)
    elif isinstance(pad_width, list):  # [[b0], [b1]]: one width per axis, both sides
        pairs = [(w[0], w[0]) for w in pad_width]
    else:
        pairs = list(pad_width)
    return tuple(n + b + a for n, (b, a) in zip(shape, pairs, strict=True))


@pytest.mark.parametrize(("shape", "pad_width"), PAD_CASES)
@pytest.mark.parametrize(
    ("mode", "kwargs"),
    [
        ("mean", {}),
        ("median", {}),
        ("maximum", {"stat_length": 2}),
        ("minimum", {}),
        ("linear_ramp", {"end_values": (5, -5)}),
        ("reflect", {"reflect_type": "odd"}),
        ("symmetric", {"reflect_type": "odd"}),
    ],
)
def test_pad_computing_modes_cost_numel_output(shape, pad_width, mode, kwargs):
    a = np.arange(math.prod(shape), dtype=float).reshape(shape) * 1.5 + 1
    out, cost = charged(me.pad, a, pad_width, mode, **kwargs)
    theirs = np.pad(a, pad_width, mode, **kwargs)
    assert cost == math.prod(_padded_shape(shape, pad_width))
    assert_same(out, theirs)


def test_pad_refusals_charge_nothing():
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        with pytest.raises(me.InvalidArgumentError, match="callable"):
            me.pad(np.ones(3), 1, mode=lambda vector, iaxis_pad_width, iaxis, kwargs: None)
        with pytest.raises(me.InvalidArgumentError, match="not supported"):
            me.pad(np.ones(3), 1, mode="mirror")
        with pytest.raises(me.InvalidArgumentError, match="unsupported keyword"):
            me.pad(np.ones(3), 1, mode="edge", constant_values=1)
        with pytest.raises(me.InvalidArgumentError, match="negative"):
            me.pad(np.ones(3), -1, mode="mean")
        with pytest.raises(TypeError, match="integral"):
            me.pad(np.ones(3), 1.5, mode="mean")
        with pytest.raises(me.InvalidArgumentError, match="empty axis"):
            me.pad(np.ones((0, 3)), 1, mode="mean")
        with pytest.raises(me.ShapeError):
            me.pad(np.ones((2, 2)), ((1, 2), (3, 4), (5, 6)), mode="mean")
    assert b.flops_used == 0
    # 'constant' may extend an empty axis (free)
    out, cost = charged(me.pad, np.ones((0, 3)), 1)
    assert cost == 0
    assert_same(out, np.pad(np.ones((0, 3)), 1))


# ---------------------------------------------------------------------------
# gathers and scatters
# ---------------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_take_costs_numel_output(data):
    a = data.draw(small_arrays(min_dims=1, dtype=np.float64))
    axis = data.draw(st.one_of(st.none(), st.integers(-a.ndim, a.ndim - 1)))
    n = a.size if axis is None else a.shape[axis]
    if n == 0:
        return
    ind_shape = data.draw(hnp.array_shapes(min_dims=0, max_dims=2, min_side=0, max_side=3))
    indices = data.draw(hnp.arrays(np.intp, ind_shape, elements=st.integers(-n, n - 1)))
    out, cost = charged(me.take, a, indices, axis)
    if axis is None:
        expected = math.prod(ind_shape)
    else:
        expected = math.prod(ind_shape) * math.prod(a.shape) // a.shape[axis]
    assert cost == expected
    assert_same(out, np.take(a, indices, axis))


def test_take_modes_out_and_errors():
    a = np.arange(12).reshape(3, 4)
    for mode in ("wrap", "clip"):
        out, cost = charged(me.take, a, [[-5, 7, 1]], 1, None, mode)
        assert cost == 3 * 3
        assert_same(out, np.take(a, [[-5, 7, 1]], 1, mode=mode))
    buf = me.zeros((3, 2), dtype=a.dtype)
    res, cost = charged(me.take, a, [0, 3], axis=1, out=buf)
    assert cost == 6
    assert res is buf
    np.testing.assert_array_equal(buf, [[0, 3], [4, 7], [8, 11]])
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        with pytest.raises(me.AxisError):
            me.take(a, [0], axis=2)
        with pytest.raises(me.InvalidArgumentError):
            me.take(a, [0], mode="w")
        with pytest.raises(me.ShapeError):
            me.take(a, [0, 1], axis=1, out=np.empty((3, 3), dtype=a.dtype))
        with pytest.raises(TypeError, match="output must be an array"):
            me.take(a, [0, 1], out=[0, 0])
        with pytest.raises(TypeError, match="output must be an array"):
            me.compress([True], a, out=[0])
        with pytest.raises(TypeError, match="output must be an array"):
            me.choose([0], [[1], [2]], out=[0])
    assert b.flops_used == 0


@pytest.mark.parametrize(
    ("arr_shape", "ind_shape", "axis", "expected"),
    [
        ((3, 4), (3, 4), 1, 12),
        ((3, 4), (3, 2), 1, 6),
        ((3, 4), (1, 1), 1, 3 * 1),  # broadcast against the other axis
        ((3, 4), (5, 1), 0, 5 * 4),
        ((2, 3, 4), (2, 1, 4), -2, 2 * 1 * 4),
        ((2, 3, 4), (1, 6, 1), 1, 2 * 6 * 4),
        ((3, 4), (7,), None, 7),
    ],
)
def test_take_and_put_along_axis(arr_shape, ind_shape, axis, expected):
    rng = np.random.default_rng(1)
    arr = rng.normal(size=arr_shape)
    n = arr.size if axis is None else arr_shape[axis]
    indices = rng.integers(0, n, size=ind_shape)
    out, cost = charged(me.take_along_axis, arr, indices, axis)
    assert cost == expected
    assert_same(out, np.take_along_axis(arr, indices, axis))

    ours, theirs = me.array(arr), arr.copy()
    res, cost = charged(me.put_along_axis, ours, indices, -7.0, axis)
    assert res is None
    assert cost == expected
    np.put_along_axis(theirs, indices, -7.0, axis)
    np.testing.assert_array_equal(ours, theirs)


def test_along_axis_with_argsort_and_errors():
    a = np.array([[10, 30, 20], [60, 40, 50]])
    idx = np.argsort(a, axis=1)
    out, cost = charged(me.take_along_axis, a, idx, axis=1)
    assert cost == 6
    assert_same(out, np.sort(a, axis=1))
    values = np.array([[1], [2]])
    ours = me.array(a)
    _, cost = charged(me.put_along_axis, ours, np.array([[2], [0]]), values, 1)
    assert cost == 2
    np.testing.assert_array_equal(ours, [[10, 30, 1], [2, 40, 50]])
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        with pytest.raises(IndexError):
            me.take_along_axis(a, idx.astype(float), axis=1)
        with pytest.raises(me.ShapeError):
            me.take_along_axis(a, np.zeros(3, dtype=int), axis=1)
        with pytest.raises(me.ShapeError):
            me.take_along_axis(a, np.zeros((3, 1), dtype=int), axis=1)
        with pytest.raises(me.InvalidArgumentError):
            me.take_along_axis(a, np.zeros((2, 1), dtype=int), axis=None)
        with pytest.raises(me.AxisError):
            me.put_along_axis(ours, idx, 0, axis=2)
        with pytest.raises(me.ShapeError):
            me.put_along_axis(ours, np.zeros((1, 1), dtype=int), np.ones((3, 1)), axis=1)
        with pytest.raises(TypeError):
            me.put_along_axis([[1, 2]], np.zeros((1, 1), dtype=int), 0, axis=1)
    assert b.flops_used == 0


def test_choose():
    choices = [[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23], [30, 31, 32, 33]]
    out, cost = charged(me.choose, [2, 3, 1, 0], choices)
    assert cost == 4
    assert_same(out, np.choose([2, 3, 1, 0], choices))

    a = np.array([[1, 0, 1], [0, 1, 0], [1, 0, 1]])
    c1, c2 = -10, np.array([10, 20, 30])
    out, cost = charged(me.choose, a, (c1, c2))
    assert cost == 9
    assert_same(out, np.choose(a, (c1, c2)))

    a = np.array([0, 1]).reshape((2, 1, 1))
    c1, c2 = np.array([1, 2, 3]).reshape((1, 3, 1)), np.array([-1, -2, -3, -4, -5]).reshape((1, 1, 5))
    out, cost = charged(me.choose, a, (c1, c2))
    assert cost == 2 * 3 * 5
    assert_same(out, np.choose(a, (c1, c2)))

    stacked = np.arange(12).reshape(3, 4)  # an array of 3 choices of shape (4,)
    for mode in ("raise", "wrap", "clip"):
        out, cost = charged(me.choose, [0, 5, 1, 2], stacked, mode="clip" if mode == "raise" else mode)
        assert cost == 4
        assert_same(out, np.choose([0, 5, 1, 2], stacked, mode="clip" if mode == "raise" else mode))

    buf = me.zeros(4, dtype=int)
    res, cost = charged(me.choose, [2, 1, 0, 0], stacked, buf)
    assert cost == 4 and res is buf
    np.testing.assert_array_equal(buf, [8, 5, 2, 3])


def test_choose_errors_charge_nothing():
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        with pytest.raises(TypeError, match="safe"):
            me.choose([0.5], [[1], [2]])
        with pytest.raises(me.ShapeError):
            me.choose([0, 1], [np.ones(3), np.ones(2)])
        with pytest.raises(me.ShapeError):
            me.choose([0, 1], [np.ones(2), np.ones(2)], out=np.empty(3))
        with pytest.raises(me.InvalidArgumentError):
            me.choose([0, 1], [])
    assert b.flops_used == 0


def test_put():
    for ind, v, mode in [
        ([0, 2], [-44, -55], "raise"),
        ([[1], [22]], 9, "clip"),
        (3, [7], "wrap"),
        ([], 1, "raise"),
    ]:
        ours, theirs = me.arange(6), np.arange(6)
        res, cost = charged(me.put, ours, ind, v, mode)
        assert res is None
        assert cost == np.size(ind)
        np.put(theirs, ind, v, mode)
        np.testing.assert_array_equal(ours, theirs)


def test_putmask_and_place():
    x = np.arange(6).reshape(2, 3)
    mask = x > 2
    for values in (x**2, [-1, -2], 7):
        ours, theirs = me.array(x), x.copy()
        res, cost = charged(me.putmask, ours, mask, values)
        assert res is None and cost == 6
        np.putmask(theirs, mask, values)
        np.testing.assert_array_equal(ours, theirs)
    # the mask needs the same size, not the same shape
    ours = me.array(x)
    _, cost = charged(me.putmask, ours, mask.ravel(), 0)
    assert cost == 6

    for vals in ([44, 55], [1], [3, 4, 5, 6, 7]):
        ours, theirs = me.array(x), x.copy()
        res, cost = charged(me.place, ours, mask, vals)
        assert res is None and cost == 6
        np.place(theirs, mask, vals)
        np.testing.assert_array_equal(ours, theirs)


def test_scatter_errors_charge_nothing():
    readonly = np.arange(3)
    readonly.flags.writeable = False
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        with pytest.raises(TypeError):
            me.put([1, 2], [0], 1)
        with pytest.raises(TypeError):
            me.putmask([1, 2], [True, False], 1)
        with pytest.raises(TypeError):
            me.place([1, 2], [True, False], [1])
        with pytest.raises(me.ShapeError, match="same size"):
            me.putmask(np.ones(4), np.ones(3, bool), 1)
        with pytest.raises(me.ShapeError, match="same size"):
            me.place(np.ones(4), np.ones(3, bool), [1])
        with pytest.raises(me.InvalidArgumentError, match="read-only"):
            me.put(readonly, [0], 1)
        with pytest.raises(me.InvalidArgumentError):
            me.put(np.ones(3), [0], 1, mode="bad")
    assert b.flops_used == 0


# ---------------------------------------------------------------------------
# astype
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("shape", [(), (4,), (3, 5)])
@pytest.mark.parametrize("dtype", [np.float64, np.int64, np.float32, np.bool_, np.complex128, "i2"])
def test_astype(shape, dtype):
    x = np.arange(math.prod(shape), dtype=np.int64).reshape(shape)
    out, cost = charged(me.astype, x, dtype)
    assert cost == (0 if np.dtype(dtype) == np.int64 else math.prod(shape))
    assert_same(out, np.astype(x, dtype))


def test_astype_same_dtype_is_free_and_copy_semantics():
    x = me.arange(10.0)
    out, cost = charged(me.astype, x, np.float64)
    assert cost == 0
    assert type(out) is me.ndarray and out is not x
    assert not np.shares_memory(out, x)
    out, cost = charged(me.astype, x, "f8", copy=False)
    assert cost == 0 and out is x
    out, cost = charged(me.astype, x, np.float32, copy=False)
    assert cost == 10 and out.dtype == np.float32
    # a NumPy scalar works as in NumPy
    out, cost = charged(me.astype, np.float64(2.5), np.int32)
    assert cost == 1 and out == np.int32(2)


def test_astype_errors_charge_nothing():
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        with pytest.raises(TypeError, match="NumPy array"):
            me.astype([1, 2], float)
        with pytest.raises(me.InvalidArgumentError, match="Device"):
            me.astype(np.ones(2), float, device="gpu")
        with pytest.raises(me.NonNumericError):
            me.astype(np.array(["1"]), float)
    assert b.flops_used == 0


# ---------------------------------------------------------------------------
# index tricks
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [
        (slice(0, 3), slice(0, 4)),
        (slice(-1, 1, 5j),),
        slice(-1, 1, 5j),
        (slice(0, 2), slice(1, 3), slice(0, 1, 0.25)),
        slice(4),
    ],
)
def test_mgrid_ogrid(key):
    for name in ("mgrid", "ogrid"):
        out, cost = charged(getattr(me, name).__getitem__, key)
        assert cost == 0
        assert_same(out, getattr(np, name)[key])


def test_r_and_c():
    a, b = me.array([1, 2, 3]), np.array([4, 5, 6])
    cases = [
        ("r_", (a, 0, 0, b)),
        ("r_", (slice(-1, 1, 6j), [0] * 3, 5, 6)),
        ("r_", ("-1", np.ones((2, 3)), me.zeros((2, 2)))),
        ("r_", ("0,2", [1, 2, 3], [4, 5, 6])),
        ("r_", ("0,2,0", [1, 2, 3], [4, 5, 6])),
        ("r_", ("1,2,0", [1, 2, 3], [4, 5, 6])),
        ("r_", (slice(0, 5, 2), a)),
        ("c_", (a, b)),
        ("c_", (np.array([[1, 2, 3]]), 0, 0, np.array([[4, 5, 6]]))),
        ("r_", (np.array([1.5]),)),
        ("r_", np.array([1.5, 2])),
    ]
    for name, key in cases:
        plain_key = (
            tuple(k.view(np.ndarray) if isinstance(k, me.ndarray) else k for k in key)
            if type(key) is tuple
            else key
        )
        out, cost = charged(getattr(me, name).__getitem__, key)
        assert cost == 0
        assert_same(out, getattr(np, name)[plain_key])
    assert len(me.r_) == 0 and len(me.c_) == 0


def test_index_tricks_never_run_counted_operators():
    stop, step = me.array(3.0), me.array(0.5)
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        grid = me.mgrid[0:stop:step]
        open_grid = me.ogrid[0:stop, 0:2]
        row = me.r_[0:stop:step, me.array([9.0])]
    assert b.flops_used == 0
    assert_same(grid, np.mgrid[0:3.0:0.5])
    assert_same(open_grid, np.ogrid[0:3.0, 0:2])
    assert_same(row, np.r_[0:3.0:0.5, [9.0]])


def test_r_and_c_refuse_matrix_directives():
    for obj in (me.r_, me.c_):
        with pytest.raises(me.InvalidArgumentError, match="matrix"):
            obj["r", [1, 2], [3, 4]]
        with pytest.raises(me.InvalidArgumentError, match="matrix"):
            obj["c", [1, 2]]
        with pytest.raises(me.InvalidArgumentError, match="matrix"):
            obj["1, 2; 3, 4"]


def test_index_expressions():
    x = me.arange(10).reshape(2, 5)
    assert me.s_[1:3] == np.s_[1:3]
    assert me.index_exp[1:3] == np.index_exp[1:3]
    np.testing.assert_array_equal(x[me.s_[:, ::2]], x.view(np.ndarray)[:, ::2])
    assert x[:, me.newaxis].shape == (2, 1, 5)


# ---------------------------------------------------------------------------
# cross-cutting: types, mechestim inputs, budget refusal, non-numeric data
# ---------------------------------------------------------------------------


def _mk():
    return me.arange(12.0).reshape(3, 4)


def _mask():
    return me.array([[True, False, True, False]] * 3)


# (label, call on fresh data, expected cost written out by hand)
CASES = [
    ("nonzero", lambda: me.nonzero(_mk()), 12),
    ("argwhere", lambda: me.argwhere(_mk()), 12),
    ("flatnonzero", lambda: me.flatnonzero(_mk()), 12),
    ("where1", lambda: me.where(_mask()), 12),
    ("where3", lambda: me.where(_mask(), _mk(), me.zeros((1, 4))), 12),
    ("select", lambda: me.select([_mask(), ~_mask().view(np.ndarray)], [_mk(), 1.0]), 2 * 12),
    ("compress", lambda: me.compress(me.array([True, False, True]), _mk(), 0), 3 + 12),
    ("extract", lambda: me.extract(_mask(), _mk()), 12),
    ("trim_zeros", lambda: me.trim_zeros(_mk()), 12),
    ("asarray_chkfinite", lambda: me.asarray_chkfinite(_mk()), 12),
    ("packbits", lambda: me.packbits(_mask(), axis=1), 12),
    ("unpackbits", lambda: me.unpackbits(me.array([1, 2, 3], dtype=np.uint8)), 24),
    ("ravel_multi_index", lambda: me.ravel_multi_index((me.arange(3), me.arange(3)), (3, 4)), 3 * 2),
    ("unravel_index", lambda: me.unravel_index(me.arange(5), (3, 4)), 5 * 2),
    ("pad", lambda: me.pad(_mk(), 1, mode="mean"), 5 * 6),
    ("take", lambda: me.take(_mk(), me.array([0, 2]), axis=1), 6),
    ("take_along_axis", lambda: me.take_along_axis(_mk(), me.zeros((3, 2), dtype=int), 1), 6),
    ("choose", lambda: me.choose(me.array([0, 1, 0, 1]), [_mk(), me.zeros(4)]), 12),
    ("put", lambda: me.put(_mk(), me.array([0, 5]), me.array([1.0, 2.0])), 2),
    ("putmask", lambda: me.putmask(_mk(), _mask(), _mk()), 12),
    ("place", lambda: me.place(_mk(), _mask(), me.array([1.0])), 12),
    ("put_along_axis", lambda: me.put_along_axis(_mk(), me.zeros((3, 1), dtype=int), 5.0, 1), 3),
    ("astype", lambda: me.astype(_mk(), np.float32), 12),
]


@pytest.mark.parametrize(("label", "call", "expected"), CASES, ids=[c[0] for c in CASES])
def test_mechestim_inputs_cost_the_formula_once(label, call, expected):
    """me.ndarray inputs: no counted method re-entered, nothing charged twice."""
    out, cost = charged(call)
    assert cost == expected
    if label in ("nonzero", "where1", "unravel_index"):
        assert type(out) is tuple and all(type(o) is me.ndarray for o in out)
    elif label in ("put", "putmask", "place", "put_along_axis"):
        assert out is None
    else:
        assert type(out) is me.ndarray


@pytest.mark.parametrize(("label", "call", "expected"), CASES, ids=[c[0] for c in CASES])
def test_over_budget_raises_and_charges_nothing(label, call, expected):
    with me.BudgetContext(flop_budget=expected - 1, quiet=True) as b:
        with pytest.raises(me.BudgetExhaustedError) as info:
            call()
        assert b.flops_used == 0
    assert info.value.flop_cost == expected


def test_refused_scatter_leaves_the_array_unchanged():
    x = me.arange(6.0)
    with me.BudgetContext(flop_budget=1, quiet=True) as b:
        with pytest.raises(me.BudgetExhaustedError):
            me.put(x, [0, 1], -1.0)
        with pytest.raises(me.BudgetExhaustedError):
            me.putmask(x, x.view(np.ndarray) > 2, -1.0)
        with pytest.raises(me.BudgetExhaustedError):
            me.place(x, np.ones(6, bool), [-1.0])
        with pytest.raises(me.BudgetExhaustedError):
            me.put_along_axis(x, np.array([0, 1]), -1.0, axis=0)
    assert b.flops_used == 0
    np.testing.assert_array_equal(x, np.arange(6.0))


def test_operations_show_in_the_summary():
    with me.BudgetContext(flop_budget=1000, quiet=True) as b:
        me.take(np.arange(5), [1, 2])
        me.astype(np.arange(5), np.int64)  # free, still a recorded call
        me.pad(np.arange(5), 1)
    ops = me.budget_summary_dict()["operations"]
    assert ops["take"] == {"flops": 2, "calls": 1}
    assert ops["astype"] == {"flops": 0, "calls": 1}
    assert ops["pad"] == {"flops": 0, "calls": 1}
    assert b.flops_used == 2


@pytest.mark.parametrize(
    "call",
    [
        lambda s: me.nonzero(s),
        lambda s: me.where(s),
        lambda s: me.where([True], s, s),
        lambda s: me.take(s, [0]),
        lambda s: me.extract([True], s),
        lambda s: me.compress([True], s),
        lambda s: me.pad(s, 1),
        lambda s: me.astype(s, float),
        lambda s: me.trim_zeros(s),
    ],
)
def test_non_numeric_data_is_refused_before_charging(call):
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        with pytest.raises(me.NonNumericError):
            call(np.array(["a", "b"]))
    assert b.flops_used == 0


def test_cost_overflow_is_an_error():
    """Costs are exact integers; one that does not fit in 64 bits is refused, not wrapped."""
    huge = np.broadcast_to(np.zeros((), dtype=bool), (2**31, 2**31))  # 2**62 elements, no memory
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        with pytest.raises(me.CostOverflowError):
            me.select([huge] * 5, [0] * 5)  # 5 * 2**62 > 2**64 - 1
        with pytest.raises(me.CostOverflowError):
            me.unpackbits(huge.view(np.uint8))  # 8 * 2**62
    assert b.flops_used == 0
