//! Product page, "Frequently bought together": complements of the product
//! (never other versions of it), best first.

use super::sources::{pins, sources};
use super::{merge, Context, Filter, Pick};
use crate::core::block::Block;
use crate::core::index::Catalog;

pub fn bought_together(catalog: &Catalog, product: u32, ctx: &Context) -> Vec<Pick> {
    let anchors = [product];
    let filter = Filter::complements(catalog, &anchors, ctx);
    let pins = pins(ctx);
    let limit = ctx.limit_for(Block::BoughtTogether, &catalog.index().merchandising);
    merge(
        sources(catalog, &anchors, ctx, &pins, |p| &p.together),
        &filter,
        &ctx.viewed,
        limit,
    )
}
