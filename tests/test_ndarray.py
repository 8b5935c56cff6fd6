"""me.ndarray: Python operators and methods are charged exactly like the functions."""

from __future__ import annotations

import math
import operator
import pickle

import numpy as np
import pytest

import mechestim as me


def cost(fn):
    with me.BudgetContext(flop_budget=10**12, quiet=True) as b:
        out = fn()
    return out, b.flops_used


def test_results_of_counted_ops_and_constructors_are_me_arrays():
    assert type(me.array([1.0, 2.0])) is me.ndarray
    assert type(me.asarray(np.ones(3))) is me.ndarray
    assert type(me.zeros((2, 2))) is me.ndarray
    assert type(me.exp(np.ones(3))) is me.ndarray
    assert type(me.sum(np.ones((3, 3)), axis=0)) is me.ndarray
    assert isinstance(me.sum(np.ones(3)), np.floating)  # 0-d results are NumPy scalars, as in NumPy


def test_scalar_expression_on_a_10x10_array_costs_200():
    a = me.array(np.ones((10, 10)))
    out, flops = cost(lambda: a * 2.0 + 1.0)
    assert flops == 100 + 100
    np.testing.assert_array_equal(out, np.full((10, 10), 3.0))
    assert type(out) is me.ndarray


def test_matmul_operator_costs_what_matmul_costs():
    a, b = me.ones((64, 32)), me.ones((32, 16))
    _, via_operator = cost(lambda: a @ b)
    _, via_function = cost(lambda: me.matmul(a, b))
    assert via_operator == via_function == 64 * 32 * 16 * 2
    plain_left, flops = cost(lambda: np.ones((64, 32)) @ b)  # reflected operator on a plain array
    assert flops == 64 * 32 * 16 * 2 and type(plain_left) is me.ndarray


BINARY = [
    (operator.add, "add"),
    (operator.sub, "subtract"),
    (operator.mul, "multiply"),
    (operator.truediv, "true_divide"),
    (operator.floordiv, "floor_divide"),
    (operator.mod, "remainder"),
    (operator.pow, "power"),
    (operator.lt, "less"),
    (operator.le, "less_equal"),
    (operator.gt, "greater"),
    (operator.ge, "greater_equal"),
    (operator.eq, "equal"),
    (operator.ne, "not_equal"),
]
INTEGER_BINARY = [
    (operator.and_, "bitwise_and"),
    (operator.or_, "bitwise_or"),
    (operator.xor, "bitwise_xor"),
    (operator.lshift, "left_shift"),
    (operator.rshift, "right_shift"),
]


@pytest.mark.parametrize(("op", "name"), BINARY + INTEGER_BINARY)
def test_binary_operators_cost_and_compute_like_the_function(op, name):
    integer = (op, name) in INTEGER_BINARY
    x = np.arange(1, 13, dtype=np.int64 if integer else np.float64).reshape(3, 4)
    y = np.arange(1, 5, dtype=x.dtype)
    mx = x.view(me.ndarray)
    for left, right in ((mx, y), (x, y.view(me.ndarray)), (mx, 2)):
        out, flops = cost(lambda left=left, right=right: op(left, right))
        assert flops == math.prod(np.broadcast_shapes(np.shape(left), np.shape(right)))
        np.testing.assert_array_equal(out, op(np.asarray(left), np.asarray(right)))
        _, fn_flops = cost(lambda left=left, right=right: getattr(me, name)(left, right))
        assert flops == fn_flops


@pytest.mark.parametrize(
    ("op", "inplace"),
    [
        (operator.add, operator.iadd),
        (operator.mul, operator.imul),
        (operator.sub, operator.isub),
        (operator.truediv, operator.itruediv),
        (operator.pow, operator.ipow),
    ],
)
def test_inplace_operators_are_counted_and_keep_identity(op, inplace):
    a = me.array(np.linspace(1.0, 2.0, 6).reshape(2, 3))
    expected = op(np.asarray(a).copy(), 3.0)
    same = a
    _, flops = cost(lambda: inplace(a, 3.0))
    assert flops == 6
    np.testing.assert_allclose(a, expected)
    assert a is same


@pytest.mark.parametrize(
    ("op", "fn"),
    [
        (operator.neg, np.negative),
        (operator.pos, np.positive),
        (abs, np.absolute),
        (operator.invert, np.invert),
    ],
)
def test_unary_operators(op, fn):
    x = np.arange(-3, 3).reshape(2, 3)
    out, flops = cost(lambda: op(x.view(me.ndarray)))
    assert flops == 6
    np.testing.assert_array_equal(out, fn(x))


@pytest.mark.parametrize(
    ("method", "args", "expected"),
    [
        ("sum", (), 12),
        ("mean", (), 13),
        ("mean", (1,), 12 + 3),
        ("var", (), 2 * 12 + 1),
        ("std", (0,), 2 * 12 + 4),
        ("max", (), 12),
        ("min", (), 12),
        ("prod", (), 12),
        ("cumsum", (), 12),
        ("argmax", (), 12),
        ("any", (), 12),
        ("all", (), 12),
    ],
)
def test_methods_cost_what_the_functions_cost(method, args, expected):
    x = np.arange(1.0, 13.0).reshape(3, 4)
    out, flops = cost(lambda: getattr(x.view(me.ndarray), method)(*args))
    assert flops == expected
    np.testing.assert_allclose(out, getattr(x, method)(*args))


def test_in_place_sort_method_is_counted():
    x = me.array(np.array([[3.0, 1.0, 2.0, 0.0]] * 4))
    _, flops = cost(lambda: x.sort())
    assert flops == 4 * 4 * 2  # 4 slices of n=4: 4 * 4*ceil_lg(4)
    np.testing.assert_array_equal(x[0], [0.0, 1.0, 2.0, 3.0])


def test_astype_is_counted_only_when_the_dtype_changes():
    x = me.array(np.ones((4, 5)))
    out, flops = cost(lambda: x.astype(np.float32))
    assert flops == 20 and out.dtype == np.float32 and type(out) is me.ndarray
    _, flops = cost(lambda: x.astype(np.float64))
    assert flops == 0


def test_views_and_basic_indexing_are_free():
    x = me.array(np.arange(24.0).reshape(2, 3, 4))
    _, flops = cost(lambda: (x.T, x.reshape(6, 4), x[0], x[:, 1:], x[..., None], x.copy(), x.ravel()))
    assert flops == 0
    assert type(x[0]) is me.ndarray


def test_advanced_indexing_is_counted_per_element():
    x = me.array(np.arange(20.0).reshape(4, 5))
    idx = np.array([0, 2, 2])
    out, flops = cost(lambda: x[idx])
    assert flops == 3 * 5  # gathers 3 rows of 5
    np.testing.assert_array_equal(out, np.arange(20.0).reshape(4, 5)[idx])
    mask = np.arange(20.0).reshape(4, 5) > 7
    out, flops = cost(lambda: x[mask])
    assert flops == 12 + 20  # 12 elements written, 20 mask elements examined
    np.testing.assert_array_equal(out, np.arange(20.0).reshape(4, 5)[mask])


def test_advanced_assignment_is_counted():
    x = me.array(np.zeros((4, 5)))
    mask = np.zeros((4, 5), dtype=bool)
    mask[1] = True

    def assign():
        x[mask] = 7.0

    _, flops = cost(assign)
    assert flops == 5 + 20
    assert x.sum() == 35.0


def test_over_budget_operator_raises_and_charges_nothing():
    a = me.ones((10, 10))
    with me.BudgetContext(flop_budget=150, quiet=True) as b:
        _ = a + 1.0
        with pytest.raises(me.BudgetExhaustedError):
            _ = a * 3.0
    assert b.flops_used == 100


def test_pickle_round_trip_keeps_the_type():
    a = me.array(np.arange(6.0).reshape(2, 3))
    b = pickle.loads(pickle.dumps(a))
    assert type(b) is me.ndarray
    np.testing.assert_array_equal(a, b)


def test_repr_looks_like_numpy():
    assert repr(me.array([1.0, 2.0])) == "array([1., 2.])"


def test_comparison_with_none_follows_numpy():
    a = me.array([1.0, 2.0])
    out, flops = cost(lambda: a == None)  # noqa: E711
    assert flops == 2
    np.testing.assert_array_equal(out, [False, False])
