//! Polynomial and window-function families.

use super::checked::{add, mul};
use crate::error::Result;

/// `2·m·deg` for evaluating a polynomial of `ncoef` coefficients at `m` points.
///
/// ```
/// use mechestim_core::cost::polyval_cost;
/// assert_eq!(polyval_cost(4, 100).unwrap(), 600);
/// ```
pub fn polyval_cost(ncoef: u64, m: u64) -> Result<u64> {
    mul(mul(2, m, "polyval")?, ncoef.saturating_sub(1), "polyval")
}

/// `max(n1, n2)` (`polyadd`, `polysub`).
pub fn polyadd_cost(n1: u64, n2: u64) -> Result<u64> {
    Ok(n1.max(n2))
}

/// `n1·n2` (`polymul`, `polydiv`).
pub fn polymul_cost(n1: u64, n2: u64) -> Result<u64> {
    mul(n1, n2, "a polynomial product")
}

/// `2·m·(deg+1)²` for a least-squares fit of degree `deg` to `m` points.
///
/// ```
/// use mechestim_core::cost::polyfit_cost;
/// assert_eq!(polyfit_cost(50, 3).unwrap(), 1600);
/// ```
pub fn polyfit_cost(m: u64, deg: u64) -> Result<u64> {
    let k = add(deg, 1, "polyfit")?;
    mul(mul(2, m, "polyfit")?, mul(k, k, "polyfit")?, "polyfit")
}

/// `n²` for the polynomial with `n` given roots.
pub fn poly_cost(n: u64) -> Result<u64> {
    mul(n, n, "poly")
}

/// `10·deg³` for the roots of a polynomial of `ncoef` coefficients.
pub fn roots_cost(ncoef: u64) -> Result<u64> {
    let deg = ncoef.saturating_sub(1);
    mul(10, mul(deg, mul(deg, deg, "roots")?, "roots")?, "roots")
}

/// `polyder` of order `m` of `n` coefficients: the k-th derivative starts
/// from `n − k` coefficients, so `Σ_{k<m} max(n − k, 0) = t·n − t(t−1)/2`
/// with `t = min(m, n)`.
pub fn polyder_cost(n: u64, m: u64) -> Result<u64> {
    let t = m.min(n);
    let lead = mul(t, n, "polyder")?;
    Ok(lead - mul(t, t.saturating_sub(1), "polyder")? / 2)
}

/// `polyint` of order `m` of `n` coefficients: the j-th integral starts from
/// `n + j` coefficients, so `Σ_{j<m} (n + j) = m·n + m(m−1)/2`.
pub fn polyint_cost(n: u64, m: u64) -> Result<u64> {
    let tail = mul(m, m.saturating_sub(1), "polyint")? / 2;
    super::checked::add(mul(m, n, "polyint")?, tail, "polyint")
}

/// `M` (`bartlett`, `hamming`, `hanning`) or `3·M` (`blackman`, `kaiser`).
pub fn window_cost(m: u64, trigonometric: bool) -> Result<u64> {
    mul(m, if trigonometric { 3 } else { 1 }, "a window")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cost_model_examples() {
        assert_eq!(polyval_cost(4, 100).unwrap(), 2 * 100 * 3);
        assert_eq!(polyfit_cost(50, 3).unwrap(), 2 * 50 * 16);
        assert_eq!(polyadd_cost(3, 7).unwrap(), 7);
        assert_eq!(polymul_cost(3, 7).unwrap(), 21);
        assert_eq!(poly_cost(5).unwrap(), 25);
        assert_eq!(roots_cost(4).unwrap(), 270);
        assert_eq!(window_cost(64, false).unwrap(), 64);
        assert_eq!(window_cost(64, true).unwrap(), 192);
        assert_eq!(polyval_cost(1, 100).unwrap(), 0);
    }

    #[test]
    fn derivatives_and_integrals() {
        // [1,1,1,1] twice: 4 + 3 coefficients.
        assert_eq!(polyder_cost(4, 2).unwrap(), 7);
        // More orders than coefficients: 4 + 3 + 2 + 1 and no more.
        assert_eq!(polyder_cost(4, 9).unwrap(), 10);
        assert_eq!(polyder_cost(4, 0).unwrap(), 0);
        // 3 coefficients integrated once: 3; three times: 3 + 4 + 5.
        assert_eq!(polyint_cost(3, 1).unwrap(), 3);
        assert_eq!(polyint_cost(3, 3).unwrap(), 12);
    }
}
