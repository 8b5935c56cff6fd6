//! The family cost functions, exposed as pure functions of shapes and
//! parameters (they back both the op wrappers and `me.flops`).

use mechestim_core::{cost, Error};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::errors::{to_py, IntoPyResult};
use crate::operands::{axis_arg, shape_of};

fn shapes_of(operands: &Bound<'_, PyTuple>) -> PyResult<Vec<Vec<u64>>> {
    operands.iter().map(|o| shape_of(&o)).collect()
}

/// The shape of an operand (after checking its dtype is numeric).
#[pyfunction]
pub fn operand_shape(x: &Bound<'_, PyAny>) -> PyResult<Vec<u64>> {
    shape_of(x)
}

/// `numel(shape)`.
#[pyfunction]
pub fn unary_cost(shape: Vec<u64>) -> PyResult<u64> {
    cost::unary_cost(&shape).py()
}

/// `numel` of the broadcast of two shapes.
#[pyfunction]
pub fn binary_cost(a: Vec<u64>, b: Vec<u64>) -> PyResult<u64> {
    cost::binary_cost(&a, &b).py()
}

/// `numel` of the broadcast of the operands' shapes.
#[pyfunction]
#[pyo3(signature = (*operands))]
pub fn broadcast_cost_of(operands: &Bound<'_, PyTuple>) -> PyResult<u64> {
    let shapes = shapes_of(operands)?;
    let views: Vec<&[u64]> = shapes.iter().map(Vec::as_slice).collect();
    cost::broadcast_cost(&views).py()
}

/// `numel(input)`.
#[pyfunction]
pub fn reduction_cost(shape: Vec<u64>) -> PyResult<u64> {
    cost::reduction_cost(&shape).py()
}

/// `numel(input) + numel(output)`.
#[pyfunction]
#[pyo3(signature = (shape, axis=None))]
pub fn mean_cost(shape: Vec<u64>, axis: Option<&Bound<'_, PyAny>>) -> PyResult<u64> {
    let axis = match axis {
        Some(a) => axis_arg(a)?,
        None => None,
    };
    cost::mean_cost(&shape, axis.as_deref()).py()
}

/// `2·numel(input) + numel(output)`.
#[pyfunction]
#[pyo3(signature = (shape, axis=None))]
pub fn var_cost(shape: Vec<u64>, axis: Option<&Bound<'_, PyAny>>) -> PyResult<u64> {
    let axis = match axis {
        Some(a) => axis_arg(a)?,
        None => None,
    };
    cost::var_cost(&shape, axis.as_deref()).py()
}

/// `slices · n·⌈lg n⌉`.
#[pyfunction]
#[pyo3(signature = (shape, axis=Some(-1)))]
pub fn sort_cost(shape: Vec<u64>, axis: Option<i64>) -> PyResult<u64> {
    cost::sort_cost(&shape, axis).py()
}

/// `slices · n`.
#[pyfunction]
#[pyo3(signature = (shape, axis=Some(-1)))]
pub fn partition_cost(shape: Vec<u64>, axis: Option<i64>) -> PyResult<u64> {
    cost::partition_cost(&shape, axis).py()
}

/// `k·n·⌈lg n⌉`.
#[pyfunction]
pub fn lexsort_cost(k: u64, n: u64) -> PyResult<u64> {
    cost::lexsort_cost(k, n).py()
}

/// `m·⌈lg n⌉`.
#[pyfunction]
pub fn searchsorted_cost(n: u64, m: u64) -> PyResult<u64> {
    cost::searchsorted_cost(n, m).py()
}

/// `n·⌈lg n⌉`.
#[pyfunction]
pub fn unique_cost(n: u64) -> PyResult<u64> {
    cost::unique_cost(n).py()
}

/// `(n+m)·⌈lg (n+m)⌉`.
#[pyfunction]
pub fn set_op_cost(n: u64, m: u64) -> PyResult<u64> {
    cost::set_op_cost(n, m).py()
}

/// `n·Σ⌈lg bins⌉`.
#[pyfunction]
pub fn histogram_cost(n: u64, bins: Vec<u64>) -> PyResult<u64> {
    cost::histogram_cost(n, &bins).py()
}

/// `n·⌈lg len(bins)⌉`.
#[pyfunction]
pub fn digitize_cost(n: u64, nbins: u64) -> PyResult<u64> {
    cost::digitize_cost(n, nbins).py()
}

/// `2·m·deg`.
#[pyfunction]
pub fn polyval_cost(ncoef: u64, m: u64) -> PyResult<u64> {
    cost::polyval_cost(ncoef, m).py()
}

/// `max(n1, n2)`.
#[pyfunction]
pub fn polyadd_cost(n1: u64, n2: u64) -> PyResult<u64> {
    cost::polyadd_cost(n1, n2).py()
}

/// `n1·n2`.
#[pyfunction]
pub fn polymul_cost(n1: u64, n2: u64) -> PyResult<u64> {
    cost::polymul_cost(n1, n2).py()
}

/// `2·m·(deg+1)²`.
#[pyfunction]
pub fn polyfit_cost(m: u64, deg: u64) -> PyResult<u64> {
    cost::polyfit_cost(m, deg).py()
}

/// `n²`.
#[pyfunction]
pub fn poly_cost(n: u64) -> PyResult<u64> {
    cost::poly_cost(n).py()
}

/// `10·deg³`.
#[pyfunction]
pub fn roots_cost(ncoef: u64) -> PyResult<u64> {
    cost::roots_cost(ncoef).py()
}

/// `polyder` of order `m` of `n` coefficients.
#[pyfunction]
#[pyo3(signature = (n, m=1))]
pub fn polyder_cost(n: u64, m: u64) -> PyResult<u64> {
    cost::polyder_cost(n, m).py()
}

/// `polyint` of order `m` of `n` coefficients.
#[pyfunction]
#[pyo3(signature = (n, m=1))]
pub fn polyint_cost(n: u64, m: u64) -> PyResult<u64> {
    cost::polyint_cost(n, m).py()
}

/// `M` or `3·M`.
#[pyfunction]
pub fn window_cost(m: u64, trigonometric: bool) -> PyResult<u64> {
    cost::window_cost(m, trigonometric).py()
}

/// `numel(kron(a, b))`.
#[pyfunction]
pub fn kron_cost(a: Vec<u64>, b: Vec<u64>) -> PyResult<u64> {
    cost::kron_cost(&a, &b).py()
}

/// `3·numel(cross(a, b))`.
#[pyfunction]
#[pyo3(signature = (a, b, axisa=-1, axisb=-1))]
pub fn cross_cost(a: Vec<u64>, b: Vec<u64>, axisa: i64, axisb: i64) -> PyResult<u64> {
    cost::cross_cost(&a, &b, axisa, axisb).py()
}

/// `n·m`.
#[pyfunction]
pub fn convolve_cost(n: u64, m: u64) -> PyResult<u64> {
    cost::convolve_cost(n, m).py()
}

/// Covariance of `d` variables over `nobs` observations.
#[pyfunction]
#[pyo3(signature = (d, nobs, corrcoef=false))]
pub fn cov_cost(d: u64, nobs: u64, corrcoef: bool) -> PyResult<u64> {
    cost::cov_cost(d, nobs, corrcoef).py()
}

/// `num`.
#[pyfunction]
pub fn logspace_cost(num: u64) -> PyResult<u64> {
    cost::logspace_cost(num).py()
}

/// `len(x)·(N−1)`.
#[pyfunction]
pub fn vander_cost(len: u64, n: u64) -> PyResult<u64> {
    cost::vander_cost(len, n).py()
}

/// A sampler's `size` as a sequence of ints, each checked non-negative.
fn size_dims(size: Vec<i64>) -> PyResult<Vec<u64>> {
    size.into_iter()
        .map(|d| {
            u64::try_from(d).map_err(|_| {
                to_py(Error::Shape(format!(
                    "negative dimensions are not allowed (got {d})"
                )))
            })
        })
        .collect()
}

/// `numel` of a sampler's output: `size` (a sequence of ints, or `None` for
/// the broadcast of the parameter shapes `params`), followed by the `event`
/// shape of one multivariate draw.
#[pyfunction]
#[pyo3(signature = (size, params=Vec::new(), event=Vec::new()))]
pub fn sampler_cost(
    size: Option<Vec<i64>>,
    params: Vec<Vec<u64>>,
    event: Vec<u64>,
) -> PyResult<u64> {
    let size = size.map(size_dims).transpose()?;
    let views: Vec<&[u64]> = params.iter().map(Vec::as_slice).collect();
    cost::draw_cost(size.as_deref(), &views, &event).py()
}

/// `n·⌈lg n⌉` to shuffle `n` items.
#[pyfunction]
pub fn shuffle_cost(n: u64) -> PyResult<u64> {
    cost::shuffle_cost(n).py()
}

/// `n·⌈lg n⌉` with `n = shape[axis]` (`permutation`, `shuffle` of an array).
#[pyfunction]
#[pyo3(signature = (shape, axis=0))]
pub fn permutation_cost(shape: Vec<u64>, axis: i64) -> PyResult<u64> {
    cost::permutation_cost(&shape, axis).py()
}

/// `lanes · n·⌈lg n⌉` along `axis` (`None`: flattened) (`permuted`).
#[pyfunction]
#[pyo3(signature = (shape, axis=None))]
pub fn permuted_cost(shape: Vec<u64>, axis: Option<i64>) -> PyResult<u64> {
    cost::permuted_cost(&shape, axis).py()
}

/// `choice` of `size` (a sequence of ints, or `None` for one draw) from
/// `population` items of shape `item`: `numel(output)` with replacement,
/// `n·⌈lg n⌉` without.
#[pyfunction]
#[pyo3(signature = (population, size, item=Vec::new(), replace=true))]
pub fn choice_cost(
    population: u64,
    size: Option<Vec<i64>>,
    item: Vec<u64>,
    replace: bool,
) -> PyResult<u64> {
    let size = size_dims(size.unwrap_or_default())?;
    cost::choice_cost(population, &size, &item, replace).py()
}

/// Diagonal length times batch.
#[pyfunction]
#[pyo3(signature = (shape, offset=0, axis1=0, axis2=1))]
pub fn trace_cost(shape: Vec<u64>, offset: i64, axis1: i64, axis2: i64) -> PyResult<u64> {
    cost::trace_cost(&shape, offset, axis1, axis2).py()
}

fn fft_kind(kind: &str) -> PyResult<cost::FftKind> {
    cost::FftKind::from_name(kind).ok_or_else(|| {
        to_py(Error::InvalidArgument(format!(
            "unknown FFT kind {kind:?}: expected the name of a transform of numpy.fft \
             (\"fft\", \"rfft2\", \"irfftn\", \"hfft\", ...)"
        )))
    })
}

/// `5·n·⌈lg n⌉ · batch`: `batch` complex transforms of `n` points.
#[pyfunction]
#[pyo3(signature = (n, batch=1))]
pub fn fft_cost(n: u64, batch: u64) -> PyResult<u64> {
    cost::fft_transform_cost(n, batch, cost::FftKind::Complex).py()
}

/// `5·⌊n/2⌋·⌈lg n⌉ · batch`: `batch` real transforms of `n` points.
#[pyfunction]
#[pyo3(signature = (n, batch=1))]
pub fn rfft_cost(n: u64, batch: u64) -> PyResult<u64> {
    cost::fft_transform_cost(n, batch, cost::FftKind::Real).py()
}

/// The cost of the one-axis transform `kind` (`"fft"`, `"irfft"`, `"hfft"`,
/// ...) of an array of `shape` along `axis`, with NumPy's `n=`.
#[pyfunction]
#[pyo3(signature = (shape, n=None, axis=-1, kind="fft"))]
pub fn fft_axis_cost(shape: Vec<u64>, n: Option<i64>, axis: i64, kind: &str) -> PyResult<u64> {
    cost::fft_cost(&shape, n, axis, fft_kind(kind)?).py()
}

/// The shape of the result of [`fft_axis_cost`]'s transform.
#[pyfunction]
#[pyo3(signature = (shape, n=None, axis=-1, kind="fft"))]
pub fn fft_axis_out_shape(
    shape: Vec<u64>,
    n: Option<i64>,
    axis: i64,
    kind: &str,
) -> PyResult<Vec<u64>> {
    cost::fft_output_shape(&shape, n, axis, fft_kind(kind)?).py()
}

/// NumPy's `s=`: `None`, or a sequence of ints (`-1`: the input's length)
/// and `None`s (the default length).
fn fft_s_arg(s: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<Option<i64>>>> {
    let Some(s) = s.filter(|s| !s.is_none()) else {
        return Ok(None);
    };
    let mut out = Vec::new();
    for d in s.try_iter()? {
        let d = d?;
        out.push(if d.is_none() {
            None
        } else {
            Some(d.extract::<i64>()?)
        });
    }
    Ok(Some(out))
}

/// NumPy's `axes=` of a multi-axis transform: `None` or a sequence of ints.
fn fft_axes_arg(axes: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<i64>>> {
    let Some(axes) = axes.filter(|a| !a.is_none()) else {
        return Ok(None);
    };
    let mut out = Vec::new();
    for a in axes.try_iter()? {
        out.push(a?.extract::<i64>()?);
    }
    Ok(Some(out))
}

/// The cost of the multi-axis transform `kind` (`"fftn"`, `"rfft2"`, ...)
/// of an array of `shape`, with NumPy's `s=` and `axes=`.
#[pyfunction]
#[pyo3(signature = (shape, s=None, axes=None, kind="fftn"))]
pub fn fftn_axes_cost(
    shape: Vec<u64>,
    s: Option<&Bound<'_, PyAny>>,
    axes: Option<&Bound<'_, PyAny>>,
    kind: &str,
) -> PyResult<u64> {
    let kind = fft_kind(kind)?;
    let (s, axes) = (fft_s_arg(s)?, fft_axes_arg(axes)?);
    cost::fftn_cost(&shape, s.as_deref(), axes.as_deref(), kind).py()
}

/// The shape of the result of [`fftn_axes_cost`]'s transform.
#[pyfunction]
#[pyo3(signature = (shape, s=None, axes=None, kind="fftn"))]
pub fn fftn_axes_out_shape(
    shape: Vec<u64>,
    s: Option<&Bound<'_, PyAny>>,
    axes: Option<&Bound<'_, PyAny>>,
    kind: &str,
) -> PyResult<Vec<u64>> {
    let kind = fft_kind(kind)?;
    let (s, axes) = (fft_s_arg(s)?, fft_axes_arg(axes)?);
    cost::fftn_output_shape(&shape, s.as_deref(), axes.as_deref(), kind).py()
}

/// Add every function of this module to `m`.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(operand_shape, m)?)?;
    m.add_function(wrap_pyfunction!(unary_cost, m)?)?;
    m.add_function(wrap_pyfunction!(binary_cost, m)?)?;
    m.add_function(wrap_pyfunction!(broadcast_cost_of, m)?)?;
    m.add_function(wrap_pyfunction!(reduction_cost, m)?)?;
    m.add_function(wrap_pyfunction!(mean_cost, m)?)?;
    m.add_function(wrap_pyfunction!(var_cost, m)?)?;
    m.add_function(wrap_pyfunction!(sort_cost, m)?)?;
    m.add_function(wrap_pyfunction!(partition_cost, m)?)?;
    m.add_function(wrap_pyfunction!(lexsort_cost, m)?)?;
    m.add_function(wrap_pyfunction!(searchsorted_cost, m)?)?;
    m.add_function(wrap_pyfunction!(unique_cost, m)?)?;
    m.add_function(wrap_pyfunction!(set_op_cost, m)?)?;
    m.add_function(wrap_pyfunction!(histogram_cost, m)?)?;
    m.add_function(wrap_pyfunction!(digitize_cost, m)?)?;
    m.add_function(wrap_pyfunction!(polyval_cost, m)?)?;
    m.add_function(wrap_pyfunction!(polyadd_cost, m)?)?;
    m.add_function(wrap_pyfunction!(polymul_cost, m)?)?;
    m.add_function(wrap_pyfunction!(polyfit_cost, m)?)?;
    m.add_function(wrap_pyfunction!(poly_cost, m)?)?;
    m.add_function(wrap_pyfunction!(roots_cost, m)?)?;
    m.add_function(wrap_pyfunction!(polyder_cost, m)?)?;
    m.add_function(wrap_pyfunction!(polyint_cost, m)?)?;
    m.add_function(wrap_pyfunction!(window_cost, m)?)?;
    m.add_function(wrap_pyfunction!(kron_cost, m)?)?;
    m.add_function(wrap_pyfunction!(cross_cost, m)?)?;
    m.add_function(wrap_pyfunction!(convolve_cost, m)?)?;
    m.add_function(wrap_pyfunction!(cov_cost, m)?)?;
    m.add_function(wrap_pyfunction!(logspace_cost, m)?)?;
    m.add_function(wrap_pyfunction!(vander_cost, m)?)?;
    m.add_function(wrap_pyfunction!(trace_cost, m)?)?;
    m.add_function(wrap_pyfunction!(sampler_cost, m)?)?;
    m.add_function(wrap_pyfunction!(shuffle_cost, m)?)?;
    m.add_function(wrap_pyfunction!(permutation_cost, m)?)?;
    m.add_function(wrap_pyfunction!(permuted_cost, m)?)?;
    m.add_function(wrap_pyfunction!(choice_cost, m)?)?;
    m.add_function(wrap_pyfunction!(fft_cost, m)?)?;
    m.add_function(wrap_pyfunction!(rfft_cost, m)?)?;
    m.add_function(wrap_pyfunction!(fft_axis_cost, m)?)?;
    m.add_function(wrap_pyfunction!(fft_axis_out_shape, m)?)?;
    m.add_function(wrap_pyfunction!(fftn_axes_cost, m)?)?;
    m.add_function(wrap_pyfunction!(fftn_axes_out_shape, m)?)?;
    Ok(())
}
