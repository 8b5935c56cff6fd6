"""Einsum, priced by the contraction rule of the cost model."""

from __future__ import annotations

import numpy as _np

from mechestim._core import charge_einsum as _charge_einsum
from mechestim._core import op_id as _op_id
from mechestim.errors import EinsumError

__all__ = ["einsum"]

_EINSUM = _op_id("einsum")


def einsum(subscripts, /, *operands, out=None, dtype=None, order="K", casting="safe", optimize=False):
    """Evaluate the Einstein summation convention on the operands (``numpy.einsum``).

    Cost: ``prod(sizes of all indices) * op_factor`` with
    ``op_factor = max(1, terms - 1) + (1 if an index is summed)``.

    Examples
    --------
    >>> import mechestim as me
    >>> W = me.array([[1.0, 2.0], [3.0, 4.0]])
    >>> me.einsum('ij,j->i', W, me.array([1.0, 1.0]))
    array([3., 7.])
    """
    if not isinstance(subscripts, str):
        raise EinsumError(
            f"einsum subscripts must be a string such as 'ij,jk->ik' (got {type(subscripts).__name__})"
        )
    _charge_einsum(_EINSUM, subscripts, *operands)
    return _np.einsum(
        subscripts, *operands, out=out, dtype=dtype, order=order, casting=casting, optimize=optimize
    )
