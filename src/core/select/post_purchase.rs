//! Thank-you page, post-purchase offers: complements of what was just
//! bought, never an item of that order nor another version of one.

use super::{merge, Context, Filter, Pick};
use crate::core::block::Block;
use crate::core::index::Catalog;

pub fn post_purchase(catalog: &Catalog, order: &[u32], ctx: &Context) -> Vec<Pick> {
    let filter = Filter::complements(catalog, order, ctx);
    merge(
        catalog,
        order,
        |p| &p.together,
        &filter,
        ctx.limit_for(Block::PostPurchase),
    )
}
