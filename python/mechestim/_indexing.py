"""Advanced indexing on ``me.ndarray``: data-driven gathers and scatters are counted.

Basic indexing (integers, slices, ``None``, ``...``) is a free view. Indexing
with integer arrays gathers one element per output element; indexing with a
boolean mask examines every mask element. The cost is one FLOP per output
element written plus one per mask element examined, computed from shapes
before the data moves.
"""

from __future__ import annotations

import numpy as _np

from mechestim import _core
from mechestim._dispatch import wrap

_nd = _np.ndarray
_GATHER = _core.op_id("take")
_SCATTER = _core.op_id("put")


def _masks_size(key) -> int:
    parts = key if type(key) is tuple else (key,)
    total = 0
    for k in parts:
        if isinstance(k, (_nd, list)):
            arr = _np.asarray(k)
            if arr.dtype == _np.bool_:
                total += arr.size
    return total


def _selected_size(shape: tuple, key) -> int:
    """Number of elements `key` selects from an array of `shape` (shape inference only)."""
    dummy = _np.broadcast_to(_np.zeros((), dtype=_np.bool_), shape)
    return dummy[key].size


def gather(arr, key):
    """``arr[key]`` for an advanced `key`, charged before the data moves."""
    base = arr.view(_nd)
    cost = _selected_size(base.shape, key) + _masks_size(key)
    _core.charge(_GATHER, cost)
    return wrap(base[key])


def scatter(arr, key, value) -> None:
    """``arr[key] = value`` for an advanced `key`, charged before the data moves."""
    base = arr.view(_nd)
    cost = _selected_size(base.shape, key) + _masks_size(key)
    _core.charge(_SCATTER, cost)
    base[key] = value
