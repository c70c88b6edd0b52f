//! Companions: what a cart holding product A is most likely to get next
//! (the cart's add-ons, after what the merchant declared).
//!
//! Where complements ask "what goes with A more than with anything?", this
//! asks "what will this shopper add?": pairs need only be evidence
//! ([`is_evidence`]), not above chance, and are ranked by the companion
//! score: the chance that a random other item of A's basket is B
//! ([`Pair::companion`] / n_A), discounted by B's popularity to the power
//! `popularity_discount` so that best sellers do not take every place.
//! Measured with `xsell eval`, this predicts the item a shopper adds better
//! than confidence or asymmetric cosine (README, "Evaluation").
//!
//! [`Pair::companion`]: crate::builder::Pair

use super::complements::sort_best_first;
use super::evidence::{is_evidence, stats};
use super::List;
use crate::builder::items::Items;
use crate::builder::{Counts, Settings};

pub fn companions(counts: &Counts, items: &Items, settings: &Settings) -> Vec<List> {
    let mut lists = vec![List::default(); items.len()];
    let n = counts.baskets.max(1) as f64;
    let score = |from: u32, to: u32, weight: f64| -> f32 {
        let share = f64::from(counts.item(to)) / n;
        (weight / f64::from(counts.item(from).max(1)) / share.powf(settings.popularity_discount))
            as f32
    };
    for (a, b, pair) in counts.pairs() {
        if !is_evidence(counts, a, b, pair, settings) {
            continue;
        }
        let forward = stats(counts, a, b, pair);
        if items.substitutes(a, b, forward.n_ab > forward.expected()) {
            continue;
        }
        if items.recommendable(b) {
            lists[a as usize]
                .items
                .push((b, score(a, b, pair.companion)));
        }
        if items.recommendable(a) {
            lists[b as usize]
                .items
                .push((a, score(b, a, pair.companion)));
        }
    }
    sort_best_first(&mut lists);
    lists
}
