"""me.fft: NumPy's values, the cost model's prices, refusals that charge nothing."""

from __future__ import annotations

import warnings
from typing import ClassVar

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import mechestim as me
from mechestim import _core

ONE_AXIS = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft"]
SEVERAL_AXES = ["fft2", "ifft2", "fftn", "ifftn", "rfft2", "irfft2", "rfftn", "irfftn"]
FREE = ["fftfreq", "rfftfreq", "fftshift", "ifftshift"]
# Real transforms cost half a complex one; inverse real ones (and hfft) default their
# last output length to 2(m-1) for m input points.
HALVED = {"rfft", "irfft", "rfft2", "irfft2", "rfftn", "irfftn"}
DOUBLED = {"irfft", "hfft", "irfft2", "irfftn"}
REAL_INPUT = {"rfft", "ihfft", "rfft2", "rfftn"}  # NumPy refuses complex data
NORMS = [None, "backward", "ortho", "forward"]


def charged(fn, *args, **kwargs):
    """(result, FLOPs charged) of one call inside a fresh explicit context."""
    with me.BudgetContext(flop_budget=10**15, quiet=True) as b:
        out = fn(*args, **kwargs)
    return out, b.flops_used


def clg(x: int) -> int:
    """The cost model's ceil(lg x), at least 1 (exact for integers: (x-1).bit_length())."""
    return max(1, (x - 1).bit_length())


def per_transform(name: str, big_n: int) -> int:
    """5·N·⌈lg N⌉, or 5·⌊N/2⌋·⌈lg N⌉ for the real transforms."""
    return 5 * (big_n // 2 if name in HALVED else big_n) * clg(big_n)


def expected_one_axis(name: str, shape, n, axis) -> int:
    ax = axis % len(shape)
    m = shape[ax]
    length = n if n is not None else (2 * (m - 1) if name in DOUBLED else m)
    batch = int(np.prod([d for i, d in enumerate(shape) if i != ax], dtype=object))
    return batch * per_transform(name, length)


def expected_several_axes(name: str, shape, s, axes) -> int:
    ndim = len(shape)
    if axes is None:
        axes = list(range(ndim)) if s is None else list(range(ndim - len(s), ndim))
    axes = [a % ndim for a in axes]
    if s is None:
        lengths = [shape[a] for a in axes]
        if name in DOUBLED:
            lengths[-1] = 2 * (shape[axes[-1]] - 1)
    else:
        lengths = [shape[a] if k == -1 else k for k, a in zip(s, axes, strict=True)]
    batch = int(np.prod([d for i, d in enumerate(shape) if i not in axes], dtype=object))
    return batch * per_transform(name, int(np.prod(lengths, dtype=object)))


def assert_same(out, ref):
    assert type(out) is me.ndarray
    assert out.dtype == ref.dtype and out.shape == ref.shape
    np.testing.assert_array_equal(np.asarray(out), ref)


def data(shape, complex_: bool, seed: int = 0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape)
    return x + 1j * rng.standard_normal(shape) if complex_ else x


# -- the cost model's examples --------------------------------------------------------------------


def test_cost_model_examples():
    assert charged(me.fft.fft, np.ones(1024))[1] == 51_200
    assert charged(me.fft.fft, np.ones((4, 256)))[1] == 4 * 10_240 == 40_960
    assert charged(me.fft.rfft, np.ones(1024))[1] == 25_600
    assert charged(me.fft.fft2, np.ones((32, 32)))[1] == 51_200
    assert charged(me.fft.rfft2, np.ones((16, 16)))[1] == 5_120


def test_cost_queries():
    assert _core.fft_cost(1024) == 51_200
    assert _core.fft_cost(256, 4) == 40_960
    assert _core.rfft_cost(1024) == 25_600
    assert _core.rfft_cost(1) == 0  # 5 * (1 // 2) * 1
    assert _core.fft_cost(8, batch=0) == 0
    assert _core.fft_axis_cost([4, 256], None, -1, "fft") == 40_960
    assert _core.fftn_axes_cost([32, 32], None, (-2, -1), "fft2") == 51_200
    assert _core.fftn_axes_cost([16, 16], kind="rfftn") == 5_120
    assert _core.fft_axis_out_shape([4, 10], 16, 1, "rfft") == [4, 9]
    assert _core.fftn_axes_out_shape([2, 4, 5], None, (-2, -1), "irfft2") == [2, 4, 8]
    with pytest.raises(me.InvalidArgumentError):
        _core.fft_cost(0)
    with pytest.raises(me.InvalidArgumentError, match="unknown FFT kind"):
        _core.fft_axis_cost([8], kind="fftshift")


def test_worked_costs():
    # irfft of 9 points: n = 16, 5 * 8 * 4.
    assert charged(me.fft.irfft, np.ones(9, complex))[1] == 160
    # hfft of 5 points: n_out = 8, 5 * 8 * 3; ihfft of 8 points: the same.
    assert charged(me.fft.hfft, np.ones(5, complex))[1] == 120
    assert charged(me.fft.ihfft, np.ones(8))[1] == 120
    # n= pads: 5 * 2048 * 11.
    assert charged(me.fft.fft, np.ones(1000), n=2048)[1] == 112_640
    # along axis 0 of (8, 3): 3 transforms of 8.
    assert charged(me.fft.fft, np.ones((8, 3)), axis=0)[1] == 3 * 120
    # fftn of (4, 8, 2): N = 64, 5 * 64 * 6.
    assert charged(me.fft.fftn, np.ones((4, 8, 2)))[1] == 1_920
    # fft2 of a (3, 4, 8) stack: 3 * 5 * 32 * 5.
    assert charged(me.fft.fft2, np.ones((3, 4, 8)))[1] == 2_400
    # irfftn of (4, 5): N = 4 * 8, 5 * 16 * 5.
    assert charged(me.fft.irfftn, np.ones((4, 5), complex))[1] == 400
    # a length-1 transform: 5 (complex), 0 (real).
    assert charged(me.fft.fft, np.ones((6, 1)))[1] == 30
    assert charged(me.fft.rfft, np.ones((6, 1)))[1] == 0


def test_batches_count_on_every_axis():
    """Principle 5: a stack costs the per-transform price times the number of transforms."""
    one = charged(me.fft.fft, np.ones(64))[1]
    assert charged(me.fft.fft, np.ones((3, 5, 64)))[1] == 15 * one
    one2 = charged(me.fft.fft2, np.ones((8, 8)))[1]
    assert charged(me.fft.fft2, np.ones((7, 8, 8)))[1] == 7 * one2
    assert charged(me.fft.fftn, np.ones((7, 8, 8)), axes=(1, 2))[1] == 7 * one2


def test_summary_names_the_ops():
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        me.fft.rfft(np.ones(16))
        me.fft.irfft(me.fft.rfft(np.ones(16)))
    ops = b.summary().operations
    assert ops["fft.rfft"] == {"flops": 2 * 5 * 8 * 4, "calls": 2}
    assert ops["fft.irfft"] == {"flops": 5 * 8 * 4, "calls": 1}


# -- values ---------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    name=st.sampled_from(ONE_AXIS),
    shape=hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=9),
    complex_=st.booleans(),
    n=st.none() | st.integers(1, 20),
    axis_pick=st.integers(0, 5),
    negative=st.booleans(),
    norm=st.sampled_from(NORMS),
    seed=st.integers(0, 2**16),
)
def test_one_axis_transforms_match_numpy(name, shape, complex_, n, axis_pick, negative, norm, seed):
    ndim = len(shape)
    ax = axis_pick % ndim
    assume(n is not None or name not in DOUBLED or shape[ax] >= 2)
    axis = ax - ndim if negative else ax
    a = data(shape, complex_ and name not in REAL_INPUT, seed)
    ref = getattr(np.fft, name)(a, n, axis, norm)
    out, cost = charged(getattr(me.fft, name), me.array(a), n, axis, norm)
    assert_same(out, ref)
    assert cost == expected_one_axis(name, shape, n, axis)


@st.composite
def several_axes_case(draw):
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=4, min_side=1, max_side=7))
    ndim = len(shape)
    picked = draw(st.permutations(range(ndim)))[: draw(st.integers(1, ndim))]
    axes = [a - ndim if draw(st.booleans()) else a for a in picked]
    s = draw(st.none() | st.lists(st.integers(1, 9) | st.just(-1), min_size=len(axes), max_size=len(axes)))
    return shape, s, axes


@settings(max_examples=150, deadline=None)
@given(
    name=st.sampled_from(SEVERAL_AXES),
    case=several_axes_case(),
    complex_=st.booleans(),
    norm=st.sampled_from(NORMS),
    seed=st.integers(0, 2**16),
)
def test_several_axes_transforms_match_numpy(name, case, complex_, norm, seed):
    shape, s, axes = case
    if name.endswith("2"):
        axes = axes[-2:]
        s = s[-2:] if s is not None else None
        assume(len(axes) == 2)
    if name in DOUBLED and s is None:
        assume(shape[axes[-1]] >= 2)
    a = data(shape, complex_ and name not in REAL_INPUT, seed)
    ref = getattr(np.fft, name)(a, s, axes, norm)
    out, cost = charged(getattr(me.fft, name), me.array(a), s, axes, norm)
    assert_same(out, ref)
    assert cost == expected_several_axes(name, shape, s, axes)


@pytest.mark.parametrize("name", ["fft2", "ifft2", "rfft2", "irfft2"])
def test_two_axis_defaults(name):
    a = data((3, 4, 6), complex_=name.startswith("i"))
    out, cost = charged(getattr(me.fft, name), a)
    assert_same(out, getattr(np.fft, name)(a))
    assert cost == expected_several_axes(name, (3, 4, 6), None, (-2, -1))


@pytest.mark.parametrize("name", ["fftn", "ifftn", "rfftn", "irfftn"])
def test_s_without_axes_takes_the_last_axes(name):
    a = data((3, 4, 6), complex_=name not in REAL_INPUT)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # NumPy 2 deprecates s without axes
        ref = getattr(np.fft, name)(a, s=(5, 8))
        out, cost = charged(getattr(me.fft, name), a, s=(5, 8))
    assert_same(out, ref)
    assert cost == 3 * per_transform(name, 40)


def test_none_in_s_takes_the_one_axis_default():
    a = data((3, 5), complex_=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ref = np.fft.irfftn(a, s=(4, None), axes=(0, 1))
        out, cost = charged(me.fft.irfftn, a, s=(4, None), axes=(0, 1))
    assert_same(out, ref)
    assert cost == per_transform("irfftn", 4 * 8)  # the last length is 2(5-1)


def test_inputs_of_every_numeric_kind():
    for a in (
        [1, 2, 3, 4],
        np.arange(6, dtype=np.int32),
        np.array([True, False, True]),
        np.ones(4, np.float32),
    ):
        out, cost = charged(me.fft.fft, a)
        assert_same(out, np.fft.fft(a))
        assert cost == expected_one_axis("fft", np.shape(a), None, -1)


def test_empty_batch_costs_nothing_and_matches_numpy():
    a = np.ones((0, 8))
    for name in ("fft", "rfft", "ihfft"):
        out, cost = charged(getattr(me.fft, name), a)
        assert_same(out, getattr(np.fft, name)(a))
        assert cost == 0
    out, cost = charged(me.fft.fftn, np.ones((0, 4, 4)), axes=(1, 2))
    assert_same(out, np.fft.fftn(np.ones((0, 4, 4)), axes=(1, 2)))
    assert cost == 0


def test_no_axis_transforms_nothing_and_costs_nothing():
    a = np.ones((3, 4))
    out, cost = charged(me.fft.fftn, a, axes=())
    assert_same(out, np.fft.fftn(a, axes=()))
    assert cost == 0
    out, cost = charged(me.fft.ifftn, np.float64(2.5))  # a 0-d array has no axis
    assert_same(out, np.fft.ifftn(np.float64(2.5)))
    assert cost == 0


def test_an_empty_axis_can_be_zero_padded():
    out, cost = charged(me.fft.fft, np.ones(0), n=4)
    assert_same(out, np.fft.fft(np.ones(0), n=4))
    assert cost == 5 * 4 * 2


# -- out= -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ONE_AXIS)
def test_out_receives_the_result(name):
    a = data((3, 8), complex_=name in ("irfft", "hfft", "ifft"))
    ref = getattr(np.fft, name)(a)
    for out in (np.zeros(ref.shape, ref.dtype), me.zeros(ref.shape, dtype=ref.dtype)):
        got, cost = charged(getattr(me.fft, name), a, out=out)
        assert got is out
        np.testing.assert_array_equal(np.asarray(out), ref)
        assert cost == expected_one_axis(name, (3, 8), None, -1)


@pytest.mark.parametrize("name", SEVERAL_AXES)
def test_out_of_several_axes(name):
    a = data((3, 4), complex_=name.startswith("i"))
    s = (5, 6)  # lengths NumPy cannot transform into out= in place: the result is written to out
    ref = getattr(np.fft, name)(a, s, (0, 1))
    out = me.zeros(ref.shape, dtype=ref.dtype)
    got, cost = charged(getattr(me.fft, name), a, s, (0, 1), None, out)
    assert got is out
    np.testing.assert_array_equal(np.asarray(out), ref)
    assert cost == expected_several_axes(name, (3, 4), s, (0, 1))


# -- refusals -------------------------------------------------------------------------------------

REFUSALS = [
    (me.fft.fft, (np.ones(0),), {}, me.InvalidArgumentError),
    (me.fft.fft, (np.ones(8),), {"n": 0}, me.InvalidArgumentError),
    (me.fft.fft, (np.ones(8),), {"n": -3}, me.InvalidArgumentError),
    (me.fft.irfft, (np.ones(1),), {}, me.InvalidArgumentError),
    (me.fft.hfft, (np.ones((4, 1)),), {}, me.InvalidArgumentError),
    (me.fft.hfft, (np.ones(5),), {"n": 0}, me.InvalidArgumentError),
    (me.fft.fft, (np.ones((0, 8)),), {"n": 0}, me.InvalidArgumentError),
    (me.fft.fft, (np.ones(8),), {"axis": 1}, me.AxisError),
    (me.fft.rfft, (np.ones((2, 8)),), {"axis": -3}, me.AxisError),
    (me.fft.fft, (np.float64(1.0),), {}, me.AxisError),
    (me.fft.fft2, (np.ones(8),), {}, me.AxisError),
    (me.fft.fftn, (np.ones((3, 4)),), {"axes": (0, 2)}, me.AxisError),
    (me.fft.fftn, (np.ones((3, 4)),), {"axes": (0, -2)}, me.AxisError),
    (me.fft.rfftn, (np.ones((3, 4)),), {"axes": (1, 1)}, me.AxisError),
    (me.fft.fftn, (np.ones((3, 4)),), {"s": (3, 4), "axes": (1,)}, me.ShapeError),
    (me.fft.fftn, (np.ones((3, 4)),), {"s": (0, 4), "axes": (0, 1)}, me.InvalidArgumentError),
    (me.fft.ifftn, (np.ones((3, 4)),), {"s": (-2, 4), "axes": (0, 1)}, me.InvalidArgumentError),
    (me.fft.fftn, (np.ones((3, 0)),), {}, me.InvalidArgumentError),
    (me.fft.irfftn, (np.ones((3, 1)),), {}, me.InvalidArgumentError),
    (me.fft.rfftn, (np.ones((3, 4)),), {"axes": ()}, me.InvalidArgumentError),
    (me.fft.irfftn, (np.float64(1.0),), {}, me.InvalidArgumentError),
    (me.fft.fft, (np.ones(8),), {"norm": "bad"}, me.InvalidArgumentError),
    (me.fft.fftn, (np.ones((2, 2)),), {"norm": "Ortho"}, me.InvalidArgumentError),
    (me.fft.fft, (np.ones(8),), {"out": np.zeros(7, complex)}, me.ShapeError),
    (me.fft.rfft, (np.ones(8),), {"out": np.zeros(8, complex)}, me.ShapeError),
    (me.fft.fft2, (np.ones((2, 2)),), {"out": np.zeros((2, 2))}, TypeError),
    (me.fft.irfft, (np.ones(5),), {"out": np.zeros(8, int)}, TypeError),
    (me.fft.fft, (np.ones(8),), {"out": [0] * 8}, TypeError),
    (me.fft.fft, (np.ones(8),), {"n": 8.0}, TypeError),
    (me.fft.fftn, (np.ones((2, 2)),), {"axes": 1}, TypeError),
    (me.fft.rfft, (np.ones(4, complex),), {}, TypeError),
    (me.fft.ihfft, ([1j, 2.0],), {}, TypeError),
    (me.fft.rfft2, (np.ones((2, 2), np.complex64),), {}, TypeError),
    (me.fft.rfftn, (me.ones((2, 2), dtype=complex),), {}, TypeError),
    (me.fft.fft, (np.array(["a", "b"]),), {}, me.NonNumericError),
    (me.fft.rfft2, (np.array([[1, None]], dtype=object),), {}, me.NonNumericError),
]


@pytest.mark.parametrize(("fn", "args", "kwargs", "error"), REFUSALS)
def test_refusals_charge_nothing(fn, args, kwargs, error):
    with me.BudgetContext(flop_budget=10**9, quiet=True) as b:
        me.sqrt(me.ones(3))
        before = me.budget_summary_dict()
        with pytest.raises(error):
            fn(*args, **kwargs)
        assert me.budget_summary_dict() == before
    assert b.flops_used == 3


def test_refused_lengths_are_also_refused_by_numpy():
    """Each length refusal above is one NumPy makes too (a ValueError)."""
    for fn, args, kwargs, error in REFUSALS:
        if error is me.InvalidArgumentError and "norm" not in kwargs and kwargs.get("axes") != ():
            if np.ndim(args[0]) == 0:
                continue
            with pytest.raises(ValueError), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                getattr(np.fft, fn.__name__)(*args, **kwargs)


class Spy(np.ndarray):
    """An array that records whether NumPy's function machinery touched it."""

    touched: ClassVar[list[str]] = []

    def __array_function__(self, func, types, args, kwargs):
        Spy.touched.append(func.__name__)
        args = tuple(np.asarray(a) if isinstance(a, Spy) else a for a in args)
        return func(*args, **kwargs)


@pytest.mark.parametrize("name", ["fft", "rfft2", "irfftn"])
def test_over_budget_never_reaches_numpy(name):
    spy = np.ones((16, 16)).view(Spy)
    Spy.touched = []
    with me.BudgetContext(flop_budget=10**6, quiet=True):
        getattr(me.fft, name)(spy)
    assert Spy.touched == [name], "the spy must notice NumPy running"
    Spy.touched = []
    with me.BudgetContext(flop_budget=50, quiet=True) as b:
        with pytest.raises(me.BudgetExhaustedError) as info:
            getattr(me.fft, name)(spy)
    assert Spy.touched == []
    assert info.value.op_name == f"fft.{name}"
    assert b.flops_used == 0


# -- free helpers and names -----------------------------------------------------------------------


def test_free_helpers_cost_nothing():
    cases = [
        (me.fft.fftfreq, np.fft.fftfreq, (8,), {"d": 0.5}),
        (me.fft.fftfreq, np.fft.fftfreq, (7,), {}),
        (me.fft.rfftfreq, np.fft.rfftfreq, (9, 0.1), {}),
        (me.fft.fftshift, np.fft.fftshift, (np.arange(12).reshape(3, 4),), {}),
        (me.fft.fftshift, np.fft.fftshift, (np.arange(12).reshape(3, 4),), {"axes": 1}),
        (me.fft.ifftshift, np.fft.ifftshift, (np.arange(12).reshape(3, 4),), {"axes": (0,)}),
    ]
    for ours, theirs, args, kwargs in cases:
        out, cost = charged(ours, *args, **kwargs)
        assert_same(out, theirs(*args, **kwargs))
        assert cost == 0
    out, cost = charged(me.fft.fftshift, me.arange(5))
    assert_same(out, np.fft.fftshift(np.arange(5)))
    assert cost == 0


def test_results_are_mechestim_arrays_whose_operators_count():
    f, _ = charged(me.fft.fft, np.ones(8))
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        abs(f)
    assert b.flops_used == 8


def test_unknown_names_raise():
    with pytest.raises(me.UnsupportedFunctionError, match=r"mechestim does not provide fft\.test"):
        me.fft.test  # noqa: B018
    with pytest.raises(AttributeError):
        me.fft.frobnicate  # noqa: B018
    assert getattr(me.fft, "frobnicate", None) is None
    with pytest.raises(AttributeError) as info:
        me.fft._private  # noqa: B018
    assert not isinstance(info.value, me.UnsupportedFunctionError)


def test_me_fft_is_the_subpackage():
    import mechestim.fft

    assert me.fft is mechestim.fft
    assert "fft" in me.__all__
