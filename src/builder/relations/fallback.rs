//! Cold start: every product gets blocks, even one nobody has bought yet.
//! Lists shorter than `min_list` are filled, in this order, with
//!
//! 1. the add-ons the merchant declared for the product;
//! 2. complements at category level: what other versions of the product
//!    (same family, else same category) are bought with;
//! 3. best sellers of complementary categories (categories whose products
//!    are bought together with this one's category);
//! 4. best sellers overall.
//!
//! Fills are never substitutes of the product, and the list records where
//! they start (`fallback_from`) so pages and analysts can tell them apart.

use rustc_hash::FxHashMap;

use super::List;
use crate::builder::items::Items;
use crate::builder::{Counts, Settings};

pub fn fill_together(
    together: &mut [List],
    earned: &[List],
    declared_for: &[Vec<u32>],
    counts: &Counts,
    items: &Items,
    popular: &[u32],
    settings: &Settings,
) {
    let groups = Groups::new(items);
    let affinity = category_affinity(counts, items);
    let best_in_category = best_sellers_by_category(counts, items);
    for (a, list) in together.iter_mut().enumerate() {
        // Variants are shown through their parents and need no lists.
        if list.len() >= settings.min_list || items.get(a as u32).parent.is_some() {
            continue;
        }
        let a = a as u32;
        let mut fill = Filler::new(list, a, items, settings.min_list);
        for &b in declared_for.get(a as usize).into_iter().flatten() {
            fill.offer(b);
        }
        for (b, _) in groups.sibling_lists(a, items, earned) {
            fill.offer(b);
        }
        if let Some(c) = items.get(a).category {
            for d in affinity.get(&c).into_iter().flatten() {
                for &b in best_in_category.get(d).into_iter().flatten() {
                    fill.offer(b);
                }
            }
        }
        for &b in popular {
            fill.offer(b);
        }
    }
}

/// Add-ons fall back to what other versions of the product (its family
/// only: a category can hold unrelated things, such as protection plans
/// for phones and for coffee machines) take as add-ons, still within the
/// accessory price rule. Without prices add-ons are plain companions, so
/// they take the complements' fills.
pub fn fill_add_ons(add_ons: &mut [List], together: &[List], items: &Items, settings: &Settings) {
    let priced = items.any_prices();
    let groups = Groups::new(items);
    let earned_add_ons: Vec<List> = add_ons.to_vec();
    for (a, list) in add_ons.iter_mut().enumerate() {
        if list.len() >= settings.min_list || items.get(a as u32).parent.is_some() {
            continue;
        }
        let a = a as u32;
        let candidates: Vec<(u32, f32)> = if priced {
            groups
                .family_lists(a, items, &earned_add_ons)
                .into_iter()
                .filter(|&(b, _)| {
                    items
                        .prices(a, b)
                        .is_some_and(|(p, c)| c as f64 <= p as f64 * settings.accessory_max_ratio)
                })
                .collect()
        } else {
            together[a as usize].items.clone()
        };
        let mut fill = Filler::new(list, a, items, settings.min_list);
        for (b, _) in candidates {
            fill.offer(b);
        }
    }
}

/// Appends fills to one list until it is long enough.
struct Filler<'a> {
    list: &'a mut List,
    anchor: u32,
    items: &'a Items,
    want: usize,
}

impl<'a> Filler<'a> {
    fn new(list: &'a mut List, anchor: u32, items: &'a Items, want: usize) -> Filler<'a> {
        Filler {
            list,
            anchor,
            items,
            want,
        }
    }

    fn offer(&mut self, b: u32) {
        if self.list.len() >= self.want
            || b == self.anchor
            || !self.items.recommendable(b)
            // Fills are guesses: a same-category product counts as
            // another version.
            || self.items.substitutes(self.anchor, b, false)
            || self.list.contains(b)
        {
            return;
        }
        let start = *self.list.fallback_from.get_or_insert(self.list.len());
        // Fills rank below every earned item; among themselves, by order.
        let k = (self.list.len() - start) as f32;
        self.list.items.push((b, 1.0 / (k + 2.0) / 1000.0));
    }
}

/// Products grouped by family and by category.
struct Groups {
    by_family: FxHashMap<u32, Vec<u32>>,
    by_category: FxHashMap<u32, Vec<u32>>,
}

impl Groups {
    fn new(items: &Items) -> Groups {
        let mut g = Groups {
            by_family: FxHashMap::default(),
            by_category: FxHashMap::default(),
        };
        for i in 0..items.len() as u32 {
            let m = items.get(i);
            if let Some(f) = m.family {
                g.by_family.entry(f).or_default().push(i);
            }
            if let Some(c) = m.category {
                g.by_category.entry(c).or_default().push(i);
            }
        }
        g
    }

    /// The lists of `a`'s other versions (family, else category) merged by
    /// summed score, best first. Only their earned parts count.
    fn sibling_lists(&self, a: u32, items: &Items, lists: &[List]) -> Vec<(u32, f32)> {
        let m = items.get(a);
        let mut siblings = self.others(a, m.family.and_then(|f| self.by_family.get(&f)));
        if siblings.is_empty() {
            siblings = self.others(a, m.category.and_then(|c| self.by_category.get(&c)));
        }
        merged(&siblings, lists)
    }

    /// The lists of `a`'s family members merged, as above.
    fn family_lists(&self, a: u32, items: &Items, lists: &[List]) -> Vec<(u32, f32)> {
        let family = items.get(a).family.and_then(|f| self.by_family.get(&f));
        merged(&self.others(a, family), lists)
    }

    fn others(&self, a: u32, group: Option<&Vec<u32>>) -> Vec<u32> {
        group
            .map(|g| g.iter().copied().filter(|&s| s != a).collect())
            .unwrap_or_default()
    }
}

/// The earned parts of the lists of `siblings`, merged by summed score.
fn merged(siblings: &[u32], lists: &[List]) -> Vec<(u32, f32)> {
    let mut sum: FxHashMap<u32, f32> = FxHashMap::default();
    for &s in siblings {
        let list = &lists[s as usize];
        let earned = list.fallback_from.unwrap_or(list.len());
        for &(b, score) in &list.items[..earned] {
            *sum.entry(b).or_insert(0.0) += score;
        }
    }
    let mut merged: Vec<(u32, f32)> = sum.into_iter().collect();
    merged.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    merged
}

/// For each category, the other categories its products are bought with,
/// most co-purchases first.
fn category_affinity(counts: &Counts, items: &Items) -> FxHashMap<u32, Vec<u32>> {
    let mut pair_counts: FxHashMap<(u32, u32), u64> = FxHashMap::default();
    for (a, b, pair) in counts.pairs() {
        let n = pair.baskets;
        if let (Some(ca), Some(cb)) = (items.get(a).category, items.get(b).category) {
            if ca != cb {
                *pair_counts.entry((ca, cb)).or_insert(0) += u64::from(n);
                *pair_counts.entry((cb, ca)).or_insert(0) += u64::from(n);
            }
        }
    }
    let mut by_category: FxHashMap<u32, Vec<(u32, u64)>> = FxHashMap::default();
    for ((c, d), n) in pair_counts {
        by_category.entry(c).or_default().push((d, n));
    }
    by_category
        .into_iter()
        .map(|(c, mut ds)| {
            ds.sort_by_key(|&(d, n)| (std::cmp::Reverse(n), d));
            (c, ds.into_iter().map(|(d, _)| d).collect())
        })
        .collect()
}

/// Each category's products by baskets, most first.
fn best_sellers_by_category(counts: &Counts, items: &Items) -> FxHashMap<u32, Vec<u32>> {
    let mut by: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    for i in 0..items.len() as u32 {
        if let Some(c) = items.get(i).category {
            if items.recommendable(i) {
                by.entry(c).or_default().push(i);
            }
        }
    }
    for members in by.values_mut() {
        members.sort_by_key(|&i| (std::cmp::Reverse(counts.item(i)), i));
    }
    by
}
