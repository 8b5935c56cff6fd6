//! The cost model: the op registry and the formula families.
//!
//! Every cost is an exact `u64` computed from shapes (and a few arguments),
//! never from values; a cost that does not fit is an error
//! ([`Error::CostOverflow`](crate::Error::CostOverflow)).

pub mod axes;
pub mod checked;
mod fft;
mod linalg;
mod misc;
mod pointwise;
mod polynomial;
mod reduction;
pub mod registry;
mod sampler;
pub mod shape;
mod sorting;
mod table;

pub use fft::{
    fft_cost, fft_output_shape, fft_transform_cost, fftn_cost, fftn_output_shape, FftKind,
};
pub use linalg::{
    batched, cholesky_cost, det_cost, eig_cost, eigh_cost, inv_cost, matrix_norm_cost,
    matrix_power_cost, mn_min_cost, qr_cost, solve_cost, svd_cost, tensor_inv_cost,
    vector_norm_cost, NormOrd,
};
pub use misc::{
    convolve_cost, cov_cost, cross_cost, kron_cost, logspace_cost, trace_cost, vander_cost,
};
pub use pointwise::{binary_cost, broadcast_cost, unary_cost};
pub use polynomial::{
    poly_cost, polyadd_cost, polyder_cost, polyfit_cost, polyint_cost, polymul_cost, polyval_cost,
    roots_cost, window_cost,
};
pub use reduction::{mean_cost, reduction_cost, var_cost};
pub use registry::{Category, Family, Module, OpId, OpSpec};
pub use sampler::{
    choice_cost, draw_cost, permutation_cost, permuted_cost, sampler_cost, sampler_output_shape,
    shuffle_cost,
};
pub use sorting::{
    digitize_cost, histogram_cost, lexsort_cost, partition_cost, searchsorted_cost, set_op_cost,
    sort_cost, unique_cost,
};
