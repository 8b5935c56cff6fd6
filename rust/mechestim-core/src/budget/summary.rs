//! Summaries of where the FLOPs went, and their plain-text layout.

use std::fmt;

use super::ledger::{Budget, BudgetKind};
use crate::cost::OpId;
use crate::error::thousands;

/// The namespace label of the global default budget.
pub const GLOBAL_DEFAULT_LABEL: &str = "(global default)";
/// The namespace label of an explicit budget opened without a namespace.
pub const UNNAMED_LABEL: &str = "(unnamed)";

/// FLOPs and calls of one op.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpUsage {
    /// The op.
    pub op: OpId,
    /// FLOPs charged to it.
    pub flops: u128,
    /// Number of charged calls.
    pub calls: u128,
}

/// Usage of one namespace (or of everything, for [`Summary::total`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamespaceUsage {
    /// Namespace label; for the total, the labels joined by `", "`.
    pub label: String,
    /// Sum of the limits of the budgets in it.
    pub flop_budget: u128,
    /// Sum of the FLOPs they used.
    pub flops_used: u128,
    /// Per-op usage, largest first (ties by name).
    pub ops: Vec<OpUsage>,
}

impl NamespaceUsage {
    fn empty(label: String) -> Self {
        NamespaceUsage {
            label,
            flop_budget: 0,
            flops_used: 0,
            ops: Vec::new(),
        }
    }

    fn add_op(&mut self, op: OpId, flops: u128, calls: u128) {
        match self.ops.iter_mut().find(|u| u.op == op) {
            Some(u) => {
                u.flops += flops;
                u.calls += calls;
            }
            None => self.ops.push(OpUsage { op, flops, calls }),
        }
    }

    fn add_budget(&mut self, b: &Budget) {
        self.flop_budget += u128::from(b.limit());
        self.flops_used += u128::from(b.used());
        for (op, flops, calls) in b.tallies() {
            self.add_op(op, u128::from(flops), u128::from(calls));
        }
    }

    fn sort(&mut self) {
        self.ops.sort_by(|a, b| {
            b.flops
                .cmp(&a.flops)
                .then_with(|| a.op.name().cmp(b.op.name()))
        });
    }

    /// FLOPs left: budget minus used.
    pub fn flops_remaining(&self) -> u128 {
        self.flop_budget - self.flops_used
    }
}

/// Usage grouped by namespace, plus the total over all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// One entry per namespace, in order of first use.
    pub namespaces: Vec<NamespaceUsage>,
    /// Everything together.
    pub total: NamespaceUsage,
}

/// The label a budget is summarised under.
pub fn label_of(b: &Budget) -> String {
    match (b.kind(), b.namespace()) {
        (BudgetKind::GlobalDefault, _) => GLOBAL_DEFAULT_LABEL.to_string(),
        (BudgetKind::Explicit, Some(ns)) => ns.to_string(),
        (BudgetKind::Explicit, None) => UNNAMED_LABEL.to_string(),
    }
}

impl Summary {
    /// Summarise `budgets`, grouping those that share a namespace label.
    pub fn of<'a>(budgets: impl IntoIterator<Item = &'a Budget>) -> Self {
        let mut namespaces: Vec<NamespaceUsage> = Vec::new();
        for b in budgets {
            let label = label_of(b);
            let idx = match namespaces.iter().position(|n| n.label == label) {
                Some(i) => i,
                None => {
                    namespaces.push(NamespaceUsage::empty(label));
                    namespaces.len() - 1
                }
            };
            namespaces[idx].add_budget(b);
        }
        let labels: Vec<&str> = namespaces.iter().map(|n| n.label.as_str()).collect();
        let mut total = NamespaceUsage::empty(labels.join(", "));
        for ns in &mut namespaces {
            ns.sort();
            total.flop_budget += ns.flop_budget;
            total.flops_used += ns.flops_used;
            for u in &ns.ops {
                total.add_op(u.op, u.flops, u.calls);
            }
        }
        total.sort();
        Summary { namespaces, total }
    }
}

fn percent(part: u128, whole: u128) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

impl fmt::Display for Summary {
    /// The plain-text summary:
    ///
    /// ```text
    /// mechestim FLOP Budget Summary
    /// ==============================
    /// Namespace:      mlp-forward
    /// Total budget:   100,000,000
    /// Used:             1,312,001  (1.3%)
    /// Remaining:       98,687,999  (98.7%)
    ///
    /// By operation:
    ///   einsum          655,360  ( 50.0%)  [5 calls]
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = &self.total;
        writeln!(f, "mechestim FLOP Budget Summary")?;
        writeln!(f, "{}", "=".repeat(30))?;
        let label = if t.label.is_empty() {
            "(none)"
        } else {
            &t.label
        };
        writeln!(f, "{:<16}{label}", "Namespace:")?;
        let (budget, used, left) = (
            thousands(t.flop_budget),
            thousands(t.flops_used),
            thousands(t.flops_remaining()),
        );
        let w = budget.len().max(used.len()).max(left.len());
        writeln!(f, "{:<16}{budget:>w$}", "Total budget:")?;
        writeln!(
            f,
            "{:<16}{used:>w$}  ({:.1}%)",
            "Used:",
            percent(t.flops_used, t.flop_budget)
        )?;
        write!(
            f,
            "{:<16}{left:>w$}  ({:.1}%)",
            "Remaining:",
            percent(t.flops_remaining(), t.flop_budget)
        )?;
        if !t.ops.is_empty() {
            let name_w = t.ops.iter().map(|u| u.op.name().len()).max().unwrap_or(0) + 2;
            let flops_w = t
                .ops
                .iter()
                .map(|u| thousands(u.flops).len())
                .max()
                .unwrap_or(0)
                + 2;
            write!(f, "\n\nBy operation:")?;
            for u in &t.ops {
                write!(
                    f,
                    "\n  {:<name_w$}{:>flops_w$}  ({:>5.1}%)  [{} call{}]",
                    u.op.name(),
                    thousands(u.flops),
                    percent(u.flops, t.flops_used),
                    thousands(u.calls),
                    if u.calls == 1 { "" } else { "s" }
                )?;
            }
        }
        if self.namespaces.len() > 1 {
            let name_w = self
                .namespaces
                .iter()
                .map(|n| n.label.len())
                .max()
                .unwrap_or(0)
                + 2;
            let used_w = self
                .namespaces
                .iter()
                .map(|n| thousands(n.flops_used).len())
                .max()
                .unwrap_or(0);
            write!(f, "\n\nBy namespace:")?;
            for n in &self.namespaces {
                write!(
                    f,
                    "\n  {:<name_w$}{:>used_w$} of {}  ({:.1}%)",
                    n.label,
                    thousands(n.flops_used),
                    thousands(n.flop_budget),
                    percent(n.flops_used, n.flop_budget)
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::registry::lookup;

    #[test]
    fn the_seed_summary_layout() {
        let b = Budget::new(
            100_000_000,
            Some("mlp-forward".into()),
            BudgetKind::Explicit,
        );
        let charge = |name: &str, cost: u64, n: usize| {
            for _ in 0..n {
                b.charge(lookup(name).unwrap(), cost).unwrap();
            }
        };
        charge("sqrt", 1, 1);
        charge("random.randn", 65_536, 5);
        charge("random.randn", 256, 1);
        charge("multiply", 65_536, 5);
        charge("einsum", 131_072, 5);
        charge("maximum", 256, 4);
        let expected = "\
mechestim FLOP Budget Summary
==============================
Namespace:      mlp-forward
Total budget:   100,000,000
Used:             1,312,001  (1.3%)
Remaining:       98,687,999  (98.7%)

By operation:
  einsum          655,360  ( 50.0%)  [5 calls]
  random.randn    327,936  ( 25.0%)  [6 calls]
  multiply        327,680  ( 25.0%)  [5 calls]
  maximum           1,024  (  0.1%)  [4 calls]
  sqrt                  1  (  0.0%)  [1 call]";
        assert_eq!(Summary::of([&b]).to_string(), expected);
    }

    #[test]
    fn namespaces_group_and_total() {
        let sqrt = lookup("sqrt").unwrap();
        let a = Budget::new(100, Some("a".into()), BudgetKind::Explicit);
        let b = Budget::new(50, Some("b".into()), BudgetKind::Explicit);
        let a2 = Budget::new(10, Some("a".into()), BudgetKind::Explicit);
        a.charge(sqrt, 10).unwrap();
        b.charge(sqrt, 5).unwrap();
        a2.charge(sqrt, 1).unwrap();
        let s = Summary::of([&a, &b, &a2]);
        assert_eq!(s.namespaces.len(), 2);
        assert_eq!(
            (s.namespaces[0].flops_used, s.namespaces[0].flop_budget),
            (11, 110)
        );
        assert_eq!(s.total.label, "a, b");
        assert_eq!((s.total.flops_used, s.total.flop_budget), (16, 160));
        assert_eq!(s.total.ops[0].calls, 3);
        let text = s.to_string();
        assert!(
            text.contains("By namespace:\n  a  11 of 110  (10.0%)\n  b   5 of 50  (10.0%)"),
            "{text}"
        );
    }

    #[test]
    fn empty_summary_has_no_operation_section() {
        let s = Summary::of([]);
        let text = s.to_string();
        assert!(text.contains("Namespace:      (none)"), "{text}");
        assert!(!text.contains("By operation"), "{text}");
    }
}
