//! Upgrades: a better, pricier version of the same product, the
//! "recommend instead" of WooCommerce upsells and Amazon's "compare with
//! similar items".
//!
//! Candidates share the product's family (good/better/best versions) or,
//! for products without a family, its category. They cost more, within
//! the price band `upgrade_min_ratio..=upgrade_max_ratio` of the product's
//! price, are in stock, rated no worse when both ratings are known, and of
//! a higher tier when both tiers are known. Best first means the next step
//! up: lowest tier first, then lowest price.

use rustc_hash::FxHashMap;

use super::List;
use crate::builder::items::Items;
use crate::builder::Settings;

/// Upgrades kept per product: the block shows one, the rest are spares in
/// case stock runs out.
const KEPT: usize = 5;

pub fn upgrades(items: &Items, settings: &Settings) -> Vec<List> {
    let mut lists = vec![List::default(); items.len()];
    // Groups of substitutes: by family, and by category for products
    // without one.
    let mut by_family: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    let mut by_category: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for i in 0..items.len() as u32 {
        let m = items.get(i);
        if m.price.is_none() || !items.recommendable(i) {
            continue;
        }
        if let Some(f) = m.family {
            by_family.entry(f).or_default().push(i);
        }
        if let Some(c) = m.category {
            by_category.entry(c).or_default().push(i);
        }
    }
    for (a, list) in lists.iter_mut().enumerate() {
        let a = a as u32;
        let m = items.get(a);
        // Variants are shown through their parent and need no list.
        if m.parent.is_some() {
            continue;
        }
        let group = match (m.family, m.category) {
            (Some(f), _) => by_family.get(&f),
            (None, Some(c)) => by_category.get(&c),
            (None, None) => None,
        };
        let Some(group) = group else { continue };
        let mut found: Vec<u32> = group
            .iter()
            .copied()
            .filter(|&b| b != a && is_upgrade(items, a, b, settings))
            .collect();
        found.sort_by_key(|&b| {
            let mb = items.get(b);
            (mb.tier.unwrap_or(u32::MAX), mb.price.unwrap_or(i64::MAX), b)
        });
        found.truncate(KEPT);
        list.items = found.into_iter().map(|b| (b, 0.0)).collect();
    }
    lists
}

fn is_upgrade(items: &Items, a: u32, b: u32, settings: &Settings) -> bool {
    let (ma, mb) = (items.get(a), items.get(b));
    let Some((pa, pb)) = items.prices(a, b) else {
        return false;
    };
    let ratio = pb as f64 / pa.max(1) as f64;
    let in_band =
        pb > pa && ratio >= settings.upgrade_min_ratio && ratio <= settings.upgrade_max_ratio;
    let rated_no_worse = match (ma.rating, mb.rating) {
        (Some(ra), Some(rb)) => rb >= ra,
        _ => true,
    };
    let tier_higher = match (ma.tier, mb.tier) {
        (Some(ta), Some(tb)) => tb > ta,
        _ => true,
    };
    in_band && rated_no_worse && tier_higher
}
