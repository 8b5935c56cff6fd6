"""Linear algebra (``numpy.linalg``), priced by the cost model's formulas.

Every function has NumPy's signature and values. A stack of matrices costs
the per-matrix formula times the number of matrices; a symmetric input (a
:class:`mechestim.SymmetricTensor` symmetric in its last two axes) takes the
cheaper formula where the model gives one (``solve``, ``inv``, ``det``,
``slogdet``). Costs are computed in the core crate before NumPy runs; bad
shapes are refused before anything is charged.
"""

from __future__ import annotations

import math
from inspect import signature

import numpy as _np

from mechestim import _core, _einsum
from mechestim._dispatch import plain as _plain
from mechestim._dispatch import wrap as _wrap
from mechestim._symmetric import SymmetricTensor as _SymmetricTensor
from mechestim._symmetric import _make as _make_symmetric
from mechestim.errors import InvalidArgumentError, ShapeError, UnsupportedFunctionError

__all__ = [
    "cholesky",
    "cond",
    "cross",
    "det",
    "diagonal",
    "eig",
    "eigh",
    "eigvals",
    "eigvalsh",
    "inv",
    "lstsq",
    "matmul",
    "matrix_norm",
    "matrix_power",
    "matrix_rank",
    "matrix_transpose",
    "multi_dot",
    "norm",
    "outer",
    "pinv",
    "qr",
    "slogdet",
    "solve",
    "svd",
    "svdvals",
    "tensordot",
    "tensorinv",
    "tensorsolve",
    "trace",
    "vecdot",
    "vector_norm",
]

LinAlgError = _np.linalg.LinAlgError


def _shape(x) -> tuple:
    return _core.operand_shapes(_plain(x))[0]


def _matrices(x, name: str, square: bool = False) -> tuple[int, int, int]:
    """``(batch, m, n)`` of a stack of matrices, refusing other shapes."""
    shape = _shape(x)
    if len(shape) < 2:
        raise ShapeError(f"linalg.{name}: expected a matrix or a stack of matrices, got shape {shape}")
    m, n = shape[-2:]
    if square and m != n:
        raise ShapeError(f"linalg.{name}: expected square matrices, got shape {shape}")
    return math.prod(shape[:-2]), m, n


def _is_symmetric_matrix(x) -> bool:
    """Whether `x` is declared symmetric under swapping its last two axes."""
    if x.__class__ is not _SymmetricTensor or x.ndim < 2:
        return False
    swap = list(range(x.ndim))
    swap[-2], swap[-1] = swap[-1], swap[-2]
    return tuple(swap) in set(x.symmetry_group)


def _priced(name: str, cost, result=None, extra: dict | None = None):
    """A wrapper of ``numpy.linalg.<name>`` charging ``cost(arguments)`` first.

    `result(value, arguments)` post-processes NumPy's value (default: view as
    ``me.ndarray``); `extra` adds keyword-only parameters beyond NumPy's.
    """
    np_fn = getattr(_np.linalg, name)
    sig = signature(np_fn)
    if extra:
        params = list(sig.parameters.values())
        params += [_inspect_param(k, v) for k, v in extra.items() if k not in sig.parameters]
        sig = sig.replace(parameters=params)
    op = _core.op_id(f"linalg.{name}")

    def wrapper(*args, **kwargs):
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        arguments = bound.arguments
        _core.charge(op, cost(arguments))
        call = {k: _plain_all(v) for k, v in arguments.items() if not extra or k not in extra}
        positional = [call.pop(p.name) for p in sig.parameters.values() if p.kind == p.POSITIONAL_ONLY]
        call = {k: v for k, v in call.items() if v is not _NO_VALUE}
        value = np_fn(*positional, **call)
        return result(value, arguments) if result is not None else _wrap(value)

    wrapper.__signature__ = sig
    wrapper.__name__ = wrapper.__qualname__ = name
    wrapper.__module__ = __name__
    wrapper.__doc__ = (
        f"``numpy.linalg.{name}``, charged before it runs; same signature and values.\n\n"
        f"Cost: {_FORMULAS[name]}, times the number of matrices in a stack."
    )
    return wrapper


def _plain_all(v):
    if isinstance(v, (list, tuple)):
        return type(v)(_plain(x) for x in v)
    return _plain(v)


_FORMULAS = {
    row[0][len("linalg.") :]: row[4] for row in _core.registry_rows() if row[0].startswith("linalg.")
}


_NO_VALUE = signature(_np.linalg.pinv).parameters["rtol"].default


def _inspect_param(name: str, default):
    from inspect import Parameter

    return Parameter(name, Parameter.KEYWORD_ONLY, default=default)


def _per_matrix(name: str, cost_fn, square: bool = False):
    """Cost = per-matrix `cost_fn(m, n)` (or `cost_fn(n)` when square) * batch."""

    def cost(a):
        batch, m, n = _matrices(next(iter(a.values())), name, square)
        per = cost_fn(n) if square else cost_fn(m, n)
        return _core.batched_cost(per, batch)

    return cost


# -- decompositions and eigenvalues ------------------------------------------------------------


def _svd_cost(a):
    batch, m, n = _matrices(a["a"], "svd")
    k = a["k"]
    if k is not None and (isinstance(k, bool) or not isinstance(k, (int, _np.integer)) or k < 1):
        raise InvalidArgumentError(f"linalg.svd: k must be a positive integer, got {k!r}")
    return _core.batched_cost(_core.svd_cost(m, n, k), batch)


def _svd_result(value, a):
    k = a["k"]
    if k is None:
        return _wrap(value)
    if not a["compute_uv"]:
        return _wrap(value[..., :k])
    u, s, vh = value
    return type(value)(_wrap(u[..., :, :k]), _wrap(s[..., :k]), _wrap(vh[..., :k, :]))


svd = _priced("svd", _svd_cost, _svd_result, extra={"k": None})
svdvals = _priced("svdvals", _per_matrix("svdvals", _core.mn_min_cost))
cholesky = _priced("cholesky", _per_matrix("cholesky", _core.cholesky_cost, square=True))
qr = _priced("qr", _per_matrix("qr", _core.qr_cost))
eig = _priced("eig", _per_matrix("eig", _core.eig_cost, square=True))
eigvals = _priced("eigvals", _per_matrix("eigvals", _core.eig_cost, square=True))
eigh = _priced("eigh", _per_matrix("eigh", _core.eigh_cost, square=True))
eigvalsh = _priced("eigvalsh", _per_matrix("eigvalsh", _core.eigh_cost, square=True))
pinv = _priced("pinv", _per_matrix("pinv", _core.mn_min_cost))
cond = _priced("cond", _per_matrix("cond", _core.mn_min_cost))


def _lstsq_cost(a):
    a_shape, b_shape = _shape(a["a"]), _shape(a["b"])
    if len(a_shape) != 2 or len(b_shape) not in (1, 2) or b_shape[0] != a_shape[0]:
        raise ShapeError(
            f"linalg.lstsq: expected a of shape (m, n) and b of shape (m,) or (m, k), got {a_shape} and {b_shape}"
        )
    return _core.mn_min_cost(*a_shape)


lstsq = _priced("lstsq", _lstsq_cost)


def _matrix_rank_cost(a):
    shape = _shape(a["A"])
    if len(shape) < 2:
        return math.prod(shape)
    batch, m, n = _matrices(a["A"], "matrix_rank")
    return _core.batched_cost(_core.mn_min_cost(m, n), batch)


matrix_rank = _priced("matrix_rank", _matrix_rank_cost)


# -- solving and inverting ---------------------------------------------------------------------


def _solve_cost(a):
    batch_a, n, _ = _matrices(a["a"], "solve", square=True)
    b_shape = _shape(a["b"])
    if len(b_shape) == 1:
        nrhs, b_batch = 1, ()
        if b_shape[0] != n:
            raise ShapeError(f"linalg.solve: b of shape {b_shape} does not match a of {n}x{n}")
    else:
        nrhs, b_batch = b_shape[-1], b_shape[:-2]
        if b_shape[-2] != n:
            raise ShapeError(f"linalg.solve: b of shape {b_shape} does not match a of {n}x{n}")
    try:
        batch = math.prod(_np.broadcast_shapes(_shape(a["a"])[:-2], tuple(b_batch)))
    except ValueError as err:
        raise ShapeError(f"linalg.solve: {err}") from None
    del batch_a
    return _core.batched_cost(_core.solve_cost(n, nrhs, _is_symmetric_matrix(a["a"])), batch)


solve = _priced("solve", _solve_cost)


def _symmetric_cost(name: str, cost_fn):
    def cost(a):
        x = a["a"]
        batch, n, _ = _matrices(x, name, square=True)
        return _core.batched_cost(cost_fn(n, _is_symmetric_matrix(x)), batch)

    return cost


def _inv_result(value, a):
    if _is_symmetric_matrix(a["a"]):
        return _make_symmetric(value, a["a"].symmetry_group)
    return _wrap(value)


inv = _priced("inv", _symmetric_cost("inv", _core.inv_cost), _inv_result)
det = _priced("det", _symmetric_cost("det", _core.det_cost))
slogdet = _priced("slogdet", _symmetric_cost("slogdet", _core.det_cost))


def _tensorsolve_cost(a):
    a_shape, b_shape = _shape(a["a"]), _shape(a["b"])
    n = math.prod(b_shape)
    if a["axes"] is None and (len(a_shape) < len(b_shape) or math.prod(a_shape) != n * n):
        raise ShapeError(
            f"linalg.tensorsolve: a of shape {a_shape} is not square for b of shape {b_shape} "
            "(prod(a.shape) must be prod(b.shape)**2)"
        )
    return _core.tensor_inv_cost(n)


def _tensorinv_cost(a):
    ind = a["ind"]
    if isinstance(ind, bool) or not isinstance(ind, int) or ind <= 0:
        raise InvalidArgumentError(f"linalg.tensorinv: ind must be a positive integer, got {ind!r}")
    shape = _shape(a["a"])
    n = math.prod(shape[:ind])
    if n != math.prod(shape[ind:]):
        raise ShapeError(
            f"linalg.tensorinv: prod(a.shape[:ind]) must equal prod(a.shape[ind:]), got shape {shape}, ind={ind}"
        )
    return _core.tensor_inv_cost(n)


tensorsolve = _priced("tensorsolve", _tensorsolve_cost)
tensorinv = _priced("tensorinv", _tensorinv_cost)


def _matrix_power_cost(a):
    batch, n, _ = _matrices(a["a"], "matrix_power", square=True)
    k = a["n"]
    if isinstance(k, bool) or not isinstance(k, (int, _np.integer)):
        raise InvalidArgumentError(f"linalg.matrix_power: the exponent must be an integer, got {k!r}")
    return _core.batched_cost(_core.matrix_power_cost(n, int(k)), batch)


matrix_power = _priced("matrix_power", _matrix_power_cost)


# -- norms -------------------------------------------------------------------------------------


def _axes(axis, ndim: int) -> tuple:
    if axis is None:
        return tuple(range(ndim))
    axes = axis if isinstance(axis, (tuple, list)) else (axis,)
    try:
        return _np.lib.array_utils.normalize_axis_tuple(tuple(axes), ndim)
    except _np.exceptions.AxisError as err:
        from mechestim.errors import AxisError

        raise AxisError(str(err)) from None


def _vector_cost(shape: tuple, axes: tuple, ord) -> int:
    n = math.prod(shape[a] for a in axes)
    batch = math.prod(shape) // n if n else 0
    return _core.batched_cost(_core.vector_norm_cost(n, ord), batch)


def _matrix_cost(shape: tuple, axes: tuple, ord) -> int:
    m, n = shape[axes[0]], shape[axes[1]]
    batch = math.prod(shape) // (m * n) if m * n else 0
    return _core.batched_cost(_core.matrix_norm_cost(m, n, ord), batch)


def _norm_cost(a):
    return norm_cost_of(_shape(a["x"]), a["ord"], a["axis"])


def norm_cost_of(shape: tuple, ord=None, axis=None) -> int:
    """The cost of ``norm`` of an array of `shape` (shared with ``me.flops.norm_cost``)."""
    shape = tuple(shape)
    if axis is None:
        if ord is None and len(shape) != 2:
            return math.prod(shape)  # the 2-norm of the flattened array
        if len(shape) == 1:
            return _vector_cost(shape, (0,), ord)
        if len(shape) == 2:
            return _matrix_cost(shape, (0, 1), ord)
        raise ShapeError(f"linalg.norm: ord={ord!r} needs a 1-d or 2-d array or an axis, got shape {shape}")
    axes = _axes(axis, len(shape))
    if len(axes) == 1:
        return _vector_cost(shape, axes, ord)
    if len(axes) == 2:
        return _matrix_cost(shape, axes, ord)
    raise ShapeError(f"linalg.norm: axis must name one or two axes, got {axis!r}")


def _vector_norm_cost(a):
    shape = _shape(a["x"])
    return _vector_cost(shape, _axes(a["axis"], len(shape)), a["ord"])


def _matrix_norm_cost(a):
    shape = _shape(a["x"])
    if len(shape) < 2:
        raise ShapeError(f"linalg.matrix_norm: expected a matrix or a stack of matrices, got shape {shape}")
    return _matrix_cost(shape, (len(shape) - 2, len(shape) - 1), a["ord"])


norm = _priced("norm", _norm_cost)
vector_norm = _priced("vector_norm", _vector_norm_cost)
matrix_norm = _priced("matrix_norm", _matrix_norm_cost)


# -- products and the rest ---------------------------------------------------------------------


def _chain_subscripts(shapes) -> str:
    """Einsum subscripts of a matrix chain; a vector at either end takes the shared index."""
    letters = _einsum._LETTERS
    terms, k = [], 0
    for s in shapes:
        if len(s) == 2:
            terms.append(letters[k] + letters[k + 1])
            k += 1
        else:
            terms.append(letters[k])
    out = (letters[0] if len(shapes[0]) == 2 else "") + (letters[k] if len(shapes[-1]) == 2 else "")
    return ",".join(terms) + "->" + out


def _multi_dot_cost(a):
    arrays = list(a["arrays"])
    if len(arrays) < 2:
        raise ShapeError("linalg.multi_dot: expected at least two arrays")
    shapes = [_shape(x) for x in arrays]
    if (
        any(len(s) != 2 for s in shapes[1:-1])
        or len(shapes[0]) not in (1, 2)
        or len(shapes[-1]) not in (1, 2)
    ):
        raise ShapeError(
            f"linalg.multi_dot: the first and last arrays must be 1-d or 2-d, the others 2-d; got {shapes}"
        )
    subscripts = _chain_subscripts(shapes)
    _, _, cost, refusal = _einsum._plan(subscripts, tuple(shapes), "optimal")
    if refusal is not None:
        raise refusal
    return cost


multi_dot = _priced("multi_dot", _multi_dot_cost)


def _trace_cost(a):
    return _core.trace_cost(list(_shape(a["x"])), a["offset"], -2, -1)


trace = _priced("trace", _trace_cost)


def matmul(x1, x2, /):
    """Matrix product (``numpy.linalg.matmul``); priced as ``me.matmul``."""
    import mechestim

    return mechestim.matmul(x1, x2)


def outer(x1, x2, /):
    """Outer product of two vectors (``numpy.linalg.outer``); priced as ``me.outer``."""
    import mechestim

    if _np.ndim(_plain(x1)) != 1 or _np.ndim(_plain(x2)) != 1:
        raise ShapeError("linalg.outer: both inputs must be 1-d")
    return mechestim.outer(x1, x2)


def cross(x1, x2, /, *, axis=-1):
    """Cross product (``numpy.linalg.cross``); priced as ``me.cross``."""
    import mechestim

    return mechestim.cross(x1, x2, axis=axis)


def tensordot(x1, x2, /, *, axes=2):
    """Tensor dot product (``numpy.linalg.tensordot``); priced as ``me.tensordot``."""
    import mechestim

    return mechestim.tensordot(x1, x2, axes=axes)


def vecdot(x1, x2, /, *, axis=-1):
    """Vector dot product (``numpy.linalg.vecdot``); priced as ``me.vecdot``."""
    import mechestim

    return mechestim.vecdot(x1, x2, axis=axis)


def diagonal(x, /, *, offset=0):
    """The diagonals of a stack of matrices (``numpy.linalg.diagonal``). Free: a view."""
    return _wrap(_np.linalg.diagonal(_plain(x), offset=offset))


def matrix_transpose(x, /):
    """Transpose a stack of matrices (``numpy.linalg.matrix_transpose``). Free: a view."""
    return _wrap(_np.linalg.matrix_transpose(_plain(x)))


def __getattr__(name: str):
    _core.op_id(f"linalg.{name}")  # blocked or unknown names raise UnsupportedFunctionError
    raise UnsupportedFunctionError(f"mechestim does not provide linalg.{name}", f"linalg.{name}", "", "")
