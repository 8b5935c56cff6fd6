//! Subtree reconfiguration: take a contraction tree, cut out small subtrees
//! (up to `k` frontier tensors each) and replace each by the exact optimum for
//! its frontier. A subtree's result keeps the same labels whatever its inner
//! order, so every improvement is local and the whole tree only gets cheaper.

use super::super::bitset::LabelSet;
use super::super::network::{op_factor, Minimize, Network, Score};
use super::exact::exact;

struct Node {
    term: LabelSet,
    children: Option<(usize, usize)>,
    score: Score,
}

struct Tree<'n> {
    net: &'n Network,
    nodes: Vec<Node>,
    root: usize,
    how: Minimize,
}

impl Tree<'_> {
    fn step_score(&self, a: &LabelSet, b: &LabelSet, kept: &LabelSet) -> Score {
        let union = a.union(b);
        let flops = self.net.size(&union) * op_factor(2, kept.len() < union.len());
        Score {
            primary: self.how.step(flops, self.net.size(kept)),
            flops,
        }
    }

    /// Grow a frontier under `top`: repeatedly open the frontier node whose own
    /// step is the most expensive (`by_size`: whose result is the largest),
    /// until `k` tensors or only leaves remain.
    fn frontier(&self, top: usize, k: usize, by_size: bool) -> (Vec<usize>, Vec<usize>) {
        let weight = |f: usize| {
            if by_size {
                self.net.size(&self.nodes[f].term)
            } else {
                self.nodes[f].score.flops
            }
        };
        let mut frontier = vec![top];
        let mut opened = Vec::new();
        while frontier.len() < k {
            let pick = frontier
                .iter()
                .enumerate()
                .filter(|(_, &f)| self.nodes[f].children.is_some())
                .max_by(|a, b| weight(*a.1).total_cmp(&weight(*b.1)))
                .map(|(i, _)| i);
            let Some(i) = pick else { break };
            let node = frontier.swap_remove(i);
            let (a, b) = self.nodes[node].children.expect("an internal node");
            opened.push(node);
            frontier.push(a);
            frontier.push(b);
        }
        (frontier, opened)
    }

    fn try_improve(
        &mut self,
        top: usize,
        k: usize,
        by_size: bool,
        memory_limit: Option<f64>,
    ) -> bool {
        let (frontier, opened) = self.frontier(top, k, by_size);
        if frontier.len() < 3 {
            return false;
        }
        let old = opened.iter().fold(Score::default(), |acc, &o| {
            acc.then(self.nodes[o].score, self.how)
        });
        let leaves: Vec<LabelSet> = frontier
            .iter()
            .map(|&f| self.nodes[f].term.clone())
            .collect();
        let output = self.nodes[top].term.clone();
        let Some((merges, new)) = exact(&leaves, &output, &self.net.sizes, self.how, memory_limit)
        else {
            return false;
        };
        if !clearly_better(new, old) {
            return false;
        }
        // Reuse the opened nodes' slots; the last merge becomes `top` itself.
        let mut slots: Vec<usize> = opened.into_iter().filter(|&o| o != top).collect();
        let mut ids: Vec<usize> = frontier.clone();
        for (j, merge) in merges.iter().enumerate() {
            let (a, b) = (ids[merge[0]], ids[merge[1]]);
            let slot = if j + 1 == merges.len() {
                top
            } else {
                slots.pop().expect("one slot per inner merge")
            };
            let term = if slot == top {
                output.clone()
            } else {
                let union = self.nodes[a].term.union(&self.nodes[b].term);
                let mut kept = union.clone();
                // Labels needed by the rest of the frontier or by `top`'s result.
                for l in union.iter() {
                    let elsewhere = output.contains(l)
                        || frontier.iter().enumerate().any(|(fi, &f)| {
                            !subtree_of(merges.as_slice(), j, fi, frontier.len())
                                && self.nodes[f].term.contains(l)
                        });
                    if !elsewhere {
                        kept.remove(l);
                    }
                }
                kept
            };
            let score = self.step_score(&self.nodes[a].term, &self.nodes[b].term, &term);
            self.nodes[slot] = Node {
                term,
                children: Some((a, b)),
                score,
            };
            ids.push(slot);
        }
        true
    }

    fn internal_postorder(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![(self.root, false)];
        while let Some((id, done)) = stack.pop() {
            if let Some((a, b)) = self.nodes[id].children {
                if done {
                    out.push(id);
                } else {
                    stack.push((id, true));
                    stack.push((a, false));
                    stack.push((b, false));
                }
            }
        }
        out
    }

    fn to_ssa(&self, n: usize) -> Vec<Vec<usize>> {
        let mut ssa = Vec::with_capacity(n);
        let mut id_of: Vec<usize> = (0..self.nodes.len())
            .map(|i| if i < n { i } else { usize::MAX })
            .collect();
        for node in self.internal_postorder() {
            let (a, b) = self.nodes[node].children.expect("an internal node");
            ssa.push(vec![id_of[a], id_of[b]]);
            id_of[node] = n + ssa.len() - 1;
        }
        ssa
    }
}

/// `new` beats `old` by more than rounding.
fn clearly_better(new: Score, old: Score) -> bool {
    let tol = 1e-12;
    new.primary < old.primary * (1.0 - tol)
        || (new.primary <= old.primary && new.flops < old.flops * (1.0 - tol))
}

/// Whether frontier member `fi` ends up inside the tensor made by merge `j`.
fn subtree_of(merges: &[Vec<usize>], j: usize, fi: usize, nleaves: usize) -> bool {
    let mut stack = vec![nleaves + j];
    while let Some(x) = stack.pop() {
        if x == fi {
            return true;
        }
        if x >= nleaves {
            stack.extend(merges[x - nleaves].iter().copied());
        }
    }
    false
}

/// Improve a pairwise SSA path by reconfiguring subtrees of up to `k` tensors,
/// for `passes` sweeps (stopping early when a sweep finds nothing).
pub fn reconfigure(
    net: &Network,
    ssa: &[Vec<usize>],
    how: Minimize,
    memory_limit: Option<f64>,
    k: usize,
    passes: usize,
) -> Vec<Vec<usize>> {
    let n = net.inputs.len();
    if n < 3 || ssa.iter().any(|m| m.len() != 2) {
        return ssa.to_vec();
    }
    let mut counts = net.label_counts();
    let mut nodes: Vec<Node> = net
        .inputs
        .iter()
        .map(|t| Node {
            term: t.clone(),
            children: None,
            score: Score::default(),
        })
        .collect();
    let mut tree = Tree {
        net,
        nodes: Vec::new(),
        root: 0,
        how,
    };
    for merge in ssa {
        let (a, b) = (merge[0], merge[1]);
        let union = nodes[a].term.union(&nodes[b].term);
        for l in nodes[a].term.iter().chain(nodes[b].term.iter()) {
            counts[l as usize] -= 1;
        }
        let kept = net.kept(&union, &counts);
        for l in kept.iter() {
            counts[l as usize] += 1;
        }
        let score = tree.step_score(&nodes[a].term, &nodes[b].term, &kept);
        nodes.push(Node {
            term: kept,
            children: Some((a, b)),
            score,
        });
    }
    tree.root = nodes.len() - 1;
    tree.nodes = nodes;
    let mut stale = 0;
    for pass in 0..passes {
        let mut improved = false;
        // Subtrees this cheap against the whole path cannot move the total: skip them.
        let order = tree.internal_postorder();
        let mut subtree = vec![0.0f64; tree.nodes.len()];
        for &node in &order {
            let (a, b) = tree.nodes[node].children.expect("an internal node");
            subtree[node] = tree.nodes[node].score.flops + subtree[a] + subtree[b];
        }
        let negligible = subtree[tree.root] * 1e-6;
        for node in order {
            if subtree[node] < negligible {
                continue;
            }
            improved |= tree.try_improve(node, k, pass % 2 == 1, memory_limit);
        }
        // Sweeps alternate how frontiers grow; stop once both find nothing.
        stale = if improved { 0 } else { stale + 1 };
        if stale == 2 {
            break;
        }
    }
    tree.to_ssa(n)
}
