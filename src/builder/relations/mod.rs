//! Each block's ranked list, per product, in product numbers:
//!
//! - [`complements`]: bought together above chance (bought-together and
//!   post-purchase blocks);
//! - [`upgrades`]: pricier, better versions (the upgrade block);
//! - [`companions`]: what a cart with the product gets next;
//! - [`add_ons`]: declared add-ons, then accessories among the companions
//!   (the cart block);
//! - [`fallback`]: cold-start fills so that every product gets blocks;
//! - [`popular`]: best sellers, the last resort;
//! - [`bundles`]: sets bought whole (a second pass over the baskets).

pub mod add_ons;
pub mod bundles;
pub mod companions;
pub mod complements;
pub mod evidence;
pub mod fallback;
pub mod merchandising;
pub mod popular;
pub mod upgrades;

use super::items::Items;
use super::{Counts, Settings};

/// A ranked list under construction: (product number, score), best first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct List {
    pub items: Vec<(u32, f32)>,
    /// The first `pinned` items were placed by the merchant.
    pub pinned: usize,
    /// Items from here on are cold-start fills.
    pub fallback_from: Option<usize>,
}

impl List {
    pub fn contains(&self, item: u32) -> bool {
        self.items.iter().any(|&(i, _)| i == item)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// All lists of all products.
#[derive(Debug, Clone, Default)]
pub struct Lists {
    pub together: Vec<List>,
    pub upgrade: Vec<List>,
    pub add_ons: Vec<List>,
    pub popular: Vec<u32>,
    /// Each product's bundle partners, once counted ([`bundles`]).
    pub bundles: Vec<Option<[u32; 2]>>,
}

/// Computes every list. `declared_for[a]` holds the products the merchant
/// declared add-ons for product `a` ([`add_ons::declared_for`]).
pub fn relations(
    counts: &Counts,
    items: &Items,
    declared_for: &[Vec<u32>],
    settings: &Settings,
) -> Lists {
    let popular = popular::popular(counts, items);
    // Two independent passes over every pair: one per core.
    let (earned, next) = std::thread::scope(|scope| {
        let earned = scope.spawn(|| complements::complements(counts, items, settings));
        let next = companions::companions(counts, items, settings);
        match earned.join() {
            Ok(earned) => (earned, next),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    let mut together = earned.clone();
    let mut add_ons = add_ons::add_ons(counts, items, &next, &earned, declared_for, settings);
    fallback::fill_together(
        &mut together,
        &earned,
        declared_for,
        counts,
        items,
        &popular,
        settings,
    );
    fallback::fill_add_ons(&mut add_ons, &together, items, settings);
    for list in together.iter_mut().chain(add_ons.iter_mut()) {
        list.items.truncate(settings.top_k);
        if list.fallback_from.is_some_and(|f| f >= list.items.len()) {
            list.fallback_from = None;
        }
    }
    Lists {
        together,
        upgrade: upgrades::upgrades(items, settings),
        add_ons,
        popular,
        bundles: Vec::new(),
    }
}
