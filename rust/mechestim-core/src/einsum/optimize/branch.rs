//! Branch and bound: a depth-first search over pairwise merges that, at each
//! step, explores the `nbranch` most promising pairs (all of them for
//! `branch-all`) ranked by the greedy heuristic, and abandons any partial path
//! already costlier than the best complete one. Pairs that share a label are
//! preferred; outer products are explored only when no such pair is left.
//! As in opt_einsum, a partial path more than 4× costlier than the best seen
//! at the same depth is also abandoned, which keeps `branch-1`/`branch-2`
//! fast on long chains.

use super::super::bitset::LabelSet;
use super::super::network::{op_factor, Minimize, Network, Score};

struct Search<'n> {
    net: &'n Network,
    nbranch: Option<usize>,
    memory_limit: Option<f64>,
    how: Minimize,
    terms: Vec<LabelSet>,
    counts: Vec<u32>,
    path: Vec<Vec<usize>>,
    best: Option<(Vec<Vec<usize>>, Score)>,
    /// Cheapest FLOPs seen after each number of steps.
    progress: Vec<f64>,
}

/// A partial path this many times costlier than the best at its depth is cut.
const CUTOFF: f64 = 4.0;

struct Option2 {
    heuristic: f64,
    flops: f64,
    pair: (usize, usize),
    total: Score,
}

impl Search<'_> {
    fn beats_best(&self, s: Score) -> bool {
        self.best.as_ref().is_none_or(|(_, b)| s.better_than(*b))
    }

    /// Whether `flops` is within [`CUTOFF`] of the best seen at this depth.
    fn keeps_up(&self, flops: f64) -> bool {
        let depth = self.path.len();
        flops <= CUTOFF * self.progress[depth]
    }

    fn step(&self, ids: &[usize]) -> (LabelSet, LabelSet, f64) {
        let mut union = LabelSet::empty(self.net.num_labels());
        let mut counts = self.counts.clone();
        for &id in ids {
            union.union_with(&self.terms[id]);
            for l in self.terms[id].iter() {
                counts[l as usize] -= 1;
            }
        }
        let kept = self.net.kept(&union, &counts);
        let flops = self.net.size(&union) * op_factor(ids.len(), kept.len() < union.len());
        (union, kept, flops)
    }

    fn apply(&mut self, ids: &[usize], kept: LabelSet) {
        for &id in ids {
            for l in self.terms[id].iter() {
                self.counts[l as usize] -= 1;
            }
        }
        for l in kept.iter() {
            self.counts[l as usize] += 1;
        }
        self.terms.push(kept);
        self.path.push(ids.to_vec());
    }

    fn undo(&mut self, ids: &[usize]) {
        let kept = self.terms.pop().expect("a merge to undo");
        self.path.pop();
        for l in kept.iter() {
            self.counts[l as usize] -= 1;
        }
        for &id in ids {
            for l in self.terms[id].iter() {
                self.counts[l as usize] += 1;
            }
        }
    }

    fn iterate(&mut self, remaining: &[usize], score: Score) {
        if remaining.len() == 1 {
            if self.beats_best(score) {
                self.best = Some((self.path.clone(), score));
            }
            return;
        }
        let mut options = self.options(remaining, score, true);
        if options.is_empty() {
            options = self.options(remaining, score, false);
        }
        if options.is_empty() {
            // Nothing fits the memory limit: contract the rest in one step.
            let (_, kept, flops) = self.step(remaining);
            let size = self.net.size(&kept);
            let total = score.then(
                Score {
                    primary: self.how.step(flops, size),
                    flops,
                },
                self.how,
            );
            if self.beats_best(total) {
                self.apply(remaining, kept);
                self.best = Some((self.path.clone(), total));
                self.undo(remaining);
            }
            return;
        }
        options.sort_by(|a, b| {
            a.heuristic
                .total_cmp(&b.heuristic)
                .then(a.flops.total_cmp(&b.flops))
                .then(a.pair.cmp(&b.pair))
        });
        let limit = self.nbranch.unwrap_or(usize::MAX);
        for o in options.into_iter().take(limit) {
            if !self.beats_best(o.total) {
                continue;
            }
            let depth = self.path.len();
            self.progress[depth] = self.progress[depth].min(o.total.flops);
            let ids = [o.pair.0, o.pair.1];
            let (_, kept, _) = self.step(&ids);
            self.apply(&ids, kept);
            let new = self.terms.len() - 1;
            let next: Vec<usize> = remaining
                .iter()
                .copied()
                .filter(|&r| r != o.pair.0 && r != o.pair.1)
                .chain([new])
                .collect();
            self.iterate(&next, o.total);
            self.undo(&ids);
        }
    }

    fn options(&self, remaining: &[usize], score: Score, connected: bool) -> Vec<Option2> {
        let mut out = Vec::new();
        for (x, &i) in remaining.iter().enumerate() {
            for &j in &remaining[x + 1..] {
                if connected && !self.terms[i].intersects(&self.terms[j]) {
                    continue;
                }
                let (_, kept, flops) = self.step(&[i, j]);
                let size = self.net.size(&kept);
                if self.memory_limit.is_some_and(|m| size > m) && remaining.len() > 2 {
                    continue;
                }
                let total = score.then(
                    Score {
                        primary: self.how.step(flops, size),
                        flops,
                    },
                    self.how,
                );
                if !self.beats_best(total) || !self.keeps_up(total.flops) {
                    continue;
                }
                let heuristic =
                    size - self.net.size(&self.terms[i]) - self.net.size(&self.terms[j]);
                out.push(Option2 {
                    heuristic,
                    flops,
                    pair: (i, j),
                    total,
                });
            }
        }
        out
    }
}

/// Branch and bound over `net`; `bound` is a known path (and its score) to
/// beat. Returns the best SSA path found, or `bound` if nothing beat it.
pub fn branch(
    net: &Network,
    nbranch: Option<usize>,
    memory_limit: Option<f64>,
    how: Minimize,
    bound: Option<(Vec<Vec<usize>>, Score)>,
) -> Option<(Vec<Vec<usize>>, Score)> {
    let n = net.inputs.len();
    let mut search = Search {
        net,
        nbranch,
        memory_limit,
        how,
        terms: net.inputs.clone(),
        counts: net.label_counts(),
        path: Vec::with_capacity(n),
        best: bound,
        progress: vec![f64::INFINITY; n],
    };
    let remaining: Vec<usize> = (0..n).collect();
    search.iterate(&remaining, Score::default());
    search.best
}
