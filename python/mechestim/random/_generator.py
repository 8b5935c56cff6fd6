"""Counted ``Generator`` and ``RandomState``: every sampling method is built
from the table in :mod:`mechestim.random._samplers`; seeding, state and the
bit generator pass through for free; any other name raises
:class:`~mechestim.errors.UnsupportedFunctionError`."""

from __future__ import annotations

import numpy as np

from mechestim.errors import UnsupportedFunctionError
from mechestim.random._samplers import RULES, counted_method

__all__ = ["Generator", "RandomState", "wrap_generator", "wrap_random_state"]


def _unsupported(cls_name: str, name: str):
    if name.startswith("_"):
        return AttributeError(f"{cls_name!r} object has no attribute {name!r}")
    full = f"random.{cls_name}.{name}"
    return UnsupportedFunctionError(f"mechestim does not provide {full}", full, "", "")


class Generator:
    """A counted ``numpy.random.Generator``: ``Generator(bit_generator)``.

    Every sampling method has NumPy's signature and values and is charged
    before NumPy runs: one FLOP per value drawn (multivariate samplers count
    every value of the output, ``size`` times the dimension), ``n·⌈lg n⌉`` for
    ``permutation``, ``shuffle``, ``permuted`` and ``choice`` without
    replacement, ``length`` for ``bytes``. Construction, ``bit_generator`` and
    ``spawn`` are free. Usually made with :func:`mechestim.random.default_rng`.

    Parameters
    ----------
    bit_generator : numpy.random.BitGenerator
        The bit generator that supplies the random bits (for example
        ``numpy.random.PCG64(seed)``).

    Examples
    --------
    >>> import numpy as np
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     rng = me.random.Generator(np.random.PCG64(42))
    ...     x = rng.normal(size=(10, 10))
    ...     k = rng.integers(0, 6, size=5)
    ...     p = rng.permutation(16)
    >>> b.flops_used  # 100 + 5 + 16*4
    169
    >>> bool((x == np.random.Generator(np.random.PCG64(42)).normal(size=(10, 10))).all())
    True
    >>> type(x).__name__
    'ndarray'
    """

    __slots__ = ("_numpy",)

    def __init__(self, bit_generator):
        self._numpy = np.random.Generator(bit_generator)

    @property
    def bit_generator(self):
        """The ``numpy.random.BitGenerator`` this generator draws from (free)."""
        return self._numpy.bit_generator

    def spawn(self, n_children):
        """Create ``n_children`` independent child generators (free; each child is counted)."""
        return [wrap_generator(g) for g in self._numpy.spawn(n_children)]

    def __getattr__(self, name: str):
        raise _unsupported("Generator", name)

    def __repr__(self) -> str:
        return f"{self._numpy} at 0x{id(self):X}"

    def __str__(self) -> str:
        return str(self._numpy)

    def __reduce__(self):
        return (wrap_generator, (self._numpy,))


class RandomState:
    """A counted ``numpy.random.RandomState``: ``RandomState(seed=None)``.

    The legacy samplers (``rand``, ``randn``, ``randint``, ``normal``, ...) have
    NumPy's signatures and values and are charged like the module-level
    functions of :mod:`mechestim.random`. ``seed``, ``get_state`` and
    ``set_state`` are free.

    Parameters
    ----------
    seed : None, int, array_like or numpy.random.BitGenerator, optional
        As for ``numpy.random.RandomState``.

    Examples
    --------
    >>> import numpy as np
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     rs = me.random.RandomState(0)
    ...     x = rs.randn(3, 4)
    ...     i = rs.randint(0, 10, size=(2, 2))
    >>> b.flops_used  # 12 + 4
    16
    >>> bool((x == np.random.RandomState(0).randn(3, 4)).all())
    True
    """

    __slots__ = ("_numpy",)

    def __init__(self, seed=None):
        self._numpy = np.random.RandomState(seed)

    def seed(self, seed=None):
        """Reseed the generator (free); as ``numpy.random.RandomState.seed``."""
        self._numpy.seed(seed)

    def get_state(self, legacy=True):
        """The internal state of the generator (free); as ``numpy.random.RandomState.get_state``."""
        return self._numpy.get_state(legacy)

    def set_state(self, state):
        """Set the internal state of the generator (free); as ``numpy.random.RandomState.set_state``."""
        self._numpy.set_state(state)

    def __getattr__(self, name: str):
        raise _unsupported("RandomState", name)

    def __repr__(self) -> str:
        return f"{self._numpy} at 0x{id(self):X}"

    def __str__(self) -> str:
        return str(self._numpy)

    def __reduce__(self):
        return (wrap_random_state, (self._numpy,))


for _cls, _numpy_cls in ((Generator, np.random.Generator), (RandomState, np.random.RandomState)):
    _cls.__module__ = "mechestim.random"
    for _name in RULES:
        if hasattr(_numpy_cls, _name):
            setattr(_cls, _name, counted_method(_cls.__name__, _numpy_cls, _name))


def wrap_generator(numpy_generator: np.random.Generator) -> Generator:
    """A counted view of an existing ``numpy.random.Generator`` (sharing its state)."""
    out = Generator.__new__(Generator)
    out._numpy = numpy_generator
    return out


def wrap_random_state(numpy_random_state: np.random.RandomState) -> RandomState:
    """A counted view of an existing ``numpy.random.RandomState`` (sharing its state)."""
    out = RandomState.__new__(RandomState)
    out._numpy = numpy_random_state
    return out
