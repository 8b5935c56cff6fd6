"""Exceptions and warnings raised by mechestim.

Every exception derives from :class:`MechEstimError`. Where a standard Python
exception describes the same kind of mistake, the mechestim class derives from
it too, so ``except ValueError`` keeps working for code written for NumPy.

========================== =================================== ======================
class                      raised when                         also a
========================== =================================== ======================
BudgetExhaustedError       an op would exceed the budget       --
NoBudgetContextError       no budget is active                 --
InvalidBudgetError         a budget is not a positive integer  ValueError
BudgetContextError         explicit contexts would nest        RuntimeError
CostOverflowError          a cost exceeds 2**64 - 1 FLOPs      OverflowError
ShapeError                 operand shapes do not fit           ValueError
AxisError                  an axis is out of bounds/repeated   numpy AxisError
EinsumError                malformed subscripts or path        ValueError
InvalidArgumentError       another argument is invalid         ValueError
NonNumericError            object/string/datetime data         TypeError
SymmetryError              declared symmetry does not hold     ValueError
UnsupportedFunctionError   a name is blocked or not provided   AttributeError
========================== =================================== ======================

In every case nothing is charged and no budget changes.
"""

from __future__ import annotations

from numpy.exceptions import AxisError as _AxisError

__all__ = [
    "MechEstimError",
    "BudgetExhaustedError",
    "NoBudgetContextError",
    "InvalidBudgetError",
    "BudgetContextError",
    "CostOverflowError",
    "ShapeError",
    "AxisError",
    "EinsumError",
    "InvalidArgumentError",
    "NonNumericError",
    "SymmetryError",
    "UnsupportedFunctionError",
    "MechEstimWarning",
]


class MechEstimError(Exception):
    """Root of every mechestim exception."""

    def __reduce__(self):  # keep subclasses with extra fields picklable
        return (type(self), self._init_args())

    def _init_args(self) -> tuple:
        return tuple(self.args)


class BudgetExhaustedError(MechEstimError):
    """An operation would cost more FLOPs than remain; it did not run.

    Attributes
    ----------
    op_name : str
        Registry name of the refused operation (``"einsum"``, ``"random.randn"``).
    flop_cost : int
        What the operation would have cost.
    flops_remaining : int
        FLOPs left in the budget (unchanged: nothing was charged).
    flop_budget : int
        The budget's limit.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=100):
    ...     try:
    ...         me.sqrt(me.array([1.0] * 101))
    ...     except me.BudgetExhaustedError as e:
    ...         print(e.op_name, e.flop_cost, e.flops_remaining)
    sqrt 101 100
    """

    def __init__(
        self,
        message: str,
        op_name: str = "",
        flop_cost: int = 0,
        flops_remaining: int = 0,
        flop_budget: int = 0,
    ) -> None:
        super().__init__(message)
        self.op_name = op_name
        self.flop_cost = flop_cost
        self.flops_remaining = flops_remaining
        self.flop_budget = flop_budget

    def _init_args(self) -> tuple:
        return (self.args[0], self.op_name, self.flop_cost, self.flops_remaining, self.flop_budget)


class NoBudgetContextError(MechEstimError):
    """A counted op ran with no active budget (the global default is off).

    The global default is disabled with ``MECHESTIM_DEFAULT_BUDGET=off``; then
    every counted operation must run inside ``me.BudgetContext``.
    """

    def __init__(self, message: str, op_name: str = "") -> None:
        super().__init__(message)
        self.op_name = op_name

    def _init_args(self) -> tuple:
        return (self.args[0], self.op_name)


class InvalidBudgetError(MechEstimError, ValueError):
    """A budget is not a positive integer (NaN, inf, zero, negative, bool, fractional)."""


class BudgetContextError(MechEstimError, RuntimeError):
    """An explicit BudgetContext was opened while another one is open."""


class CostOverflowError(MechEstimError, OverflowError):
    """A cost does not fit in 64 bits; nothing was charged."""


class ShapeError(MechEstimError, ValueError):
    """Operand shapes are incompatible (broadcasting, contraction dimensions)."""


class AxisError(MechEstimError, _AxisError):
    """An ``axis`` argument is out of bounds or repeated (also NumPy's ``AxisError``)."""

    def __init__(self, message: str) -> None:
        _AxisError.__init__(self, message)
        self.args = (message,)

    def __str__(self) -> str:
        return self.args[0]


class EinsumError(MechEstimError, ValueError):
    """Malformed einsum subscripts, wrong operand count, or an invalid path."""


class InvalidArgumentError(MechEstimError, ValueError):
    """An argument other than a shape or a budget is invalid."""


class NonNumericError(MechEstimError, TypeError):
    """Data of a dtype mechestim cannot price: object, string, bytes, datetime, structured."""


class SymmetryError(MechEstimError, ValueError):
    """Declared symmetry that the data does not have, or an invalid symmetry group."""


class UnsupportedFunctionError(MechEstimError, AttributeError):
    """A NumPy name that mechestim blocks or does not provide.

    Attributes
    ----------
    name : str
        The name that was asked for.
    reason : str
        Why it is blocked (empty when it is simply not provided).
    alternative : str
        What to use instead (may be empty).

    Examples
    --------
    >>> import mechestim as me
    >>> try:
    ...     me.save
    ... except me.UnsupportedFunctionError as e:
    ...     print(e.name, "--", e.alternative)
    save -- numpy.save outside the counted code
    """

    def __init__(self, message: str, name: str = "", reason: str = "", alternative: str = "") -> None:
        super().__init__(message)
        self.name = name
        self.reason = reason
        self.alternative = alternative

    def _init_args(self) -> tuple:
        return (self.args[0], self.name, self.reason, self.alternative)


class MechEstimWarning(UserWarning):
    """Warnings from mechestim (for example, a context that ends nearly out of budget)."""
