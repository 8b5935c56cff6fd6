"""Discrete Fourier transforms (``numpy.fft``), priced by transform length.

A complex transform of ``N`` points costs ``5·N·⌈lg N⌉`` FLOPs; a transform of
real data (``rfft*``, ``irfft*``) costs ``5·⌊N/2⌋·⌈lg N⌉``; ``hfft`` and
``ihfft`` cost ``5·n·⌈lg n⌉`` for a real signal of ``n`` points. Over several
axes, ``N`` is the product of the transformed lengths. Every transform of a
batch counts: the cost is multiplied by the product of the sizes of the axes
that are not transformed. ``fftfreq``, ``rfftfreq``, ``fftshift`` and
``ifftshift`` are free.

Every function has NumPy's signature and returns NumPy's values as an
``me.ndarray``. The cost is charged before NumPy runs; a call that would be
refused (a length below 1, a bad axis, a bad ``norm`` or ``out``) raises
before anything is charged.
"""

from __future__ import annotations

import numpy as _np

from mechestim import _core
from mechestim._dispatch import plain as _plain
from mechestim._dispatch import wrap as _wrap
from mechestim.errors import InvalidArgumentError as _InvalidArgumentError
from mechestim.errors import ShapeError as _ShapeError
from mechestim.errors import UnsupportedFunctionError as _UnsupportedFunctionError

__all__ = [
    "fft",
    "ifft",
    "rfft",
    "irfft",
    "hfft",
    "ihfft",
    "fft2",
    "ifft2",
    "fftn",
    "ifftn",
    "rfft2",
    "irfft2",
    "rfftn",
    "irfftn",
    "fftfreq",
    "rfftfreq",
    "fftshift",
    "ifftshift",
]

_shape = _core.operand_shape
_axis_cost = _core.fft_axis_cost
_axes_cost = _core.fftn_axes_cost
_charge = _core.charge

_FFT = _core.op_id("fft.fft")
_IFFT = _core.op_id("fft.ifft")
_RFFT = _core.op_id("fft.rfft")
_IRFFT = _core.op_id("fft.irfft")
_HFFT = _core.op_id("fft.hfft")
_IHFFT = _core.op_id("fft.ihfft")
_FFT2 = _core.op_id("fft.fft2")
_IFFT2 = _core.op_id("fft.ifft2")
_FFTN = _core.op_id("fft.fftn")
_IFFTN = _core.op_id("fft.ifftn")
_RFFT2 = _core.op_id("fft.rfft2")
_IRFFT2 = _core.op_id("fft.irfft2")
_RFFTN = _core.op_id("fft.rfftn")
_IRFFTN = _core.op_id("fft.irfftn")

_NORMS = frozenset({"backward", "ortho", "forward"})
# Transforms whose result is real (the others return complex values).
_REAL_RESULT = frozenset({"irfft", "hfft", "irfft2", "irfftn"})
# Transforms of real input: NumPy refuses complex data.
_REAL_INPUT = frozenset({"rfft", "ihfft", "rfft2", "rfftn"})


def _check_norm(norm) -> None:
    if norm is not None and not (isinstance(norm, str) and norm in _NORMS):
        raise _InvalidArgumentError(
            f'Invalid norm value {norm}; should be "backward", "ortho" or "forward" (or None)'
        )


def _check_real(a, kind: str) -> None:
    dtype = a.dtype if isinstance(a, _np.ndarray) else _np.asarray(a).dtype
    if dtype.kind == "c":
        raise TypeError(
            f"{kind} transforms real data, but got complex data (dtype {dtype}); "
            f"pass the real part (a.real) or use the complex transform"
        )


def _check_out(out, expected, kind: str) -> None:
    """Refuse an ``out`` NumPy could not write the result of `kind` into (before charging)."""
    if not isinstance(out, _np.ndarray):
        raise TypeError(f"out must be an array, not {type(out).__name__}")
    expected = tuple(expected)
    if out.shape != expected:
        raise _ShapeError(
            f"output array has wrong shape: {kind} returns shape {expected}, out has {out.shape}"
        )
    kinds = "fc" if kind in _REAL_RESULT else "c"
    if out.dtype.kind not in kinds:
        what = "a float or complex" if kind in _REAL_RESULT else "a complex"
        raise TypeError(f"{kind} needs {what} out array, but out has dtype {out.dtype}")


def _charge_1d(op: int, kind: str, a, n, axis, norm, out) -> None:
    shape = _shape(a)
    _check_norm(norm)
    if kind in _REAL_INPUT:
        _check_real(a, kind)
    cost = _axis_cost(shape, n, axis, kind)
    if out is not None:
        _check_out(out, _core.fft_axis_out_shape(shape, n, axis, kind), kind)
    _charge(op, cost)


def _charge_nd(op: int, kind: str, a, s, axes, norm, out) -> None:
    shape = _shape(a)
    _check_norm(norm)
    if kind in _REAL_INPUT:
        _check_real(a, kind)
    cost = _axes_cost(shape, s, axes, kind)
    if out is not None:
        _check_out(out, _core.fftn_axes_out_shape(shape, s, axes, kind), kind)
    _charge(op, cost)


def _run_1d(fn, a, n, axis, norm, out):
    if out is None:
        return _wrap(fn(_plain(a), n, axis, norm))
    po = _plain(out)
    result = fn(_plain(a), n, axis, norm, po)
    if result is not po:  # hfft computes into a new array
        _np.copyto(po, result, casting="same_kind")
    return out


def _run_nd(fn, a, s, axes, norm, out):
    result = fn(_plain(a), s, axes, norm)
    if out is None:
        return _wrap(result)
    # NumPy's multi-axis transforms reuse `out` between passes, which fails when
    # `s` changes a length; writing the finished result is the same values.
    _np.copyto(_plain(out), result, casting="same_kind")
    return out


# -- one-axis transforms --------------------------------------------------------------------------


def fft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the one-dimensional discrete Fourier Transform.

    Cost: 5·n·⌈lg n⌉ per transform, times the number of transforms (the product of
    the sizes of the other axes); ``n`` is the transform length (``n=``, or the
    length of ``a`` along ``axis``). Same signature and values as ``numpy.fft.fft``.

    Parameters
    ----------
    a : array_like
        Input array, can be complex.
    n : int, optional
        Length of the transformed axis of the output: the input is cropped or
        zero-padded to it. At least 1.
    axis : int, optional
        Axis over which to compute the FFT (default: the last one).
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").
    out : ndarray, optional
        Complex array of the result's shape to write the result into.

    Returns
    -------
    me.ndarray
        The complex transform.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     f = me.fft.fft(me.array([1.0, 0.0, 0.0, 0.0]))
    >>> f
    array([1.+0.j, 1.+0.j, 1.+0.j, 1.+0.j])
    >>> b.flops_used  # 5 * 4 * 2
    40
    """
    _charge_1d(_FFT, "fft", a, n, axis, norm, out)
    return _run_1d(_np.fft.fft, a, n, axis, norm, out)


def ifft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the one-dimensional inverse discrete Fourier Transform.

    Cost: 5·n·⌈lg n⌉ per transform, times the number of transforms; ``n`` is the
    transform length (``n=``, or the length of ``a`` along ``axis``). Same signature
    and values as ``numpy.fft.ifft``.

    Parameters
    ----------
    a : array_like
        Input array, can be complex.
    n : int, optional
        Length of the transformed axis of the output (cropped or zero-padded). At least 1.
    axis : int, optional
        Axis over which to compute the inverse FFT (default: the last one).
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").
    out : ndarray, optional
        Complex array of the result's shape to write the result into.

    Returns
    -------
    me.ndarray
        The complex inverse transform.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     x = me.fft.ifft(me.array([0, -2j, 0, 2j]))
    >>> x
    array([ 0.+0.j,  1.+0.j,  0.+0.j, -1.+0.j])
    >>> b.flops_used
    40
    """
    _charge_1d(_IFFT, "ifft", a, n, axis, norm, out)
    return _run_1d(_np.fft.ifft, a, n, axis, norm, out)


def rfft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the one-dimensional discrete Fourier Transform of real input.

    Cost: 5·⌊n/2⌋·⌈lg n⌉ per transform (half a complex transform), times the number
    of transforms; ``n`` is the number of real input points used (``n=``, or the length
    of ``a`` along ``axis``). Same signature and values as ``numpy.fft.rfft``.

    Parameters
    ----------
    a : array_like
        Real input array (complex data is refused, as NumPy does).
    n : int, optional
        Number of points along the transformed axis of the input (cropped or
        zero-padded). At least 1.
    axis : int, optional
        Axis over which to compute the FFT (default: the last one).
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").
    out : ndarray, optional
        Complex array of the result's shape (``n//2 + 1`` along ``axis``).

    Returns
    -------
    me.ndarray
        The non-negative frequency terms, ``n//2 + 1`` of them along ``axis``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     f = me.fft.rfft(me.array([1.0, 2.0, 3.0, 4.0]))
    >>> f
    array([10.+0.j, -2.+2.j, -2.+0.j])
    >>> b.flops_used  # 5 * (4 // 2) * 2
    20
    """
    _charge_1d(_RFFT, "rfft", a, n, axis, norm, out)
    return _run_1d(_np.fft.rfft, a, n, axis, norm, out)


def irfft(a, n=None, axis=-1, norm=None, out=None):
    """Computes the inverse of `rfft`.

    Cost: 5·⌊n/2⌋·⌈lg n⌉ per transform, times the number of transforms; ``n`` is the
    length of the real output (``n=``, or ``2·(m-1)`` for ``m`` input points along
    ``axis``). Same signature and values as ``numpy.fft.irfft``.

    Parameters
    ----------
    a : array_like
        The non-negative frequency terms of a real signal.
    n : int, optional
        Length of the real output along ``axis``. At least 1.
    axis : int, optional
        Axis over which to compute the inverse FFT (default: the last one).
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").
    out : ndarray, optional
        Float (or complex) array of the result's shape.

    Returns
    -------
    me.ndarray
        The real signal, ``n`` points along ``axis``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     x = me.fft.irfft(me.array([10, -2 + 2j, -2]))
    >>> x
    array([1., 2., 3., 4.])
    >>> b.flops_used  # n = 2 * (3 - 1) = 4: 5 * 2 * 2
    20
    """
    _charge_1d(_IRFFT, "irfft", a, n, axis, norm, out)
    return _run_1d(_np.fft.irfft, a, n, axis, norm, out)


def hfft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the FFT of a signal that has Hermitian symmetry, i.e., a real spectrum.

    Cost: 5·n·⌈lg n⌉ per transform, times the number of transforms; ``n`` is the
    length of the real output (``n=``, or ``2·(m-1)`` for ``m`` input points along
    ``axis``). Same signature and values as ``numpy.fft.hfft``; ``out``, when given,
    receives the result.

    Parameters
    ----------
    a : array_like
        The first half of a Hermitian-symmetric signal.
    n : int, optional
        Length of the real output along ``axis``. At least 1.
    axis : int, optional
        Axis over which to compute the FFT (default: the last one).
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").
    out : ndarray, optional
        Float (or complex) array of the result's shape.

    Returns
    -------
    me.ndarray
        The real spectrum, ``n`` points along ``axis``.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     f = me.fft.hfft(me.array([4.0, 1.0, 0.0]))
    >>> f
    array([6., 4., 2., 4.])
    >>> b.flops_used  # n = 4: 5 * 4 * 2
    40
    """
    _charge_1d(_HFFT, "hfft", a, n, axis, norm, out)
    return _run_1d(_np.fft.hfft, a, n, axis, norm, out)


def ihfft(a, n=None, axis=-1, norm=None, out=None):
    """Compute the inverse FFT of a signal that has Hermitian symmetry.

    Cost: 5·n·⌈lg n⌉ per transform, times the number of transforms; ``n`` is the
    number of real input points used (``n=``, or the length of ``a`` along ``axis``).
    Same signature and values as ``numpy.fft.ihfft``.

    Parameters
    ----------
    a : array_like
        Real input array.
    n : int, optional
        Number of points along the transformed axis of the input (cropped or
        zero-padded). At least 1.
    axis : int, optional
        Axis over which to compute the inverse FFT (default: the last one).
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").
    out : ndarray, optional
        Complex array of the result's shape (``n//2 + 1`` along ``axis``).

    Returns
    -------
    me.ndarray
        The first ``n//2 + 1`` terms of the Hermitian-symmetric result.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     x = me.fft.ihfft(me.array([6.0, 4.0, 2.0, 4.0]))
    >>> x
    array([4.-0.j, 1.-0.j, 0.-0.j])
    >>> b.flops_used  # 5 * 4 * 2
    40
    """
    _charge_1d(_IHFFT, "ihfft", a, n, axis, norm, out)
    return _run_1d(_np.fft.ihfft, a, n, axis, norm, out)


# -- multi-axis transforms ------------------------------------------------------------------------


def fft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Compute the 2-dimensional discrete Fourier Transform.

    Cost: 5·N·⌈lg N⌉ with N the product of the transformed lengths (``s=``, or the
    input's lengths along ``axes``), times the number of transforms (the product of
    the sizes of the other axes). Same signature and values as ``numpy.fft.fft2``.

    Parameters
    ----------
    a : array_like
        Input array.
    s : sequence of ints, optional
        Length of each transformed axis of the output (cropped or zero-padded); ``-1`` keeps
        the input's length. Each at least 1.
    axes : sequence of ints, optional
        Axes to transform (default: the last two). Each axis at most once.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").
    out : ndarray, optional
        Complex array of the result's shape to write the result into.

    Returns
    -------
    me.ndarray
        The complex transform.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     f = me.fft.fft2(me.array([[1.0, 2.0], [3.0, 4.0]]))
    >>> f
    array([[10.+0.j, -2.+0.j],
           [-4.+0.j,  0.+0.j]])
    >>> b.flops_used  # N = 4: 5 * 4 * 2
    40
    """
    _charge_nd(_FFT2, "fft2", a, s, axes, norm, out)
    return _run_nd(_np.fft.fft2, a, s, axes, norm, out)


def ifft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Compute the 2-dimensional inverse discrete Fourier Transform.

    Cost: 5·N·⌈lg N⌉ with N the product of the transformed lengths, times the number
    of transforms. Same signature and values as ``numpy.fft.ifft2``.

    Parameters
    ----------
    a : array_like
        Input array.
    s : sequence of ints, optional
        Length of each transformed axis of the output (cropped or zero-padded); ``-1`` keeps
        the input's length. Each at least 1.
    axes : sequence of ints, optional
        Axes to transform (default: the last two). Each axis at most once.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").
    out : ndarray, optional
        Complex array of the result's shape to write the result into.

    Returns
    -------
    me.ndarray
        The complex inverse transform.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     x = me.fft.ifft2(me.array([[10, -2], [-4, 0]]))
    >>> x
    array([[1.+0.j, 2.+0.j],
           [3.+0.j, 4.+0.j]])
    >>> b.flops_used
    40
    """
    _charge_nd(_IFFT2, "ifft2", a, s, axes, norm, out)
    return _run_nd(_np.fft.ifft2, a, s, axes, norm, out)


def fftn(a, s=None, axes=None, norm=None, out=None):
    """Compute the N-dimensional discrete Fourier Transform.

    Cost: 5·N·⌈lg N⌉ with N the product of the transformed lengths, times the number
    of transforms. A call that transforms no axis (``axes=()``, a 0-d input) costs 0,
    as NumPy returns its input. Same signature and values as ``numpy.fft.fftn``.

    Parameters
    ----------
    a : array_like
        Input array.
    s : sequence of ints, optional
        Length of each transformed axis of the output (cropped or zero-padded); ``-1`` keeps
        the input's length. Each at least 1.
    axes : sequence of ints, optional
        Axes to transform (default: every axis, or the last ``len(s)`` when ``s`` is given). Each axis at most once.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").
    out : ndarray, optional
        Complex array of the result's shape to write the result into.

    Returns
    -------
    me.ndarray
        The complex transform.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     f = me.fft.fftn(me.ones((2, 2, 2)))
    >>> f[0, 0, 0]
    np.complex128(8+0j)
    >>> b.flops_used  # N = 8: 5 * 8 * 3
    120
    """
    _charge_nd(_FFTN, "fftn", a, s, axes, norm, out)
    return _run_nd(_np.fft.fftn, a, s, axes, norm, out)


def ifftn(a, s=None, axes=None, norm=None, out=None):
    """Compute the N-dimensional inverse discrete Fourier Transform.

    Cost: 5·N·⌈lg N⌉ with N the product of the transformed lengths, times the number
    of transforms; a call that transforms no axis costs 0. Same signature and values as
    ``numpy.fft.ifftn``.

    Parameters
    ----------
    a : array_like
        Input array.
    s : sequence of ints, optional
        Length of each transformed axis of the output (cropped or zero-padded); ``-1`` keeps
        the input's length. Each at least 1.
    axes : sequence of ints, optional
        Axes to transform (default: every axis, or the last ``len(s)`` when ``s`` is given). Each axis at most once.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").
    out : ndarray, optional
        Complex array of the result's shape to write the result into.

    Returns
    -------
    me.ndarray
        The complex inverse transform.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     x = me.fft.ifftn(me.array([[4.0, 0.0], [0.0, 0.0]]))
    >>> x
    array([[1.+0.j, 1.+0.j],
           [1.+0.j, 1.+0.j]])
    >>> b.flops_used
    40
    """
    _charge_nd(_IFFTN, "ifftn", a, s, axes, norm, out)
    return _run_nd(_np.fft.ifftn, a, s, axes, norm, out)


def rfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Compute the 2-dimensional FFT of a real array.

    Cost: 5·⌊N/2⌋·⌈lg N⌉ with N the product of the transformed (real input) lengths,
    times the number of transforms. Same signature and values as ``numpy.fft.rfft2``.

    Parameters
    ----------
    a : array_like
        Input array.
    s : sequence of ints, optional
        Length of each transformed axis of the real input (cropped or zero-padded); ``-1`` keeps
        the input's length. Each at least 1.
    axes : sequence of ints, optional
        Axes to transform (default: the last two). Each axis at most once.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").
    out : ndarray, optional
        Complex array of the result's shape to write the result into.

    Returns
    -------
    me.ndarray
        The complex transform, ``s[-1]//2 + 1`` terms along the last transformed axis.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     f = me.fft.rfft2(me.ones((4, 4)))
    >>> f.shape, f[0, 0]
    ((4, 3), np.complex128(16+0j))
    >>> b.flops_used  # N = 16: 5 * 8 * 4
    160
    """
    _charge_nd(_RFFT2, "rfft2", a, s, axes, norm, out)
    return _run_nd(_np.fft.rfft2, a, s, axes, norm, out)


def irfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    """Computes the inverse of `rfft2`.

    Cost: 5·⌊N/2⌋·⌈lg N⌉ with N the product of the real output's lengths (the last one
    ``2·(m-1)`` unless ``s=`` is given), times the number of transforms. Same signature
    and values as ``numpy.fft.irfft2``.

    Parameters
    ----------
    a : array_like
        Input array.
    s : sequence of ints, optional
        Length of each transformed axis of the real output (cropped or zero-padded); ``-1`` keeps
        the input's length. Each at least 1.
    axes : sequence of ints, optional
        Axes to transform (default: the last two). Each axis at most once.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").
    out : ndarray, optional
        Float (or complex) array of the result's shape to write the result into.

    Returns
    -------
    me.ndarray
        The real result.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     x = me.fft.irfft2(me.array([[8.0, 0.0, 0.0], [0.0, 0.0, 0.0]]))
    >>> x
    array([[1., 1., 1., 1.],
           [1., 1., 1., 1.]])
    >>> b.flops_used  # N = 2 * 4 = 8: 5 * 4 * 3
    60
    """
    _charge_nd(_IRFFT2, "irfft2", a, s, axes, norm, out)
    return _run_nd(_np.fft.irfft2, a, s, axes, norm, out)


def rfftn(a, s=None, axes=None, norm=None, out=None):
    """Compute the N-dimensional discrete Fourier Transform for real input.

    Cost: 5·⌊N/2⌋·⌈lg N⌉ with N the product of the transformed (real input) lengths,
    times the number of transforms. Same signature and values as ``numpy.fft.rfftn``.

    Parameters
    ----------
    a : array_like
        Input array.
    s : sequence of ints, optional
        Length of each transformed axis of the real input (cropped or zero-padded); ``-1`` keeps
        the input's length. Each at least 1.
    axes : sequence of ints, optional
        Axes to transform (default: every axis, or the last ``len(s)`` when ``s`` is given). Each axis at most once.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").
    out : ndarray, optional
        Complex array of the result's shape to write the result into.

    Returns
    -------
    me.ndarray
        The complex transform, ``s[-1]//2 + 1`` terms along the last transformed axis.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     f = me.fft.rfftn(me.ones((2, 4)))
    >>> f
    array([[8.+0.j, 0.+0.j, 0.+0.j],
           [0.+0.j, 0.+0.j, 0.+0.j]])
    >>> b.flops_used  # N = 8: 5 * 4 * 3
    60
    """
    _charge_nd(_RFFTN, "rfftn", a, s, axes, norm, out)
    return _run_nd(_np.fft.rfftn, a, s, axes, norm, out)


def irfftn(a, s=None, axes=None, norm=None, out=None):
    """Computes the inverse of `rfftn`.

    Cost: 5·⌊N/2⌋·⌈lg N⌉ with N the product of the real output's lengths (the last one
    ``2·(m-1)`` unless ``s=`` is given), times the number of transforms. Same signature
    and values as ``numpy.fft.irfftn``.

    Parameters
    ----------
    a : array_like
        Input array.
    s : sequence of ints, optional
        Length of each transformed axis of the real output (cropped or zero-padded); ``-1`` keeps
        the input's length. Each at least 1.
    axes : sequence of ints, optional
        Axes to transform (default: every axis, or the last ``len(s)`` when ``s`` is given). Each axis at most once.
    norm : {"backward", "ortho", "forward"}, optional
        Normalization mode (default "backward").
    out : ndarray, optional
        Float (or complex) array of the result's shape to write the result into.

    Returns
    -------
    me.ndarray
        The real result.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     x = me.fft.irfftn(me.array([[8.0, 0.0, 0.0], [0.0, 0.0, 0.0]]))
    >>> x.shape
    (2, 4)
    >>> b.flops_used
    60
    """
    _charge_nd(_IRFFTN, "irfftn", a, s, axes, norm, out)
    return _run_nd(_np.fft.irfftn, a, s, axes, norm, out)


# -- free helpers ---------------------------------------------------------------------------------


def fftfreq(n, d=1.0, device=None):
    """Return the Discrete Fourier Transform sample frequencies.

    Free (0 FLOPs): the frequencies depend only on ``n`` and ``d``. Same signature and
    values as ``numpy.fft.fftfreq``.

    Parameters
    ----------
    n : int
        Window length.
    d : scalar, optional
        Sample spacing (default 1.0).
    device : str, optional
        ``"cpu"`` or None (array API compatibility).

    Returns
    -------
    me.ndarray
        The ``n`` sample frequencies, zero first, then positive, then negative.

    Examples
    --------
    >>> import mechestim as me
    >>> me.fft.fftfreq(8, d=0.5)
    array([ 0.  ,  0.25,  0.5 ,  0.75, -1.  , -0.75, -0.5 , -0.25])
    """
    return _wrap(_np.fft.fftfreq(n, _plain(d), device=device))


def rfftfreq(n, d=1.0, device=None):
    """Return the Discrete Fourier Transform sample frequencies (for usage with rfft, irfft).

    Free (0 FLOPs). Same signature and values as ``numpy.fft.rfftfreq``.

    Parameters
    ----------
    n : int
        Window length.
    d : scalar, optional
        Sample spacing (default 1.0).
    device : str, optional
        ``"cpu"`` or None (array API compatibility).

    Returns
    -------
    me.ndarray
        The ``n//2 + 1`` non-negative sample frequencies.

    Examples
    --------
    >>> import mechestim as me
    >>> me.fft.rfftfreq(8, d=0.5)
    array([0.  , 0.25, 0.5 , 0.75, 1.  ])
    """
    return _wrap(_np.fft.rfftfreq(n, _plain(d), device=device))


def fftshift(x, axes=None):
    """Shift the zero-frequency component to the center of the spectrum.

    Free (0 FLOPs): a roll of the data. Same signature and values as
    ``numpy.fft.fftshift``.

    Parameters
    ----------
    x : array_like
        Input array.
    axes : int or shape tuple, optional
        Axes over which to shift (default: all).

    Returns
    -------
    me.ndarray
        The shifted array.

    Examples
    --------
    >>> import mechestim as me
    >>> me.fft.fftshift(me.fft.fftfreq(6))
    array([-0.5       , -0.33333333, -0.16666667,  0.        ,  0.16666667,
            0.33333333])
    """
    return _wrap(_np.fft.fftshift(_plain(x), axes))


def ifftshift(x, axes=None):
    """The inverse of `fftshift`.

    Free (0 FLOPs): a roll of the data. Same signature and values as
    ``numpy.fft.ifftshift``.

    Parameters
    ----------
    x : array_like
        Input array.
    axes : int or shape tuple, optional
        Axes over which to shift (default: all).

    Returns
    -------
    me.ndarray
        The shifted array.

    Examples
    --------
    >>> import mechestim as me
    >>> me.fft.ifftshift(me.array([3, 4, 5, 0, 1, 2]))
    array([0, 1, 2, 3, 4, 5])
    """
    return _wrap(_np.fft.ifftshift(_plain(x), axes))


def __getattr__(name: str):
    """Blocked and unknown names of ``numpy.fft`` raise :class:`UnsupportedFunctionError`."""
    if name.startswith("_"):
        raise AttributeError(f"module 'mechestim.fft' has no attribute {name!r}")
    _core.op_id(f"fft.{name}")  # raises UnsupportedFunctionError for blocked / unknown names
    raise _UnsupportedFunctionError(f"mechestim does not provide fft.{name} yet", f"fft.{name}", "", "")
