//! The one mapping from `mechestim_core::Error` to `mechestim.errors`.

use mechestim_core::Error;
use pyo3::call::PyCallArgs;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

/// Raise `class_name` of `mechestim.errors` with `args`.
fn raise<'py, A: PyCallArgs<'py>>(py: Python<'py>, class_name: &'static str, args: A) -> PyErr {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    let class = MODULE
        .get_or_try_init(py, || py.import("mechestim.errors").map(Bound::unbind))
        .and_then(|m| m.bind(py).getattr(class_name))
        .and_then(|c| Ok(c.cast_into::<PyType>()?));
    match class {
        Ok(class) => match class.call1(args) {
            Ok(exc) => PyErr::from_value(exc),
            Err(e) => e,
        },
        Err(e) => e,
    }
}

/// Convert a core error into the matching Python exception.
pub fn to_py(e: Error) -> PyErr {
    Python::attach(|py| {
        let msg = e.to_string();
        match e {
            Error::BudgetExhausted {
                op,
                cost,
                remaining,
                limit,
            } => raise(
                py,
                "BudgetExhaustedError",
                (msg, op, cost, remaining, limit),
            ),
            Error::NoBudget { op } => raise(py, "NoBudgetContextError", (msg, op)),
            Error::InvalidBudget(_) => raise(py, "InvalidBudgetError", (msg,)),
            Error::ContextConflict(_) => raise(py, "BudgetContextError", (msg,)),
            Error::CostOverflow { .. } => raise(py, "CostOverflowError", (msg,)),
            Error::Shape(_) => raise(py, "ShapeError", (msg,)),
            Error::Axis(_) => raise(py, "AxisError", (msg,)),
            Error::Subscripts(_) => raise(py, "EinsumError", (msg,)),
            Error::InvalidArgument(_) => raise(py, "InvalidArgumentError", (msg,)),
            Error::NonNumeric(_) => raise(py, "NonNumericError", (msg,)),
            Error::Symmetry(_) => raise(py, "SymmetryError", (msg,)),
            Error::Unsupported {
                name,
                reason,
                alternative,
            } => raise(
                py,
                "UnsupportedFunctionError",
                (msg, name, reason, alternative),
            ),
        }
    })
}

/// `Result<T, Error>` → `PyResult<T>`.
pub trait IntoPyResult<T> {
    /// Map the error with [`to_py`].
    fn py(self) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for mechestim_core::Result<T> {
    #[inline]
    fn py(self) -> PyResult<T> {
        self.map_err(to_py)
    }
}
