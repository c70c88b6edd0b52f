//! Thank-you page, post-purchase offers: complements of what was just
//! bought, never an item of that order nor another version of one. The
//! order items' lists carry the builder's cold-start fills (complementary
//! categories' best sellers), so an order that holds a whole set still gets
//! related offers, not whatever sells best.

use super::sources::{pins, sources};
use super::{merge, Context, Filter, Pick};
use crate::core::block::Block;
use crate::core::index::Catalog;

pub fn post_purchase(catalog: &Catalog, order: &[u32], ctx: &Context) -> Vec<Pick> {
    let filter = Filter::complements(catalog, order, ctx);
    let pins = pins(ctx);
    let lists = sources(catalog, order, ctx, &pins, |p| &p.together);
    let limit = ctx.limit_for(Block::PostPurchase, &catalog.index().merchandising);
    merge(lists, &filter, &ctx.viewed, limit)
}
