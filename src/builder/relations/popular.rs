//! Best sellers: what cold-start fills and empty blocks fall back to.

use crate::builder::items::Items;
use crate::builder::Counts;

/// How many best sellers the index keeps.
pub const POPULAR_KEPT: usize = 50;

/// Recommendable products by baskets, most first (ties: catalog order).
pub fn popular(counts: &Counts, items: &Items) -> Vec<u32> {
    let mut all: Vec<u32> = (0..items.len() as u32)
        .filter(|&i| items.recommendable(i) && counts.item(i) > 0)
        .collect();
    all.sort_by_key(|&i| (std::cmp::Reverse(counts.item(i)), i));
    all.truncate(POPULAR_KEPT);
    all
}
