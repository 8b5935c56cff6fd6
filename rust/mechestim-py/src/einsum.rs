//! Einsum planning for Python: path search (with the GIL released), the
//! `PathInfo` report, and the per-step plan `me.einsum` executes.

use mechestim_core::einsum::{
    find_path, find_path_symmetric, Contraction, Minimize, Optimizer, Options, PathInfo, StepInfo,
    Symmetries,
};
use mechestim_core::Error;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use crate::errors::{to_py, IntoPyResult};
use crate::operands::shape_of;
use crate::symmetry::group_arg;

/// The optimizer an `optimize=` argument names: a name, a bool (NumPy's
/// `False` = one step, `True` = greedy), or an explicit path (a list of
/// index tuples, optionally after NumPy's leading `'einsum_path'`).
fn optimizer_arg(obj: &Bound<'_, PyAny>) -> PyResult<Optimizer> {
    if let Ok(b) = obj.cast::<pyo3::types::PyBool>() {
        return Ok(if b.is_true() {
            Optimizer::Greedy
        } else {
            Optimizer::Naive
        });
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Optimizer::parse(&s.to_cow()?).py();
    }
    let mut path = Vec::new();
    for (i, step) in obj.try_iter().map_err(|_| bad_optimize(obj))?.enumerate() {
        let step = step?;
        if i == 0 && step.extract::<String>().is_ok_and(|s| s == "einsum_path") {
            continue;
        }
        let ids: Vec<usize> = step.extract().map_err(|_| bad_optimize(obj))?;
        path.push(ids);
    }
    Ok(Optimizer::Explicit(path))
}

fn bad_optimize(obj: &Bound<'_, PyAny>) -> PyErr {
    to_py(Error::InvalidArgument(format!(
        "optimize must be an optimizer name ('auto', 'greedy', 'optimal', 'dp', ...), a bool, \
         or a path such as [(0, 1), (0, 1)]; got {}",
        obj.repr()
            .map_or_else(|_| "?".to_string(), |r| r.to_string())
    )))
}

/// A priced contraction path (`me.einsum_path`'s second result).
#[pyclass(frozen, name = "PathInfo", module = "mechestim")]
pub struct PyPathInfo {
    inner: PathInfo,
}

/// One step of a path.
#[pyclass(frozen, name = "ContractionStep", module = "mechestim")]
pub struct PyStep {
    inner: StepInfo,
}

#[pymethods]
impl PyStep {
    /// Positions, in the operand list current at this step, of what it combines.
    #[getter]
    fn operands<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.inner.operands)
    }
    /// The step as an einsum, e.g. ``'kl,jk->jl'``.
    #[getter]
    fn subscripts(&self) -> &str {
        &self.inner.subscripts
    }
    /// The operands left afterwards and the final output.
    #[getter]
    fn remaining(&self) -> &str {
        &self.inner.remaining
    }
    /// Exact cost in FLOPs.
    #[getter]
    fn cost(&self) -> u128 {
        self.inner.cost
    }
    /// Shape of the step's result.
    #[getter]
    fn shape<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.inner.shape)
    }
    /// Number of distinct indices the step loops over.
    #[getter]
    fn scaling(&self) -> usize {
        self.inner.scaling
    }
    /// ``'GEMM'``, ``'GEMV'``, ``'DOT'``, ``'TDOT'``, ``'OUTER'``, or ``None`` (einsum).
    #[getter]
    fn blas(&self) -> Option<&'static str> {
        self.inner.blas.map(|b| b.name())
    }
    fn __repr__(&self) -> String {
        let tuple = |v: &[usize]| match v {
            [x] => format!("({x},)"),
            _ => format!(
                "({})",
                v.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let shape: Vec<usize> = self.inner.shape.iter().map(|&d| d as usize).collect();
        format!(
            "ContractionStep(operands={}, subscripts='{}', cost={}, shape={}, blas={})",
            tuple(&self.inner.operands),
            self.inner.subscripts,
            self.inner.cost,
            tuple(&shape),
            self.inner
                .blas
                .map_or("None".to_string(), |b| format!("'{}'", b.name()))
        )
    }
}

#[pymethods]
impl PyPathInfo {
    /// The path: one tuple of operand positions per step.
    #[getter]
    fn path<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let steps = self
            .inner
            .path
            .iter()
            .map(|p| PyTuple::new(py, p))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, steps)
    }
    /// The steps, as :class:`ContractionStep` objects.
    #[getter]
    fn steps(&self) -> Vec<PyStep> {
        self.inner
            .steps
            .iter()
            .map(|s| PyStep { inner: s.clone() })
            .collect()
    }
    /// The whole contraction in explicit form.
    #[getter]
    fn subscripts(&self) -> &str {
        &self.inner.subscripts
    }
    /// FLOPs of doing everything in one step (``None`` beyond 64 bits).
    #[getter]
    fn naive_cost(&self) -> Option<u128> {
        self.inner.naive_cost
    }
    /// FLOPs of the path: what ``me.einsum`` charges.
    #[getter]
    fn optimized_cost(&self) -> u128 {
        self.inner.optimized_cost
    }
    /// ``naive_cost / optimized_cost``.
    #[getter]
    fn speedup(&self) -> f64 {
        self.inner.speedup()
    }
    /// Elements of the largest intermediate (the result included).
    #[getter]
    fn largest_intermediate(&self) -> u128 {
        self.inner.largest_intermediate
    }
    /// Most indices any step loops over.
    #[getter]
    fn scaling(&self) -> usize {
        self.inner.optimized_scaling
    }
    /// Indices of the naive single step.
    #[getter]
    fn naive_scaling(&self) -> usize {
        self.inner.naive_scaling
    }
    /// The result's symmetry as a list of axis permutations (the whole group),
    /// or ``None`` when the operands' symmetries were not considered.
    #[getter]
    fn output_symmetry(&self) -> Option<Vec<Vec<usize>>> {
        self.inner
            .output_symmetry
            .as_ref()
            .map(|g| g.elements().iter().map(|p| p.0.clone()).collect())
    }
    /// The execution plan: per step ``(positions, tensordot, ascii, cost)``
    /// where ``tensordot`` is ``(axes_a, axes_b, perm)`` or ``None``.
    #[allow(clippy::type_complexity)]
    fn _plan(
        &self,
    ) -> Vec<(
        Vec<usize>,
        Option<(Vec<usize>, Vec<usize>, Vec<usize>)>,
        Option<String>,
        u128,
    )> {
        self.inner
            .steps
            .iter()
            .map(|s| {
                (
                    s.operands.clone(),
                    s.tensordot.clone(),
                    s.ascii.clone(),
                    s.cost,
                )
            })
            .collect()
    }
    fn __str__(&self) -> String {
        self.inner.to_string()
    }
    fn __repr__(&self) -> String {
        format!(
            "<PathInfo '{}': {} step(s), optimized_cost={}, naive_cost={}>",
            self.inner.subscripts,
            self.inner.steps.len(),
            self.inner.optimized_cost,
            self.inner
                .naive_cost
                .map_or("None".to_string(), |c| c.to_string())
        )
    }
}

/// Plan and price an einsum of operands with `shapes`.
#[pyfunction]
#[pyo3(signature = (subscripts, shapes, optimize=None, memory_limit=None, minimize="flops", seed=0, groups=None, objects=None))]
#[allow(clippy::too_many_arguments)]
fn einsum_plan(
    py: Python<'_>,
    subscripts: &str,
    shapes: Vec<Vec<u64>>,
    optimize: Option<&Bound<'_, PyAny>>,
    memory_limit: Option<u64>,
    minimize: &str,
    seed: u64,
    groups: Option<Vec<Option<Vec<Vec<usize>>>>>,
    objects: Option<Vec<usize>>,
) -> PyResult<PyPathInfo> {
    let optimizer = match optimize {
        Some(o) => optimizer_arg(o)?,
        None => Optimizer::Auto,
    };
    let Some(minimize) = Minimize::parse(minimize) else {
        return Err(to_py(Error::InvalidArgument(format!(
            "unknown minimize={minimize:?}: use 'flops', 'size', 'write', 'combo' or 'limit'"
        ))));
    };
    let options = Options {
        minimize,
        memory_limit,
        seed,
        search_outer: None,
    };
    let n = shapes.len();
    let sym = match (groups, objects) {
        (None, None) => None,
        (groups, objects) => {
            let groups = match groups {
                Some(g) => g
                    .into_iter()
                    .zip(&shapes)
                    .map(|(gens, shape)| gens.map(|g| group_arg(shape.len(), g)).transpose())
                    .collect::<PyResult<Vec<_>>>()?,
                None => vec![None; n],
            };
            Some(Symmetries {
                groups,
                objects: objects.unwrap_or_else(|| (0..n).collect()),
            })
        }
    };
    let views: Vec<&[u64]> = shapes.iter().map(Vec::as_slice).collect();
    let inner = py
        .detach(|| {
            let c = Contraction::parse(subscripts, &views)?;
            match &sym {
                None => PathInfo::new(&c, &find_path(&c, &optimizer, &options)?),
                Some(sym) => {
                    let (path, price) = find_path_symmetric(&c, &optimizer, &options, sym)?;
                    let mut info = PathInfo::new(&c, &path)?;
                    info.apply_symmetry(price)?;
                    Ok(info)
                }
            }
        })
        .py()?;
    Ok(PyPathInfo { inner })
}

/// Cost of an einsum of operands with `shapes` along the path `optimize` finds.
#[pyfunction]
#[pyo3(signature = (subscripts, shapes, optimize=None, memory_limit=None))]
fn einsum_cost(
    py: Python<'_>,
    subscripts: &str,
    shapes: Vec<Vec<u64>>,
    optimize: Option<&Bound<'_, PyAny>>,
    memory_limit: Option<u64>,
) -> PyResult<u64> {
    let cost = einsum_plan(
        py,
        subscripts,
        shapes,
        optimize,
        memory_limit,
        "flops",
        0,
        None,
        None,
    )?
    .inner
    .optimized_cost;
    u64::try_from(cost)
        .map_err(|_| Error::CostOverflow {
            what: "an einsum path".to_string(),
        })
        .py()
}

/// The shapes of `operands` as a tuple of tuples (hashable, for plan caches),
/// refusing non-numeric data.
#[pyfunction]
#[pyo3(signature = (*operands))]
fn operand_shapes<'py>(
    py: Python<'py>,
    operands: &Bound<'py, PyTuple>,
) -> PyResult<Bound<'py, PyTuple>> {
    let shapes = operands
        .iter()
        .map(|o| PyTuple::new(py, shape_of(&o)?))
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, shapes)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPathInfo>()?;
    m.add_class::<PyStep>()?;
    m.add_function(wrap_pyfunction!(einsum_plan, m)?)?;
    m.add_function(wrap_pyfunction!(einsum_cost, m)?)?;
    m.add_function(wrap_pyfunction!(operand_shapes, m)?)?;
    Ok(())
}
