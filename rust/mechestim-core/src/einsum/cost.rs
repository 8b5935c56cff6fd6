//! The einsum cost rule, for one step and for a whole path.
//!
//! A step that combines `terms` operands over the index set `L` costs
//! `prod(size(l) for l in L) * op_factor`, with
//! `op_factor = max(1, terms - 1) + (1 if the step sums an index)`.

use super::parse::{Contraction, Label};
use crate::error::{Error, Result};

/// The priced form of one step: which labels it visits and what it keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Positions (in the operand list current at this step) combined here.
    pub operands: Vec<usize>,
    /// Every distinct label of the combined operands, ascending.
    pub labels: Vec<Label>,
    /// Labels the step's result keeps, ascending.
    pub kept: Vec<Label>,
    /// The step's cost in FLOPs (128-bit, so paths through large networks
    /// can be priced; charging a budget needs it to fit in 64 bits).
    pub cost: u128,
}

/// `prod(sizes of labels) * op_factor` for a step of `terms` operands.
pub fn step_cost(sizes: &[u64], labels: &[Label], terms: usize, sums: bool) -> Result<u128> {
    let overflow = || Error::CostOverflow {
        what: "an einsum step".to_string(),
    };
    let volume = labels.iter().try_fold(1u128, |acc, &l| {
        acc.checked_mul(u128::from(sizes[l as usize]))
            .ok_or_else(overflow)
    })?;
    let op_factor = terms.saturating_sub(1).max(1) as u128 + u128::from(sums);
    volume.checked_mul(op_factor).ok_or_else(overflow)
}

/// The sum of step costs as a chargeable 64-bit count.
fn total(steps: &[Step], what: &str) -> Result<u64> {
    let sum = steps
        .iter()
        .try_fold(0u128, |acc, s| acc.checked_add(s.cost))
        .and_then(|t| u64::try_from(t).ok());
    sum.ok_or_else(|| Error::CostOverflow {
        what: what.to_string(),
    })
}

fn sorted_unique(iter: impl Iterator<Item = Label>) -> Vec<Label> {
    let mut v: Vec<Label> = iter.collect();
    v.sort_unstable();
    v.dedup();
    v
}

impl Contraction {
    /// Price the contraction along `path`, in opt_einsum's convention: each
    /// entry lists positions in the current operand list; those operands are
    /// removed and their result is appended at the end.
    ///
    /// ```
    /// use mechestim_core::einsum::Contraction;
    /// let c = Contraction::parse("ij,jk,kl->il", &[&[10, 20], &[20, 30], &[30, 5]]).unwrap();
    /// let total = |p: &[Vec<usize>]| c.steps(p).unwrap().iter().map(|s| s.cost).sum::<u128>();
    /// assert_eq!(total(&[vec![1, 2], vec![0, 1]]), 8_000);
    /// assert_eq!(total(&[vec![0, 1], vec![0, 1]]), 15_000);
    /// ```
    ///
    /// # Errors
    /// [`Error::Subscripts`] when the path does not contract every operand
    /// exactly once into one result; [`Error::CostOverflow`] on overflow.
    pub fn steps(&self, path: &[Vec<usize>]) -> Result<Vec<Step>> {
        let mut current: Vec<Vec<Label>> = self.inputs.clone();
        let mut steps = Vec::with_capacity(path.len());
        for (i, positions) in path.iter().enumerate() {
            let mut pos = positions.clone();
            pos.sort_unstable();
            pos.dedup();
            if pos.is_empty()
                || pos.len() != positions.len()
                || pos.iter().any(|&p| p >= current.len())
            {
                return Err(Error::Subscripts(format!(
                    "path step {i} {positions:?} is invalid for {} operand(s) at that point: \
                     give distinct positions below {}",
                    current.len(),
                    current.len()
                )));
            }
            let taken: Vec<Vec<Label>> = pos.iter().rev().map(|&p| current.remove(p)).collect();
            let labels = sorted_unique(taken.iter().flatten().copied());
            let kept = if current.is_empty() {
                sorted_unique(self.output.iter().copied())
            } else {
                labels
                    .iter()
                    .copied()
                    .filter(|l| self.output.contains(l) || current.iter().any(|t| t.contains(l)))
                    .collect()
            };
            let sums = kept.len() < labels.len();
            let cost = step_cost(&self.sizes, &labels, taken.len(), sums)?;
            current.push(kept.clone());
            steps.push(Step {
                operands: positions.clone(),
                labels,
                kept,
                cost,
            });
        }
        if current.len() != 1 {
            return Err(Error::Subscripts(format!(
                "the path leaves {} operands uncontracted; it must end with a single result",
                current.len()
            )));
        }
        Ok(steps)
    }

    /// Total cost of `path` (see [`Contraction::steps`]).
    pub fn path_cost(&self, path: &[Vec<usize>]) -> Result<u64> {
        total(&self.steps(path)?, "an einsum path")
    }

    /// Cost of doing the whole einsum in one step over every index (NumPy's
    /// unoptimized loop), the baseline PathInfo reports speed-ups against.
    pub fn naive_cost(&self) -> Result<u64> {
        let all: Vec<usize> = (0..self.inputs.len()).collect();
        self.path_cost(&[all])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cost(s: &str, shapes: &[&[u64]]) -> u64 {
        Contraction::parse(s, shapes).unwrap().naive_cost().unwrap()
    }

    #[test]
    fn worked_examples_of_the_cost_model() {
        // ij,j->i 256x256: 256*256 values, 2 terms (factor 1) + sums j (1) = 2.
        assert_eq!(cost("ij,j->i", &[&[256, 256], &[256]]), 131_072);
        // ij,jk->ik (64,32)(32,16): 64*32*16 * 2.
        assert_eq!(cost("ij,jk->ik", &[&[64, 32], &[32, 16]]), 65_536);
        // outer product: 8*9 * 1.
        assert_eq!(cost("i,j->ij", &[&[8], &[9]]), 72);
        // trace: 256 * (1 + 1).
        assert_eq!(cost("ii->", &[&[256, 256]]), 512);
        // transpose: 64 * 1.
        assert_eq!(cost("ij->ji", &[&[8, 8]]), 64);
    }

    #[test]
    fn three_operand_chain_on_both_paths() {
        let c = Contraction::parse("ij,jk,kl->il", &[&[10, 20], &[20, 30], &[30, 5]]).unwrap();
        // (B C) first: 20*30*5*2 = 6000, then A(BC): 10*20*5*2 = 2000.
        assert_eq!(c.path_cost(&[vec![1, 2], vec![0, 1]]).unwrap(), 8_000);
        // (A B) first: 10*20*30*2 = 12000, then (AB) C: 10*30*5*2 = 3000.
        assert_eq!(c.path_cost(&[vec![0, 1], vec![0, 1]]).unwrap(), 15_000);
    }

    #[test]
    fn invalid_paths_are_rejected() {
        let c = Contraction::parse("ij,jk,kl->il", &[&[10, 20], &[20, 30], &[30, 5]]).unwrap();
        assert!(matches!(
            c.path_cost(&[vec![0, 1]]),
            Err(Error::Subscripts(_))
        ));
        assert!(matches!(
            c.path_cost(&[vec![0, 3], vec![0, 1]]),
            Err(Error::Subscripts(_))
        ));
        assert!(matches!(
            c.path_cost(&[vec![1, 1], vec![0, 1]]),
            Err(Error::Subscripts(_))
        ));
    }

    #[test]
    fn overflow_is_reported() {
        let big = 1u64 << 40;
        let c = Contraction::parse("ab,bc->ac", &[&[big, big], &[big, 1]]).unwrap();
        assert!(matches!(c.naive_cost(), Err(Error::CostOverflow { .. })));
    }
}
