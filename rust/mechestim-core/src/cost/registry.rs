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

use super::table::OPS;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// One FLOP per output element (`exp`, `sqrt`, ...).
    UnaryPointwise,
    /// One FLOP per element of the broadcast output (`add`, `maximum`, ...).
    BinaryPointwise,
    /// A tensor contraction priced by the einsum rule.
    Contraction,
    /// A random sampler: one FLOP per value produced.
    Sampler,
}

impl Family {
    /// The family's name as it appears in the docs and in `registry()`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Family::UnaryPointwise => "unary_pointwise",
            Family::BinaryPointwise => "binary_pointwise",
            Family::Contraction => "contraction",
            Family::Sampler => "sampler",
        }
    }

    /// The one-line formula shared by the family.
    pub const fn formula(self) -> &'static str {
        match self {
            Family::UnaryPointwise => "numel(output)",
            Family::BinaryPointwise => "numel(broadcast output)",
            Family::Contraction => {
                "sum over path steps of prod(index sizes) * (max(1, terms-1) + [step sums an index])"
            }
            Family::Sampler => "numel(output)",
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
        &OPS[self.0 as usize]
    }

    /// The qualified name of the op.
    pub fn name(self) -> &'static str {
        self.spec().name
    }
}

/// Every row, in registry order (the order of [`OpId`]s).
pub fn all() -> &'static [OpSpec] {
    OPS
}

/// The id of a qualified name, if it is registered.
pub fn lookup(name: &str) -> Option<OpId> {
    static INDEX: OnceLock<HashMap<&'static str, OpId>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            OPS.iter()
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
            let n = OPS
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
