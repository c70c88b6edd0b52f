//! Candidate selection: which products each block shows, best first.
//!
//! One file per block; they share the [`Context`] (what the page knows),
//! the [`Filter`] (what may never be shown) and [`merge`] (how the lists
//! of several anchors, e.g. a cart's items, become one ranking).

mod add_ons;
mod bought_together;
mod context;
mod filter;
mod merge;
mod post_purchase;
mod sources;
mod upgrade;

pub use add_ons::add_ons;
pub use bought_together::bought_together;
pub use context::Context;
pub use filter::Filter;
pub use merge::{merge, Source};
pub use post_purchase::post_purchase;
pub use upgrade::upgrade;

use crate::core::index::Origin;

/// One chosen product and why it was chosen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pick {
    /// Position in the index's products.
    pub position: u32,
    pub origin: Origin,
    /// Strength of the recommendation (summed over anchors when merged).
    pub score: f32,
}

use crate::core::block::Block;
use crate::core::index::Catalog;

/// The one entry point: the picks for `block`, given its anchors (the
/// product viewed for product-page blocks, the cart's items for add-ons,
/// the order's items for post-purchase offers).
pub fn select(catalog: &Catalog, block: Block, anchors: &[u32], ctx: &Context) -> Vec<Pick> {
    match (block, anchors) {
        // Nothing the index knows: nothing to recommend (not best sellers).
        (_, []) => Vec::new(),
        (Block::BoughtTogether, [product, ..]) => bought_together(catalog, *product, ctx),
        (Block::Upgrade, [product, ..]) => upgrade(catalog, *product, ctx),
        (Block::AddOns, cart) => add_ons(catalog, cart, ctx),
        (Block::PostPurchase, order) => post_purchase(catalog, order, ctx),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::index::{Index, Product, Ranked};

    fn ranked(items: &[u32], scores: &[f32]) -> Ranked {
        Ranked {
            items: items.to_vec(),
            scores: scores.to_vec(),
            ..Ranked::default()
        }
    }

    /// 0 phone (family 0) | 1 phone+ (family 0) | 2 case A (fam 1, cat 1)
    /// | 3 case B (fam 2, cat 1) | 4 plan (cat 2) | 5 out of stock (cat 3)
    /// | 6 helmet (cat 4) | 7 helmet (cat 4) | 8 popular mug (cat 5)
    fn catalog() -> Catalog {
        let mut products: Vec<Product> = (0..9).map(|i| Product::new(format!("p{i}"))).collect();
        let kinds = [
            (Some(0), Some(0)),
            (Some(0), Some(0)),
            (Some(1), Some(1)),
            (Some(2), Some(1)),
            (None, Some(2)),
            (None, Some(3)),
            (None, Some(4)),
            (None, Some(4)),
            (None, Some(5)),
        ];
        for (p, (family, category)) in products.iter_mut().zip(kinds) {
            p.family = family;
            p.category = category;
        }
        products[0].price = Some(100);
        products[1].price = Some(150);
        products[5].in_stock = false;
        products[0].together = ranked(&[1, 2, 3, 5, 6, 7], &[0.9, 0.5, 0.4, 0.3, 0.2, 0.1]);
        products[0].upgrade = ranked(&[1], &[]);
        products[0].add_ons = Ranked {
            pinned: 1,
            ..ranked(&[4, 2, 6], &[0.0, 0.5, 0.2])
        };
        products[2].add_ons = ranked(&[6, 3], &[0.3, 0.1]);
        products[6].together = ranked(&[0, 2], &[0.2, 0.1]);
        Catalog::new(Index {
            version: 1,
            categories: (0..6).map(|c| format!("c{c}")).collect(),
            families: (0..3).map(|f| format!("f{f}")).collect(),
            products,
            popular: vec![8, 0, 6],
            ..Index::default()
        })
        .unwrap()
    }

    fn ids(picks: &[Pick]) -> Vec<u32> {
        picks.iter().map(|p| p.position).collect()
    }

    #[test]
    fn bought_together_skips_versions_stock_and_repeats() {
        let c = catalog();
        let ctx = Context::with_limit(10);
        // 1: same family; 3: a second case beside 2; 5: out of stock;
        // 7: a second helmet beside 6.
        assert_eq!(ids(&bought_together(&c, 0, &ctx)), vec![2, 6]);
        assert_eq!(
            ids(&bought_together(&c, 0, &Context::with_limit(1))),
            vec![2]
        );
    }

    #[test]
    fn a_category_can_hold_complements() {
        // Helmets 6 and 7 share a category; once shoppers buy them
        // together (7 lists 6), they are complements, not versions.
        let mut index = catalog().index().clone();
        index.products[7].together = ranked(&[6], &[0.4]);
        let c = Catalog::new(index).unwrap();
        let ctx = Context::with_limit(10);
        assert_eq!(ids(&bought_together(&c, 0, &ctx)), vec![2, 6, 7]);
    }

    #[test]
    fn page_excludes_win() {
        let c = catalog();
        let ctx = Context {
            limit: 10,
            exclude: vec![2],
            ..Context::default()
        };
        // Case 3 shows now that case 2 is excluded.
        assert_eq!(ids(&bought_together(&c, 0, &ctx)), vec![3, 6]);
    }

    #[test]
    fn upgrades_cost_more() {
        let mut c = catalog();
        assert_eq!(ids(&upgrade(&c, 0, &Context::default())), vec![1]);
        let mut index = c.index().clone();
        index.products[1].price = Some(90);
        c = Catalog::new(index).unwrap();
        assert!(upgrade(&c, 0, &Context::default()).is_empty());
    }

    #[test]
    fn add_ons_put_declared_first_and_sum_over_the_cart() {
        let c = catalog();
        let ctx = Context::with_limit(10);
        let picks = add_ons(&c, &[0], &ctx);
        assert_eq!(ids(&picks), vec![4, 2, 6]);
        assert_eq!(picks[0].origin, crate::core::index::Origin::Pinned);
        // Case A in the cart: it leaves, and so does case B (a second
        // case); helmet 6 is in both lists.
        assert_eq!(ids(&add_ons(&c, &[0, 2], &ctx)), vec![4, 6]);
    }

    #[test]
    fn post_purchase_never_offers_the_order() {
        let c = catalog();
        let picks = post_purchase(&c, &[6], &Context::with_limit(3));
        // 0 and 2 from the helmet's list; the other helmet (7) never, being
        // another version of 6; no unrelated best seller (8).
        assert_eq!(ids(&picks), vec![0, 2]);
        assert!(ids(&post_purchase(&c, &[0, 6], &Context::with_limit(3)))
            .iter()
            .all(|p| ![0, 6].contains(p)));
    }

    #[test]
    fn page_pins_come_first_and_merchant_limits_apply() {
        let c = catalog();
        let ctx = Context {
            pin: vec![8],
            ..Context::default()
        };
        let picks = bought_together(&c, 0, &ctx);
        assert_eq!(picks[0].position, 8);
        assert_eq!(picks[0].origin, crate::core::index::Origin::Pinned);
        let mut index = c.index().clone();
        index.merchandising.limits = vec![("bought-together".into(), 1)];
        let c = Catalog::new(index).unwrap();
        assert_eq!(ids(&bought_together(&c, 0, &Context::default())), vec![2]);
        // The page's own limit still wins.
        assert_eq!(bought_together(&c, 0, &Context::with_limit(2)).len(), 2);
    }

    #[test]
    fn recently_viewed_products_rerank_and_fill() {
        let c = catalog();
        // Helmet 6 has nothing to offer for the case 3's add-ons alone...
        let alone = add_ons(&c, &[3], &Context::with_limit(5));
        assert!(alone.is_empty());
        // ...but a shopper who viewed the phone gets its add-ons, marked
        // as coming from what they viewed.
        let ctx = Context {
            limit: 5,
            viewed: vec![0],
            ..Context::default()
        };
        let picks = add_ons(&c, &[3], &ctx);
        assert_eq!(ids(&picks), vec![6, 4]);
        assert!(picks
            .iter()
            .all(|p| p.origin == crate::core::index::Origin::Viewed));
        // A viewed candidate outranks an equal one.
        let boosted = bought_together(
            &c,
            0,
            &Context {
                limit: 10,
                viewed: vec![6],
                ..Context::default()
            },
        );
        assert_eq!(ids(&boosted), vec![2, 6]);
        assert!(boosted[1].score > 0.2);
    }

    #[test]
    fn cross_sells_stay_in_the_price_band() {
        let mut index = catalog().index().clone();
        index.products[2].price = Some(120); // a case dearer than the phone
        index.products[6].price = Some(80);
        let c = Catalog::new(index).unwrap();
        let ctx = Context {
            limit: 10,
            max_price_ratio: Some(1.0),
            ..Context::default()
        };
        assert_eq!(ids(&bought_together(&c, 0, &ctx)), vec![3, 6]);
        let mut index = c.index().clone();
        index.merchandising.cross_sell_max_ratio = Some(0.5);
        let c = Catalog::new(index).unwrap();
        // Case 2 and helmet 6 cost too much; helmet 7 (no price) takes 6's
        // place.
        assert_eq!(
            ids(&bought_together(&c, 0, &Context::with_limit(10))),
            vec![3, 7]
        );
    }

    #[test]
    fn a_declared_add_on_needs_its_host_on_the_page() {
        // Plan 4 is declared for the phone (pinned in its add-ons) and is
        // also bought with helmet 6.
        let mut index = catalog().index().clone();
        index.products[4].addon = true;
        index.products[6].together = ranked(&[4, 0, 2], &[0.9, 0.2, 0.1]);
        index.products[2].add_ons = ranked(&[4, 6], &[0.9, 0.3]);
        let c = Catalog::new(index).unwrap();
        let ctx = Context::with_limit(10);
        // With the phone in the cart or the order, the plan is offered...
        assert!(ids(&add_ons(&c, &[0], &ctx)).contains(&4));
        assert!(ids(&add_ons(&c, &[2, 0], &ctx)).contains(&4));
        // ...never beside a case or a helmet alone, however often bought
        // with them, nor because the shopper only viewed the phone.
        assert_eq!(ids(&add_ons(&c, &[2], &ctx)), vec![6]);
        assert_eq!(ids(&bought_together(&c, 6, &ctx)), vec![0, 2]);
        assert!(!ids(&post_purchase(&c, &[6], &ctx)).contains(&4));
        let viewed = Context {
            viewed: vec![0],
            ..Context::with_limit(10)
        };
        assert!(!ids(&add_ons(&c, &[3], &viewed)).contains(&4));
        // What the merchant pins on the page is shown all the same.
        let pinned = Context {
            pin: vec![4],
            ..Context::with_limit(10)
        };
        assert_eq!(ids(&bought_together(&c, 6, &pinned))[0], 4);
    }

    #[test]
    fn a_variant_page_gets_its_parents_blocks() {
        let mut index = catalog().index().clone();
        let mut variant = Product::new("p0-blue");
        variant.parent = Some(0);
        index.products.push(variant);
        index.products[0].variants = vec![9];
        let c = Catalog::new(index).unwrap();
        assert_eq!(c.anchor("p0-blue"), Some(0));
        // Variants are never recommended on their own.
        let mut index = c.index().clone();
        index.products[6].together.items.push(9);
        index.products[6].together.scores.push(0.5);
        let c = Catalog::new(index).unwrap();
        assert!(!ids(&bought_together(&c, 6, &Context::with_limit(10))).contains(&9));
    }

    #[test]
    fn unknown_or_empty_anchors_give_nothing() {
        let c = catalog();
        assert!(select(&c, Block::BoughtTogether, &[], &Context::default()).is_empty());
        assert!(select(&c, Block::AddOns, &[], &Context::default()).is_empty());
        assert!(select(&c, Block::PostPurchase, &[], &Context::default()).is_empty());
    }
}
