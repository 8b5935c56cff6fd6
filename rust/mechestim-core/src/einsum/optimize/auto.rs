//! `auto` and `auto-hq`: choose the search by the size of the expression and
//! keep the cheapest path any of them found.
//!
//! | operands            | `auto`                                   | `auto-hq`                               |
//! |---------------------|------------------------------------------|-----------------------------------------|
//! | up to 11 (14 hq)    | exact optimum over all trees             | exact optimum                           |
//! | up to 256           | connected-subgraph DP within a work cap  | the same, larger cap                    |
//! | any (and as backup) | 64 greedy runs (deterministic + seeded   | 128 runs, the best 4 polished with      |
//! |                     | random), the best 4 polished by subtree  | 10-tensor subtrees, 16 sweeps; and      |
//! |                     | reconfiguration (8 tensors, 8 sweeps);   | everything `auto` finds                 |
//! |                     | beyond 300 operands 8 runs, 1 polished   |                                         |
//!
//! The greedy path is always a candidate, so `auto` is never worse than it.
//! Every effort is a fixed amount of work, never a time limit: the same
//! expression always gets the same path, and so the same charge.

use super::super::network::{Minimize, Network};
use super::{better_of, dp, exact, random_greedy_top, reconfigure};

struct Effort {
    exact_max: usize,
    dp_work: u64,
    repeats: usize,
    subtree: usize,
    passes: usize,
    /// How many of the best sampled paths are polished by reconfiguration.
    keep: usize,
}

const AUTO: Effort = Effort {
    exact_max: 11,
    dp_work: 300_000,
    repeats: 64,
    subtree: 8,
    passes: 8,
    keep: 4,
};

/// `auto` beyond 300 operands: a few samples, one polished.
const AUTO_HUGE: Effort = Effort {
    exact_max: 11,
    dp_work: 0,
    repeats: 8,
    subtree: 8,
    passes: 2,
    keep: 1,
};

const AUTO_HQ: Effort = Effort {
    exact_max: 14,
    dp_work: 20_000_000,
    repeats: 128,
    subtree: 10,
    passes: 16,
    keep: 4,
};

pub fn auto(
    net: &Network,
    how: Minimize,
    limit: Option<f64>,
    seed: u64,
    hq: bool,
) -> Vec<Vec<usize>> {
    let n = net.inputs.len();
    let e = match (hq, n) {
        (true, _) => &AUTO_HQ,
        (false, 0..=300) => &AUTO,
        (false, _) => &AUTO_HUGE,
    };
    if hq && n > AUTO.exact_max {
        // Everything `auto` finds is a candidate for `auto-hq` too.
        let quick = auto(net, how, limit, seed, false);
        let thorough = search(net, how, limit, seed, e);
        return better_of(net, how, limit, quick, Some(thorough));
    }
    search(net, how, limit, seed, e)
}

fn search(
    net: &Network,
    how: Minimize,
    limit: Option<f64>,
    seed: u64,
    e: &Effort,
) -> Vec<Vec<usize>> {
    let n = net.inputs.len();
    if n <= e.exact_max {
        if let Some((path, _)) = exact::exact(&net.inputs, &net.output, &net.sizes, how, limit) {
            return path;
        }
    }
    let mut best: Option<Vec<Vec<usize>>> = None;
    for (sampled, _) in random_greedy_top(net, how, limit, e.repeats, seed, e.keep) {
        let polished = reconfigure::reconfigure(net, &sampled, how, limit, e.subtree, e.passes);
        let candidate = better_of(net, how, limit, sampled, Some(polished));
        best = Some(match best {
            None => candidate,
            Some(b) => better_of(net, how, limit, b, Some(candidate)),
        });
    }
    let mut best = best.expect("at least one sampled path");
    if n <= 4 * dp::MAX_COMPONENT {
        // The best path so far bounds the search: only cheaper sub-paths are kept.
        let bound = net
            .score_ssa(&best, how, limit)
            .map(|s| s.primary * (1.0 + 1e-9));
        let found = dp::dp(net, how, limit, Some(e.dp_work), bound).ok();
        best = better_of(net, how, limit, best, found);
    }
    best
}
