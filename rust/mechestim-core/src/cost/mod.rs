//! The cost model: the op registry and the formula families.
//!
//! Every cost is an exact `u64` computed from shapes (and a few arguments),
//! never from values; a cost that does not fit is an error
//! ([`Error::CostOverflow`](crate::Error::CostOverflow)).

pub mod checked;
mod pointwise;
pub mod registry;
mod sampler;
pub mod shape;
mod table;

pub use pointwise::{binary_cost, unary_cost};
pub use registry::{Category, Family, Module, OpId, OpSpec};
pub use sampler::sampler_cost;
