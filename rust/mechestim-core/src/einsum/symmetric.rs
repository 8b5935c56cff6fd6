//! Einsum with symmetric operands: every step priced at op_factor × the
//! distinct index tuples it visits, the path chosen on those prices, and the
//! symmetry of the result.

use super::network::op_factor;
use super::optimize::{find_path, Optimizer, Options};
use super::parse::{Contraction, Label};
use crate::error::{Error, Result};
use crate::symmetry::{step_symmetry, Operand, Perm, PermGroup};

/// The symmetry of each operand and which operands are the same array.
#[derive(Clone, Debug, Default)]
pub struct Symmetries {
    /// One entry per operand: its group on its axes, if any.
    pub groups: Vec<Option<PermGroup>>,
    /// One entry per operand: the identity of its array (equal = same data).
    pub objects: Vec<usize>,
}

/// The symmetric price of a path.
#[derive(Clone, Debug, PartialEq)]
pub struct SymmetricPrice {
    /// Cost of each step.
    pub steps: Vec<u128>,
    /// The result's symmetry, acting on the output's axes (in output order).
    pub output_group: PermGroup,
}

impl SymmetricPrice {
    /// Total cost.
    pub fn total(&self) -> Result<u128> {
        self.steps
            .iter()
            .try_fold(0u128, |acc, &c| acc.checked_add(c))
            .ok_or_else(|| Error::CostOverflow {
                what: "an einsum path".to_string(),
            })
    }
}

/// Price `path` for `c` with the operands' symmetries.
///
/// ```
/// use mechestim_core::einsum::{price_symmetric, Contraction, Symmetries};
/// // X^T X with the same X twice: the result is symmetric, half the work.
/// let c = Contraction::parse("ki,kj->ij", &[&[100, 10], &[100, 10]]).unwrap();
/// let same = Symmetries { groups: vec![None, None], objects: vec![0, 0] };
/// let price = price_symmetric(&c, &[vec![0, 1]], &same).unwrap();
/// assert_eq!(price.total().unwrap(), 2 * 100 * 55);
/// assert_eq!(price.output_group.order(), 2);
/// ```
///
/// # Errors
/// Those of [`Contraction::steps`] and [`step_symmetry`].
pub fn price_symmetric(
    c: &Contraction,
    path: &[Vec<usize>],
    sym: &Symmetries,
) -> Result<SymmetricPrice> {
    let dense = c.steps(path)?;
    struct Term {
        labels: Vec<Label>,
        group: Option<PermGroup>,
        object: Option<usize>,
    }
    let mut current: Vec<Term> = c
        .inputs
        .iter()
        .enumerate()
        .map(|(k, t)| Term {
            labels: t.clone(),
            group: sym.groups.get(k).cloned().flatten(),
            object: sym.objects.get(k).copied(),
        })
        .collect();
    let mut steps = Vec::with_capacity(path.len());
    let mut last_group = PermGroup::trivial(0);
    for (positions, step) in path.iter().zip(&dense) {
        let mut sorted = positions.clone();
        sorted.sort_unstable();
        let taken: Vec<Term> = sorted.iter().rev().map(|&p| current.remove(p)).collect();
        let operands: Vec<Operand<'_>> = taken
            .iter()
            .map(|t| Operand {
                labels: &t.labels,
                group: t.group.as_ref(),
                object: t.object,
            })
            .collect();
        let s = step_symmetry(&operands, &step.kept, &c.sizes)?;
        let sums = step.kept.len() < step.labels.len();
        let factor = op_factor(taken.len(), sums) as u128;
        steps.push(
            s.unique_tuples
                .checked_mul(factor)
                .ok_or_else(|| Error::CostOverflow {
                    what: "an einsum step".to_string(),
                })?,
        );
        last_group = s.output_group.clone();
        current.push(Term {
            labels: step.kept.clone(),
            group: Some(s.output_group),
            object: None,
        });
    }
    // The last result's labels are the output's, ascending; renumber to output order.
    let mut ascending = c.output.clone();
    ascending.sort_unstable();
    let to_output: Vec<usize> = ascending
        .iter()
        .map(|l| {
            c.output
                .iter()
                .position(|x| x == l)
                .expect("an output label")
        })
        .collect();
    let gens: Vec<Perm> = last_group
        .elements()
        .iter()
        .map(|g| {
            let mut p = Perm::identity(c.output.len());
            for (i, &j) in g.0.iter().enumerate() {
                p.0[to_output[i]] = to_output[j];
            }
            p
        })
        .collect();
    Ok(SymmetricPrice {
        steps,
        output_group: PermGroup::generated(c.output.len(), &gens)?,
    })
}

/// Every pairwise path up to this many operands is priced when choosing a
/// path with symmetry (5 operands: 180 paths).
const ENUMERATE_MAX: usize = 5;

/// The path `optimizer` would take, chosen on symmetric prices: up to 5
/// operands every pairwise path is priced; beyond, the candidates are the
/// paths of `optimizer`, `greedy` and `auto`. An explicit path is kept as given.
///
/// # Errors
/// Those of [`find_path`] and [`price_symmetric`].
pub fn find_path_symmetric(
    c: &Contraction,
    optimizer: &Optimizer,
    options: &Options,
    sym: &Symmetries,
) -> Result<(Vec<Vec<usize>>, SymmetricPrice)> {
    let first = find_path(c, optimizer, options)?;
    let mut candidates = vec![first];
    let explicit = matches!(optimizer, Optimizer::Explicit(_) | Optimizer::Naive);
    if !explicit {
        let n = c.inputs.len();
        if (2..=ENUMERATE_MAX).contains(&n) && options.memory_limit.is_none() {
            all_pairwise(n, &mut Vec::new(), &mut candidates);
        } else {
            for other in [Optimizer::Greedy, Optimizer::Auto] {
                candidates.push(find_path(c, &other, options)?);
            }
        }
    }
    let mut best: Option<(Vec<Vec<usize>>, SymmetricPrice, u128)> = None;
    for path in candidates {
        let price = price_symmetric(c, &path, sym)?;
        let total = price.total()?;
        if best.as_ref().is_none_or(|b| total < b.2) {
            best = Some((path, price, total));
        }
    }
    let (path, price, _) = best.expect("at least one candidate");
    Ok((path, price))
}

fn all_pairwise(remaining: usize, prefix: &mut Vec<Vec<usize>>, out: &mut Vec<Vec<Vec<usize>>>) {
    if remaining == 1 {
        out.push(prefix.clone());
        return;
    }
    for i in 0..remaining {
        for j in i + 1..remaining {
            prefix.push(vec![i, j]);
            all_pairwise(remaining - 1, prefix, out);
            prefix.pop();
        }
    }
}
