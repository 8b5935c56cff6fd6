"""An op that does not fit raises before NumPy runs, charges nothing, changes nothing."""

from __future__ import annotations

from typing import ClassVar

import numpy as np
import pytest

import mechestim as me


class Spy(np.ndarray):
    """An array that records whether NumPy's ufunc or function machinery touched it."""

    touched: ClassVar[list[str]] = []

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        Spy.touched.append(ufunc.__name__)
        inputs = tuple(np.asarray(i) for i in inputs)
        return getattr(ufunc, method)(*inputs, **kwargs)

    def __array_function__(self, func, types, args, kwargs):
        Spy.touched.append(func.__name__)
        args = tuple(np.asarray(a) if isinstance(a, Spy) else a for a in args)
        return func(*args, **kwargs)


@pytest.fixture
def spy():
    Spy.touched = []
    return np.ones((10, 10)).view(Spy)


CALLS = {
    "sqrt": lambda s: me.sqrt(s),
    "multiply": lambda s: me.multiply(s, s),
    "maximum": lambda s: me.maximum(s, 0),
    "einsum": lambda s: me.einsum("ij,jk->ik", s, s),
}


@pytest.mark.parametrize("name", list(CALLS))
def test_spy_sees_numpy_run_when_the_op_fits(spy, name):
    with me.BudgetContext(flop_budget=10**6, quiet=True):
        CALLS[name](spy)
    assert Spy.touched, "the spy must notice NumPy running, or the refusal test proves nothing"


@pytest.mark.parametrize("name", list(CALLS))
def test_refused_op_never_reaches_numpy(spy, name):
    with me.BudgetContext(flop_budget=99, quiet=True, op_log=True) as b:
        me.sqrt(me.array(np.ones(9)))
        before = me.budget_summary_dict()
        with pytest.raises(me.BudgetExhaustedError) as info:
            CALLS[name](spy)
        assert me.budget_summary_dict() == before
    assert Spy.touched == []
    assert info.value.op_name == name
    assert b.flops_used == 9 and b.flops_remaining == 90
    assert b.summary().operations == {"sqrt": {"flops": 9, "calls": 1}}


def test_refused_randn_never_calls_numpy(monkeypatch):
    calls = []
    monkeypatch.setattr(np.random, "randn", lambda *a: calls.append(a))
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        with pytest.raises(me.BudgetExhaustedError):
            me.random.randn(10, 11)
        assert calls == []
        me.random.randn(10, 10)
    assert calls == [(10, 10)]
    assert b.flops_used == 100
