//! Bundles: a product and its top two complements, when shoppers buy the
//! three as one set. Pairs are not enough (a phone often with a case, and
//! often with a charger, does not mean often with both), so the full set's
//! joint count is taken in a second pass over the baskets.
//!
//! A set is a bundle when its three products share at least
//! `min_bundle_count` baskets, at least `bundle_min_share` of the product's
//! baskets, and more than independence of the three would give.

use super::List;
use crate::builder::items::Items;
use crate::builder::{Counts, Settings};

/// The set each product could form with its two best complements.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    /// By product number: its two partners, sorted.
    sets: Vec<Option<[u32; 2]>>,
    /// Baskets holding each product's whole set.
    joint: Vec<u32>,
}

impl Candidates {
    /// The two best earned complements of each product that are not other
    /// versions of each other.
    pub fn new(complements: &[List], items: &Items) -> Candidates {
        let sets = complements
            .iter()
            .map(|list| {
                let earned = &list.items[..list.fallback_from.unwrap_or(list.len())];
                let first = earned.first()?.0;
                let second = earned
                    .iter()
                    .skip(1)
                    .map(|&(b, _)| b)
                    .find(|&b| !items.substitutes(first, b, false))?;
                Some(if first < second {
                    [first, second]
                } else {
                    [second, first]
                })
            })
            .collect::<Vec<_>>();
        Candidates {
            joint: vec![0; sets.len()],
            sets,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.sets.iter().all(Option::is_none)
    }

    /// Counts one basket (a sorted set) for every set it holds whole.
    pub fn add(&mut self, basket: &[u32]) {
        for &a in basket {
            if let Some(Some([b, c])) = self.sets.get(a as usize) {
                if basket.binary_search(b).is_ok() && basket.binary_search(c).is_ok() {
                    self.joint[a as usize] += 1;
                }
            }
        }
    }

    /// Each product's bundle partners, for the sets that qualify.
    pub fn bundles(&self, counts: &Counts, settings: &Settings) -> Vec<Option<[u32; 2]>> {
        let n = counts.baskets.max(1) as f64;
        self.sets
            .iter()
            .zip(&self.joint)
            .enumerate()
            .map(|(a, (set, &joint))| {
                let [b, c] = (*set)?;
                let p = |i: u32| f64::from(counts.item(i)) / n;
                let expected = n * p(a as u32) * p(b) * p(c);
                let share = f64::from(joint) / f64::from(counts.item(a as u32).max(1));
                (joint >= settings.min_bundle_count
                    && share >= settings.bundle_min_share
                    && f64::from(joint) > expected)
                    .then_some([b, c])
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builder::Counting;

    fn list(items: &[u32]) -> List {
        List {
            items: items.iter().map(|&i| (i, 1.0)).collect(),
            ..List::default()
        }
    }

    #[test]
    fn the_full_set_must_be_bought_together() {
        let mut items = Items::default();
        items.cover(5);
        // 0's best complements are 1 and 2.
        let lists = vec![list(&[1, 2]), list(&[0]), list(&[0]), list(&[]), list(&[])];
        let mut counting = Counting::new(50, 1);
        let mut candidates = Candidates::new(&lists, &items);
        // Often 0+1 and 0+2, but the three together only once.
        let baskets: Vec<Vec<u32>> = std::iter::repeat_n(vec![0, 1], 10)
            .chain(std::iter::repeat_n(vec![0, 2], 10))
            .chain([vec![0, 1, 2]])
            .chain(std::iter::repeat_n(vec![3, 4], 20))
            .collect();
        for b in &baskets {
            counting.add(b);
            candidates.add(b);
        }
        let settings = Settings::default();
        let counts = counting.clone().finish();
        assert_eq!(candidates.bundles(&counts, &settings)[0], None);
        // Now the set is what people buy.
        for _ in 0..10 {
            counting.add(&[0, 1, 2]);
            candidates.add(&[0, 1, 2]);
        }
        let counts = counting.finish();
        assert_eq!(candidates.bundles(&counts, &settings)[0], Some([1, 2]));
    }
}
