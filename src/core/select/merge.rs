//! Several anchors (a cart's items, an order's items) each have a ranked
//! list; the block shows one. Merchant-placed items come first, then items
//! earned by co-purchases by summed score (an item that completes two cart
//! items beats one that completes one), then cold-start fills.

use std::collections::HashMap;

use super::{Filter, Pick};
use crate::core::index::{Catalog, Product, Ranked};

/// Merges the lists `list_of(anchor)` of every anchor, keeps what `filter`
/// allows, and returns at most `limit` picks, best first. Ties keep the
/// order in which items were first met (anchor order, then rank).
pub fn merge(
    catalog: &Catalog,
    anchors: &[u32],
    list_of: impl Fn(&Product) -> &Ranked,
    filter: &Filter<'_>,
    limit: usize,
) -> Vec<Pick> {
    let mut picks: Vec<Pick> = Vec::new();
    // Where each met item sits in `picks` (None: met, but filtered out).
    let mut seen: HashMap<u32, Option<usize>> = HashMap::new();
    for &anchor in anchors {
        let list = list_of(catalog.product(anchor));
        for (rank, &item) in list.items.iter().enumerate() {
            let (origin, score) = (list.origin(rank), list.score(rank));
            let slot = *seen.entry(item).or_insert_with(|| {
                filter.allows(item).then(|| {
                    picks.push(Pick {
                        position: item,
                        origin,
                        score: 0.0,
                    });
                    picks.len() - 1
                })
            });
            if let Some(p) = slot.and_then(|i| picks.get_mut(i)) {
                p.origin = p.origin.min(origin);
                p.score += score;
            }
        }
    }
    // A stable sort keeps first-met order among equals.
    picks.sort_by(|a, b| a.origin.cmp(&b.origin).then(b.score.total_cmp(&a.score)));
    picks.truncate(limit);
    picks
}
