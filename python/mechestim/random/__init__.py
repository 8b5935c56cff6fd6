"""Random sampling (``numpy.random``), one FLOP per value produced."""

from __future__ import annotations

import numpy as _np

from mechestim import _core
from mechestim._core import charge_sampler as _charge_sampler
from mechestim._dispatch import wrap as _wrap
from mechestim.errors import UnsupportedFunctionError

__all__ = ["randn"]

_RANDN = _core.op_id("random.randn")


def randn(*d0):
    """Standard-normal samples of shape ``d0`` (``numpy.random.randn``).

    Cost: one FLOP per value (``randn(256, 256)`` costs 65,536; ``randn()`` costs 1).

    Examples
    --------
    >>> import mechestim as me
    >>> me.random.randn(2, 3).shape
    (2, 3)
    """
    _charge_sampler(_RANDN, d0)
    return _wrap(_np.random.randn(*d0))


def __getattr__(name: str):
    if name.startswith("_"):
        raise AttributeError(f"module 'mechestim.random' has no attribute {name!r}")
    _core.op_id(f"random.{name}")  # raises UnsupportedFunctionError for blocked / unknown names
    raise UnsupportedFunctionError(f"mechestim does not provide random.{name} yet", f"random.{name}", "", "")
