"""Pointwise operations: one FLOP per element of the (broadcast) output.

Each wrapper prices the call in the compiled core from the operands' shapes,
charges the active budget, and only then calls NumPy.
"""

from __future__ import annotations

import numpy as _np

from mechestim._core import charge_binary as _charge_binary
from mechestim._core import charge_unary as _charge_unary
from mechestim._core import op_id as _op_id

__all__ = ["sqrt", "multiply", "maximum"]

_SQRT = _op_id("sqrt")
_MULTIPLY = _op_id("multiply")
_MAXIMUM = _op_id("maximum")


def sqrt(x, /, out=None, **kwargs):
    """Non-negative square root, element-wise (``numpy.sqrt``).

    Cost: ``numel(output)`` FLOPs (a 0-d array costs 1).

    Examples
    --------
    >>> import mechestim as me
    >>> me.sqrt(me.array([4.0, 9.0]))
    array([2., 3.])
    """
    _charge_unary(_SQRT, x)
    return _np.sqrt(x, **kwargs) if out is None else _np.sqrt(x, out=out, **kwargs)


def multiply(x1, x2, /, out=None, **kwargs):
    """Multiply arguments element-wise (``numpy.multiply``).

    Cost: ``numel(broadcast output)`` FLOPs.

    Examples
    --------
    >>> import mechestim as me
    >>> me.multiply(me.array([[1.0], [2.0]]), me.array([1.0, 10.0, 100.0]))
    array([[  1.,  10., 100.],
           [  2.,  20., 200.]])
    """
    _charge_binary(_MULTIPLY, x1, x2)
    return _np.multiply(x1, x2, **kwargs) if out is None else _np.multiply(x1, x2, out=out, **kwargs)


def maximum(x1, x2, /, out=None, **kwargs):
    """Element-wise maximum, propagating NaNs (``numpy.maximum``).

    Cost: ``numel(broadcast output)`` FLOPs.

    Examples
    --------
    >>> import mechestim as me
    >>> me.maximum(me.array([-1.0, 2.0]), 0)
    array([0., 2.])
    """
    _charge_binary(_MAXIMUM, x1, x2)
    return _np.maximum(x1, x2, **kwargs) if out is None else _np.maximum(x1, x2, out=out, **kwargs)
