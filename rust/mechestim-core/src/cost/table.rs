//! The rows of the registry. Keep each family together; the order of rows is
//! the order of [`OpId`](super::OpId)s and of nothing else.

use super::registry::{Family::*, Module::*, OpSpec};

const IO: &str = "file and text I/O happens outside the FLOP model";
const IO_ALT: &str = "NumPy outside the counted code, then me.array(data)";
const PYFUNC: &str =
    "it calls an arbitrary Python function whose FLOPs cannot be priced analytically";
const PYFUNC_ALT: &str = "vectorised mechestim operations";
const FORMAT: &str = "formatting arrays as text is not numerical work";
const FORMAT_ALT: &str = "str(array) or repr(array)";
const DATETIME: &str =
    "datetime arithmetic is not priced (only bool, integer, float and complex data are)";
const DATETIME_ALT: &str = "integer day or timestamp arithmetic";
const ERRSTATE: &str = "it changes NumPy's process-wide state, which mechestim does not manage";
const ERRSTATE_ALT: &str = "numpy directly, outside the counted code";
const CONFIG: &str = "it reports build and runtime configuration, not numerical work";
const CONFIG_ALT: &str = "numpy directly, outside the counted code";

/// The registry table.
pub(crate) static OPS: &[OpSpec] = &[
    // --- unary pointwise -------------------------------------------------
    OpSpec::counted("sqrt", Core, UnaryPointwise),
    // --- binary pointwise ------------------------------------------------
    OpSpec::counted("multiply", Core, BinaryPointwise),
    OpSpec::counted("maximum", Core, BinaryPointwise),
    // --- contractions ----------------------------------------------------
    OpSpec::counted("einsum", Core, Contraction),
    // --- random samplers -------------------------------------------------
    OpSpec::counted("random.randn", Random, Sampler),
    // --- free ------------------------------------------------------------
    OpSpec::free("array", Core),
    OpSpec::free("asarray", Core),
    // --- blocked (the 32 of the cost model) -------------------------------
    OpSpec::blocked("apply_along_axis", PYFUNC, PYFUNC_ALT),
    OpSpec::blocked("apply_over_axes", PYFUNC, PYFUNC_ALT),
    OpSpec::blocked("array2string", FORMAT, FORMAT_ALT),
    OpSpec::blocked("array_repr", FORMAT, FORMAT_ALT),
    OpSpec::blocked("array_str", FORMAT, FORMAT_ALT),
    OpSpec::blocked(
        "asmatrix",
        "numpy.matrix changes what * and ** mean and is deprecated",
        "me.asarray with the @ operator",
    ),
    OpSpec::blocked("busday_count", DATETIME, DATETIME_ALT),
    OpSpec::blocked("busday_offset", DATETIME, DATETIME_ALT),
    OpSpec::blocked("datetime_as_string", DATETIME, DATETIME_ALT),
    OpSpec::blocked("datetime_data", DATETIME, DATETIME_ALT),
    OpSpec::blocked(
        "format_float_positional",
        FORMAT,
        "Python's format() on a float",
    ),
    OpSpec::blocked(
        "format_float_scientific",
        FORMAT,
        "Python's format() on a float",
    ),
    OpSpec::blocked("frompyfunc", PYFUNC, PYFUNC_ALT),
    OpSpec::blocked("genfromtxt", IO, IO_ALT),
    OpSpec::blocked(
        "get_include",
        CONFIG,
        "numpy.get_include() in your build script",
    ),
    OpSpec::blocked("getbufsize", ERRSTATE, ERRSTATE_ALT),
    OpSpec::blocked("geterr", ERRSTATE, ERRSTATE_ALT),
    OpSpec::blocked("geterrcall", ERRSTATE, ERRSTATE_ALT),
    OpSpec::blocked("is_busday", DATETIME, DATETIME_ALT),
    OpSpec::blocked("load", IO, IO_ALT),
    OpSpec::blocked("loadtxt", IO, IO_ALT),
    OpSpec::blocked(
        "nested_iters",
        "element-by-element iteration from Python bypasses the analytical cost model",
        PYFUNC_ALT,
    ),
    OpSpec::blocked("piecewise", PYFUNC, "me.where or me.select"),
    OpSpec::blocked("save", IO, "numpy.save outside the counted code"),
    OpSpec::blocked("savetxt", IO, "numpy.savetxt outside the counted code"),
    OpSpec::blocked("savez", IO, "numpy.savez outside the counted code"),
    OpSpec::blocked(
        "savez_compressed",
        IO,
        "numpy.savez_compressed outside the counted code",
    ),
    OpSpec::blocked("setbufsize", ERRSTATE, ERRSTATE_ALT),
    OpSpec::blocked("seterr", ERRSTATE, ERRSTATE_ALT),
    OpSpec::blocked("seterrcall", ERRSTATE, ERRSTATE_ALT),
    OpSpec::blocked("show_config", CONFIG, CONFIG_ALT),
    OpSpec::blocked("show_runtime", CONFIG, CONFIG_ALT),
];
