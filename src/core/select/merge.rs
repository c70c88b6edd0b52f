//! Several lists (one per anchor: a cart's items, an order's items; pins;
//! recently viewed products) become one ranking. Merchant-placed items come
//! first, then items earned by co-purchases by summed weighted score (an
//! item that completes two cart items beats one that completes one), then
//! what only recently viewed products suggest, then cold-start fills.

use rustc_hash::FxHashMap;

use super::{Filter, Pick};
use crate::core::index::{Origin, Ranked};

/// One list and how much it counts.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    pub list: &'a Ranked,
    pub weight: f32,
    /// When set, items from this list are at best this origin (a recently
    /// viewed product's list is not the anchor's own evidence).
    pub origin: Option<Origin>,
}

impl<'a> Source<'a> {
    pub fn anchor(list: &'a Ranked) -> Source<'a> {
        Source {
            list,
            weight: 1.0,
            origin: None,
        }
    }
}

/// Merges `sources`, keeps what `filter` allows, boosts products the
/// shopper viewed, and returns at most `limit` picks, best first. Ties keep
/// the order in which items were first met. A block of complements shows
/// one version of each product at most.
pub fn merge<'a>(
    sources: impl IntoIterator<Item = Source<'a>>,
    filter: &Filter<'_>,
    viewed: &[u32],
    limit: usize,
) -> Vec<Pick> {
    let mut picks: Vec<Pick> = Vec::new();
    // Where each met item sits in `picks` (None: met, but filtered out).
    let mut seen: FxHashMap<u32, Option<usize>> = FxHashMap::default();
    for source in sources {
        let list = source.list;
        for (rank, &item) in list.items.iter().enumerate() {
            let own = list.origin(rank);
            let origin = source.origin.map_or(own, |o| o.max(own));
            let score = list.score(rank) * source.weight;
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
    // What the shopper looked at is what the shopper is after.
    for p in &mut picks {
        if viewed.contains(&p.position) {
            p.score *= VIEWED_BOOST;
        }
    }
    // Insertion sort: stable (first-met order among equals), and a few
    // hundred bytes of wasm where the standard sorts take kilobytes; lists
    // here are short.
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

/// How much a recently viewed product's list counts beside an anchor's.
pub const VIEWED_WEIGHT: f32 = 0.25;
/// How much more a candidate the shopper viewed scores.
const VIEWED_BOOST: f32 = 1.5;

/// Pinned before earned before viewed before fallback; then the higher
/// score.
fn ranks_before(a: &Pick, b: &Pick) -> bool {
    a.origin < b.origin || (a.origin == b.origin && a.score > b.score)
}
