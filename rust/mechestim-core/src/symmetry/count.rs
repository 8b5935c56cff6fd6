//! Unique elements of a tensor under a symmetry group: the orbits of its
//! index tuples, counted exactly by Burnside's lemma (the average number of
//! tuples each group element fixes; an element fixes a tuple when every axis
//! of each of its cycles carries the same index value).

use super::group::PermGroup;
use crate::error::{Error, Result};

/// The number of distinct elements of a tensor of `shape` invariant under
/// `group` (acting on its axes).
///
/// ```
/// use mechestim_core::symmetry::{unique_elements, PermGroup};
/// // A symmetric 10x10 matrix has 10·11/2 = 55 distinct entries.
/// let g = PermGroup::symmetric(2, &[0, 1]).unwrap();
/// assert_eq!(unique_elements(&[10, 10], &g).unwrap(), 55);
/// ```
///
/// # Errors
/// [`Error::Symmetry`] if the group does not act on `shape.len()` axes or
/// maps an axis to one of another size; [`Error::CostOverflow`] on overflow.
pub fn unique_elements(shape: &[u64], group: &PermGroup) -> Result<u128> {
    if group.degree() != shape.len() {
        return Err(Error::Symmetry(format!(
            "a symmetry of {} axes cannot apply to a tensor of {} dimensions",
            group.degree(),
            shape.len()
        )));
    }
    let overflow = || Error::CostOverflow {
        what: "a unique-element count".to_string(),
    };
    let mut fixed_total: u128 = 0;
    for g in group.elements() {
        let mut fixed: u128 = 1;
        for cycle in g.cycles() {
            let n = shape[cycle[0]];
            if cycle.iter().any(|&a| shape[a] != n) {
                return Err(Error::Symmetry(format!(
                    "the symmetry exchanges axes of different sizes (shape {shape:?}, axes {cycle:?})"
                )));
            }
            fixed = fixed.checked_mul(u128::from(n)).ok_or_else(overflow)?;
        }
        fixed_total = fixed_total.checked_add(fixed).ok_or_else(overflow)?;
    }
    Ok(fixed_total / group.order() as u128)
}

#[cfg(test)]
mod tests {
    use super::super::group::Perm;
    use super::*;

    /// Orbits by brute force: canonical form = the smallest image of each tuple.
    fn brute(shape: &[u64], group: &PermGroup) -> u128 {
        let total: u64 = shape.iter().product();
        let mut reps = std::collections::HashSet::new();
        for flat in 0..total {
            let mut idx = vec![0u64; shape.len()];
            let mut r = flat;
            for (a, &n) in shape.iter().enumerate().rev() {
                idx[a] = r % n;
                r /= n;
            }
            let canon = group
                .elements()
                .iter()
                .map(|g| {
                    let mut t = vec![0u64; idx.len()];
                    for (a, &v) in idx.iter().enumerate() {
                        t[g.0[a]] = v;
                    }
                    t
                })
                .min()
                .unwrap();
            reps.insert(canon);
        }
        reps.len() as u128
    }

    fn binomial(n: u128, k: u128) -> u128 {
        (0..k).fold(1, |acc, i| acc * (n - i) / (i + 1))
    }

    #[test]
    fn fully_symmetric_groups_give_multisets() {
        for n in 1..6u64 {
            for k in 1..5usize {
                let shape = vec![n; k];
                let axes: Vec<usize> = (0..k).collect();
                let g = PermGroup::symmetric(k, &axes).unwrap();
                let expected = binomial(u128::from(n) + k as u128 - 1, k as u128);
                assert_eq!(unique_elements(&shape, &g).unwrap(), expected);
            }
        }
    }

    #[test]
    fn groups_agree_with_brute_force() {
        let cases: Vec<(Vec<u64>, PermGroup)> = vec![
            (
                vec![3, 3, 3, 3],
                PermGroup::cyclic(4, &[0, 1, 2, 3]).unwrap(),
            ),
            (
                vec![3, 3, 3, 3],
                PermGroup::dihedral(4, &[0, 1, 2, 3]).unwrap(),
            ),
            (vec![2, 3, 3, 2], PermGroup::symmetric(4, &[1, 2]).unwrap()),
            (
                vec![3, 3, 4, 4],
                PermGroup::symmetric(4, &[0, 1])
                    .unwrap()
                    .join(&PermGroup::symmetric(4, &[2, 3]).unwrap())
                    .unwrap(),
            ),
            // Block swap of axis pairs (0,1) <-> (2,3).
            (
                vec![2, 3, 2, 3],
                PermGroup::generated(4, &[Perm(vec![2, 3, 0, 1])]).unwrap(),
            ),
            (vec![4, 4, 4], PermGroup::cyclic(3, &[0, 1, 2]).unwrap()),
            (
                vec![3, 3, 3, 3, 3],
                PermGroup::dihedral(5, &[0, 1, 2, 3, 4]).unwrap(),
            ),
        ];
        for (shape, g) in cases {
            assert_eq!(
                unique_elements(&shape, &g).unwrap(),
                brute(&shape, &g),
                "{shape:?}"
            );
        }
    }

    #[test]
    fn group_orders() {
        assert_eq!(PermGroup::symmetric(4, &[0, 1, 2, 3]).unwrap().order(), 24);
        assert_eq!(PermGroup::cyclic(5, &[0, 1, 2, 3, 4]).unwrap().order(), 5);
        assert_eq!(
            PermGroup::dihedral(5, &[0, 1, 2, 3, 4]).unwrap().order(),
            10
        );
        assert!(PermGroup::symmetric(9, &(0..9).collect::<Vec<_>>()).is_err());
    }

    #[test]
    fn mismatched_sizes_are_refused() {
        let g = PermGroup::symmetric(2, &[0, 1]).unwrap();
        assert!(matches!(
            unique_elements(&[3, 4], &g),
            Err(Error::Symmetry(_))
        ));
        assert!(matches!(
            unique_elements(&[3, 3, 3], &g),
            Err(Error::Symmetry(_))
        ));
    }
}
