"""``mechestim.ndarray``: a NumPy array whose operators and methods are counted.

Results of mechestim operations are ``me.ndarray`` views: ``A @ B`` costs
what ``me.matmul(A, B)`` costs, ``A * 2.0 + 1.0`` costs two pointwise ops, and
``A.sum()`` costs what ``me.sum(A)`` costs. Views, metadata and data
movement (``.T``, ``.reshape``, ``.copy()``, basic slicing) stay free.
"""

from __future__ import annotations

import numpy as _np

from mechestim import _core, _indexing
from mechestim._dispatch import set_array_type as _set_array_type
from mechestim._dispatch import wrap as _wrap
from mechestim.errors import NonNumericError

__all__ = ["ndarray"]

_nd = _np.ndarray
_charge_binary = _core.charge_binary
_charge_unary = _core.charge_unary
_op_id = _core.op_id


def _binary(name: str, ufunc: _np.ufunc):
    op = _op_id(name)

    def forward(self, other):
        _charge_binary(op, self, other)
        return ufunc(self, other, subok=False).view(ndarray)

    def reflected(self, other):
        _charge_binary(op, other, self)
        return ufunc(other, self, subok=False).view(ndarray)

    def inplace(self, other):
        _charge_binary(op, self, other)
        ufunc(self, other, out=(self,))
        return self

    for f, kind in ((forward, ""), (reflected, "r"), (inplace, "i")):
        f.__doc__ = f"Counted like ``me.{name}`` ({kind or 'forward'} operator)."
    return forward, reflected, inplace


def _comparison(name: str, ufunc: _np.ufunc, fallback):
    op = _op_id(name)

    def compare(self, other):
        try:
            _charge_binary(op, self, other)
        except NonNumericError:  # e.g. ``a == None``: NumPy's element-wise answer, priced per element
            _charge_unary(op, self)
            return _wrap(fallback(self.view(_nd), other))
        return ufunc(self, other, subok=False).view(ndarray)

    compare.__doc__ = f"Counted like ``me.{name}``."
    return compare


def _unary(name: str, ufunc: _np.ufunc):
    op = _op_id(name)

    def apply(self):
        _charge_unary(op, self)
        return ufunc(self, subok=False).view(ndarray)

    apply.__doc__ = f"Counted like ``me.{name}``."
    return apply


def _method(name: str):
    """A method that forwards to the counted function ``me.<name>``."""

    def method(self, *args, **kwargs):
        import mechestim

        return getattr(mechestim, name)(self, *args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"Counted like ``me.{name}(self, ...)``; see ``numpy.ndarray.{name}``."
    return method


def _is_advanced(key) -> bool:
    if isinstance(key, (_nd, list)):
        return True
    if type(key) is tuple:
        return any(isinstance(k, (_nd, list)) for k in key)
    return False


class ndarray(_nd):
    """A ``numpy.ndarray`` whose arithmetic is charged to the active FLOP budget.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=1000) as b:
    ...     A = me.ones((10, 10))          # free
    ...     B = A * 2.0 + 1.0              # 100 + 100
    >>> b.flops_used
    200
    >>> type(B).__name__
    'ndarray'
    """

    __slots__ = ()

    __add__, __radd__, __iadd__ = _binary("add", _np.add)
    __sub__, __rsub__, __isub__ = _binary("subtract", _np.subtract)
    __mul__, __rmul__, __imul__ = _binary("multiply", _np.multiply)
    __truediv__, __rtruediv__, __itruediv__ = _binary("true_divide", _np.true_divide)
    __floordiv__, __rfloordiv__, __ifloordiv__ = _binary("floor_divide", _np.floor_divide)
    __mod__, __rmod__, __imod__ = _binary("remainder", _np.remainder)
    __pow__, __rpow__, __ipow__ = _binary("power", _np.power)
    __and__, __rand__, __iand__ = _binary("bitwise_and", _np.bitwise_and)
    __or__, __ror__, __ior__ = _binary("bitwise_or", _np.bitwise_or)
    __xor__, __rxor__, __ixor__ = _binary("bitwise_xor", _np.bitwise_xor)
    __lshift__, __rlshift__, __ilshift__ = _binary("left_shift", _np.left_shift)
    __rshift__, __rrshift__, __irshift__ = _binary("right_shift", _np.right_shift)

    __lt__ = _comparison("less", _np.less, _nd.__lt__)
    __le__ = _comparison("less_equal", _np.less_equal, _nd.__le__)
    __gt__ = _comparison("greater", _np.greater, _nd.__gt__)
    __ge__ = _comparison("greater_equal", _np.greater_equal, _nd.__ge__)
    __eq__ = _comparison("equal", _np.equal, _nd.__eq__)
    __ne__ = _comparison("not_equal", _np.not_equal, _nd.__ne__)
    __hash__ = None

    __neg__ = _unary("negative", _np.negative)
    __pos__ = _unary("positive", _np.positive)
    __abs__ = _unary("absolute", _np.absolute)
    __invert__ = _unary("invert", _np.invert)

    def __divmod__(self, other):
        import mechestim

        return mechestim.divmod(self, other)

    def __rdivmod__(self, other):
        import mechestim

        return mechestim.divmod(other, self)

    def __matmul__(self, other):
        import mechestim

        return mechestim.matmul(self, other)

    def __rmatmul__(self, other):
        import mechestim

        return mechestim.matmul(other, self)

    def __imatmul__(self, other):
        import mechestim

        self[...] = mechestim.matmul(self, other)
        return self

    def __getitem__(self, key):
        if _is_advanced(key):
            return _indexing.gather(self, key)
        return _nd.__getitem__(self, key)

    def __setitem__(self, key, value):
        if _is_advanced(key):
            _indexing.scatter(self, key, value)
            return
        _nd.__setitem__(self, key, value)

    # Counted methods forward to the counted functions.
    all = _method("all")
    any = _method("any")
    argmax = _method("argmax")
    argmin = _method("argmin")
    argpartition = _method("argpartition")
    argsort = _method("argsort")
    choose = _method("choose")

    def clip(self, min=None, max=None, out=None, **kwargs):
        """Counted like ``me.clip(self, min, max, out)``."""
        import mechestim

        return mechestim.clip(self, min, max, out, **kwargs)

    def compress(self, condition, axis=None, out=None):
        """Counted like ``me.compress(condition, self, axis, out)``."""
        import mechestim

        return mechestim.compress(condition, self, axis, out)

    conj = _method("conj")
    conjugate = _method("conjugate")
    cumprod = _method("cumprod")
    cumsum = _method("cumsum")
    dot = _method("dot")
    max = _method("max")
    mean = _method("mean")
    min = _method("min")
    nonzero = _method("nonzero")
    prod = _method("prod")
    put = _method("put")
    round = _method("round")
    searchsorted = _method("searchsorted")
    std = _method("std")
    sum = _method("sum")
    take = _method("take")
    trace = _method("trace")
    var = _method("var")

    def sort(self, axis=-1, kind=None, order=None, *, stable=None):
        """Sort in place; counted like ``me.sort``."""
        _core.charge(_op_id("sort"), _core.sort_cost(_core.operand_shape(self), axis))
        _nd.sort(self, axis=axis, kind=kind, order=order, stable=stable)

    def partition(self, kth, axis=-1, kind="introselect", order=None):
        """Partition in place; counted like ``me.partition``."""
        _core.charge(_op_id("partition"), _core.partition_cost(_core.operand_shape(self), axis))
        _nd.partition(self, kth, axis=axis, kind=kind, order=order)

    def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
        """Cast; counted like ``me.astype`` (one FLOP per element, free when the dtype does not change)."""
        if _np.dtype(dtype) != self.dtype:
            _charge_unary(_op_id("astype"), self)
        return _wrap(_nd.astype(self.view(_nd), dtype, order=order, casting=casting, subok=False, copy=copy))

    def __reduce__(self):
        ctor, args, state = _nd.__reduce__(self)
        return (_rebuild, (ctor, args, state))

    def __repr__(self) -> str:
        return repr(self.view(_nd))

    def __str__(self) -> str:
        return str(self.view(_nd))


def _rebuild(ctor, args, state):
    arr = ctor(*args)
    arr.__setstate__(state)
    return arr.view(ndarray)


_set_array_type(ndarray)
