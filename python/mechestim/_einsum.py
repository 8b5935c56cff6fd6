"""Einsum: path search and pricing in the core, pairwise execution with NumPy.

``me.einsum`` finds a contraction path (``optimize='auto'`` by default), charges
the path's exact cost before anything runs, then executes the path step by
step: ``numpy.tensordot`` (BLAS) for steps that are plain tensor products,
``numpy.einsum`` for the rest. Paths are cached by (subscripts, shapes,
optimize, memory limit), so a repeated call pays no search.
"""

from __future__ import annotations

import numpy as _np

from mechestim import _core
from mechestim._dispatch import plain as _plain
from mechestim._dispatch import wrap as _wrap
from mechestim._symmetric import SymmetricTensor as _SymmetricTensor
from mechestim._symmetric import _make as _make_symmetric
from mechestim.errors import CostOverflowError, EinsumError, InvalidArgumentError

__all__ = ["einsum", "einsum_path"]

_EINSUM = _core.op_id("einsum")
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_PLANS: dict = {}
_CACHE_LIMIT = 4096
_U64_MAX = 2**64 - 1
_charge = _core.charge
_operand_shapes = _core.operand_shapes
_tensordot = _np.tensordot
_c_einsum = _np.einsum


def _sublist_term(sublist) -> str:
    out = []
    for s in sublist:
        if s is Ellipsis:
            out.append("...")
        else:
            try:
                if s < 0:
                    raise IndexError(s)
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


def _optimize_key(optimize):
    """A hashable form of ``optimize`` and the memory limit it carries, if any."""
    if isinstance(optimize, tuple) and len(optimize) == 2 and isinstance(optimize[0], (str, bool)):
        name, limit = optimize  # NumPy's (optimizer, memory limit) form
        return _optimize_key(name)[0], _memory_limit(limit)
    if isinstance(optimize, (str, bool)):
        return optimize, None
    if isinstance(optimize, (list, tuple)):
        return tuple(tuple(s) if isinstance(s, (list, tuple)) else s for s in optimize), None
    raise InvalidArgumentError(
        f"optimize must be an optimizer name, a bool, a path or (name, memory_limit); got {optimize!r}"
    )


def _memory_limit(limit):
    if limit is None or limit == "max_input":
        return limit
    if isinstance(limit, bool) or not isinstance(limit, (int, float)) or not limit >= 0:
        raise InvalidArgumentError(f"memory_limit must be a non-negative number of elements, got {limit!r}")
    return int(limit)


# Steps below this many FLOPs run in numpy.einsum's C loop, which beats
# tensordot's Python-level setup on small operands.
_BLAS_MIN_FLOPS = 1 << 15


def _steps(info) -> tuple:
    """Per step ``(positions, tensordot or None, ascii subscripts)`` to execute."""
    out = []
    for positions, tdot, ascii_subscripts, cost in info._plan():
        if tdot is not None and (cost < _BLAS_MIN_FLOPS and ascii_subscripts is not None):
            tdot = None
        if tdot is not None:
            axes_a, axes_b, perm = tdot
            tdot = (axes_a, axes_b), (None if perm == sorted(perm) else perm)
        out.append((positions, tdot, ascii_subscripts))
    return tuple(out)


def _symmetry_of(arrays) -> tuple | None:
    """``(groups, objects)`` when an operand is symmetric or one array is passed twice."""
    n = len(arrays)
    objects = None
    if n > 1 and len({id(a) for a in arrays}) < n:
        ids = [id(a) for a in arrays]
        objects = tuple(ids.index(i) for i in ids)
    groups = None
    for k, a in enumerate(arrays):
        if a.__class__ is _SymmetricTensor and a._elements is not None:
            groups = groups or [None] * n
            groups[k] = a._elements
    if objects is None and groups is None:
        return None
    return (tuple(groups) if groups else (None,) * n, objects or tuple(range(n)))


def _plan(subscripts: str, shapes: tuple, optimize, memory_limit=None, sym=None):
    """``(PathInfo, steps, cost, refusal)`` for this signature, from the cache or a fresh search."""
    try:  # the type is part of the key: optimize=1 must not reuse optimize=True's plan
        key = (subscripts, shapes, optimize, optimize.__class__, memory_limit, sym)
        plan = _PLANS.get(key)
    except TypeError:  # an unhashable optimize= (a list path)
        key, plan = None, None
    if plan is not None:
        return plan
    key_opt, limit = _optimize_key(optimize)
    if memory_limit is not None:
        limit = _memory_limit(memory_limit)
    if key is None:
        key = (subscripts, shapes, key_opt, None, limit, sym)
        plan = _PLANS.get(key)
        if plan is not None:
            return plan
    if limit == "max_input":
        limit = max((int(_np.prod(s)) for s in shapes), default=0)
    if sym is None:
        info = _core.einsum_plan(subscripts, [list(s) for s in shapes], key_opt, limit)
    else:
        groups, objects = sym
        generators = [None if g is None else [list(e) for e in g] for g in groups]
        info = _core.einsum_plan(
            subscripts, [list(s) for s in shapes], key_opt, limit, groups=generators, objects=list(objects)
        )
    steps = _steps(info)
    # What einsum must refuse before charging: a cost beyond 64 bits, or a
    # step NumPy cannot run (more than 52 indices and no tensordot form).
    refusal = None
    if info.optimized_cost > _U64_MAX:
        refusal = CostOverflowError(
            f"the FLOP cost of this einsum path ({info.optimized_cost:,}) does not fit in 64 bits; "
            "nothing was charged"
        )
    elif any(tdot is None and ascii_subscripts is None for _, tdot, ascii_subscripts in steps):
        refusal = EinsumError(
            "a step of this contraction has more than 52 distinct indices, beyond what numpy.einsum "
            "can execute; it can still be planned and priced with einsum_path; nothing was charged"
        )
    plan = (info, steps, info.optimized_cost, refusal)
    if len(_PLANS) >= _CACHE_LIMIT:
        _PLANS.clear()
    _PLANS[key] = plan
    return plan


def _execute(steps, arrays: list, out, kwargs: dict):
    if len(steps) == 1 and steps[0][1] is None:
        return _c_einsum(steps[0][2], *arrays, out=out, **kwargs)
    last = len(steps) - 1
    for i, (positions, tdot, ascii_subscripts) in enumerate(steps):
        ops = [arrays[p] for p in positions]
        for p in sorted(positions, reverse=True):
            del arrays[p]
        final_out = out if i == last else None
        if tdot is not None and (not kwargs or ascii_subscripts is None):
            axes, perm = tdot
            result = _tensordot(ops[0], ops[1], axes=axes)
            if perm is not None:
                result = result.transpose(perm)
            if final_out is not None:
                final_out[...] = result
                result = final_out
        else:
            result = _c_einsum(ascii_subscripts, *ops, out=final_out, **kwargs)
        arrays.append(result)
    return arrays[0]


def einsum(*operands, out=None, dtype=None, order="K", casting="safe", optimize="auto", memory_limit=None):
    """Evaluate the Einstein summation convention on the operands (``numpy.einsum``).

    The contraction path is chosen by ``optimize`` (``'auto'`` by default; any
    name ``einsum_path`` accepts, a bool as in NumPy, or an explicit path) and
    charged before anything runs: the sum over the path's pairwise steps of
    ``prod(sizes of the step's indices) * op_factor``, with
    ``op_factor = max(1, terms - 1) + (1 if the step sums an index)``.

    Parameters
    ----------
    subscripts : str
        The contraction, as in ``numpy.einsum`` (the interleaved
        operand/sublist form is accepted too).
    *operands : array_like
        The arrays.
    out, dtype, order, casting
        As in ``numpy.einsum``.
    optimize : str, bool, list or tuple, optional
        ``'auto'`` (default), ``'auto-hq'``, ``'optimal'``, ``'dp'``,
        ``'branch-all'``, ``'branch-2'``, ``'branch-1'``, ``'greedy'``,
        ``'random-greedy'``, ``'random-greedy-128'``; ``False`` contracts
        everything in one step and ``True`` means ``'greedy'`` (NumPy's
        meanings); a path such as ``[(1, 2), (0, 1)]`` (optionally after
        ``'einsum_path'``) is used and charged as given; ``(name, limit)``
        sets a memory limit as NumPy does.
    memory_limit : int or 'max_input', optional
        Largest intermediate allowed, in elements.

    Returns
    -------
    me.ndarray
        NumPy's result.

    Examples
    --------
    >>> import mechestim as me
    >>> A, B, C = me.ones((10, 20)), me.ones((20, 30)), me.ones((30, 5))
    >>> with me.BudgetContext(flop_budget=10**6) as budget:
    ...     D = me.einsum('ij,jk,kl->il', A, B, C)
    >>> budget.flops_used
    8000
    >>> with me.BudgetContext(flop_budget=10**6) as budget:
    ...     D = me.einsum('ij,jk,kl->il', A, B, C, optimize=[(0, 1), (0, 1)])
    >>> budget.flops_used
    15000
    """
    if operands and type(operands[0]) is str:
        subscripts, arrays = operands[0], operands[1:]
    else:
        subscripts, arrays = parse_operands(operands)
    plain = [_plain(a) for a in arrays]
    sym = _symmetry_of(arrays)
    info, steps, cost, refusal = _plan(subscripts, _operand_shapes(*plain), optimize, memory_limit, sym)
    if refusal is not None:
        raise refusal
    _charge(_EINSUM, cost)
    kwargs = {}
    if dtype is not None:
        kwargs["dtype"] = dtype
    if order != "K":
        kwargs["order"] = order
    if casting != "safe":
        kwargs["casting"] = casting
    result = _execute(steps, plain, _plain(out), kwargs)
    if out is not None:
        return out
    if sym is not None and info.output_symmetry is not None and len(info.output_symmetry) > 1:
        return _make_symmetric(result, info.output_symmetry)
    return _wrap(result)


def einsum_path(*operands, optimize="greedy", einsum_call=False, shapes=False, memory_limit=None):
    """Find a contraction path and report it (``numpy.einsum_path``). Free.

    Returns ``(path, info)``: ``path`` in NumPy's form (``['einsum_path', (1, 2),
    (0, 1)]``, which ``numpy.einsum`` and ``me.einsum`` accept as ``optimize=``)
    and a :class:`PathInfo` whose ``str()`` is the familiar report, with
    ``path``, ``steps``, ``naive_cost``, ``optimized_cost``, ``speedup`` and
    ``largest_intermediate`` as attributes.

    Parameters
    ----------
    subscripts : str
    *operands : array_like, or shapes when ``shapes=True``
    optimize : str, bool, list or tuple, optional
        As in :func:`einsum`; the default is NumPy's, ``'greedy'``.
    einsum_call : bool, optional
        Accepted for NumPy compatibility; ignored.
    shapes : bool, optional
        If true, the operands are shapes (tuples of ints), as in opt_einsum's
        ``contract_path(..., shapes=True)``: plan and price without arrays.
    memory_limit : int or 'max_input', optional
        Largest intermediate allowed, in elements.

    Examples
    --------
    >>> import mechestim as me
    >>> path, info = me.einsum_path('ij,jk,kl->il', (10, 20), (20, 30), (30, 5), shapes=True)
    >>> path
    ['einsum_path', (1, 2), (0, 1)]
    >>> info.optimized_cost, info.naive_cost
    (8000, 90000)
    """
    del einsum_call
    subscripts, arrays = parse_operands(operands)
    if shapes:
        dims, sym = tuple(tuple(int(d) for d in s) for s in arrays), None
    else:
        dims, sym = _operand_shapes(*[_plain(a) for a in arrays]), _symmetry_of(arrays)
    info = _plan(subscripts, dims, optimize, memory_limit, sym)[0]
    return ["einsum_path", *info.path], info
