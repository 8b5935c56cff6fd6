//! The one error type of the crate.
//!
//! Every fallible function in `mechestim-core` returns [`Result<T>`]. The Python
//! binding maps each variant to exactly one exception class of
//! `mechestim.errors`; Rust users match on the variants directly.

use std::fmt;

/// Every way a mechestim operation can fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A charge did not fit in the remaining budget. Nothing was charged.
    BudgetExhausted {
        /// Registry name of the refused operation (`"einsum"`, `"random.randn"`).
        op: String,
        /// FLOPs the operation would have cost.
        cost: u64,
        /// FLOPs left in the budget when the charge was refused.
        remaining: u64,
        /// The budget's limit.
        limit: u64,
    },
    /// No budget is active: the global default was disabled
    /// (`MECHESTIM_DEFAULT_BUDGET=off`) and no explicit context is open.
    NoBudget {
        /// Registry name of the operation that needed a budget.
        op: String,
    },
    /// A budget value is not a positive integer that fits in 64 bits.
    InvalidBudget(String),
    /// An explicit budget context is already open (or the one being closed is not open).
    ContextConflict(String),
    /// A cost does not fit in 64 bits.
    CostOverflow {
        /// What was being priced.
        what: String,
    },
    /// Operand shapes are incompatible (broadcasting, contraction dimensions).
    Shape(String),
    /// Malformed einsum subscripts or a path that does not fit them.
    Subscripts(String),
    /// An axis argument is out of bounds or repeated.
    Axis(String),
    /// An argument other than a shape or a budget is invalid.
    InvalidArgument(String),
    /// Data of a dtype that cannot be priced (object, string, datetime, structured).
    NonNumeric(String),
    /// Declared symmetry that the data does not have, or an invalid group.
    Symmetry(String),
    /// A name that mechestim does not provide, or blocks on purpose.
    Unsupported {
        /// The NumPy name that was asked for.
        name: String,
        /// Why it is not available (empty when it is simply not provided).
        reason: String,
        /// What to use instead (empty when there is no advice).
        alternative: String,
    },
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Error>;

/// Format an integer with thousands separators: `1312001` → `"1,312,001"`.
pub fn thousands(n: impl Into<u128>) -> String {
    let digits = n.into().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::BudgetExhausted {
                op,
                cost,
                remaining,
                limit,
            } => write!(
                f,
                "{op} would cost {} FLOPs but only {} of the {} FLOP budget remain; \
                 nothing was charged and the operation did not run",
                thousands(*cost),
                thousands(*remaining),
                thousands(*limit)
            ),
            Error::NoBudget { op } => write!(
                f,
                "{op} needs a FLOP budget but none is active: the global default is disabled \
                 (MECHESTIM_DEFAULT_BUDGET=off); open one with \
                 `with me.BudgetContext(flop_budget=...)`"
            ),
            Error::InvalidBudget(msg)
            | Error::ContextConflict(msg)
            | Error::Shape(msg)
            | Error::Axis(msg)
            | Error::Subscripts(msg)
            | Error::InvalidArgument(msg)
            | Error::NonNumeric(msg)
            | Error::Symmetry(msg) => f.write_str(msg),
            Error::CostOverflow { what } => write!(
                f,
                "the FLOP cost of {what} does not fit in 64 bits (more than 18,446,744,073,709,551,615 FLOPs); \
                 nothing was charged"
            ),
            Error::Unsupported {
                name,
                reason,
                alternative,
            } => {
                if reason.is_empty() {
                    write!(f, "mechestim does not provide {name}")?;
                } else {
                    write!(f, "{name} is blocked in mechestim: {reason}")?;
                }
                if !alternative.is_empty() {
                    write!(f, "; use {alternative} instead")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0u64), "0");
        assert_eq!(thousands(999u64), "999");
        assert_eq!(thousands(1000u64), "1,000");
        assert_eq!(thousands(1_312_001u64), "1,312,001");
        assert_eq!(thousands(100_000_000u64), "100,000,000");
        assert_eq!(thousands(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn exhausted_message_names_op_and_numbers() {
        let e = Error::BudgetExhausted {
            op: "einsum".into(),
            cost: 131_072,
            remaining: 1_000,
            limit: 10_000,
        };
        let s = e.to_string();
        assert!(s.contains("einsum"), "{s}");
        assert!(s.contains("131,072"), "{s}");
        assert!(s.contains("1,000"), "{s}");
    }

    #[test]
    fn blocked_message_has_reason_and_alternative() {
        let e = Error::Unsupported {
            name: "save".into(),
            reason: "file I/O is outside the FLOP model".into(),
            alternative: "pickle on plain data".into(),
        };
        assert_eq!(
            e.to_string(),
            "save is blocked in mechestim: file I/O is outside the FLOP model; use pickle on plain data instead"
        );
    }
}
