//! Einsum: subscript parsing, the contraction cost rule, path search and the
//! path report.

mod bitset;
mod cost;
mod network;
mod optimize;
mod parse;
mod path_info;
mod symmetric;

pub use cost::{step_cost, Step};
pub use network::Minimize;
pub use optimize::{find_path, Optimizer, Options, OPTIMAL_MAX_OPERANDS};
pub use parse::{Contraction, Label};
pub use path_info::{Blas, PathInfo, StepInfo};
pub use symmetric::{find_path_symmetric, price_symmetric, SymmetricPrice, Symmetries};
