//! Greedy contraction: repeatedly merge the pair of tensors that share a label
//! and shrinks memory the most (`size(result) - size(a) - size(b)`), then join
//! what is left by outer products, smallest first. Tensors with identical
//! label sets are merged first (Hadamard products never grow anything).
//!
//! With a [`Thermal`] chooser the same engine samples among the best few
//! candidates (Boltzmann weights), which is what `random-greedy` repeats.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use super::super::bitset::LabelSet;
use super::super::network::Network;
use super::rng::Rng;

/// Randomization of one greedy run.
pub struct Thermal<'a> {
    pub rng: &'a mut Rng,
    /// Relative temperature of the Boltzmann choice (0 = always the best).
    pub temperature: f64,
    /// Weight of the inputs' sizes in the heuristic.
    pub costmod: f64,
    /// How many of the best candidates to choose among.
    pub nbranch: usize,
}

struct Candidate {
    score: f64,
    hi: usize,
    lo: usize,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    /// Reversed, so that `BinaryHeap` pops the smallest score (ties: lowest ids).
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .score
            .total_cmp(&self.score)
            .then_with(|| other.hi.cmp(&self.hi))
            .then_with(|| other.lo.cmp(&self.lo))
    }
}

struct State<'n> {
    net: &'n Network,
    terms: Vec<LabelSet>,
    size: Vec<f64>,
    alive: Vec<bool>,
    counts: Vec<u32>,
    holders: Vec<Vec<usize>>,
    ssa: Vec<Vec<usize>>,
    memory_limit: Option<f64>,
    costmod: f64,
}

impl State<'_> {
    fn kept(&self, union: &LabelSet, a: &LabelSet, b: &LabelSet) -> LabelSet {
        let mut kept = union.clone();
        for l in union.iter() {
            let own = u32::from(a.contains(l)) + u32::from(b.contains(l));
            if self.counts[l as usize] <= own && !self.net.output.contains(l) {
                kept.remove(l);
            }
        }
        kept
    }

    fn candidate(&self, a: usize, b: usize) -> Option<Candidate> {
        let (ta, tb) = (&self.terms[a], &self.terms[b]);
        let kept = self.kept(&ta.union(tb), ta, tb);
        let size = self.net.size(&kept);
        if self.memory_limit.is_some_and(|m| size > m) {
            return None;
        }
        Some(Candidate {
            score: size - self.costmod * (self.size[a] + self.size[b]),
            hi: a.max(b),
            lo: a.min(b),
        })
    }

    fn add(&mut self, labels: LabelSet) -> usize {
        let id = self.terms.len();
        for l in labels.iter() {
            self.counts[l as usize] += 1;
            self.holders[l as usize].push(id);
        }
        self.size.push(self.net.size(&labels));
        self.terms.push(labels);
        self.alive.push(true);
        id
    }

    fn merge(&mut self, ids: &[usize], kept: Option<LabelSet>) -> usize {
        let mut union = LabelSet::empty(self.net.num_labels());
        for &id in ids {
            self.alive[id] = false;
            union.union_with(&self.terms[id]);
            for l in self.terms[id].iter() {
                self.counts[l as usize] -= 1;
            }
        }
        let kept = kept.unwrap_or_else(|| self.net.kept(&union, &self.counts));
        self.ssa.push(ids.to_vec());
        self.add(kept)
    }

    fn neighbours(&self, id: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.terms[id]
            .iter()
            .flat_map(|l| self.holders[l as usize].iter().copied())
            .filter(|&c| c != id && self.alive[c])
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// One greedy run over `net`, as an SSA path.
pub fn greedy(
    net: &Network,
    memory_limit: Option<f64>,
    mut thermal: Option<Thermal<'_>>,
) -> Vec<Vec<usize>> {
    let n = net.inputs.len();
    if n == 1 {
        return vec![vec![0]];
    }
    let mut st = State {
        net,
        terms: Vec::with_capacity(2 * n),
        size: Vec::with_capacity(2 * n),
        alive: Vec::with_capacity(2 * n),
        counts: vec![0; net.num_labels()],
        holders: vec![Vec::new(); net.num_labels()],
        ssa: Vec::with_capacity(n),
        memory_limit,
        costmod: thermal.as_ref().map_or(1.0, |t| t.costmod),
    };
    for t in &net.inputs {
        st.add(t.clone());
    }

    // Hadamard products of identical label sets first.
    let mut seen: HashMap<LabelSet, usize> = HashMap::new();
    for id in 0..n {
        match seen.get(&st.terms[id]).copied() {
            Some(prev) => {
                let labels = st.terms[id].clone();
                let fits = memory_limit.is_none_or(|m| net.size(&labels) <= m);
                if fits {
                    let new = st.merge(&[prev, id], None);
                    seen.insert(st.terms[new].clone(), new);
                }
            }
            None => {
                seen.insert(st.terms[id].clone(), id);
            }
        }
    }

    let mut heap = BinaryHeap::new();
    for a in 0..st.terms.len() {
        if !st.alive[a] {
            continue;
        }
        for b in st.neighbours(a) {
            if b > a {
                heap.extend(st.candidate(a, b));
            }
        }
    }

    loop {
        let chosen = match thermal.as_mut() {
            None => pop_valid(&mut heap, &st.alive),
            Some(t) => choose_thermal(&mut heap, &st.alive, t),
        };
        let Some(c) = chosen else { break };
        let new = st.merge(&[c.lo, c.hi], None);
        for b in st.neighbours(new) {
            heap.extend(st.candidate(new, b));
        }
    }

    // Outer products of what is left, smallest first.
    let mut left: Vec<usize> = (0..st.terms.len()).filter(|&i| st.alive[i]).collect();
    while left.len() > 1 {
        left.sort_by(|&a, &b| st.size[a].total_cmp(&st.size[b]).then(a.cmp(&b)));
        let (a, b) = (left[0], left[1]);
        let cand = st.candidate(a, b);
        if cand.is_none() && left.len() > 2 {
            // The memory limit forbids any further pair: finish in one step.
            st.merge(&left, None);
            break;
        }
        let new = st.merge(&[a.min(b), a.max(b)], None);
        left.drain(..2);
        left.push(new);
    }
    st.ssa
}

fn pop_valid(heap: &mut BinaryHeap<Candidate>, alive: &[bool]) -> Option<Candidate> {
    while let Some(c) = heap.pop() {
        if alive[c.lo] && alive[c.hi] {
            return Some(c);
        }
    }
    None
}

fn choose_thermal(
    heap: &mut BinaryHeap<Candidate>,
    alive: &[bool],
    t: &mut Thermal<'_>,
) -> Option<Candidate> {
    let mut choices = Vec::with_capacity(t.nbranch);
    while choices.len() < t.nbranch {
        match pop_valid(heap, alive) {
            Some(c) => choices.push(c),
            None => break,
        }
    }
    if choices.len() <= 1 {
        return choices.pop();
    }
    let cmin = choices[0].score;
    let temperature = t.temperature * cmin.abs().max(1.0);
    let weights: Vec<f64> = choices
        .iter()
        .map(|c| {
            if temperature == 0.0 {
                f64::from(u8::from(c.score == cmin))
            } else {
                (-(c.score - cmin) / temperature).exp()
            }
        })
        .collect();
    let mut r = t.rng.unit() * weights.iter().sum::<f64>();
    let mut pick = 0;
    for (i, w) in weights.iter().enumerate() {
        if r < *w {
            pick = i;
            break;
        }
        r -= w;
        pick = i;
    }
    let chosen = choices.swap_remove(pick);
    heap.extend(choices);
    Some(chosen)
}
