//! Optimizers against brute force: every pairwise path of small random
//! expressions is enumerated and priced exactly by `Contraction::path_cost`.

use super::*;
use crate::einsum::optimize::rng::Rng;

/// A random expression: `n` operands over `letters` labels of sizes 1..=5.
fn random_expression(rng: &mut Rng, n: usize, letters: usize) -> (String, Vec<Vec<u64>>) {
    let alphabet: Vec<char> = "abcdefghijkl".chars().take(letters).collect();
    let sizes: Vec<u64> = (0..letters).map(|_| 1 + rng.next_u64() % 5).collect();
    let mut terms = Vec::new();
    let mut shapes = Vec::new();
    let mut used = vec![false; letters];
    for _ in 0..n {
        let rank = 1 + (rng.next_u64() % 3) as usize;
        let mut term = String::new();
        let mut shape = Vec::new();
        for _ in 0..rank {
            let l = (rng.next_u64() % letters as u64) as usize;
            if !term.contains(alphabet[l]) {
                term.push(alphabet[l]);
                shape.push(sizes[l]);
                used[l] = true;
            }
        }
        terms.push(term);
        shapes.push(shape);
    }
    let output: String = (0..letters)
        .filter(|&l| used[l] && rng.next_u64() % 3 == 0)
        .map(|l| alphabet[l])
        .collect();
    (format!("{}->{}", terms.join(","), output), shapes)
}

/// The cheapest cost over every pairwise path (linear form), by enumeration,
/// either directly or after first summing each operand's lone indices (those
/// in no other operand and not in the output) in single-operand steps.
fn brute_force(c: &Contraction) -> u64 {
    let n = c.inputs.len();
    let lone = |k: usize| {
        c.inputs[k].iter().any(|l| {
            !c.output.contains(l)
                && c.inputs
                    .iter()
                    .enumerate()
                    .all(|(j, t)| j == k || !t.contains(l))
        })
    };
    let mut prefix = Vec::new();
    let mut current: Vec<usize> = (0..n).collect();
    for k in (0..n).filter(|&k| lone(k)) {
        let pos = current.iter().position(|&x| x == k).unwrap();
        prefix.push(vec![pos]);
        current.remove(pos);
        current.push(usize::MAX);
    }
    let mut best = u64::MAX;
    go(c, n, &mut Vec::new(), &mut best);
    if !prefix.is_empty() {
        go(c, n, &mut prefix, &mut best);
    }
    return best;

    fn go(c: &Contraction, remaining: usize, path: &mut Vec<Vec<usize>>, best: &mut u64) {
        if remaining == 1 {
            *best = (*best).min(c.path_cost(path).unwrap());
            return;
        }
        for i in 0..remaining {
            for j in i + 1..remaining {
                path.push(vec![i, j]);
                go(c, remaining - 1, path, best);
                path.pop();
            }
        }
    }
}

fn parse(s: &str, shapes: &[Vec<u64>]) -> Contraction {
    let refs: Vec<&[u64]> = shapes.iter().map(Vec::as_slice).collect();
    Contraction::parse(s, &refs).unwrap()
}

fn cost_of(c: &Contraction, name: &str) -> u64 {
    let path = find_path(c, &Optimizer::parse(name).unwrap(), &Options::default()).unwrap();
    c.path_cost(&path).unwrap()
}

const ALL: [&str; 10] = [
    "optimal",
    "dp",
    "branch-all",
    "branch-2",
    "branch-1",
    "greedy",
    "random-greedy",
    "random-greedy-128",
    "auto",
    "auto-hq",
];

#[test]
fn optimal_and_dp_equal_brute_force_and_the_rest_are_valid() {
    let mut rng = Rng::new(2024);
    for case in 0..300 {
        let n = 2 + case % 5;
        let (s, shapes) = random_expression(&mut rng, n, 3 + case % 6);
        let c = parse(&s, &shapes);
        let truth = brute_force(&c);
        for name in ALL {
            let cost = cost_of(&c, name);
            assert!(cost >= truth, "{name} below brute force on {s} {shapes:?}");
            if matches!(
                name,
                "optimal" | "dp" | "auto" | "auto-hq" | "branch-all" | "branch-2" | "branch-1"
            ) {
                assert_eq!(cost, truth, "{name} on {s} {shapes:?}");
            }
        }
    }
}

#[test]
fn outer_products_are_found_when_cheaper() {
    // i,j,ijk->k with i=j=2, k=10: outer(i,j) first costs 4 + 2*40 = 84;
    // without an outer product the best is 2*40 + 2*20 = 120.
    let c = parse("i,j,ijk->k", &[vec![2], vec![2], vec![2, 2, 10]]);
    assert_eq!(brute_force(&c), 84);
    assert_eq!(cost_of(&c, "optimal"), 84);
    assert_eq!(cost_of(&c, "dp"), 84);
    assert_eq!(cost_of(&c, "auto"), 84);
}

#[test]
fn connected_dp_matches_exact_when_outer_products_do_not_help() {
    // A ring of 14 matrices: beyond the default all-subset range of dp, so
    // this exercises the connected-subgraph search.
    let letters: Vec<char> = "abcdefghijklmn".chars().collect();
    let terms: Vec<String> = (0..14)
        .map(|i| format!("{}{}", letters[i], letters[(i + 1) % 14]))
        .collect();
    let mut rng = Rng::new(5);
    let sizes: Vec<u64> = (0..14).map(|_| 2 + rng.next_u64() % 4).collect();
    let shapes: Vec<Vec<u64>> = (0..14)
        .map(|i| vec![sizes[i], sizes[(i + 1) % 14]])
        .collect();
    let c = parse(&format!("{}->", terms.join(",")), &shapes);
    let exact = cost_of(&c, "optimal");
    assert_eq!(cost_of(&c, "dp"), exact);
    assert!(cost_of(&c, "auto") <= cost_of(&c, "greedy"));
}

#[test]
fn explicit_paths_are_charged_as_given() {
    let c = parse("ij,jk,kl->il", &[vec![10, 20], vec![20, 30], vec![30, 5]]);
    let path = vec![vec![0, 1], vec![0, 1]];
    let got = find_path(&c, &Optimizer::Explicit(path.clone()), &Options::default()).unwrap();
    assert_eq!(got, path);
    assert_eq!(c.path_cost(&got).unwrap(), 15_000);
    assert!(find_path(
        &c,
        &Optimizer::Explicit(vec![vec![0, 1]]),
        &Options::default()
    )
    .is_err());
    assert_eq!(cost_of(&c, "naive"), c.naive_cost().unwrap());
}

#[test]
fn memory_limit_is_respected() {
    // The best path makes a 100-element intermediate (B·C); with a limit of
    // 60 elements only A·B·C in one step or paths through A·B (300) remain,
    // so everything left is contracted at once.
    let c = parse("ij,jk,kl->il", &[vec![10, 20], vec![20, 30], vec![30, 5]]);
    let options = Options {
        memory_limit: Some(60),
        ..Options::default()
    };
    for name in ALL {
        let path = find_path(&c, &Optimizer::parse(name).unwrap(), &options).unwrap();
        let steps = c.steps(&path).unwrap();
        for s in &steps[..steps.len() - 1] {
            let size: u64 = s.kept.iter().map(|&l| c.sizes[l as usize]).product();
            assert!(size <= 60, "{name}: {path:?}");
        }
    }
}

#[test]
fn random_greedy_is_reproducible_and_no_worse_than_greedy() {
    let mut rng = Rng::new(99);
    for _ in 0..20 {
        let (s, shapes) = random_expression(&mut rng, 9, 10);
        let c = parse(&s, &shapes);
        let o = Options {
            seed: 3,
            ..Options::default()
        };
        let a = find_path(&c, &Optimizer::RandomGreedy(32), &o).unwrap();
        let b = find_path(&c, &Optimizer::RandomGreedy(32), &o).unwrap();
        assert_eq!(a, b);
        assert!(c.path_cost(&a).unwrap() <= cost_of(&c, "greedy"));
    }
}

#[test]
fn every_optimizer_handles_many_operands() {
    // A 5x5 lattice of bond dimension 2 (25 tensors): every optimizer except
    // the exhaustive one returns a valid path.
    let mut terms = Vec::new();
    let mut shapes = Vec::new();
    let label = |r: usize, c: usize, h: bool| -> char {
        char::from_u32(0x100 + (r * 5 + c) as u32 * 2 + u32::from(h)).unwrap()
    };
    for r in 0..5 {
        for col in 0..5 {
            let mut t = String::new();
            if col + 1 < 5 {
                t.push(label(r, col, true));
            }
            if col > 0 {
                t.push(label(r, col - 1, true));
            }
            if r + 1 < 5 {
                t.push(label(r, col, false));
            }
            if r > 0 {
                t.push(label(r - 1, col, false));
            }
            shapes.push(vec![2; t.chars().count()]);
            terms.push(t);
        }
    }
    let c = parse(&format!("{}->", terms.join(",")), &shapes);
    let greedy = cost_of(&c, "greedy");
    for name in ["branch-1", "random-greedy", "auto", "auto-hq"] {
        let cost = cost_of(&c, name);
        assert!(cost > 0);
        if name.starts_with("auto") || name == "random-greedy" {
            assert!(cost <= greedy, "{name}");
        }
    }
    assert!(find_path(&c, &Optimizer::Optimal, &Options::default()).is_err());
}
