//! Complements: products bought together more often than chance, that are
//! not other versions of each other (the bought-together block, and
//! post-purchase offers).
//!
//! A pair qualifies when it is evidence ([`is_evidence`]) and bought
//! together more often than independence predicts (n_AB > E). Qualifying
//! pairs are ranked per product by shrunk added value, P(B|A) − P(B)
//! ([`PairCounts::added_value`]): a best seller that is in every basket
//! anyway does not crowd out what really goes with the product.
//!
//! [`PairCounts::added_value`]: crate::builder::score::PairCounts::added_value

use super::evidence::{is_evidence, stats};
use super::List;
use crate::builder::items::Items;
use crate::builder::{Counts, Settings};

/// Every product's complements, best first (not truncated: add-ons pick
/// accessories from the full list).
pub fn complements(counts: &Counts, items: &Items, settings: &Settings) -> Vec<List> {
    let mut lists = vec![List::default(); items.len()];
    for (a, b, pair) in counts.pairs() {
        if !is_evidence(counts, a, b, pair, settings) {
            continue;
        }
        let forward = stats(counts, a, b, pair);
        // Above chance, so "bought together" for the substitutes rule.
        if forward.n_ab <= forward.expected() || items.substitutes(a, b, true) {
            continue;
        }
        if items.recommendable(b) {
            lists[a as usize]
                .items
                .push((b, forward.added_value(settings.shrinkage) as f32));
        }
        if items.recommendable(a) {
            let backward = stats(counts, b, a, pair);
            lists[b as usize]
                .items
                .push((a, backward.added_value(settings.shrinkage) as f32));
        }
    }
    sort_best_first(&mut lists);
    lists
}

pub(super) fn sort_best_first(lists: &mut [List]) {
    for list in lists {
        list.items
            .sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    }
}
