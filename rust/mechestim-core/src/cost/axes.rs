//! Axis arguments: NumPy's normalisation (negative axes, bounds, repeats)
//! and the shape a reduction leaves.

use crate::error::{Error, Result};

/// Normalise `axis` (`None` = every axis) for an array of `ndim` dimensions.
///
/// # Errors
/// [`Error::Axis`] for an out-of-bounds or repeated axis, in NumPy's words.
pub fn normalize(axis: Option<&[i64]>, ndim: usize) -> Result<Vec<usize>> {
    let Some(axes) = axis else {
        return Ok((0..ndim).collect());
    };
    let mut out = Vec::with_capacity(axes.len());
    for &a in axes {
        let n = ndim as i64;
        if a < -n || a >= n {
            return Err(Error::Axis(format!(
                "axis {a} is out of bounds for array of dimension {ndim}"
            )));
        }
        let a = if a < 0 { a + n } else { a } as usize;
        if out.contains(&a) {
            return Err(Error::Axis("repeated axis".to_string()));
        }
        out.push(a);
    }
    Ok(out)
}

/// One axis (`None` = the flattened array is meant; returns `None`).
pub fn normalize_one(axis: Option<i64>, ndim: usize) -> Result<Option<usize>> {
    match axis {
        None => Ok(None),
        Some(a) => Ok(Some(normalize(Some(&[a]), ndim)?[0])),
    }
}

/// The shape left after reducing `axes` (without `keepdims`).
pub fn reduced(shape: &[u64], axes: &[usize]) -> Vec<u64> {
    shape
        .iter()
        .enumerate()
        .filter(|(i, _)| !axes.contains(i))
        .map(|(_, &d)| d)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numpy_axis_rules() {
        assert_eq!(normalize(None, 3).unwrap(), vec![0, 1, 2]);
        assert_eq!(normalize(Some(&[-1]), 3).unwrap(), vec![2]);
        assert_eq!(normalize(Some(&[0, -1]), 2).unwrap(), vec![0, 1]);
        assert_eq!(
            normalize(Some(&[2]), 2).unwrap_err().to_string(),
            "axis 2 is out of bounds for array of dimension 2"
        );
        assert!(normalize(Some(&[0, -2]), 2).is_err());
        assert_eq!(reduced(&[10, 20, 30], &[1]), vec![10, 30]);
        assert_eq!(normalize_one(None, 2).unwrap(), None);
    }
}
