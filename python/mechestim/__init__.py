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

from mechestim import random
from mechestim._budget import (
    BudgetContext,
    BudgetSummary,
    OpRecord,
    budget_reset,
    budget_summary,
    budget_summary_dict,
)
from mechestim._core import __version__
from mechestim._creation import array, asarray
from mechestim._einsum import einsum
from mechestim._pointwise import maximum, multiply, sqrt
from mechestim.errors import (
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
    "random",
    "BudgetContext",
    "BudgetSummary",
    "OpRecord",
    "budget_reset",
    "budget_summary",
    "budget_summary_dict",
    "array",
    "asarray",
    "einsum",
    "maximum",
    "multiply",
    "sqrt",
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
]


def __getattr__(name: str):
    """Blocked and unknown NumPy names raise :class:`UnsupportedFunctionError`."""
    if name.startswith("_"):
        raise AttributeError(f"module 'mechestim' has no attribute {name!r}")
    from mechestim import _core

    _core.op_id(name)  # raises UnsupportedFunctionError for blocked / unknown names
    raise UnsupportedFunctionError(f"mechestim does not provide {name} yet", name, "", "")
