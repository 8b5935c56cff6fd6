//! `auto` and `auto-hq`: choose the search by the size of the expression and
//! keep the cheapest path any of them found.
//!
//! | operands            | `auto`                                  | `auto-hq`                              |
//! |---------------------|-----------------------------------------|----------------------------------------|
//! | up to 11 (14 hq)    | exact optimum over all trees            | exact optimum                          |
//! | up to 64 per group  | connected-subgraph DP within a work cap | the same, larger cap                   |
//! | any (and as backup) | greedy, random greedy, then subtree     | 128 random greedy runs, wider subtrees |
//! |                     | reconfiguration (8 tensors)             | (10 tensors) and more sweeps           |
//!
//! The greedy path is always a candidate, so `auto` is never worse than it.
//! Every effort is a fixed amount of work, never a time limit: the same
//! expression always gets the same path, and so the same charge.

use super::super::network::{Minimize, Network};
use super::{better_of, dp, exact, random_greedy, reconfigure};

struct Effort {
    exact_max: usize,
    dp_work: u64,
    repeats: usize,
    subtree: usize,
    passes: usize,
}

const AUTO: Effort = Effort {
    exact_max: 11,
    dp_work: 300_000,
    repeats: 16,
    subtree: 8,
    passes: 4,
};

const AUTO_HQ: Effort = Effort {
    exact_max: 14,
    dp_work: 20_000_000,
    repeats: 128,
    subtree: 10,
    passes: 16,
};

pub fn auto(
    net: &Network,
    how: Minimize,
    limit: Option<f64>,
    seed: u64,
    hq: bool,
) -> Vec<Vec<usize>> {
    let e = if hq { &AUTO_HQ } else { &AUTO };
    let n = net.inputs.len();
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
    let (sampled, _) = random_greedy(net, how, limit, e.repeats, seed);
    let mut best = reconfigure::reconfigure(net, &sampled, how, limit, e.subtree, e.passes);
    best = better_of(net, how, limit, sampled, Some(best));
    if n <= 4 * dp::MAX_COMPONENT {
        let found = dp::dp(net, how, limit, Some(e.dp_work)).ok();
        best = better_of(net, how, limit, best, found);
    }
    best
}
