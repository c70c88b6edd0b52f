//! Product page, "Frequently bought together": complements of the product
//! (never other versions of it), best first.

use super::{merge, Context, Filter, Pick};
use crate::core::block::Block;
use crate::core::index::Catalog;

pub fn bought_together(catalog: &Catalog, product: u32, ctx: &Context) -> Vec<Pick> {
    let anchors = [product];
    let filter = Filter::complements(catalog, &anchors, ctx);
    merge(
        [&catalog.product(product).together],
        &filter,
        ctx.limit_for(Block::BoughtTogether),
    )
}
