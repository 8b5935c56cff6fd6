"""Free construction from given data."""

from __future__ import annotations

import numpy as _np

__all__ = ["array", "asarray"]


def array(object, dtype=None, *, copy=True, order="K", subok=False, ndmin=0, like=None):
    """Create an array (``numpy.array``). Free: 0 FLOPs.

    Examples
    --------
    >>> import mechestim as me
    >>> me.array([1, 2, 3])
    array([1, 2, 3])
    """
    if like is not None:
        return _np.array(object, dtype, copy=copy, order=order, subok=subok, ndmin=ndmin, like=like)
    return _np.array(object, dtype, copy=copy, order=order, subok=subok, ndmin=ndmin)


def asarray(a, dtype=None, order=None, *, device=None, copy=None, like=None):
    """Convert the input to an array (``numpy.asarray``). Free: 0 FLOPs.

    Examples
    --------
    >>> import mechestim as me
    >>> me.asarray((1.0, 2.0))
    array([1., 2.])
    """
    if like is not None:
        return _np.asarray(a, dtype, order, device=device, copy=copy, like=like)
    return _np.asarray(a, dtype, order, device=device, copy=copy)
