//! Reductions: `numel(input)` for most, plus the output for means and twice
//! the input for variances.

use super::axes;
use super::checked::{add, mul, numel};
use crate::error::Result;

/// `numel(input)`, whatever the axis.
///
/// ```
/// use mechestim_core::cost::reduction_cost;
/// assert_eq!(reduction_cost(&[10, 20]).unwrap(), 200);
/// ```
pub fn reduction_cost(shape: &[u64]) -> Result<u64> {
    numel(shape, "a reduction")
}

fn in_out(shape: &[u64], axis: Option<&[i64]>) -> Result<(u64, u64)> {
    let axes = axes::normalize(axis, shape.len())?;
    let n_in = numel(shape, "a reduction")?;
    let n_out = numel(&axes::reduced(shape, &axes), "a reduction")?;
    Ok((n_in, n_out))
}

/// `numel(input) + numel(output)` (`mean`, `average`, `nanmean`).
///
/// ```
/// use mechestim_core::cost::mean_cost;
/// assert_eq!(mean_cost(&[10, 20], None).unwrap(), 201);
/// assert_eq!(mean_cost(&[10, 20], Some(&[1])).unwrap(), 210);
/// ```
pub fn mean_cost(shape: &[u64], axis: Option<&[i64]>) -> Result<u64> {
    let (n_in, n_out) = in_out(shape, axis)?;
    add(n_in, n_out, "a mean")
}

/// `2·numel(input) + numel(output)` (`var`, `std`, `nanvar`, `nanstd`).
///
/// ```
/// use mechestim_core::cost::var_cost;
/// assert_eq!(var_cost(&[10, 20], None).unwrap(), 401);
/// ```
pub fn var_cost(shape: &[u64], axis: Option<&[i64]>) -> Result<u64> {
    let (n_in, n_out) = in_out(shape, axis)?;
    add(mul(2, n_in, "a variance")?, n_out, "a variance")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cost_model_examples() {
        assert_eq!(reduction_cost(&[10, 20]).unwrap(), 200);
        assert_eq!(mean_cost(&[10, 20], None).unwrap(), 10 * 20 + 1);
        assert_eq!(mean_cost(&[10, 20], Some(&[1])).unwrap(), 10 * 20 + 10);
        assert_eq!(mean_cost(&[10, 20], Some(&[0, 1])).unwrap(), 201);
        assert_eq!(var_cost(&[10, 20], None).unwrap(), 2 * 200 + 1);
        assert_eq!(var_cost(&[10, 20], Some(&[-2])).unwrap(), 2 * 200 + 20);
        assert!(mean_cost(&[10, 20], Some(&[2])).is_err());
    }
}
