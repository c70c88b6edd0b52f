//! A whole block: its items and, for product-page blocks, the product the
//! page is about (the "anchor").

use serde::Serialize;

use super::bundle_members;
use super::ItemView;
use crate::core::block::Block;
use crate::core::index::{Catalog, Origin};
use crate::core::select::{select, Context, Pick};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockView<'a> {
    pub block: Block,
    /// The product viewed (bought-together and upgrade blocks show it
    /// beside the recommendations).
    pub anchor: Option<ItemView<'a>>,
    pub items: Vec<ItemView<'a>>,
    /// The bundle on offer: percent off when the shopper ticks the anchor
    /// and these items (all shown in the block).
    pub bundle: Option<(f64, Vec<&'a str>)>,
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
        .filter_map(|id| catalog.anchor(id))
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
    let bundle = match (block, anchors.first()) {
        (Block::BoughtTogether, Some(&a)) => bundle_on_offer(catalog, a, &picks),
        _ => None,
    };
    BlockView {
        block,
        anchor,
        items,
        bundle,
    }
}

/// The anchor's bundle, when every partner is among the picks.
fn bundle_on_offer<'a>(
    catalog: &'a Catalog,
    anchor: u32,
    picks: &[Pick],
) -> Option<(f64, Vec<&'a str>)> {
    let members = bundle_members(catalog, anchor)?;
    let shown = |m: &u32| *m == anchor || picks.iter().any(|p| p.position == *m);
    let percent = catalog.index().bundle_discount?;
    members.iter().all(shown).then(|| {
        let partners = members[1..]
            .iter()
            .map(|&m| catalog.product(m).id.as_str())
            .collect();
        (percent, partners)
    })
}
