//! The merchant's hand on the lists: `pin` (shown first in the product's
//! bought-together block, marked pinned) and `exclude` (never recommended
//! with the product, in any block), from the catalog.

use super::{List, Lists};
use crate::builder::catalog::CatalogRow;
use crate::builder::items::Items;
use crate::builder::Vocab;

/// Applies every row's pins and excludes; returns the ids that named no
/// product.
pub fn merchandise(
    lists: &mut Lists,
    rows: &[CatalogRow],
    vocab: &Vocab,
    items: &Items,
) -> Vec<String> {
    let mut unknown = Vec::new();
    for row in rows {
        let Some(a) = vocab.get(&row.id).map(|a| a as usize) else {
            continue;
        };
        let mut resolve = |ids: &[String], what: &str| -> Vec<u32> {
            ids.iter()
                .filter_map(|id| {
                    let found = vocab.get(id).map(|n| items.canonical(n));
                    if found.is_none() {
                        unknown.push(format!("{} (line {}): {what} {id:?}", row.id, row.line));
                    }
                    found
                })
                .collect()
        };
        let pins = resolve(&row.pin, "pin");
        let excludes = resolve(&row.exclude, "exclude");
        for list in [
            &mut lists.together[a],
            &mut lists.add_ons[a],
            &mut lists.upgrade[a],
        ] {
            remove(list, &excludes);
        }
        let pins: Vec<u32> = pins
            .into_iter()
            .filter(|&p| p as usize != a && items.recommendable(p) && !excludes.contains(&p))
            .collect();
        pin(&mut lists.together[a], &pins);
    }
    unknown
}

fn remove(list: &mut List, gone: &[u32]) {
    if gone.is_empty() {
        return;
    }
    let mut kept = Vec::with_capacity(list.items.len());
    let (mut pinned, mut fallback) = (list.pinned, list.fallback_from);
    for (rank, &(item, score)) in list.items.iter().enumerate() {
        if gone.contains(&item) {
            if rank < list.pinned {
                pinned -= 1;
            }
            if let Some(f) = fallback.as_mut().filter(|f| rank < **f) {
                *f -= 1;
            }
        } else {
            kept.push((item, score));
        }
    }
    list.items = kept;
    list.pinned = pinned;
    list.fallback_from = fallback.filter(|&f| f < list.items.len());
}

/// Puts `pins` first (in the order given), after earlier pins.
fn pin(list: &mut List, pins: &[u32]) {
    if pins.is_empty() {
        return;
    }
    remove(list, pins);
    let at = list.pinned;
    for (k, &p) in pins.iter().enumerate() {
        list.items.insert(at + k, (p, 0.0));
    }
    list.pinned += pins.len();
    if let Some(f) = list.fallback_from.as_mut() {
        *f += pins.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_go_first_and_excludes_go() {
        let mut list = List {
            items: vec![(1, 0.5), (2, 0.4), (3, 0.3), (4, 0.0)],
            pinned: 0,
            fallback_from: Some(3),
        };
        remove(&mut list, &[2]);
        assert_eq!(list.items, vec![(1, 0.5), (3, 0.3), (4, 0.0)]);
        assert_eq!(list.fallback_from, Some(2));
        pin(&mut list, &[4, 9]);
        assert_eq!(list.items, vec![(4, 0.0), (9, 0.0), (1, 0.5), (3, 0.3)]);
        assert_eq!((list.pinned, list.fallback_from), (2, None));
    }
}
