"""Symmetric tensors: declared symmetry, carried through operations, cheaper work.

A :class:`SymmetricTensor` is an ``me.ndarray`` invariant under a group of
permutations of its axes. Unary pointwise ops and reductions on it cost its
number of unique elements; einsum prices each step on the distinct index
tuples it visits. The group is stored as its full list of elements
(permutations of the axes); the core crate enumerates and counts it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as _np

from mechestim import _core
from mechestim._dispatch import check_writeable as _check_writeable
from mechestim._dispatch import plain as _plain
from mechestim._ndarray import ndarray
from mechestim.errors import AxisError, SymmetryError

_normalize_axis_tuple = _np.lib.array_utils.normalize_axis_tuple

__all__ = ["SymmetricTensor", "SymmetryInfo", "as_symmetric", "is_symmetric"]

_nd = _np.ndarray
_ALLCLOSE = _core.op_id("allclose")


@dataclass(frozen=True)
class SymmetryInfo:
    """What a :class:`SymmetricTensor`'s symmetry saves.

    Attributes
    ----------
    symmetric_axes : list of tuple of int
        The sets of axes the group mixes (for the symmetric group on some
        axes, exactly those axes).
    order : int
        Number of permutations in the group.
    unique_elements : int
        Number of distinct elements (orbits of the index tuples).
    symmetry_factor : float
        ``size / unique_elements``: how many times fewer elements there are to compute.
    """

    symmetric_axes: list
    order: int
    unique_elements: int
    symmetry_factor: float


def _group(shape: tuple, generators) -> tuple[tuple, int, list]:
    """(elements, unique count, orbits) of the group `generators` generate on `shape`."""
    elements, unique, orbits = _core.symmetry_group(list(shape), [list(g) for g in generators])
    return tuple(tuple(e) for e in elements), unique, orbits


def _make(data, elements) -> ndarray:
    """View `data` as a SymmetricTensor with group `elements`, or as a plain
    ``me.ndarray`` when the group is trivial."""
    data = _np.asarray(_plain(data))
    if not elements:
        return data.view(ndarray)
    elements, unique, orbits = _group(data.shape, elements)
    if len(elements) <= 1:
        return data.view(ndarray)
    t = data.view(SymmetricTensor)
    t._elements = elements
    t._unique = unique
    t._orbits = tuple(tuple(o) for o in orbits if len(o) > 1)
    # Read-only, so that no write through a view or an ``out=`` can break the
    # symmetry unseen; ``__setitem__`` and in-place operators lift it.
    t.flags.writeable = False
    return t


class SymmetricTensor(ndarray):
    """An ``me.ndarray`` invariant under permutations of some of its axes.

    Create one with :func:`as_symmetric`. Unary pointwise operations and
    reductions cost its unique-element count; einsum (``me.einsum``) prices
    its steps on the distinct index tuples; operations that keep the
    symmetry return a ``SymmetricTensor``, the others a plain ``me.ndarray``.
    Writing into it drops its symmetry.

    Examples
    --------
    >>> import mechestim as me
    >>> S = me.as_symmetric(me.ones((4, 4)), (0, 1))
    >>> S.symmetric_axes
    [(0, 1)]
    >>> S.symmetry_info.unique_elements
    10
    """

    _elements: tuple | None = None
    _unique: int | None = None
    _orbits: tuple = ()
    _shared: bool = False

    def __array_finalize__(self, obj):
        # A view made by NumPy (slicing, reshaping, ...) does not inherit the
        # symmetry; the operations that keep it set it explicitly.
        self._elements = None
        self._unique = None
        self._orbits = ()
        self._shared = False

    @property
    def symmetric_axes(self) -> list:
        """The sets of axes the symmetry mixes, e.g. ``[(0, 1)]``."""
        return list(self._orbits)

    @property
    def symmetry_group(self) -> tuple:
        """Every permutation of the axes the tensor is invariant under."""
        return self._elements or (tuple(range(self.ndim)),)

    @property
    def symmetry_info(self) -> SymmetryInfo:
        """Group order, unique elements and the saving factor."""
        unique = self._unique if self._unique is not None else self.size
        return SymmetryInfo(
            symmetric_axes=self.symmetric_axes,
            order=len(self.symmetry_group),
            unique_elements=unique,
            symmetry_factor=self.size / unique if unique else 1.0,
        )

    @property
    def unique_elements(self) -> int:
        """Number of distinct elements under the symmetry."""
        return self._unique if self._unique is not None else self.size

    # -- views and copies that keep the symmetry -------------------------------------------
    def transpose(self, *axes):
        """Transpose, with the symmetry's axes renumbered."""
        if len(axes) == 1 and (axes[0] is None or isinstance(axes[0], (tuple, list))):
            axes = axes[0]
        order = tuple(range(self.ndim))[::-1] if not axes else tuple(a % self.ndim for a in axes)
        result = _nd.transpose(self.view(_nd), order)
        position = {old: new for new, old in enumerate(order)}
        elements = [tuple(position[g[old]] for old in order) for g in self.symmetry_group]
        return _shared_view(_make(result, elements))

    @property
    def T(self):
        return self.transpose()

    def swapaxes(self, axis1, axis2):
        order = list(range(self.ndim))
        order[axis1], order[axis2] = order[axis2], order[axis1]
        return self.transpose(order)

    def copy(self, order="C"):
        return _make(_nd.copy(self.view(_nd), order), self._elements)

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        return self.copy()

    def __reduce__(self):
        base = _nd.__reduce__(self.view(_nd))
        return (_rebuild, (base, self._elements))

    def __getitem__(self, key):
        result = ndarray.__getitem__(self.view(ndarray), key)
        if not isinstance(result, _nd):
            return result
        return _shared_view(_make(result, _sliced_group(self.symmetry_group, self.ndim, key)))

    def __setitem__(self, key, value):
        self._refuse_if_shared()
        self._drop_symmetry()  # a write may break the symmetry: it is dropped
        ndarray.__setitem__(self, key, value)

    def _refuse_if_shared(self):
        if self._shared:
            raise ValueError(
                "this SymmetricTensor is a view (a transpose or slice) of another one and shares "
                "its memory; writing would break the other's symmetry: write into a .copy()"
            )

    def _drop_symmetry(self):
        if self._elements is not None:
            self.flags.writeable = True
        self._elements, self._unique, self._orbits = None, None, ()

    def __repr__(self):
        body = repr(self.view(_nd)).replace("array(", "SymmetricTensor(", 1)
        return body[:-1] + f", symmetric_axes={self.symmetric_axes})"


def _operator(name: str, reflected: bool = False):
    """An operator that goes through the counted function ``me.<name>``, which
    keeps (and prices) the symmetry."""

    def forward(self, other):
        import mechestim

        fn = getattr(mechestim, name)
        return fn(other, self) if reflected else fn(self, other)

    forward.__doc__ = f"Counted like ``me.{name}``, keeping the symmetry both operands share."
    return forward


def _unary_operator(name: str):
    def apply(self):
        import mechestim

        return getattr(mechestim, name)(self)

    apply.__doc__ = f"Counted like ``me.{name}``; keeps the symmetry."
    return apply


_OPERATORS = {
    "add": "add",
    "sub": "subtract",
    "mul": "multiply",
    "truediv": "true_divide",
    "floordiv": "floor_divide",
    "mod": "remainder",
    "pow": "power",
}


def _inplace(dunder: str):
    """An in-place operator: counted as for ``me.ndarray``; the symmetry survives
    only a scalar operand or one with at least the same symmetry."""
    base = getattr(ndarray, dunder)

    def apply(self, other):
        elements = self._elements
        keeps = _np.ndim(other) == 0 or (
            isinstance(other, SymmetricTensor)
            and other.shape == self.shape
            and set(elements or ()) <= set(other.symmetry_group)
        )
        if elements is not None:
            self._refuse_if_shared()
            self.flags.writeable = True
        result = base(self, other)
        if keeps and elements is not None:
            self.flags.writeable = False
        else:
            self._drop_symmetry()
        return result

    apply.__doc__ = f"In-place, counted like ``me.ndarray.{dunder}``; drops the symmetry it may break."
    return apply


for _dunder, _name in _OPERATORS.items():
    setattr(SymmetricTensor, f"__{_dunder}__", _operator(_name))
    setattr(SymmetricTensor, f"__r{_dunder}__", _operator(_name, reflected=True))
    setattr(SymmetricTensor, f"__i{_dunder}__", _inplace(f"__i{_dunder}__"))
for _dunder, _name in {"neg": "negative", "pos": "positive", "abs": "absolute"}.items():
    setattr(SymmetricTensor, f"__{_dunder}__", _unary_operator(_name))


def _shared_view(t):
    if isinstance(t, SymmetricTensor):
        t._shared = True
    return t


def _rebuild(base, elements):
    func, args, state = base
    data = func(*args)
    data.__setstate__(state)
    return _make(data, elements)


def _sliced_group(elements, ndim: int, key) -> list | None:
    """The permutations that survive basic indexing with `key`, on the result's axes."""
    if not isinstance(key, tuple):
        key = (key,)
    if any(k is None or isinstance(k, (_nd, list)) for k in key):
        return None
    if any(k is Ellipsis for k in key):
        at = next(i for i, k in enumerate(key) if k is Ellipsis)
        key = key[:at] + (slice(None),) * (ndim - len(key) + 1) + key[at + 1 :]
    key = key + (slice(None),) * (ndim - len(key))
    kept = [a for a in range(ndim) if isinstance(key[a], slice)]
    new = {a: i for i, a in enumerate(kept)}

    def same(a, b):
        return key[a] == key[b] and type(key[a]) is type(key[b])

    out = [tuple(new[g[a]] for a in kept) for g in elements if all(same(a, g[a]) for a in range(ndim))]
    return out or None


def _generators(ndim: int, symmetric_axes, group) -> list:
    if group is not None:
        return [tuple(int(x) for x in g) for g in group]
    if symmetric_axes is None:
        raise SymmetryError("give symmetric_axes (e.g. (0, 1)) or group (a list of axis permutations)")
    groups = symmetric_axes
    if groups and all(isinstance(a, (int, _np.integer)) for a in groups):
        groups = [groups]
    try:
        normalized = [list(_normalize_axis_tuple(tuple(axes), ndim)) for axes in groups]
    except _np.exceptions.AxisError as err:
        raise AxisError(str(err)) from None
    except ValueError as err:  # a repeated axis
        raise SymmetryError(f"invalid symmetric_axes {symmetric_axes!r}: {err}") from None
    return _core.symmetric_generators(ndim, normalized)


def _deviation(data, generators) -> float:
    worst = 0.0
    for g in generators:
        diff = _np.abs(data - _np.transpose(data, g))
        if diff.size:
            worst = max(worst, float(diff.max()))
    return worst


def _check(data, generators, rtol: float, atol: float) -> bool:
    _core.charge(_ALLCLOSE, data.size * len(generators))
    return all(_np.allclose(data, _np.transpose(data, g), rtol=rtol, atol=atol) for g in generators)


def is_symmetric(data, axes=None, *, group=None, rtol: float = 1e-5, atol: float = 1e-8) -> bool:
    """Whether `data` is invariant (within tolerance) under permuting `axes`.

    Cost: ``numel`` per generator checked (one comparison per element), charged
    as ``allclose``.

    Examples
    --------
    >>> import mechestim as me
    >>> me.is_symmetric(me.array([[1.0, 2.0], [2.0, 3.0]]), (0, 1))
    True
    """
    data = _np.asarray(_plain(data))
    generators = _generators(data.ndim, axes, group)
    _group(data.shape, generators)  # refuses groups that exchange axes of different sizes
    return _check(data, generators, rtol, atol)


def as_symmetric(data, symmetric_axes=None, *, group=None, rtol: float = 1e-5, atol: float = 1e-8):
    """Declare that `data` is symmetric under permuting `symmetric_axes`.

    Parameters
    ----------
    data : array_like
    symmetric_axes : tuple of int, or list of tuples of int
        One group of axes (``(0, 1)``) or several disjoint groups
        (``[(0, 1), (2, 3)]``); each group's axes may be permuted freely.
    group : list of permutations, optional
        A general group instead, by generators: each a permutation of all
        axes, e.g. ``[(1, 2, 3, 0)]`` for cyclic symmetry of four axes.
    rtol, atol : float
        Tolerances of the check (as ``numpy.allclose``).

    Returns
    -------
    SymmetricTensor

    Raises
    ------
    SymmetryError
        If the data is not symmetric within tolerance (the message gives the
        largest deviation), or the axes are invalid or of different sizes.

    Notes
    -----
    The check costs ``numel`` per generator, charged as ``allclose``.

    Examples
    --------
    >>> import mechestim as me
    >>> S = me.as_symmetric(me.array([[2.0, 1.0], [1.0, 2.0]]), (0, 1))
    >>> S.symmetry_info.unique_elements
    3
    """
    data = _np.asarray(_plain(data))
    generators = _generators(data.ndim, symmetric_axes, group)
    _group(data.shape, generators)
    if not _check(data, generators, rtol, atol):
        raise SymmetryError(
            f"the data is not symmetric under {generators}: largest deviation "
            f"{_deviation(data, generators):.6g} (rtol={rtol}, atol={atol})"
        )
    return _make(data, generators)


# -- propagation through counted operations ---------------------------------------------------


def group_of(x, ndim: int):
    """The group elements of `x` as an operand of `ndim` dims, ``"any"`` for a scalar."""
    if isinstance(x, SymmetricTensor) and x._elements is not None:
        return x._elements
    if _np.ndim(x) == 0:
        return "any"
    return None


def unary(op: int, ufunc, x, out, kwargs):
    """A unary ufunc on a SymmetricTensor: costs its unique elements, keeps its symmetry."""
    _check_writeable(out if isinstance(out, tuple) else (out,))
    _core.charge(op, x.unique_elements)
    result = (
        ufunc(x.view(_nd), out=_plain(out), **kwargs) if out is not None else ufunc(x.view(_nd), **kwargs)
    )
    return out if out is not None else _make(result, x._elements)


def binary(op: int, ufunc, a, b, out, kwargs):
    """A binary ufunc with a symmetric operand: keeps the symmetry both share."""
    pa, pb = _plain(a), _plain(b)
    shape = _np.broadcast_shapes(_np.shape(pa), _np.shape(pb))
    ga, gb = group_of(a, len(shape)), group_of(b, len(shape))
    sa, sb = _np.shape(pa), _np.shape(pb)
    if ga == "any":  # a scalar keeps the other operand's symmetry
        elements = gb if gb != "any" and sb == shape else None
    elif gb == "any":
        elements = ga if sa == shape else None
    elif ga and gb and sa == sb == shape:
        elements = sorted(set(ga) & set(gb))
    else:
        elements = None
    _check_writeable(out if isinstance(out, tuple) else (out,))
    if elements and len(elements) > 1:
        cost = _group(shape, elements)[1]
    else:
        cost = _core.broadcast_cost_of(pa, pb)
    _core.charge(op, cost)
    result = ufunc(pa, pb, out=_plain(out), **kwargs) if out is not None else ufunc(pa, pb, **kwargs)
    return out if out is not None else _make(result, elements)


def reduced(op: int, x, axis, keepdims, compute):
    """A reduction of a SymmetricTensor: costs its unique elements; keeps what survives."""
    ndim = x.ndim
    if axis is None:
        axes = set(range(ndim))
    else:
        try:
            axes = set(_normalize_axis_tuple(axis, ndim))
        except _np.exceptions.AxisError as err:
            raise AxisError(str(err)) from None
    _core.charge(op, x.unique_elements)
    result = compute(x.view(_nd))
    if not isinstance(result, _nd):
        return result
    stable = [g for g in x.symmetry_group if {g[a] for a in axes} == axes]
    if keepdims is True:
        return _make(result, stable)
    kept = [a for a in range(ndim) if a not in axes]
    new = {a: i for i, a in enumerate(kept)}
    return _make(result, [tuple(new[g[a]] for a in kept) for g in stable])
