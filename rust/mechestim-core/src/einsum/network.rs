//! The search view of a contraction: one label set per operand, the output
//! set and label sizes as floats. Path optimizers work on this; the exact
//! integer price of the path they return comes from [`Contraction::steps`].
//!
//! [`Contraction::steps`]: super::Contraction::steps

use super::bitset::LabelSet;
use super::parse::Contraction;

/// What a path optimizer minimizes. Every objective breaks ties by FLOPs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Minimize {
    /// Total FLOPs (the default, and what is charged).
    Flops,
    /// The largest intermediate.
    Size,
    /// Total elements written to intermediates.
    Write,
    /// FLOPs + `factor` × elements written, per step.
    Combo(f64),
    /// max(FLOPs, `factor` × elements written), per step.
    Limit(f64),
}

impl Minimize {
    /// Parse `flops`, `size`, `write`, `combo`, `limit`, `combo-F`, `limit-F`.
    pub fn parse(text: &str) -> Option<Self> {
        let (name, factor) = match text.split_once('-') {
            Some((n, f)) => (
                n,
                f.parse::<f64>()
                    .ok()
                    .filter(|f| f.is_finite() && *f >= 0.0)?,
            ),
            None => (text, 64.0),
        };
        Some(match (name, text.contains('-')) {
            ("flops", false) => Minimize::Flops,
            ("size", false) => Minimize::Size,
            ("write", false) => Minimize::Write,
            ("combo", _) => Minimize::Combo(factor),
            ("limit", _) => Minimize::Limit(factor),
            _ => return None,
        })
    }

    /// The score of one step that costs `flops` and writes `size` elements.
    pub fn step(self, flops: f64, size: f64) -> f64 {
        match self {
            Minimize::Flops => flops,
            Minimize::Size | Minimize::Write => size,
            Minimize::Combo(f) => flops + f * size,
            Minimize::Limit(f) => flops.max(f * size),
        }
    }

    /// Combine the scores of two sub-paths (or a sub-path and a step).
    pub fn combine(self, a: f64, b: f64) -> f64 {
        match self {
            Minimize::Size => a.max(b),
            _ => a + b,
        }
    }
}

/// The cost-model factor of a step: `max(1, terms - 1) + [an index is summed]`.
pub fn op_factor(terms: usize, sums: bool) -> f64 {
    terms.saturating_sub(1).max(1) as f64 + f64::from(u8::from(sums))
}

/// An objective value with FLOPs as the tie-breaker; smaller is better.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Default)]
pub struct Score {
    pub primary: f64,
    pub flops: f64,
}

impl Score {
    pub const INFINITE: Score = Score {
        primary: f64::INFINITY,
        flops: f64::INFINITY,
    };

    pub fn then(self, other: Score, how: Minimize) -> Score {
        Score {
            primary: how.combine(self.primary, other.primary),
            flops: self.flops + other.flops,
        }
    }

    pub fn better_than(self, other: Score) -> bool {
        self.primary < other.primary || (self.primary == other.primary && self.flops < other.flops)
    }
}

/// A contraction as label sets.
#[derive(Clone, Debug)]
pub struct Network {
    /// Distinct labels of each operand.
    pub inputs: Vec<LabelSet>,
    /// Labels of the result.
    pub output: LabelSet,
    /// Size of each label.
    pub sizes: Vec<f64>,
}

impl Network {
    pub fn from_contraction(c: &Contraction) -> Self {
        let n = c.sizes.len();
        Network {
            inputs: c
                .inputs
                .iter()
                .map(|t| LabelSet::from_labels(n, t.iter().copied()))
                .collect(),
            output: LabelSet::from_labels(n, c.output.iter().copied()),
            sizes: c.sizes.iter().map(|&s| s as f64).collect(),
        }
    }

    pub fn num_labels(&self) -> usize {
        self.sizes.len()
    }

    /// Number of elements of a tensor with labels `s`.
    pub fn size(&self, s: &LabelSet) -> f64 {
        s.iter().map(|l| self.sizes[l as usize]).product()
    }

    /// How many operands hold each label.
    pub fn label_counts(&self) -> Vec<u32> {
        let mut counts = vec![0u32; self.num_labels()];
        for t in &self.inputs {
            for l in t.iter() {
                counts[l as usize] += 1;
            }
        }
        counts
    }

    /// Score an SSA path: entry `k` merges the listed ids into id `n + k`.
    /// Returns `None` if some step exceeds `memory_limit` elements.
    pub fn score_ssa(
        &self,
        ssa: &[Vec<usize>],
        how: Minimize,
        memory_limit: Option<f64>,
    ) -> Option<Score> {
        let mut counts = self.label_counts();
        let mut terms: Vec<LabelSet> = self.inputs.clone();
        let mut total = Score::default();
        for (k, merge) in ssa.iter().enumerate() {
            let mut union = LabelSet::empty(self.num_labels());
            for &id in merge {
                union.union_with(&terms[id]);
                for l in terms[id].iter() {
                    counts[l as usize] -= 1;
                }
            }
            let last = k + 1 == ssa.len();
            let kept = self.kept(&union, &counts);
            let size = self.size(&kept);
            if !last && memory_limit.is_some_and(|m| size > m) {
                return None;
            }
            let flops = self.size(&union) * op_factor(merge.len(), kept.len() < union.len());
            total = total.then(
                Score {
                    primary: how.step(flops, size),
                    flops,
                },
                how,
            );
            for l in kept.iter() {
                counts[l as usize] += 1;
            }
            terms.push(kept);
        }
        Some(total)
    }

    /// The labels of `union` still needed: in the output or held by a tensor
    /// counted in `others`.
    pub fn kept(&self, union: &LabelSet, others: &[u32]) -> LabelSet {
        let mut kept = union.clone();
        for l in union.iter() {
            if others[l as usize] == 0 && !self.output.contains(l) {
                kept.remove(l);
            }
        }
        kept
    }
}

/// Convert an SSA path (ids never reused; merge `k` creates id `n + k`) to the
/// linear form NumPy and opt_einsum use (positions in the current list; the
/// result goes to the end).
pub fn ssa_to_linear(ssa: &[Vec<usize>], n: usize) -> Vec<Vec<usize>> {
    let mut current: Vec<usize> = (0..n).collect();
    let mut out = Vec::with_capacity(ssa.len());
    for (k, merge) in ssa.iter().enumerate() {
        let mut positions: Vec<usize> = merge
            .iter()
            .map(|id| {
                current
                    .iter()
                    .position(|c| c == id)
                    .expect("valid ssa path")
            })
            .collect();
        positions.sort_unstable();
        for &p in positions.iter().rev() {
            current.remove(p);
        }
        current.push(n + k);
        out.push(positions);
    }
    out
}

/// Convert a linear path to SSA form (the inverse of [`ssa_to_linear`]).
#[cfg(test)]
pub fn linear_to_ssa(path: &[Vec<usize>], n: usize) -> Vec<Vec<usize>> {
    let mut current: Vec<usize> = (0..n).collect();
    let mut out = Vec::with_capacity(path.len());
    for (k, positions) in path.iter().enumerate() {
        let mut sorted = positions.clone();
        sorted.sort_unstable();
        let ids: Vec<usize> = positions.iter().map(|&p| current[p]).collect();
        for &p in sorted.iter().rev() {
            current.remove(p);
        }
        current.push(n + k);
        out.push(ids);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssa_and_linear_round_trip() {
        let ssa = vec![vec![1, 2], vec![0, 3], vec![4, 5]];
        let linear = ssa_to_linear(&ssa, 4);
        // ids [0,1,2,3] -> merge 1,2 at positions 1,2 -> [0,3,4];
        // merge 0,3 at positions 0,1 -> [4,5]; merge 4,5 at 0,1.
        assert_eq!(linear, vec![vec![1, 2], vec![0, 1], vec![0, 1]]);
        assert_eq!(linear_to_ssa(&linear, 4), ssa);
    }

    #[test]
    fn scoring_matches_the_exact_price() {
        let c = Contraction::parse("ij,jk,kl->il", &[&[10, 20], &[20, 30], &[30, 5]]).unwrap();
        let net = Network::from_contraction(&c);
        let good = net
            .score_ssa(&[vec![1, 2], vec![0, 3]], Minimize::Flops, None)
            .unwrap();
        assert_eq!(good.flops, 8_000.0);
        let bad = net
            .score_ssa(&[vec![0, 1], vec![3, 2]], Minimize::Flops, None)
            .unwrap();
        assert_eq!(bad.flops, 15_000.0);
        // The largest intermediate of the good path is B·C: 20 × 5 = 100.
        let size = net
            .score_ssa(&[vec![1, 2], vec![0, 3]], Minimize::Size, None)
            .unwrap();
        assert_eq!(size.primary, 100.0);
        assert!(net
            .score_ssa(&[vec![1, 2], vec![0, 3]], Minimize::Flops, Some(99.0))
            .is_none());
    }

    #[test]
    fn minimize_names() {
        assert_eq!(Minimize::parse("flops"), Some(Minimize::Flops));
        assert_eq!(Minimize::parse("combo"), Some(Minimize::Combo(64.0)));
        assert_eq!(Minimize::parse("limit-256"), Some(Minimize::Limit(256.0)));
        assert_eq!(Minimize::parse("size-3"), None);
        assert_eq!(Minimize::parse("speed"), None);
    }
}
