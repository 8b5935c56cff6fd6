"""FLOP cost queries: what an operation would cost, from shapes and parameters.

Pure functions: no arrays, no budget, nothing charged. Each returns the exact
integer the core crate computes, which is what running the operation charges.
Matrix functions take the per-matrix sizes and an optional ``batch`` (the
number of matrices in a stack); transforms take the transform length and
``batch`` (the number of transforms).

Examples
--------
>>> import mechestim as me
>>> me.flops.einsum_cost('ij,jk->ik', shapes=[(256, 256), (256, 256)])
33554432
>>> me.flops.svd_cost(256, 256, k=10)
655360
>>> me.flops.solve_cost(100, nrhs=1)
676666
>>> me.flops.fft_cost(1024)
51200
"""

from __future__ import annotations

import numpy as _np

from mechestim import _core, _einsum
from mechestim.errors import ShapeError

__all__ = [
    "bartlett_cost",
    "blackman_cost",
    "choice_cost",
    "cholesky_cost",
    "cond_cost",
    "cross_cost",
    "det_cost",
    "eig_cost",
    "eigh_cost",
    "eigvals_cost",
    "eigvalsh_cost",
    "einsum_cost",
    "fft_cost",
    "fftn_cost",
    "hamming_cost",
    "hanning_cost",
    "hfft_cost",
    "ifft_cost",
    "ihfft_cost",
    "inv_cost",
    "irfft_cost",
    "irfftn_cost",
    "kaiser_cost",
    "lstsq_cost",
    "matrix_norm_cost",
    "matrix_power_cost",
    "matrix_rank_cost",
    "mean_cost",
    "norm_cost",
    "multi_dot_cost",
    "permutation_cost",
    "pinv_cost",
    "pointwise_cost",
    "poly_cost",
    "polyadd_cost",
    "polyder_cost",
    "polydiv_cost",
    "polyfit_cost",
    "polyint_cost",
    "polymul_cost",
    "polysub_cost",
    "polyval_cost",
    "qr_cost",
    "reduction_cost",
    "rfft_cost",
    "rfftn_cost",
    "roots_cost",
    "sampler_cost",
    "slogdet_cost",
    "solve_cost",
    "sort_cost",
    "svd_cost",
    "svdvals_cost",
    "tensorinv_cost",
    "tensorsolve_cost",
    "trace_cost",
    "var_cost",
    "vector_norm_cost",
]


def _batch(cost: int, batch: int) -> int:
    return _core.batched_cost(cost, batch)


# -- einsum, pointwise, reductions -------------------------------------------------------------


def einsum_cost(subscripts: str, shapes, optimize="auto", memory_limit=None) -> int:
    """What ``me.einsum(subscripts, *arrays, optimize=optimize)`` charges for arrays of `shapes`.

    >>> einsum_cost('ij,jk,kl->il', [(10, 20), (20, 30), (30, 5)])
    8000
    """
    shapes = tuple(tuple(int(d) for d in s) for s in shapes)
    _, _, cost, refusal = _einsum._plan(subscripts, shapes, optimize, memory_limit)
    if refusal is not None:
        raise refusal
    return cost


def pointwise_cost(*shapes) -> int:
    """A pointwise (ufunc) op on operands of `shapes`: numel of their broadcast.

    >>> pointwise_cost((8, 1), (1, 6))
    48
    """
    try:
        shape = _np.broadcast_shapes(*[tuple(s) if isinstance(s, (tuple, list)) else (s,) for s in shapes])
    except ValueError as err:
        raise ShapeError(f"pointwise_cost: {err}") from None
    return _core.unary_cost(list(shape))


def reduction_cost(shape) -> int:
    """sum, prod, max, min, argmax, any, all, cumsum, median, ...: numel of the input.

    >>> reduction_cost((10, 20))
    200
    """
    return _core.reduction_cost(list(shape))


def mean_cost(shape, axis=None) -> int:
    """mean, average, nanmean: numel(input) + numel(output).

    >>> mean_cost((10, 20), axis=1)
    210
    """
    return _core.mean_cost(list(shape), axis)


def var_cost(shape, axis=None) -> int:
    """var, std, nanvar, nanstd: 2·numel(input) + numel(output).

    >>> var_cost((10, 20))
    401
    """
    return _core.var_cost(list(shape), axis)


def sort_cost(shape, axis=-1) -> int:
    """sort, argsort: slices x n·⌈lg n⌉ along `axis` (``None``: the flattened array).

    >>> sort_cost((4, 8))
    96
    """
    return _core.sort_cost(list(shape), axis)


# -- linear algebra ----------------------------------------------------------------------------


def svd_cost(m: int, n: int, k: int | None = None, batch: int = 1) -> int:
    """``linalg.svd`` of mxn matrices (top-`k` with ``k=``): m·n·k.

    >>> svd_cost(30, 20), svd_cost(30, 20, k=5)
    (12000, 3000)
    """
    return _batch(_core.svd_cost(m, n, k), batch)


def svdvals_cost(m: int, n: int, batch: int = 1) -> int:
    """``linalg.svdvals``: m·n·min(m, n)."""
    return _batch(_core.mn_min_cost(m, n), batch)


pinv_cost = svdvals_cost
cond_cost = svdvals_cost
matrix_rank_cost = svdvals_cost


def lstsq_cost(m: int, n: int) -> int:
    """``linalg.lstsq`` of an mxn system: m·n·min(m, n)."""
    return _core.mn_min_cost(m, n)


def cholesky_cost(n: int, batch: int = 1) -> int:
    """``linalg.cholesky``: n³/3.

    >>> cholesky_cost(20)
    2666
    """
    return _batch(_core.cholesky_cost(n), batch)


def qr_cost(m: int, n: int, batch: int = 1) -> int:
    """``linalg.qr``: 2·M·N² - 2·N³/3 with M ≥ N.

    >>> qr_cost(30, 20)
    18667
    """
    return _batch(_core.qr_cost(m, n), batch)


def eig_cost(n: int, batch: int = 1) -> int:
    """``linalg.eig``: 10·n³."""
    return _batch(_core.eig_cost(n), batch)


eigvals_cost = eig_cost


def eigh_cost(n: int, batch: int = 1) -> int:
    """``linalg.eigh``: 4·n³/3."""
    return _batch(_core.eigh_cost(n), batch)


eigvalsh_cost = eigh_cost


def solve_cost(n: int, nrhs: int = 1, symmetric: bool = False, batch: int = 1) -> int:
    """``linalg.solve``: 2·n³/3 + n²·nrhs (symmetric `a`: n³/3 + n·nrhs).

    >>> solve_cost(20), solve_cost(20, symmetric=True)
    (5733, 2686)
    """
    return _batch(_core.solve_cost(n, nrhs, symmetric), batch)


def inv_cost(n: int, symmetric: bool = False, batch: int = 1) -> int:
    """``linalg.inv``: n³ (symmetric: n³/3 + n³/2)."""
    return _batch(_core.inv_cost(n, symmetric), batch)


def det_cost(n: int, symmetric: bool = False, batch: int = 1) -> int:
    """``linalg.det``: n³ (symmetric: n³/3)."""
    return _batch(_core.det_cost(n, symmetric), batch)


slogdet_cost = det_cost


def tensorinv_cost(n: int) -> int:
    """``linalg.tensorinv``: n³, n the product of the leading dimensions."""
    return _core.tensor_inv_cost(n)


tensorsolve_cost = tensorinv_cost


def vector_norm_cost(n: int, ord=None, batch: int = 1) -> int:
    """A vector norm of `n` elements: n for ord in {None, ±1, ±2, ±inf, 0}, else 2n."""
    return _batch(_core.vector_norm_cost(n, ord), batch)


def matrix_norm_cost(m: int, n: int, ord="fro", batch: int = 1) -> int:
    """A matrix norm: 'fro' 2·m·n; ±1, ±inf m·n; ±2, 'nuc' m·n·min(m, n)."""
    return _batch(_core.matrix_norm_cost(m, n, ord), batch)


def matrix_power_cost(n: int, k: int, batch: int = 1) -> int:
    """``linalg.matrix_power``: (⌊lg k⌋ + popcount(k) - 1) products of 2·n³; k < 0 adds n³."""
    return _batch(_core.matrix_power_cost(n, k), batch)


def norm_cost(shape, ord=None, axis=None) -> int:
    """``linalg.norm`` of an array of `shape` with NumPy's `ord` and `axis`.

    >>> norm_cost((4, 5), "fro"), norm_cost((10,))
    (40, 10)
    """
    from mechestim.linalg import norm_cost_of

    return norm_cost_of(tuple(shape), ord, axis)


def trace_cost(shape, offset: int = 0) -> int:
    """``linalg.trace`` (over the last two axes): the diagonal's length x batch.

    >>> trace_cost((3, 9, 12))
    27
    """
    return _core.trace_cost(list(shape), offset, -2, -1)


def cross_cost(a_shape, b_shape, axis: int = -1) -> int:
    """``cross`` / ``linalg.cross``: 3 x numel(output).

    >>> cross_cost((10, 3), (10, 3))
    90
    """
    return _core.cross_cost(list(a_shape), list(b_shape), axis, axis)


def multi_dot_cost(shapes) -> int:
    """``linalg.multi_dot``: the einsum of the chain on its optimal order.

    >>> multi_dot_cost([(10, 20), (20, 30), (30, 5)])
    8000
    """
    from mechestim.linalg import _chain_subscripts

    shapes = [tuple(s) for s in shapes]
    return einsum_cost(_chain_subscripts(shapes), shapes, optimize="optimal")


# -- FFT ---------------------------------------------------------------------------------------


def fft_cost(n: int, batch: int = 1) -> int:
    """``fft``/``ifft`` of length `n`: 5·n·⌈lg n⌉ per transform.

    >>> fft_cost(1024), fft_cost(256, batch=4)
    (51200, 40960)
    """
    return _core.fft_cost(n, batch)


ifft_cost = fft_cost


def rfft_cost(n: int, batch: int = 1) -> int:
    """``rfft`` of length `n`: 5·(n/2)·⌈lg n⌉ per transform.

    >>> rfft_cost(1024)
    25600
    """
    return _core.rfft_cost(n, batch)


def irfft_cost(n: int, batch: int = 1) -> int:
    """``irfft`` producing `n` points: 5·(n/2)·⌈lg n⌉ per transform."""
    return _core.rfft_cost(n, batch)


def hfft_cost(n_out: int, batch: int = 1) -> int:
    """``hfft``/``ihfft`` with `n_out` output points: 5·n_out·⌈lg n_out⌉ per transform."""
    return _core.fft_cost(n_out, batch)


ihfft_cost = hfft_cost


def fftn_cost(shape, s=None, axes=None) -> int:
    """``fftn``/``fft2``/``ifftn`` of an array of `shape`: 5·N·⌈lg N⌉ x batch.

    >>> fftn_cost((32, 32))
    51200
    """
    return _core.fftn_axes_cost(list(shape), s, axes, "fftn")


def rfftn_cost(shape, s=None, axes=None) -> int:
    """``rfftn``/``rfft2``: 5·(N/2)·⌈lg N⌉ x batch.

    >>> rfftn_cost((16, 16))
    5120
    """
    return _core.fftn_axes_cost(list(shape), s, axes, "rfftn")


def irfftn_cost(shape, s=None, axes=None) -> int:
    """``irfftn``/``irfft2`` of an input of `shape`: 5·(N/2)·⌈lg N⌉ x batch."""
    return _core.fftn_axes_cost(list(shape), s, axes, "irfftn")


# -- random ------------------------------------------------------------------------------------


def _size(size):
    if size is None:
        return None
    return [int(size)] if isinstance(size, (int,)) else [int(d) for d in size]


def sampler_cost(size=None, dim: int | None = None) -> int:
    """A sampler drawing `size` values (``None``: one), each of `dim` numbers for a
    multivariate sampler: one FLOP per number produced.

    >>> sampler_cost((5, 5)), sampler_cost(10, dim=3)
    (25, 30)
    """
    return _core.sampler_cost(_size(size) if size is not None else [], [], [dim] if dim else [])


def permutation_cost(n: int) -> int:
    """``permutation``/``shuffle`` of `n` items: n·⌈lg n⌉.

    >>> permutation_cost(16)
    64
    """
    return _core.shuffle_cost(n)


def choice_cost(n: int, size=None, replace: bool = True) -> int:
    """``choice`` of `size` draws from `n` items: numel(output) with replacement,
    n·⌈lg n⌉ without."""
    return _core.choice_cost(n, _size(size), [], replace)


# -- polynomials and windows -------------------------------------------------------------------


def polyval_cost(deg: int, m: int) -> int:
    """``polyval`` of degree `deg` at `m` points: 2·m·deg.

    >>> polyval_cost(3, 100)
    600
    """
    return _core.polyval_cost(deg + 1, m)


def polyadd_cost(n1: int, n2: int) -> int:
    """``polyadd``/``polysub`` of `n1` and `n2` coefficients: max(n1, n2)."""
    return _core.polyadd_cost(n1, n2)


polysub_cost = polyadd_cost


def polymul_cost(n1: int, n2: int) -> int:
    """``polymul``/``polydiv`` of `n1` and `n2` coefficients: n1·n2."""
    return _core.polymul_cost(n1, n2)


polydiv_cost = polymul_cost


def polyfit_cost(m: int, deg: int) -> int:
    """``polyfit`` of `m` points with degree `deg`: 2·m·(deg+1)².

    >>> polyfit_cost(50, 3)
    1600
    """
    return _core.polyfit_cost(m, deg)


def poly_cost(n: int) -> int:
    """``poly`` from `n` roots: n²."""
    return _core.poly_cost(n)


def polyder_cost(n: int, m: int = 1) -> int:
    """``polyder`` of order `m` of `n` coefficients: Σ max(n - k, 0) over k < m.

    >>> polyder_cost(4, 2)
    7
    """
    return _core.polyder_cost(n, m)


def polyint_cost(n: int, m: int = 1) -> int:
    """``polyint`` of order `m` of `n` coefficients: m·n + m(m-1)/2."""
    return _core.polyint_cost(n, m)


def roots_cost(deg: int) -> int:
    """``roots`` of a polynomial of degree `deg`: 10·deg³."""
    return _core.roots_cost(deg + 1)


def _window(trigonometric: bool):
    def cost(M: int) -> int:
        return _core.window_cost(M, trigonometric)

    return cost


bartlett_cost = _window(False)
hamming_cost = _window(False)
hanning_cost = _window(False)
blackman_cost = _window(True)
kaiser_cost = _window(True)
for _name, _text in [
    ("bartlett", "M"),
    ("hamming", "M"),
    ("hanning", "M"),
    ("blackman", "3M"),
    ("kaiser", "3M"),
]:
    globals()[f"{_name}_cost"].__name__ = f"{_name}_cost"
    globals()[f"{_name}_cost"].__doc__ = f"``{_name}`` window of `M` points: {_text}."
