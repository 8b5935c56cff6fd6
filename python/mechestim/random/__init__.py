"""Random sampling (``numpy.random``), priced by the number of values produced.

Every sampler costs one FLOP per value it draws, however ``size`` is given
(positionally or by keyword; with ``size=None`` the output has the broadcast
shape of the distribution parameters); multivariate samplers count their
whole output (``size`` times the dimension of one draw). ``permutation``,
``shuffle`` and ``choice`` without replacement cost ``n·⌈lg n⌉``; ``bytes``
costs its length. Seeding and state (``seed``, ``get_state``, ``set_state``,
``default_rng``, ``RandomState(...)``, the bit generators) are free, and the
generators they return are counted.

The module-level functions draw from NumPy's global ``RandomState``, so
``numpy.random.seed`` and ``me.random.seed`` seed the same stream and seeded
results equal NumPy's. The cost is charged before NumPy runs: a call refused
for lack of budget does not advance the random state. Arguments whose shapes or
types cannot be right (a negative or non-integer ``size``, parameters that do
not broadcast to it, an unknown keyword) are refused before anything is
charged; errors that depend on parameter *values* (a negative scale,
probabilities that do not sum to 1) are NumPy's, raised after the charge.

>>> import numpy as np
>>> import mechestim as me
>>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
...     x = me.random.normal(0, 1, (5, 5))
...     y = me.random.default_rng(0).normal(size=100)
>>> b.flops_used
125
"""

from __future__ import annotations

import numpy as _np

from mechestim import _core
from mechestim.errors import UnsupportedFunctionError as _UnsupportedFunctionError
from mechestim.random._generator import Generator, RandomState
from mechestim.random._generator import wrap_generator as _wrap_generator
from mechestim.random._samplers import RULES as _RULES
from mechestim.random._samplers import counted_function as _counted

__all__ = [
    # counted samplers of the global RandomState
    "rand",
    "randn",
    "random",
    "random_sample",
    "ranf",
    "sample",
    "standard_normal",
    "standard_exponential",
    "standard_cauchy",
    "standard_gamma",
    "standard_t",
    "uniform",
    "normal",
    "randint",
    "random_integers",
    "beta",
    "binomial",
    "chisquare",
    "dirichlet",
    "exponential",
    "f",
    "gamma",
    "geometric",
    "gumbel",
    "hypergeometric",
    "laplace",
    "logistic",
    "lognormal",
    "logseries",
    "multinomial",
    "multivariate_normal",
    "negative_binomial",
    "noncentral_chisquare",
    "noncentral_f",
    "pareto",
    "poisson",
    "power",
    "rayleigh",
    "triangular",
    "vonmises",
    "wald",
    "weibull",
    "zipf",
    "choice",
    "permutation",
    "shuffle",
    "bytes",
    # free: seeding, state and generators
    "seed",
    "get_state",
    "set_state",
    "get_bit_generator",
    "set_bit_generator",
    "default_rng",
    "Generator",
    "RandomState",
    "SeedSequence",
    "BitGenerator",
    "MT19937",
    "PCG64",
    "PCG64DXSM",
    "Philox",
    "SFC64",
]

# -- the examples of the main entry points --------------------------------------------------------

_EXAMPLES = {
    "rand": """
>>> import mechestim as me
>>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
...     u = me.random.rand(2, 3)
...     s = me.random.rand()
>>> u.shape, type(s).__name__
((2, 3), 'float')
>>> b.flops_used  # 6 + 1
7
""",
    "randn": """
>>> import numpy as np
>>> import mechestim as me
>>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
...     np.random.seed(0)
...     z = me.random.randn(256, 256)
>>> b.flops_used
65536
>>> np.random.seed(0)
>>> bool((z == np.random.randn(256, 256)).all())
True
""",
    "normal": """
>>> import numpy as np
>>> import mechestim as me
>>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
...     a = me.random.normal(0, 1, (5, 5))       # size given positionally
...     c = me.random.normal(size=10)            # or by keyword
...     d = me.random.normal(np.zeros(3))        # size=None: the parameters' shape
>>> b.flops_used  # 25 + 10 + 3
38
>>> np.random.seed(0)
>>> x = me.random.normal(size=3)
>>> np.random.seed(0)
>>> bool((x == np.random.normal(size=3)).all())
True
""",
    "uniform": """
>>> import mechestim as me
>>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
...     u = me.random.uniform(-1.0, 1.0, size=(4, 4))
>>> b.flops_used
16
""",
    "randint": """
>>> import mechestim as me
>>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
...     k = me.random.randint(0, 10, size=(3, 4))
>>> k.shape, b.flops_used
((3, 4), 12)
""",
    "multivariate_normal": """
>>> import numpy as np
>>> import mechestim as me
>>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
...     x = me.random.multivariate_normal(np.zeros(3), np.eye(3), size=10)
>>> x.shape, b.flops_used  # 10 draws of 3 values
((10, 3), 30)
""",
    "choice": """
>>> import mechestim as me
>>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
...     with_replacement = me.random.choice(100, size=8)
>>> b.flops_used
8
>>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
...     without = me.random.choice(16, size=8, replace=False)
>>> b.flops_used  # 16 * lg 16
64
""",
    "permutation": """
>>> import mechestim as me
>>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
...     p = me.random.permutation(16)
>>> sorted(p.tolist()) == list(range(16)), b.flops_used
(True, 64)
""",
    "shuffle": """
>>> import mechestim as me
>>> x = me.arange(10)
>>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
...     me.random.shuffle(x)
>>> sorted(x.tolist()) == list(range(10)), b.flops_used  # 10 * 4
(True, 40)
""",
}

# -- counted samplers of NumPy's global RandomState -----------------------------------------------

rand = _counted("rand", _EXAMPLES["rand"])
randn = _counted("randn", _EXAMPLES["randn"])
random = _counted("random")
random_sample = _counted("random_sample")
ranf = _counted("ranf")
sample = _counted("sample")
standard_normal = _counted("standard_normal")
standard_exponential = _counted("standard_exponential")
standard_cauchy = _counted("standard_cauchy")
standard_gamma = _counted("standard_gamma")
standard_t = _counted("standard_t")
uniform = _counted("uniform", _EXAMPLES["uniform"])
normal = _counted("normal", _EXAMPLES["normal"])
randint = _counted("randint", _EXAMPLES["randint"])
random_integers = _counted("random_integers")
beta = _counted("beta")
binomial = _counted("binomial")
chisquare = _counted("chisquare")
dirichlet = _counted("dirichlet")
exponential = _counted("exponential")
f = _counted("f")
gamma = _counted("gamma")
geometric = _counted("geometric")
gumbel = _counted("gumbel")
hypergeometric = _counted("hypergeometric")
laplace = _counted("laplace")
logistic = _counted("logistic")
lognormal = _counted("lognormal")
logseries = _counted("logseries")
multinomial = _counted("multinomial")
multivariate_normal = _counted("multivariate_normal", _EXAMPLES["multivariate_normal"])
negative_binomial = _counted("negative_binomial")
noncentral_chisquare = _counted("noncentral_chisquare")
noncentral_f = _counted("noncentral_f")
pareto = _counted("pareto")
poisson = _counted("poisson")
power = _counted("power")
rayleigh = _counted("rayleigh")
triangular = _counted("triangular")
vonmises = _counted("vonmises")
wald = _counted("wald")
weibull = _counted("weibull")
zipf = _counted("zipf")
choice = _counted("choice", _EXAMPLES["choice"])
permutation = _counted("permutation", _EXAMPLES["permutation"])
shuffle = _counted("shuffle", _EXAMPLES["shuffle"])
bytes = _counted("bytes")

# -- free: seeding, state and generators ----------------------------------------------------------

SeedSequence = _np.random.SeedSequence
BitGenerator = _np.random.BitGenerator
MT19937 = _np.random.MT19937
PCG64 = _np.random.PCG64
PCG64DXSM = _np.random.PCG64DXSM
Philox = _np.random.Philox
SFC64 = _np.random.SFC64


def seed(seed=None):
    """Reseed NumPy's global random state (free).

    Same signature as ``numpy.random.seed``: the module-level samplers of
    ``me.random`` and of ``numpy.random`` share that state.

    Examples
    --------
    >>> import numpy as np
    >>> import mechestim as me
    >>> me.random.seed(7)
    >>> a = me.random.rand(3)
    >>> np.random.seed(7)
    >>> bool((a == np.random.rand(3)).all())
    True
    """
    _np.random.seed(seed)


def get_state(legacy=True):
    """The state of NumPy's global random state (free); as ``numpy.random.get_state``."""
    return _np.random.get_state(legacy)


def set_state(state):
    """Set NumPy's global random state (free); as ``numpy.random.set_state``."""
    return _np.random.set_state(state)


def get_bit_generator():
    """The bit generator of NumPy's global random state (free); as ``numpy.random.get_bit_generator``."""
    return _np.random.get_bit_generator()


def set_bit_generator(bitgen):
    """Replace the bit generator of NumPy's global random state (free); as ``numpy.random.set_bit_generator``."""
    return _np.random.set_bit_generator(bitgen)


def default_rng(seed=None):
    """Construct a counted :class:`Generator` with the default bit generator (free).

    Same signature and seeding as ``numpy.random.default_rng``: the same seed
    gives the same values. Every sampling method of the result is counted; a
    ``me.random.Generator`` passed as ``seed`` is returned unaltered, and a
    ``numpy.random.Generator`` is wrapped (sharing its state).

    Parameters
    ----------
    seed : None, int, array_like[ints], SeedSequence, BitGenerator or Generator, optional
        As for ``numpy.random.default_rng``.

    Returns
    -------
    Generator
        The counted generator.

    Examples
    --------
    >>> import numpy as np
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=10**6, quiet=True) as b:
    ...     rng = me.random.default_rng(0)
    ...     x = rng.normal(size=100)
    >>> b.flops_used
    100
    >>> bool((x == np.random.default_rng(0).normal(size=100)).all())
    True
    """
    if isinstance(seed, Generator):
        return seed
    return _wrap_generator(_np.random.default_rng(seed))


def __getattr__(name: str):
    """Blocked and unknown names of ``numpy.random`` raise :class:`UnsupportedFunctionError`."""
    if name.startswith("_"):
        raise AttributeError(f"module 'mechestim.random' has no attribute {name!r}")
    full = f"random.{name}"
    _core.op_id(full)  # raises UnsupportedFunctionError for blocked / unknown names
    if name in _RULES and hasattr(_np.random.Generator, name):
        raise _UnsupportedFunctionError(
            f"mechestim does not provide {full}: like numpy.random, it has no module-level {name}; "
            f"use me.random.default_rng().{name}",
            full,
            "",
            f"me.random.default_rng().{name}",
        )
    raise _UnsupportedFunctionError(f"mechestim does not provide {full}", full, "", "")
