"""Blocked and unknown names, the exception hierarchy, and the public surface."""

from __future__ import annotations

import pickle

import pytest

import mechestim as me
from mechestim import errors

BLOCKED = (
    "apply_along_axis apply_over_axes array2string array_repr array_str asmatrix busday_count "
    "busday_offset datetime_as_string datetime_data format_float_positional format_float_scientific "
    "frompyfunc genfromtxt get_include getbufsize geterr geterrcall is_busday load loadtxt nested_iters "
    "piecewise save savetxt savez savez_compressed setbufsize seterr seterrcall show_config show_runtime"
).split()


def test_the_cost_model_lists_32_blocked_names():
    assert len(BLOCKED) == 32


@pytest.mark.parametrize("name", BLOCKED)
def test_blocked_names_raise_with_reason_and_alternative(name):
    with pytest.raises(AttributeError) as info:
        getattr(me, name)
    e = info.value
    assert isinstance(e, me.UnsupportedFunctionError)
    assert e.name == name
    assert e.reason and e.alternative
    assert str(e).startswith(f"{name} is blocked in mechestim: ")
    assert e.alternative in str(e)


def test_unknown_names_say_mechestim_does_not_provide_them():
    with pytest.raises(me.UnsupportedFunctionError, match="mechestim does not provide frobnicate"):
        me.frobnicate  # noqa: B018
    with pytest.raises(me.UnsupportedFunctionError, match=r"random\.frobnicate"):
        me.random.frobnicate  # noqa: B018
    assert getattr(me, "frobnicate", None) is None  # AttributeError semantics


def test_private_names_raise_plain_attribute_error():
    with pytest.raises(AttributeError) as info:
        me._no_such_thing  # noqa: B018
    assert not isinstance(info.value, me.UnsupportedFunctionError)


def test_exception_hierarchy():
    assert issubclass(me.BudgetExhaustedError, me.MechEstimError)
    assert issubclass(me.NoBudgetContextError, me.MechEstimError)
    assert issubclass(me.SymmetryError, me.MechEstimError)
    assert issubclass(me.UnsupportedFunctionError, me.MechEstimError)
    assert issubclass(me.UnsupportedFunctionError, AttributeError)
    assert issubclass(me.InvalidBudgetError, ValueError)
    assert issubclass(me.BudgetContextError, RuntimeError)
    assert issubclass(me.MechEstimWarning, UserWarning)
    for name in errors.__all__:
        assert getattr(me, name) is getattr(errors, name)


def test_exceptions_round_trip_through_pickle():
    e = me.UnsupportedFunctionError("msg", "save", "why", "instead")
    again = pickle.loads(pickle.dumps(e))
    assert (str(again), again.name, again.reason, again.alternative) == ("msg", "save", "why", "instead")


def test_public_names_exist():
    for name in me.__all__:
        assert hasattr(me, name), name
    assert isinstance(me.__version__, str)
