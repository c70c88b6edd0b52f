//! Item and pair counts over baskets: all the builder keeps of the order
//! history. A basket is a set; an item twice in one order counts once.
//!
//! Each pair keeps two numbers: the baskets holding both (for support,
//! confidence, lift and significance), and the *companion weight*: each
//! basket adds 1/(size − 1), the chance that a random other item of that
//! basket is the partner. Summed over A's baskets and divided by n_A, it
//! answers "given A in the cart, how likely is B the next item?", where
//! large baskets, in which everything meets everything, count for less.

use rustc_hash::FxHashMap;

use super::rng::mix;

#[derive(Debug, Clone, Default)]
pub struct Counts {
    /// Baskets counted (N).
    pub baskets: u64,
    /// Baskets holding each item (n_a), by item number.
    items: Vec<u32>,
    /// Both numbers of each pair, keyed by (smaller, larger).
    pairs: FxHashMap<u64, Pair>,
    /// Baskets sampled down to `max_basket` items before pair counting.
    pub sampled: u64,
    max_basket: usize,
    seed: u64,
}

impl Counts {
    pub fn new(max_basket: usize, seed: u64) -> Counts {
        Counts {
            max_basket: max_basket.max(2),
            seed,
            ..Counts::default()
        }
    }

    /// Counts one basket, given as a sorted set of item numbers.
    pub fn add(&mut self, basket: &[u32]) {
        self.baskets += 1;
        for &item in basket {
            let i = item as usize;
            if i >= self.items.len() {
                self.items.resize(i + 1, 0);
            }
            self.items[i] += 1;
        }
        let sample;
        let set = if basket.len() > self.max_basket {
            // A 500-item basket would add 125k pairs; count a deterministic
            // sample instead (same input and seed, same sample).
            self.sampled += 1;
            let seed = self.seed ^ self.baskets;
            let mut s = basket.to_vec();
            s.sort_unstable_by_key(|&item| mix(seed ^ u64::from(item)));
            s.truncate(self.max_basket);
            s.sort_unstable();
            sample = s;
            &sample[..]
        } else {
            basket
        };
        let weight = 1.0 / (basket.len().max(2) - 1) as f32;
        for (k, &a) in set.iter().enumerate() {
            for &b in &set[k + 1..] {
                let pair = self.pairs.entry(pair_key(a, b)).or_default();
                pair.baskets += 1;
                pair.companion += weight;
            }
        }
    }

    /// n_a: baskets holding `item`.
    pub fn item(&self, item: u32) -> u32 {
        self.items.get(item as usize).copied().unwrap_or(0)
    }

    /// The counts of a pair (order does not matter).
    pub fn pair(&self, a: u32, b: u32) -> Pair {
        self.pairs.get(&pair_key(a, b)).copied().unwrap_or_default()
    }

    /// Every counted pair as (a, b, counts) with a < b, in no set order.
    pub fn pairs(&self) -> impl Iterator<Item = (u32, u32, Pair)> + '_ {
        self.pairs
            .iter()
            .map(|(&key, &pair)| ((key >> 32) as u32, key as u32, pair))
    }

    pub fn distinct_pairs(&self) -> usize {
        self.pairs.len()
    }
}

/// What is known of one pair of products.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Pair {
    /// n_AB: baskets holding both.
    pub baskets: u32,
    /// Σ over those baskets of 1/(basket size − 1).
    pub companion: f32,
}

fn pair_key(a: u32, b: u32) -> u64 {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    (u64::from(lo) << 32) | u64::from(hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_sets_and_pairs() {
        let mut c = Counts::new(50, 1);
        c.add(&[0, 1, 2]);
        c.add(&[1, 2]);
        c.add(&[3]);
        assert_eq!(c.baskets, 3);
        assert_eq!((c.item(1), c.item(3), c.item(9)), (2, 1, 0));
        assert_eq!(c.pair(2, 1).baskets, 2);
        assert_eq!(c.pair(0, 2).baskets, 1);
        assert_eq!(c.pair(0, 3).baskets, 0);
        // Companion weight: 1/2 from the 3-item basket, 1 from the pair.
        assert_eq!(c.pair(1, 2).companion, 1.5);
        assert_eq!(c.distinct_pairs(), 3);
    }

    #[test]
    fn large_baskets_are_sampled_not_squared() {
        let mut c = Counts::new(10, 7);
        let big: Vec<u32> = (0..1000).collect();
        c.add(&big);
        assert_eq!(c.distinct_pairs(), 45);
        assert_eq!(c.sampled, 1);
        // Item counts still see the whole basket.
        assert_eq!(c.item(999), 1);
        let mut again = Counts::new(10, 7);
        again.add(&big);
        let mut a: Vec<_> = c.pairs().map(|(x, y, p)| (x, y, p.baskets)).collect();
        let mut b: Vec<_> = again.pairs().map(|(x, y, p)| (x, y, p.baskets)).collect();
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b, "sampling is deterministic");
    }
}
