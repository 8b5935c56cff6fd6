//! Reading shapes off operands: NumPy arrays, NumPy scalars, Python numbers,
//! and anything `numpy.asarray` accepts. Only bool, integer, float and complex
//! data are priced; anything else is refused before it is charged.

use mechestim_core::Error;
use numpy::{PyArrayDescrMethods, PyUntypedArray, PyUntypedArrayMethods};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyComplex, PyFloat, PyInt, PyTuple};

use crate::errors::to_py;

/// The builtin numeric dtypes (singletons in NumPy), compared by identity.
static NUMERIC_DTYPES: PyOnceLock<Vec<Py<PyAny>>> = PyOnceLock::new();
static ASARRAY: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn numeric_dtypes(py: Python<'_>) -> PyResult<&Vec<Py<PyAny>>> {
    NUMERIC_DTYPES.get_or_try_init(py, || {
        let np = py.import("numpy")?;
        let dtype = np.getattr("dtype")?;
        let mut out = Vec::new();
        for code in "?bBhHiIlLqQefdgFDG".chars() {
            out.push(dtype.call1((code.to_string(),))?.unbind());
        }
        Ok(out)
    })
}

/// Check an ndarray's dtype kind straight from NumPy's structs (the fast path).
#[inline]
fn check_kind(py: Python<'_>, arr: &Bound<'_, PyUntypedArray>) -> PyResult<()> {
    if matches!(arr.dtype().kind(), b'b' | b'i' | b'u' | b'f' | b'c') {
        return Ok(());
    }
    check_dtype(py, arr.dtype().as_any())
}

/// Is `dtype` one of the priced kinds (`b i u f c`)?
fn check_dtype(py: Python<'_>, dtype: &Bound<'_, PyAny>) -> PyResult<()> {
    let ptr = dtype.as_ptr();
    if numeric_dtypes(py)?.iter().any(|d| d.as_ptr() == ptr) {
        return Ok(());
    }
    let kind: String = dtype.getattr(intern!(py, "kind"))?.extract()?;
    if matches!(kind.as_str(), "b" | "i" | "u" | "f" | "c") {
        return Ok(());
    }
    let what = match kind.as_str() {
        "O" => "object",
        "U" | "S" => "string",
        "M" | "m" => "datetime",
        "V" => "structured (void)",
        _ => "non-numeric",
    };
    Err(to_py(Error::NonNumeric(format!(
        "mechestim prices only bool, integer, float and complex data, \
         but got {what} data (dtype {}); convert it with .astype(float) \
         (or select the numeric fields) first",
        dtype.str()?
    ))))
}

fn tuple_shape(shape: &Bound<'_, PyAny>) -> PyResult<Vec<u64>> {
    let tuple = shape.cast::<PyTuple>()?;
    let mut out = Vec::with_capacity(tuple.len());
    for d in tuple.iter() {
        out.push(d.extract::<u64>()?);
    }
    Ok(out)
}

/// The shape of an operand, after checking its dtype is priced.
pub fn shape_of(obj: &Bound<'_, PyAny>) -> PyResult<Vec<u64>> {
    let py = obj.py();
    if let Ok(arr) = obj.cast::<PyUntypedArray>() {
        check_kind(py, arr)?;
        return Ok(arr.shape().iter().map(|&d| d as u64).collect());
    }
    if is_python_number(obj) {
        return Ok(Vec::new());
    }
    if let Ok(dtype) = obj.getattr(intern!(py, "dtype")) {
        if let Ok(shape) = obj.getattr(intern!(py, "shape")) {
            check_dtype(py, &dtype)?;
            return tuple_shape(&shape);
        }
    }
    let asarray = ASARRAY.get_or_try_init(py, || {
        Ok::<_, PyErr>(py.import("numpy")?.getattr("asarray")?.unbind())
    })?;
    let arr = asarray.bind(py).call1((obj,))?;
    check_dtype(py, &arr.getattr(intern!(py, "dtype"))?)?;
    tuple_shape(&arr.getattr(intern!(py, "shape"))?)
}

/// The number of elements of an operand (checked like [`shape_of`], but
/// reading NumPy's `size` instead of building the shape).
pub fn numel_of(obj: &Bound<'_, PyAny>) -> PyResult<u64> {
    let py = obj.py();
    if let Ok(arr) = obj.cast::<PyUntypedArray>() {
        check_kind(py, arr)?;
        let shape: Vec<u64> = arr.shape().iter().map(|&d| d as u64).collect();
        return mechestim_core::cost::unary_cost(&shape).map_err(to_py);
    }
    if is_python_number(obj) {
        return Ok(1);
    }
    if let Ok(dtype) = obj.getattr(intern!(py, "dtype")) {
        if let Ok(size) = obj.getattr(intern!(py, "size")) {
            check_dtype(py, &dtype)?;
            return size.extract::<u64>();
        }
    }
    let shape = shape_of(obj)?;
    mechestim_core::cost::unary_cost(&shape).map_err(to_py)
}

fn is_python_number(obj: &Bound<'_, PyAny>) -> bool {
    obj.is_exact_instance_of::<PyFloat>()
        || obj.is_exact_instance_of::<PyInt>()
        || obj.is_exact_instance_of::<PyBool>()
        || obj.is_exact_instance_of::<PyComplex>()
}

/// A shape given as an int or a sequence of ints (NumPy's `size=` / `shape`).
pub fn shape_arg(obj: &Bound<'_, PyAny>) -> PyResult<Vec<u64>> {
    if obj.is_none() {
        return Ok(Vec::new());
    }
    if let Ok(n) = obj.extract::<i64>() {
        return dim(n).map(|d| vec![d]);
    }
    let mut out = Vec::new();
    for d in obj.try_iter()? {
        out.push(dim(d?.extract::<i64>()?)?);
    }
    Ok(out)
}

fn dim(n: i64) -> PyResult<u64> {
    u64::try_from(n).map_err(|_| {
        to_py(Error::Shape(format!(
            "negative dimensions are not allowed (got {n})"
        )))
    })
}

/// An `axis` argument: `None`, an int, or a sequence of ints.
pub fn axis_arg(obj: &Bound<'_, PyAny>) -> PyResult<Option<Vec<i64>>> {
    if obj.is_none() {
        return Ok(None);
    }
    if let Ok(a) = obj.extract::<i64>() {
        return Ok(Some(vec![a]));
    }
    let mut out = Vec::new();
    for a in obj.try_iter()? {
        out.push(a?.extract::<i64>()?);
    }
    Ok(Some(out))
}
