"""The small toolkit every wrapper uses: op ids, charging, and the
conversions between NumPy arrays and :class:`mechestim.ndarray`.

Wrappers call NumPy on plain ``numpy.ndarray`` views of their inputs (so no
counted method of ``me.ndarray`` is re-entered and nothing is charged twice)
and return ``me.ndarray`` views of NumPy's results (so Python operators on
them stay counted).
"""

from __future__ import annotations

import numpy as _np

from mechestim import _core

__all__ = ["charge", "check_writeable", "op_id", "plain", "shape", "wrap", "set_array_type", "ufunc_call"]

op_id = _core.op_id
charge = _core.charge
shape = _core.operand_shape

_nd = _np.ndarray
_array_type: type = _np.ndarray


def set_array_type(cls: type) -> None:
    """Register the class results are viewed as (``mechestim.ndarray``)."""
    global _array_type
    _array_type = cls


def wrap(result):
    """View NumPy results as ``me.ndarray`` (tuples and lists element-wise)."""
    t = type(result)
    if t is _nd:
        return result.view(_array_type)
    if t is tuple:
        return tuple(wrap(r) for r in result)
    if t is list:
        return [wrap(r) for r in result]
    if isinstance(result, tuple):  # NumPy's named results (SVDResult, QRResult, ...)
        return t(*(wrap(r) for r in result))
    return result


def plain(x):
    """A plain ``numpy.ndarray`` view of a mechestim array; anything else unchanged."""
    if type(x) is not _nd and isinstance(x, _array_type):
        return x.view(_nd)
    return x


def check_writeable(outputs) -> None:
    """Refuse read-only ``out=`` arrays before anything is charged (NumPy would
    refuse them only after the charge)."""
    for o in outputs:
        if isinstance(o, _nd) and not o.flags.writeable:
            raise ValueError("output array is read-only")


_UFUNC_KEYWORDS = frozenset({"where", "casting", "order", "dtype", "subok", "signature"})


def ufunc_call(op: int, ufunc, args: tuple, out, kwargs: dict):
    """Call `ufunc` with NumPy's keywords, charging `op` first.

    The cost is ``numel`` of the broadcast of the inputs, and of ``out`` when
    given (NumPy broadcasts the inputs to it). Unknown keywords are refused
    before anything is charged.
    """
    unknown = kwargs.keys() - _UFUNC_KEYWORDS
    if unknown:
        raise TypeError(f"{ufunc.__name__}() got an unexpected keyword argument {sorted(unknown)[0]!r}")
    outs = out if isinstance(out, tuple) else (out,)
    given = [o for o in outs if o is not None]
    check_writeable(given)
    _core.charge_broadcast(op, *args, *given[:1])
    kwargs.setdefault("subok", False)
    if out is not None:  # NumPy hands back the caller's own output array(s)
        return ufunc(*(plain(a) for a in args), out=out, **kwargs)
    return wrap(ufunc(*(plain(a) for a in args), **kwargs))
