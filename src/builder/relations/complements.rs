//! Complements: products bought together more often than chance, and
//! significantly so, that are not other versions of each other.
//!
//! A pair qualifies when it was bought together in at least `min_count`
//! baskets, more often than independence predicts (n_AB > E), and its
//! log-likelihood ratio reaches `min_llr`. Qualifying pairs are ranked per
//! product by shrunk added value, P(B|A) − P(B) (see [`PairCounts`]).

use super::List;
use crate::builder::items::Items;
use crate::builder::score::PairCounts;
use crate::builder::{Counts, Settings};

/// Every product's qualifying complements, best first (not truncated:
/// add-ons pick accessories from the full list).
pub fn complements(counts: &Counts, items: &Items, settings: &Settings) -> Vec<List> {
    let mut lists = vec![List::default(); items.len()];
    for (a, b, n_ab) in counts.pairs() {
        if n_ab < settings.min_count || items.substitutes(a, b) {
            continue;
        }
        let stats = PairCounts::new(counts.baskets, counts.item(a), counts.item(b), n_ab);
        if stats.n_ab <= stats.expected() || stats.llr() < settings.min_llr {
            continue;
        }
        if items.recommendable(b) {
            let score = stats.added_value(settings.shrinkage);
            lists[a as usize].items.push((b, score as f32));
        }
        if items.recommendable(a) {
            let reverse = PairCounts::new(counts.baskets, counts.item(b), counts.item(a), n_ab);
            let score = reverse.added_value(settings.shrinkage);
            lists[b as usize].items.push((a, score as f32));
        }
    }
    for list in &mut lists {
        list.items
            .sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    }
    lists
}
