//! Everything the builder worked out, written as the index format: listed
//! products in catalog order (then order-only products when there is no
//! catalog), lists as positions, scores to four significant digits.

use super::catalog::CatalogRow;
use super::items::Items;
use super::relations::{List, Lists};
use super::{Settings, Vocab};
use crate::core::index::{Bundle, Index, Merchandising, Product, Ranked, Stats, FORMAT_VERSION};

pub fn assemble(
    vocab: &Vocab,
    items: &Items,
    rows: &[CatalogRow],
    lists: &Lists,
    settings: &Settings,
    currency: &str,
) -> Index {
    // Index position of each product number; None for unlisted products.
    let mut position: Vec<Option<u32>> = vec![None; items.len()];
    let mut next = 0u32;
    for (i, slot) in position.iter_mut().enumerate() {
        if items.get(i as u32).listed {
            *slot = Some(next);
            next += 1;
        }
    }
    let ranked = |list: &List| -> Ranked {
        // Lists only ever hold recommendable, hence listed, products.
        let kept: Vec<(u32, f32)> = list
            .items
            .iter()
            .filter_map(|&(i, s)| position[i as usize].map(|p| (p, s)))
            .collect();
        let has_scores = kept.iter().any(|&(_, s)| s != 0.0);
        Ranked {
            items: kept.iter().map(|&(p, _)| p).collect(),
            scores: if has_scores {
                kept.iter().map(|&(_, s)| round4(s)).collect()
            } else {
                Vec::new()
            },
            pinned: list.pinned.min(kept.len()) as u32,
            fallback_from: list.fallback_from.map(|f| f.min(kept.len()) as u32),
        }
    };
    let mut products = Vec::with_capacity(next as usize);
    for (i, _) in position.iter().enumerate().filter(|(_, p)| p.is_some()) {
        let m = items.get(i as u32);
        let mut p = Product::new(vocab.id(i as u32));
        if let Some(row) = items.row_of[i].and_then(|r| rows.get(r)) {
            p.title = row.title.clone();
            p.url = row.url.clone();
            p.image = row.image.clone();
            p.price = row.price;
            p.currency = Some(row.currency.clone()).filter(|c| c != currency);
            p.tier = row.tier;
            p.rating = row.rating;
        } else {
            // Not in the catalog: what the order lines said, if asked.
            p.title = m.title.clone().unwrap_or_default();
            p.price = m.price;
        }
        p.category = m.category;
        p.family = m.family;
        p.parent = m.parent.and_then(|parent| position[parent as usize]);
        p.attrs = m.attrs.clone();
        if let Some(row) = items.row_of[i].and_then(|r| rows.get(r)) {
            p.option = row.option.clone();
        }
        p.in_stock = m.in_stock;
        p.addon = m.addon;
        p.together = ranked(&lists.together[i]);
        p.upgrade = ranked(&lists.upgrade[i]);
        p.add_ons = ranked(&lists.add_ons[i]);
        p.bundle = lists.bundles.get(i).copied().flatten().and_then(|set| {
            let items: Vec<u32> = set.iter().filter_map(|&b| position[b as usize]).collect();
            (items.len() == 2).then_some(Bundle { items })
        });
        products.push(p);
    }
    // Each parent lists its variants, in catalog order.
    for v in 0..products.len() {
        if let Some(parent) = products[v].parent {
            products[parent as usize].variants.push(v as u32);
        }
    }
    // A parent without its own price shows its first priced variant's.
    for p in 0..products.len() {
        if products[p].price.is_none() {
            let first = products[p]
                .variants
                .iter()
                .find_map(|&v| products[v as usize].price);
            products[p].price = first;
        }
    }
    Index {
        version: FORMAT_VERSION,
        attributes: items.attributes.clone(),
        labels: settings
            .labels
            .iter()
            .filter_map(|l| {
                let texts = crate::core::labels::builtin(l)?;
                let pairs = crate::core::labels::KEYS
                    .iter()
                    .zip(texts.iter())
                    .map(|(k, t)| (k.to_string(), t.to_string()))
                    .collect();
                Some((l.to_ascii_lowercase(), pairs))
            })
            .collect(),
        merchandising: Merchandising {
            limits: settings
                .limits
                .iter()
                .map(|(block, n)| (block.name().to_string(), *n))
                .collect(),
            cross_sell_max_ratio: settings.cross_sell_max_ratio,
        },
        currency: Some(currency.to_string()),
        categories: items.categories.clone(),
        families: items.families.clone(),
        products,
        popular: lists
            .popular
            .iter()
            .filter_map(|&i| position[i as usize])
            .collect(),
        bundle_discount: settings.bundle_discount,
        stats: Some(Stats {
            builder: Some(format!("xsell {}", env!("CARGO_PKG_VERSION"))),
            settings: settings.describe(),
        }),
    }
}

/// Four significant digits: plenty to rank by, and short in JSON.
fn round4(x: f32) -> f32 {
    if x == 0.0 || !x.is_finite() {
        return 0.0;
    }
    let magnitude = 10f32.powi(3 - x.abs().log10().floor() as i32);
    (x * magnitude).round() / magnitude
}

#[cfg(test)]
mod tests {
    use super::round4;

    #[test]
    fn rounds_to_four_significant_digits() {
        assert_eq!(round4(0.123456), 0.1235);
        assert_eq!(round4(12345.6), 12350.0);
        assert_eq!(round4(0.0), 0.0);
    }
}
