//! A whole block: its items and, for product-page blocks, the product the
//! page is about (the "anchor").

use serde::Serialize;

use super::ItemView;
use crate::core::block::Block;
use crate::core::index::{Catalog, Origin};
use crate::core::select::{select, Context};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockView<'a> {
    pub block: Block,
    /// The product viewed (bought-together and upgrade blocks show it
    /// beside the recommendations).
    pub anchor: Option<ItemView<'a>>,
    pub items: Vec<ItemView<'a>>,
    /// Percent off when the shopper takes the anchor and every item.
    pub bundle_discount: Option<f64>,
}

impl BlockView<'_> {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Builds the view of `block` for the products a page names (`anchor_ids`:
/// the product, the cart's items or the order's items). Ids the index does
/// not know are skipped: a new product simply gets no recommendations.
pub fn block_view<'a>(
    catalog: &'a Catalog,
    block: Block,
    anchor_ids: &[&str],
    ctx: &Context,
) -> BlockView<'a> {
    let anchors: Vec<u32> = anchor_ids
        .iter()
        .filter_map(|id| catalog.position(id))
        .collect();
    let picks = select(catalog, block, &anchors, ctx);
    let items: Vec<ItemView<'a>> = picks
        .iter()
        .map(|p| ItemView::new(catalog, p.position, p.origin, p.score))
        .collect();
    let anchor = match block {
        Block::BoughtTogether | Block::Upgrade => anchors
            .first()
            .map(|&a| ItemView::new(catalog, a, Origin::Earned, 0.0)),
        Block::AddOns | Block::PostPurchase => None,
    };
    let bundle_discount = match (block, anchors.first()) {
        (Block::BoughtTogether, Some(&a)) => bundle_discount(catalog, a, &picks),
        _ => None,
    };
    BlockView {
        block,
        anchor,
        items,
        bundle_discount,
    }
}

/// The index's bundle discount applies when the product has a bundle whose
/// members are all shown in the block.
fn bundle_discount(
    catalog: &Catalog,
    anchor: u32,
    picks: &[crate::core::select::Pick],
) -> Option<f64> {
    let discount = catalog.index().bundle_discount.filter(|d| *d > 0.0)?;
    let bundle = catalog.product(anchor).bundle.as_ref()?;
    let shown = |item: &u32| picks.iter().any(|p| p.position == *item);
    (!bundle.items.is_empty() && bundle.items.iter().all(shown)).then_some(discount)
}
