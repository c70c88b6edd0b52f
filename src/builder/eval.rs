//! Offline evaluation: would the cart page's add-ons block have shown what
//! the shopper went on to buy?
//!
//! Baskets are split at random into training and test sets; the model is
//! built from training baskets only. From each test basket with 2 or more
//! items one item is hidden at random; the rest is the cart. A recommender
//! lists k items not in the cart (filled up with best sellers when it has
//! fewer), and scores a hit when the hidden item is among them: HR@k is the
//! share of hits, MRR@k the mean of 1/rank (0 for a miss). This is the
//! protocol of shared/data/README.md, so its reference figures compare.

use super::rng::Rng;
use super::{Counts, Pair};

/// One test case: what is in the cart, and what was hidden from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub cart: Vec<u32>,
    pub hidden: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Holdout {
    pub train: Vec<Vec<u32>>,
    /// Test baskets, whole (some have one item and make no case).
    pub test: usize,
    pub cases: Vec<Case>,
}

/// Splits `baskets` (each a sorted set) into training baskets and test
/// cases; `test_share` of baskets go to test.
pub fn holdout(baskets: Vec<Vec<u32>>, test_share: f64, seed: u64) -> Holdout {
    let mut rng = Rng::new(seed);
    let mut out = Holdout::default();
    for basket in baskets {
        if rng.unit() >= test_share {
            out.train.push(basket);
            continue;
        }
        out.test += 1;
        if basket.len() < 2 {
            continue;
        }
        let hide = rng.below(basket.len());
        let mut cart = basket;
        let hidden = cart.remove(hide);
        out.cases.push(Case { cart, hidden });
    }
    out
}

/// Hit rate and reciprocal rank over the cases.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Metrics {
    pub cases: usize,
    pub hits: usize,
    pub reciprocal_ranks: f64,
}

impl Metrics {
    pub fn hit_rate(&self) -> f64 {
        self.hits as f64 / self.cases.max(1) as f64
    }

    pub fn mrr(&self) -> f64 {
        self.reciprocal_ranks / self.cases.max(1) as f64
    }

    fn record(&mut self, ranked: &[u32], hidden: u32) {
        self.cases += 1;
        if let Some(rank) = ranked.iter().position(|&i| i == hidden) {
            self.hits += 1;
            self.reciprocal_ranks += 1.0 / (rank + 1) as f64;
        }
    }
}

/// Scores `recommend(cart)` on every case, each list filled up to `k`
/// with `popular` items not in the cart.
pub fn evaluate(
    cases: &[Case],
    k: usize,
    popular: &[u32],
    mut recommend: impl FnMut(&[u32]) -> Vec<u32>,
) -> Metrics {
    let mut metrics = Metrics::default();
    for case in cases {
        let mut list = recommend(&case.cart);
        list.retain(|i| !case.cart.contains(i));
        list.truncate(k);
        for &p in popular {
            if list.len() >= k {
                break;
            }
            if !case.cart.contains(&p) && !list.contains(&p) {
                list.push(p);
            }
        }
        metrics.record(&list, case.hidden);
    }
    metrics
}

/// Simple recommenders from the same training counts, to run beside the
/// engine in the same split.
pub struct Baselines<'a> {
    counts: &'a Counts,
    /// Per item: (other item, the pair's counts).
    neighbours: Vec<Vec<(u32, Pair)>>,
    /// Every item, most bought first.
    pub popular: Vec<u32>,
}

impl<'a> Baselines<'a> {
    pub fn new(counts: &'a Counts, items: usize) -> Baselines<'a> {
        let mut neighbours = vec![Vec::new(); items];
        for (a, b, pair) in counts.pairs() {
            neighbours[a as usize].push((b, pair));
            neighbours[b as usize].push((a, pair));
        }
        let mut popular: Vec<u32> = (0..items as u32).filter(|&i| counts.item(i) > 0).collect();
        popular.sort_by_key(|&i| (std::cmp::Reverse(counts.item(i)), i));
        Baselines {
            counts,
            neighbours,
            popular,
        }
    }

    /// Best sellers only (the fill does the work).
    pub fn popularity(&self, _cart: &[u32]) -> Vec<u32> {
        Vec::new()
    }

    /// Σ over cart items a of P(c|a) = n_ac / n_a.
    pub fn confidence_sum(&self, cart: &[u32]) -> Vec<u32> {
        self.by_summed(cart, |a, _c, pair| {
            f64::from(pair.baskets) / f64::from(self.counts.item(a))
        })
    }

    /// Σ over cart items a of n_ac / (n_a^α · n_c^(1−α)).
    pub fn asymmetric_cosine(&self, cart: &[u32], alpha: f64) -> Vec<u32> {
        self.by_summed(cart, |a, c, pair| {
            let (n_a, n_c) = (
                f64::from(self.counts.item(a)),
                f64::from(self.counts.item(c)),
            );
            f64::from(pair.baskets) / (n_a.powf(alpha) * n_c.powf(1.0 - alpha))
        })
    }

    /// The engine's cart scoring on every pair, without the index's
    /// evidence rule and list lengths: what those cost, if anything.
    pub fn companion_all_pairs(&self, cart: &[u32], discount: f64) -> Vec<u32> {
        self.by_summed(cart, |a, c, pair| {
            let (n_a, n_c) = (
                f64::from(self.counts.item(a)),
                f64::from(self.counts.item(c)),
            );
            pair.companion / n_a / n_c.powf(discount)
        })
    }

    fn by_summed(&self, cart: &[u32], sim: impl Fn(u32, u32, Pair) -> f64) -> Vec<u32> {
        let mut score: rustc_hash::FxHashMap<u32, f64> = Default::default();
        for &a in cart {
            for &(c, pair) in self.neighbours.get(a as usize).into_iter().flatten() {
                *score.entry(c).or_insert(0.0) += sim(a, c, pair);
            }
        }
        let mut ranked: Vec<(u32, f64)> = score.into_iter().collect();
        ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        ranked.into_iter().map(|(c, _)| c).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holdout_hides_one_item_of_test_baskets() {
        let baskets: Vec<Vec<u32>> = (0..1000).map(|i| vec![i % 7, 7 + i % 5]).collect();
        let h = holdout(baskets.clone(), 0.2, 3);
        assert_eq!(h.train.len() + h.test, 1000);
        assert!((150..250).contains(&h.test), "{}", h.test);
        assert_eq!(h.cases.len(), h.test);
        for c in &h.cases {
            assert_eq!(c.cart.len(), 1);
        }
        assert_eq!(
            holdout(baskets, 0.2, 3).cases,
            h.cases,
            "same seed, same split"
        );
    }

    #[test]
    fn metrics_count_hits_and_ranks() {
        let cases = vec![
            Case {
                cart: vec![0],
                hidden: 1,
            },
            Case {
                cart: vec![0],
                hidden: 2,
            },
            Case {
                cart: vec![0],
                hidden: 9,
            },
        ];
        let m = evaluate(&cases, 2, &[3, 0, 4], |_| vec![1, 2, 5]);
        assert_eq!((m.cases, m.hits), (3, 2));
        assert!((m.mrr() - (1.0 + 0.5) / 3.0).abs() < 1e-12);
        // The fill never offers the cart and stops at k.
        let m = evaluate(&cases[2..], 2, &[0, 9], |_| vec![]);
        assert_eq!(m.hits, 1);
    }
}
