//! Symmetry bookkeeping: permutation groups on tensor axes, unique-element
//! counts by Burnside's lemma, and the symmetry (and price) of einsum steps.

mod count;
mod group;
mod step;

pub use count::unique_elements;
pub use group::{Perm, PermGroup, MAX_ORDER};
pub use step::{step_symmetry, Operand, StepSymmetry};
