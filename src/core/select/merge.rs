//! Several anchors (a cart's items, an order's items) each have a ranked
//! list; the block shows one. Merchant-placed items come first, then items
//! earned by co-purchases by summed score (an item that completes two cart
//! items beats one that completes one), then cold-start fills.

use std::collections::HashMap;

use super::{Filter, Pick};
use crate::core::index::Ranked;

/// Merges `lists` (one per anchor, plus any fill), keeps what `filter`
/// allows, and returns at most `limit` picks, best first. Ties keep the
/// order in which items were first met (list order, then rank). A block
/// of complements shows one version of each product at most.
pub fn merge<'a>(
    lists: impl IntoIterator<Item = &'a Ranked>,
    filter: &Filter<'_>,
    limit: usize,
) -> Vec<Pick> {
    let mut picks: Vec<Pick> = Vec::new();
    // Where each met item sits in `picks` (None: met, but filtered out).
    let mut seen: HashMap<u32, Option<usize>> = HashMap::new();
    for list in lists {
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
    let mut kept: Vec<Pick> = Vec::with_capacity(limit);
    for pick in picks {
        if kept.len() == limit {
            break;
        }
        if filter.allows_beside(pick.position, &kept) {
            kept.push(pick);
        }
    }
    kept
}

/// Pinned before earned before fallback; then the higher score.
fn ranks_before(a: &Pick, b: &Pick) -> bool {
    a.origin < b.origin || (a.origin == b.origin && a.score > b.score)
}
