"""me.random: every sampler of numpy.random, its Generator and its RandomState,
with NumPy's signatures and seeded values, charged one FLOP per value drawn
(n·⌈lg n⌉ for shuffles) before NumPy runs."""

from __future__ import annotations
import __future__

import inspect
import math
import pickle
import warnings

import numpy as np
import pytest

import mechestim as me
from mechestim import _core
from mechestim.random._samplers import RULES

ROWS = [r for r in _core.registry_rows() if r[1] == "random"]
COUNTED = [r for r in ROWS if r[2] == "counted"]
PROVIDED = [r for r in ROWS if r[2] != "blocked"]
NP_CLASSES = {"Generator": np.random.Generator, "RandomState": np.random.RandomState}


def short(row) -> str:
    return row[0].split(".", 1)[1]


def lg(n: int) -> int:
    """⌈lg n⌉, at least 1 (the cost model's definition)."""
    return max(1, math.ceil(math.log2(n)))


def charged(fn, *args, **kwargs):
    """(result, FLOPs charged) of one call in a fresh budget."""
    with me.BudgetContext(flop_budget=10**12, quiet=True) as b:
        out = fn(*args, **kwargs)
    return out, b.flops_used


# -- the registry walk ----------------------------------------------------------------------------


@pytest.mark.parametrize("row", PROVIDED, ids=lambda r: r[0])
def test_every_random_row_has_a_wrapper_with_numpys_signature(row):
    name = short(row)
    if not hasattr(np.random, name):  # methods of Generator only
        assert hasattr(np.random.Generator, name)
        with pytest.raises(me.UnsupportedFunctionError, match="default_rng") as info:
            getattr(me.random, name)
        assert info.value.alternative == f"me.random.default_rng().{name}"
        return
    ours, theirs = getattr(me.random, name), getattr(np.random, name)
    if isinstance(theirs, type) and name not in NP_CLASSES:  # bit generators, SeedSequence
        assert ours is theirs
        return
    assert callable(ours)
    try:
        expected = inspect.signature(theirs)
    except ValueError:  # not introspectable in this NumPy
        return
    assert inspect.signature(ours) == expected, name


@pytest.mark.parametrize("cls", sorted(NP_CLASSES))
@pytest.mark.parametrize("row", COUNTED, ids=lambda r: r[0])
def test_every_counted_method_has_numpys_signature(row, cls):
    name, theirs = short(row), NP_CLASSES[cls]
    ours = getattr(me.random, cls)
    if not hasattr(theirs, name):
        instance = me.random.default_rng(0) if cls == "Generator" else me.random.RandomState(0)
        with pytest.raises(me.UnsupportedFunctionError):
            getattr(instance, name)
        return
    assert inspect.signature(getattr(ours, name)) == inspect.signature(getattr(theirs, name))


def test_blocked_random_rows_raise():
    for row in ROWS:
        if row[2] == "blocked":
            with pytest.raises(me.UnsupportedFunctionError, match="blocked"):
                getattr(me.random, short(row))


def test_no_public_name_of_me_random_lacks_a_row():
    rows = {short(r) for r in PROVIDED}
    public = {
        name
        for name, obj in vars(me.random).items()
        if not name.startswith("_") and obj is not __future__.annotations
    }
    assert sorted(public - rows) == []
    assert sorted(rows - public) == ["integers", "multivariate_hypergeometric", "permuted"]
    assert set(me.random.__all__) == public
    assert set(RULES) == {short(r) for r in COUNTED}


def test_broadcast_parameters_are_the_ones_before_size():
    for name, rule in RULES.items():
        if rule.params is None:
            continue
        for api in (np.random, np.random.RandomState, np.random.Generator):
            if hasattr(api, name) and name not in ("ranf", "sample"):
                params = [p for p in inspect.signature(getattr(api, name)).parameters if p != "self"]
                assert tuple(params[: params.index("size")]) == rule.params, (api, name)


@pytest.mark.parametrize("cls", sorted(NP_CLASSES))
def test_generator_and_random_state_reach_numpy_only_through_rows(cls):
    rows = {short(r) for r in PROVIDED}
    ours, theirs = getattr(me.random, cls), NP_CLASSES[cls]
    extra = {"bit_generator", "spawn"} if cls == "Generator" else set()
    mine = {n for n in dir(ours) if not n.startswith("_")}
    assert sorted(mine - rows - extra) == []
    obj = me.random.default_rng(0) if cls == "Generator" else me.random.RandomState(0)
    for name in (n for n in dir(theirs) if not n.startswith("_")):
        if name not in mine:  # RandomState.tomaxint
            with pytest.raises(me.UnsupportedFunctionError, match=f"random.{cls}.{name}"):
                getattr(obj, name)


def test_unknown_and_private_names_raise():
    with pytest.raises(me.UnsupportedFunctionError, match=r"random\.tomaxint"):
        me.random.tomaxint  # noqa: B018
    rng, rs = me.random.default_rng(0), me.random.RandomState(0)
    for obj, cls in ((rng, "Generator"), (rs, "RandomState")):
        with pytest.raises(me.UnsupportedFunctionError, match=f"does not provide random.{cls}.frob"):
            obj.frob  # noqa: B018
        assert getattr(obj, "frob", None) is None
        with pytest.raises(AttributeError) as info:
            obj._frob  # noqa: B018
        assert not isinstance(info.value, me.UnsupportedFunctionError)


# -- every sampler: seeded values equal NumPy's, the cost follows the formula ---------------------

# name -> (args, kwargs, cost written from the formula)
CALLS = {
    "rand": ((2, 3), {}, 6),
    "randn": ((2, 3), {}, 6),
    "random": ((), {"size": (2, 3)}, 6),
    "random_sample": (((2, 3),), {}, 6),
    "ranf": ((), {"size": 5}, 5),
    "sample": ((5,), {}, 5),
    "standard_normal": ((), {"size": (4, 2)}, 8),
    "standard_exponential": ((7,), {}, 7),
    "standard_cauchy": ((), {"size": 7}, 7),
    "standard_gamma": ((2.0,), {"size": 7}, 7),
    "standard_t": ((3.0, (2, 2)), {}, 4),
    "uniform": ((-1.0, 2.0), {"size": 6}, 6),
    "normal": ((0.0, 1.0, (5, 5)), {}, 25),
    "integers": ((0, 10), {"size": 5}, 5),
    "randint": ((0, 10, 5), {}, 5),
    "random_integers": ((1, 6), {"size": 5}, 5),
    "beta": ((2.0, 3.0), {"size": 4}, 4),
    "binomial": ((10, 0.3), {"size": (2, 3)}, 6),
    "chisquare": ((3.0,), {"size": 4}, 4),
    "dirichlet": (([1.0, 2.0, 3.0],), {"size": 4}, 4 * 3),
    "exponential": ((2.0, 4), {}, 4),
    "f": ((3.0, 5.0), {"size": 4}, 4),
    "gamma": ((2.0, 1.5), {"size": 4}, 4),
    "geometric": ((0.3,), {"size": 4}, 4),
    "gumbel": ((0.0, 1.0), {"size": 4}, 4),
    "hypergeometric": ((5, 7, 4), {"size": 4}, 4),
    "laplace": ((0.0, 1.0), {"size": 4}, 4),
    "logistic": ((0.0, 1.0), {"size": 4}, 4),
    "lognormal": ((0.0, 1.0), {"size": 4}, 4),
    "logseries": ((0.5,), {"size": 4}, 4),
    "multinomial": ((10, [0.2, 0.3, 0.5]), {"size": (2, 5)}, 2 * 5 * 3),
    "multivariate_normal": (([0.0, 1.0, 2.0], np.eye(3)), {"size": 10}, 10 * 3),
    "multivariate_hypergeometric": (([3, 4, 5], 6), {"size": 4}, 4 * 3),
    "negative_binomial": ((5, 0.5), {"size": 4}, 4),
    "noncentral_chisquare": ((3.0, 2.0), {"size": 4}, 4),
    "noncentral_f": ((3.0, 5.0, 2.0), {"size": 4}, 4),
    "pareto": ((3.0,), {"size": 4}, 4),
    "poisson": ((3.0,), {"size": 4}, 4),
    "power": ((3.0,), {"size": 4}, 4),
    "rayleigh": ((2.0,), {"size": 4}, 4),
    "triangular": ((0.0, 1.0, 3.0), {"size": 4}, 4),
    "vonmises": ((0.0, 2.0), {"size": 4}, 4),
    "wald": ((1.0, 2.0), {"size": 4}, 4),
    "weibull": ((2.0,), {"size": 4}, 4),
    "zipf": ((2.0,), {"size": 4}, 4),
    "choice": ((10,), {"size": 4}, 4),
    "permutation": ((16,), {}, 16 * 4),
    "permuted": ((np.arange(12.0).reshape(3, 4),), {"axis": 1}, 3 * 4 * lg(4)),
    "bytes": ((7,), {}, 7),
}


def _seeded_global(module):
    """A maker of `module` (me.random or numpy.random) after seeding NumPy's global state."""

    def make():
        np.random.seed(1234)
        return module

    return make


def _apis(name):
    """(label, make ours, make NumPy's) for each API that has sampler `name`."""
    if hasattr(np.random, name):
        yield "module", _seeded_global(me.random), _seeded_global(np.random)
    if hasattr(np.random.RandomState, name):
        yield "RandomState", lambda: me.random.RandomState(1234), lambda: np.random.RandomState(1234)
    if hasattr(np.random.Generator, name):
        yield "Generator", lambda: me.random.default_rng(1234), lambda: np.random.default_rng(1234)


SAMPLER_CASES = [(name, label) for name in sorted(CALLS) for label, _, _ in _apis(name)]


def assert_same(ours, theirs):
    assert type(ours) is (me.ndarray if type(theirs) is np.ndarray else type(theirs))
    if isinstance(theirs, np.ndarray):
        np.testing.assert_array_equal(np.asarray(ours), theirs)
        assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
    else:
        assert ours == theirs


def test_every_counted_row_has_a_call():
    assert set(CALLS) | {"shuffle"} == {short(r) for r in COUNTED}


@pytest.mark.parametrize(("name", "api"), SAMPLER_CASES, ids=[f"{n}-{a}" for n, a in SAMPLER_CASES])
def test_seeded_values_equal_numpys_and_cost_follows_the_formula(name, api):
    args, kwargs, cost = CALLS[name]
    make_ours, make_theirs = next((o, t) for label, o, t in _apis(name) if label == api)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # random_integers
        ours, flops = charged(getattr(make_ours(), name), *args, **kwargs)
        theirs = getattr(make_theirs(), name)(*args, **kwargs)
    assert flops == cost
    assert_same(ours, theirs)
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            getattr(make_ours(), name)(*args, **kwargs)
    assert b.summary().operations == {f"random.{name}": {"flops": cost, "calls": 1}}


@pytest.mark.parametrize("api", ["module", "RandomState", "Generator"])
def test_shuffle_is_in_place_and_costs_n_lg_n(api):
    make_ours, make_theirs = next((o, t) for label, o, t in _apis("shuffle") if label == api)
    ours, theirs = me.arange(10.0), np.arange(10.0)
    result, flops = charged(make_ours().shuffle, ours)
    make_theirs().shuffle(theirs)
    assert result is None and flops == 10 * lg(10)
    np.testing.assert_array_equal(np.asarray(ours), theirs)
    as_list = list(range(10))
    _, flops = charged(make_ours().shuffle, as_list)
    assert flops == 10 * lg(10) and sorted(as_list) == list(range(10))


# -- how size is given ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "cost"),
    [
        (lambda r: r.normal(0, 1, (5, 5)), 25),  # positional tuple
        (lambda r: r.normal(0, 1, 7), 7),  # positional int
        (lambda r: r.normal(size=(2, 3)), 6),  # keyword tuple
        (lambda r: r.normal(size=[2, 3]), 6),  # keyword list
        (lambda r: r.normal(size=np.int64(4)), 4),
        (lambda r: r.normal(size=()), 1),
        (lambda r: r.normal(size=(3, 0)), 0),
        (lambda r: r.normal(), 1),  # scalar
        (lambda r: r.normal(np.zeros(3)), 3),  # size=None: the parameters' shape
        (lambda r: r.normal(np.zeros((4, 1)), np.ones(3)), 12),  # broadcast parameters
        (lambda r: r.normal(me.zeros(3), size=(2, 3)), 6),
        (lambda r: r.uniform([0.0, 1.0], 2.0), 2),
        (lambda r: r.standard_gamma(np.ones((2, 2))), 4),
        (lambda r: r.multivariate_normal(np.zeros(3), np.eye(3)), 3),
        (lambda r: r.multivariate_normal(np.zeros(3), np.eye(3), (2, 5)), 30),
        (lambda r: r.multinomial(10, [0.5, 0.5]), 2),
        (lambda r: r.dirichlet([1.0] * 4, 5), 20),
        (lambda r: r.choice(100, 5), 5),
        (lambda r: r.choice(16, 4, replace=False), 16 * 4),
        (lambda r: r.choice([1.0, 2.0, 3.0], p=[0.2, 0.3, 0.5]), 1),
        (lambda r: r.choice(8, size=(2, 4), replace=False), 8 * 3),
        (lambda r: r.permutation(16), 64),
        (lambda r: r.permutation(1), 1),
        (lambda r: r.permutation(0), 0),
        (lambda r: r.permutation(np.arange(10)), 10 * 4),
        (lambda r: r.permutation(np.ones((5, 3))), 5 * 3),  # rows: n = 5
        (lambda r: r.bytes(0), 0),
    ],
)
@pytest.mark.parametrize("api", ["module", "RandomState", "Generator"])
def test_size_however_given(call, cost, api):
    make_ours = next(o for label, o, _ in _apis("normal") if label == api)
    out, flops = charged(call, make_ours())
    assert flops == cost
    if isinstance(out, np.ndarray) and cost == out.size:
        assert type(out) is me.ndarray


def test_cost_model_examples():
    assert charged(me.random.normal, 0, 1, (5, 5))[1] == 25
    assert charged(lambda: me.random.default_rng(0).normal(size=100))[1] == 100
    assert charged(me.random.normal, np.zeros(3))[1] == 3
    assert charged(me.random.multivariate_normal, np.zeros(3), np.eye(3), size=10)[1] == 30
    assert charged(me.random.permutation, 16)[1] == 64
    assert charged(me.random.randn, 256, 256)[1] == 65_536


def test_generator_only_shapes():
    rng = me.random.default_rng(0)
    a = np.ones((3, 4))
    # choice along an axis: with replacement the whole output, without the population's shuffle.
    out, flops = charged(rng.choice, a, (2, 5), axis=1)
    assert out.shape == (3, 2, 5) and flops == 30
    out, flops = charged(rng.choice, a, 2, replace=False, axis=1)
    assert out.shape == (3, 2) and flops == 4 * lg(4)
    out, flops = charged(rng.choice, a)  # one row
    assert out.shape == (4,) and flops == 4
    # permutation and shuffle along an axis: n = the length of that axis.
    _, flops = charged(rng.permutation, np.ones((4, 8)), axis=1)
    assert flops == 8 * 3
    x = np.arange(12.0).reshape(3, 4)
    _, flops = charged(rng.shuffle, x, axis=1)
    assert flops == 4 * 2
    # permuted shuffles every lane independently; axis=None the flattened array.
    _, flops = charged(rng.permuted, np.ones((3, 8)))
    assert flops == 24 * lg(24)
    # multinomial with batched n and pvals: the broadcast batch times the categories.
    out, flops = charged(rng.multinomial, [10, 20], np.full((3, 1, 2), 0.5))
    assert out.shape == (3, 2, 2) and flops == 12
    out, flops = charged(rng.multinomial, [10, 20], [0.5, 0.5], size=(3, 2))
    assert out.shape == (3, 2, 2) and flops == 12
    out, flops = charged(rng.multivariate_hypergeometric, [3, 4, 5], 6)
    assert out.shape == (3,) and flops == 3
    out, flops = charged(rng.integers, [1, 2, 3], [[10], [20]])
    assert out.shape == (2, 3) and flops == 6


def test_out_arrays_are_filled_and_returned():
    rng, ref = me.random.default_rng(5), np.random.default_rng(5)
    out = me.empty((2, 3))
    result, flops = charged(rng.random, out=out)
    assert result is out and flops == 6
    np.testing.assert_array_equal(np.asarray(out), ref.random((2, 3)))
    result, flops = charged(rng.standard_gamma, np.ones(3), out=np.empty((2, 3)))
    assert type(result) is np.ndarray and flops == 6  # the caller's own array comes back
    target = np.empty((3, 4))
    result, flops = charged(rng.permuted, np.ones((3, 4)), axis=0, out=target)
    assert result is target and flops == 4 * 3 * lg(3)


def test_results_are_mechestim_arrays_or_scalars():
    x = me.random.rand(3)
    assert type(x) is me.ndarray
    assert type(me.random.rand()) is float
    assert type(me.random.normal()) is float
    assert type(me.random.default_rng(0).normal()) is float
    assert isinstance(me.random.randint(5), int)
    assert type(me.random.bytes(4)) is bytes
    with me.BudgetContext(flop_budget=100, quiet=True) as b:
        _ = x + 1.0  # operators on samples stay counted
    assert b.flops_used == 3


# -- free functions -------------------------------------------------------------------------------


def test_seeding_state_and_construction_are_free():
    with me.BudgetContext(flop_budget=10, quiet=True) as b:
        me.random.seed(3)
        state = me.random.get_state()
        me.random.set_state(state)
        me.random.get_state(legacy=False)
        me.random.get_bit_generator()
        rng = me.random.default_rng(0)
        assert isinstance(rng, me.random.Generator)
        assert me.random.default_rng(rng) is rng
        children = rng.spawn(2)
        assert all(isinstance(c, me.random.Generator) for c in children)
        assert isinstance(rng.bit_generator, np.random.PCG64)
        me.random.Generator(me.random.PCG64(1))
        me.random.Generator(me.random.MT19937(1))
        me.random.SeedSequence(5).spawn(2)
        rs = me.random.RandomState(1)
        rs.seed(2)
        rs.set_state(rs.get_state())
        me.random.RandomState(me.random.MT19937(1))
        repr(rng), str(rs)
    assert b.flops_used == 0
    assert b.summary().operations == {}


def test_seeding_through_mechestim_or_numpy_is_the_same_stream():
    me.random.seed(11)
    a = me.random.rand(4)
    np.random.seed(11)
    np.testing.assert_array_equal(np.asarray(a), np.random.rand(4))
    state = np.random.get_state()
    me.random.set_state(state)
    b = me.random.normal(size=3)
    np.random.set_state(state)
    np.testing.assert_array_equal(np.asarray(b), np.random.normal(size=3))


def test_spawned_children_and_wrapped_numpy_generators_are_counted():
    children = me.random.default_rng(0).spawn(2)
    expected = np.random.default_rng(0).spawn(2)
    for child, theirs in zip(children, expected, strict=True):
        out, flops = charged(child.normal, size=5)
        assert flops == 5
        np.testing.assert_array_equal(np.asarray(out), theirs.normal(size=5))
    np_rng = np.random.default_rng(9)
    ours = me.random.default_rng(np_rng)  # wraps it, sharing its state
    first = ours.random()
    assert np_rng.random() != first
    assert charged(ours.random, 3)[1] == 3


def test_generators_pickle_with_their_state():
    rng, rs = me.random.default_rng(4), me.random.RandomState(4)
    rng.normal(size=3), rs.normal(size=3)
    rng2, rs2 = pickle.loads(pickle.dumps(rng)), pickle.loads(pickle.dumps(rs))
    assert type(rng2) is me.random.Generator and type(rs2) is me.random.RandomState
    np.testing.assert_array_equal(np.asarray(rng2.normal(size=3)), np.asarray(rng.normal(size=3)))
    np.testing.assert_array_equal(np.asarray(rs2.normal(size=3)), np.asarray(rs.normal(size=3)))


# -- refusals: nothing charged, NumPy's random state untouched ------------------------------------


def _states(rng, rs):
    return (
        pickle.dumps(np.random.get_state()),
        pickle.dumps(rng.bit_generator.state),
        pickle.dumps(rs.get_state()),
    )


@pytest.mark.parametrize(
    "call",
    [
        lambda m, g, r: m.normal(size=11),
        lambda m, g, r: g.normal(size=11),
        lambda m, g, r: r.normal(size=11),
        lambda m, g, r: m.randn(11),
        lambda m, g, r: m.permutation(5),  # 5*3 = 15
        lambda m, g, r: g.choice(11, 11, replace=False),
        lambda m, g, r: r.multivariate_normal(np.zeros(4), np.eye(4), size=3),
        lambda m, g, r: g.bytes(11),
        lambda m, g, r: m.shuffle(np.arange(6.0)),  # 6*3 = 18
    ],
)
def test_over_budget_calls_do_not_run(call):
    rng, rs = me.random.default_rng(0), me.random.RandomState(0)
    before = _states(rng, rs)
    with me.BudgetContext(flop_budget=10, quiet=True) as b:
        with pytest.raises(me.BudgetExhaustedError) as info:
            call(me.random, rng, rs)
    assert info.value.op_name.startswith("random.")
    assert b.flops_used == 0
    assert _states(rng, rs) == before


BAD_CALLS = [
    (lambda m, g, r: m.normal(size=-1), ValueError, "negative"),
    (lambda m, g, r: g.normal(size=(2, -1)), ValueError, "negative"),
    (lambda m, g, r: m.normal(size=3.0), TypeError, "integer"),
    (lambda m, g, r: g.normal(size=True), TypeError, "integer"),
    (lambda m, g, r: m.randn(2.5), TypeError, "integer"),
    (lambda m, g, r: m.normal(np.zeros(3), size=(3, 1)), ValueError, "not compatible"),
    (lambda m, g, r: g.normal(np.zeros(3), np.ones(2)), ValueError, "broadcast"),
    (lambda m, g, r: m.normal(0, 1, 3, 4), TypeError, "positional argument"),
    (lambda m, g, r: g.normal(sigma=1.0), TypeError, "unexpected keyword"),
    (lambda m, g, r: r.uniform(), None, None),  # a valid call, for contrast: cost 1
    (lambda m, g, r: m.normal("a"), TypeError, "string"),
    (lambda m, g, r: m.multivariate_normal(np.zeros((1, 3)), np.eye(3)), ValueError, "1 dimensional"),
    (lambda m, g, r: g.multivariate_normal(np.zeros(3), np.eye(2)), ValueError, "square|same length"),
    (lambda m, g, r: g.multivariate_normal(np.zeros(3), np.eye(3), method="qr"), ValueError, "method"),
    (lambda m, g, r: m.dirichlet([[1.0, 1.0]]), ValueError, "one-dimensional"),
    (lambda m, g, r: m.multinomial([10, 20], [0.5, 0.5]), TypeError, "integer"),
    (lambda m, g, r: r.multinomial(10, [[0.5, 0.5]]), ValueError, "1-d"),
    (lambda m, g, r: g.multinomial(10, 0.5), ValueError, "at least 1 dimension"),
    (lambda m, g, r: g.multivariate_hypergeometric([3, 4], [1, 2]), ValueError, "nsample"),
    (lambda m, g, r: g.multivariate_hypergeometric([[3, 4]], 2), ValueError, "one-dimensional"),
    (lambda m, g, r: m.choice(3, 5, replace=False), ValueError, "larger sample"),
    (lambda m, g, r: g.choice(0, 2), ValueError, "empty"),
    (lambda m, g, r: m.choice(-2, 2), ValueError, "positive"),
    (lambda m, g, r: m.choice(np.ones((2, 2)), 2), ValueError, "1-dimensional"),
    (lambda m, g, r: g.choice(2.5, 2), ValueError, "integer"),
    (lambda m, g, r: r.choice(3, 2, p=[0.5, 0.5]), ValueError, "same size"),
    (lambda m, g, r: g.choice(np.ones((3, 4)), 2, axis=2), np.exceptions.AxisError, "out of bounds"),
    (lambda m, g, r: m.permutation(np.array(3.0)), ValueError, "at least 1-dimensional"),
    (lambda m, g, r: g.permutation(np.ones(3), axis=1), np.exceptions.AxisError, "out of bounds"),
    (lambda m, g, r: m.shuffle((1, 2, 3)), TypeError, "item assignment"),
    (lambda m, g, r: g.shuffle([1, 2, 3], axis=1), NotImplementedError, "ndarray"),
    (lambda m, g, r: g.permuted(np.ones((2, 3)), out=np.empty((3, 2))), ValueError, "same shape"),
    (lambda m, g, r: g.integers(5, dtype=float), TypeError, "Unsupported dtype"),
    (lambda m, g, r: m.randint(5, dtype=np.float32), TypeError, "Unsupported dtype"),
    (lambda m, g, r: g.random(3, dtype=np.int32), TypeError, "Unsupported dtype"),
    (lambda m, g, r: g.random(out=np.empty(3, dtype=np.float32)), TypeError, "wrong type"),
    (lambda m, g, r: g.standard_normal(size=(3, 2), out=np.empty((2, 3))), ValueError, "out.shape"),
    (lambda m, g, r: g.standard_gamma(np.ones(4), out=np.empty((2, 3))), ValueError, "not compatible"),
    (lambda m, g, r: g.random(out=[0.0, 0.0]), TypeError, "numpy array"),
    (lambda m, g, r: m.bytes(-1), ValueError, "negative"),
    (lambda m, g, r: m.bytes(2.0), TypeError, "integer"),
]


@pytest.mark.parametrize(("call", "error", "match"), BAD_CALLS)
def test_bad_arguments_raise_before_anything_is_charged(call, error, match):
    rng, rs = me.random.default_rng(0), me.random.RandomState(0)
    before = _states(rng, rs)
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        if error is None:
            call(me.random, rng, rs)
            assert b.flops_used == 1
            return
        with pytest.raises(error, match=match):
            call(me.random, rng, rs)
    assert b.flops_used == 0
    assert _states(rng, rs) == before


def test_errors_from_parameter_values_come_from_numpy_after_the_charge():
    with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
        with pytest.raises(ValueError, match="scale"):
            me.random.normal(0.0, -1.0, size=3)
        with pytest.raises(ValueError):
            me.random.default_rng(0).choice(3, 2, p=[0.5, 0.6, 0.5])
    assert b.flops_used == 3 + 2
