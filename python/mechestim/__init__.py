"""mechestim: NumPy-compatible math primitives with analytical FLOP counting.

Every counted operation computes its FLOP cost from shapes in the compiled
core and charges it to the active budget before NumPy runs. A global default
budget is always active; ``BudgetContext`` adds a limit, a namespace and a
summary.

>>> import mechestim as me
>>> with me.BudgetContext(flop_budget=10**6, namespace="hello") as b:
...     x = me.sqrt(me.array([1.0, 4.0, 9.0]))
>>> b.flops_used
3
"""

from mechestim._ndarray import ndarray  # noqa: I001  (registers the result type first)
from mechestim._budget import (
    BudgetContext,
    BudgetSummary,
    OpRecord,
    budget_reset,
    budget_summary,
    budget_summary_dict,
)
from mechestim._core import ContractionStep, PathInfo, __version__
from mechestim._einsum import einsum, einsum_path
from mechestim._symmetric import SymmetricTensor, SymmetryInfo, as_symmetric, is_symmetric
from mechestim._generated.ops import *  # noqa: F403
from mechestim._generated.ops import __all__ as _generated_names
from mechestim._contraction import *  # noqa: F403
from mechestim._contraction import __all__ as _contraction_names
from mechestim._numeric import *  # noqa: F403
from mechestim._numeric import __all__ as _numeric_names
from mechestim._polynomial import *  # noqa: F403
from mechestim._polynomial import __all__ as _polynomial_names
from mechestim._selection import *  # noqa: F403
from mechestim._selection import __all__ as _selection_names
from mechestim._sorting import *  # noqa: F403
from mechestim._sorting import __all__ as _sorting_names
from mechestim._window import *  # noqa: F403
from mechestim._window import __all__ as _window_names
from mechestim.errors import (
    AxisError,
    BudgetContextError,
    BudgetExhaustedError,
    CostOverflowError,
    EinsumError,
    InvalidArgumentError,
    InvalidBudgetError,
    MechEstimError,
    MechEstimWarning,
    NoBudgetContextError,
    NonNumericError,
    ShapeError,
    SymmetryError,
    UnsupportedFunctionError,
)

__all__ = [
    "__version__",
    "ndarray",
    "fft",  # noqa: F405 - a submodule loaded on first use
    "linalg",  # noqa: F405 - a submodule loaded on first use
    "flops",  # noqa: F405 - a submodule loaded on first use
    "random",  # noqa: F405 - a submodule loaded on first use
    "BudgetContext",
    "BudgetSummary",
    "OpRecord",
    "budget_reset",
    "budget_summary",
    "budget_summary_dict",
    "einsum",
    "einsum_path",
    "PathInfo",
    "ContractionStep",
    "SymmetricTensor",
    "SymmetryInfo",
    "as_symmetric",
    "is_symmetric",
    "AxisError",
    "BudgetContextError",
    "BudgetExhaustedError",
    "CostOverflowError",
    "EinsumError",
    "InvalidArgumentError",
    "InvalidBudgetError",
    "MechEstimError",
    "MechEstimWarning",
    "NoBudgetContextError",
    "NonNumericError",
    "ShapeError",
    "SymmetryError",
    "UnsupportedFunctionError",
    *_generated_names,
    *_contraction_names,
    *_numeric_names,
    *_polynomial_names,
    *_selection_names,
    *_sorting_names,
    *_window_names,
]


# Submodules load on first use: numpy.random, numpy.linalg and numpy.fft are
# themselves lazy in NumPy, and importing them would slow ``import mechestim``.
_SUBMODULES = frozenset({"fft", "flops", "linalg", "random"})


def __getattr__(name: str):
    """Submodules on first use; blocked and unknown NumPy names raise :class:`UnsupportedFunctionError`."""
    if name in _SUBMODULES:
        import importlib

        module = importlib.import_module(f"mechestim.{name}")
        globals()[name] = module
        return module
    if name.startswith("_"):
        raise AttributeError(f"module 'mechestim' has no attribute {name!r}")
    from mechestim import _core

    _core.op_id(name)  # raises UnsupportedFunctionError for blocked / unknown names
    raise UnsupportedFunctionError(f"mechestim does not provide {name} yet", name, "", "")
