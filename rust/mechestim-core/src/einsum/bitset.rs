//! Sets of labels as fixed-width bit sets: every set of one network has the
//! same number of 64-bit words, so union and intersection are word loops.

use super::parse::Label;

/// A set of labels. All sets built for one network share a width.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LabelSet(Box<[u64]>);

impl LabelSet {
    /// The empty set able to hold labels below `num_labels`.
    pub fn empty(num_labels: usize) -> Self {
        LabelSet(vec![0; words_for(num_labels)].into_boxed_slice())
    }

    /// The set of `labels`, able to hold labels below `num_labels`.
    pub fn from_labels(num_labels: usize, labels: impl IntoIterator<Item = Label>) -> Self {
        let mut s = Self::empty(num_labels);
        for l in labels {
            s.insert(l);
        }
        s
    }

    pub fn words(&self) -> &[u64] {
        &self.0
    }

    pub fn insert(&mut self, l: Label) {
        self.0[l as usize / 64] |= 1 << (l % 64);
    }

    pub fn remove(&mut self, l: Label) {
        self.0[l as usize / 64] &= !(1 << (l % 64));
    }

    pub fn contains(&self, l: Label) -> bool {
        self.0[l as usize / 64] >> (l % 64) & 1 == 1
    }

    pub fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn union(&self, other: &Self) -> Self {
        LabelSet(
            self.0
                .iter()
                .zip(other.0.iter())
                .map(|(a, b)| a | b)
                .collect(),
        )
    }

    pub fn intersection(&self, other: &Self) -> Self {
        LabelSet(
            self.0
                .iter()
                .zip(other.0.iter())
                .map(|(a, b)| a & b)
                .collect(),
        )
    }

    pub fn union_with(&mut self, other: &Self) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a |= b;
        }
    }

    pub fn intersects(&self, other: &Self) -> bool {
        self.0.iter().zip(other.0.iter()).any(|(a, b)| a & b != 0)
    }

    /// The labels, ascending.
    pub fn iter(&self) -> impl Iterator<Item = Label> + '_ {
        iter_words(&self.0)
    }
}

pub fn words_for(num_labels: usize) -> usize {
    num_labels.div_ceil(64).max(1)
}

/// The set bits of a word slice, ascending.
pub fn iter_words(words: &[u64]) -> impl Iterator<Item = Label> + '_ {
    words.iter().enumerate().flat_map(|(i, &w)| {
        let mut w = w;
        std::iter::from_fn(move || {
            if w == 0 {
                return None;
            }
            let b = w.trailing_zeros();
            w &= w - 1;
            Some(i as Label * 64 + b)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_algebra_across_words() {
        let a = LabelSet::from_labels(130, [0, 63, 64, 129]);
        let b = LabelSet::from_labels(130, [63, 100]);
        assert_eq!(a.len(), 4);
        assert_eq!(
            a.union(&b).iter().collect::<Vec<_>>(),
            [0, 63, 64, 100, 129]
        );
        assert_eq!(a.intersection(&b).iter().collect::<Vec<_>>(), [63]);
        assert!(a.intersects(&b));
        let mut c = a.clone();
        c.remove(64);
        assert!(!c.contains(64) && c.contains(129));
        assert_eq!(LabelSet::empty(5).len(), 0);
    }
}
