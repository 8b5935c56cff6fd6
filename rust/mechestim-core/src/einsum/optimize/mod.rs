//! Contraction-path optimizers, chosen by the names users know from NumPy and
//! opt_einsum: `optimal`, `dp`, `branch-all`, `branch-2`, `branch-1`,
//! `greedy`, `random-greedy`, `random-greedy-128`, `auto` and `auto-hq`, or
//! an explicit path. Every optimizer works on float estimates; the path it
//! returns is then priced exactly by [`Contraction::steps`].

mod auto;
mod branch;
mod dp;
mod exact;
mod greedy;
mod reconfigure;
mod rng;

use super::network::{ssa_to_linear, Minimize, Network, Score};
use super::parse::Contraction;
use crate::error::{Error, Result};

pub use exact::MAX_OPERANDS as OPTIMAL_MAX_OPERANDS;

/// A path-search strategy.
#[derive(Clone, Debug, PartialEq)]
pub enum Optimizer {
    /// No optimization: every operand in one step (NumPy's `optimize=False`).
    Naive,
    /// The exact optimum over all pairwise trees, outer products included.
    Optimal,
    /// Dynamic programming over connected subgraphs.
    Dp,
    /// Branch and bound exploring `Some(k)` best pairs per step, or all.
    Branch(Option<usize>),
    /// Greedy by memory removed.
    Greedy,
    /// The best of `repeats` randomized greedy runs (seeded).
    RandomGreedy(usize),
    /// Chosen by size within a small time budget.
    Auto,
    /// Like `Auto` with a larger time budget.
    AutoHq,
    /// This path, in linear form.
    Explicit(Vec<Vec<usize>>),
}

impl Optimizer {
    /// The optimizer called `name`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the accepted names.
    pub fn parse(name: &str) -> Result<Self> {
        Ok(match name {
            "optimal" => Optimizer::Optimal,
            "dp" | "dynamic-programming" => Optimizer::Dp,
            "branch-all" => Optimizer::Branch(None),
            "branch-2" => Optimizer::Branch(Some(2)),
            "branch-1" => Optimizer::Branch(Some(1)),
            "greedy" | "eager" | "opportunistic" => Optimizer::Greedy,
            "random-greedy" => Optimizer::RandomGreedy(32),
            "random-greedy-128" => Optimizer::RandomGreedy(128),
            "auto" => Optimizer::Auto,
            "auto-hq" => Optimizer::AutoHq,
            "naive" => Optimizer::Naive,
            _ => {
                return Err(Error::InvalidArgument(format!(
                    "unknown path optimizer {name:?}: use one of 'auto', 'auto-hq', 'optimal', \
                     'dp', 'branch-all', 'branch-2', 'branch-1', 'greedy', 'random-greedy', \
                     'random-greedy-128', or an explicit path"
                )))
            }
        })
    }
}

/// Settings shared by the optimizers.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// What to minimize (FLOPs by default).
    pub minimize: Minimize,
    /// Largest intermediate allowed, in elements; steps that would exceed it
    /// are avoided, and if nothing else is possible the remaining operands
    /// are contracted in one step.
    pub memory_limit: Option<u64>,
    /// Seed of the randomized searches.
    pub seed: u64,
    /// Whether `dp` also combines sets that share no label (outer products).
    /// `None`: only when the expression has at most 12 operands, where the
    /// search over all subsets is exact and cheap.
    pub search_outer: Option<bool>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            minimize: Minimize::Flops,
            memory_limit: None,
            seed: 0,
            search_outer: None,
        }
    }
}

/// Operands up to which `dp` searches all subsets by default.
const DP_OUTER_MAX: usize = 12;
/// Operands up to which `branch-*` also takes the exact optimum if cheaper.
const BRANCH_EXACT_MAX: usize = 10;

/// Find a contraction path for `c` (linear form, as NumPy and opt_einsum).
///
/// ```
/// use mechestim_core::einsum::{find_path, Contraction, Optimizer, Options};
/// let c = Contraction::parse("ij,jk,kl->il", &[&[10, 20], &[20, 30], &[30, 5]]).unwrap();
/// let path = find_path(&c, &Optimizer::Auto, &Options::default()).unwrap();
/// assert_eq!(path, vec![vec![1, 2], vec![0, 1]]);
/// assert_eq!(c.path_cost(&path).unwrap(), 8_000);
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`] when `optimal` is asked for more than
/// [`OPTIMAL_MAX_OPERANDS`] operands or `dp` meets a connected component of
/// more than 64; [`Error::Subscripts`] for an invalid explicit path.
pub fn find_path(
    c: &Contraction,
    optimizer: &Optimizer,
    options: &Options,
) -> Result<Vec<Vec<usize>>> {
    let n = c.inputs.len();
    if let Optimizer::Explicit(path) = optimizer {
        c.steps(path)?;
        return Ok(path.clone());
    }
    if n == 1 {
        return Ok(vec![vec![0]]);
    }
    if *optimizer == Optimizer::Naive {
        return Ok(vec![(0..n).collect()]);
    }
    let net = Network::from_contraction(c);
    let mut ssa = search(&net, optimizer, options)?;
    if let Some(reduced) = with_lone_indices_summed_first(&net, optimizer, options)? {
        let limit = options.memory_limit.map(|m| m as f64);
        ssa = better_of(&net, options.minimize, limit, ssa, Some(reduced));
    }
    Ok(ssa_to_linear(&ssa, n))
}

/// The same search after first summing, operand by operand, the indices that
/// appear in that operand only (and not in the output), as single-operand
/// steps. Returns `None` when no operand has such an index.
fn with_lone_indices_summed_first(
    net: &Network,
    optimizer: &Optimizer,
    options: &Options,
) -> Result<Option<Vec<Vec<usize>>>> {
    let n = net.inputs.len();
    let counts = net.label_counts();
    let mut reduced = net.clone();
    let mut first: Vec<Vec<usize>> = Vec::new();
    let mut id_of: Vec<usize> = (0..n).collect();
    for (k, t) in net.inputs.iter().enumerate() {
        let lone: Vec<_> = t
            .iter()
            .filter(|&l| counts[l as usize] == 1 && !net.output.contains(l))
            .collect();
        if !lone.is_empty() {
            for l in lone {
                reduced.inputs[k].remove(l);
            }
            first.push(vec![k]);
            id_of[k] = n + first.len() - 1;
        }
    }
    if first.is_empty() {
        return Ok(None);
    }
    let rest = search(&reduced, optimizer, options)?;
    let shift = first.len();
    let mut ssa = first;
    for merge in rest {
        ssa.push(
            merge
                .into_iter()
                .map(|id| if id < n { id_of[id] } else { id + shift })
                .collect(),
        );
    }
    Ok(Some(ssa))
}

fn search(net: &Network, optimizer: &Optimizer, o: &Options) -> Result<Vec<Vec<usize>>> {
    let n = net.inputs.len();
    let limit = o.memory_limit.map(|m| m as f64);
    let how = o.minimize;
    let greedy_path = || greedy::greedy(net, limit, None);
    Ok(match optimizer {
        Optimizer::Optimal => {
            if n > exact::MAX_OPERANDS {
                return Err(Error::InvalidArgument(format!(
                    "'optimal' searches every tree and is limited to {} operands (got {n}); \
                     use 'dp' or 'auto-hq'",
                    exact::MAX_OPERANDS
                )));
            }
            exact_or(net, how, limit, greedy_path)
        }
        Optimizer::Dp => {
            let outer = o.search_outer.unwrap_or(n <= DP_OUTER_MAX);
            if outer && n <= exact::MAX_OPERANDS {
                exact_or(net, how, limit, greedy_path)
            } else {
                match dp::dp(net, how, limit, None, None) {
                    Ok(p) => p,
                    Err(dp::DpFailure::TooLarge) => {
                        return Err(Error::InvalidArgument(format!(
                            "'dp' handles connected groups of at most {} operands; use 'auto' or 'auto-hq'",
                            dp::MAX_COMPONENT
                        )))
                    }
                    Err(_) => greedy_path(),
                }
            }
        }
        Optimizer::Branch(k) => {
            let g = greedy_path();
            let bound = net.score_ssa(&g, how, limit).map(|s| (g.clone(), s));
            let mut best = branch::branch(net, *k, limit, how, bound).map_or(g, |b| b.0);
            if n <= BRANCH_EXACT_MAX {
                best = better_of(
                    net,
                    how,
                    limit,
                    best,
                    exact::exact(&net.inputs, &net.output, &net.sizes, how, limit).map(|e| e.0),
                );
            }
            best
        }
        Optimizer::Greedy => greedy_path(),
        Optimizer::RandomGreedy(repeats) => random_greedy(net, how, limit, *repeats, o.seed).0,
        Optimizer::Auto => auto::auto(net, how, limit, o.seed, false),
        Optimizer::AutoHq => auto::auto(net, how, limit, o.seed, true),
        Optimizer::Naive | Optimizer::Explicit(_) => unreachable!("handled by find_path"),
    })
}

fn exact_or(
    net: &Network,
    how: Minimize,
    limit: Option<f64>,
    fallback: impl FnOnce() -> Vec<Vec<usize>>,
) -> Vec<Vec<usize>> {
    exact::exact(&net.inputs, &net.output, &net.sizes, how, limit).map_or_else(fallback, |e| e.0)
}

/// The better-scoring of two SSA paths (`a` on ties).
pub(super) fn better_of(
    net: &Network,
    how: Minimize,
    limit: Option<f64>,
    a: Vec<Vec<usize>>,
    b: Option<Vec<Vec<usize>>>,
) -> Vec<Vec<usize>> {
    let Some(b) = b else { return a };
    let sa = net.score_ssa(&a, how, limit).unwrap_or(Score::INFINITE);
    let sb = net.score_ssa(&b, how, limit).unwrap_or(Score::INFINITE);
    if sb.better_than(sa) {
        b
    } else {
        a
    }
}

/// The best of `repeats` greedy runs: the first deterministic, the rest
/// sampled with random heuristic weights and temperatures from `seed`.
/// Returns the path and its score.
pub(super) fn random_greedy(
    net: &Network,
    how: Minimize,
    limit: Option<f64>,
    repeats: usize,
    seed: u64,
) -> (Vec<Vec<usize>>, Score) {
    random_greedy_top(net, how, limit, repeats, seed, 1)
        .into_iter()
        .next()
        .expect("the deterministic run always yields a path")
}

/// The `keep` best distinct-scoring paths of `repeats` greedy runs (see
/// [`random_greedy`]), best first.
pub(super) fn random_greedy_top(
    net: &Network,
    how: Minimize,
    limit: Option<f64>,
    repeats: usize,
    seed: u64,
    keep: usize,
) -> Vec<(Vec<Vec<usize>>, Score)> {
    let mut rng = rng::Rng::new(seed);
    let first = greedy::greedy(net, limit, None);
    let first_score = net.score_ssa(&first, how, limit).unwrap_or(Score::INFINITE);
    let mut top = vec![(first, first_score)];
    for _ in 1..repeats {
        let temperature = 10f64.powf(rng.uniform(-2.0, 0.0));
        let costmod = rng.uniform(0.5, 2.0);
        let path = greedy::greedy(
            net,
            limit,
            Some(greedy::Thermal {
                rng: &mut rng,
                temperature,
                costmod,
                nbranch: 8,
            }),
        );
        let Some(s) = net.score_ssa(&path, how, limit) else {
            continue;
        };
        if top.iter().any(|(_, t)| *t == s) {
            continue;
        }
        let at = top
            .iter()
            .position(|(_, t)| s.better_than(*t))
            .unwrap_or(top.len());
        if at < keep {
            top.insert(at, (path, s));
            top.truncate(keep);
        }
    }
    top
}

#[cfg(test)]
mod tests;
