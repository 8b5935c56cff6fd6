"""Contractions priced by the einsum rule: dot, matmul, inner, vdot, tensordot,
outer, vecdot, matvec, vecmat (and the ``@`` operator through ``matmul``).

Same math, same price: each function is priced as the einsum of the
contraction it performs (one pairwise step: ``prod(index sizes) x
(1 + [an index is summed])``), then NumPy computes the values with its own
routine (BLAS where NumPy uses it).
"""

from __future__ import annotations

import operator

import numpy as _np
from numpy._globals import _NoValue

from mechestim import _core, _einsum
from mechestim._dispatch import plain as _plain
from mechestim._dispatch import wrap as _wrap
from mechestim._symmetric import SymmetricTensor as _SymmetricTensor
from mechestim._symmetric import _make as _make_symmetric
from mechestim.errors import ShapeError

__all__ = ["dot", "matmul", "inner", "vdot", "tensordot", "outer", "vecdot", "matvec", "vecmat"]

_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_shape = _core.operand_shape
_COSTS: dict[tuple, int] = {}
_CACHE_LIMIT = 4096


def _einsum_cost(key: tuple, build) -> int:
    """Cost of the contraction `build()` returns as (subscripts, shapes), cached by `key`."""
    cost = _COSTS.get(key)
    if cost is None:
        subscripts, shapes = build()
        cost = _core.einsum_cost(subscripts, shapes)
        if len(_COSTS) >= _CACHE_LIMIT:
            _COSTS.clear()
        _COSTS[key] = cost
    return cost


def _symmetric(op: int, subscripts: str, a, b, compute):
    """Price a contraction with symmetric operands (or one array twice) as
    ``me.einsum`` does, run `compute`, and keep the result's symmetry."""
    info, _, cost, refusal = _einsum._plan(
        subscripts, _core.operand_shapes(_plain(a), _plain(b)), "auto", None, _einsum._symmetry_of([a, b])
    )
    if refusal is not None:
        raise refusal
    _core.charge(op, cost)
    result = compute()
    if info.output_symmetry is not None and len(info.output_symmetry) > 1 and isinstance(result, _np.ndarray):
        return _make_symmetric(result, info.output_symmetry)
    return _wrap(result)


def _has_symmetry(a, b) -> bool:
    return a is b or a.__class__ is _SymmetricTensor or b.__class__ is _SymmetricTensor


def _labels(n: int, start: int = 0) -> str:
    return _LETTERS[start : start + n]


def matmul_subscripts(sa: tuple, sb: tuple) -> str:
    """Einsum subscripts of ``matmul`` for operand shapes `sa`, `sb`."""
    if len(sa) == 0 or len(sb) == 0:
        raise ShapeError("matmul: Input operand does not have enough dimensions (0-d arrays are not allowed)")
    a = "...mk" if len(sa) >= 2 else "k"
    b = "...kn" if len(sb) >= 2 else "k"
    if len(sa) >= 2 and len(sb) >= 2:
        out = "...mn"
    elif len(sa) >= 2:
        out = "...m"
    elif len(sb) >= 2:
        out = "...n"
    else:
        out = ""
    return f"{a},{b}->{out}"


def dot_subscripts(sa: tuple, sb: tuple) -> str:
    """Einsum subscripts of ``dot``: the last axis of `a` against the second-to-last of `b`."""
    if len(sa) == 0 or len(sb) == 0:
        a = _labels(len(sa))
        b = _labels(len(sb), len(sa))
        return f"{a},{b}->{a}{b}"
    a = _labels(len(sa))
    k = a[-1]
    other = _labels(len(sb), len(sa))
    if len(sb) == 1:
        b = k
    else:
        b = other[: len(sb) - 2] + k + other[len(sb) - 1]
    out = a[:-1] + b.replace(k, "")
    return f"{a},{b}->{out}"


def inner_subscripts(sa: tuple, sb: tuple) -> str:
    """Einsum subscripts of ``inner``: the last axes of both operands."""
    if len(sa) == 0 or len(sb) == 0:
        return dot_subscripts(sa, sb)
    a = _labels(len(sa))
    k = a[-1]
    b = _labels(len(sb) - 1, len(sa)) + k
    return f"{a},{b}->{a[:-1]}{b[:-1]}"


def tensordot_subscripts(sa: tuple, sb: tuple, axes) -> str:
    """Einsum subscripts of ``tensordot`` with NumPy's `axes` conventions."""
    try:
        n = operator.index(axes)
        axes_a, axes_b = list(range(len(sa) - n, len(sa))), list(range(n))
        if n < 0 or n > len(sa) or n > len(sb):
            raise ShapeError(f"tensordot: axes={n} is larger than an operand's number of dimensions")
    except TypeError:
        axes_a, axes_b = axes
        axes_a = [axes_a] if isinstance(axes_a, int) else list(axes_a)
        axes_b = [axes_b] if isinstance(axes_b, int) else list(axes_b)
    if len(axes_a) != len(axes_b):
        raise ShapeError("tensordot: shape-mismatch for sum (the two axes lists differ in length)")
    axes_a = [x % len(sa) if len(sa) else x for x in axes_a]
    axes_b = [x % len(sb) if len(sb) else x for x in axes_b]
    a = list(_labels(len(sa)))
    b = list(_labels(len(sb), len(sa)))
    for i, j in zip(axes_a, axes_b, strict=True):
        if sa[i] != sb[j]:
            raise ShapeError(
                f"tensordot: shape-mismatch for sum: {sa[i]} (axis {i} of a) vs {sb[j]} (axis {j} of b)"
            )
        b[j] = a[i]
    out = [x for i, x in enumerate(a) if i not in axes_a] + [x for j, x in enumerate(b) if j not in axes_b]
    return f"{''.join(a)},{''.join(b)}->{''.join(out)}"


def _core_last(shape: tuple, core_axes) -> tuple:
    """`shape` with the gufunc core axes `core_axes` moved to the end (order kept)."""
    core = [core_axes] if isinstance(core_axes, int) else list(core_axes)
    core = [a % len(shape) for a in core] if shape else core
    return tuple(d for i, d in enumerate(shape) if i not in core) + tuple(shape[a] for a in core)


def _gufunc_kwargs(out, axes, axis, keepdims, casting, order, dtype, subok, signature) -> dict:
    given = {
        "out": (out, None),
        "axes": (axes, _NoValue),
        "axis": (axis, _NoValue),
        "keepdims": (keepdims, False),
        "casting": (casting, "same_kind"),
        "order": (order, "K"),
        "dtype": (dtype, None),
        "subok": (subok, True),
        "signature": (signature, None),
    }
    return {k: v for k, (v, default) in given.items() if v is not default and not _equals(v, default)}


def _equals(value, default) -> bool:
    """``value == default`` for plain keyword values; arrays (``out=``) never equal a default."""
    if isinstance(value, (_np.ndarray, tuple, list)):
        return False
    return bool(value == default)


def matmul(
    x1,
    x2,
    /,
    out=None,
    *,
    axes=_NoValue,
    axis=_NoValue,
    keepdims=False,
    casting="same_kind",
    order="K",
    dtype=None,
    subok=True,
    signature=None,
):
    """Matrix product of two arrays (``numpy.matmul``; also the ``@`` operator).

    Cost: the einsum of the same contraction; batched ``(4,16,8) @ (4,8,12)`` costs
    ``4*16*8*12*2 = 12,288``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6) as b:
    ...     c = me.matmul(me.ones((64, 32)), me.ones((32, 16)))
    >>> b.flops_used
    65536
    """
    sa, sb = tuple(_shape(x1)), tuple(_shape(x2))
    plain_call = out is None and axes is _NoValue and axis is _NoValue and dtype is None and signature is None
    if plain_call and _has_symmetry(x1, x2):
        return _symmetric(
            _MATMUL, matmul_subscripts(sa, sb), x1, x2, lambda: _np.matmul(_plain(x1), _plain(x2))
        )
    if axes is not _NoValue:  # price the same contraction with the core axes moved last
        sa, sb = _core_last(sa, axes[0]), _core_last(sb, axes[1])
    _core.charge(_MATMUL, _einsum_cost(("matmul", sa, sb), lambda: (matmul_subscripts(sa, sb), [sa, sb])))
    if out is None and axes is _NoValue and axis is _NoValue and dtype is None and signature is None:
        return _wrap(_np.matmul(_plain(x1), _plain(x2)))
    kwargs = _gufunc_kwargs(out, axes, axis, keepdims, casting, order, dtype, subok, signature)
    result = _np.matmul(_plain(x1), _plain(x2), **kwargs)
    return result if out is not None else _wrap(result)


def dot(a, b, out=None):
    """Dot product of two arrays (``numpy.dot``).

    Cost: the einsum of the same contraction; ``(20,30)·(30,)`` costs ``20*30*2 = 1,200``
    and two vectors of 100 cost 200.

    Examples
    --------
    >>> import mechestim as me
    >>> me.dot(me.array([1.0, 2.0]), me.array([3.0, 4.0]))
    np.float64(11.0)
    """
    sa, sb = tuple(_shape(a)), tuple(_shape(b))
    if out is None and _has_symmetry(a, b):
        return _symmetric(_DOT, dot_subscripts(sa, sb), a, b, lambda: _np.dot(_plain(a), _plain(b)))
    _core.charge(_DOT, _einsum_cost(("dot", sa, sb), lambda: (dot_subscripts(sa, sb), [sa, sb])))
    return _wrap(_np.dot(_plain(a), _plain(b), out))


def inner(a, b, /):
    """Inner product over the last axes (``numpy.inner``). Cost: the einsum of the contraction.

    Examples
    --------
    >>> import mechestim as me
    >>> me.inner(me.array([1, 2, 3]), me.array([0, 1, 0]))
    np.int64(2)
    """
    sa, sb = tuple(_shape(a)), tuple(_shape(b))
    _core.charge(_INNER, _einsum_cost(("inner", sa, sb), lambda: (inner_subscripts(sa, sb), [sa, sb])))
    return _wrap(_np.inner(_plain(a), _plain(b)))


def vdot(a, b, /):
    """Dot product of flattened vectors, conjugating the first (``numpy.vdot``). Cost: ``2n``.

    Examples
    --------
    >>> import mechestim as me
    >>> me.vdot(me.array([[1, 2], [3, 4]]), me.array([[1, 1], [1, 1]]))
    np.int64(10)
    """
    sa, sb = tuple(_shape(a)), tuple(_shape(b))
    na, nb = int(_np.prod(sa, dtype=_np.int64)), int(_np.prod(sb, dtype=_np.int64))
    if na != nb:
        raise ShapeError(f"vdot: vectors have different lengths ({na} and {nb})")
    _core.charge(_VDOT, _einsum_cost(("vdot", na), lambda: ("i,i->", [(na,), (na,)])))
    return _wrap(_np.vdot(_plain(a), _plain(b)))


def tensordot(a, b, axes=2):
    """Tensor dot product over the given axes (``numpy.tensordot``).

    Cost: the einsum of the contraction; ``(3,4,5)`` and ``(4,5,6)`` with ``axes=2`` cost 720.

    Examples
    --------
    >>> import mechestim as me
    >>> me.tensordot(me.ones((3, 4, 5)), me.ones((4, 5, 6)), axes=2).shape
    (3, 6)
    """
    sa, sb = tuple(_shape(a)), tuple(_shape(b))
    if _has_symmetry(a, b):
        return _symmetric(
            _TENSORDOT,
            tensordot_subscripts(sa, sb, axes),
            a,
            b,
            lambda: _np.tensordot(_plain(a), _plain(b), axes),
        )
    key_axes = (
        axes if isinstance(axes, int) else (tuple(_np.atleast_1d(axes[0])), tuple(_np.atleast_1d(axes[1])))
    )
    _core.charge(
        _TENSORDOT,
        _einsum_cost(("tensordot", sa, sb, key_axes), lambda: (tensordot_subscripts(sa, sb, axes), [sa, sb])),
    )
    return _wrap(_np.tensordot(_plain(a), _plain(b), axes))


def outer(a, b, out=None):
    """Outer product of two flattened vectors (``numpy.outer``). Cost: ``n*m``.

    Examples
    --------
    >>> import mechestim as me
    >>> me.outer(me.array([1, 2]), me.array([1, 10, 100]))
    array([[  1,  10, 100],
           [  2,  20, 200]])
    """
    n = int(_np.prod(_shape(a), dtype=_np.int64))
    m = int(_np.prod(_shape(b), dtype=_np.int64))
    _core.charge(_OUTER, _einsum_cost(("outer", n, m), lambda: ("i,j->ij", [(n,), (m,)])))
    return _wrap(_np.outer(_plain(a), _plain(b), out))


def _vector_ufunc(name: str, subscripts: str, op: int, ufunc):
    def wrapper(
        x1,
        x2,
        /,
        out=None,
        *,
        axes=_NoValue,
        axis=_NoValue,
        keepdims=False,
        casting="same_kind",
        order="K",
        dtype=None,
        subok=True,
        signature=None,
    ):
        sa, sb = tuple(_shape(x1)), tuple(_shape(x2))
        if axes is not _NoValue:
            sa, sb = _core_last(sa, axes[0]), _core_last(sb, axes[1])
        elif axis is not _NoValue:
            sa, sb = _core_last(sa, axis), _core_last(sb, axis)
        _core.charge(op, _einsum_cost((name, sa, sb), lambda: (subscripts, [sa, sb])))
        kwargs = _gufunc_kwargs(out, axes, axis, keepdims, casting, order, dtype, subok, signature)
        result = ufunc(_plain(x1), _plain(x2), **kwargs)
        return result if out is not None else _wrap(result)

    wrapper.__name__ = wrapper.__qualname__ = name
    wrapper.__doc__ = (
        f"``numpy.{name}``, priced as the einsum ``{subscripts}``.\n\n"
        f"    Cost: prod(index sizes) * 2 (one multiply-add per visited index tuple)."
    )
    return wrapper


_MATMUL = _core.op_id("matmul")
_DOT = _core.op_id("dot")
_INNER = _core.op_id("inner")
_VDOT = _core.op_id("vdot")
_TENSORDOT = _core.op_id("tensordot")
_OUTER = _core.op_id("outer")
vecdot = _vector_ufunc("vecdot", "...i,...i->...", _core.op_id("vecdot"), _np.vecdot)
matvec = _vector_ufunc("matvec", "...ij,...j->...i", _core.op_id("matvec"), _np.matvec)
vecmat = _vector_ufunc("vecmat", "...i,...ij->...j", _core.op_id("vecmat"), _np.vecmat)
