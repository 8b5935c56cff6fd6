"""Polynomial functions (the ``numpy.poly*`` family and ``roots``), priced by the
number of coefficients and evaluation points.
"""

from __future__ import annotations

import numpy as _np

from mechestim import _core
from mechestim._dispatch import plain as _plain
from mechestim._dispatch import wrap as _wrap
from mechestim._numeric import _checked
from mechestim.errors import InvalidArgumentError as _InvalidArgumentError
from mechestim.errors import ShapeError as _ShapeError

__all__ = [
    "polyval",
    "polyadd",
    "polysub",
    "polymul",
    "polydiv",
    "polyfit",
    "poly",
    "roots",
    "polyder",
    "polyint",
]

_shape = _core.operand_shape
_numel = _core.unary_cost

_POLYVAL = _core.op_id("polyval")
_POLYADD = _core.op_id("polyadd")
_POLYSUB = _core.op_id("polysub")
_POLYMUL = _core.op_id("polymul")
_POLYDIV = _core.op_id("polydiv")
_POLYFIT = _core.op_id("polyfit")
_POLY = _core.op_id("poly")
_ROOTS = _core.op_id("roots")
_POLYDER = _core.op_id("polyder")
_POLYINT = _core.op_id("polyint")


def _ncoef(p) -> int:
    """Number of coefficients of `p` (a scalar is one coefficient)."""
    return _numel(_shape(p))


def polyval(p, x):
    """Evaluate a polynomial at specific values.

    Cost: 2·m·deg FLOPs (Horner's rule: one multiply and one add per coefficient after
    the first) for m = numel(x) points and a polynomial of degree deg.
    Same signature and values as ``numpy.polyval``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     y = me.polyval(me.array([1.0, 0.0, -1.0]), [0.0, 1.0, 2.0])
    >>> y
    array([-1.,  0.,  3.])
    >>> b.flops_used  # 2 * 3 * 2
    12
    """
    sp = _shape(p)
    if not sp:
        raise TypeError("iteration over a 0-d array")
    m = _core.binary_cost(_shape(x), sp[1:])
    _core.charge(_POLYVAL, _core.polyval_cost(sp[0], m))
    return _wrap(_np.polyval(_plain(p), _plain(x)))


def polyadd(a1, a2):
    """Find the sum of two polynomials.

    Cost: max(n1, n2) FLOPs for n1 and n2 coefficients. Same signature and values as
    ``numpy.polyadd``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     p = me.polyadd(me.array([1.0, 2.0]), [9.0, 5.0, 4.0])
    >>> p
    array([9., 6., 6.])
    >>> b.flops_used
    3
    """
    _core.charge(_POLYADD, _core.polyadd_cost(_ncoef(a1), _ncoef(a2)))
    return _wrap(_np.polyadd(_plain(a1), _plain(a2)))


def polysub(a1, a2):
    """Difference (subtraction) of two polynomials.

    Cost: max(n1, n2) FLOPs for n1 and n2 coefficients. Same signature and values as
    ``numpy.polysub``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     p = me.polysub(me.array([2.0, 10.0, -2.0]), [3.0, 10.0, -4.0])
    >>> p
    array([-1.,  0.,  2.])
    >>> b.flops_used
    3
    """
    _core.charge(_POLYSUB, _core.polyadd_cost(_ncoef(a1), _ncoef(a2)))
    return _wrap(_np.polysub(_plain(a1), _plain(a2)))


def polymul(a1, a2):
    """Find the product of two polynomials.

    Cost: n1·n2 FLOPs for n1 and n2 coefficients. Same signature and values as
    ``numpy.polymul``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     p = me.polymul(me.array([1.0, 2.0, 3.0]), [9.0, 5.0, 1.0])
    >>> p
    array([ 9., 23., 38., 17.,  3.])
    >>> b.flops_used
    9
    """
    s1, s2 = _shape(a1), _shape(a2)
    if len(s1) > 1 or len(s2) > 1:
        raise _ShapeError("object too deep for desired array")
    _core.charge(_POLYMUL, _core.polymul_cost(_numel(s1), _numel(s2)))
    return _wrap(_np.polymul(_plain(a1), _plain(a2)))


def polydiv(u, v):
    """Returns the quotient and remainder of polynomial division.

    Cost: n1·n2 FLOPs for n1 and n2 coefficients. Same signature and values as
    ``numpy.polydiv``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     q, r = me.polydiv(me.array([3.0, 5.0, 2.0]), [2.0, 1.0])
    >>> q, r
    (array([1.5 , 1.75]), array([0.25]))
    >>> b.flops_used
    6
    """
    _core.charge(_POLYDIV, _core.polymul_cost(_ncoef(u), _ncoef(v)))
    return _wrap(_np.polydiv(_plain(u), _plain(v)))


def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    """Least squares polynomial fit.

    Cost: 2·m·(deg+1)² FLOPs for m points, times the number of data sets fitted at
    once (the columns of a 2-D ``y``). Same signature and values as ``numpy.polyfit``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     c = me.polyfit(me.array([0.0, 1.0, 2.0, 3.0]), [1.0, 3.0, 5.0, 7.0], 1)
    >>> c.round(6)
    array([2., 1.])
    >>> b.flops_used  # 2 * 4 * 2**2
    32
    """
    deg = int(deg)
    sx, sy = _shape(x), _shape(y)
    if deg < 0:
        raise _InvalidArgumentError("expected deg >= 0")
    if len(sx) != 1:
        raise TypeError("expected 1D vector for x")
    if sx[0] == 0:
        raise TypeError("expected non-empty vector for x")
    if len(sy) < 1 or len(sy) > 2:
        raise TypeError("expected 1D or 2D array for y")
    if sx[0] != sy[0]:
        raise TypeError("expected x and y to have same length")
    if w is not None:
        sw = _shape(w)
        if len(sw) != 1:
            raise TypeError("expected a 1-d array for weights")
        if sw[0] != sy[0]:
            raise TypeError("expected w and y to have the same length")
    fits = sy[1] if len(sy) == 2 else 1
    cost = _checked(fits * _core.polyfit_cost(sx[0], deg), "polyfit")
    _core.charge(_POLYFIT, cost)
    return _wrap(_np.polyfit(_plain(x), _plain(y), deg, rcond, full, _plain(w), cov))


def poly(seq_of_zeros):
    """Find the coefficients of a polynomial with the given sequence of roots.

    Cost: n² FLOPs for n roots. A square (n, n) matrix is first reduced to its
    eigenvalues, priced as ``eigvals`` (10·n³), then n².
    Same signature and values as ``numpy.poly``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     c = me.poly(me.array([1.0, 2.0, 3.0]))
    >>> c
    array([ 1., -6., 11., -6.])
    >>> b.flops_used
    9
    """
    ss = _shape(seq_of_zeros)
    if not ss:
        raise TypeError("poly: seq_of_zeros must be a sequence of roots or a square matrix, not a scalar")
    if len(ss) == 2 and ss[0] == ss[1] and ss[0] != 0:
        n = ss[0]
        cost = _checked(_core.roots_cost(n + 1) + _core.poly_cost(n), "poly")  # eigvals: 10·n³
    elif len(ss) == 1:
        cost = _core.poly_cost(ss[0])
    else:
        raise _ShapeError("input must be 1d or non-empty square 2d array.")
    _core.charge(_POLY, cost)
    return _wrap(_np.poly(_plain(seq_of_zeros)))


def roots(p):
    """Return the roots of a polynomial with coefficients given in p.

    Cost: 10·deg³ FLOPs (the eigenvalues of the deg x deg companion matrix), with deg
    = len(p) - 1. Same signature and values as ``numpy.roots``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     r = me.roots(me.array([1.0, -3.0, 2.0]))
    >>> sorted(r.tolist())
    [1.0, 2.0]
    >>> b.flops_used  # 10 * 2**3
    80
    """
    sp = _shape(p)
    if len(sp) > 1:
        raise _ShapeError("Input must be a rank-1 array.")
    _core.charge(_ROOTS, _core.roots_cost(_numel(sp)))
    return _wrap(_np.roots(_plain(p)))


def polyder(p, m=1):
    """Return the derivative of the specified order of a polynomial.

    Cost: n FLOPs per order for a polynomial of n coefficients: the k-th derivative
    (k = 0..m-1) starts from n-k coefficients, so m orders cost Σ max(n-k, 0).
    Same signature and values as ``numpy.polyder``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     d = me.polyder(me.array([1.0, 1.0, 1.0, 1.0]), 2)
    >>> d
    array([6., 2.])
    >>> b.flops_used  # 4 + 3
    7
    """
    n = _ncoef(p)
    m = int(m)
    if m < 0:
        raise _InvalidArgumentError("Order of derivative must be positive (see polyint)")
    _core.charge(_POLYDER, _core.polyder_cost(n, m))
    return _wrap(_np.polyder(_plain(p), m))


def polyint(p, m=1, k=None):
    """Return an antiderivative (indefinite integral) of a polynomial.

    Cost: n FLOPs per order for a polynomial of n coefficients: the j-th integral
    (j = 0..m-1) starts from n+j coefficients, so m orders cost m·n + m(m-1)/2.
    Same signature and values as ``numpy.polyint``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     q = me.polyint(me.array([3.0, 2.0, 1.0]))
    >>> q
    array([1., 1., 1., 0.])
    >>> b.flops_used
    3
    """
    n = _ncoef(p)
    m = int(m)
    if m < 0:
        raise _InvalidArgumentError("Order of integral must be positive (see polyder)")
    if k is not None:
        nk = _numel(_shape(k))
        if not (nk == 1 and m > 1) and nk < m:
            raise _InvalidArgumentError("k must be a scalar or a rank-1 array of length 1 or >m.")
    _core.charge(_POLYINT, _core.polyint_cost(n, m))
    return _wrap(_np.polyint(_plain(p), m, _plain(k)))
