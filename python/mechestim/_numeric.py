"""Numerical helpers priced by shape: differences and integrals (diff, ediff1d,
gradient, unwrap, trapezoid, interp), convolutions, covariance and correlation,
comparisons (allclose, array_equal, array_equiv, isclose, clip), logspace,
geomspace, vander, trace, kron and cross.

Every function computes its cost from shapes and parameters, charges it, and
only then lets NumPy compute the values on plain ``numpy.ndarray`` views.
"""

from __future__ import annotations

import operator as _operator

import numpy as _np
from numpy._globals import _NoValue

from mechestim import _core
from mechestim._dispatch import plain as _plain
from mechestim._dispatch import wrap as _wrap
from mechestim.errors import AxisError as _AxisError
from mechestim.errors import CostOverflowError as _CostOverflowError
from mechestim.errors import InvalidArgumentError as _InvalidArgumentError
from mechestim.errors import ShapeError as _ShapeError

__all__ = [
    "diff",
    "ediff1d",
    "gradient",
    "unwrap",
    "trapezoid",
    "interp",
    "convolve",
    "correlate",
    "cov",
    "corrcoef",
    "allclose",
    "array_equal",
    "array_equiv",
    "isclose",
    "clip",
    "logspace",
    "geomspace",
    "vander",
    "trace",
    "kron",
    "cross",
]

_shape = _core.operand_shape
_numel = _core.unary_cost

_DIFF = _core.op_id("diff")
_EDIFF1D = _core.op_id("ediff1d")
_GRADIENT = _core.op_id("gradient")
_UNWRAP = _core.op_id("unwrap")
_TRAPEZOID = _core.op_id("trapezoid")
_INTERP = _core.op_id("interp")
_CONVOLVE = _core.op_id("convolve")
_CORRELATE = _core.op_id("correlate")
_COV = _core.op_id("cov")
_CORRCOEF = _core.op_id("corrcoef")
_ALLCLOSE = _core.op_id("allclose")
_ARRAY_EQUAL = _core.op_id("array_equal")
_ARRAY_EQUIV = _core.op_id("array_equiv")
_ISCLOSE = _core.op_id("isclose")
_CLIP = _core.op_id("clip")
_LOGSPACE = _core.op_id("logspace")
_GEOMSPACE = _core.op_id("geomspace")
_VANDER = _core.op_id("vander")
_TRACE = _core.op_id("trace")
_KRON = _core.op_id("kron")
_CROSS = _core.op_id("cross")

_U64_MAX = 2**64 - 1


# -- helpers shared by the hand-written modules ---------------------------------------------------


def _checked(cost: int, what: str) -> int:
    """`cost` (an exact Python int) if it fits in u64, else :class:`CostOverflowError`."""
    if cost > _U64_MAX:
        raise _CostOverflowError(
            f"the FLOP cost of {what} does not fit in 64 bits "
            f"(more than 18,446,744,073,709,551,615 FLOPs); nothing was charged"
        )
    return cost


def _axis_index(axis, ndim: int) -> int:
    """NumPy's ``normalize_axis_index``, raising mechestim's :class:`AxisError`."""
    a = _operator.index(axis)
    if not -ndim <= a < ndim:
        raise _AxisError(f"axis {a} is out of bounds for array of dimension {ndim}")
    return a % ndim


def _axis_tuple(axis, ndim: int) -> list[int]:
    """NumPy's ``normalize_axis_tuple`` (an int or a sequence of ints, no repeats)."""
    if type(axis) not in (tuple, list):
        try:
            axis = [_operator.index(axis)]
        except TypeError:
            axis = list(axis)
    out = [_axis_index(a, ndim) for a in axis]
    if len(set(out)) != len(out):
        raise _AxisError("repeated axis")
    return out


def _plain_seq(xs):
    """Plain views of the arrays in a tuple or list (other objects unchanged)."""
    if type(xs) in (tuple, list):
        return type(xs)(_plain(x) for x in xs)
    return _plain(xs)


# -- differences, integrals, interpolation --------------------------------------------------------


def _extra_length(extra, sa: list, ax: int, what: str) -> int:
    """Length along `ax` that ``prepend``/``append`` add in :func:`diff`."""
    se = _shape(extra)
    if not se:
        return 1
    if len(se) != len(sa) or any(se[i] != sa[i] for i in range(len(sa)) if i != ax):
        raise _ShapeError(
            f"diff: {what} of shape {tuple(se)} does not match a of shape {tuple(sa)} except along axis {ax}"
        )
    return se[ax]


def diff(a, n=1, axis=-1, prepend=_NoValue, append=_NoValue):
    """Calculate the n-th discrete difference along the given axis.

    Cost: numel(output) of every order of difference, summed: with ``L`` values along
    ``axis`` (after ``prepend``/``append``) and ``r`` elements across the other axes,
    ``r * sum(L - k for k in 1..min(n, L))``. Same signature and values as ``numpy.diff``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     d = me.diff(me.array([1.0, 2.0, 4.0, 7.0]), n=2)
    >>> d
    array([1., 1.])
    >>> b.flops_used  # 3 + 2
    5
    """
    sa = _shape(a)
    n = _operator.index(n)
    if n == 0:
        _core.charge(_DIFF, 0)
        return a
    if n < 0:
        raise _InvalidArgumentError(f"order must be non-negative but got {n!r}")
    if not sa:
        raise _ShapeError("diff requires input that is at least one dimensional")
    ax = _axis_index(axis, len(sa))
    length = sa[ax]
    if prepend is not _NoValue:
        length += _extra_length(prepend, sa, ax, "prepend")
    if append is not _NoValue:
        length += _extra_length(append, sa, ax, "append")
    rest = _numel([d for i, d in enumerate(sa) if i != ax])
    t = min(n, length)
    cost = _checked(rest * (t * length - t * (t + 1) // 2), "diff")
    _core.charge(_DIFF, cost)
    return _wrap(_np.diff(_plain(a), n, axis, _plain(prepend), _plain(append)))


def ediff1d(ary, to_end=None, to_begin=None):
    """The differences between consecutive elements of an array.

    Cost: numel(input) FLOPs. Same signature and values as ``numpy.ediff1d``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     d = me.ediff1d(me.array([1.0, 2.0, 4.0, 7.0]), to_begin=0.0)
    >>> d
    array([0., 1., 2., 3.])
    >>> b.flops_used
    4
    """
    _core.charge(_EDIFF1D, _numel(_shape(ary)))
    return _wrap(_np.ediff1d(_plain(ary), _plain(to_end), _plain(to_begin)))


def gradient(f, *varargs, axis=None, edge_order=1):
    """Return the gradient of an N-dimensional array.

    Cost: numel(input) per axis differentiated (every axis when ``axis`` is None).
    Same signature and values as ``numpy.gradient``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     g = me.gradient(me.array([1.0, 2.0, 4.0, 7.0]))
    >>> g
    array([1. , 1.5, 2.5, 3. ])
    >>> b.flops_used
    4
    """
    sf = _shape(f)
    axes = list(range(len(sf))) if axis is None else _axis_tuple(axis, len(sf))
    if len(varargs) not in (0, 1, len(axes)):
        raise TypeError("invalid number of arguments")
    if edge_order > 2:
        raise _InvalidArgumentError("'edge_order' greater than 2 not supported")
    for ax in axes:
        if sf[ax] < edge_order + 1:
            raise _ShapeError(
                "Shape of array too small to calculate a numerical gradient, "
                "at least (edge_order + 1) elements are required."
            )
    spacings = varargs * len(axes) if len(varargs) == 1 else varargs
    for ax, d in zip(axes, spacings):  # noqa: B905 (no spacings given: nothing to check)
        sd = _shape(d)
        if len(sd) == 1 and sd[0] != sf[ax]:
            raise _ShapeError("when 1d, distances must match the length of the corresponding dimension")
        if len(sd) > 1:
            raise _ShapeError("distances must be either scalars or 1d")
    cost = _checked(len(axes) * _numel(sf), "gradient")
    _core.charge(_GRADIENT, cost)
    return _wrap(_np.gradient(_plain(f), *(_plain(v) for v in varargs), axis=axis, edge_order=edge_order))


def unwrap(p, discont=None, axis=-1, *, period=6.283185307179586):
    """Unwrap by taking the complement of large deltas with respect to the period.

    Cost: numel(input) FLOPs. Same signature and values as ``numpy.unwrap``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     u = me.unwrap(me.array([0.0, 1.0, 2.0, 3.0, 4.0]), period=4)
    >>> u
    array([0., 1., 2., 3., 4.])
    >>> b.flops_used
    5
    """
    sp = _shape(p)
    if not sp:
        raise _ShapeError("diff requires input that is at least one dimensional")
    _axis_index(axis, len(sp))
    _core.charge(_UNWRAP, _numel(sp))
    return _wrap(_np.unwrap(_plain(p), _plain(discont), axis, period=_plain(period)))


def trapezoid(y, x=None, dx=1.0, axis=-1):
    """Integrate along the given axis using the composite trapezoidal rule.

    Cost: numel(y) FLOPs. Same signature and values as ``numpy.trapezoid``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     t = me.trapezoid(me.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), axis=1)
    >>> t
    array([ 4., 10.])
    >>> b.flops_used
    6
    """
    sy = _shape(y)
    ax = _axis_index(axis, len(sy))
    if x is not None:
        sx = _shape(x)
        if len(sx) == 1 and sx[0] != sy[ax]:
            raise _ShapeError(f"trapezoid: x has length {sx[0]} but y has {sy[ax]} values along axis {axis}")
    _core.charge(_TRAPEZOID, _numel(sy))
    return _wrap(_np.trapezoid(_plain(y), _plain(x), _plain(dx), axis))


def interp(x, xp, fp, left=None, right=None, period=None):
    """One-dimensional linear interpolation for monotonically increasing sample points.

    Cost: numel(x) FLOPs. Same signature and values as ``numpy.interp``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     y = me.interp(me.array([0.5, 1.5, 2.5]), [0.0, 1.0, 2.0, 3.0], [0.0, 10.0, 20.0, 30.0])
    >>> y
    array([ 5., 15., 25.])
    >>> b.flops_used
    3
    """
    sx = _shape(x)
    sxp, sfp = _shape(xp), _shape(fp)
    if len(sxp) != 1 or len(sfp) != 1:
        raise _ShapeError("interp: xp and fp must be one-dimensional")
    if sxp[0] != sfp[0]:
        raise _ShapeError("fp and xp are not of the same length.")
    if sxp[0] == 0:
        raise _ShapeError("array of sample points is empty")
    if period is not None and period == 0:
        raise _InvalidArgumentError("period must be a non-zero value")
    _core.charge(_INTERP, _numel(sx))
    return _wrap(_np.interp(_plain(x), _plain(xp), _plain(fp), _plain(left), _plain(right), _plain(period)))


# -- convolution ----------------------------------------------------------------------------------


def _convolution_cost(a, v, mode) -> int:
    sa, sv = _shape(a), _shape(v)
    if isinstance(mode, str) and mode not in ("valid", "same", "full"):
        raise _InvalidArgumentError(f"mode must be one of 'valid', 'same', or 'full' (got {mode!r})")
    if len(sa) > 1 or len(sv) > 1:
        raise _ShapeError("object too deep for desired array")
    n, m = _numel(sa), _numel(sv)
    if n == 0:
        raise _ShapeError("a cannot be empty")
    if m == 0:
        raise _ShapeError("v cannot be empty")
    return _core.convolve_cost(n, m)


def convolve(a, v, mode="full"):
    """Returns the discrete, linear convolution of two one-dimensional sequences.

    Cost: n·m FLOPs for sequences of lengths n and m (whatever the mode).
    Same signature and values as ``numpy.convolve``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     c = me.convolve(me.array([1.0, 2.0, 3.0]), [0.0, 1.0, 0.5])
    >>> c
    array([0. , 1. , 2.5, 4. , 1.5])
    >>> b.flops_used
    9
    """
    _core.charge(_CONVOLVE, _convolution_cost(a, v, mode))
    return _wrap(_np.convolve(_plain(a), _plain(v), mode))


def correlate(a, v, mode="valid"):
    """Cross-correlation of two 1-dimensional sequences.

    Cost: n·m FLOPs for sequences of lengths n and m (whatever the mode).
    Same signature and values as ``numpy.correlate``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     c = me.correlate(me.array([1.0, 2.0, 3.0]), [0.0, 1.0, 0.5])
    >>> c
    array([3.5])
    >>> b.flops_used
    9
    """
    _core.charge(_CORRELATE, _convolution_cost(a, v, mode))
    return _wrap(_np.correlate(_plain(a), _plain(v), mode))


# -- covariance -----------------------------------------------------------------------------------


def _variables(shape: list, rowvar: bool, what: str) -> tuple[int, int]:
    """(variables, observations) of `shape` the way ``numpy.cov`` reads it."""
    if len(shape) > 2:
        raise _ShapeError(f"{what} has more than 2 dimensions")
    rows, cols = ([1] * (2 - len(shape)) + list(shape))[-2:]
    if not rowvar and rows != 1:
        rows, cols = cols, rows
    return rows, cols


def _cov_dims(m, y, rowvar, weights=()) -> tuple[int, int]:
    d, nobs = _variables(_shape(m), rowvar, "m")
    if d == 0:  # NumPy returns an empty (0, 0) result before looking at y
        return 0, nobs
    if y is not None:
        dy, ny = _variables(_shape(y), rowvar, "y")
        if ny != nobs:
            raise _ShapeError(f"m has {nobs} observations but y has {ny}")
        d += dy
    for name, w in weights:
        if w is not None:
            sw = _shape(w)
            if len(sw) > 1:
                raise _ShapeError(f"cannot handle multidimensional {name}")
            if sw != [nobs]:
                raise _ShapeError(f"incompatible numbers of samples and {name}")
    return d, nobs


def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *, dtype=None):
    """Estimate a covariance matrix, given data and weights.

    Cost: for d variables and N observations (``rowvar`` respected, ``y`` adds its
    variables), mean and centring 2·d·N plus products 2·d·d·N FLOPs.
    Same signature and values as ``numpy.cov``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     c = me.cov(me.array([[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]]))
    >>> c
    array([[ 1., -1.],
           [-1.,  1.]])
    >>> b.flops_used  # 2*2*3 + 2*2*2*3
    36
    """
    d, nobs = _cov_dims(m, y, rowvar, (("fweights", fweights), ("aweights", aweights)))
    _core.charge(_COV, _core.cov_cost(d, nobs))
    return _wrap(
        _np.cov(_plain(m), _plain(y), rowvar, bias, ddof, _plain(fweights), _plain(aweights), dtype=dtype)
    )


def corrcoef(x, y=None, rowvar=True, *, dtype=None):
    """Return Pearson product-moment correlation coefficients.

    Cost: the covariance of d variables over N observations (2·d·N + 2·d·d·N) plus
    d·d for the normalisation. Same signature and values as ``numpy.corrcoef``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     r = me.corrcoef(me.array([[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]]))
    >>> r
    array([[ 1., -1.],
           [-1.,  1.]])
    >>> b.flops_used  # 36 + 2*2
    40
    """
    d, nobs = _cov_dims(x, y, rowvar)
    _core.charge(_CORRCOEF, _core.cov_cost(d, nobs, True))
    return _wrap(_np.corrcoef(_plain(x), _plain(y), rowvar, dtype=dtype))


# -- comparisons ----------------------------------------------------------------------------------


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Returns True if two arrays are element-wise equal within a tolerance.

    Cost: numel of the broadcast comparison (of ``a``, ``b``, ``rtol``, ``atol``).
    Same signature and values as ``numpy.allclose``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     ok = me.allclose(me.array([[1.0, 2.0]] * 3), [1.0, 2.0 + 1e-9])
    >>> ok
    True
    >>> b.flops_used
    6
    """
    _core.charge(_ALLCLOSE, _core.broadcast_cost_of(a, b, rtol, atol))
    return _wrap(_np.allclose(_plain(a), _plain(b), _plain(rtol), _plain(atol), equal_nan))


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Returns a boolean array where two arrays are element-wise equal within a tolerance.

    Cost: numel of the broadcast comparison (of ``a``, ``b``, ``rtol``, ``atol``).
    Same signature and values as ``numpy.isclose``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     c = me.isclose(me.array([1.0, 2.0, 3.0]), 2.0)
    >>> c
    array([False,  True, False])
    >>> b.flops_used
    3
    """
    _core.charge(_ISCLOSE, _core.broadcast_cost_of(a, b, rtol, atol))
    return _wrap(_np.isclose(_plain(a), _plain(b), _plain(rtol), _plain(atol), equal_nan))


def array_equal(a1, a2, equal_nan=False):
    """True if two arrays have the same shape and elements, False otherwise.

    Cost: numel of the compared arrays; arrays of different shapes cost 0 and are
    unequal. Same signature and values as ``numpy.array_equal``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     same = me.array_equal(me.array([1.0, 2.0]), [1.0, 2.0])
    ...     other = me.array_equal(me.array([1.0, 2.0]), [1.0, 2.0, 3.0])
    >>> same, other
    (True, False)
    >>> b.flops_used
    2
    """
    try:
        s1, s2 = _shape(a1), _shape(a2)
    except ValueError:  # not an array (ragged): NumPy answers False
        _core.charge(_ARRAY_EQUAL, 0)
        return False
    if s1 != s2:
        _core.charge(_ARRAY_EQUAL, 0)
        return False
    _core.charge(_ARRAY_EQUAL, _numel(s1))
    return _wrap(_np.array_equal(_plain(a1), _plain(a2), equal_nan))


def array_equiv(a1, a2):
    """Returns True if input arrays are shape consistent and all elements equal.

    Cost: numel of the broadcast comparison; arrays that do not broadcast cost 0 and
    are not equivalent. Same signature and values as ``numpy.array_equiv``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     eq = me.array_equiv(me.array([[1.0, 2.0], [1.0, 2.0]]), [1.0, 2.0])
    >>> eq
    True
    >>> b.flops_used
    4
    """
    try:
        cost = _core.broadcast_cost_of(a1, a2)
    except _ShapeError:
        cost = 0
    except ValueError:  # not an array (ragged): NumPy answers False
        _core.charge(_ARRAY_EQUIV, 0)
        return False
    _core.charge(_ARRAY_EQUIV, cost)
    return _wrap(_np.array_equiv(_plain(a1), _plain(a2)))


def clip(a, a_min=_NoValue, a_max=_NoValue, out=None, *, min=_NoValue, max=_NoValue, **kwargs):
    """Clip (limit) the values in an array.

    Cost: numel of the broadcast of ``a``, the given bounds (and ``out``).
    Same signature and values as ``numpy.clip``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     c = me.clip(me.array([-2.0, 0.5, 3.0]), 0.0, 1.0)
    >>> c
    array([0. , 0.5, 1. ])
    >>> b.flops_used
    3
    """
    if a_min is _NoValue and a_max is _NoValue:
        lo = None if min is _NoValue else min
        hi = None if max is _NoValue else max
    elif a_min is _NoValue:
        raise TypeError("clip() missing 1 required positional argument: 'a_min'")
    elif a_max is _NoValue:
        raise TypeError("clip() missing 1 required positional argument: 'a_max'")
    elif min is not _NoValue or max is not _NoValue:
        raise _InvalidArgumentError(
            "Passing `min` or `max` keyword argument when `a_min` and `a_max` are provided is forbidden."
        )
    else:
        lo, hi = a_min, a_max
    operands = [a, *(x for x in (lo, hi) if x is not None)]
    if out is not None:
        operands.append(out)
    _core.charge(_CLIP, _core.broadcast_cost_of(*operands))
    return _wrap(
        _np.clip(
            _plain(a),
            _plain(a_min),
            _plain(a_max),
            out,
            min=_plain(min),
            max=_plain(max),
            **{k: _plain(v) for k, v in kwargs.items()},
        )
    )


# -- sequences and constructions ------------------------------------------------------------------


def _num(num) -> int:
    n = _operator.index(num)
    if n < 0:
        raise _InvalidArgumentError(f"Number of samples, {n}, must be non-negative.")
    return n


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    """Return numbers spaced evenly on a log scale.

    Cost: one power per value: ``num`` FLOPs (times numel of the broadcast of
    ``start``, ``stop`` and ``base`` when they are arrays).
    Same signature and values as ``numpy.logspace``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     x = me.logspace(0.0, 3.0, 4)
    >>> x
    array([   1.,   10.,  100., 1000.])
    >>> b.flops_used
    4
    """
    per = _core.broadcast_cost_of(start, stop, base)
    cost = _checked(_core.logspace_cost(_num(num)) * per, "logspace")
    _core.charge(_LOGSPACE, cost)
    return _wrap(_np.logspace(_plain(start), _plain(stop), num, endpoint, _plain(base), dtype, axis))


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    """Return numbers spaced evenly on a log scale (a geometric progression).

    Cost: one power per value: ``num`` FLOPs (times numel of the broadcast of
    ``start`` and ``stop`` when they are arrays).
    Same signature and values as ``numpy.geomspace``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     x = me.geomspace(1.0, 1000.0, 4)
    >>> x
    array([   1.,   10.,  100., 1000.])
    >>> b.flops_used
    4
    """
    per = _core.broadcast_cost_of(start, stop)
    cost = _checked(_core.logspace_cost(_num(num)) * per, "geomspace")
    _core.charge(_GEOMSPACE, cost)
    return _wrap(_np.geomspace(_plain(start), _plain(stop), num, endpoint, dtype, axis))


def vander(x, N=None, increasing=False):
    """Generate a Vandermonde matrix.

    Cost: len(x)·(N-1) FLOPs (``N`` defaults to len(x)).
    Same signature and values as ``numpy.vander``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     v = me.vander(me.array([1.0, 2.0, 3.0]), 3)
    >>> v
    array([[1., 1., 1.],
           [4., 2., 1.],
           [9., 3., 1.]])
    >>> b.flops_used
    6
    """
    sx = _shape(x)
    if len(sx) != 1:
        raise _ShapeError("x must be a one-dimensional array or sequence.")
    cols = sx[0] if N is None else _operator.index(N)
    if cols < 0:
        raise _ShapeError("negative dimensions are not allowed")
    _core.charge(_VANDER, _core.vander_cost(sx[0], cols))
    return _wrap(_np.vander(_plain(x), N, increasing))


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    """Return the sum along diagonals of the array.

    Cost: the length of the ``offset`` diagonal, times the number of stacked matrices.
    Same signature and values as ``numpy.trace``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     t = me.trace(me.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    >>> t
    np.float64(6.0)
    >>> b.flops_used
    2
    """
    sa = _shape(a)
    _core.charge(_TRACE, _core.trace_cost(sa, _operator.index(offset), axis1, axis2))
    return _wrap(_np.trace(_plain(a), offset, axis1, axis2, dtype, out))


def kron(a, b):
    """Kronecker product of two arrays.

    Cost: numel(output) FLOPs. Same signature and values as ``numpy.kron``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     k = me.kron(me.array([1.0, 10.0]), [1.0, 2.0, 3.0])
    >>> k
    array([ 1.,  2.,  3., 10., 20., 30.])
    >>> b.flops_used
    6
    """
    _core.charge(_KRON, _core.kron_cost(_shape(a), _shape(b)))
    return _wrap(_np.kron(_plain(a), _plain(b)))


def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """Return the cross product of two (arrays of) vectors.

    Cost: 3·numel(output) FLOPs. Same signature and values as ``numpy.cross``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     c = me.cross(me.array([1.0, 0.0, 0.0]), [0.0, 1.0, 0.0])
    >>> c
    array([0., 0., 1.])
    >>> b.flops_used
    9
    """
    if axis is not None:
        axisa, axisb, axisc = (axis,) * 3
    sa, sb = _shape(a), _shape(b)
    cost = _core.cross_cost(sa, sb, axisa, axisb)
    ia, ib = _axis_index(axisa, len(sa)), _axis_index(axisb, len(sb))
    if sa[ia] == 3 or sb[ib] == 3:
        rest_a = [d for i, d in enumerate(sa) if i != ia]
        rest_b = [d for i, d in enumerate(sb) if i != ib]
        _axis_index(axisc, len(_np.broadcast_shapes(tuple(rest_a), tuple(rest_b))) + 1)
    _core.charge(_CROSS, cost)
    return _wrap(_np.cross(_plain(a), _plain(b), axisa, axisb, axisc))
