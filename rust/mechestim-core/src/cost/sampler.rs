//! Random samplers: one FLOP per value produced.

use super::checked::numel;
use crate::error::Result;

/// Cost of drawing an array of `shape`: `numel(shape)` (a scalar draw costs 1).
///
/// ```
/// use mechestim_core::cost::sampler_cost;
/// assert_eq!(sampler_cost(&[256, 256]).unwrap(), 65_536);
/// assert_eq!(sampler_cost(&[5, 5]).unwrap(), 25);
/// ```
pub fn sampler_cost(shape: &[u64]) -> Result<u64> {
    numel(shape, "a random sampler")
}
