//! Einsum: subscript parsing and the contraction cost rule.

mod cost;
mod parse;

pub use cost::{step_cost, Step};
pub use parse::{Contraction, Label};
