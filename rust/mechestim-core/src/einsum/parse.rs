//! Einsum subscripts: parsing, validation and label sizes.
//!
//! Accepts NumPy's explicit (`ij,jk->ik`) and implicit (`ij,jk`) forms, `...`
//! broadcasting, and repeated labels within an operand (traces, diagonals).
//! Labels are ASCII letters or any non-ASCII character (as opt_einsum's
//! `get_symbol` produces), so networks with more than 52 indices can be
//! planned and priced even where NumPy could not execute them.

use crate::cost::shape::fmt_shape;
use crate::error::{Error, Result};

/// An index label, numbered in order of first appearance. Labels created for
/// `...` dimensions come after the user's labels.
pub type Label = u32;

/// A parsed, validated einsum: input terms, output term and label sizes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contraction {
    /// One term per operand, in axis order; a repeated label is a diagonal.
    pub inputs: Vec<Vec<Label>>,
    /// The output term, in axis order.
    pub output: Vec<Label>,
    /// Size of each label (indexed by [`Label`]).
    pub sizes: Vec<u64>,
    /// The letter of each label; `None` for the dimensions `...` stands for.
    pub letters: Vec<Option<char>>,
    /// The operands' shapes (a size-1 axis may broadcast against its label).
    pub shapes: Vec<Vec<u64>>,
}

/// One term as written: letters, and where `...` sits (if present).
struct Term {
    letters: Vec<char>,
    ellipsis_at: Option<usize>,
}

fn parse_term(text: &str, which: &str) -> Result<Term> {
    let mut letters = Vec::new();
    let mut ellipsis_at = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '.' {
            if chars.next() != Some('.') || chars.next() != Some('.') {
                return Err(Error::Subscripts(format!(
                    "invalid '.' in the {which} term {text:?}: an ellipsis is written '...'"
                )));
            }
            if ellipsis_at.is_some() {
                return Err(Error::Subscripts(format!(
                    "the {which} term {text:?} has more than one ellipsis"
                )));
            }
            ellipsis_at = Some(letters.len());
        } else if c.is_ascii_alphabetic() || (!c.is_ascii() && !c.is_whitespace()) {
            letters.push(c);
        } else {
            return Err(Error::Subscripts(format!(
                "invalid subscript {c:?} in the {which} term {text:?}: labels are ASCII letters or non-ASCII characters"
            )));
        }
    }
    Ok(Term {
        letters,
        ellipsis_at,
    })
}

impl Contraction {
    /// Parse `subscripts` against the operands' shapes.
    ///
    /// ```
    /// use mechestim_core::einsum::Contraction;
    /// let c = Contraction::parse("ij,jk->ik", &[&[64, 32], &[32, 16]]).unwrap();
    /// assert_eq!(c.inputs.len(), 2);
    /// assert_eq!(c.output.len(), 2);
    /// ```
    ///
    /// # Errors
    /// [`Error::Subscripts`] for malformed subscripts, a wrong number of
    /// operands or terms that do not match the operands' ranks;
    /// [`Error::Shape`] when one label has two different sizes.
    pub fn parse(subscripts: &str, shapes: &[&[u64]]) -> Result<Self> {
        let compact: String = subscripts.chars().filter(|c| !c.is_whitespace()).collect();
        let (lhs, rhs) = match compact.split_once("->") {
            Some((l, r)) => {
                if r.contains("->") {
                    return Err(Error::Subscripts(format!(
                        "subscripts {subscripts:?} contain more than one '->'"
                    )));
                }
                (l, Some(r))
            }
            None => (compact.as_str(), None),
        };
        if lhs.contains('-') || lhs.contains('>') || rhs.is_some_and(|r| r.contains(',')) {
            return Err(Error::Subscripts(format!(
                "malformed subscripts {subscripts:?}: write terms separated by ',' then an optional '->output'"
            )));
        }
        let terms: Vec<Term> = lhs
            .split(',')
            .enumerate()
            .map(|(i, t)| parse_term(t, &format!("operand {i}")))
            .collect::<Result<_>>()?;
        if terms.len() != shapes.len() {
            return Err(Error::Subscripts(format!(
                "subscripts {subscripts:?} name {} operand(s) but {} were given",
                terms.len(),
                shapes.len()
            )));
        }

        let mut letters: Vec<Option<char>> = Vec::new();
        let mut sizes: Vec<u64> = Vec::new();
        let label_of =
            |c: char, letters: &mut Vec<Option<char>>, sizes: &mut Vec<u64>| match letters
                .iter()
                .position(|&l| l == Some(c))
            {
                Some(i) => i as Label,
                None => {
                    letters.push(Some(c));
                    sizes.push(1);
                    (letters.len() - 1) as Label
                }
            };

        // Letters first (so labels are numbered by first appearance), then `...`.
        let mut lettered: Vec<Vec<Label>> = Vec::with_capacity(terms.len());
        for term in &terms {
            lettered.push(
                term.letters
                    .iter()
                    .map(|&c| label_of(c, &mut letters, &mut sizes))
                    .collect(),
            );
        }
        let mut ellipsis_ndim = 0usize;
        for (k, (term, shape)) in terms.iter().zip(shapes).enumerate() {
            let named = term.letters.len();
            let ok = match term.ellipsis_at {
                Some(_) => shape.len() >= named,
                None => shape.len() == named,
            };
            if !ok {
                return Err(Error::Subscripts(format!(
                    "operand {k} has shape {} ({} dimension(s)) but its term {:?} names {named}",
                    fmt_shape(shape),
                    shape.len(),
                    term_text(term)
                )));
            }
            if term.ellipsis_at.is_some() {
                ellipsis_ndim = ellipsis_ndim.max(shape.len() - named);
            }
        }
        let first_ellipsis_label = letters.len() as Label;
        for _ in 0..ellipsis_ndim {
            letters.push(None);
            sizes.push(1);
        }

        // Expand `...`, then check and record sizes.
        let mut inputs = Vec::with_capacity(terms.len());
        let mut seen = vec![false; letters.len()];
        for (k, ((term, named), shape)) in terms.iter().zip(lettered).zip(shapes).enumerate() {
            let labels: Vec<Label> = match term.ellipsis_at {
                None => named,
                Some(at) => {
                    let broadcast = shape.len() - term.letters.len();
                    let start = first_ellipsis_label + (ellipsis_ndim - broadcast) as Label;
                    let mut v = named[..at].to_vec();
                    v.extend(start..start + broadcast as Label);
                    v.extend_from_slice(&named[at..]);
                    v
                }
            };
            for (axis, (&label, &dim)) in labels.iter().zip(shape.iter()).enumerate() {
                let l = label as usize;
                let repeated_here = labels[..axis].contains(&label);
                if !seen[l] {
                    seen[l] = true;
                    sizes[l] = dim;
                } else if sizes[l] != dim {
                    // Size-1 axes broadcast, as in NumPy; a diagonal needs equal sizes.
                    if !repeated_here && (dim == 1 || sizes[l] == 1) {
                        sizes[l] = sizes[l].max(dim);
                    } else {
                        return Err(Error::Shape(format!(
                            "einsum label {} has size {} in operand {k} (shape {}) but size {} elsewhere",
                            label_name(&letters, label),
                            dim,
                            fmt_shape(shape),
                            sizes[l]
                        )));
                    }
                }
            }
            inputs.push(labels);
        }

        let ellipsis_labels: Vec<Label> =
            (first_ellipsis_label..first_ellipsis_label + ellipsis_ndim as Label).collect();
        let output = match rhs {
            Some(r) => {
                let term = parse_term(r, "output")?;
                let mut out = Vec::new();
                for (i, &c) in term.letters.iter().enumerate() {
                    if term.ellipsis_at == Some(i) {
                        out.extend_from_slice(&ellipsis_labels);
                    }
                    let Some(pos) = letters.iter().position(|&l| l == Some(c)) else {
                        return Err(Error::Subscripts(format!(
                            "output label {c:?} does not appear in any input term of {subscripts:?}"
                        )));
                    };
                    if out.contains(&(pos as Label)) {
                        return Err(Error::Subscripts(format!(
                            "output label {c:?} appears more than once in {subscripts:?}"
                        )));
                    }
                    out.push(pos as Label);
                }
                if term.ellipsis_at == Some(term.letters.len()) {
                    out.extend_from_slice(&ellipsis_labels);
                }
                out
            }
            None => {
                // Implicit mode: `...` dimensions, then letters used exactly once, sorted.
                let mut once: Vec<(char, Label)> = (0..first_ellipsis_label)
                    .filter(|&l| inputs.iter().flatten().filter(|&&x| x == l).count() == 1)
                    .map(|l| (letters[l as usize].unwrap_or('\0'), l))
                    .collect();
                once.sort_unstable();
                let mut out = ellipsis_labels.clone();
                out.extend(once.into_iter().map(|(_, l)| l));
                out
            }
        };

        Ok(Contraction {
            inputs,
            output,
            sizes,
            letters,
            shapes: shapes.iter().map(|s| s.to_vec()).collect(),
        })
    }

    /// The shape of the result.
    pub fn output_shape(&self) -> Vec<u64> {
        self.output
            .iter()
            .map(|&l| self.sizes[l as usize])
            .collect()
    }
}

fn term_text(term: &Term) -> String {
    let mut s: String = term.letters.iter().collect();
    if let Some(at) = term.ellipsis_at {
        let byte = s.char_indices().nth(at).map_or(s.len(), |(b, _)| b);
        s.insert_str(byte, "...");
    }
    s
}

fn label_name(letters: &[Option<char>], label: Label) -> String {
    match letters[label as usize] {
        Some(c) => format!("{c:?}"),
        None => "of '...'".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str, shapes: &[&[u64]]) -> Result<Contraction> {
        Contraction::parse(s, shapes)
    }

    #[test]
    fn explicit_and_implicit_agree() {
        let a = parse("ij,jk->ik", &[&[2, 3], &[3, 4]]).unwrap();
        let b = parse("ij,jk", &[&[2, 3], &[3, 4]]).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.output_shape(), vec![2, 4]);
    }

    #[test]
    fn implicit_output_is_sorted_letters_used_once() {
        // NumPy: np.einsum('ba', x) is the transpose (output 'ab').
        let c = parse("ba", &[&[2, 3]]).unwrap();
        assert_eq!(c.output_shape(), vec![3, 2]);
        // A trace has an empty implicit output.
        assert_eq!(parse("ii", &[&[4, 4]]).unwrap().output, Vec::<Label>::new());
    }

    #[test]
    fn ellipsis_broadcasts_right_aligned() {
        let c = parse("...ij,...jk->...ik", &[&[5, 1, 2, 3], &[4, 3, 6]]).unwrap();
        assert_eq!(c.output_shape(), vec![5, 4, 2, 6]);
        let implicit = parse("...ij,...jk", &[&[5, 1, 2, 3], &[4, 3, 6]]).unwrap();
        assert_eq!(implicit.output_shape(), vec![5, 4, 2, 6]);
        let middle = parse("i...j->j...i", &[&[2, 7, 8, 3]]).unwrap();
        assert_eq!(middle.output_shape(), vec![3, 7, 8, 2]);
    }

    #[test]
    fn unicode_labels_are_allowed() {
        let c = parse("αβ,βγ->αγ", &[&[2, 3], &[3, 4]]).unwrap();
        assert_eq!(c.output_shape(), vec![2, 4]);
    }

    #[test]
    fn errors_are_specific() {
        assert!(matches!(
            parse("ij,jk->ik", &[&[2, 3]]),
            Err(Error::Subscripts(_))
        ));
        assert!(matches!(
            parse("ij,jk->iz", &[&[2, 3], &[3, 4]]),
            Err(Error::Subscripts(_))
        ));
        assert!(matches!(
            parse("ij,jk->ii", &[&[2, 3], &[3, 4]]),
            Err(Error::Subscripts(_))
        ));
        assert!(matches!(
            parse("ij,jk->ik", &[&[2, 3], &[4, 5]]),
            Err(Error::Shape(_))
        ));
        assert!(matches!(
            parse("ijk->i", &[&[2, 3]]),
            Err(Error::Subscripts(_))
        ));
        assert!(matches!(
            parse("i1->i", &[&[2, 3]]),
            Err(Error::Subscripts(_))
        ));
        assert!(matches!(
            parse("i..j->i", &[&[2, 3]]),
            Err(Error::Subscripts(_))
        ));
        assert!(matches!(parse("ii->i", &[&[2, 3]]), Err(Error::Shape(_))));
        assert!(matches!(
            parse("i->i->i", &[&[2]]),
            Err(Error::Subscripts(_))
        ));
        let msg = parse("ij,jk->ik", &[&[2, 3], &[4, 5]])
            .unwrap_err()
            .to_string();
        assert!(msg.contains("'j'") && msg.contains("(4,5)"), "{msg}");
    }

    #[test]
    fn size_one_axes_broadcast() {
        let c = parse("ij,ij->ij", &[&[2, 1], &[2, 3]]).unwrap();
        assert_eq!(c.output_shape(), vec![2, 3]);
    }
}
