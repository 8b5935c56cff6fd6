"""Sorting, searching, set operations and histograms, priced by shape.

Sorting ``n`` values costs ``n·⌈lg n⌉`` per sorted lane (every lane of a batch
counts), selection ``n`` per lane, a binary search ``⌈lg n⌉`` per query, and
binning a value into ``b`` bins ``⌈lg b⌉`` per value and dimension.
"""

from __future__ import annotations

import operator as _operator

import numpy as _np

from mechestim import _core
from mechestim._dispatch import plain as _plain
from mechestim._dispatch import wrap as _wrap
from mechestim._numeric import _axis_index, _checked, _plain_seq
from mechestim.errors import InvalidArgumentError as _InvalidArgumentError
from mechestim.errors import ShapeError as _ShapeError

__all__ = [
    "sort",
    "argsort",
    "sort_complex",
    "lexsort",
    "partition",
    "argpartition",
    "searchsorted",
    "unique",
    "unique_all",
    "unique_counts",
    "unique_inverse",
    "unique_values",
    "isin",
    "union1d",
    "intersect1d",
    "setdiff1d",
    "setxor1d",
    "histogram",
    "histogram2d",
    "histogramdd",
    "bincount",
    "histogram_bin_edges",
    "digitize",
]

_shape = _core.operand_shape
_numel = _core.unary_cost

_SORT = _core.op_id("sort")
_ARGSORT = _core.op_id("argsort")
_SORT_COMPLEX = _core.op_id("sort_complex")
_LEXSORT = _core.op_id("lexsort")
_PARTITION = _core.op_id("partition")
_ARGPARTITION = _core.op_id("argpartition")
_SEARCHSORTED = _core.op_id("searchsorted")
_UNIQUE = _core.op_id("unique")
_UNIQUE_ALL = _core.op_id("unique_all")
_UNIQUE_COUNTS = _core.op_id("unique_counts")
_UNIQUE_INVERSE = _core.op_id("unique_inverse")
_UNIQUE_VALUES = _core.op_id("unique_values")
_ISIN = _core.op_id("isin")
_UNION1D = _core.op_id("union1d")
_INTERSECT1D = _core.op_id("intersect1d")
_SETDIFF1D = _core.op_id("setdiff1d")
_SETXOR1D = _core.op_id("setxor1d")
_HISTOGRAM = _core.op_id("histogram")
_HISTOGRAM2D = _core.op_id("histogram2d")
_HISTOGRAMDD = _core.op_id("histogramdd")
_BINCOUNT = _core.op_id("bincount")
_HISTOGRAM_BIN_EDGES = _core.op_id("histogram_bin_edges")
_DIGITIZE = _core.op_id("digitize")


def _wrap_named(result):
    """Wrap the arrays of a named tuple (``unique_all`` and friends), keeping its type."""
    return type(result)(*(_wrap(r) for r in result))


# -- sorting and selection ------------------------------------------------------------------------


def sort(a, axis=-1, kind=None, order=None, *, stable=None):
    """Return a sorted copy of an array.

    Cost: (number of lanes) * n·⌈lg n⌉ for lanes of n values along ``axis``;
    ``axis=None`` sorts the flattened array. Same signature and values as ``numpy.sort``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     s = me.sort(me.array([[3.0, 1.0, 2.0, 0.0], [0.0, 5.0, 4.0, 1.0]]))
    >>> s
    array([[0., 1., 2., 3.],
           [0., 1., 4., 5.]])
    >>> b.flops_used  # 2 lanes * 4*2
    16
    """
    _core.charge(_SORT, _core.sort_cost(_shape(a), axis))
    return _wrap(_np.sort(_plain(a), axis, kind, order, stable=stable))


def argsort(a, axis=-1, kind=None, order=None, *, stable=None):
    """Returns the indices that would sort an array.

    Cost: (number of lanes) * n·⌈lg n⌉ for lanes of n values along ``axis``;
    ``axis=None`` sorts the flattened array. Same signature and values as ``numpy.argsort``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     i = me.argsort(me.array([3.0, 1.0, 2.0, 0.0]))
    >>> i
    array([3, 1, 2, 0])
    >>> b.flops_used
    8
    """
    _core.charge(_ARGSORT, _core.sort_cost(_shape(a), axis))
    return _wrap(_np.argsort(_plain(a), axis, kind, order, stable=stable))


def sort_complex(a):
    """Sort a complex array using the real part first, then the imaginary part.

    Cost: n·⌈lg n⌉ per lane along the last axis. Same signature and values as
    ``numpy.sort_complex``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     s = me.sort_complex(me.array([1 + 2j, 1 - 1j, 0 + 5j]))
    >>> s
    array([0.+5.j, 1.-1.j, 1.+2.j])
    >>> b.flops_used  # 3 * ceil(lg 3)
    6
    """
    _core.charge(_SORT_COMPLEX, _core.sort_cost(_shape(a), -1))
    return _wrap(_np.sort_complex(_plain(a)))


def lexsort(keys, axis=-1):
    """Perform an indirect stable sort using a sequence of keys.

    Cost: k·n·⌈lg n⌉ for k keys of n values along ``axis``, times the number of lanes.
    Same signature and values as ``numpy.lexsort``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     i = me.lexsort((me.array([1.0, 0.0, 1.0, 0.0]), [2.0, 2.0, 1.0, 1.0]))
    >>> i
    array([3, 2, 1, 0])
    >>> b.flops_used  # 2 keys * 4*2
    16
    """
    if type(keys) in (tuple, list):
        shapes = [_shape(k) for k in keys]
        if any(s != shapes[0] for s in shapes):
            raise _ShapeError("all keys need to be the same shape")
        k, key_shape = len(shapes), (shapes[0] if shapes else [])
    else:
        sk = _shape(keys)
        if not sk:
            raise TypeError("need sequence of keys with len > 0 in lexsort")
        k, key_shape = sk[0], sk[1:]
    if k == 0:
        raise TypeError("need sequence of keys with len > 0 in lexsort")
    if not key_shape:  # one value per key: NumPy accepts any axis
        cost = _core.lexsort_cost(k, 1)
    else:
        ax = _axis_index(axis, len(key_shape))
        n = key_shape[ax]
        lanes = _numel(key_shape) // n if n else 0
        cost = _checked(lanes * _core.lexsort_cost(k, n), "lexsort")
    _core.charge(_LEXSORT, cost)
    return _wrap(_np.lexsort(_plain_seq(keys), axis))


def _check_kth(kth, shape: list, axis) -> None:
    """NumPy's bounds check of ``kth`` (done on the parameter, before charging)."""
    n = _numel(shape) if axis is None else shape[_axis_index(axis, len(shape))]
    ks = _np.asarray(_plain(kth))
    if ks.dtype.kind not in "iu":
        return  # NumPy reports the type error
    for k in ks.ravel().tolist():
        if not -n <= k < n:
            raise _InvalidArgumentError(f"kth(={k}) out of bounds ({n})")


def partition(a, kth, axis=-1, kind="introselect", order=None):
    """Return a partitioned copy of an array.

    Cost: (number of lanes) * n for lanes of n values along ``axis``
    (``axis=None``: the flattened array). Same signature and values as ``numpy.partition``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     p = me.partition(me.array([3.0, 4.0, 2.0, 1.0]), 2)
    >>> p[2]
    np.float64(3.0)
    >>> b.flops_used
    4
    """
    sa = _shape(a)
    cost = _core.partition_cost(sa, axis)
    _check_kth(kth, sa, axis)
    _core.charge(_PARTITION, cost)
    return _wrap(_np.partition(_plain(a), _plain(kth), axis, kind, order))


def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    """Perform an indirect partition along the given axis.

    Cost: (number of lanes) * n for lanes of n values along ``axis``
    (``axis=None``: the flattened array). Same signature and values as ``numpy.argpartition``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     i = me.argpartition(me.array([3.0, 4.0, 2.0, 1.0]), 2)
    >>> i[2]
    np.int64(0)
    >>> b.flops_used
    4
    """
    sa = _shape(a)
    cost = _core.partition_cost(sa, axis)
    _check_kth(kth, sa, axis)
    _core.charge(_ARGPARTITION, cost)
    return _wrap(_np.argpartition(_plain(a), _plain(kth), axis, kind, order))


def searchsorted(a, v, side="left", sorter=None):
    """Find indices where elements should be inserted to maintain order.

    Cost: m·⌈lg n⌉ for m queries into n sorted values. Same signature and values as
    ``numpy.searchsorted``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     i = me.searchsorted(me.array([1.0, 2.0, 3.0, 4.0, 5.0]), [3.0, 0.5])
    >>> i
    array([2, 0])
    >>> b.flops_used  # 2 * ceil(lg 5)
    6
    """
    sa = _shape(a)
    if len(sa) != 1:
        raise _ShapeError(f"searchsorted: a must be one-dimensional, got shape {tuple(sa)}")
    if sorter is not None and _shape(sorter) != sa:
        raise _ShapeError("sorter.size must equal a.size")
    if side not in ("left", "right"):
        raise _InvalidArgumentError(f"search side must be 'left' or 'right' (got {side!r})")
    _core.charge(_SEARCHSORTED, _core.searchsorted_cost(sa[0], _numel(_shape(v))))
    return _wrap(_np.searchsorted(_plain(a), _plain(v), side, _plain(sorter)))


# -- unique and set operations --------------------------------------------------------------------


def unique(
    ar,
    return_index=False,
    return_inverse=False,
    return_counts=False,
    axis=None,
    *,
    equal_nan=True,
    sorted=True,
):
    """Find the unique elements of an array.

    Cost: n·⌈lg n⌉ for the n elements of ``ar``; with ``axis``, the sort of the
    sub-arrays along it (lanes * len·⌈lg len⌉, i.e. numel * ⌈lg len⌉).
    Same signature and values as ``numpy.unique``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     u = me.unique(me.array([3.0, 1.0, 3.0, 2.0]))
    >>> u
    array([1., 2., 3.])
    >>> b.flops_used
    8
    """
    sa = _shape(ar)
    cost = _core.unique_cost(_numel(sa)) if axis is None else _core.sort_cost(sa, axis)
    _core.charge(_UNIQUE, cost)
    return _wrap(
        _np.unique(
            _plain(ar), return_index, return_inverse, return_counts, axis, equal_nan=equal_nan, sorted=sorted
        )
    )


def unique_all(x):
    """Find the unique elements of an array, and counts, inverse, and indices.

    Cost: n·⌈lg n⌉. Same signature and values as ``numpy.unique_all``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     r = me.unique_all(me.array([3.0, 1.0, 3.0, 2.0]))
    >>> r.values, r.counts
    (array([1., 2., 3.]), array([1, 1, 2]))
    >>> b.flops_used
    8
    """
    _core.charge(_UNIQUE_ALL, _core.unique_cost(_numel(_shape(x))))
    return _wrap_named(_np.unique_all(_plain(x)))


def unique_counts(x):
    """Find the unique elements and counts of an input array `x`.

    Cost: n·⌈lg n⌉. Same signature and values as ``numpy.unique_counts``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     r = me.unique_counts(me.array([3.0, 1.0, 3.0, 2.0]))
    >>> r.counts
    array([1, 1, 2])
    >>> b.flops_used
    8
    """
    _core.charge(_UNIQUE_COUNTS, _core.unique_cost(_numel(_shape(x))))
    return _wrap_named(_np.unique_counts(_plain(x)))


def unique_inverse(x):
    """Find the unique elements of `x` and indices to reconstruct `x`.

    Cost: n·⌈lg n⌉. Same signature and values as ``numpy.unique_inverse``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     r = me.unique_inverse(me.array([3.0, 1.0, 3.0, 2.0]))
    >>> r.inverse_indices
    array([2, 0, 2, 1])
    >>> b.flops_used
    8
    """
    _core.charge(_UNIQUE_INVERSE, _core.unique_cost(_numel(_shape(x))))
    return _wrap_named(_np.unique_inverse(_plain(x)))


def unique_values(x):
    """Returns the unique elements of an input array `x`.

    Cost: n·⌈lg n⌉. Same signature and values as ``numpy.unique_values``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     u = me.unique_values(me.array([3.0, 1.0, 3.0, 2.0]))
    >>> sorted(u.tolist())
    [1.0, 2.0, 3.0]
    >>> b.flops_used
    8
    """
    _core.charge(_UNIQUE_VALUES, _core.unique_cost(_numel(_shape(x))))
    return _wrap(_np.unique_values(_plain(x)))


def _set_cost(a, b) -> int:
    return _core.set_op_cost(_numel(_shape(a)), _numel(_shape(b)))


def isin(element, test_elements, assume_unique=False, invert=False, *, kind=None):
    """Calculates ``element in test_elements``, broadcasting over `element` only.

    Cost: (n+m)·⌈lg (n+m)⌉ for n elements and m test elements (whatever ``kind``).
    Same signature and values as ``numpy.isin``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     m = me.isin(me.array([1.0, 2.0, 3.0, 4.0]), [2.0, 4.0, 6.0, 8.0])
    >>> m
    array([False,  True, False,  True])
    >>> b.flops_used  # 8 * 3
    24
    """
    if kind not in (None, "sort", "table"):
        raise _InvalidArgumentError(f"Invalid kind: '{kind}'. Please use None, 'sort' or 'table'.")
    _core.charge(_ISIN, _set_cost(element, test_elements))
    return _wrap(_np.isin(_plain(element), _plain(test_elements), assume_unique, invert, kind=kind))


def union1d(ar1, ar2):
    """Find the union of two arrays.

    Cost: (n+m)·⌈lg (n+m)⌉. Same signature and values as ``numpy.union1d``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     u = me.union1d(me.array([1.0, 2.0, 3.0, 4.0]), [2.0, 4.0, 6.0, 8.0])
    >>> u
    array([1., 2., 3., 4., 6., 8.])
    >>> b.flops_used
    24
    """
    _core.charge(_UNION1D, _set_cost(ar1, ar2))
    return _wrap(_np.union1d(_plain(ar1), _plain(ar2)))


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    """Find the intersection of two arrays.

    Cost: (n+m)·⌈lg (n+m)⌉. Same signature and values as ``numpy.intersect1d``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     i = me.intersect1d(me.array([1.0, 2.0, 3.0, 4.0]), [2.0, 4.0, 6.0, 8.0])
    >>> i
    array([2., 4.])
    >>> b.flops_used
    24
    """
    _core.charge(_INTERSECT1D, _set_cost(ar1, ar2))
    return _wrap(_np.intersect1d(_plain(ar1), _plain(ar2), assume_unique, return_indices))


def setdiff1d(ar1, ar2, assume_unique=False):
    """Find the set difference of two arrays.

    Cost: (n+m)·⌈lg (n+m)⌉. Same signature and values as ``numpy.setdiff1d``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     d = me.setdiff1d(me.array([1.0, 2.0, 3.0, 4.0]), [2.0, 4.0, 6.0, 8.0])
    >>> d
    array([1., 3.])
    >>> b.flops_used
    24
    """
    _core.charge(_SETDIFF1D, _set_cost(ar1, ar2))
    return _wrap(_np.setdiff1d(_plain(ar1), _plain(ar2), assume_unique))


def setxor1d(ar1, ar2, assume_unique=False):
    """Find the set exclusive-or of two arrays.

    Cost: (n+m)·⌈lg (n+m)⌉. Same signature and values as ``numpy.setxor1d``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     x = me.setxor1d(me.array([1.0, 2.0, 3.0, 4.0]), [2.0, 4.0, 6.0, 8.0])
    >>> x
    array([1., 3., 6., 8.])
    >>> b.flops_used
    24
    """
    _core.charge(_SETXOR1D, _set_cost(ar1, ar2))
    return _wrap(_np.setxor1d(_plain(ar1), _plain(ar2), assume_unique))


# -- histograms -----------------------------------------------------------------------------------


def _check_range(range) -> None:
    """NumPy's checks of a 1-D histogram ``range`` (on the parameter, before charging)."""
    if range is None:
        return
    first, last = range
    if first > last:
        raise _InvalidArgumentError("max must be larger than min in range parameter.")
    if not (_np.isfinite(first) and _np.isfinite(last)):
        raise _InvalidArgumentError(f"supplied range of [{first}, {last}] is not finite")


_BIN_ESTIMATORS = ("auto", "doane", "fd", "rice", "scott", "sqrt", "stone", "sturges")


def _check_estimator(bins: str) -> None:
    if bins not in _BIN_ESTIMATORS:
        raise _InvalidArgumentError(f"{bins!r} is not a valid estimator for `bins`")


def _check_weights(weights, shape: list) -> None:
    if weights is not None and _shape(weights) != shape:
        raise _ShapeError("weights should have the same shape as a.")


def _bin_count(bins) -> int:
    """Bins (integer ``bins``) or edges (array ``bins``) of a 1-D histogram."""
    sb = _shape(bins)
    if not sb:
        try:
            nb = _operator.index(bins)
        except TypeError:
            raise TypeError("`bins` must be an integer, a string, or an array") from None
        if nb < 1:
            raise _InvalidArgumentError("`bins` must be positive, when an integer")
        return nb
    if len(sb) == 1:
        return sb[0]
    raise _InvalidArgumentError("`bins` must be 1d, when an array")


def histogram_bin_edges(a, bins=10, range=None, weights=None):
    """Function to calculate only the edges of the bins used by the `histogram` function.

    Cost: numel(a) FLOPs. Same signature and values as ``numpy.histogram_bin_edges``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     e = me.histogram_bin_edges(me.array([0.0, 1.0, 2.0, 3.0, 4.0]), bins=4)
    >>> e
    array([0., 1., 2., 3., 4.])
    >>> b.flops_used
    5
    """
    sa = _shape(a)
    _check_weights(weights, sa)
    if isinstance(bins, str):
        _check_estimator(bins)
        if weights is not None:
            raise TypeError("Automated estimation of the number of bins is not supported for weighted data")
    else:
        _bin_count(bins)
    _check_range(range)
    _core.charge(_HISTOGRAM_BIN_EDGES, _numel(sa))
    return _wrap(_np.histogram_bin_edges(_plain(a), _plain(bins), range, _plain(weights)))


def histogram(a, bins=10, range=None, density=None, weights=None):
    """Compute the histogram of a dataset.

    Cost: n·⌈lg bins⌉ for integer ``bins`` and n·⌈lg len(bins)⌉ for an array of edges
    (n = numel(a)). A string ``bins`` (``'auto'``, ``'fd'``, ...) makes the number of
    bins depend on the data, so it is priced in two steps, each charged before it
    runs: the edges as ``histogram_bin_edges`` (n), then the binning as
    n·⌈lg len(edges)⌉. Same signature and values as ``numpy.histogram``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     h, e = me.histogram(me.array([0.0, 1.0, 1.5, 3.0, 4.0]), bins=4)
    >>> h
    array([1, 2, 0, 2])
    >>> b.flops_used  # 5 * ceil(lg 4)
    10
    """
    sa = _shape(a)
    n = _numel(sa)
    _check_weights(weights, sa)
    if isinstance(bins, str):
        edges = histogram_bin_edges(a, bins, range, weights)  # charges n, then runs
        _core.charge(_HISTOGRAM, _core.histogram_cost(n, [len(edges)]))
    else:
        cost = _core.histogram_cost(n, [_bin_count(bins)])
        _check_range(range)
        _core.charge(_HISTOGRAM, cost)
    return _wrap(_np.histogram(_plain(a), _plain(bins), range, density, _plain(weights)))


def _dd_bin_counts(bins, dims: int) -> list[int]:
    """Per-dimension bins (integers) or edges (arrays), as ``numpy.histogramdd`` reads ``bins``."""
    try:
        if len(bins) != dims:
            raise _InvalidArgumentError(
                "The dimension of bins must be equal to the dimension of the sample x."
            )
        per = list(bins)
    except TypeError:  # a scalar: the same number of bins in every dimension
        per = [bins] * dims
    counts = []
    for i, b in enumerate(per):
        sb = _shape(b)
        if not sb:
            try:
                nb = _operator.index(b)
            except TypeError:
                raise TypeError(f"`bins[{i}]` must be an integer, when a scalar") from None
            if nb < 1:
                raise _InvalidArgumentError(f"`bins[{i}]` must be positive, when an integer")
            counts.append(nb)
        elif len(sb) == 1:
            counts.append(sb[0])
        else:
            raise _InvalidArgumentError(f"`bins[{i}]` must be a scalar or 1d array")
    return counts


def _dd_checks(n: int, dims: int, range, weights) -> None:
    if range is not None and len(range) != dims:
        raise _InvalidArgumentError("range argument must have one entry per dimension")
    if weights is not None and _shape(weights) != [n]:
        raise _ShapeError("The weights and list don't have the same length.")


def histogram2d(x, y, bins=10, range=None, density=None, weights=None):
    """Compute the bi-dimensional histogram of two data samples.

    Cost: n·(⌈lg bins_x⌉ + ⌈lg bins_y⌉) for n points (array bins: ⌈lg len(edges)⌉).
    Same signature and values as ``numpy.histogram2d``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     h, ex, ey = me.histogram2d(me.array([0.0, 1.0, 2.0, 3.0]), [0.0, 0.0, 3.0, 3.0], bins=2)
    >>> h
    array([[2., 0.],
           [0., 2.]])
    >>> b.flops_used  # 4 * (1 + 1)
    8
    """
    sx, sy = _shape(x), _shape(y)
    if len(sx) != 1 or len(sy) != 1:
        raise _ShapeError("histogram2d: x and y must be one-dimensional")
    if sx != sy:
        raise _ShapeError("x and y must have the same length.")
    try:
        nb = len(bins)
    except TypeError:
        nb = 1
    per = [bins, bins] if nb not in (1, 2) else bins
    counts = _dd_bin_counts(per, 2)
    _dd_checks(sx[0], 2, range, weights)
    _core.charge(_HISTOGRAM2D, _core.histogram_cost(sx[0], counts))
    return _wrap(_np.histogram2d(_plain(x), _plain(y), _plain_seq(bins), range, density, _plain(weights)))


def histogramdd(sample, bins=10, range=None, density=None, weights=None):
    """Compute the multidimensional histogram of some data.

    Cost: n·Σ_d ⌈lg bins_d⌉ for n points in D dimensions (array bins: ⌈lg len(edges)⌉).
    Same signature and values as ``numpy.histogramdd``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     h, edges = me.histogramdd(me.array([[0.0, 0.0], [1.0, 3.0], [2.0, 3.0]]), bins=(2, 4))
    >>> h
    array([[1., 0., 0., 0.],
           [0., 0., 0., 2.]])
    >>> b.flops_used  # 3 * (1 + 2)
    9
    """
    ss = _shape(sample)
    if not (hasattr(sample, "shape") and len(ss) == 2):
        ss = ([1] * (2 - len(ss)) + ss)[::-1]  # NumPy: np.atleast_2d(sample).T
    if len(ss) != 2:
        raise _ShapeError(
            f"histogramdd: sample must be (N, D) or a sequence of D arrays, got shape {tuple(ss)}"
        )
    n, dims = ss
    counts = _dd_bin_counts(bins, dims)
    _dd_checks(n, dims, range, weights)
    _core.charge(_HISTOGRAMDD, _core.histogram_cost(n, counts))
    return _wrap(_np.histogramdd(_plain_seq(sample), _plain_seq(bins), range, density, _plain(weights)))


def bincount(x, /, weights=None, minlength=0):
    """Count number of occurrences of each value in array of non-negative ints.

    Cost: n FLOPs for the n values of ``x``. Same signature and values as
    ``numpy.bincount``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     c = me.bincount(me.array([0, 1, 1, 3]))
    >>> c
    array([1, 2, 0, 1])
    >>> b.flops_used
    4
    """
    sx = _shape(x)
    if len(sx) != 1:
        raise _ShapeError(f"bincount: x must be one-dimensional, got shape {tuple(sx)}")
    if weights is not None and _shape(weights) != sx:
        raise _ShapeError("The weights and list don't have the same length.")
    if minlength is not None and _operator.index(minlength) < 0:
        raise _InvalidArgumentError("'minlength' must not be negative")
    _core.charge(_BINCOUNT, _numel(sx))
    return _wrap(_np.bincount(_plain(x), _plain(weights), minlength))


def digitize(x, bins, right=False):
    """Return the indices of the bins to which each value in input array belongs.

    Cost: n·⌈lg len(bins)⌉ for the n values of ``x``. Same signature and values as
    ``numpy.digitize``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     i = me.digitize(me.array([0.5, 1.5, 2.5]), [0.0, 1.0, 2.0, 3.0])
    >>> i
    array([1, 2, 3])
    >>> b.flops_used  # 3 * ceil(lg 4)
    6
    """
    sb = _shape(bins)
    if len(sb) != 1:
        raise _ShapeError("digitize: bins must be one-dimensional")
    _core.charge(_DIGITIZE, _core.digitize_cost(_numel(_shape(x)), sb[0]))
    return _wrap(_np.digitize(_plain(x), _plain(bins), right))
