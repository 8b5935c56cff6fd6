//! Exact integer cost arithmetic: every product and sum is checked, and an
//! overflow becomes [`Error::CostOverflow`] instead of a wrapped value.

use crate::error::{Error, Result};

/// `a * b`, or [`Error::CostOverflow`] naming `what` was being priced.
#[inline]
pub fn mul(a: u64, b: u64, what: &str) -> Result<u64> {
    a.checked_mul(b).ok_or_else(|| overflow(what))
}

/// `a + b`, or [`Error::CostOverflow`].
#[inline]
pub fn add(a: u64, b: u64, what: &str) -> Result<u64> {
    a.checked_add(b).ok_or_else(|| overflow(what))
}

/// The product of all dimensions (1 for a 0-d shape), checked.
#[inline]
pub fn numel(shape: &[u64], what: &str) -> Result<u64> {
    shape.iter().try_fold(1u64, |acc, &d| mul(acc, d, what))
}

/// ⌈log₂ x⌉, at least 1 (the cost model's `⌈lg x⌉`).
#[inline]
pub fn ceil_lg(x: u64) -> u64 {
    if x <= 2 {
        1
    } else {
        u64::from(64 - (x - 1).leading_zeros())
    }
}

fn overflow(what: &str) -> Error {
    Error::CostOverflow {
        what: what.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numel_of_scalar_is_one() {
        assert_eq!(numel(&[], "x").unwrap(), 1);
        assert_eq!(numel(&[3, 0, 5], "x").unwrap(), 0);
        assert_eq!(numel(&[256, 256], "x").unwrap(), 65_536);
    }

    #[test]
    fn overflow_is_an_error_never_a_wrap() {
        let big = 1u64 << 32;
        assert!(matches!(
            numel(&[big, big], "einsum"),
            Err(Error::CostOverflow { .. })
        ));
        assert!(matches!(
            add(u64::MAX, 1, "sum"),
            Err(Error::CostOverflow { .. })
        ));
        assert_eq!(mul(u64::MAX, 1, "x").unwrap(), u64::MAX);
    }

    #[test]
    fn ceil_lg_matches_definition() {
        // Written out from the definition: ceil(log2 x), at least 1.
        let expect = |x: u64| -> u64 { ((x as f64).log2().ceil() as u64).max(1) };
        for x in 1..5000u64 {
            assert_eq!(ceil_lg(x), expect(x), "x = {x}");
        }
        assert_eq!(ceil_lg(1024), 10);
        assert_eq!(ceil_lg(1025), 11);
        assert_eq!(ceil_lg(u64::MAX), 64);
    }
}
