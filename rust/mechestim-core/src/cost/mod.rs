//! The cost model: the op registry and the formula families.
//!
//! Every cost is an exact `u64` computed from shapes (and a few arguments),
//! never from values; a cost that does not fit is an error
//! ([`Error::CostOverflow`](crate::Error::CostOverflow)).

pub mod axes;
pub mod checked;
mod misc;
mod pointwise;
mod polynomial;
mod reduction;
pub mod registry;
mod sampler;
pub mod shape;
mod sorting;
mod table;

pub use misc::{
    convolve_cost, cov_cost, cross_cost, kron_cost, logspace_cost, trace_cost, vander_cost,
};
pub use pointwise::{binary_cost, broadcast_cost, unary_cost};
pub use polynomial::{
    poly_cost, polyadd_cost, polyfit_cost, polymul_cost, polyval_cost, roots_cost, window_cost,
};
pub use reduction::{mean_cost, reduction_cost, var_cost};
pub use registry::{Category, Family, Module, OpId, OpSpec};
pub use sampler::sampler_cost;
pub use sorting::{
    digitize_cost, histogram_cost, lexsort_cost, partition_cost, searchsorted_cost, set_op_cost,
    sort_cost, unique_cost,
};
