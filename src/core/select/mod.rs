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
mod upgrade;

pub use add_ons::add_ons;
pub use bought_together::bought_together;
pub use context::Context;
pub use filter::Filter;
pub use merge::merge;
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
        (Block::BoughtTogether, [product, ..]) => bought_together(catalog, *product, ctx),
        (Block::Upgrade, [product, ..]) => upgrade(catalog, *product, ctx),
        (Block::AddOns, cart) => add_ons(catalog, cart, ctx),
        (Block::PostPurchase, order) => post_purchase(catalog, order, ctx),
        (_, []) => Vec::new(),
    }
}
