//! # mechestim-core
//!
//! The accounting engine of mechestim, in pure Rust: an analytical FLOP cost
//! model driven by one op registry, einsum parsing, contraction-path search
//! and pricing, symmetry groups with exact unique-element counts, and
//! thread-safe FLOP budgets. It has no Python dependency; the `mechestim`
//! Python package is a thin binding over it, and Rust tools can embed it
//! directly.
//!
//! ```
//! use std::sync::Arc;
//! use mechestim_core::budget::{Budget, BudgetKind, Session, DefaultBudget};
//! use mechestim_core::cost::{registry, unary_cost};
//! use mechestim_core::einsum::Contraction;
//!
//! let session = Session::with_default(DefaultBudget::Off);
//! let budget = Arc::new(Budget::new(1_000_000, Some("demo".into()), BudgetKind::Explicit));
//! session.open(Arc::clone(&budget)).unwrap();
//!
//! let c = Contraction::parse("ij,j->i", &[&[256, 256], &[256]]).unwrap();
//! session.charge(registry::lookup("einsum").unwrap(), c.naive_cost().unwrap()).unwrap();
//! session.charge(registry::lookup("sqrt").unwrap(), unary_cost(&[]).unwrap()).unwrap();
//!
//! assert_eq!(budget.used(), 131_073);
//! println!("{}", session.summary());
//! ```

#![forbid(unsafe_code)]

pub mod budget;
pub mod cost;
pub mod einsum;
mod error;
pub mod symmetry;

pub use error::{thousands, Error, Result};
