//! Dynamic programming over connected subgraphs (the method of Liang et al.,
//! as in opt_einsum's `dp`): the best tree for every connected set of
//! operands, built by size from pairs of disjoint connected sets that share a
//! label, under a cost cap that grows until the whole network is reached.
//! Disconnected components are solved apart and joined by outer products,
//! smallest first.

use std::collections::HashMap;

use super::super::bitset::LabelSet;
use super::super::network::{op_factor, Minimize, Network, Score};

/// Most operands one connected component may have (sets are 64-bit masks).
pub const MAX_COMPONENT: usize = 64;

#[derive(Clone)]
struct Entry {
    score: Score,
    term: LabelSet,
    /// The two parts this set was made from (0 for a single operand).
    parts: (u64, u64),
}

/// Why the search stopped without a path.
#[derive(Debug, PartialEq, Eq)]
pub enum DpFailure {
    /// A component has more than [`MAX_COMPONENT`] operands.
    TooLarge,
    /// The work limit was reached.
    OutOfWork,
    /// The memory limit forbids every tree.
    Memory,
}

/// The components of `net`: operands joined by shared labels.
pub fn components(net: &Network) -> Vec<Vec<usize>> {
    let n = net.inputs.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let next = p[y];
            p[y] = r;
            y = next;
        }
        r
    }
    let mut first_holder: Vec<Option<usize>> = vec![None; net.num_labels()];
    for (i, t) in net.inputs.iter().enumerate() {
        for l in t.iter() {
            match first_holder[l as usize] {
                Some(j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a] = b;
                }
                None => first_holder[l as usize] = Some(i),
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        let g = *index.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    groups
}

/// Connected-subgraph dynamic programming over `net`. `work` bounds the number
/// of candidate pairs examined (`None`: unbounded); `cap`, a known achievable
/// score, starts the cost cap there instead of growing it from the output size.
/// Returns an SSA path.
pub fn dp(
    net: &Network,
    how: Minimize,
    memory_limit: Option<f64>,
    work: Option<u64>,
    cap: Option<f64>,
) -> Result<Vec<Vec<usize>>, DpFailure> {
    let n = net.inputs.len();
    if n == 1 {
        return Ok(vec![vec![0]]);
    }
    let mut budget = work.unwrap_or(u64::MAX);
    let mut ssa: Vec<Vec<usize>> = Vec::new();
    let mut roots: Vec<(usize, LabelSet)> = Vec::new();
    for comp in components(net) {
        if comp.len() > MAX_COMPONENT {
            return Err(DpFailure::TooLarge);
        }
        let (root, term) =
            solve_component(net, &comp, how, memory_limit, cap, &mut budget, &mut ssa)?;
        roots.push((root, term));
    }
    // Join the components by outer products, smallest first.
    let mut left: Vec<(f64, usize, LabelSet)> = roots
        .into_iter()
        .map(|(id, t)| (net.size(&t), id, t))
        .collect();
    while left.len() > 1 {
        left.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let (_, a, ta) = left.remove(0);
        let (_, b, tb) = left.remove(0);
        let term = ta.union(&tb).intersection(&net.output);
        let size = net.size(&term);
        if left.is_empty() || memory_limit.is_none_or(|m| size <= m) {
            ssa.push(vec![a, b]);
            left.push((size, n + ssa.len() - 1, term));
        } else {
            let mut ids = vec![a, b];
            ids.extend(left.iter().map(|x| x.1));
            ssa.push(ids);
            break;
        }
    }
    Ok(ssa)
}

fn solve_component(
    net: &Network,
    comp: &[usize],
    how: Minimize,
    memory_limit: Option<f64>,
    start_cap: Option<f64>,
    budget: &mut u64,
    ssa: &mut Vec<Vec<usize>>,
) -> Result<(usize, LabelSet), DpFailure> {
    let m = comp.len();
    let n = net.inputs.len();
    if m == 1 {
        return Ok((comp[0], net.inputs[comp[0]].clone()));
    }
    let counts = net.label_counts();
    // For each label: which operands of the component hold it, and whether it
    // is needed outside the component (the output).
    let mut holders: Vec<u64> = vec![0; net.num_labels()];
    let mut neighbours = vec![0u64; m];
    for (i, &t) in comp.iter().enumerate() {
        for l in net.inputs[t].iter() {
            holders[l as usize] |= 1 << i;
        }
    }
    for (i, &t) in comp.iter().enumerate() {
        for l in net.inputs[t].iter() {
            neighbours[i] |= holders[l as usize];
        }
        neighbours[i] &= !(1 << i);
    }
    let all: u64 = if m == 64 { u64::MAX } else { (1u64 << m) - 1 };
    let kept_of = |union: &LabelSet, s: u64| -> LabelSet {
        let mut kept = union.clone();
        for l in union.iter() {
            let inside = holders[l as usize];
            let needed_outside = inside & !s != 0 || counts[l as usize] > inside.count_ones();
            if !needed_outside && !net.output.contains(l) {
                kept.remove(l);
            }
        }
        kept
    };

    let output_part = comp
        .iter()
        .fold(LabelSet::empty(net.num_labels()), |acc, &t| {
            acc.union(&net.inputs[t])
        })
        .intersection(&net.output);
    let mut cap = start_cap.unwrap_or_else(|| net.size(&output_part).max(1.0));
    let increment = comp
        .iter()
        .flat_map(|&t| net.inputs[t].iter())
        .map(|l| net.sizes[l as usize])
        .fold(f64::INFINITY, f64::min)
        .max(2.0);

    loop {
        let mut x: Vec<HashMap<u64, Entry>> = vec![HashMap::new(); m + 1];
        for (i, &t) in comp.iter().enumerate() {
            x[1].insert(
                1 << i,
                Entry {
                    score: Score::default(),
                    term: net.inputs[t].clone(),
                    parts: (0, 0),
                },
            );
        }
        let mut any_capped = false;
        for size in 2..=m {
            let mut found: HashMap<u64, Entry> = HashMap::new();
            for k in 1..=size / 2 {
                let left: Vec<(&u64, &Entry)> = x[k].iter().collect();
                let right: Vec<(&u64, &Entry)> = x[size - k].iter().collect();
                for &(&s1, e1) in &left {
                    let nb1 = s1.iter_bits().fold(0u64, |acc, i| acc | neighbours[i]) & !s1;
                    for &(&s2, e2) in &right {
                        *budget = budget.checked_sub(1).ok_or(DpFailure::OutOfWork)?;
                        if s1 & s2 != 0 || nb1 & s2 == 0 || (k == size - k && s1 >= s2) {
                            continue;
                        }
                        let s = s1 | s2;
                        let union = e1.term.union(&e2.term);
                        let kept = kept_of(&union, s);
                        let ksize = net.size(&kept);
                        if s != all && memory_limit.is_some_and(|lim| ksize > lim) {
                            continue;
                        }
                        let flops = net.size(&union) * op_factor(2, kept.len() < union.len());
                        let total = e1.score.then(e2.score, how).then(
                            Score {
                                primary: how.step(flops, ksize),
                                flops,
                            },
                            how,
                        );
                        if total.primary > cap {
                            any_capped = true;
                            continue;
                        }
                        if found.get(&s).is_none_or(|e| total.better_than(e.score)) {
                            found.insert(
                                s,
                                Entry {
                                    score: total,
                                    term: kept,
                                    parts: (s1.min(s2), s1.max(s2)),
                                },
                            );
                        }
                    }
                }
            }
            x[size] = found;
        }
        if let Some(root) = x[m].get(&all) {
            let term = root.term.clone();
            let id = unfold(all, &x, comp, n, ssa);
            return Ok((id, term));
        }
        if !any_capped {
            return Err(DpFailure::Memory);
        }
        cap *= increment;
    }
}

fn unfold(
    s: u64,
    x: &[HashMap<u64, Entry>],
    comp: &[usize],
    n: usize,
    ssa: &mut Vec<Vec<usize>>,
) -> usize {
    let k = s.count_ones() as usize;
    if k == 1 {
        return comp[s.trailing_zeros() as usize];
    }
    let (a, b) = x[k][&s].parts;
    let ia = unfold(a, x, comp, n, ssa);
    let ib = unfold(b, x, comp, n, ssa);
    ssa.push(vec![ia, ib]);
    n + ssa.len() - 1
}

trait Bits {
    fn iter_bits(self) -> impl Iterator<Item = usize>;
}

impl Bits for u64 {
    fn iter_bits(self) -> impl Iterator<Item = usize> {
        let mut w = self;
        std::iter::from_fn(move || {
            if w == 0 {
                return None;
            }
            let b = w.trailing_zeros() as usize;
            w &= w - 1;
            Some(b)
        })
    }
}
