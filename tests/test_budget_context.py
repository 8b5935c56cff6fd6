"""BudgetContext: validation, properties, nesting, decorator use, summaries, op log."""

from __future__ import annotations

import math
import pickle
import warnings

import numpy as np
import pytest

import mechestim as me


@pytest.mark.parametrize(
    "bad",
    [
        float("nan"),
        float("inf"),
        -float("inf"),
        0,
        -1,
        -1e8,
        0.0,
        1.5,
        1e8 + 0.5,
        True,
        False,
        "100",
        None,
        2**64,
        2.0**64,
        complex(5, 0),
        [100],
    ],
)
def test_bad_budgets_raise_value_error(bad):
    with pytest.raises(ValueError) as info:
        me.BudgetContext(flop_budget=bad)
    assert isinstance(info.value, me.InvalidBudgetError)
    assert isinstance(info.value, me.MechEstimError)
    assert "flop_budget" in str(info.value)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (1e8, 100_000_000),
        (10**8, 100_000_000),
        (np.int64(5), 5),
        (np.float64(1e3), 1000),
        (2**64 - 1, 2**64 - 1),
        (2.0**63, 2**63),
        (1, 1),
    ],
)
def test_good_budgets_are_converted_exactly(given, expected):
    ctx = me.BudgetContext(flop_budget=given)
    assert ctx.flop_budget == expected
    assert type(ctx.flop_budget) is int


def test_properties_track_charges():
    with me.BudgetContext(flop_budget=1000, namespace="p") as b:
        assert b.is_open
        assert (b.flops_used, b.flops_remaining) == (0, 1000)
        me.multiply(me.array(np.ones((3, 4))), 2.0)  # 12
        me.sqrt(me.array(np.ones(5)))  # 5
        assert (b.flops_used, b.flops_remaining) == (17, 983)
    assert not b.is_open
    assert b.namespace == "p"
    assert b.summary().operations == {"multiply": {"flops": 12, "calls": 1}, "sqrt": {"flops": 5, "calls": 1}}


def test_explicit_contexts_do_not_nest():
    with me.BudgetContext(flop_budget=10), pytest.raises(RuntimeError) as info:
        with me.BudgetContext(flop_budget=10):
            pass
    assert isinstance(info.value, me.BudgetContextError)
    # The outer context closed normally; a new one opens fine.
    with me.BudgetContext(flop_budget=10):
        pass


def test_explicit_context_replaces_the_global_default_temporarily():
    me.sqrt(me.array(np.ones(7)))  # activates the global default: 7
    with me.BudgetContext(flop_budget=100, namespace="inner") as b:
        me.sqrt(me.array(np.ones(3)))
    me.sqrt(me.array(np.ones(2)))
    assert b.flops_used == 3
    by_ns = me.budget_summary_dict(by_namespace=True)
    assert list(by_ns) == ["(global default)", "inner"]
    assert by_ns["(global default)"]["flops_used"] == 9
    assert by_ns["(global default)"]["flop_budget"] == 10**15
    assert by_ns["inner"]["flops_used"] == 3


def test_namespaces_accumulate_across_contexts():
    for _ in range(3):
        with me.BudgetContext(flop_budget=50, namespace="a"):
            me.sqrt(me.array(np.ones(4)))
    with me.BudgetContext(flop_budget=20, namespace="b"):
        me.multiply(me.array(np.ones(5)), 1.0)
    total = me.budget_summary_dict()
    assert total["namespace"] == "a, b"
    assert (total["flop_budget"], total["flops_used"]) == (3 * 50 + 20, 3 * 4 + 5)
    assert total["operations"] == {"sqrt": {"flops": 12, "calls": 3}, "multiply": {"flops": 5, "calls": 1}}
    text = str(me.budget_summary())
    assert "By namespace:" in text
    assert "a  12 of 150  (8.0%)" in text


def test_decorator_shares_one_budget_across_calls():
    ctx = me.BudgetContext(flop_budget=10, quiet=True)

    @ctx
    def double(x):
        return me.multiply(x, 2)

    for _ in range(5):
        np.testing.assert_array_equal(double(np.ones(2)), np.full(2, 2.0))
    assert ctx.flops_used == 10
    with pytest.raises(me.BudgetExhaustedError):
        double(np.ones(2))
    assert not ctx.is_open  # the context closed even though the call raised


def test_summary_object_renders_text_dict_and_rich():
    with me.BudgetContext(flop_budget=1000, namespace="r"):
        me.sqrt(me.array(np.ones(10)))
    s = me.budget_summary()
    assert str(s) == repr(s)
    assert str(s).startswith("mechestim FLOP Budget Summary\n" + "=" * 30 + "\n")
    assert (s.namespace, s.flop_budget, s.flops_used, s.flops_remaining) == ("r", 1000, 10, 990)
    rich = pytest.importorskip("rich")
    from rich.console import Console

    console = Console(width=100, record=True, color_system=None)
    console.print(s)
    out = console.export_text()
    assert "sqrt" in out and "10" in out and "100.0%" in out
    assert rich is not None


def test_budget_reset_clears_the_session_but_not_inside_a_context():
    me.sqrt(me.array(np.ones(3)))
    assert me.budget_summary_dict()["flops_used"] == 3
    me.budget_reset()
    assert me.budget_summary_dict()["flops_used"] == 0
    with me.BudgetContext(flop_budget=5), pytest.raises(me.BudgetContextError):
        me.budget_reset()


def test_quiet_controls_the_high_usage_warning():
    with pytest.warns(me.MechEstimWarning, match="95.0%"):
        with me.BudgetContext(flop_budget=100, namespace="w"):
            me.sqrt(me.array(np.ones(95)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with me.BudgetContext(flop_budget=100, quiet=True):
            me.sqrt(me.array(np.ones(95)))
        with me.BudgetContext(flop_budget=100):
            me.sqrt(me.array(np.ones(90)))


def test_op_log_is_opt_in_bounded_and_records_refusals():
    with me.BudgetContext(flop_budget=100, quiet=True) as plain:
        me.sqrt(me.array(1.0))
    assert plain.op_log is None

    with me.BudgetContext(flop_budget=100, op_log=3, quiet=True) as b:
        for n in (10, 20, 30, 40):
            me.sqrt(me.array(np.ones(n)))
        with pytest.raises(me.BudgetExhaustedError):
            me.multiply(me.array(np.ones(50)), 2.0)
    log = b.op_log
    assert [tuple(r) for r in log] == [
        ("sqrt", 30, 60, False),
        ("sqrt", 40, 100, False),
        ("multiply", 50, 100, True),
    ]
    assert log[-1].refused and log[0].op == "sqrt"
    assert b.op_log_dropped == 2


def test_exhaustion_error_carries_the_numbers_and_pickles():
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        me.sqrt(me.array(np.ones(60)))
        with pytest.raises(me.BudgetExhaustedError) as info:
            me.sqrt(me.array(np.ones(41)))
    e = info.value
    assert (e.op_name, e.flop_cost, e.flops_remaining, e.flop_budget) == ("sqrt", 41, 40, 100)
    assert "sqrt" in str(e) and "41" in str(e) and "40" in str(e)
    assert b.flops_used == 60
    again = pickle.loads(pickle.dumps(e))
    assert (type(again), str(again), again.flop_cost) == (type(e), str(e), 41)


@pytest.mark.parametrize("bad", [3, "", "   ", b"ns"])
def test_namespace_must_be_a_non_empty_string(bad):
    with pytest.raises(me.InvalidArgumentError, match="namespace"):
        me.BudgetContext(flop_budget=10, namespace=bad)


@pytest.mark.parametrize("bad", [-1, 1.5, "x", None])
def test_op_log_must_be_a_bool_or_non_negative_int(bad):
    with pytest.raises(me.InvalidArgumentError, match="op_log"):
        me.BudgetContext(flop_budget=10, op_log=bad)


def test_budget_of_nan_leaves_the_session_untouched():
    before = me.budget_summary_dict()
    with pytest.raises(ValueError):
        me.BudgetContext(flop_budget=math.nan)
    assert me.budget_summary_dict() == before
