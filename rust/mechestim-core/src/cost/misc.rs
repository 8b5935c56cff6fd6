//! Families with a formula of their own: kron, cross, convolve, cov,
//! logspace, vander, trace.

use super::axes;
use super::checked::{add, mul, numel};
use super::shape::{broadcast, fmt_shape};
use crate::error::{Error, Result};

/// `numel(output)` of `kron(a, b)`.
///
/// ```
/// use mechestim_core::cost::kron_cost;
/// assert_eq!(kron_cost(&[3, 4], &[2, 5]).unwrap(), 120);
/// ```
pub fn kron_cost(a: &[u64], b: &[u64]) -> Result<u64> {
    let nd = a.len().max(b.len());
    let pad = |s: &[u64]| -> Vec<u64> {
        let mut v = vec![1; nd - s.len()];
        v.extend_from_slice(s);
        v
    };
    let (a, b) = (pad(a), pad(b));
    let out: Vec<u64> = a
        .iter()
        .zip(&b)
        .map(|(&x, &y)| mul(x, y, "kron"))
        .collect::<Result<_>>()?;
    numel(&out, "kron")
}

/// `3·numel(output)` of `cross(a, b)` with the vectors along `axisa`/`axisb`.
///
/// ```
/// use mechestim_core::cost::cross_cost;
/// assert_eq!(cross_cost(&[10, 3], &[10, 3], -1, -1).unwrap(), 90);
/// ```
pub fn cross_cost(a: &[u64], b: &[u64], axisa: i64, axisb: i64) -> Result<u64> {
    let ia = axes::normalize_one(Some(axisa), a.len())?.unwrap_or(0);
    let ib = axes::normalize_one(Some(axisb), b.len())?.unwrap_or(0);
    let (va, vb) = (a[ia], b[ib]);
    if !matches!(va, 2 | 3) || !matches!(vb, 2 | 3) {
        return Err(Error::Shape(format!(
            "incompatible dimensions for cross product (dimension must be 2 or 3): shapes {} and {}",
            fmt_shape(a),
            fmt_shape(b)
        )));
    }
    let rest = |s: &[u64], i: usize| -> Vec<u64> {
        s.iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, &d)| d)
            .collect()
    };
    let mut out = broadcast(&[&rest(a, ia), &rest(b, ib)])?;
    if va == 3 || vb == 3 {
        out.push(3);
    }
    mul(3, numel(&out, "cross")?, "cross")
}

/// `n·m` (`convolve`, `correlate`).
pub fn convolve_cost(n: u64, m: u64) -> Result<u64> {
    mul(n, m, "a convolution")
}

/// Covariance of `d` variables over `nobs` observations: centring `2·d·N`
/// plus products `2·d·d·N`; `corrcoef` adds `d·d` for the normalisation.
///
/// ```
/// use mechestim_core::cost::cov_cost;
/// assert_eq!(cov_cost(5, 20, false).unwrap(), 1200);
/// assert_eq!(cov_cost(5, 20, true).unwrap(), 1225);
/// ```
pub fn cov_cost(d: u64, nobs: u64, corrcoef: bool) -> Result<u64> {
    let centring = mul(mul(2, d, "cov")?, nobs, "cov")?;
    let products = mul(mul(mul(2, d, "cov")?, d, "cov")?, nobs, "cov")?;
    let norm = if corrcoef { mul(d, d, "corrcoef")? } else { 0 };
    add(add(centring, products, "cov")?, norm, "cov")
}

/// `num` (`logspace`, `geomspace`).
pub fn logspace_cost(num: u64) -> Result<u64> {
    Ok(num)
}

/// `len(x)·(N−1)` (`vander`).
pub fn vander_cost(len: u64, n: u64) -> Result<u64> {
    mul(len, n.saturating_sub(1), "vander")
}

/// Length of the `offset` diagonal of the (`axis1`, `axis2`) planes, times the batch.
///
/// ```
/// use mechestim_core::cost::trace_cost;
/// assert_eq!(trace_cost(&[9, 12], 0, 0, 1).unwrap(), 9);
/// ```
pub fn trace_cost(shape: &[u64], offset: i64, axis1: i64, axis2: i64) -> Result<u64> {
    let both = axes::normalize(Some(&[axis1, axis2]), shape.len())?;
    let (r, c) = (shape[both[0]] as i128, shape[both[1]] as i128);
    let k = i128::from(offset);
    let diag = if k >= 0 { r.min(c - k) } else { (r + k).min(c) }.max(0) as u64;
    let batch = numel(&axes::reduced(shape, &both), "trace")?;
    mul(diag, batch, "trace")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cost_model_examples() {
        assert_eq!(kron_cost(&[3, 4], &[2, 5]).unwrap(), 3 * 4 * 2 * 5);
        assert_eq!(kron_cost(&[3], &[2, 5]).unwrap(), 2 * 15);
        assert!(matches!(
            kron_cost(&[1 << 40], &[1 << 40]),
            Err(Error::CostOverflow { .. })
        ));
        assert_eq!(cross_cost(&[10, 3], &[10, 3], -1, -1).unwrap(), 3 * 30);
        assert_eq!(cross_cost(&[10, 2], &[3], -1, -1).unwrap(), 3 * 30);
        assert_eq!(cross_cost(&[10, 2], &[2], -1, -1).unwrap(), 3 * 10);
        assert!(cross_cost(&[4], &[3], -1, -1).is_err());
        assert_eq!(cov_cost(5, 20, false).unwrap(), 2 * 5 * 20 + 2 * 5 * 5 * 20);
        assert_eq!(cov_cost(5, 20, true).unwrap(), 1200 + 25);
        assert_eq!(vander_cost(10, 5).unwrap(), 40);
        assert_eq!(trace_cost(&[9, 12], 0, 0, 1).unwrap(), 9);
        assert_eq!(trace_cost(&[9, 12], 5, 0, 1).unwrap(), 7);
        assert_eq!(trace_cost(&[9, 12], -3, 0, 1).unwrap(), 6);
        assert_eq!(trace_cost(&[9, 12], 20, 0, 1).unwrap(), 0);
        assert_eq!(trace_cost(&[2, 9, 12], 0, 1, 2).unwrap(), 18);
        assert_eq!(logspace_cost(50).unwrap(), 50);
    }
}
