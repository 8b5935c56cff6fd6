//! The exact optimum over every pairwise contraction tree, outer products
//! included: dynamic programming over all subsets of operands (3^n work).
//!
//! A subset's intermediate keeps the labels that the output or an operand
//! outside the subset still needs, so the price of combining two disjoint
//! subsets depends on the subsets alone, and the best tree for a subset is
//! built from the best trees of its two parts.

use super::super::bitset::{iter_words, words_for, LabelSet};
use super::super::network::{op_factor, Minimize, Score};

/// Most operands the exact search accepts (3^16 ≈ 43 million splits).
pub const MAX_OPERANDS: usize = 16;

/// The optimal merges of `leaves` into one tensor with labels `output`, in
/// SSA form (ids `0..n` are the leaves, merge `k` makes id `n + k`), with
/// its score. `None` when `memory_limit` forbids every tree.
pub fn exact(
    leaves: &[LabelSet],
    output: &LabelSet,
    sizes: &[f64],
    how: Minimize,
    memory_limit: Option<f64>,
) -> Option<(Vec<Vec<usize>>, Score)> {
    let n = leaves.len();
    assert!(
        n <= MAX_OPERANDS,
        "exact search is limited to {MAX_OPERANDS} operands"
    );
    if n == 1 {
        return Some((vec![vec![0]], Score::default()));
    }
    let w = words_for(sizes.len());
    let full = (1usize << n) - 1;
    let count = 1usize << n;

    // labels[S]: every label of the leaves in S.
    let mut labels = vec![0u64; count * w];
    for s in 1..count {
        let low = s.trailing_zeros() as usize;
        let rest = s & (s - 1);
        for k in 0..w {
            labels[s * w + k] = labels[rest * w + k] | leaves[low].words()[k];
        }
    }
    // term[S]: the labels of S's tensor (a leaf keeps all of its own).
    let mut term = vec![0u64; count * w];
    let mut vol = vec![0f64; count];
    let mut bits = vec![0u32; count];
    for s in 1..count {
        let outside = full ^ s;
        for k in 0..w {
            term[s * w + k] = if s.is_power_of_two() {
                labels[s * w + k]
            } else {
                labels[s * w + k] & (output.words()[k] | labels[outside * w + k])
            };
        }
        let t = &term[s * w..(s + 1) * w];
        vol[s] = iter_words(t).map(|l| sizes[l as usize]).product();
        bits[s] = t.iter().map(|x| x.count_ones()).sum();
    }

    let mut best = vec![Score::INFINITE; count];
    let mut split = vec![0usize; count];
    for i in 0..n {
        best[1 << i] = Score::default();
    }
    for s in 1..count {
        if s.is_power_of_two() {
            continue;
        }
        if s != full && memory_limit.is_some_and(|m| vol[s] > m) {
            continue;
        }
        let low = s & s.wrapping_neg();
        let mut t = (s - 1) & s;
        while t > 0 {
            if t & low != 0 {
                let u = s ^ t;
                let (bt, bu) = (best[t], best[u]);
                if bt.primary.is_finite() && bu.primary.is_finite() {
                    let (tw, uw) = (&term[t * w..(t + 1) * w], &term[u * w..(u + 1) * w]);
                    let mut shared = 1.0;
                    let mut union_bits = 0u32;
                    for k in 0..w {
                        union_bits += (tw[k] | uw[k]).count_ones();
                        let both = tw[k] & uw[k];
                        if both != 0 {
                            shared *= iter_words(&[both])
                                .map(|l| sizes[k * 64 + l as usize])
                                .product::<f64>();
                        }
                    }
                    let flops = vol[t] * vol[u] / shared * op_factor(2, union_bits > bits[s]);
                    let step = Score {
                        primary: how.step(flops, vol[s]),
                        flops,
                    };
                    let total = bt.then(bu, how).then(step, how);
                    if total.better_than(best[s]) {
                        best[s] = total;
                        split[s] = t;
                    }
                }
            }
            t = (t - 1) & s;
        }
    }
    if !best[full].primary.is_finite() {
        return None;
    }

    // Unfold the splits into SSA merges, children before parents.
    let mut ssa = Vec::with_capacity(n - 1);
    let mut next = n;
    fn emit(s: usize, split: &[usize], ssa: &mut Vec<Vec<usize>>, next: &mut usize) -> usize {
        if s.is_power_of_two() {
            return s.trailing_zeros() as usize;
        }
        let a = emit(split[s], split, ssa, next);
        let b = emit(s ^ split[s], split, ssa, next);
        ssa.push(vec![a, b]);
        *next += 1;
        *next - 1
    }
    emit(full, &split, &mut ssa, &mut next);
    Some((ssa, best[full]))
}
