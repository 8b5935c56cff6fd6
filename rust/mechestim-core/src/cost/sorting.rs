//! Sorting, searching, set and histogram families.

use super::axes;
use super::checked::{add, ceil_lg, mul, numel};
use crate::error::Result;

/// `n·⌈lg n⌉`, with 0 for an empty input.
fn n_lg_n(n: u64, what: &str) -> Result<u64> {
    if n == 0 {
        return Ok(0);
    }
    mul(n, ceil_lg(n), what)
}

/// (slices, length) of the lanes along `axis` (`None`: the flattened array).
fn lanes(shape: &[u64], axis: Option<i64>) -> Result<(u64, u64)> {
    let total = numel(shape, "a sort")?;
    match axes::normalize_one(axis, shape.len())? {
        None => Ok((1, total)),
        Some(a) => {
            let n = shape[a];
            Ok((total.checked_div(n).unwrap_or(0), n))
        }
    }
}

/// `slices · n·⌈lg n⌉` along `axis` (`sort`, `argsort`).
///
/// ```
/// use mechestim_core::cost::sort_cost;
/// assert_eq!(sort_cost(&[4, 8], Some(-1)).unwrap(), 96);
/// assert_eq!(sort_cost(&[4, 8], None).unwrap(), 160);
/// ```
pub fn sort_cost(shape: &[u64], axis: Option<i64>) -> Result<u64> {
    let (slices, n) = lanes(shape, axis)?;
    mul(slices, n_lg_n(n, "a sort")?, "a sort")
}

/// `slices · n` along `axis` (`partition`, `argpartition`).
pub fn partition_cost(shape: &[u64], axis: Option<i64>) -> Result<u64> {
    let (slices, n) = lanes(shape, axis)?;
    mul(slices, n, "a partition")
}

/// `k·n·⌈lg n⌉` for `k` keys of length `n`.
pub fn lexsort_cost(k: u64, n: u64) -> Result<u64> {
    mul(k, n_lg_n(n, "lexsort")?, "lexsort")
}

/// `m·⌈lg n⌉` for `m` queries into `n` sorted values.
///
/// ```
/// use mechestim_core::cost::searchsorted_cost;
/// assert_eq!(searchsorted_cost(1024, 5).unwrap(), 50);
/// ```
pub fn searchsorted_cost(n: u64, m: u64) -> Result<u64> {
    mul(m, ceil_lg(n.max(1)), "searchsorted")
}

/// `n·⌈lg n⌉` (`unique` and its variants).
pub fn unique_cost(n: u64) -> Result<u64> {
    n_lg_n(n, "unique")
}

/// `(n+m)·⌈lg (n+m)⌉` (`isin`, `union1d`, ...).
pub fn set_op_cost(n: u64, m: u64) -> Result<u64> {
    n_lg_n(add(n, m, "a set operation")?, "a set operation")
}

/// `n·Σ⌈lg bins_d⌉` over the histogram's dimensions.
///
/// ```
/// use mechestim_core::cost::histogram_cost;
/// assert_eq!(histogram_cost(1000, &[10]).unwrap(), 4000);
/// ```
pub fn histogram_cost(n: u64, bins: &[u64]) -> Result<u64> {
    let per = bins
        .iter()
        .try_fold(0u64, |acc, &b| add(acc, ceil_lg(b.max(1)), "a histogram"))?;
    mul(n, per, "a histogram")
}

/// `n·⌈lg len(bins)⌉`.
pub fn digitize_cost(n: u64, nbins: u64) -> Result<u64> {
    mul(n, ceil_lg(nbins.max(1)), "digitize")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cost_model_examples() {
        // (4,8) along the last axis: 4 slices * 8*3.
        assert_eq!(sort_cost(&[4, 8], Some(1)).unwrap(), 4 * 8 * 3);
        // axis=None: 32 * 5.
        assert_eq!(sort_cost(&[4, 8], None).unwrap(), 32 * 5);
        // along axis 0: 8 slices of 4 -> 8 * 4*2.
        assert_eq!(sort_cost(&[4, 8], Some(0)).unwrap(), 8 * 4 * 2);
        assert_eq!(sort_cost(&[0, 8], Some(0)).unwrap(), 0);
        assert_eq!(partition_cost(&[4, 8], Some(-1)).unwrap(), 32);
        assert_eq!(searchsorted_cost(1024, 5).unwrap(), 5 * 10);
        assert_eq!(unique_cost(16).unwrap(), 64);
        assert_eq!(set_op_cost(10, 6).unwrap(), 16 * 4);
        assert_eq!(lexsort_cost(3, 8).unwrap(), 3 * 8 * 3);
        assert_eq!(histogram_cost(100, &[10, 4]).unwrap(), 100 * (4 + 2));
        assert_eq!(digitize_cost(100, 9).unwrap(), 100 * 4);
        assert!(sort_cost(&[4, 8], Some(2)).is_err());
    }
}
