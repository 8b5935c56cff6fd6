"""Value tests, selections, gathers, scatters, casts and NumPy's index tricks.

Principle 3 of the cost model ("no free compute"): anything whose result
depends on element values is counted at one FLOP per element examined or
written. Every cost here is computed from shapes and arguments (never from
values) and charged before NumPy runs; where the exact count would depend on
values (``compress``), the analytical bound from shapes is charged instead.

Index construction (``mgrid``, ``ogrid``, ``r_``, ``c_``, ``s_``,
``index_exp``, ``newaxis``) is free.
"""

from __future__ import annotations

import math as _math
import operator as _operator

import numpy as _np

from mechestim import _core
from mechestim._dispatch import plain as _plain
from mechestim._dispatch import wrap as _wrap
from mechestim.errors import AxisError as _AxisError
from mechestim.errors import CostOverflowError as _CostOverflowError
from mechestim.errors import InvalidArgumentError as _InvalidArgumentError
from mechestim.errors import ShapeError as _ShapeError

__all__ = [
    "nonzero",
    "argwhere",
    "flatnonzero",
    "where",
    "select",
    "compress",
    "extract",
    "trim_zeros",
    "asarray_chkfinite",
    "packbits",
    "unpackbits",
    "ravel_multi_index",
    "unravel_index",
    "pad",
    "take",
    "take_along_axis",
    "choose",
    "put",
    "putmask",
    "place",
    "put_along_axis",
    "astype",
    "mgrid",
    "ogrid",
    "r_",
    "c_",
    "s_",
    "index_exp",
    "newaxis",
]

_NONZERO = _core.op_id("nonzero")
_ARGWHERE = _core.op_id("argwhere")
_FLATNONZERO = _core.op_id("flatnonzero")
_WHERE = _core.op_id("where")
_SELECT = _core.op_id("select")
_COMPRESS = _core.op_id("compress")
_EXTRACT = _core.op_id("extract")
_TRIM_ZEROS = _core.op_id("trim_zeros")
_ASARRAY_CHKFINITE = _core.op_id("asarray_chkfinite")
_PACKBITS = _core.op_id("packbits")
_UNPACKBITS = _core.op_id("unpackbits")
_RAVEL_MULTI_INDEX = _core.op_id("ravel_multi_index")
_UNRAVEL_INDEX = _core.op_id("unravel_index")
_PAD = _core.op_id("pad")
_TAKE = _core.op_id("take")
_TAKE_ALONG_AXIS = _core.op_id("take_along_axis")
_CHOOSE = _core.op_id("choose")
_PUT = _core.op_id("put")
_PUTMASK = _core.op_id("putmask")
_PLACE = _core.op_id("place")
_PUT_ALONG_AXIS = _core.op_id("put_along_axis")
_ASTYPE = _core.op_id("astype")

_nd = _np.ndarray
_U64_MAX = (1 << 64) - 1
_ZERO_D_NONZERO = "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead."
#: ``pad`` modes that only copy or fill (free) and those that compute (numel(output)).
_PAD_COPYING = ("constant", "edge", "reflect", "symmetric", "wrap", "empty")
_PAD_COMPUTING = ("mean", "median", "maximum", "minimum", "linear_ramp")
_PAD_KWARGS = {
    "empty": (),
    "edge": (),
    "wrap": (),
    "constant": ("constant_values",),
    "linear_ramp": ("end_values",),
    "maximum": ("stat_length",),
    "mean": ("stat_length",),
    "median": ("stat_length",),
    "minimum": ("stat_length",),
    "reflect": ("reflect_type",),
    "symmetric": ("reflect_type",),
}


# ---------------------------------------------------------------------------
# helpers (shape arithmetic and argument checks; nothing here reads values)
# ---------------------------------------------------------------------------


def _charge(op: int, cost: int, name: str) -> None:
    """Charge an exact Python-int cost, refusing one that does not fit in 64 bits."""
    if cost > _U64_MAX:
        raise _CostOverflowError(
            f"the FLOP cost of {name} does not fit in 64 bits "
            "(more than 18,446,744,073,709,551,615 FLOPs); nothing was charged"
        )
    _core.charge(op, cost)


def _shape(x) -> tuple:
    """Shape of an operand (lists converted, non-numeric data refused)."""
    return tuple(_core.operand_shape(x))


def _numel(shape) -> int:
    return _math.prod(shape)


def _axis(axis, ndim: int) -> int:
    """`axis` normalised into ``range(ndim)``, or :class:`AxisError`."""
    ax = _operator.index(axis)
    if not -ndim <= ax < ndim:
        raise _AxisError(f"axis {ax} is out of bounds for array of dimension {ndim}")
    return ax % ndim


def _axis_tuple(axis, ndim: int) -> tuple:
    try:
        axes = (_operator.index(axis),)
    except TypeError:
        axes = tuple(axis)
    out = tuple(_axis(a, ndim) for a in axes)
    if len(set(out)) != len(out):
        raise _AxisError("repeated axis in `axis` argument")
    return out


def _broadcast(*shapes) -> tuple:
    try:
        return tuple(_np.broadcast_shapes(*shapes))
    except ValueError as e:
        raise _ShapeError(str(e)) from None


def _ints(value) -> tuple:
    """An int or a sequence of ints (NumPy's ``dims`` / ``shape`` arguments) as a tuple."""
    try:
        return (_operator.index(value),)
    except TypeError:
        return tuple(value)


def _index_array(x):
    """`x` as a plain integer (or bool) array for index arithmetic, checked before charging."""
    arr = _np.asarray(_plain(x))
    _shape(arr)  # refuses non-numeric data
    if arr.dtype.kind not in "biu":
        raise TypeError("only int indices permitted")
    return arr


def _check_clipmode(mode) -> None:
    ok = mode is None or (isinstance(mode, str) and mode in ("raise", "wrap", "clip"))
    if not ok and isinstance(mode, int):
        ok = mode in (0, 1, 2)  # NumPy's NPY_CLIP, NPY_WRAP, NPY_RAISE
    if not ok:
        raise _InvalidArgumentError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {mode!r})")


def _check_index_order(order) -> None:
    if order is not None and not (isinstance(order, str) and order.upper() in ("C", "F")):
        raise _InvalidArgumentError("only 'C' or 'F' order is permitted")


def _check_bitorder(bitorder) -> None:
    if not isinstance(bitorder, str):
        raise TypeError(f"bitorder must be str, not {type(bitorder).__name__}")
    if bitorder not in ("big", "little"):
        raise _InvalidArgumentError("'order' must be either 'little' or 'big'")


def _writable_target(a, fname: str) -> None:
    """In-place scatters need a real, writeable array (as NumPy does)."""
    if not isinstance(a, _nd):
        raise TypeError(f"{fname}() argument 1 must be numpy.ndarray, not {type(a).__name__}")
    if not a.flags.writeable:
        raise _InvalidArgumentError("assignment destination is read-only")


def _along_axis_shape(arr_shape: tuple, indices, axis) -> tuple:
    """Shape of ``take_along_axis(arr, indices, axis)`` (also what ``put_along_axis`` writes)."""
    if not _np.issubdtype(indices.dtype, _np.integer):
        raise IndexError("`indices` must be an integer array")
    if axis is None:
        if indices.ndim != 1:
            raise _InvalidArgumentError("when axis=None, `indices` must have a single dimension.")
        return indices.shape
    ax = _axis(axis, len(arr_shape))
    if indices.ndim != len(arr_shape):
        raise _ShapeError("`indices` and `arr` must have the same number of dimensions")
    base = list(arr_shape)
    base[ax] = 1
    return _broadcast(tuple(base), indices.shape)


def _check_assignable(value_shape: tuple, target_shape: tuple) -> None:
    """NumPy's rule for ``x[index] = values``: values broadcast to the indexed shape."""
    v = list(value_shape)
    while v and v[0] == 1 and len(v) > len(target_shape):
        v.pop(0)
    fits = len(v) <= len(target_shape) and all(
        d in (1, t) for d, t in zip(reversed(v), reversed(target_shape), strict=False)
    )
    if not fits:
        raise _ShapeError(
            f"shape mismatch: value array of shape {tuple(value_shape)} could not be broadcast "
            f"to indexing result of shape {tuple(target_shape)}"
        )


def _check_out(out) -> None:
    if out is not None and not isinstance(out, _nd):
        raise TypeError("output must be an array")


def _plain_items(seq):
    """A list of the items of `seq`, each a plain NumPy view if it is a mechestim array."""
    return [_plain(s) for s in seq]


# ---------------------------------------------------------------------------
# value tests and selections
# ---------------------------------------------------------------------------


def nonzero(a):
    """Return the indices of the elements that are non-zero.

    Cost: numel(a) FLOPs (every element is tested). Same signature and values as ``numpy.nonzero``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     rows, cols = me.nonzero(me.array([[3, 0, 0], [0, 4, 5]]))
    >>> rows, cols
    (array([0, 1, 1]), array([0, 1, 2]))
    >>> b.flops_used
    6
    """
    shape = _shape(a)
    if not shape:
        raise _InvalidArgumentError(_ZERO_D_NONZERO)
    _charge(_NONZERO, _numel(shape), "nonzero")
    return _wrap(_np.nonzero(_plain(a)))


def argwhere(a):
    """Find the indices of array elements that are non-zero, grouped by element.

    Cost: numel(a) FLOPs. Same signature and values as ``numpy.argwhere``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     idx = me.argwhere(me.array([[0, 2], [3, 0]]))
    >>> idx
    array([[0, 1],
           [1, 0]])
    >>> b.flops_used
    4
    """
    _charge(_ARGWHERE, _numel(_shape(a)), "argwhere")
    return _wrap(_np.argwhere(_plain(a)))


def flatnonzero(a):
    """Return indices that are non-zero in the flattened version of a.

    Cost: numel(a) FLOPs. Same signature and values as ``numpy.flatnonzero``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     idx = me.flatnonzero(me.array([[0, 2], [3, 0]]))
    >>> idx
    array([1, 2])
    >>> b.flops_used
    4
    """
    _charge(_FLATNONZERO, _numel(_shape(a)), "flatnonzero")
    return _wrap(_np.flatnonzero(_plain(a)))


def where(condition, x=None, y=None, /):
    """Return elements chosen from `x` or `y` depending on `condition`.

    Cost: numel(condition) FLOPs with one argument (``where(c)`` is ``nonzero(c)``);
    numel of the broadcast of condition, x and y with three. Same signature and
    values as ``numpy.where`` (``x`` and ``y`` are given together or not at all).

    Examples
    --------
    >>> import mechestim as me
    >>> c = me.array([[True], [False]])
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.where(c, me.array([[1, 2, 3]]), 0)
    >>> r
    array([[1, 2, 3],
           [0, 0, 0]])
    >>> b.flops_used
    6
    >>> me.where(me.array([0, 7, 0, 9]))
    (array([1, 3]),)
    """
    if x is None and y is None:
        shape = _shape(condition)
        if not shape:
            raise _InvalidArgumentError(_ZERO_D_NONZERO)
        _charge(_WHERE, _numel(shape), "where")
        return _wrap(_np.where(_plain(condition)))
    if x is None or y is None:
        raise _InvalidArgumentError("either both or neither of x and y should be given")
    _charge(_WHERE, _core.broadcast_cost_of(condition, x, y), "where")
    return _wrap(_np.where(_plain(condition), _plain(x), _plain(y)))


def select(condlist, choicelist, default=0):
    """Return an array drawn from elements in choicelist, depending on conditions.

    Cost: len(condlist) * numel(broadcast output) FLOPs (one pass over the output
    per condition); the output is the broadcast of every condition, every choice
    and `default`. Same signature and values as ``numpy.select``.

    Examples
    --------
    >>> import mechestim as me
    >>> x = me.arange(6)
    >>> condlist, choicelist = [x < 2, x > 3], [x, x**2]
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.select(condlist, choicelist, 42)
    >>> r
    array([ 0,  1, 42, 42, 16, 25])
    >>> b.flops_used                        # 2 conditions x 6 output elements
    12
    """
    if len(condlist) != len(choicelist):
        raise _InvalidArgumentError("list of cases must be same length as list of conditions")
    if len(condlist) == 0:
        raise _InvalidArgumentError("select with an empty condition list is not possible")
    conds = [_np.asarray(_plain(c)) for c in condlist]
    for i, c in enumerate(conds):
        if c.dtype.type is not _np.bool_:
            raise TypeError(f"invalid entry {i} in condlist: should be boolean ndarray")
    choices = _plain_items(choicelist)
    default = _plain(default)
    out_shape = _broadcast(*(c.shape for c in conds), *(_shape(c) for c in choices), _shape(default))
    _charge(_SELECT, len(conds) * _numel(out_shape), "select")
    return _wrap(_np.select(conds, choices, default))


def compress(condition, a, axis=None, out=None):
    """Return selected slices of an array along given axis.

    Cost: numel(condition) + numel(a) FLOPs. The cost model's formula is
    numel(condition) + numel(output), but the output's size depends on how many
    conditions are true, so the analytical bound numel(a) (the largest output
    there can be) is charged for it. Same signature and values as ``numpy.compress``.

    Examples
    --------
    >>> import mechestim as me
    >>> a = me.array([[1, 2], [3, 4], [5, 6]])
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.compress([False, True, True], a, axis=0)
    >>> r
    array([[3, 4],
           [5, 6]])
    >>> b.flops_used                        # 3 conditions + 6 elements
    9
    """
    c_shape = _shape(condition)
    if len(c_shape) != 1:
        raise _ShapeError("condition must be a 1-d array")
    a_shape = _shape(a)
    if axis is not None:
        _axis(axis, len(a_shape))
    _check_out(out)
    _charge(_COMPRESS, _numel(c_shape) + _numel(a_shape), "compress")
    return _wrap(_np.compress(_plain(condition), _plain(a), axis, out))


def extract(condition, arr):
    """Return the elements of an array that satisfy some condition.

    Cost: numel(condition) FLOPs. Same signature and values as ``numpy.extract``.

    Examples
    --------
    >>> import mechestim as me
    >>> arr = me.arange(12).reshape((3, 4))
    >>> cond = me.array([[True, False, False, True]] * 3)
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.extract(cond, arr)
    >>> r
    array([ 0,  3,  4,  7,  8, 11])
    >>> b.flops_used
    12
    """
    c_shape = _shape(condition)
    _shape(arr)
    _charge(_EXTRACT, _numel(c_shape), "extract")
    return _wrap(_np.extract(_plain(condition), _plain(arr)))


def trim_zeros(filt, trim="fb", axis=None):
    """Remove values along a dimension which are zero along all other.

    Cost: numel(filt) FLOPs (every element is tested). Same signature and values
    as ``numpy.trim_zeros``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.trim_zeros(me.array([0, 0, 1, 2, 0, 3, 0]))
    >>> r
    array([1, 2, 0, 3])
    >>> b.flops_used
    7
    """
    shape = _shape(filt)
    if trim.lower() not in {"fb", "bf", "f", "b"}:
        raise _InvalidArgumentError(f"unexpected character(s) in `trim`: {trim!r}")
    if axis is not None:
        _axis_tuple(axis, len(shape))
    _charge(_TRIM_ZEROS, _numel(shape), "trim_zeros")
    return _wrap(_np.trim_zeros(_plain(filt), trim, axis))


def asarray_chkfinite(a, dtype=None, order=None):
    """Convert the input to an array, checking for NaNs or Infs.

    Cost: numel(a) FLOPs (every element is tested). Same signature and values
    as ``numpy.asarray_chkfinite``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.asarray_chkfinite([1.0, 2.0, 3.0])
    >>> r
    array([1., 2., 3.])
    >>> b.flops_used
    3
    """
    _charge(_ASARRAY_CHKFINITE, _numel(_shape(a)), "asarray_chkfinite")
    return _wrap(_np.asarray_chkfinite(_plain(a), dtype, order))


def packbits(a, /, axis=None, bitorder="big"):
    """Packs the elements of a binary-valued array into bits in a uint8 array.

    Cost: numel(a) FLOPs (every input element is tested). Same signature and
    values as ``numpy.packbits``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.packbits(me.array([[1, 0, 1], [0, 1, 1]]), axis=-1)
    >>> r
    array([[160],
           [ 96]], dtype=uint8)
    >>> b.flops_used
    6
    """
    arr = _np.asarray(_plain(a))
    shape = _shape(arr)
    if arr.dtype.kind not in "biu":
        raise TypeError("Expected an input array of integer or boolean data type")
    if axis is not None:
        _axis(axis, len(shape))
    _check_bitorder(bitorder)
    _charge(_PACKBITS, _numel(shape), "packbits")
    return _wrap(_np.packbits(arr, axis, bitorder))


def unpackbits(a, /, axis=None, count=None, bitorder="big"):
    """Unpacks elements of a uint8 array into a binary-valued output array.

    Cost: numel(output) FLOPs: 8 bits per input element along `axis` (the whole
    flattened array when `axis` is None), or `count` of them (a negative `count`
    drops that many), times the other axes. Same signature and values as
    ``numpy.unpackbits``.

    Examples
    --------
    >>> import mechestim as me
    >>> a = me.array([[2], [7]], dtype=me.uint8)
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.unpackbits(a, axis=1)
    >>> r
    array([[0, 0, 0, 0, 0, 0, 1, 0],
           [0, 0, 0, 0, 0, 1, 1, 1]], dtype=uint8)
    >>> b.flops_used
    16
    >>> me.unpackbits(a, axis=1, count=-3)
    array([[0, 0, 0, 0, 0],
           [0, 0, 0, 0, 0]], dtype=uint8)
    """
    arr = _np.asarray(_plain(a))
    shape = _shape(arr)
    if arr.dtype.type is not _np.uint8:
        raise TypeError("Expected an input array of unsigned byte data type")
    if axis is None:
        n, rest = _numel(shape), 1
    else:
        ax = _axis(axis, len(shape))
        n, rest = shape[ax], _numel(shape[:ax] + shape[ax + 1 :])
    bits = 8 * n
    if count is None:
        length = bits
    else:
        count = _operator.index(count)
        if count >= 0:
            length = count
        elif -count > bits:
            raise _InvalidArgumentError("-count larger than number of elements")
        else:
            length = bits + count
    _check_bitorder(bitorder)
    _charge(_UNPACKBITS, rest * length, "unpackbits")
    return _wrap(_np.unpackbits(arr, axis, count, bitorder))


def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    """Converts a tuple of index arrays into an array of flat indices.

    Cost: numel(indices) * ndim FLOPs: numel of the broadcast of the index
    arrays, times ``len(dims)`` (one multiply-add per coordinate). Same
    signature and values as ``numpy.ravel_multi_index``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.ravel_multi_index(([3, 6, 6], [4, 5, 1]), (7, 6))
    >>> r
    array([22, 41, 37])
    >>> b.flops_used
    6
    """
    dims_t = _ints(dims)
    parts = [_index_array(m) for m in multi_index]
    if len(parts) != len(dims_t):
        raise _InvalidArgumentError(f"parameter multi_index must be a sequence of length {len(dims_t)}")
    if isinstance(mode, (tuple, list)):
        if len(mode) != len(dims_t):
            raise _InvalidArgumentError(
                f"list of clipmodes has wrong length ({len(mode)} instead of {len(dims_t)})"
            )
        for m in mode:
            _check_clipmode(m)
    else:
        _check_clipmode(mode)
    _check_index_order(order)
    out_shape = _broadcast(*(p.shape for p in parts))
    _charge(_RAVEL_MULTI_INDEX, _numel(out_shape) * len(dims_t), "ravel_multi_index")
    return _wrap(_np.ravel_multi_index(tuple(parts), dims, mode, order))


def unravel_index(indices, shape, order="C"):
    """Converts a flat index or array of flat indices into a tuple of coordinate arrays.

    Cost: numel(indices) * ndim FLOPs, ``ndim = len(shape)`` (one divmod per
    coordinate). Same signature and values as ``numpy.unravel_index``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.unravel_index(me.array([22, 41, 37]), (7, 6))
    >>> r
    (array([3, 6, 6]), array([4, 5, 1]))
    >>> b.flops_used
    6
    """
    idx = _index_array(indices)
    ndim = len(_ints(shape))
    _check_index_order(order)
    _charge(_UNRAVEL_INDEX, _numel(idx.shape) * ndim, "unravel_index")
    return _wrap(_np.unravel_index(_plain(indices), shape, order))


def _pad_pairs(pad_width, ndim: int) -> list:
    """NumPy's normalisation of `pad_width` to ``ndim`` (before, after) pairs (arguments only)."""
    if isinstance(pad_width, dict):
        seq = [(0, 0)] * ndim
        for ax, width in pad_width.items():
            ax = _axis(ax, ndim)
            if isinstance(width, int):
                seq[ax] = (width, width)
            elif isinstance(width, tuple) and len(width) == 2 and all(isinstance(w, int) for w in width):
                seq[ax] = width
            else:
                raise _InvalidArgumentError(
                    f"pad_width dict values must be an int or a (before, after) tuple of ints, got {width!r}"
                )
        pad_width = seq
    pw = _np.asarray(_plain(pad_width))
    if pw.dtype.kind != "i":
        raise TypeError("`pad_width` must be of integral type.")
    if pw.ndim < 3 and pw.size == 1:
        pairs = [(int(pw.ravel()[0]),) * 2] * ndim
    elif pw.ndim < 3 and pw.size == 2 and pw.shape != (2, 1):
        flat = pw.ravel()
        pairs = [(int(flat[0]), int(flat[1]))] * ndim
    else:
        try:
            pairs = [tuple(p) for p in _np.broadcast_to(pw, (ndim, 2)).tolist()]
        except ValueError as e:
            raise _ShapeError(f"pad_width does not fit an array of {ndim} dimensions: {e}") from None
    if any(w < 0 for p in pairs for w in p):
        raise _InvalidArgumentError("index can't contain negative values")
    return pairs


def pad(array, pad_width, mode="constant", **kwargs):
    """Pad an array.

    Cost: 0 FLOPs for the copying modes ``constant``, ``edge``, ``reflect``,
    ``symmetric``, ``wrap`` and ``empty`` (pure data movement); numel(output)
    FLOPs for the computing modes ``mean``, ``median``, ``maximum``, ``minimum``
    and ``linear_ramp``, and for ``reflect``/``symmetric`` with
    ``reflect_type="odd"`` (which computes ``2*edge - reflected``). A callable
    `mode` runs arbitrary Python on the data and cannot be priced: it raises
    :class:`~mechestim.errors.InvalidArgumentError`. Otherwise the same
    signature and values as ``numpy.pad``.

    Examples
    --------
    >>> import mechestim as me
    >>> a = me.array([1, 2, 3])
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.pad(a, (2, 1), mode="edge")
    >>> r, b.flops_used
    (array([1, 1, 1, 2, 3, 3]), 0)
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.pad(a, 1, mode="maximum")
    >>> r, b.flops_used
    (array([3, 1, 2, 3, 3]), 5)
    """
    shape = _shape(array)
    pairs = _pad_pairs(pad_width, len(shape))
    if callable(mode):
        raise _InvalidArgumentError(
            "mechestim.pad does not accept a callable mode: it runs arbitrary Python on the data, "
            "which cannot be priced analytically; use a named mode, or pad with mode='constant' "
            "and fill the border with counted mechestim operations"
        )
    if not isinstance(mode, str) or mode not in _PAD_KWARGS:
        raise _InvalidArgumentError(f"mode '{mode}' is not supported")
    unsupported = set(kwargs) - set(_PAD_KWARGS[mode])
    if unsupported:
        raise _InvalidArgumentError(f"unsupported keyword arguments for mode '{mode}': {unsupported}")
    if mode not in ("constant", "empty"):
        for ax, (before, after) in enumerate(pairs):
            if shape[ax] == 0 and (before or after):
                raise _InvalidArgumentError(
                    f"can't extend empty axis {ax} using modes other than 'constant' or 'empty'"
                )
    out_shape = tuple(n + before + after for n, (before, after) in zip(shape, pairs, strict=True))
    computing = mode in _PAD_COMPUTING or (
        mode in ("reflect", "symmetric") and kwargs.get("reflect_type", "even") == "odd"
    )
    _charge(_PAD, _numel(out_shape) if computing else 0, "pad")
    kwargs = {k: _plain(v) for k, v in kwargs.items()}
    return _wrap(_np.pad(_plain(array), pad_width, mode, **kwargs))


# ---------------------------------------------------------------------------
# data-driven gathers and scatters
# ---------------------------------------------------------------------------


def take(a, indices, axis=None, out=None, mode="raise"):
    """Take elements from an array along an axis.

    Cost: numel(output) FLOPs (one gather per element written): numel(indices)
    times the other axes of `a`. Same signature and values as ``numpy.take``.

    Examples
    --------
    >>> import mechestim as me
    >>> a = me.array([[4, 3, 5], [7, 6, 8]])
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.take(a, [0, 2], axis=1)
    >>> r
    array([[4, 5],
           [7, 8]])
    >>> b.flops_used
    4
    """
    a_shape = _shape(a)
    i_shape = _shape(indices)
    if axis is None:
        out_shape = i_shape
    else:
        ax = _axis(axis, len(a_shape))
        out_shape = a_shape[:ax] + i_shape + a_shape[ax + 1 :]
    _check_clipmode(mode)
    _check_out(out)
    if out is not None and tuple(out.shape) != out_shape:
        raise _ShapeError("output array does not match result of ndarray.take")
    _charge(_TAKE, _numel(out_shape), "take")
    return _wrap(_np.take(_plain(a), _plain(indices), axis, out, mode))


def take_along_axis(arr, indices, axis=-1):
    """Take values from the input array by matching 1d index and data slices.

    Cost: numel(output) FLOPs: numel of `indices` broadcast against the other
    axes of `arr`. Same signature and values as ``numpy.take_along_axis``.

    Examples
    --------
    >>> import mechestim as me
    >>> a = me.array([[10, 30, 20], [60, 40, 50]])
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.take_along_axis(a, me.array([[1], [0]]), axis=1)
    >>> r
    array([[30],
           [60]])
    >>> b.flops_used
    2
    """
    a = _np.asarray(_plain(arr))
    idx = _np.asarray(_plain(indices))
    a_shape = _shape(a)
    _shape(idx)
    out_shape = _along_axis_shape(a_shape, idx, axis)
    _charge(_TAKE_ALONG_AXIS, _numel(out_shape), "take_along_axis")
    return _wrap(_np.take_along_axis(a, idx, axis))


def choose(a, choices, out=None, mode="raise"):
    """Construct an array from an index array and a list of arrays to choose from.

    Cost: numel(output) FLOPs: numel of the broadcast of `a` and every choice.
    Same signature and values as ``numpy.choose``.

    Examples
    --------
    >>> import mechestim as me
    >>> choices = [[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23]]
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     r = me.choose([2, 0, 1, 0], choices)
    >>> r
    array([20,  1, 12,  3])
    >>> b.flops_used
    4
    """
    idx = _np.asarray(_plain(a))
    a_shape = _shape(idx)
    if not _np.can_cast(idx.dtype, _np.intp, "safe"):
        raise TypeError(
            f"Cannot cast array data from {idx.dtype!r} to {_np.dtype(_np.intp)!r} according to the rule 'safe'"
        )
    if isinstance(choices, _nd):
        c_shape = _shape(choices)
        if not c_shape:
            raise TypeError("iteration over a 0-d array")
        n_choices, choice_shapes = c_shape[0], [c_shape[1:]]
        choices = _plain(choices)
    else:
        choices = _plain_items(choices)
        n_choices, choice_shapes = len(choices), [_shape(c) for c in choices]
    if n_choices == 0:
        raise _InvalidArgumentError("0-length sequence.")
    out_shape = _broadcast(a_shape, *choice_shapes)
    _check_clipmode(mode)
    _check_out(out)
    if out is not None and tuple(out.shape) != out_shape:
        raise _ShapeError("choose: invalid shape for output array.")
    _charge(_CHOOSE, _numel(out_shape), "choose")
    return _wrap(_np.choose(idx, choices, out, mode))


def put(a, ind, v, mode="raise"):
    """Replaces specified elements of an array with given values.

    Cost: numel(ind) FLOPs (one scatter per index). Same signature and values
    as ``numpy.put`` (`a` is changed in place; returns None).

    Examples
    --------
    >>> import mechestim as me
    >>> a = me.arange(5)
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     me.put(a, [0, 2], [-44, -55])
    >>> a
    array([-44,   1, -55,   3,   4])
    >>> b.flops_used
    2
    """
    _writable_target(a, "put")
    _shape(a)
    i_shape = _shape(ind)
    _shape(v)
    _check_clipmode(mode)
    _charge(_PUT, _numel(i_shape), "put")
    _np.put(_plain(a), _plain(ind), _plain(v), mode)


def putmask(a, /, mask, values):
    """Changes elements of an array based on conditional and input values.

    Cost: numel(a) FLOPs (every mask element is tested). Same signature and
    values as ``numpy.putmask`` (`a` is changed in place; returns None).

    Examples
    --------
    >>> import mechestim as me
    >>> x = me.arange(6).reshape(2, 3)
    >>> mask, values = x > 2, x**2
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     me.putmask(x, mask, values)
    >>> x
    array([[ 0,  1,  2],
           [ 9, 16, 25]])
    >>> b.flops_used
    6
    """
    if not isinstance(a, _nd):
        raise TypeError("putmask: first argument must be an array")
    _writable_target(a, "putmask")
    a_shape = _shape(a)
    m_shape = _shape(mask)
    _shape(values)
    if _numel(m_shape) != _numel(a_shape):
        raise _ShapeError("putmask: mask and data must be the same size")
    _charge(_PUTMASK, _numel(a_shape), "putmask")
    _np.putmask(_plain(a), _plain(mask), _plain(values))


def place(arr, mask, vals):
    """Change elements of an array based on conditional and input values.

    Cost: numel(arr) FLOPs (every mask element is tested). Same signature and
    values as ``numpy.place`` (`arr` is changed in place; returns None).

    Examples
    --------
    >>> import mechestim as me
    >>> arr = me.arange(6).reshape(2, 3)
    >>> mask = me.array([[False, False, True], [True, True, False]])
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     me.place(arr, mask, [44, 55])
    >>> arr
    array([[ 0,  1, 44],
           [55, 44,  5]])
    >>> b.flops_used
    6
    """
    _writable_target(arr, "place")
    a_shape = _shape(arr)
    m_shape = _shape(mask)
    _shape(vals)
    if _numel(m_shape) != _numel(a_shape):
        raise _ShapeError("place: mask and data must be the same size")
    _charge(_PLACE, _numel(a_shape), "place")
    _np.place(_plain(arr), _plain(mask), _plain(vals))


def put_along_axis(arr, indices, values, axis):
    """Put values into the destination array by matching 1d index and data slices.

    Cost: numel(indices) FLOPs (one scatter per index), counting `indices` as
    broadcast against the other axes of `arr` (the elements actually written).
    Same signature and values as ``numpy.put_along_axis`` (`arr` is changed in
    place; returns None).

    Examples
    --------
    >>> import mechestim as me
    >>> a = me.array([[10, 30, 20], [60, 40, 50]])
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     me.put_along_axis(a, me.array([[1], [0]]), 99, axis=1)
    >>> a
    array([[10, 99, 20],
           [99, 40, 50]])
    >>> b.flops_used
    2
    """
    _writable_target(arr, "put_along_axis")
    a_shape = _shape(arr)
    idx = _np.asarray(_plain(indices))
    _shape(idx)
    target = _along_axis_shape(a_shape, idx, axis)
    _check_assignable(_shape(values), target)
    _charge(_PUT_ALONG_AXIS, _numel(target), "put_along_axis")
    _np.put_along_axis(_plain(arr), idx, _plain(values), axis)


def astype(x, dtype, /, *, copy=True, device=None):
    """Copies an array to a specified data type.

    Cost: numel(x) FLOPs when the dtype changes, 0 when it does not. Same
    signature and values as ``numpy.astype``.

    Examples
    --------
    >>> import mechestim as me
    >>> x = me.array([1, 2, 3])
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     f = me.astype(x, me.float64)
    ...     same = me.astype(x, x.dtype)
    >>> f
    array([1., 2., 3.])
    >>> b.flops_used
    3
    """
    if not isinstance(x, (_nd, _np.generic)):
        raise TypeError(f"Input should be a NumPy array or scalar. It is a {type(x)} instead.")
    if device is not None and device != "cpu":
        raise _InvalidArgumentError(f'Device not understood. Only "cpu" is allowed, but received: {device}')
    shape = _shape(x)
    cost = _numel(shape) if _np.dtype(dtype) != x.dtype else 0
    _charge(_ASTYPE, cost, "astype")
    px = _plain(x)
    result = _np.astype(px, dtype, copy=copy, device=device)
    if result is px and px is not x:
        return x  # copy=False without a cast returns the input itself, as NumPy does
    return _wrap(result)


# ---------------------------------------------------------------------------
# index tricks (free: index construction)
# ---------------------------------------------------------------------------


def _plain_item(k):
    if type(k) is slice:  # slice bounds feed NumPy's own arithmetic: keep it off counted operators
        return slice(_plain(k.start), _plain(k.stop), _plain(k.step))
    return _plain(k)


def _plain_key(key):
    if type(key) is tuple:
        return tuple(_plain_item(k) for k in key)
    return _plain_item(key)


class _IndexTrick:
    """An object used like NumPy's ``np.<name>[...]`` whose array results are mechestim arrays."""

    __slots__ = ("_name", "_numpy")

    def __init__(self, numpy_obj, name: str) -> None:
        self._numpy = numpy_obj
        self._name = name

    def __getitem__(self, key):
        return _wrap(self._numpy[_plain_key(key)])

    def __repr__(self) -> str:
        return f"mechestim.{self._name}"


class _MGridClass(_IndexTrick):
    """An instance which returns a dense multi-dimensional "meshgrid".

    Free (0 FLOPs: index construction); same values as ``numpy.mgrid``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=100, quiet=True) as b:
    ...     g = me.mgrid[0:2, 0:3]
    >>> g
    array([[[0, 0, 0],
            [1, 1, 1]],
           [[0, 1, 2],
            [0, 1, 2]]])
    >>> me.mgrid[-1:1:5j]
    array([-1. , -0.5,  0. ,  0.5,  1. ])
    >>> type(g).__name__, b.flops_used
    ('ndarray', 0)
    """

    __slots__ = ()


class _OGridClass(_IndexTrick):
    """An instance which returns an open multi-dimensional "meshgrid".

    Free (0 FLOPs: index construction); same values as ``numpy.ogrid``.

    Examples
    --------
    >>> import mechestim as me
    >>> me.ogrid[0:2, 0:3]
    (array([[0],
           [1]]), array([[0, 1, 2]]))
    """

    __slots__ = ()


class _AxisConcatenator(_IndexTrick):
    """``r_`` / ``c_``: concatenation by index syntax; the matrix directives are refused."""

    __slots__ = ()

    def __getitem__(self, key):
        first = key[0] if type(key) is tuple and key else key
        if isinstance(key, str) or (isinstance(first, str) and first in ("r", "c")):
            raise _InvalidArgumentError(
                f"mechestim.{self._name} does not build numpy.matrix objects (the 'r'/'c' directives "
                "and matrix strings): matrix arithmetic would bypass FLOP counting (asmatrix is blocked); "
                "build a 2-d array instead, e.g. with the '0,2' directive"
            )
        return super().__getitem__(key)

    def __len__(self) -> int:
        return 0


class _RClass(_AxisConcatenator):
    """Translates slice objects to concatenation along the first axis.

    Free (0 FLOPs: data movement and index construction); same values as
    ``numpy.r_``, including the ``'axis,ndmin,trans1d'`` string directives.
    The matrix directives ``'r'`` and ``'c'`` are refused (``numpy.matrix``
    would escape counting).

    Examples
    --------
    >>> import mechestim as me
    >>> me.r_[me.array([1, 2, 3]), 0, 0, me.array([4, 5, 6])]
    array([1, 2, 3, 0, 0, 4, 5, 6])
    >>> me.r_[-1:1:6j, [0] * 3, 5, 6]
    array([-1. , -0.6, -0.2,  0.2,  0.6,  1. ,  0. ,  0. ,  0. ,  5. ,  6. ])
    >>> me.r_["0,2", [1, 2, 3], [4, 5, 6]]
    array([[1, 2, 3],
           [4, 5, 6]])
    """

    __slots__ = ()


class _CClass(_AxisConcatenator):
    """Translates slice objects to concatenation along the second axis.

    Free (0 FLOPs: data movement and index construction); same values as
    ``numpy.c_``.

    Examples
    --------
    >>> import mechestim as me
    >>> me.c_[me.array([1, 2, 3]), me.array([4, 5, 6])]
    array([[1, 4],
           [2, 5],
           [3, 6]])
    """

    __slots__ = ()


mgrid = _MGridClass(_np.mgrid, "mgrid")
ogrid = _OGridClass(_np.ogrid, "ogrid")
r_ = _RClass(_np.r_, "r_")
c_ = _CClass(_np.c_, "c_")
s_ = _np.s_
index_exp = _np.index_exp
newaxis = None
