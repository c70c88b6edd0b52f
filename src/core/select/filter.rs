//! The rules no block may break, whatever the ranking says: never an item
//! that is out of stock, excluded by the page, one of the anchors (the
//! product viewed, the cart, the order), or another version of an anchor;
//! cross-sells within the price band; a declared add-on (a protection plan,
//! an accessory the catalog names with `addon_for`) only beside a product
//! it is for.

use super::{Context, Pick};
use crate::core::index::Catalog;

pub struct Filter<'a> {
    catalog: &'a Catalog,
    anchors: &'a [u32],
    exclude: &'a [u32],
    /// The page's own pins: the merchant placed them, whatever they are.
    pins: &'a [u32],
    /// Whether other versions (same family or category) of an anchor are
    /// allowed: yes for upgrades, no for complements.
    allow_substitutes: bool,
    /// When set, only products with a known price above this one.
    pub price_above: Option<i64>,
    /// When set, only products priced at most this (or without a price).
    pub price_at_most: Option<i64>,
}

impl<'a> Filter<'a> {
    /// The filter for complements: no substitutes of any anchor, and the
    /// cross-sell price band when the page or the merchant set one.
    pub fn complements(catalog: &'a Catalog, anchors: &'a [u32], ctx: &'a Context) -> Filter<'a> {
        let ratio = ctx
            .max_price_ratio
            .or(catalog.index().merchandising.cross_sell_max_ratio);
        let dearest = anchors
            .iter()
            .filter_map(|&a| catalog.product(a).price)
            .max();
        Filter {
            catalog,
            anchors,
            exclude: &ctx.exclude,
            pins: &ctx.pin,
            allow_substitutes: false,
            price_above: None,
            price_at_most: ratio
                .zip(dearest)
                .map(|(r, p)| (p as f64 * r).round() as i64),
        }
    }

    /// The filter for substitutes (upgrades): other versions are the point.
    pub fn substitutes(catalog: &'a Catalog, anchors: &'a [u32], ctx: &'a Context) -> Filter<'a> {
        Filter {
            allow_substitutes: true,
            price_at_most: None,
            ..Filter::complements(catalog, anchors, ctx)
        }
    }

    /// Whether `candidate` may join `picked` in one block: a block of
    /// complements holds one version of each product.
    pub fn allows_beside(&self, candidate: u32, picked: &[Pick]) -> bool {
        self.allow_substitutes
            || !picked
                .iter()
                .any(|p| self.catalog.are_substitutes(p.position, candidate))
    }

    pub fn allows(&self, candidate: u32) -> bool {
        let product = self.catalog.product(candidate);
        product.in_stock
            && product.parent.is_none()
            && self
                .price_above
                .is_none_or(|floor| product.price.is_some_and(|p| p > floor))
            && self
                .price_at_most
                .is_none_or(|cap| product.price.is_none_or(|p| p <= cap))
            && !self.exclude.contains(&candidate)
            && !self.anchors.contains(&candidate)
            && (self.allow_substitutes
                || !self
                    .anchors
                    .iter()
                    .any(|&a| self.catalog.are_substitutes(a, candidate)))
            && (self.allow_substitutes || !product.addon || self.is_for_an_anchor(candidate))
    }

    /// A plan for a phone makes no sense without the phone: a declared
    /// add-on needs a host among the anchors (not among products merely
    /// viewed, nor in best-seller fills), unless the merchant placed it.
    fn is_for_an_anchor(&self, addon: u32) -> bool {
        self.pins.contains(&addon) || self.anchors.iter().any(|&a| self.catalog.places(a, addon))
    }
}
