//! Pointwise families: one FLOP per output element.

use super::checked::numel;
use super::shape::broadcast;
use crate::error::Result;

/// Unary pointwise cost: `numel(output)`; a 0-d array costs 1.
///
/// ```
/// use mechestim_core::cost::unary_cost;
/// assert_eq!(unary_cost(&[16, 16]).unwrap(), 256);
/// assert_eq!(unary_cost(&[]).unwrap(), 1);
/// ```
pub fn unary_cost(shape: &[u64]) -> Result<u64> {
    numel(shape, "a pointwise op")
}

/// Binary pointwise cost: `numel` of the broadcast output.
///
/// ```
/// use mechestim_core::cost::binary_cost;
/// assert_eq!(binary_cost(&[8, 1], &[1, 6]).unwrap(), 48);
/// assert_eq!(binary_cost(&[256], &[]).unwrap(), 256);
/// ```
///
/// # Errors
/// [`Error::Shape`](crate::Error::Shape) when the shapes do not broadcast.
pub fn binary_cost(a: &[u64], b: &[u64]) -> Result<u64> {
    if a == b {
        return numel(a, "a pointwise op");
    }
    numel(&broadcast(&[a, b])?, "a pointwise op")
}

/// `numel` of the broadcast of any number of shapes (`where`, `clip`, `select`).
///
/// ```
/// use mechestim_core::cost::broadcast_cost;
/// assert_eq!(broadcast_cost(&[&[3, 1], &[1, 4], &[]]).unwrap(), 12);
/// ```
pub fn broadcast_cost(shapes: &[&[u64]]) -> Result<u64> {
    numel(&broadcast(shapes)?, "a broadcast op")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    #[test]
    fn unary_examples_of_the_cost_model() {
        assert_eq!(unary_cost(&[16, 16]).unwrap(), 256); // exp on (16,16)
        assert_eq!(unary_cost(&[]).unwrap(), 1); // sqrt of a 0-d array
        assert_eq!(unary_cost(&[0, 7]).unwrap(), 0);
    }

    #[test]
    fn binary_examples_of_the_cost_model() {
        assert_eq!(binary_cost(&[8, 1], &[1, 6]).unwrap(), 48);
        assert_eq!(binary_cost(&[256], &[]).unwrap(), 256);
        assert_eq!(binary_cost(&[256, 256], &[]).unwrap(), 65_536);
        assert_eq!(binary_cost(&[3, 1, 5], &[4, 1]).unwrap(), 60);
    }

    #[test]
    fn bad_broadcast_is_a_shape_error() {
        assert!(matches!(binary_cost(&[3], &[4]), Err(Error::Shape(_))));
    }
}
