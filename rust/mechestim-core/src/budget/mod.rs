//! FLOP budgets: atomic check-and-charge, per-op tallies, namespaces and the
//! process-wide session that decides which budget an op is charged to.

mod ledger;
pub mod limit;
mod session;
mod summary;

pub use ledger::{Budget, BudgetKind, LogEntry};
pub use limit::{DefaultBudget, DEFAULT_BUDGET, DEFAULT_BUDGET_ENV};
pub use session::Session;
pub use summary::{
    label_of, NamespaceUsage, OpUsage, Summary, GLOBAL_DEFAULT_LABEL, UNNAMED_LABEL,
};
