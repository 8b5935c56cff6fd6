//! The report of a contraction path: per-step subscripts, costs, shapes and
//! BLAS kind, and the naive and optimized totals, printed in the layout users
//! know from `numpy.einsum_path` and opt_einsum.

use std::fmt;

use super::parse::{Contraction, Label};
use crate::error::{thousands, Result};

/// How a pairwise step can run on BLAS through `tensordot`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blas {
    /// Both operands fully contracted (a dot product).
    Dot,
    /// A matrix-vector product.
    Gemv,
    /// A matrix-matrix product with no transposition of the inputs.
    Gemm,
    /// A tensordot that needs its inputs transposed.
    Tdot,
    /// An outer product (nothing contracted).
    Outer,
}

impl Blas {
    /// The name printed in reports (`"GEMM"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Blas::Dot => "DOT",
            Blas::Gemv => "GEMV",
            Blas::Gemm => "GEMM",
            Blas::Tdot => "TDOT",
            Blas::Outer => "OUTER",
        }
    }
}

/// One step of a path.
#[derive(Clone, Debug, PartialEq)]
pub struct StepInfo {
    /// Positions, in the operand list current at this step, of what it combines.
    pub operands: Vec<usize>,
    /// The step as an einsum, e.g. `"kl,jk->jl"`.
    pub subscripts: String,
    /// The operands left afterwards and the final output, e.g. `"ij,jl->il"`.
    pub remaining: String,
    /// Exact cost in FLOPs.
    pub cost: u128,
    /// Shape of the step's result.
    pub shape: Vec<u64>,
    /// Number of distinct indices the step loops over.
    pub scaling: usize,
    /// The BLAS kind, when the step is a plain `tensordot`.
    pub blas: Option<Blas>,
    /// For BLAS steps: contracted axes of each operand, and the permutation
    /// that puts `tensordot`'s result in this step's index order.
    pub tensordot: Option<(Vec<usize>, Vec<usize>, Vec<usize>)>,
    /// The step in ASCII letters only (what NumPy's `einsum` accepts), or
    /// `None` if it has more than 52 indices.
    pub ascii: Option<String>,
}

/// A priced contraction path.
#[derive(Clone, Debug, PartialEq)]
pub struct PathInfo {
    /// The whole contraction in explicit form.
    pub subscripts: String,
    /// The path, in linear form.
    pub path: Vec<Vec<usize>>,
    /// One entry per step of `path`.
    pub steps: Vec<StepInfo>,
    /// Cost of doing everything in one step; `None` when it exceeds 64 bits
    /// (large networks), which the path itself may well not.
    pub naive_cost: Option<u128>,
    /// Cost of the path (what `einsum` charges; charging needs it to fit in
    /// 64 bits).
    pub optimized_cost: u128,
    /// Indices of the naive single step.
    pub naive_scaling: usize,
    /// Most indices any step of the path loops over.
    pub optimized_scaling: usize,
    /// Elements of the largest intermediate (the result included).
    pub largest_intermediate: u128,
    /// The result's symmetry (on its axes), when the path was priced with
    /// the operands' symmetries.
    pub output_symmetry: Option<crate::symmetry::PermGroup>,
}

impl PathInfo {
    /// Price `path` for `c` and describe every step.
    ///
    /// ```
    /// use mechestim_core::einsum::{Contraction, PathInfo};
    /// let c = Contraction::parse("ij,jk,kl->il", &[&[10, 20], &[20, 30], &[30, 5]]).unwrap();
    /// let info = PathInfo::new(&c, &[vec![1, 2], vec![0, 1]]).unwrap();
    /// assert_eq!(info.optimized_cost, 8_000);
    /// assert_eq!(info.steps[0].subscripts, "jk,kl->jl");
    /// assert_eq!(info.steps[1].subscripts, "ij,jl->il");
    /// ```
    ///
    /// # Errors
    /// Those of [`Contraction::steps`].
    pub fn new(c: &Contraction, path: &[Vec<usize>]) -> Result<Self> {
        let priced = c.steps(path)?;
        let letters = letters_of(c);
        let term = |t: &[Label]| -> String { t.iter().map(|&l| letters[l as usize]).collect() };
        let mut current: Vec<(Vec<Label>, Vec<u64>)> = c
            .inputs
            .iter()
            .cloned()
            .zip(c.shapes.iter().cloned())
            .collect();
        let mut steps = Vec::with_capacity(path.len());
        let mut largest = 0u128;
        for (i, (positions, step)) in path.iter().zip(&priced).enumerate() {
            let last = i + 1 == path.len();
            let taken: Vec<(Vec<Label>, Vec<u64>)> =
                positions.iter().map(|&p| current[p].clone()).collect();
            let mut sorted = positions.clone();
            sorted.sort_unstable();
            for &p in sorted.iter().rev() {
                current.remove(p);
            }
            let result: Vec<Label> = if last {
                c.output.clone()
            } else {
                let mut r: Vec<Label> = Vec::new();
                for (t, _) in &taken {
                    for &l in t {
                        if step.kept.contains(&l) && !r.contains(&l) {
                            r.push(l);
                        }
                    }
                }
                r
            };
            let shape: Vec<u64> = result.iter().map(|&l| c.sizes[l as usize]).collect();
            let size = shape
                .iter()
                .try_fold(1u128, |acc, &d| acc.checked_mul(u128::from(d)))
                .ok_or_else(|| crate::Error::CostOverflow {
                    what: "an einsum intermediate".to_string(),
                })?;
            largest = largest.max(size);
            let inputs: Vec<&[Label]> = taken.iter().map(|(t, _)| t.as_slice()).collect();
            let subscripts = format!(
                "{}->{}",
                inputs.iter().map(|t| term(t)).collect::<Vec<_>>().join(","),
                term(&result)
            );
            let (blas, tensordot) = if taken.len() == 2 {
                classify(&taken[0], &taken[1], &result, &c.sizes)
            } else {
                (None, None)
            };
            current.push((result.clone(), shape.clone()));
            let remaining = format!(
                "{}->{}",
                current
                    .iter()
                    .map(|(t, _)| term(t))
                    .collect::<Vec<_>>()
                    .join(","),
                term(&c.output)
            );
            steps.push(StepInfo {
                operands: positions.clone(),
                subscripts,
                remaining,
                cost: step.cost,
                shape,
                scaling: step.labels.len(),
                blas,
                tensordot,
                ascii: ascii_of(&inputs, &result),
            });
        }
        let optimized_cost = sum_costs(&priced)?;
        let mut all: Vec<Label> = c.inputs.iter().flatten().copied().collect();
        all.sort_unstable();
        all.dedup();
        Ok(PathInfo {
            subscripts: format!(
                "{}->{}",
                c.inputs
                    .iter()
                    .map(|t| term(t))
                    .collect::<Vec<_>>()
                    .join(","),
                term(&c.output)
            ),
            path: path.to_vec(),
            naive_cost: c
                .steps(&[(0..c.inputs.len()).collect()])
                .and_then(|s| sum_costs(&s))
                .ok(),
            optimized_cost,
            naive_scaling: all.len(),
            optimized_scaling: steps.iter().map(|s| s.scaling).max().unwrap_or(0),
            largest_intermediate: largest,
            steps,
            output_symmetry: None,
        })
    }

    /// Replace the dense step costs by the symmetric `price` of the same path.
    ///
    /// # Errors
    /// [`crate::Error::CostOverflow`] if the total overflows.
    pub fn apply_symmetry(&mut self, price: super::SymmetricPrice) -> Result<()> {
        for (step, &cost) in self.steps.iter_mut().zip(&price.steps) {
            step.cost = cost;
        }
        self.optimized_cost = price.total()?;
        self.output_symmetry = Some(price.output_group);
        Ok(())
    }

    /// `naive_cost / optimized_cost` (infinite when the naive cost exceeds 64 bits).
    pub fn speedup(&self) -> f64 {
        match self.naive_cost {
            None => f64::INFINITY,
            Some(_) if self.optimized_cost == 0 => 1.0,
            Some(naive) => naive as f64 / self.optimized_cost as f64,
        }
    }
}

fn sum_costs(steps: &[super::Step]) -> Result<u128> {
    steps
        .iter()
        .try_fold(0u128, |acc, s| acc.checked_add(s.cost))
        .ok_or_else(|| crate::Error::CostOverflow {
            what: "an einsum path".to_string(),
        })
}

/// A printable letter for every label: the user's own, then unused letters
/// for the dimensions `...` stands for.
fn letters_of(c: &Contraction) -> Vec<char> {
    let mut pool = ('a'..='z')
        .chain('A'..='Z')
        .chain(
            (0x00C0u32..0x2000)
                .filter_map(char::from_u32)
                .filter(|ch| ch.is_alphabetic()),
        )
        .filter(|ch| !c.letters.contains(&Some(*ch)));
    c.letters
        .iter()
        .map(|l| l.unwrap_or_else(|| pool.next().expect("enough letters")))
        .collect()
}

fn ascii_of(inputs: &[&[Label]], result: &[Label]) -> Option<String> {
    const ASCII: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut seen: Vec<Label> = Vec::new();
    let mut letter = |l: Label| -> Option<char> {
        let i = seen.iter().position(|&x| x == l).unwrap_or_else(|| {
            seen.push(l);
            seen.len() - 1
        });
        ASCII.get(i).map(|&b| b as char)
    };
    let mut terms = Vec::with_capacity(inputs.len());
    for t in inputs {
        terms.push(t.iter().map(|&l| letter(l)).collect::<Option<String>>()?);
    }
    let out = result
        .iter()
        .map(|&l| letter(l))
        .collect::<Option<String>>()?;
    Some(format!("{}->{}", terms.join(","), out))
}

type Tensordot = (Vec<usize>, Vec<usize>, Vec<usize>);

/// Whether `a · b -> result` is a plain tensordot, and how to run it.
fn classify(
    (a, a_dims): &(Vec<Label>, Vec<u64>),
    (b, b_dims): &(Vec<Label>, Vec<u64>),
    result: &[Label],
    sizes: &[u64],
) -> (Option<Blas>, Option<Tensordot>) {
    let distinct = |t: &[Label]| t.iter().enumerate().all(|(i, l)| !t[..i].contains(l));
    if !distinct(a) || !distinct(b) {
        return (None, None);
    }
    let full =
        |t: &[Label], dims: &[u64]| t.iter().zip(dims).all(|(&l, &d)| d == sizes[l as usize]);
    if !full(a, a_dims) || !full(b, b_dims) {
        return (None, None);
    }
    let mut contracted = Vec::new();
    for &l in a.iter().chain(b.iter()) {
        let (in_a, in_b, kept) = (a.contains(&l), b.contains(&l), result.contains(&l));
        if in_a && in_b {
            if kept {
                return (None, None); // a batch index
            }
            if !contracted.contains(&l) {
                contracted.push(l);
            }
        } else if !kept {
            return (None, None); // summed within one operand
        }
    }
    let axes_a: Vec<usize> = contracted
        .iter()
        .map(|l| a.iter().position(|x| x == l).unwrap())
        .collect();
    let axes_b: Vec<usize> = contracted
        .iter()
        .map(|l| b.iter().position(|x| x == l).unwrap())
        .collect();
    // tensordot's result: a's free axes in order, then b's.
    let natural: Vec<Label> = a
        .iter()
        .chain(b.iter())
        .copied()
        .filter(|l| !contracted.contains(l))
        .collect();
    let perm: Vec<usize> = result
        .iter()
        .map(|l| natural.iter().position(|x| x == l).unwrap())
        .collect();
    let (keep_a, keep_b) = (a.len() - contracted.len(), b.len() - contracted.len());
    let rs = contracted.len();
    let kind = if rs == 0 {
        Blas::Outer
    } else if keep_a == 0 && keep_b == 0 {
        Blas::Dot
    } else if keep_a == 0 || keep_b == 0 {
        Blas::Gemv
    } else if a[a.len() - rs..] == b[..rs]
        || a[..rs] == b[b.len() - rs..]
        || a[a.len() - rs..] == b[b.len() - rs..]
        || a[..rs] == b[..rs]
    {
        Blas::Gemm
    } else {
        Blas::Tdot
    };
    (Some(kind), Some((axes_a, axes_b, perm)))
}

impl fmt::Display for PathInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "  Complete contraction:  {}", self.subscripts)?;
        writeln!(f, "         Naive scaling:  {}", self.naive_scaling)?;
        writeln!(f, "     Optimized scaling:  {}", self.optimized_scaling)?;
        match self.naive_cost {
            Some(naive) => writeln!(f, "      Naive FLOP count:  {}", thousands(naive))?,
            None => writeln!(
                f,
                "      Naive FLOP count:  more than {}",
                thousands(u64::MAX)
            )?,
        }
        writeln!(
            f,
            "  Optimized FLOP count:  {}",
            thousands(self.optimized_cost)
        )?;
        writeln!(f, "   Theoretical speedup:  {:.3}", self.speedup())?;
        writeln!(
            f,
            "  Largest intermediate:  {} elements",
            thousands(self.largest_intermediate)
        )?;
        let rule = "-".repeat(80);
        writeln!(f, "{rule}")?;
        writeln!(
            f,
            "{:>7} {:>15}  {:<6} {:<24} remaining",
            "scaling", "FLOPs", "BLAS", "current"
        )?;
        writeln!(f, "{rule}")?;
        for s in &self.steps {
            writeln!(
                f,
                "{:>7} {:>15}  {:<6} {:<24} {}",
                s.scaling,
                thousands(s.cost),
                s.blas.map_or("-", Blas::name),
                s.subscripts,
                s.remaining
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(s: &str, shapes: &[&[u64]], path: &[Vec<usize>]) -> PathInfo {
        PathInfo::new(&Contraction::parse(s, shapes).unwrap(), path).unwrap()
    }

    #[test]
    fn matrix_chain_report() {
        let i = info(
            "ij,jk,kl->il",
            &[&[10, 20], &[20, 30], &[30, 5]],
            &[vec![1, 2], vec![0, 1]],
        );
        // Naive: all four indices (10·20·30·5 = 30,000) × (2 + 1).
        assert_eq!(i.naive_cost, Some(90_000));
        assert_eq!(i.optimized_cost, 8_000);
        assert_eq!(i.steps[0].cost, 6_000);
        assert_eq!(i.steps[0].shape, vec![20, 5]);
        assert_eq!(i.steps[0].remaining, "ij,jl->il");
        assert_eq!(i.steps[0].blas, Some(Blas::Gemm));
        assert_eq!(i.largest_intermediate, 100);
        assert_eq!((i.naive_scaling, i.optimized_scaling), (4, 3));
        let text = i.to_string();
        assert!(text.contains("Optimized FLOP count:  8,000"), "{text}");
        assert!(text.contains("Theoretical speedup:  11.250"), "{text}");
    }

    #[test]
    fn blas_kinds() {
        let kind = |s: &str, shapes: &[&[u64]]| info(s, shapes, &[vec![0, 1]]).steps[0].blas;
        assert_eq!(kind("ij,jk->ik", &[&[2, 3], &[3, 4]]), Some(Blas::Gemm));
        assert_eq!(kind("ij,j->i", &[&[2, 3], &[3]]), Some(Blas::Gemv));
        assert_eq!(kind("i,i->", &[&[3], &[3]]), Some(Blas::Dot));
        assert_eq!(kind("i,j->ij", &[&[2], &[3]]), Some(Blas::Outer));
        assert_eq!(
            kind("ijk,kjl->il", &[&[2, 3, 4], &[4, 3, 5]]),
            Some(Blas::Tdot)
        );
        assert_eq!(kind("bij,bjk->bik", &[&[2, 3, 4], &[2, 4, 5]]), None);
        assert_eq!(kind("ii,ij->j", &[&[3, 3], &[3, 4]]), None);
        assert_eq!(kind("ij,jk->ik", &[&[2, 1], &[3, 4]]), None);
        // The final permutation puts tensordot's (k, i) order into 'ki'.
        let t = info("ij,jk->ki", &[&[2, 3], &[3, 4]], &[vec![0, 1]]);
        assert_eq!(t.steps[0].tensordot, Some((vec![1], vec![0], vec![1, 0])));
    }

    #[test]
    fn ellipsis_and_unicode_get_letters() {
        let i = info("...i,...i->...", &[&[4, 3], &[4, 3]], &[vec![0, 1]]);
        assert_eq!(i.subscripts, "ai,ai->a");
        let u = info("αβ,βγ->αγ", &[&[2, 3], &[3, 4]], &[vec![0, 1]]);
        assert_eq!(u.steps[0].subscripts, "αβ,βγ->αγ");
        assert_eq!(u.steps[0].ascii.as_deref(), Some("ab,bc->ac"));
    }
}
