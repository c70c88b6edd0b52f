//! Add-ons for a product in the cart: what the merchant declared an add-on
//! for it (protection plans, accessories; catalog `addon_for`) first, then
//! accessories inferred from co-purchases, ranked by how likely a cart
//! with the product gets them next (companion score). An accessory costs
//! at most `accessory_max_ratio` of the product (a case for a phone, not a
//! second phone) and is a complement of it: bought with it above chance,
//! not merely beside it. Without any prices (a grocer's baskets, say),
//! there is no telling accessories from main products, and every
//! companion counts.

use super::List;
use crate::builder::items::Items;
use crate::builder::score::PairCounts;
use crate::builder::{Counts, Settings};

/// `declared_for[a]`: products declared add-ons for product `a`;
/// `companions[a]`: what carts with `a` get next; `complements[a]`: what is
/// bought with `a` above chance.
pub fn add_ons(
    counts: &Counts,
    items: &Items,
    companions: &[List],
    complements: &[List],
    declared_for: &[Vec<u32>],
    settings: &Settings,
) -> Vec<List> {
    let priced = items.any_prices();
    let mut lists = vec![List::default(); items.len()];
    for (a, list) in lists.iter_mut().enumerate() {
        let a_n = a as u32;
        let mut declared: Vec<(u32, f32)> = declared_for
            .get(a)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&d| d != a_n && items.recommendable(d))
            .map(|d| {
                let n_ab = counts.pair(a_n, d).baskets;
                let stats = PairCounts::new(
                    counts.baskets.max(1),
                    counts.item(a_n).max(1),
                    counts.item(d).max(1),
                    n_ab,
                );
                (d, stats.added_value(settings.shrinkage).max(0.0) as f32)
            })
            .collect();
        // Most bought-with first; ties keep catalog order.
        declared.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        list.pinned = declared.len();
        list.items = declared;
        let inferred = companions
            .get(a)
            .map(|c| c.items.as_slice())
            .unwrap_or_default()
            .iter()
            .copied()
            .filter(|&(b, _)| {
                !priced
                    || (is_accessory(items, a_n, b, settings)
                        && complements.get(a).is_some_and(|c| c.contains(b)))
            });
        for (b, score) in inferred {
            if !list.contains(b) {
                list.items.push((b, score));
            }
        }
    }
    lists
}

fn is_accessory(items: &Items, product: u32, candidate: u32, settings: &Settings) -> bool {
    items
        .prices(product, candidate)
        .is_some_and(|(p, c)| (c as f64) <= p as f64 * settings.accessory_max_ratio)
}

/// Resolves the catalog's `addon_for` cells: each entry is a product id,
/// else a category name, else a family name. Returns, per product number,
/// the add-ons declared for it, and the entries that matched nothing.
pub fn declared_for(
    rows: &[crate::builder::catalog::CatalogRow],
    vocab: &crate::builder::Vocab,
    items: &Items,
) -> (Vec<Vec<u32>>, Vec<String>) {
    let mut out = vec![Vec::new(); items.len()];
    let mut unknown = Vec::new();
    for row in rows {
        let Some(addon) = vocab.get(&row.id) else {
            continue;
        };
        for target in &row.addon_for {
            let matches: Vec<u32> = match vocab.get(target) {
                Some(t) if items.get(t).listed => vec![t],
                _ => {
                    let category = items.categories.iter().position(|c| c == target);
                    let family = items.families.iter().position(|f| f == target);
                    (0..items.len() as u32)
                        .filter(|&i| {
                            let m = items.get(i);
                            (category.is_some() && m.category.map(|c| c as usize) == category)
                                || (family.is_some() && m.family.map(|f| f as usize) == family)
                        })
                        .collect()
                }
            };
            if matches.is_empty() {
                unknown.push(format!("{} (line {}): {target:?}", row.id, row.line));
            }
            for t in matches {
                if t != addon && !out[t as usize].contains(&addon) {
                    out[t as usize].push(addon);
                }
            }
        }
    }
    (out, unknown)
}
