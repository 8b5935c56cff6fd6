//! Shapes: NumPy broadcasting and shape formatting for error messages.

use crate::error::{Error, Result};

/// A tensor shape, outermost axis first.
pub type Shape = Vec<u64>;

/// Format a shape the way NumPy prints it: `(2,3)`, `(4,)`, `()`.
pub fn fmt_shape(shape: &[u64]) -> String {
    match shape {
        [] => "()".to_string(),
        [d] => format!("({d},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(u64::to_string).collect();
            format!("({})", parts.join(","))
        }
    }
}

/// The NumPy broadcast of shapes (right-aligned; a dimension of 1 stretches).
///
/// # Errors
/// [`Error::Shape`] when two dimensions differ and neither is 1, with NumPy's wording.
pub fn broadcast(shapes: &[&[u64]]) -> Result<Shape> {
    let ndim = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out = vec![1u64; ndim];
    for shape in shapes {
        let offset = ndim - shape.len();
        for (i, &d) in shape.iter().enumerate() {
            let o = &mut out[offset + i];
            if *o == 1 {
                *o = d;
            } else if d != 1 && d != *o {
                let listed: Vec<String> = shapes.iter().map(|s| fmt_shape(s)).collect();
                return Err(Error::Shape(format!(
                    "operands could not be broadcast together with shapes {}",
                    listed.join(" ")
                )));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broadcasting_follows_numpy() {
        assert_eq!(broadcast(&[&[8, 1], &[1, 6]]).unwrap(), vec![8, 6]);
        assert_eq!(broadcast(&[&[256], &[]]).unwrap(), vec![256]);
        assert_eq!(broadcast(&[&[5, 1, 4], &[3, 1]]).unwrap(), vec![5, 3, 4]);
        assert_eq!(broadcast(&[&[0, 3], &[1, 3]]).unwrap(), vec![0, 3]);
        assert_eq!(broadcast(&[]).unwrap(), Vec::<u64>::new());
    }

    #[test]
    fn incompatible_shapes_are_named() {
        let err = broadcast(&[&[2, 3], &[4]]).unwrap_err();
        assert_eq!(
            err,
            Error::Shape("operands could not be broadcast together with shapes (2,3) (4,)".into())
        );
    }

    #[test]
    fn shape_formatting() {
        assert_eq!(fmt_shape(&[]), "()");
        assert_eq!(fmt_shape(&[4]), "(4,)");
        assert_eq!(fmt_shape(&[2, 3]), "(2,3)");
    }
}
