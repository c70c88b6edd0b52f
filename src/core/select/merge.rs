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
    // Insertion sort: stable (first-met order among equals), and a few
    // hundred bytes of wasm where the standard sorts take kilobytes; lists
    // here are short (items of one cart).
    for i in 1..picks.len() {
        let mut j = i;
        while j > 0 && ranks_before(&picks[j], &picks[j - 1]) {
            picks.swap(j, j - 1);
            j -= 1;
        }
    }
    picks.truncate(limit);
    picks
}

/// Pinned before earned before fallback; then the higher score.
fn ranks_before(a: &Pick, b: &Pick) -> bool {
    a.origin < b.origin || (a.origin == b.origin && a.score > b.score)
}
