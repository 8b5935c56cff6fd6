"""Window functions (bartlett, hamming, hanning, blackman, kaiser), priced per
output value: M for the linear and single-cosine windows, 3·M for the ones that
evaluate several transcendental terms per value.
"""

from __future__ import annotations

import math as _math
import operator as _operator

import numpy as _np

from mechestim import _core
from mechestim._dispatch import wrap as _wrap

__all__ = ["bartlett", "hamming", "hanning", "blackman", "kaiser"]

_BARTLETT = _core.op_id("bartlett")
_HAMMING = _core.op_id("hamming")
_HANNING = _core.op_id("hanning")
_BLACKMAN = _core.op_id("blackman")
_KAISER = _core.op_id("kaiser")


def _length(M) -> int:
    """Number of values ``numpy.bartlett(M)`` (and hamming, hanning, blackman) returns."""
    try:
        m = _operator.index(M)
    except TypeError:  # NumPy also accepts a float M: arange(1 - M, M, 2)
        m = float(M)
        return 0 if not m >= 1 else _math.ceil(m - 0.5)
    return m if m > 0 else 0


def _kaiser_length(M) -> int:
    """Number of values ``numpy.kaiser(M, beta)`` returns: arange(0, M)."""
    try:
        m = _operator.index(M)
    except TypeError:
        m = float(M)
        return 0 if not m > 0 else _math.ceil(m)
    return m if m > 0 else 0


def bartlett(M):
    """Return the Bartlett window.

    Cost: M FLOPs (one per value). Same signature and values as ``numpy.bartlett``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     w = me.bartlett(5)
    >>> w
    array([0. , 0.5, 1. , 0.5, 0. ])
    >>> b.flops_used
    5
    """
    _core.charge(_BARTLETT, _core.window_cost(_length(M), False))
    return _wrap(_np.bartlett(M))


def hamming(M):
    """Return the Hamming window.

    Cost: M FLOPs (one per value). Same signature and values as ``numpy.hamming``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     w = me.hamming(3)
    >>> w
    array([0.08, 1.  , 0.08])
    >>> b.flops_used
    3
    """
    _core.charge(_HAMMING, _core.window_cost(_length(M), False))
    return _wrap(_np.hamming(M))


def hanning(M):
    """Return the Hanning window.

    Cost: M FLOPs (one per value). Same signature and values as ``numpy.hanning``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     w = me.hanning(5)
    >>> w
    array([0. , 0.5, 1. , 0.5, 0. ])
    >>> b.flops_used
    5
    """
    _core.charge(_HANNING, _core.window_cost(_length(M), False))
    return _wrap(_np.hanning(M))


def blackman(M):
    """Return the Blackman window.

    Cost: 3·M FLOPs. Same signature and values as ``numpy.blackman``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     w = me.blackman(3)
    >>> w.round(6)
    array([-0.,  1., -0.])
    >>> b.flops_used
    9
    """
    _core.charge(_BLACKMAN, _core.window_cost(_length(M), True))
    return _wrap(_np.blackman(M))


def kaiser(M, beta):
    """Return the Kaiser window.

    Cost: 3·M FLOPs. Same signature and values as ``numpy.kaiser``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     w = me.kaiser(3, 0.0)
    >>> w
    array([1., 1., 1.])
    >>> b.flops_used
    9
    """
    _core.charge(_KAISER, _core.window_cost(_kaiser_length(M), True))
    return _wrap(_np.kaiser(M, beta))
