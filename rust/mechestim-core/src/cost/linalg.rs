//! Linear algebra: the cost model's per-matrix formulas. A stack of matrices
//! costs the per-matrix formula times the number of matrices ([`batched`]).
//! Divisions are integer divisions of the exact products (`n³/3` of 20 is
//! 2,666), and symmetric inputs take the cheaper formulas where the model
//! gives them.

use super::checked::{add, mul};
use crate::error::{Error, Result};

const WHAT: &str = "a linear-algebra op";

fn cube(n: u64) -> Result<u64> {
    mul(mul(n, n, WHAT)?, n, WHAT)
}

/// `per_matrix × batch`.
pub fn batched(per_matrix: u64, batch: u64) -> Result<u64> {
    mul(per_matrix, batch, WHAT)
}

/// Truncated or full SVD of an m×n matrix: `m·n·k`, `k = min(m, n)` unless given.
///
/// # Errors
/// [`Error::InvalidArgument`] if `k` is 0 or exceeds `min(m, n)`.
pub fn svd_cost(m: u64, n: u64, k: Option<u64>) -> Result<u64> {
    let full = m.min(n);
    let k = k.unwrap_or(full);
    if k == 0 || k > full {
        return Err(Error::InvalidArgument(format!(
            "svd: k must be between 1 and min(m, n) = {full}, got {k}"
        )));
    }
    mul(mul(m, n, WHAT)?, k, WHAT)
}

/// svdvals, lstsq, pinv, cond, matrix_rank: `m·n·min(m, n)`.
pub fn mn_min_cost(m: u64, n: u64) -> Result<u64> {
    mul(mul(m, n, WHAT)?, m.min(n), WHAT)
}

/// Cholesky: `n³/3`.
pub fn cholesky_cost(n: u64) -> Result<u64> {
    Ok(cube(n)? / 3)
}

/// QR of an m×n matrix: `2·M·N² − 2·N³/3` with `M = max(m, n)`, `N = min(m, n)`.
pub fn qr_cost(m: u64, n: u64) -> Result<u64> {
    let (big, small) = (m.max(n), m.min(n));
    let lead = mul(mul(2, big, WHAT)?, mul(small, small, WHAT)?, WHAT)?;
    Ok(lead - mul(2, cube(small)?, WHAT)? / 3)
}

/// eig, eigvals: `10·n³`.
pub fn eig_cost(n: u64) -> Result<u64> {
    mul(10, cube(n)?, WHAT)
}

/// eigh, eigvalsh: `4·n³/3`.
pub fn eigh_cost(n: u64) -> Result<u64> {
    Ok(mul(4, cube(n)?, WHAT)? / 3)
}

/// solve with `nrhs` right-hand sides: `2·n³/3 + n²·nrhs`; symmetric `a`:
/// `n³/3 + n·nrhs`.
pub fn solve_cost(n: u64, nrhs: u64, symmetric: bool) -> Result<u64> {
    if symmetric {
        add(cube(n)? / 3, mul(n, nrhs, WHAT)?, WHAT)
    } else {
        add(
            mul(2, cube(n)?, WHAT)? / 3,
            mul(mul(n, n, WHAT)?, nrhs, WHAT)?,
            WHAT,
        )
    }
}

/// inv: `n³`; symmetric: `n³/3 + n³/2`.
pub fn inv_cost(n: u64, symmetric: bool) -> Result<u64> {
    let c = cube(n)?;
    if symmetric {
        add(c / 3, c / 2, WHAT)
    } else {
        Ok(c)
    }
}

/// det, slogdet: `n³`; symmetric: `n³/3`.
pub fn det_cost(n: u64, symmetric: bool) -> Result<u64> {
    let c = cube(n)?;
    Ok(if symmetric { c / 3 } else { c })
}

/// tensorinv, tensorsolve: `n³`, `n` the product of the leading (or trailing) dims.
pub fn tensor_inv_cost(n: u64) -> Result<u64> {
    cube(n)
}

/// The `ord` of a norm, as the cost model distinguishes them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NormOrd {
    /// `None` (2-norm of a vector, Frobenius of a matrix).
    Default,
    /// `'fro'`.
    Fro,
    /// `'nuc'`.
    Nuc,
    /// A number (`inf` and `-inf` included).
    Number(f64),
}

/// Vector norm of `n` elements: `n` for ord in {None, ±1, ±2, ±inf, 0}, else `2n`.
pub fn vector_norm_cost(n: u64, ord: NormOrd) -> Result<u64> {
    match ord {
        NormOrd::Default => Ok(n),
        NormOrd::Number(p) if p == 0.0 || p.abs() == 1.0 || p.abs() == 2.0 || p.is_infinite() => {
            Ok(n)
        }
        NormOrd::Number(_) => mul(2, n, WHAT),
        NormOrd::Fro | NormOrd::Nuc => Err(Error::InvalidArgument(
            "'fro' and 'nuc' are matrix norms; a vector norm takes a number or None".to_string(),
        )),
    }
}

/// Matrix norm of an m×n matrix: None/'fro' `2·m·n`; ±1, ±inf `m·n`; ±2, 'nuc' `m·n·min(m, n)`.
pub fn matrix_norm_cost(m: u64, n: u64, ord: NormOrd) -> Result<u64> {
    let numel = mul(m, n, WHAT)?;
    match ord {
        NormOrd::Default | NormOrd::Fro => mul(2, numel, WHAT),
        NormOrd::Number(p) if p.abs() == 1.0 || p.is_infinite() => Ok(numel),
        NormOrd::Number(p) if p.abs() == 2.0 => mn_min_cost(m, n),
        NormOrd::Nuc => mn_min_cost(m, n),
        NormOrd::Number(p) => Err(Error::InvalidArgument(format!(
            "invalid matrix norm order {p}: use None, 'fro', 'nuc', ±1, ±2 or ±inf"
        ))),
    }
}

/// matrix_power of an n×n matrix: `(⌊lg |k|⌋ + popcount(|k|) − 1)` products of
/// `2·n³` each (0 for |k| ≤ 1), plus an inverse (`n³`) when `k < 0`.
pub fn matrix_power_cost(n: u64, k: i64) -> Result<u64> {
    let e = k.unsigned_abs();
    let products = if e <= 1 {
        0
    } else {
        u64::from(63 - e.leading_zeros()) + u64::from(e.count_ones()) - 1
    };
    let cost = mul(products, mul(2, cube(n)?, WHAT)?, WHAT)?;
    if k < 0 {
        add(cost, cube(n)?, WHAT)
    } else {
        Ok(cost)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_examples_of_the_cost_model() {
        assert_eq!(svd_cost(30, 20, None).unwrap(), 12_000);
        assert_eq!(svd_cost(30, 20, Some(5)).unwrap(), 3_000);
        assert_eq!(svd_cost(256, 256, Some(10)).unwrap(), 655_360);
        assert_eq!(mn_min_cost(30, 10).unwrap(), 3_000);
        // 20³ = 8,000; 8,000 / 3 = 2,666.
        assert_eq!(cholesky_cost(20).unwrap(), 2_666);
        // 2·30·20² − 2·20³/3 = 24,000 − 5,333 = 18,667.
        assert_eq!(qr_cost(30, 20).unwrap(), 18_667);
        assert_eq!(qr_cost(20, 30).unwrap(), 18_667);
        assert_eq!(eig_cost(12).unwrap(), 17_280);
        assert_eq!(eigh_cost(12).unwrap(), 2_304);
        // 2·8,000/3 + 400·1 = 5,333 + 400.
        assert_eq!(solve_cost(20, 1, false).unwrap(), 5_733);
        assert_eq!(solve_cost(100, 1, false).unwrap(), 676_666);
        // 8,000/3 + 20·1.
        assert_eq!(solve_cost(20, 1, true).unwrap(), 2_686);
        assert_eq!(inv_cost(20, false).unwrap(), 8_000);
        assert_eq!(inv_cost(20, true).unwrap(), 2_666 + 4_000);
        assert_eq!(det_cost(20, false).unwrap(), 8_000);
        assert_eq!(det_cost(20, true).unwrap(), 2_666);
        assert_eq!(batched(cholesky_cost(20).unwrap(), 4).unwrap(), 4 * 2_666);
    }

    #[test]
    fn norms() {
        assert_eq!(vector_norm_cost(10, NormOrd::Default).unwrap(), 10);
        assert_eq!(
            vector_norm_cost(10, NormOrd::Number(f64::INFINITY)).unwrap(),
            10
        );
        assert_eq!(vector_norm_cost(10, NormOrd::Number(3.0)).unwrap(), 20);
        assert!(vector_norm_cost(10, NormOrd::Fro).is_err());
        assert_eq!(matrix_norm_cost(4, 5, NormOrd::Fro).unwrap(), 40);
        assert_eq!(matrix_norm_cost(4, 5, NormOrd::Number(-1.0)).unwrap(), 20);
        assert_eq!(matrix_norm_cost(4, 5, NormOrd::Number(2.0)).unwrap(), 80);
        assert_eq!(matrix_norm_cost(4, 5, NormOrd::Nuc).unwrap(), 80);
        assert!(matrix_norm_cost(4, 5, NormOrd::Number(3.0)).is_err());
    }

    #[test]
    fn matrix_power_by_squaring() {
        let product = 2 * 8 * 8 * 8;
        assert_eq!(matrix_power_cost(8, 0).unwrap(), 0);
        assert_eq!(matrix_power_cost(8, 1).unwrap(), 0);
        // k = 2: one squaring. k = 5 = 101b: two squarings + one multiply.
        assert_eq!(matrix_power_cost(8, 2).unwrap(), product);
        assert_eq!(matrix_power_cost(8, 5).unwrap(), 3 * product);
        // k = -3: (1 + 2 − 1) products and an inverse.
        assert_eq!(matrix_power_cost(8, -3).unwrap(), 2 * product + 512);
    }

    #[test]
    fn bad_k_and_overflow() {
        assert!(svd_cost(3, 4, Some(4)).is_err());
        assert!(svd_cost(3, 4, Some(0)).is_err());
        assert!(matches!(
            cholesky_cost(1 << 30),
            Err(Error::CostOverflow { .. })
        ));
    }
}
