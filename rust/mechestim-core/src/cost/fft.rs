//! Discrete Fourier transforms (`numpy.fft`).
//!
//! A complex transform of `N` points costs `5·N·⌈lg N⌉` (the classic
//! radix-2 operation count); a transform of real data (`rfft*`, `irfft*`)
//! costs half of that, `5·⌊N/2⌋·⌈lg N⌉`; `hfft` and `ihfft` cost
//! `5·n_out·⌈lg n_out⌉`, with `n_out` the length of the real signal. For a
//! transform over several axes, `N` is the product of the transformed
//! lengths. Every transform of a batch counts: the per-transform cost is
//! multiplied by the product of the sizes of the axes that are not
//! transformed.
//!
//! Transform lengths follow NumPy: `n=` / `s=` when given (an entry `-1` of
//! `s` means the input's length), else the input's length along the axis,
//! except for the output of an inverse real transform (`irfft*`, `hfft`),
//! whose default length is `2·(m−1)` for an input of `m` points. A length
//! below 1 is refused ([`Error::InvalidArgument`]), as are out-of-bounds or
//! repeated axes ([`Error::Axis`]) and `s`/`axes` of different lengths
//! ([`Error::Shape`]). A transform over no axis at all costs 0 (NumPy returns
//! the input unchanged); a real transform needs at least one axis.

use super::axes;
use super::checked::{ceil_lg, mul};
use crate::error::{Error, Result};

/// The kinds of transform of `numpy.fft`, by how they are priced and how
/// their default lengths are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FftKind {
    /// `fft`, `ifft`, `fft2`, `ifft2`, `fftn`, `ifftn`: `5·N·⌈lg N⌉`.
    Complex,
    /// `rfft`, `rfft2`, `rfftn`: `5·⌊N/2⌋·⌈lg N⌉`, `N` the real input's lengths.
    Real,
    /// `irfft`, `irfft2`, `irfftn`: `5·⌊N/2⌋·⌈lg N⌉`, `N` the real output's
    /// lengths (the last one `2·(m−1)` by default).
    InverseReal,
    /// `hfft`: `5·n·⌈lg n⌉`, `n` the real output's length (`2·(m−1)` by default).
    Hermitian,
    /// `ihfft`: `5·n·⌈lg n⌉`, `n` the real input's length.
    InverseHermitian,
}

impl FftKind {
    /// The kind of a `numpy.fft` function, by its name (`"rfft2"`, or
    /// qualified: `"fft.rfft2"`); `None` for a name that is not a transform.
    ///
    /// ```
    /// use mechestim_core::cost::FftKind;
    /// assert_eq!(FftKind::from_name("fft.irfftn"), Some(FftKind::InverseReal));
    /// assert_eq!(FftKind::from_name("fftfreq"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<FftKind> {
        let short = name.strip_prefix("fft.").unwrap_or(name);
        Some(match short {
            "fft" | "ifft" | "fft2" | "ifft2" | "fftn" | "ifftn" => FftKind::Complex,
            "rfft" | "rfft2" | "rfftn" => FftKind::Real,
            "irfft" | "irfft2" | "irfftn" => FftKind::InverseReal,
            "hfft" => FftKind::Hermitian,
            "ihfft" => FftKind::InverseHermitian,
            _ => return None,
        })
    }

    /// Does a transform of this kind cost half of a complex one?
    const fn halves(self) -> bool {
        matches!(self, FftKind::Real | FftKind::InverseReal)
    }

    /// Is the default length along the last transformed axis `2·(m−1)`?
    const fn doubles_last(self) -> bool {
        matches!(self, FftKind::InverseReal | FftKind::Hermitian)
    }

    /// Must at least one axis be transformed (NumPy fails otherwise)?
    const fn needs_an_axis(self) -> bool {
        !matches!(self, FftKind::Complex)
    }
}

/// The cost of `batch` transforms of `n` points each (`n` the product of the
/// transformed lengths for a multi-axis transform).
///
/// ```
/// use mechestim_core::cost::{fft_transform_cost, FftKind};
/// assert_eq!(fft_transform_cost(1024, 1, FftKind::Complex).unwrap(), 51_200);
/// assert_eq!(fft_transform_cost(256, 4, FftKind::Complex).unwrap(), 40_960);
/// assert_eq!(fft_transform_cost(1024, 1, FftKind::Real).unwrap(), 25_600);
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`] when `n` is 0; [`Error::CostOverflow`].
pub fn fft_transform_cost(n: u64, batch: u64, kind: FftKind) -> Result<u64> {
    if n == 0 {
        return Err(bad_length(0));
    }
    let what = "an FFT";
    let points = if kind.halves() { n / 2 } else { n };
    let per = mul(mul(5, points, what)?, ceil_lg(n), what)?;
    mul(per, batch, what)
}

/// The cost of a one-axis transform of an array of `shape` along `axis`,
/// with NumPy's `n=` (`None`: the default length of the kind).
///
/// ```
/// use mechestim_core::cost::{fft_cost, FftKind};
/// assert_eq!(fft_cost(&[1024], None, -1, FftKind::Complex).unwrap(), 51_200);
/// assert_eq!(fft_cost(&[4, 256], None, -1, FftKind::Complex).unwrap(), 40_960);
/// assert_eq!(fft_cost(&[1024], None, 0, FftKind::Real).unwrap(), 25_600);
/// ```
///
/// # Errors
/// [`Error::Axis`] for an out-of-bounds axis, [`Error::InvalidArgument`] for
/// a transform length below 1, [`Error::CostOverflow`].
pub fn fft_cost(shape: &[u64], n: Option<i64>, axis: i64, kind: FftKind) -> Result<u64> {
    let (axes, lengths) = resolve_one(shape, n, axis, kind)?;
    priced(shape, &axes, &lengths, kind)
}

/// The shape of the result of the one-axis transform priced by [`fft_cost`].
///
/// ```
/// use mechestim_core::cost::{fft_output_shape, FftKind};
/// assert_eq!(fft_output_shape(&[4, 10], Some(16), 1, FftKind::Real).unwrap(), vec![4, 9]);
/// assert_eq!(fft_output_shape(&[4, 9], None, 1, FftKind::InverseReal).unwrap(), vec![4, 16]);
/// ```
///
/// # Errors
/// As [`fft_cost`].
pub fn fft_output_shape(
    shape: &[u64],
    n: Option<i64>,
    axis: i64,
    kind: FftKind,
) -> Result<Vec<u64>> {
    let (axes, lengths) = resolve_one(shape, n, axis, kind)?;
    Ok(output_shape(shape, &axes, &lengths, kind))
}

fn resolve_one(
    shape: &[u64],
    n: Option<i64>,
    axis: i64,
    kind: FftKind,
) -> Result<(Vec<usize>, Vec<u64>)> {
    let a = axes::normalize(Some(&[axis]), shape.len())?[0];
    let length = match n {
        Some(n) => explicit_length(n)?,
        None => default_length(shape[a], a, kind.doubles_last())?,
    };
    Ok((vec![a], vec![length]))
}

/// The cost of a transform of an array of `shape` over several axes, with
/// NumPy's `s=` (an entry `None` or a missing `s`: the default length; `-1`:
/// the input's length) and `axes=` (`None`: every axis, or the last `len(s)`
/// axes when `s` is given).
///
/// ```
/// use mechestim_core::cost::{fftn_cost, FftKind};
/// assert_eq!(fftn_cost(&[32, 32], None, None, FftKind::Complex).unwrap(), 51_200);
/// assert_eq!(fftn_cost(&[16, 16], None, Some(&[-2, -1]), FftKind::Real).unwrap(), 5_120);
/// let s = [Some(8), Some(8)];
/// assert_eq!(fftn_cost(&[3, 5, 5], Some(&s), Some(&[1, 2]), FftKind::Complex).unwrap(), 3 * 5 * 64 * 6);
/// ```
///
/// # Errors
/// [`Error::Axis`] for an out-of-bounds or repeated axis, [`Error::Shape`]
/// when `s` and `axes` have different lengths, [`Error::InvalidArgument`]
/// for a transform length below 1 or a real transform over no axis,
/// [`Error::CostOverflow`].
pub fn fftn_cost(
    shape: &[u64],
    s: Option<&[Option<i64>]>,
    axes: Option<&[i64]>,
    kind: FftKind,
) -> Result<u64> {
    let (axes, lengths) = resolve_many(shape, s, axes, kind)?;
    if axes.is_empty() {
        return Ok(0); // nothing is transformed
    }
    priced(shape, &axes, &lengths, kind)
}

/// The shape of the result of the multi-axis transform priced by
/// [`fftn_cost`] (the input's shape when no axis is transformed).
///
/// ```
/// use mechestim_core::cost::{fftn_output_shape, FftKind};
/// assert_eq!(fftn_output_shape(&[3, 8, 8], None, None, FftKind::Real).unwrap(), vec![3, 8, 5]);
/// let s = [Some(6), Some(10)];
/// assert_eq!(
///     fftn_output_shape(&[2, 4, 5], Some(&s), Some(&[-2, -1]), FftKind::InverseReal).unwrap(),
///     vec![2, 6, 10]
/// );
/// ```
///
/// # Errors
/// As [`fftn_cost`].
pub fn fftn_output_shape(
    shape: &[u64],
    s: Option<&[Option<i64>]>,
    axes: Option<&[i64]>,
    kind: FftKind,
) -> Result<Vec<u64>> {
    let (axes, lengths) = resolve_many(shape, s, axes, kind)?;
    Ok(output_shape(shape, &axes, &lengths, kind))
}

fn resolve_many(
    shape: &[u64],
    s: Option<&[Option<i64>]>,
    axes: Option<&[i64]>,
    kind: FftKind,
) -> Result<(Vec<usize>, Vec<u64>)> {
    let ndim = shape.len();
    let resolved = match (s, axes) {
        (_, Some(given)) => normalize_axes(given, ndim)?,
        (Some(s), None) => {
            // NumPy transforms the last len(s) axes.
            let len = i64::try_from(s.len()).unwrap_or(i64::MAX);
            let last: Vec<i64> = (-len..0).collect();
            normalize_axes(&last, ndim)?
        }
        (None, None) => (0..ndim).collect(),
    };
    if let Some(s) = s {
        if s.len() != resolved.len() {
            return Err(Error::Shape(format!(
                "Shape and axes have different lengths: len(s) = {}, len(axes) = {}",
                s.len(),
                resolved.len()
            )));
        }
    }
    if resolved.is_empty() && kind.needs_an_axis() {
        return Err(Error::InvalidArgument(
            "a real FFT needs at least one axis to transform (got no axes)".to_string(),
        ));
    }
    let last = resolved.len().saturating_sub(1);
    let mut lengths = Vec::with_capacity(resolved.len());
    for (i, &a) in resolved.iter().enumerate() {
        let given = s.and_then(|s| s[i]);
        let length = match given {
            Some(-1) => nonzero_input_length(shape[a], a)?,
            Some(n) => explicit_length(n)?,
            // NumPy doubles only when `s` is omitted altogether, or (a
            // deprecated spelling) when the last entry of `s` is None.
            None => default_length(shape[a], a, i == last && kind.doubles_last())?,
        };
        lengths.push(length);
    }
    Ok((resolved, lengths))
}

/// The input's shape with each transformed axis set to its length, and the
/// last one halved (`n/2 + 1`) for a transform that returns half a spectrum.
fn output_shape(shape: &[u64], axes: &[usize], lengths: &[u64], kind: FftKind) -> Vec<u64> {
    let mut out = shape.to_vec();
    for (&a, &n) in axes.iter().zip(lengths) {
        out[a] = n;
    }
    if matches!(kind, FftKind::Real | FftKind::InverseHermitian) {
        if let (Some(&a), Some(&n)) = (axes.last(), lengths.last()) {
            out[a] = n / 2 + 1;
        }
    }
    out
}

/// `batch · per-transform cost`, the transformed `axes` having `lengths` (all ≥ 1).
fn priced(shape: &[u64], axes: &[usize], lengths: &[u64], kind: FftKind) -> Result<u64> {
    let what = "an FFT";
    let batch = shape
        .iter()
        .enumerate()
        .filter(|(i, _)| !axes.contains(i))
        .try_fold(1u64, |acc, (_, &d)| mul(acc, d, what))?;
    if batch == 0 {
        return Ok(0); // nothing to transform
    }
    let n = lengths.iter().try_fold(1u64, |acc, &d| mul(acc, d, what))?;
    fft_transform_cost(n, batch, kind)
}

fn normalize_axes(given: &[i64], ndim: usize) -> Result<Vec<usize>> {
    axes::normalize(Some(given), ndim).map_err(|e| match e {
        Error::Axis(msg) if msg == "repeated axis" => Error::Axis(format!(
            "repeated axis in axes {given:?}: mechestim transforms each axis once per call; \
             call the transform again to repeat one"
        )),
        e => e,
    })
}

fn bad_length(n: impl std::fmt::Display) -> Error {
    Error::InvalidArgument(format!(
        "Invalid number of FFT data points ({n}) specified: a transform needs at least 1 point"
    ))
}

fn explicit_length(n: i64) -> Result<u64> {
    match u64::try_from(n) {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(bad_length(n)),
    }
}

fn nonzero_input_length(m: u64, axis: usize) -> Result<u64> {
    if m == 0 {
        return Err(Error::InvalidArgument(format!(
            "Invalid number of FFT data points (0) specified: axis {axis} has length 0; \
             pass a length of at least 1 (n= or s=) to zero-pad it"
        )));
    }
    Ok(m)
}

/// NumPy's default length: `m`, or `2·(m−1)` for the output of an inverse real transform.
fn default_length(m: u64, axis: usize, doubled: bool) -> Result<u64> {
    if !doubled {
        return nonzero_input_length(m, axis);
    }
    if m < 2 {
        let n = 2 * (i64::try_from(m).unwrap_or(0) - 1);
        return Err(Error::InvalidArgument(format!(
            "Invalid number of FFT data points ({n}) specified: the default output length \
             2·(m−1) is {n} for m = {m} input points along axis {axis}; pass n= (or s=) of at least 1"
        )));
    }
    mul(2, m - 1, "an FFT length")
}

#[cfg(test)]
mod tests {
    use super::*;
    use FftKind::*;

    #[test]
    fn cost_model_examples() {
        // fft of 1024: 5 * 1024 * 10.
        assert_eq!(fft_cost(&[1024], None, -1, Complex).unwrap(), 51_200);
        // a (4, 256) stack along the last axis: 4 * (5 * 256 * 8).
        assert_eq!(fft_cost(&[4, 256], None, -1, Complex).unwrap(), 40_960);
        assert_eq!(4 * 10_240, 40_960);
        // rfft 1024: 5 * 512 * 10.
        assert_eq!(fft_cost(&[1024], None, -1, Real).unwrap(), 25_600);
        // fft2 32x32: N = 1024 -> 5 * 1024 * 10.
        assert_eq!(
            fftn_cost(&[32, 32], None, Some(&[-2, -1]), Complex).unwrap(),
            51_200
        );
        // rfft2 16x16: N = 256 -> 5 * 128 * 8.
        assert_eq!(
            fftn_cost(&[16, 16], None, Some(&[-2, -1]), Real).unwrap(),
            5_120
        );
    }

    #[test]
    fn the_simple_formula() {
        assert_eq!(fft_transform_cost(1, 1, Complex).unwrap(), 5);
        assert_eq!(fft_transform_cost(1, 1, Real).unwrap(), 0); // 5 * 0 * 1
        assert_eq!(fft_transform_cost(3, 1, Real).unwrap(), 5 * 2); // 5 * 1 * 2
        assert_eq!(fft_transform_cost(5, 7, Hermitian).unwrap(), 7 * 5 * 5 * 3);
        assert_eq!(
            fft_transform_cost(6, 2, InverseReal).unwrap(),
            2 * 5 * 3 * 3
        );
        assert_eq!(fft_transform_cost(8, 0, Complex).unwrap(), 0);
        assert!(matches!(
            fft_transform_cost(0, 1, Complex),
            Err(Error::InvalidArgument(_))
        ));
    }

    #[test]
    fn one_axis_lengths_and_batches() {
        // Along axis 0 of (8, 3): 3 transforms of 8 points.
        assert_eq!(fft_cost(&[8, 3], None, 0, Complex).unwrap(), 3 * 5 * 8 * 3);
        // n= pads or crops: 5 * 2048 * 11.
        assert_eq!(
            fft_cost(&[1000], Some(2048), -1, Complex).unwrap(),
            5 * 2048 * 11
        );
        assert_eq!(
            fft_cost(&[1000], Some(10), -1, Complex).unwrap(),
            5 * 10 * 4
        );
        // irfft of m = 9 points: n = 16 -> 5 * 8 * 4.
        assert_eq!(fft_cost(&[9], None, -1, InverseReal).unwrap(), 5 * 8 * 4);
        assert_eq!(
            fft_cost(&[9], Some(17), -1, InverseReal).unwrap(),
            5 * 8 * 5
        );
        // hfft of m = 5: n_out = 8 -> 5 * 8 * 3; ihfft of 8: 5 * 8 * 3.
        assert_eq!(
            fft_cost(&[2, 5], None, 1, Hermitian).unwrap(),
            2 * 5 * 8 * 3
        );
        assert_eq!(
            fft_cost(&[2, 8], None, 1, InverseHermitian).unwrap(),
            2 * 5 * 8 * 3
        );
        // A length-1 transform: 5 * 1 * 1 (complex), 5 * 0 * 1 (real).
        assert_eq!(fft_cost(&[6, 1], None, 1, Complex).unwrap(), 6 * 5);
        assert_eq!(fft_cost(&[6, 1], None, 1, Real).unwrap(), 0);
        // An empty batch transforms nothing.
        assert_eq!(fft_cost(&[0, 8], None, -1, Complex).unwrap(), 0);
        // An empty axis with n= is zero-padded.
        assert_eq!(fft_cost(&[0], Some(4), 0, InverseReal).unwrap(), 5 * 2 * 2);
    }

    #[test]
    fn one_axis_refusals() {
        let invalid = |r: Result<u64>| matches!(r, Err(Error::InvalidArgument(_)));
        assert!(invalid(fft_cost(&[0], None, -1, Complex)));
        assert!(invalid(fft_cost(&[8], Some(0), -1, Complex)));
        assert!(invalid(fft_cost(&[8], Some(-1), -1, Complex)));
        assert!(invalid(fft_cost(&[1], None, -1, InverseReal)));
        assert!(invalid(fft_cost(&[0], None, -1, Hermitian)));
        // ... even when the batch is empty (NumPy checks the length first).
        assert!(invalid(fft_cost(&[0, 8], Some(0), -1, Complex)));
        assert_eq!(
            fft_cost(&[1], None, 0, InverseReal)
                .unwrap_err()
                .to_string(),
            "Invalid number of FFT data points (0) specified: the default output length \
             2·(m−1) is 0 for m = 1 input points along axis 0; pass n= (or s=) of at least 1"
        );
        assert_eq!(
            fft_cost(&[4, 8], None, 2, Complex).unwrap_err(),
            Error::Axis("axis 2 is out of bounds for array of dimension 2".to_string())
        );
        assert!(matches!(
            fft_cost(&[], None, -1, Complex),
            Err(Error::Axis(_))
        ));
    }

    #[test]
    fn several_axes() {
        // fftn over every axis of (4, 8, 2): N = 64 -> 5 * 64 * 6.
        assert_eq!(
            fftn_cost(&[4, 8, 2], None, None, Complex).unwrap(),
            5 * 64 * 6
        );
        // fft2 of a (3, 4, 8) stack: 3 transforms of N = 32 -> 3 * 5 * 32 * 5.
        assert_eq!(
            fftn_cost(&[3, 4, 8], None, Some(&[-2, -1]), Complex).unwrap(),
            3 * 5 * 32 * 5
        );
        // axes=(0, 2) of (4, 3, 8): batch 3, N = 32.
        assert_eq!(
            fftn_cost(&[4, 3, 8], None, Some(&[0, 2]), Complex).unwrap(),
            3 * 5 * 32 * 5
        );
        // s without axes: the last len(s) axes; s = (16,) on (3, 8) -> 3 * 5 * 16 * 4.
        assert_eq!(
            fftn_cost(&[3, 8], Some(&[Some(16)]), None, Complex).unwrap(),
            3 * 5 * 16 * 4
        );
        // s entries of -1 take the input length: (-1, 5) on (3, 4) -> N = 15.
        assert_eq!(
            fftn_cost(&[3, 4], Some(&[Some(-1), Some(5)]), Some(&[0, 1]), Complex).unwrap(),
            5 * 15 * 4
        );
        // rfftn of (4, 6, 10): N = 240 -> 5 * 120 * 8.
        assert_eq!(
            fftn_cost(&[4, 6, 10], None, None, Real).unwrap(),
            5 * 120 * 8
        );
        // irfftn of (4, 5): the last length is 2(5-1) = 8, N = 32 -> 5 * 16 * 5.
        assert_eq!(
            fftn_cost(&[4, 5], None, None, InverseReal).unwrap(),
            5 * 16 * 5
        );
        // ... but not when s is given: s = (4, 5) -> N = 20 -> 5 * 10 * 5.
        assert_eq!(
            fftn_cost(
                &[4, 5],
                Some(&[Some(4), Some(5)]),
                Some(&[0, 1]),
                InverseReal
            )
            .unwrap(),
            5 * 10 * 5
        );
        // ... and a None entry last in s takes the 1-D default: N = 4 * 8.
        assert_eq!(
            fftn_cost(&[4, 5], Some(&[Some(4), None]), Some(&[0, 1]), InverseReal).unwrap(),
            5 * 16 * 5
        );
        // -1 means the input length, even for the last axis of irfftn: N = 4 * 5.
        assert_eq!(
            fftn_cost(&[4, 5], Some(&[None, Some(-1)]), Some(&[0, 1]), InverseReal).unwrap(),
            5 * 10 * 5
        );
        // irfft2 of a (2, 4, 5) stack: batch 2.
        assert_eq!(
            fftn_cost(&[2, 4, 5], None, Some(&[-2, -1]), InverseReal).unwrap(),
            2 * 5 * 16 * 5
        );
        // A one-axis fftn prices like fft.
        assert_eq!(
            fftn_cost(&[4, 256], None, Some(&[1]), Complex).unwrap(),
            fft_cost(&[4, 256], None, 1, Complex).unwrap()
        );
        // No axis: nothing is transformed (complex), refused (real).
        assert_eq!(fftn_cost(&[3, 4], None, Some(&[]), Complex).unwrap(), 0);
        assert_eq!(fftn_cost(&[], None, None, Complex).unwrap(), 0);
        assert!(matches!(
            fftn_cost(&[3, 4], None, Some(&[]), Real),
            Err(Error::InvalidArgument(_))
        ));
        assert!(matches!(
            fftn_cost(&[], None, None, InverseReal),
            Err(Error::InvalidArgument(_))
        ));
        // An empty batch.
        assert_eq!(
            fftn_cost(&[0, 4, 4], None, Some(&[1, 2]), Complex).unwrap(),
            0
        );
    }

    #[test]
    fn several_axes_refusals() {
        let axis = |r: Result<u64>| matches!(r, Err(Error::Axis(_)));
        let invalid = |r: Result<u64>| matches!(r, Err(Error::InvalidArgument(_)));
        // fft2's default axes on a 1-D array.
        assert!(axis(fftn_cost(&[8], None, Some(&[-2, -1]), Complex)));
        // s longer than the array.
        assert!(axis(fftn_cost(
            &[3, 4],
            Some(&[Some(3), Some(4), Some(5)]),
            None,
            Complex
        )));
        // A repeated axis.
        let repeated = fftn_cost(&[3, 4], None, Some(&[0, -2]), Complex).unwrap_err();
        assert!(
            repeated.to_string().starts_with("repeated axis"),
            "{repeated}"
        );
        assert!(matches!(
            fftn_cost(&[3, 4], Some(&[Some(3)]), Some(&[0, 1]), Complex),
            Err(Error::Shape(_))
        ));
        assert!(invalid(fftn_cost(
            &[3, 4],
            Some(&[Some(0), Some(4)]),
            Some(&[0, 1]),
            Complex
        )));
        assert!(invalid(fftn_cost(
            &[3, 4],
            Some(&[Some(-2), Some(4)]),
            Some(&[0, 1]),
            Complex
        )));
        assert!(invalid(fftn_cost(&[3, 0], None, None, Complex)));
        assert!(invalid(fftn_cost(
            &[3, 0],
            Some(&[None, Some(-1)]),
            Some(&[0, 1]),
            Complex
        )));
        assert!(invalid(fftn_cost(&[3, 1], None, None, InverseReal)));
    }

    #[test]
    fn output_shapes() {
        assert_eq!(
            fft_output_shape(&[4, 8], None, 1, Complex).unwrap(),
            vec![4, 8]
        );
        assert_eq!(
            fft_output_shape(&[4, 8], Some(5), 0, Complex).unwrap(),
            vec![5, 8]
        );
        // rfft of 8 / 9 points: 5 frequencies.
        assert_eq!(fft_output_shape(&[8], None, 0, Real).unwrap(), vec![5]);
        assert_eq!(fft_output_shape(&[9], None, 0, Real).unwrap(), vec![5]);
        assert_eq!(
            fft_output_shape(&[5], None, 0, InverseReal).unwrap(),
            vec![8]
        );
        assert_eq!(
            fft_output_shape(&[5], Some(9), 0, InverseReal).unwrap(),
            vec![9]
        );
        assert_eq!(fft_output_shape(&[5], None, 0, Hermitian).unwrap(), vec![8]);
        assert_eq!(
            fft_output_shape(&[8], None, 0, InverseHermitian).unwrap(),
            vec![5]
        );
        assert_eq!(
            fftn_output_shape(&[3, 4, 6], None, Some(&[0, 1]), Real).unwrap(),
            vec![3, 3, 6]
        );
        assert_eq!(
            fftn_output_shape(&[3, 4], Some(&[Some(-1), Some(7)]), Some(&[0, 1]), Complex).unwrap(),
            vec![3, 7]
        );
        assert_eq!(
            fftn_output_shape(&[3, 4], None, None, InverseReal).unwrap(),
            vec![3, 6]
        );
        assert_eq!(
            fftn_output_shape(&[3, 4], None, Some(&[]), Complex).unwrap(),
            vec![3, 4]
        );
        assert!(fftn_output_shape(&[3, 4], None, Some(&[]), Real).is_err());
        assert!(fft_output_shape(&[3, 4], Some(0), 0, Complex).is_err());
    }

    #[test]
    fn overflow_is_an_error() {
        let big = 1i64 << 40;
        assert!(matches!(
            fftn_cost(
                &[2, 2],
                Some(&[Some(big), Some(big)]),
                Some(&[0, 1]),
                Complex
            ),
            Err(Error::CostOverflow { .. })
        ));
        assert!(matches!(
            fft_transform_cost(u64::MAX, 1, Complex),
            Err(Error::CostOverflow { .. })
        ));
    }

    #[test]
    fn kinds_by_name() {
        for (name, kind) in [
            ("fft", Complex),
            ("ifft2", Complex),
            ("fft.fftn", Complex),
            ("rfft", Real),
            ("rfftn", Real),
            ("irfft2", InverseReal),
            ("hfft", Hermitian),
            ("fft.ihfft", InverseHermitian),
        ] {
            assert_eq!(FftKind::from_name(name), Some(kind), "{name}");
        }
        assert_eq!(FftKind::from_name("fftshift"), None);
    }
}
