//! Random sampling: one FLOP per value produced, and `n·⌈lg n⌉` to shuffle
//! `n` items (`permutation`, `shuffle`, `choice` without replacement).

use super::axes;
use super::checked::{ceil_lg, mul, numel};
use super::shape::{broadcast, fmt_shape, Shape};
use crate::error::{Error, Result};

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

/// The shape of a sampler's output: `size` when it is given (the parameter
/// shapes must broadcast to exactly `size`), otherwise the broadcast of the
/// parameter shapes; followed by `event`, the shape of one draw of a
/// multivariate distribution (empty for a scalar distribution).
///
/// ```
/// use mechestim_core::cost::sampler_output_shape;
/// // normal(zeros(3)) draws 3 values; normal(zeros(3), size=(2, 3)) draws 6.
/// assert_eq!(sampler_output_shape(None, &[&[3], &[]], &[]).unwrap(), vec![3]);
/// assert_eq!(sampler_output_shape(Some(&[2, 3]), &[&[3]], &[]).unwrap(), vec![2, 3]);
/// // multivariate_normal of dimension 3 with size=10.
/// assert_eq!(sampler_output_shape(Some(&[10]), &[], &[3]).unwrap(), vec![10, 3]);
/// ```
///
/// # Errors
/// [`Error::Shape`] when the parameter shapes do not broadcast together, or
/// do not broadcast to `size`.
pub fn sampler_output_shape(
    size: Option<&[u64]>,
    params: &[&[u64]],
    event: &[u64],
) -> Result<Shape> {
    let batch = broadcast(params)?;
    let mut out = match size {
        None => batch,
        Some(size) => {
            if broadcast(&[&batch, size]).ok().as_deref() != Some(size) {
                return Err(Error::Shape(format!(
                    "size {} is not compatible with the shape {} the distribution parameters \
                     broadcast to",
                    fmt_shape(size),
                    fmt_shape(&batch)
                )));
            }
            size.to_vec()
        }
    };
    out.extend_from_slice(event);
    Ok(out)
}

/// Cost of one sampler call: `numel` of its
/// [output shape](sampler_output_shape) (`size` × the event size of a
/// multivariate distribution).
///
/// ```
/// use mechestim_core::cost::draw_cost;
/// assert_eq!(draw_cost(Some(&[5, 5]), &[&[], &[]], &[]).unwrap(), 25);
/// assert_eq!(draw_cost(None, &[&[3]], &[]).unwrap(), 3);
/// assert_eq!(draw_cost(Some(&[10]), &[], &[3]).unwrap(), 30);
/// ```
pub fn draw_cost(size: Option<&[u64]>, params: &[&[u64]], event: &[u64]) -> Result<u64> {
    sampler_cost(&sampler_output_shape(size, params, event)?)
}

/// `n·⌈lg n⌉` to shuffle `n` items (0 for none).
///
/// ```
/// use mechestim_core::cost::shuffle_cost;
/// assert_eq!(shuffle_cost(16).unwrap(), 64);
/// assert_eq!(shuffle_cost(1).unwrap(), 1);
/// ```
pub fn shuffle_cost(n: u64) -> Result<u64> {
    if n == 0 {
        return Ok(0);
    }
    mul(n, ceil_lg(n), "a random shuffle")
}

/// Cost of shuffling the items of an array of `shape` along `axis`
/// (`permutation`, `shuffle`): `n·⌈lg n⌉` with `n = shape[axis]`.
///
/// # Errors
/// [`Error::Shape`] for a 0-d array, [`Error::Axis`] for a bad axis.
pub fn permutation_cost(shape: &[u64], axis: i64) -> Result<u64> {
    if shape.is_empty() {
        return Err(Error::Shape(
            "x must be an integer or at least 1-dimensional".to_string(),
        ));
    }
    let a = axes::normalize(Some(&[axis]), shape.len())?[0];
    shuffle_cost(shape[a])
}

/// Cost of shuffling every lane along `axis` independently (`permuted`):
/// `lanes · n·⌈lg n⌉`; `axis = None` shuffles the flattened array.
///
/// ```
/// use mechestim_core::cost::permuted_cost;
/// assert_eq!(permuted_cost(&[3, 8], Some(1)).unwrap(), 3 * 24);
/// assert_eq!(permuted_cost(&[3, 8], None).unwrap(), 24 * 5);
/// ```
pub fn permuted_cost(shape: &[u64], axis: Option<i64>) -> Result<u64> {
    let total = numel(shape, "a random shuffle")?;
    match axes::normalize_one(axis, shape.len())? {
        None => shuffle_cost(total),
        Some(a) => {
            let n = shape[a];
            let lanes = total.checked_div(n).unwrap_or(0);
            mul(lanes, shuffle_cost(n)?, "a random shuffle")
        }
    }
}

/// Cost of `choice` from a population of `population` items, each of shape
/// `item`, drawing an array of shape `size`: with replacement `numel(output)`
/// = `numel(size)·numel(item)`; without replacement the shuffle of the
/// population, `n·⌈lg n⌉`.
///
/// ```
/// use mechestim_core::cost::choice_cost;
/// assert_eq!(choice_cost(100, &[5, 2], &[], true).unwrap(), 10);
/// assert_eq!(choice_cost(16, &[3], &[], false).unwrap(), 64);
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`] for an empty population with samples to take,
/// or more samples than the population without replacement.
pub fn choice_cost(population: u64, size: &[u64], item: &[u64], replace: bool) -> Result<u64> {
    let draws = numel(size, "a random choice")?;
    if population == 0 && draws > 0 {
        return Err(Error::InvalidArgument(
            "a cannot be empty unless no samples are taken".to_string(),
        ));
    }
    if replace {
        return mul(draws, numel(item, "a random choice")?, "a random choice");
    }
    if draws > population {
        return Err(Error::InvalidArgument(format!(
            "cannot take a larger sample ({draws}) than the population ({population}) \
             when replace=False"
        )));
    }
    shuffle_cost(population)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n·⌈lg n⌉` written out from the definition: ceil(log2 n), at least 1.
    fn n_lg_n(n: u64) -> u64 {
        n * ((n as f64).log2().ceil() as u64).max(1)
    }

    #[test]
    fn cost_model_examples() {
        // normal(0, 1, (5, 5)) -> 25; randn(256, 256) -> 65,536; a scalar draw -> 1.
        assert_eq!(draw_cost(Some(&[5, 5]), &[&[], &[]], &[]).unwrap(), 25);
        assert_eq!(draw_cost(Some(&[256, 256]), &[], &[]).unwrap(), 65_536);
        assert_eq!(draw_cost(None, &[&[], &[]], &[]).unwrap(), 1);
        // normal(np.zeros(3)) -> 3: size=None draws the broadcast parameter shape.
        assert_eq!(draw_cost(None, &[&[3], &[]], &[]).unwrap(), 3);
        assert_eq!(draw_cost(None, &[&[4, 1], &[3]], &[]).unwrap(), 12);
        // multivariate_normal(mean of length 3, cov, size=10) -> 30.
        assert_eq!(draw_cost(Some(&[10]), &[], &[3]).unwrap(), 30);
        assert_eq!(draw_cost(None, &[], &[3]).unwrap(), 3);
        // Generator.multinomial(n of shape (2,), pvals of shape (3, 1, 4)) -> (3, 2, 4).
        assert_eq!(draw_cost(None, &[&[2], &[3, 1]], &[4]).unwrap(), 24);
        // permutation(16) -> 64.
        assert_eq!(shuffle_cost(16).unwrap(), 64);
        assert_eq!(choice_cost(16, &[4], &[], false).unwrap(), 64);
        assert_eq!(choice_cost(16, &[4], &[], true).unwrap(), 4);
    }

    #[test]
    fn size_must_hold_the_broadcast_parameters() {
        assert_eq!(
            sampler_output_shape(Some(&[2, 3]), &[&[3], &[1, 1]], &[]).unwrap(),
            vec![2, 3]
        );
        assert_eq!(sampler_output_shape(Some(&[]), &[], &[]).unwrap(), vec![]);
        for size in [&[3, 1][..], &[2][..], &[][..]] {
            let err = sampler_output_shape(Some(size), &[&[3]], &[]).unwrap_err();
            assert!(matches!(err, Error::Shape(_)), "{size:?}");
        }
        assert!(matches!(
            sampler_output_shape(None, &[&[2], &[3]], &[]),
            Err(Error::Shape(_))
        ));
        assert_eq!(
            sampler_output_shape(Some(&[2, 3]), &[], &[4]).unwrap(),
            vec![2, 3, 4]
        );
    }

    #[test]
    fn shuffles_cost_n_lg_n() {
        assert_eq!(shuffle_cost(0).unwrap(), 0);
        for n in 1..2000 {
            assert_eq!(shuffle_cost(n).unwrap(), n_lg_n(n), "n = {n}");
        }
        assert_eq!(permutation_cost(&[16, 3], 0).unwrap(), 64);
        assert_eq!(permutation_cost(&[16, 3], -1).unwrap(), 3 * 2);
        assert_eq!(permutation_cost(&[0, 3], 0).unwrap(), 0);
        assert!(matches!(permutation_cost(&[], 0), Err(Error::Shape(_))));
        assert!(matches!(permutation_cost(&[4], 1), Err(Error::Axis(_))));
    }

    #[test]
    fn permuted_shuffles_every_lane() {
        assert_eq!(permuted_cost(&[3, 8], Some(1)).unwrap(), 3 * n_lg_n(8));
        assert_eq!(permuted_cost(&[3, 8], Some(0)).unwrap(), 8 * n_lg_n(3));
        assert_eq!(permuted_cost(&[3, 8], None).unwrap(), n_lg_n(24));
        assert_eq!(permuted_cost(&[0, 8], Some(0)).unwrap(), 0);
        assert_eq!(permuted_cost(&[], None).unwrap(), 1);
        assert!(matches!(permuted_cost(&[3], Some(1)), Err(Error::Axis(_))));
    }

    #[test]
    fn choice_with_and_without_replacement() {
        // With replacement: numel(output), rows included.
        assert_eq!(choice_cost(3, &[2, 5], &[4], true).unwrap(), 40);
        assert_eq!(choice_cost(3, &[], &[4], true).unwrap(), 4);
        // Without replacement: the population's shuffle, whatever is taken.
        assert_eq!(choice_cost(10, &[], &[], false).unwrap(), n_lg_n(10));
        assert_eq!(choice_cost(10, &[10], &[7], false).unwrap(), n_lg_n(10));
        assert_eq!(choice_cost(0, &[0], &[], false).unwrap(), 0);
        assert_eq!(choice_cost(0, &[0], &[], true).unwrap(), 0);
        assert!(matches!(
            choice_cost(3, &[4], &[], false),
            Err(Error::InvalidArgument(_))
        ));
        assert!(matches!(
            choice_cost(0, &[1], &[], true),
            Err(Error::InvalidArgument(_))
        ));
    }

    #[test]
    fn overflow_is_an_error() {
        let big = 1u64 << 32;
        assert!(matches!(
            draw_cost(Some(&[big, big]), &[], &[]),
            Err(Error::CostOverflow { .. })
        ));
        assert!(matches!(
            draw_cost(Some(&[big]), &[], &[big]),
            Err(Error::CostOverflow { .. })
        ));
        assert!(matches!(
            shuffle_cost(u64::MAX),
            Err(Error::CostOverflow { .. })
        ));
        assert!(matches!(
            choice_cost(2, &[big], &[big], true),
            Err(Error::CostOverflow { .. })
        ));
    }
}
