//! Item and pair counts over baskets: all the builder keeps of the order
//! history. A basket is a set; an item twice in one order counts once.
//!
//! Each pair keeps two numbers: the baskets holding both (for support,
//! confidence, lift and significance), and the *companion weight*: each
//! basket adds 1/(size − 1), the chance that a random other item of that
//! basket is the partner. Summed over A's baskets and divided by n_A, it
//! answers "given A in the cart, how likely is B the next item?", where
//! large baskets, in which everything meets everything, count for less.
//!
//! Counting is sort-based: pair occurrences are buffered, radix-sorted and
//! folded into a sorted table every few million. A hash map would take a
//! cache miss per occurrence; this reads and writes memory in order, and
//! the table ends up grouped by product, as the relation code reads it.
//! Memory: the table (16 bytes per distinct pair) plus a bounded buffer.

use super::radix::sort_by_key;
use super::rng::mix;

/// Pair occurrences buffered before they are folded into the table.
const BUFFER: usize = 1 << 20;

/// What is known of one pair of products.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Pair {
    /// n_AB: baskets holding both.
    pub baskets: u32,
    /// Σ over those baskets of 1/(basket size − 1). In f64 so that the
    /// order of summation (which depends on how counting was batched)
    /// cannot change what is written.
    pub companion: f64,
}

/// Counting in progress: [`Counting::add`] baskets, then
/// [`Counting::finish`].
#[derive(Debug, Clone, Default)]
pub struct Counting {
    counts: Counts,
    /// Buffered occurrences: (smaller item, larger item, basket size).
    buffer: Vec<(u32, u32, u32)>,
    max_basket: usize,
    seed: u64,
    /// Fold when the buffer holds this many occurrences.
    fold_at: usize,
    /// Count items over the sampled baskets too, so that support,
    /// confidence and lift are those of one population (`xsell rules`);
    /// the builder counts them over whole baskets.
    items_as_sampled: bool,
}

impl Counting {
    pub fn new(max_basket: usize, seed: u64) -> Counting {
        Counting {
            max_basket: max_basket.max(2),
            seed,
            fold_at: BUFFER,
            ..Counting::default()
        }
    }

    /// Item counts of sampled baskets count the sample (see
    /// `items_as_sampled`).
    pub fn items_as_sampled(mut self) -> Counting {
        self.items_as_sampled = true;
        self
    }

    /// Counts one basket, given as a sorted set of item numbers.
    pub fn add(&mut self, basket: &[u32]) {
        let counts = &mut self.counts;
        counts.baskets += 1;
        let sample;
        let set = if basket.len() > self.max_basket {
            // A 500-item basket would add 125k pairs; count a deterministic
            // sample instead (same input and seed, same sample).
            counts.sampled += 1;
            let seed = self.seed ^ counts.baskets;
            let mut s = basket.to_vec();
            s.sort_unstable_by_key(|&item| mix(seed ^ u64::from(item)));
            s.truncate(self.max_basket);
            s.sort_unstable();
            sample = s;
            &sample[..]
        } else {
            basket
        };
        for &item in if self.items_as_sampled { set } else { basket } {
            let i = item as usize;
            if i >= counts.items.len() {
                counts.items.resize(i + 1, 0);
            }
            counts.items[i] += 1;
        }
        let size = basket.len() as u32;
        for (k, &a) in set.iter().enumerate() {
            for &b in &set[k + 1..] {
                self.buffer.push((a, b, size));
            }
            // Within a basket too: one huge basket must not hold all its
            // pairs in the buffer at once.
            if self.buffer.len() >= self.fold_at {
                self.fold();
            }
        }
    }

    /// The counts of every basket added.
    pub fn finish(mut self) -> Counts {
        self.fold();
        self.counts
    }

    /// Sorts the buffer and merges it into the table.
    fn fold(&mut self) {
        if self.buffer.is_empty() {
            return;
        }
        let width = 32 - (self.counts.items.len() as u32).leading_zeros();
        sort_by_key(&mut self.buffer, 2 * width, |&(a, b, _)| {
            (u64::from(a) << width) | u64::from(b)
        });
        // Runs of one pair become one entry.
        let mut folded: Vec<(u64, Pair)> = Vec::with_capacity(self.buffer.len() / 2);
        for &(a, b, size) in &self.buffer {
            let weight = companion_weight(size);
            // Buffered pairs are already (smaller, larger).
            let key = (u64::from(a) << 32) | u64::from(b);
            match folded.last_mut() {
                Some((k, pair)) if *k == key => {
                    pair.baskets += 1;
                    pair.companion += weight;
                }
                _ => folded.push((
                    key,
                    Pair {
                        baskets: 1,
                        companion: weight,
                    },
                )),
            }
        }
        self.buffer.clear();
        self.counts.merge(folded);
    }
}

#[derive(Debug, Clone, Default)]
pub struct Counts {
    /// Baskets counted (N).
    pub baskets: u64,
    /// Baskets holding each item (n_a), by item number.
    items: Vec<u32>,
    /// Pair keys (smaller << 32 | larger), sorted; `values` alongside.
    keys: Vec<u64>,
    values: Vec<Pair>,
    /// Baskets sampled down to `max_basket` items before pair counting.
    pub sampled: u64,
}

impl Counts {
    /// n_a: baskets holding `item`.
    pub fn item(&self, item: u32) -> u32 {
        self.items.get(item as usize).copied().unwrap_or(0)
    }

    /// The counts of a pair (order does not matter).
    pub fn pair(&self, a: u32, b: u32) -> Pair {
        self.keys
            .binary_search(&pair_key(a, b))
            .map(|i| self.values[i])
            .unwrap_or_default()
    }

    /// Every counted pair as (a, b, counts) with a < b, grouped by a.
    pub fn pairs(&self) -> impl Iterator<Item = (u32, u32, Pair)> + '_ {
        self.keys
            .iter()
            .zip(&self.values)
            .map(|(&key, &pair)| ((key >> 32) as u32, key as u32, pair))
    }

    pub fn distinct_pairs(&self) -> usize {
        self.keys.len()
    }

    /// Merges sorted, distinct `more` into the table.
    fn merge(&mut self, more: Vec<(u64, Pair)>) {
        let old_keys = std::mem::take(&mut self.keys);
        let old_values = std::mem::take(&mut self.values);
        let total = old_keys.len() + more.len();
        let (mut keys, mut values) = (Vec::with_capacity(total), Vec::with_capacity(total));
        let (mut i, mut j) = (0, 0);
        while i < old_keys.len() || j < more.len() {
            let take_old = j == more.len() || (i < old_keys.len() && old_keys[i] <= more[j].0);
            let take_new = i == old_keys.len() || (j < more.len() && more[j].0 <= old_keys[i]);
            let (key, mut pair) = if take_old {
                (old_keys[i], old_values[i])
            } else {
                more[j]
            };
            if take_old && take_new {
                // The same pair in both: add up.
                pair.baskets += more[j].1.baskets;
                pair.companion += more[j].1.companion;
            }
            keys.push(key);
            values.push(pair);
            i += usize::from(take_old);
            j += usize::from(take_new);
        }
        self.keys = keys;
        self.values = values;
    }
}

/// 1/(size − 1), from a table for the usual sizes (a division per pair
/// occurrence adds up).
fn companion_weight(size: u32) -> f64 {
    const TABLE: [f64; 64] = {
        let mut t = [1.0; 64];
        let mut s = 2;
        while s < 64 {
            t[s] = 1.0 / (s - 1) as f64;
            s += 1;
        }
        t
    };
    match TABLE.get(size as usize) {
        Some(&w) => w,
        None => 1.0 / f64::from(size - 1),
    }
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
        let mut c = Counting::new(50, 1);
        c.add(&[0, 1, 2]);
        c.add(&[1, 2]);
        c.add(&[3]);
        let c = c.finish();
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
        let mut c = Counting::new(10, 7);
        let big: Vec<u32> = (0..1000).collect();
        c.add(&big);
        let c = c.finish();
        assert_eq!(c.distinct_pairs(), 45);
        assert_eq!(c.sampled, 1);
        // Item counts still see the whole basket.
        assert_eq!(c.item(999), 1);
        let mut again = Counting::new(10, 7);
        again.add(&big);
        let again = again.finish();
        let a: Vec<_> = c.pairs().collect();
        let b: Vec<_> = again.pairs().collect();
        assert_eq!(a, b, "sampling is deterministic");
    }

    #[test]
    fn folding_in_batches_equals_counting_at_once() {
        // A reference count with a plain map, against the sorted table
        // folded many times over (baskets far past one buffer).
        let mut rng = crate::builder::rng::Rng::new(5);
        let mut counting = Counting {
            fold_at: 1000,
            ..Counting::new(50, 1)
        };
        let mut expected = std::collections::BTreeMap::new();
        for _ in 0..20_000 {
            let mut basket: Vec<u32> = (0..2 + rng.below(6))
                .map(|_| rng.below(3000) as u32)
                .collect();
            basket.sort_unstable();
            basket.dedup();
            for (k, &a) in basket.iter().enumerate() {
                for &b in &basket[k + 1..] {
                    *expected.entry((a, b)).or_insert(0u32) += 1;
                }
            }
            counting.add(&basket);
        }
        let counts = counting.finish();
        let got: Vec<((u32, u32), u32)> = counts
            .pairs()
            .map(|(a, b, p)| ((a, b), p.baskets))
            .collect();
        let want: Vec<((u32, u32), u32)> = expected.into_iter().collect();
        assert_eq!(got, want);
    }
}
