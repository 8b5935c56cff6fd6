//! The op registry: one row per NumPy name that mechestim knows.
//!
//! Each row names the function (qualified by its submodule: `"random.randn"`,
//! `"linalg.svd"`), its [`Module`], its [`Category`] (a counted [`Family`],
//! free, or blocked with a reason and an alternative) and a one-line formula
//! text. The cost formulas live with the families ([`Family::formula`] and the
//! functions of [`crate::cost`]); Python wrappers, stubs and the docs'
//! Operation Audit are generated from, or checked against, this table.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::table::ops;

/// The NumPy namespace a name lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Module {
    /// `numpy.*` / `me.*`
    Core,
    /// `numpy.linalg.*` / `me.linalg.*`
    Linalg,
    /// `numpy.fft.*` / `me.fft.*`
    Fft,
    /// `numpy.random.*` / `me.random.*`
    Random,
}

impl Module {
    /// The module's name as Python spells it (`"core"` for the top level).
    pub const fn as_str(self) -> &'static str {
        match self {
            Module::Core => "core",
            Module::Linalg => "linalg",
            Module::Fft => "fft",
            Module::Random => "random",
        }
    }
}

/// A counted family: ops that share one cost formula.
///
/// `n` is the number of elements of the (main) input, `numel(x)` the number
/// of elements of `x`, `⌈lg x⌉ = max(1, ceil(log2 x))`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// One FLOP per output element (`exp`, `sqrt`, ...).
    UnaryPointwise,
    /// One FLOP per element of the broadcast output (`add`, `maximum`, ...).
    BinaryPointwise,
    /// One FLOP per input element, whatever the axis (`sum`, `max`, `median`, ...).
    Reduction,
    /// `numel(input) + numel(output)` (`mean`, `average`, `nanmean`).
    MeanLike,
    /// `2·numel(input) + numel(output)` (`var`, `std`, ...).
    VarLike,
    /// A tensor contraction priced by the einsum rule.
    Contraction,
    /// `numel(output)` of the Kronecker product.
    Kron,
    /// `3·numel(output)`.
    Cross,
    /// `(number of slices) · n·⌈lg n⌉` along the sorted axis.
    Sort,
    /// `k·n·⌈lg n⌉` for `k` keys of length `n`.
    Lexsort,
    /// `(number of slices) · n`.
    Partition,
    /// `m·⌈lg n⌉` for `m` queries into `n` sorted values.
    Searchsorted,
    /// `n·⌈lg n⌉`.
    Unique,
    /// `(n+m)·⌈lg (n+m)⌉`.
    SetOp,
    /// `n·⌈lg bins⌉` (summed over the dimensions of a multi-dimensional histogram).
    Histogram,
    /// `n·⌈lg len(bins)⌉`.
    Digitize,
    /// `2·m·deg`.
    Polyval,
    /// `max(n1, n2)`.
    PolyAddSub,
    /// `n1·n2`.
    PolyMulDiv,
    /// `2·m·(deg+1)²`.
    Polyfit,
    /// `n²` for `n` roots.
    Poly,
    /// `10·deg³`.
    Roots,
    /// `M` window points.
    WindowLinear,
    /// `3·M` window points.
    WindowTrig,
    /// One FLOP per element examined or written; the row's formula says which.
    PerElement,
    /// `n·m`.
    Convolve,
    /// Centring `2·d·N` plus products `2·d·d·N` (`corrcoef` adds `d·d`).
    Covariance,
    /// `numel` of the broadcast comparison.
    Comparison,
    /// `num` values, one power each.
    Logspace,
    /// `len(x)·(N−1)`.
    Vander,
    /// `min` of the two axis lengths (offset-aware).
    Trace,
    /// Linear algebra: the row's own formula.
    MatrixAlgebra,
    /// `5·N·⌈lg N⌉` per transform (real transforms half), times the batch.
    FourierTransform,
    /// One FLOP per value produced.
    Sampler,
    /// `n·⌈lg n⌉` (permutations, choice without replacement).
    Shuffle,
}

impl Family {
    /// The family's name as it appears in the docs and in `registry()`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Family::UnaryPointwise => "unary_pointwise",
            Family::BinaryPointwise => "binary_pointwise",
            Family::Reduction => "reduction",
            Family::MeanLike => "mean_like",
            Family::VarLike => "var_like",
            Family::Contraction => "contraction",
            Family::Kron => "kron",
            Family::Cross => "cross",
            Family::Sort => "sort",
            Family::Lexsort => "lexsort",
            Family::Partition => "partition",
            Family::Searchsorted => "searchsorted",
            Family::Unique => "unique",
            Family::SetOp => "set_op",
            Family::Histogram => "histogram",
            Family::Digitize => "digitize",
            Family::Polyval => "polyval",
            Family::PolyAddSub => "poly_add_sub",
            Family::PolyMulDiv => "poly_mul_div",
            Family::Polyfit => "polyfit",
            Family::Poly => "poly",
            Family::Roots => "roots",
            Family::WindowLinear => "window_linear",
            Family::WindowTrig => "window_trig",
            Family::PerElement => "per_element",
            Family::Convolve => "convolve",
            Family::Covariance => "covariance",
            Family::Comparison => "comparison",
            Family::Logspace => "logspace",
            Family::Vander => "vander",
            Family::Trace => "trace",
            Family::MatrixAlgebra => "linalg",
            Family::FourierTransform => "fft",
            Family::Sampler => "sampler",
            Family::Shuffle => "shuffle",
        }
    }

    /// The one-line formula shared by the family.
    pub const fn formula(self) -> &'static str {
        match self {
            Family::UnaryPointwise => "numel(output)",
            Family::BinaryPointwise => "numel(broadcast output)",
            Family::Reduction => "numel(input)",
            Family::MeanLike => "numel(input) + numel(output)",
            Family::VarLike => "2*numel(input) + numel(output)",
            Family::Contraction => {
                "sum over path steps of prod(index sizes) * (max(1, terms-1) + [step sums an index])"
            }
            Family::Kron => "numel(output)",
            Family::Cross => "3*numel(output)",
            Family::Sort => "slices * n*ceil_lg(n) along the axis (axis=None: the flattened array)",
            Family::Lexsort => "k*n*ceil_lg(n)",
            Family::Partition => "slices * n along the axis",
            Family::Searchsorted => "m*ceil_lg(n)",
            Family::Unique => "n*ceil_lg(n)",
            Family::SetOp => "(n+m)*ceil_lg(n+m)",
            Family::Histogram => "n*ceil_lg(bins) (summed over dimensions)",
            Family::Digitize => "n*ceil_lg(len(bins))",
            Family::Polyval => "2*m*deg",
            Family::PolyAddSub => "max(n1, n2)",
            Family::PolyMulDiv => "n1*n2",
            Family::Polyfit => "2*m*(deg+1)^2",
            Family::Poly => "n^2",
            Family::Roots => "10*deg^3",
            Family::WindowLinear => "M",
            Family::WindowTrig => "3*M",
            Family::PerElement => "numel (see row)",
            Family::Convolve => "n*m",
            Family::Covariance => "2*d*N + 2*d*d*N",
            Family::Comparison => "numel(broadcast comparison)",
            Family::Logspace => "num",
            Family::Vander => "len(x)*(N-1)",
            Family::Trace => "min(rows, cols) along the diagonal (offset-aware)",
            Family::MatrixAlgebra => "see row",
            Family::FourierTransform => "5*N*ceil_lg(N) per transform * batch",
            Family::Sampler => "numel(output)",
            Family::Shuffle => "n*ceil_lg(n)",
        }
    }
}

/// What mechestim does with a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Charged to the budget by the family's formula.
    Counted(Family),
    /// Costs nothing (views, allocation, constant fills, planning).
    Free,
    /// Refused with an explanation.
    Blocked {
        /// Why the name is blocked.
        reason: &'static str,
        /// What to use instead.
        alternative: &'static str,
    },
}

impl Category {
    /// `"counted"`, `"free"` or `"blocked"`.
    pub const fn kind(self) -> &'static str {
        match self {
            Category::Counted(_) => "counted",
            Category::Free => "free",
            Category::Blocked { .. } => "blocked",
        }
    }
}

/// One row of the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpSpec {
    /// Qualified name: `"sqrt"`, `"random.randn"`, `"linalg.svd"`.
    pub name: &'static str,
    /// The NumPy namespace it belongs to.
    pub module: Module,
    /// Counted, free or blocked.
    pub category: Category,
    /// One-line cost formula (`"0"` for free, `"blocked"` for blocked names).
    pub formula: &'static str,
}

impl OpSpec {
    /// A counted row whose formula text is its family's.
    pub const fn counted(name: &'static str, module: Module, family: Family) -> Self {
        OpSpec {
            name,
            module,
            category: Category::Counted(family),
            formula: family.formula(),
        }
    }

    /// A counted row with a formula text of its own.
    pub const fn counted_as(
        name: &'static str,
        module: Module,
        family: Family,
        formula: &'static str,
    ) -> Self {
        OpSpec {
            name,
            module,
            category: Category::Counted(family),
            formula,
        }
    }

    /// A free row.
    pub const fn free(name: &'static str, module: Module) -> Self {
        OpSpec {
            name,
            module,
            category: Category::Free,
            formula: "0",
        }
    }

    /// A blocked row of the core namespace.
    pub const fn blocked(
        name: &'static str,
        reason: &'static str,
        alternative: &'static str,
    ) -> Self {
        OpSpec {
            name,
            module: Module::Core,
            category: Category::Blocked {
                reason,
                alternative,
            },
            formula: "blocked",
        }
    }

    /// The name without its submodule prefix (`"randn"` for `"random.randn"`).
    pub fn short_name(&self) -> &'static str {
        match self.name.rsplit_once('.') {
            Some((_, short)) => short,
            None => self.name,
        }
    }
}

/// Index of a row in the registry; budgets keep one tally per id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OpId(pub u32);

impl OpId {
    /// The row this id points at.
    ///
    /// # Panics
    /// If the id did not come from this registry.
    pub fn spec(self) -> &'static OpSpec {
        &ops()[self.0 as usize]
    }

    /// The qualified name of the op.
    pub fn name(self) -> &'static str {
        self.spec().name
    }
}

/// Every row, in registry order (the order of [`OpId`]s).
pub fn all() -> &'static [OpSpec] {
    ops()
}

/// The id of a qualified name, if it is registered.
pub fn lookup(name: &str) -> Option<OpId> {
    static INDEX: OnceLock<HashMap<&'static str, OpId>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            ops()
                .iter()
                .enumerate()
                .map(|(i, spec)| (spec.name, OpId(i as u32)))
                .collect()
        })
        .get(name)
        .copied()
}

/// `Ok(id)` when `name` is a registered, non-blocked op; the
/// [`Error::Unsupported`](crate::Error::Unsupported) users see otherwise.
pub fn resolve(name: &str) -> crate::Result<OpId> {
    match lookup(name) {
        Some(id) => match id.spec().category {
            Category::Blocked {
                reason,
                alternative,
            } => Err(crate::Error::Unsupported {
                name: name.to_string(),
                reason: reason.to_string(),
                alternative: alternative.to_string(),
            }),
            _ => Ok(id),
        },
        None => Err(crate::Error::Unsupported {
            name: name.to_string(),
            reason: String::new(),
            alternative: String::new(),
        }),
    }
}

/// Number of registered rows per (module, category kind), in a stable order.
pub fn counts() -> Vec<(Module, &'static str, usize)> {
    let mut out: Vec<(Module, &'static str, usize)> = Vec::new();
    for module in [Module::Core, Module::Linalg, Module::Fft, Module::Random] {
        for kind in ["counted", "free", "blocked"] {
            let n = ops()
                .iter()
                .filter(|s| s.module == module && s.category.kind() == kind)
                .count();
            out.push((module, kind, n));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_indexed() {
        let mut seen = std::collections::HashSet::new();
        for (i, spec) in all().iter().enumerate() {
            assert!(seen.insert(spec.name), "duplicate row {}", spec.name);
            assert_eq!(lookup(spec.name), Some(OpId(i as u32)));
        }
    }

    #[test]
    fn submodule_prefix_matches_module() {
        for spec in all() {
            let prefix = spec.name.split_once('.').map(|(p, _)| p);
            match spec.module {
                Module::Core => assert_eq!(prefix, None, "{}", spec.name),
                m => assert_eq!(prefix, Some(m.as_str()), "{}", spec.name),
            }
        }
    }

    #[test]
    fn the_cost_model_blocks_exactly_32_names() {
        let blocked: Vec<&str> = all()
            .iter()
            .filter(|s| s.category.kind() == "blocked")
            .map(|s| s.name)
            .collect();
        // The list of the cost model, written out independently of the table.
        let expected =
            "apply_along_axis apply_over_axes array2string array_repr array_str asmatrix \
            busday_count busday_offset datetime_as_string datetime_data format_float_positional \
            format_float_scientific frompyfunc genfromtxt get_include getbufsize geterr geterrcall \
            is_busday load loadtxt nested_iters piecewise save savetxt savez savez_compressed \
            setbufsize seterr seterrcall show_config show_runtime";
        let mut expected: Vec<&str> = expected.split_whitespace().collect();
        let mut got = blocked.clone();
        expected.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, expected);
        for spec in all().iter().filter(|s| s.category.kind() == "blocked") {
            if let Category::Blocked {
                reason,
                alternative,
            } = spec.category
            {
                assert!(
                    !reason.is_empty() && !alternative.is_empty(),
                    "{}",
                    spec.name
                );
            }
        }
    }

    #[test]
    fn resolve_reports_blocked_and_unknown_names() {
        assert!(resolve("sqrt").is_ok());
        let blocked = resolve("save").unwrap_err().to_string();
        assert!(
            blocked.starts_with("save is blocked in mechestim"),
            "{blocked}"
        );
        assert_eq!(
            resolve("no_such_fn").unwrap_err().to_string(),
            "mechestim does not provide no_such_fn"
        );
    }

    #[test]
    fn short_names_drop_the_module() {
        assert_eq!(
            OpId(lookup("random.randn").unwrap().0).spec().short_name(),
            "randn"
        );
        assert_eq!(lookup("sqrt").unwrap().spec().short_name(), "sqrt");
    }
}
