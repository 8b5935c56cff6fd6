//! `mechestim._core.Budget` and the session functions.

use std::sync::Arc;

use mechestim_core::budget::{limit, Budget, BudgetKind, NamespaceUsage, Session, Summary};
use mechestim_core::Error;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt};

use crate::errors::{to_py, IntoPyResult};

/// Validate a Python budget value: a positive integer, or an integral float.
fn parse_limit(value: &Bound<'_, PyAny>) -> PyResult<u64> {
    let bad = |what: String| to_py(Error::InvalidBudget(what));
    if value.is_instance_of::<PyBool>() {
        return Err(bad(format!(
            "flop_budget must be a positive integer, got the bool {}",
            value.repr()?
        )));
    }
    if value.is_instance_of::<PyFloat>() {
        return limit::from_float(value.extract::<f64>()?).py();
    }
    if value.is_instance_of::<PyInt>() || value.hasattr("__index__")? {
        let index = value.call_method0("__index__")?;
        return match index.extract::<i128>() {
            Ok(i) => limit::from_int(i).py(),
            Err(_) => Err(bad(format!(
                "flop_budget {} is larger than the largest supported budget (2**64 - 1)",
                index.repr()?
            ))),
        };
    }
    if value.hasattr("__float__")? && !value.hasattr("__complex__")? {
        return limit::from_float(value.extract::<f64>()?).py();
    }
    Err(bad(format!(
        "flop_budget must be a positive integer, got {} of type {}",
        value.repr()?,
        value.get_type().name()?
    )))
}

/// One FLOP budget (the engine of `me.BudgetContext`).
#[pyclass(frozen, module = "mechestim._core", name = "Budget")]
pub struct PyBudget {
    inner: Arc<Budget>,
}

#[pymethods]
impl PyBudget {
    #[new]
    #[pyo3(signature = (flop_budget, namespace=None, op_log=0))]
    fn new(
        flop_budget: &Bound<'_, PyAny>,
        namespace: Option<String>,
        op_log: usize,
    ) -> PyResult<Self> {
        let limit = parse_limit(flop_budget)?;
        Ok(PyBudget {
            inner: Arc::new(Budget::new(limit, namespace, BudgetKind::Explicit).with_log(op_log)),
        })
    }

    #[getter]
    fn flop_budget(&self) -> u64 {
        self.inner.limit()
    }

    #[getter]
    fn flops_used(&self) -> u64 {
        self.inner.used()
    }

    #[getter]
    fn flops_remaining(&self) -> u64 {
        self.inner.remaining()
    }

    #[getter]
    fn namespace(&self) -> Option<&str> {
        self.inner.namespace()
    }

    /// Make this the active budget of every thread.
    fn open(&self) -> PyResult<()> {
        Session::global().open(Arc::clone(&self.inner)).py()
    }

    /// Give the active role back to the global default.
    fn close(&self) -> PyResult<()> {
        Session::global().close(&self.inner).py()
    }

    /// Is this budget the open one?
    fn is_open(&self) -> bool {
        Session::global()
            .explicit()
            .is_some_and(|b| Arc::ptr_eq(&b, &self.inner))
    }

    /// `(text, total dict, per-namespace dicts)` for this budget alone.
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<SummaryParts<'py>> {
        summary_parts(py, &Summary::of([self.inner.as_ref()]))
    }

    /// `(entries, dropped)`; entries are `(op, flops, used_after, refused)`;
    /// `None` when the log is off.
    #[allow(clippy::type_complexity)]
    fn op_log(&self) -> Option<(Vec<(&'static str, u64, u64, bool)>, u64)> {
        self.inner.log().map(|(entries, dropped)| {
            let rows = entries
                .into_iter()
                .map(|e| (e.op.name(), e.flops, e.used_after, e.refused))
                .collect();
            (rows, dropped)
        })
    }
}

type SummaryParts<'py> = (String, Bound<'py, PyDict>, Vec<Bound<'py, PyDict>>);

fn usage_dict<'py>(py: Python<'py>, u: &NamespaceUsage) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("namespace", &u.label)?;
    d.set_item("flop_budget", u.flop_budget)?;
    d.set_item("flops_used", u.flops_used)?;
    d.set_item("flops_remaining", u.flops_remaining())?;
    let ops = PyDict::new(py);
    for op in &u.ops {
        let entry = PyDict::new(py);
        entry.set_item("flops", op.flops)?;
        entry.set_item("calls", op.calls)?;
        ops.set_item(op.op.name(), entry)?;
    }
    d.set_item("operations", ops)?;
    Ok(d)
}

fn summary_parts<'py>(py: Python<'py>, s: &Summary) -> PyResult<SummaryParts<'py>> {
    let namespaces = s
        .namespaces
        .iter()
        .map(|n| usage_dict(py, n))
        .collect::<PyResult<_>>()?;
    Ok((s.to_string(), usage_dict(py, &s.total)?, namespaces))
}

/// The session summary: `(text, total dict, per-namespace dicts)`.
#[pyfunction]
pub fn session_summary(py: Python<'_>) -> PyResult<SummaryParts<'_>> {
    summary_parts(py, &Session::global().summary())
}

/// Forget the session's history and global default.
#[pyfunction]
pub fn session_reset() -> PyResult<()> {
    Session::global().reset().py()
}

/// `(flop_budget, flops_used, namespace label)` of the budget ops are charged
/// to now, or `None` before the global default has activated.
#[pyfunction]
pub fn active_budget() -> Option<(u64, u64, String)> {
    let session = Session::global();
    let summary = session.summary();
    if let Some(b) = session.explicit() {
        return Some((b.limit(), b.used(), mechestim_core::budget::label_of(&b)));
    }
    summary
        .namespaces
        .iter()
        .find(|n| n.label == mechestim_core::budget::GLOBAL_DEFAULT_LABEL)
        .map(|n| (n.flop_budget as u64, n.flops_used as u64, n.label.clone()))
}
