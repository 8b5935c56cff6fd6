"""Budgets: ``BudgetContext``, the session summary and its reset.

All accounting lives in the compiled core: a budget is an atomic counter with
per-operation tallies, charged with one compare-and-swap, so a charge either
fits whole or is refused and changes nothing.
"""

from __future__ import annotations

import contextlib
import warnings
from typing import Any, NamedTuple

from mechestim import _core
from mechestim.errors import InvalidArgumentError, MechEstimWarning

__all__ = [
    "BudgetContext",
    "BudgetSummary",
    "OpRecord",
    "budget_summary",
    "budget_summary_dict",
    "budget_reset",
]

#: Entries kept by ``BudgetContext(op_log=True)``.
DEFAULT_OP_LOG_SIZE = 10_000
#: Fraction of a budget above which a non-quiet context warns when it closes.
WARN_FRACTION = 0.9


class OpRecord(NamedTuple):
    """One entry of :attr:`BudgetContext.op_log`."""

    op: str
    """Registry name of the operation."""
    flops: int
    """Its cost."""
    flops_used: int
    """FLOPs used after it (unchanged when refused)."""
    refused: bool
    """``True`` when the budget refused it (the op did not run)."""


class BudgetSummary:
    """Where the FLOPs went: a plain-text report, a dict, or a rich table.

    ``str(summary)`` is the plain-text layout; in a terminal or notebook with
    `rich` installed, ``rich.print(summary)`` renders a table.

    Attributes
    ----------
    namespace : str
        The namespace label (several joined by ``", "``).
    flop_budget, flops_used, flops_remaining : int
        Totals over the budgets summarised.
    operations : dict
        ``{op_name: {"flops": int, "calls": int}}``, largest first.
    """

    __slots__ = ("_namespaces", "_text", "_total")

    def __init__(self, text: str, total: dict, namespaces: list[dict]) -> None:
        self._text = text
        self._total = total
        self._namespaces = namespaces

    @property
    def namespace(self) -> str:
        return self._total["namespace"]

    @property
    def flop_budget(self) -> int:
        return self._total["flop_budget"]

    @property
    def flops_used(self) -> int:
        return self._total["flops_used"]

    @property
    def flops_remaining(self) -> int:
        return self._total["flops_remaining"]

    @property
    def operations(self) -> dict[str, dict[str, int]]:
        return self._total["operations"]

    def to_dict(self, by_namespace: bool = False) -> dict[str, Any]:
        """The summary as plain data.

        Parameters
        ----------
        by_namespace : bool
            ``False``: one dict of totals with keys ``namespace``,
            ``flop_budget``, ``flops_used``, ``flops_remaining`` and
            ``operations``. ``True``: ``{namespace: that dict}``, one entry per
            namespace in order of first use.
        """
        if by_namespace:
            return {ns["namespace"]: ns for ns in self._namespaces}
        return self._total

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return self._text

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # IPython
        printer.text(self._text)

    def __rich__(self) -> Any:
        from rich import box
        from rich.table import Table

        t = self._total
        used = t["flops_used"]
        budget = t["flop_budget"]
        pct = 100.0 * used / budget if budget else 0.0
        table = Table(
            title="mechestim FLOP Budget Summary",
            caption=(
                f"Namespace: {t['namespace'] or '(none)'}  ·  used {used:,} of {budget:,} "
                f"({pct:.1f}%)  ·  remaining {t['flops_remaining']:,}"
            ),
            box=box.SIMPLE_HEAVY,
        )
        table.add_column("operation")
        table.add_column("FLOPs", justify="right")
        table.add_column("share", justify="right")
        table.add_column("calls", justify="right")
        for name, op in t["operations"].items():
            share = 100.0 * op["flops"] / used if used else 0.0
            table.add_row(name, f"{op['flops']:,}", f"{share:.1f}%", f"{op['calls']:,}")
        return table


class BudgetContext(contextlib.ContextDecorator):
    """An explicit FLOP budget, as a context manager or a decorator.

    While the context is open, every counted operation of the process — on
    any thread, thread pools included — is charged to it instead of the
    global default. Explicit contexts do not nest.

    Parameters
    ----------
    flop_budget : int
        The limit in FLOPs: a positive integer; an integral float such as
        ``1e8`` is converted exactly. NaN, inf, zero, negatives, bools and
        fractional values raise ``ValueError`` (:class:`InvalidBudgetError`).
    namespace : str, optional
        Non-empty label under which the session summary groups this budget's usage.
    quiet : bool
        If ``False`` (the default), closing a context that used more than 90%
        of its budget emits a :class:`MechEstimWarning`.
    op_log : bool or int
        Keep a per-call log for debugging overruns: ``True`` keeps the last
        10,000 calls, an int keeps that many. Off by default (O(1) memory).

    Raises
    ------
    InvalidBudgetError
        For an invalid ``flop_budget``.
    BudgetContextError
        On entering while another explicit context is open.

    Notes
    -----
    A ``BudgetContext`` object *is* a budget: entering it again (or calling a
    function it decorates again) keeps spending from the same limit.

    Examples
    --------
    >>> import mechestim as me
    >>> with me.BudgetContext(flop_budget=1e6, namespace="demo") as budget:
    ...     y = me.multiply(me.array([1.0, 2.0, 3.0]), 2.0)
    >>> budget.flops_used, budget.flops_remaining
    (3, 999997)

    As a decorator, every call of the function shares the budget:

    >>> @me.BudgetContext(flop_budget=10, quiet=True)
    ... def double(x):
    ...     return me.multiply(x, 2)
    >>> _ = double(me.array([1.0, 2.0])); _ = double(me.array([1.0, 2.0]))
    """

    def __init__(
        self,
        flop_budget: int | float,
        namespace: str | None = None,
        quiet: bool = False,
        *,
        op_log: bool | int = False,
    ) -> None:
        if namespace is not None and (not isinstance(namespace, str) or not namespace.strip()):
            raise InvalidArgumentError(f"namespace must be a non-empty str or None, got {namespace!r}")
        if isinstance(op_log, bool):
            capacity = DEFAULT_OP_LOG_SIZE if op_log else 0
        elif isinstance(op_log, int) and op_log >= 0:
            capacity = op_log
        else:
            raise InvalidArgumentError(f"op_log must be a bool or a non-negative int, got {op_log!r}")
        self._budget = _core.Budget(flop_budget, namespace, capacity)
        self._quiet = bool(quiet)

    def __enter__(self) -> BudgetContext:
        self._budget.open()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._budget.close()
        if not self._quiet and self.flops_used > WARN_FRACTION * self.flop_budget:
            warnings.warn(
                f"BudgetContext {self.namespace or '(unnamed)'!s} closed having used "
                f"{self.flops_used:,} of {self.flop_budget:,} FLOPs "
                f"({100.0 * self.flops_used / self.flop_budget:.1f}%)",
                MechEstimWarning,
                stacklevel=2,
            )

    @property
    def flop_budget(self) -> int:
        """The limit in FLOPs."""
        return self._budget.flop_budget

    @property
    def flops_used(self) -> int:
        """FLOPs charged so far."""
        return self._budget.flops_used

    @property
    def flops_remaining(self) -> int:
        """FLOPs left."""
        return self._budget.flops_remaining

    @property
    def namespace(self) -> str | None:
        """The namespace given at construction."""
        return self._budget.namespace

    @property
    def is_open(self) -> bool:
        """Whether this context is the active one."""
        return self._budget.is_open()

    @property
    def op_log(self) -> list[OpRecord] | None:
        """The most recent calls (oldest first), or ``None`` when the log is off."""
        log = self._budget.op_log()
        if log is None:
            return None
        return [OpRecord(*row) for row in log[0]]

    @property
    def op_log_dropped(self) -> int:
        """How many older entries the bounded log has dropped."""
        log = self._budget.op_log()
        return 0 if log is None else log[1]

    def summary(self) -> BudgetSummary:
        """This budget's summary (see :func:`budget_summary` for the session's)."""
        return BudgetSummary(*self._budget.summary())

    def __repr__(self) -> str:
        return (
            f"BudgetContext(flop_budget={self.flop_budget}, namespace={self.namespace!r}, "
            f"flops_used={self.flops_used})"
        )


def budget_summary() -> BudgetSummary:
    """Summarise every FLOP charged in this session.

    The session covers the global default budget (once it has activated) and
    every explicit context opened since the last :func:`budget_reset`,
    grouped by namespace; contexts sharing a namespace add up.

    Examples
    --------
    >>> import mechestim as me
    >>> me.budget_reset()
    >>> with me.BudgetContext(flop_budget=1000, namespace="doc"):
    ...     _ = me.sqrt(me.array([1.0, 4.0]))
    >>> print(me.budget_summary())
    mechestim FLOP Budget Summary
    ==============================
    Namespace:      doc
    Total budget:   1,000
    Used:               2  (0.2%)
    Remaining:        998  (99.8%)
    <BLANKLINE>
    By operation:
      sqrt  2  (100.0%)  [1 call]
    """
    return BudgetSummary(*_core.session_summary())


def budget_summary_dict(by_namespace: bool = False) -> dict[str, Any]:
    """The session summary as a dict (see :meth:`BudgetSummary.to_dict`)."""
    return budget_summary().to_dict(by_namespace=by_namespace)


def budget_reset() -> None:
    """Forget the session's history and the global default budget.

    A fresh global default activates on the next counted op.

    Raises
    ------
    BudgetContextError
        If an explicit context is open.
    """
    _core.session_reset()
