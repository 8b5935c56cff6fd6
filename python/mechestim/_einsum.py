"""Einsum, priced by the contraction rule of the cost model."""

from __future__ import annotations

import numpy as _np

from mechestim import _core
from mechestim._dispatch import plain as _plain
from mechestim._dispatch import wrap as _wrap
from mechestim.errors import EinsumError

__all__ = ["einsum", "einsum_path"]

_EINSUM = _core.op_id("einsum")
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _sublist_term(sublist) -> str:
    out = []
    for s in sublist:
        if s is Ellipsis:
            out.append("...")
        else:
            try:
                out.append(_LETTERS[s])
            except (IndexError, TypeError):
                raise EinsumError(
                    f"einsum sublist labels must be ints in [0, 52) or Ellipsis, got {s!r}"
                ) from None
    return "".join(out)


def parse_operands(operands: tuple) -> tuple[str, list]:
    """``(subscripts, arrays)`` from either calling convention of ``numpy.einsum``.

    The interleaved form ``einsum(a, [0, 1], b, [1, 2], [0, 2])`` is converted to
    ``"ab,bc->ac"``.
    """
    if not operands:
        raise EinsumError("einsum needs subscripts and at least one operand")
    first = operands[0]
    if isinstance(first, str):
        return first, list(operands[1:])
    arrays = list(operands[0::2])
    sublists = list(operands[1::2])
    explicit = None
    if len(arrays) > len(sublists):  # a trailing output sublist
        explicit = arrays.pop()
    terms = ",".join(_sublist_term(s) for s in sublists)
    if explicit is not None:
        terms += "->" + _sublist_term(explicit)
    return terms, arrays


def einsum(*operands, out=None, optimize=False, **kwargs):
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
    subscripts, arrays = parse_operands(operands)
    _core.charge_einsum(_EINSUM, subscripts, *arrays)
    plain = [_plain(a) for a in arrays]
    return _wrap(_np.einsum(subscripts, *plain, out=out, optimize=optimize, **kwargs))


def einsum_path(*operands, optimize="greedy", einsum_call=False):
    """Evaluate the lowest-cost contraction order (``numpy.einsum_path``). Free: planning costs nothing.

    Examples
    --------
    >>> import mechestim as me
    >>> path, report = me.einsum_path('ij,jk->ik', me.ones((2, 3)), me.ones((3, 4)))
    >>> path
    ['einsum_path', (0, 1)]
    """
    return _np.einsum_path(*operands, optimize=optimize, einsum_call=einsum_call)
