//! `mechestim._core`: the PyO3 binding of `mechestim-core`.
//!
//! Argument conversion and error mapping only; every cost and every budget
//! decision is made by the core crate.

mod budget;
mod costs;
mod einsum;
mod errors;
mod linalg;
mod operands;
mod symmetry;

use mechestim_core::budget::Session;
use mechestim_core::cost::{self, registry, Category, OpId};
use mechestim_core::Error;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use errors::{to_py, IntoPyResult};
use operands::{numel_of, shape_arg, shape_of};

#[inline]
fn op(id: u32) -> PyResult<OpId> {
    if (id as usize) < registry::all().len() {
        Ok(OpId(id))
    } else {
        Err(to_py(Error::InvalidArgument(format!("no op with id {id}"))))
    }
}

/// The id of a registered op; raises `UnsupportedFunctionError` for blocked
/// and unknown names.
#[pyfunction]
fn op_id(name: &str) -> PyResult<u32> {
    registry::resolve(name).py().map(|id| id.0)
}

/// Every registry row as `(name, module, category, family, formula, reason, alternative)`.
#[pyfunction]
#[allow(clippy::type_complexity)]
fn registry_rows() -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
)> {
    registry::all()
        .iter()
        .map(|s| {
            let (family, reason, alternative) = match s.category {
                Category::Counted(f) => (f.as_str(), "", ""),
                Category::Free => ("", "", ""),
                Category::Blocked {
                    reason,
                    alternative,
                } => ("", reason, alternative),
            };
            (
                s.name,
                s.module.as_str(),
                s.category.kind(),
                family,
                s.formula,
                reason,
                alternative,
            )
        })
        .collect()
}

/// Charge a precomputed cost to op `op_id`.
#[pyfunction]
fn charge(op_id: u32, cost: u64) -> PyResult<()> {
    Session::global().charge(op(op_id)?, cost).py()
}

/// Price and charge a unary pointwise op on `x`.
#[pyfunction]
fn charge_unary(op_id: u32, x: &Bound<'_, PyAny>) -> PyResult<()> {
    let id = op(op_id)?;
    let cost = numel_of(x)?;
    Session::global().charge(id, cost).py()
}

/// Price and charge a reduction costing `numel(x)`, after checking `axis`
/// against `x`'s dimensions (a bad axis is refused before anything is charged).
#[pyfunction]
#[pyo3(signature = (op_id, x, axis=None))]
fn charge_reduce(
    op_id: u32,
    x: &Bound<'_, PyAny>,
    axis: Option<&Bound<'_, PyAny>>,
) -> PyResult<()> {
    let id = op(op_id)?;
    let shape = shape_of(x)?;
    if let Some(axis) = axis {
        let axes = operands::axis_arg(axis)?;
        cost::axes::normalize(axes.as_deref(), shape.len()).py()?;
    }
    let cost = mechestim_core::cost::checked::numel(&shape, "a reduction").py()?;
    Session::global().charge(id, cost).py()
}

/// Price and charge a binary pointwise op on `a` and `b`.
#[pyfunction]
fn charge_binary(op_id: u32, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<()> {
    let id = op(op_id)?;
    let cost = cost::binary_cost(&shape_of(a)?, &shape_of(b)?).py()?;
    Session::global().charge(id, cost).py()
}

/// Price and charge an op costing `numel` of the broadcast of all operands.
#[pyfunction]
#[pyo3(signature = (op_id, *operands))]
fn charge_broadcast(op_id: u32, operands: &Bound<'_, PyTuple>) -> PyResult<()> {
    let id = op(op_id)?;
    let cost = costs::broadcast_cost_of(operands)?;
    Session::global().charge(id, cost).py()
}

/// Price and charge a sampler producing an array of `shape` (an int, a
/// sequence of ints, or `None` for one value).
#[pyfunction]
fn charge_sampler(op_id: u32, shape: &Bound<'_, PyAny>) -> PyResult<()> {
    let id = op(op_id)?;
    let cost = cost::sampler_cost(&shape_arg(shape)?).py()?;
    Session::global().charge(id, cost).py()
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<budget::PyBudget>()?;
    m.add_function(wrap_pyfunction!(op_id, m)?)?;
    m.add_function(wrap_pyfunction!(registry_rows, m)?)?;
    m.add_function(wrap_pyfunction!(charge, m)?)?;
    m.add_function(wrap_pyfunction!(charge_unary, m)?)?;
    m.add_function(wrap_pyfunction!(charge_reduce, m)?)?;
    m.add_function(wrap_pyfunction!(charge_binary, m)?)?;
    m.add_function(wrap_pyfunction!(charge_sampler, m)?)?;
    m.add_function(wrap_pyfunction!(charge_broadcast, m)?)?;
    m.add_function(wrap_pyfunction!(budget::session_summary, m)?)?;
    m.add_function(wrap_pyfunction!(budget::session_reset, m)?)?;
    m.add_function(wrap_pyfunction!(budget::active_budget, m)?)?;
    costs::register(m)?;
    einsum::register(m)?;
    symmetry::register(m)?;
    linalg::register(m)?;
    Ok(())
}
