//! Linear-algebra cost functions for Python (the formulas live in the core).

use mechestim_core::cost::{self, NormOrd};
use mechestim_core::Error;
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::errors::{to_py, IntoPyResult};

/// A norm order from Python: None, 'fro', 'nuc' or a number.
fn norm_ord(ord: Option<&Bound<'_, PyAny>>) -> PyResult<NormOrd> {
    let Some(o) = ord else {
        return Ok(NormOrd::Default);
    };
    if o.is_none() {
        return Ok(NormOrd::Default);
    }
    if let Ok(s) = o.cast::<PyString>() {
        return match s.to_cow()?.as_ref() {
            "fro" => Ok(NormOrd::Fro),
            "nuc" => Ok(NormOrd::Nuc),
            other => Err(to_py(Error::InvalidArgument(format!(
                "invalid norm order {other:?}: use None, 'fro', 'nuc' or a number"
            )))),
        };
    }
    Ok(NormOrd::Number(o.extract::<f64>()?))
}

/// `m·n·k` (top-k SVD; `k = min(m, n)` by default).
#[pyfunction]
#[pyo3(signature = (m, n, k=None))]
fn svd_cost(m: u64, n: u64, k: Option<u64>) -> PyResult<u64> {
    cost::svd_cost(m, n, k).py()
}

/// `m·n·min(m, n)` (svdvals, lstsq, pinv, cond, matrix_rank).
#[pyfunction]
fn mn_min_cost(m: u64, n: u64) -> PyResult<u64> {
    cost::mn_min_cost(m, n).py()
}

/// `n³/3`.
#[pyfunction]
fn cholesky_cost(n: u64) -> PyResult<u64> {
    cost::cholesky_cost(n).py()
}

/// `2·M·N² − 2·N³/3`.
#[pyfunction]
fn qr_cost(m: u64, n: u64) -> PyResult<u64> {
    cost::qr_cost(m, n).py()
}

/// `10·n³`.
#[pyfunction]
fn eig_cost(n: u64) -> PyResult<u64> {
    cost::eig_cost(n).py()
}

/// `4·n³/3`.
#[pyfunction]
fn eigh_cost(n: u64) -> PyResult<u64> {
    cost::eigh_cost(n).py()
}

/// `2·n³/3 + n²·nrhs` (symmetric: `n³/3 + n·nrhs`).
#[pyfunction]
#[pyo3(signature = (n, nrhs=1, symmetric=false))]
fn solve_cost(n: u64, nrhs: u64, symmetric: bool) -> PyResult<u64> {
    cost::solve_cost(n, nrhs, symmetric).py()
}

/// `n³` (symmetric: `n³/3 + n³/2`).
#[pyfunction]
#[pyo3(signature = (n, symmetric=false))]
fn inv_cost(n: u64, symmetric: bool) -> PyResult<u64> {
    cost::inv_cost(n, symmetric).py()
}

/// `n³` (symmetric: `n³/3`).
#[pyfunction]
#[pyo3(signature = (n, symmetric=false))]
fn det_cost(n: u64, symmetric: bool) -> PyResult<u64> {
    cost::det_cost(n, symmetric).py()
}

/// `n³`.
#[pyfunction]
fn tensor_inv_cost(n: u64) -> PyResult<u64> {
    cost::tensor_inv_cost(n).py()
}

/// Vector norm of `n` elements.
#[pyfunction]
#[pyo3(signature = (n, ord=None))]
fn vector_norm_cost(n: u64, ord: Option<&Bound<'_, PyAny>>) -> PyResult<u64> {
    cost::vector_norm_cost(n, norm_ord(ord)?).py()
}

/// Matrix norm of an m×n matrix.
#[pyfunction]
#[pyo3(signature = (m, n, ord=None))]
fn matrix_norm_cost(m: u64, n: u64, ord: Option<&Bound<'_, PyAny>>) -> PyResult<u64> {
    cost::matrix_norm_cost(m, n, norm_ord(ord)?).py()
}

/// matrix_power of an n×n matrix to the power `k`.
#[pyfunction]
fn matrix_power_cost(n: u64, k: i64) -> PyResult<u64> {
    cost::matrix_power_cost(n, k).py()
}

/// `per_matrix × batch`, checked.
#[pyfunction]
fn batched_cost(per_matrix: u64, batch: u64) -> PyResult<u64> {
    cost::batched(per_matrix, batch).py()
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(svd_cost, m)?)?;
    m.add_function(wrap_pyfunction!(mn_min_cost, m)?)?;
    m.add_function(wrap_pyfunction!(cholesky_cost, m)?)?;
    m.add_function(wrap_pyfunction!(qr_cost, m)?)?;
    m.add_function(wrap_pyfunction!(eig_cost, m)?)?;
    m.add_function(wrap_pyfunction!(eigh_cost, m)?)?;
    m.add_function(wrap_pyfunction!(solve_cost, m)?)?;
    m.add_function(wrap_pyfunction!(inv_cost, m)?)?;
    m.add_function(wrap_pyfunction!(det_cost, m)?)?;
    m.add_function(wrap_pyfunction!(tensor_inv_cost, m)?)?;
    m.add_function(wrap_pyfunction!(vector_norm_cost, m)?)?;
    m.add_function(wrap_pyfunction!(matrix_norm_cost, m)?)?;
    m.add_function(wrap_pyfunction!(matrix_power_cost, m)?)?;
    m.add_function(wrap_pyfunction!(batched_cost, m)?)?;
    Ok(())
}
