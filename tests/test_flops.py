"""me.flops: every query equals what running the operation charges, and the
documented examples hold (expectations written from the formulas)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

import mechestim as me
from mechestim import flops

RNG = np.random.default_rng(0)


def charged(run) -> int:
    with me.BudgetContext(flop_budget=10**15) as budget:
        run()
    return budget.flops_used


def spd(n, batch=()):
    a = RNG.standard_normal((*batch, n, n))
    return a @ np.swapaxes(a, -1, -2) + n * np.eye(n)


X30x20 = RNG.standard_normal((30, 20))
SYM = me.as_symmetric(spd(20), (0, 1))

PAIRS = [
    (
        "einsum",
        lambda: flops.einsum_cost("ij,jk->ik", [(64, 32), (32, 16)]),
        lambda: me.einsum("ij,jk->ik", np.ones((64, 32)), np.ones((32, 16))),
    ),
    (
        "einsum3",
        lambda: flops.einsum_cost("ij,jk,kl->il", [(10, 20), (20, 30), (30, 5)]),
        lambda: me.einsum("ij,jk,kl->il", np.ones((10, 20)), np.ones((20, 30)), np.ones((30, 5))),
    ),
    (
        "pointwise",
        lambda: flops.pointwise_cost((8, 1), (1, 6)),
        lambda: me.multiply(np.ones((8, 1)), np.ones((1, 6))),
    ),
    ("reduction", lambda: flops.reduction_cost((10, 20)), lambda: me.sum(np.ones((10, 20)), axis=0)),
    ("mean", lambda: flops.mean_cost((10, 20), axis=1), lambda: me.mean(np.ones((10, 20)), axis=1)),
    ("var", lambda: flops.var_cost((10, 20)), lambda: me.std(np.ones((10, 20)))),
    ("sort", lambda: flops.sort_cost((4, 8)), lambda: me.sort(np.ones((4, 8)))),
    ("svd", lambda: flops.svd_cost(30, 20), lambda: me.linalg.svd(X30x20)),
    ("svd k", lambda: flops.svd_cost(30, 20, k=5), lambda: me.linalg.svd(X30x20, k=5)),
    ("svd stack", lambda: flops.svd_cost(30, 20, batch=3), lambda: me.linalg.svd(np.stack([X30x20] * 3))),
    ("svdvals", lambda: flops.svdvals_cost(30, 20), lambda: me.linalg.svdvals(X30x20)),
    ("pinv", lambda: flops.pinv_cost(30, 20), lambda: me.linalg.pinv(X30x20)),
    ("cond", lambda: flops.cond_cost(30, 20), lambda: me.linalg.cond(X30x20)),
    ("matrix_rank", lambda: flops.matrix_rank_cost(30, 20), lambda: me.linalg.matrix_rank(X30x20)),
    ("lstsq", lambda: flops.lstsq_cost(30, 20), lambda: me.linalg.lstsq(X30x20, np.ones(30))),
    ("cholesky", lambda: flops.cholesky_cost(20), lambda: me.linalg.cholesky(spd(20))),
    ("qr", lambda: flops.qr_cost(30, 20), lambda: me.linalg.qr(X30x20)),
    ("eig", lambda: flops.eig_cost(12), lambda: me.linalg.eig(spd(12))),
    ("eigvals", lambda: flops.eigvals_cost(12), lambda: me.linalg.eigvals(spd(12))),
    ("eigh", lambda: flops.eigh_cost(12), lambda: me.linalg.eigh(spd(12))),
    ("eigvalsh", lambda: flops.eigvalsh_cost(12), lambda: me.linalg.eigvalsh(spd(12))),
    ("solve", lambda: flops.solve_cost(20), lambda: me.linalg.solve(spd(20), np.ones(20))),
    ("solve nrhs", lambda: flops.solve_cost(20, nrhs=3), lambda: me.linalg.solve(spd(20), np.ones((20, 3)))),
    ("solve sym", lambda: flops.solve_cost(20, symmetric=True), lambda: me.linalg.solve(SYM, np.ones(20))),
    ("inv", lambda: flops.inv_cost(20), lambda: me.linalg.inv(spd(20))),
    ("inv sym", lambda: flops.inv_cost(20, symmetric=True), lambda: me.linalg.inv(SYM)),
    ("det", lambda: flops.det_cost(20), lambda: me.linalg.det(spd(20))),
    ("slogdet sym", lambda: flops.slogdet_cost(20, symmetric=True), lambda: me.linalg.slogdet(SYM)),
    (
        "tensorinv",
        lambda: flops.tensorinv_cost(6),
        lambda: me.linalg.tensorinv(spd(6).reshape(2, 3, 6), ind=2),
    ),
    (
        "tensorsolve",
        lambda: flops.tensorsolve_cost(6),
        lambda: me.linalg.tensorsolve(spd(6).reshape(2, 3, 2, 3), np.ones((2, 3))),
    ),
    ("vector_norm", lambda: flops.vector_norm_cost(10, ord=3), lambda: me.linalg.norm(np.ones(10), 3)),
    (
        "matrix_norm",
        lambda: flops.matrix_norm_cost(4, 5, ord="nuc"),
        lambda: me.linalg.norm(np.ones((4, 5)), "nuc"),
    ),
    ("matrix_power", lambda: flops.matrix_power_cost(8, 5), lambda: me.linalg.matrix_power(spd(8), 5)),
    (
        "multi_dot",
        lambda: flops.multi_dot_cost([(10, 20), (20, 30), (30, 5)]),
        lambda: me.linalg.multi_dot([np.ones((10, 20)), np.ones((20, 30)), np.ones((30, 5))]),
    ),
    ("fft", lambda: flops.fft_cost(1024), lambda: me.fft.fft(np.ones(1024))),
    ("fft batch", lambda: flops.fft_cost(256, batch=4), lambda: me.fft.fft(np.ones((4, 256)))),
    ("ifft", lambda: flops.ifft_cost(64), lambda: me.fft.ifft(np.ones(64))),
    ("rfft", lambda: flops.rfft_cost(1024), lambda: me.fft.rfft(np.ones(1024))),
    ("irfft", lambda: flops.irfft_cost(2 * (33 - 1)), lambda: me.fft.irfft(np.ones(33))),
    ("hfft", lambda: flops.hfft_cost(2 * (33 - 1)), lambda: me.fft.hfft(np.ones(33))),
    ("ihfft", lambda: flops.ihfft_cost(64), lambda: me.fft.ihfft(np.ones(64))),
    ("fftn", lambda: flops.fftn_cost((32, 32)), lambda: me.fft.fft2(np.ones((32, 32)))),
    ("rfftn", lambda: flops.rfftn_cost((16, 16)), lambda: me.fft.rfft2(np.ones((16, 16)))),
    ("irfftn", lambda: flops.irfftn_cost((16, 9)), lambda: me.fft.irfft2(np.ones((16, 9)))),
    ("polyval", lambda: flops.polyval_cost(3, 100), lambda: me.polyval(np.ones(4), np.ones(100))),
    ("polyadd", lambda: flops.polyadd_cost(3, 5), lambda: me.polyadd(np.ones(3), np.ones(5))),
    ("polysub", lambda: flops.polysub_cost(3, 5), lambda: me.polysub(np.ones(3), np.ones(5))),
    ("polymul", lambda: flops.polymul_cost(3, 5), lambda: me.polymul(np.ones(3), np.ones(5))),
    ("polydiv", lambda: flops.polydiv_cost(5, 3), lambda: me.polydiv(np.ones(5), np.ones(3))),
    ("polyfit", lambda: flops.polyfit_cost(50, 3), lambda: me.polyfit(np.arange(50.0), np.ones(50), 3)),
    ("poly", lambda: flops.poly_cost(4), lambda: me.poly(np.ones(4))),
    ("roots", lambda: flops.roots_cost(3), lambda: me.roots(np.array([1.0, -6.0, 11.0, -6.0]))),
    ("sampler", lambda: flops.sampler_cost((5, 5)), lambda: me.random.normal(0, 1, (5, 5))),
    ("sampler one", lambda: flops.sampler_cost(), lambda: me.random.normal()),
    (
        "sampler multi",
        lambda: flops.sampler_cost(10, dim=3),
        lambda: me.random.multivariate_normal(np.zeros(3), np.eye(3), size=10),
    ),
    ("sampler rng", lambda: flops.sampler_cost(100), lambda: me.random.default_rng(0).normal(size=100)),
    ("permutation", lambda: flops.permutation_cost(16), lambda: me.random.permutation(16)),
    ("choice", lambda: flops.choice_cost(10, size=4), lambda: me.random.choice(10, size=4)),
    (
        "choice unique",
        lambda: flops.choice_cost(10, size=4, replace=False),
        lambda: me.random.choice(10, size=4, replace=False),
    ),
    ("norm", lambda: flops.norm_cost((4, 5), "fro"), lambda: me.linalg.norm(np.ones((4, 5)), "fro")),
    (
        "norm axis",
        lambda: flops.norm_cost((4, 5), 3, axis=1),
        lambda: me.linalg.norm(np.ones((4, 5)), 3, axis=1),
    ),
    ("trace", lambda: flops.trace_cost((3, 9, 12)), lambda: me.linalg.trace(np.ones((3, 9, 12)))),
    (
        "cross",
        lambda: flops.cross_cost((10, 3), (10, 3)),
        lambda: me.linalg.cross(np.ones((10, 3)), np.ones((10, 3))),
    ),
    ("polyder", lambda: flops.polyder_cost(4, 2), lambda: me.polyder(np.ones(4), 2)),
    ("polyint", lambda: flops.polyint_cost(3, 3), lambda: me.polyint(np.ones(3), 3)),
    ("bartlett", lambda: flops.bartlett_cost(64), lambda: me.bartlett(64)),
    ("hamming", lambda: flops.hamming_cost(64), lambda: me.hamming(64)),
    ("hanning", lambda: flops.hanning_cost(64), lambda: me.hanning(64)),
    ("blackman", lambda: flops.blackman_cost(64), lambda: me.blackman(64)),
    ("kaiser", lambda: flops.kaiser_cost(64), lambda: me.kaiser(64, 8.6)),
]


@pytest.mark.parametrize(("name", "query", "run"), PAIRS, ids=[p[0] for p in PAIRS])
def test_query_equals_what_running_charges(name, query, run):
    assert query() == charged(run)


def test_every_query_is_exercised():
    tested = {p[0].split()[0] for p in PAIRS}
    assert {n.removesuffix("_cost") for n in flops.__all__} <= tested


def test_issue_examples():
    assert flops.einsum_cost("ij,jk->ik", shapes=[(256, 256), (256, 256)]) == 256**3 * 2 == 33_554_432
    assert flops.svd_cost(m=256, n=256, k=10) == 256 * 256 * 10 == 655_360
    # 2·100³/3 + 100²·1 = 666,666 + 10,000.
    assert flops.solve_cost(100, nrhs=1) == 676_666
    assert flops.fft_cost(1024) == 5 * 1024 * 10 == 51_200
    assert flops.fft_cost(256, batch=4) == 4 * 5 * 256 * 8 == 40_960
    assert flops.cholesky_cost(20) == 2_666


def test_queries_need_no_budget_and_charge_nothing():
    me.budget_reset()
    flops.svd_cost(30, 20)
    flops.einsum_cost("ij,jk->ik", [(3, 4), (4, 5)])
    assert me.budget_summary_dict()["flops_used"] == 0


def test_command_line():
    run = [sys.executable, "-m", "mechestim", "cost"]
    out = subprocess.run([*run, "svd", "256", "256", "k=10"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "655360"
    out = subprocess.run(
        [*run, "einsum", "ij,jk->ik", "256x256", "256x256"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "33554432"
    bad = subprocess.run([*run, "nope"], capture_output=True, text=True)
    assert bad.returncode == 2 and "unknown cost query" in bad.stderr


# -- a walk over the registry: every counted op of the families with a query ---------------------

import warnings  # noqa: E402

from mechestim import _core  # noqa: E402

COUNTED = [r for r in _core.registry_rows() if r[2] == "counted"]


def _family(*families, module="core"):
    return [r[0] for r in COUNTED if r[1] == module and r[3] in families]


def _run_quietly(fn, *args):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return charged(lambda: fn(*args))


def _first_working(fn, candidates):
    """Charge `fn` on the first candidate input NumPy accepts (some ops need integers)."""
    for args in candidates:
        try:
            return _run_quietly(fn, *args), args
        except (TypeError, ValueError):
            continue
    raise AssertionError(f"no input works for {fn}")


@pytest.mark.parametrize("name", _family("unary_pointwise"))
def test_every_unary_pointwise_op_costs_the_pointwise_query(name):
    cost, args = _first_working(
        getattr(me, name), [(np.full((3, 4), 0.5),), (np.ones((3, 4), dtype=np.int64),)]
    )
    assert cost == flops.pointwise_cost(*[np.shape(a) for a in args])


@pytest.mark.parametrize("name", _family("binary_pointwise"))
def test_every_binary_pointwise_op_costs_the_pointwise_query(name):
    cost, _ = _first_working(
        getattr(me, name),
        [
            (np.full((3, 1), 0.5), np.full((1, 4), 0.5)),
            (np.ones((3, 1), np.int64), np.ones((1, 4), np.int64)),
        ],
    )
    assert cost == flops.pointwise_cost((3, 1), (1, 4))


QUANTILES = {"percentile": 50.0, "nanpercentile": 50.0, "quantile": 0.5, "nanquantile": 0.5}


@pytest.mark.parametrize("name", _family("reduction", "mean_like", "var_like", "sort"))
def test_every_reduction_costs_its_query(name):
    x = np.full((3, 4), 0.5)
    args = (x, QUANTILES[name]) if name in QUANTILES else (x,)
    kwargs = {"axis": 1} if name.startswith("cumulative") else {}  # NumPy needs an axis there
    cost = charged(lambda: getattr(me, name)(*args, **kwargs))
    family = next(r[3] for r in COUNTED if r[0] == name)
    query = {
        "reduction": lambda: flops.reduction_cost((3, 4)),
        "mean_like": lambda: flops.mean_cost((3, 4)),
        "var_like": lambda: flops.var_cost((3, 4)),
        "sort": lambda: flops.sort_cost((3, 4), axis=None if name == "msort" else -1),
    }[family]
    assert cost == query()


FFT_QUERIES = {
    "fft": lambda: flops.fft_cost(16, batch=3),
    "ifft": lambda: flops.ifft_cost(16, batch=3),
    "rfft": lambda: flops.rfft_cost(16, batch=3),
    "irfft": lambda: flops.irfft_cost(2 * (16 - 1), batch=3),
    "hfft": lambda: flops.hfft_cost(2 * (16 - 1), batch=3),
    "ihfft": lambda: flops.ihfft_cost(16, batch=3),
    "fft2": lambda: flops.fftn_cost((3, 16)),
    "ifft2": lambda: flops.fftn_cost((3, 16)),
    "fftn": lambda: flops.fftn_cost((3, 16)),
    "ifftn": lambda: flops.fftn_cost((3, 16)),
    "rfft2": lambda: flops.rfftn_cost((3, 16)),
    "rfftn": lambda: flops.rfftn_cost((3, 16)),
    "irfft2": lambda: flops.irfftn_cost((3, 16)),
    "irfftn": lambda: flops.irfftn_cost((3, 16)),
}


@pytest.mark.parametrize("row", [r[0] for r in COUNTED if r[1] == "fft"])
def test_every_fft_costs_its_query(row):
    name = row.removeprefix("fft.")
    assert set(FFT_QUERIES) == {r[0].removeprefix("fft.") for r in COUNTED if r[1] == "fft"}
    x = np.ones((3, 16)) if name.startswith(("rfft", "ihfft")) else np.ones((3, 16), complex)
    assert _run_quietly(getattr(me.fft, name), x) == FFT_QUERIES[name]()


def test_every_linalg_function_has_a_query_tested_against_its_run():
    tested = {p[0].split()[0] for p in PAIRS}
    linalg = {r[0].removeprefix("linalg.") for r in COUNTED if r[1] == "linalg" and r[3] == "linalg"}
    assert linalg <= tested


@pytest.mark.parametrize("name", sorted(set(_family("window_linear", "window_trig"))))
def test_every_window_costs_its_query(name):
    args = (32, 8.6) if name == "kaiser" else (32,)
    assert _run_quietly(getattr(me, name), *args) == getattr(flops, f"{name}_cost")(32)


SAMPLERS = [r[0].removeprefix("random.") for r in COUNTED if r[1] == "random" and r[3] == "sampler"]


@pytest.mark.parametrize("name", SAMPLERS)
def test_every_sampler_costs_the_query_for_its_output(name):
    from test_random import CALLS

    args, kwargs, _ = CALLS[name]
    source = me.random if hasattr(np.random, name) else me.random.default_rng(0)
    holder = {}

    def run():
        holder["out"] = getattr(source, name)(*args, **kwargs)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cost = charged(run)
    out = holder["out"]
    expected = len(out) if name == "bytes" else flops.sampler_cost(np.shape(out))
    assert cost == expected
