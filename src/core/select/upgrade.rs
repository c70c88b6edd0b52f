//! Product page, "Upgrade to premium": a better, pricier version of the
//! same product. The builder ranks the candidates (same family, or same
//! category without one; pricier; rated no worse); here only what can
//! change after the build is checked again: stock, price, the page's pins
//! and excludes. Recently viewed products play no part: an upgrade is
//! about this product.

use super::merge::Source;
use super::sources::pins;
use super::{merge, Context, Filter, Pick};
use crate::core::block::Block;
use crate::core::index::Catalog;

pub fn upgrade(catalog: &Catalog, product: u32, ctx: &Context) -> Vec<Pick> {
    let anchors = [product];
    let mut filter = Filter::substitutes(catalog, &anchors, ctx);
    // An upgrade costs more: never offer a cheaper "premium" version.
    filter.price_above = catalog.product(product).price;
    let pins = pins(ctx);
    let sources = [
        Source::anchor(&pins),
        Source::anchor(&catalog.product(product).upgrade),
    ];
    let limit = ctx.limit_for(Block::Upgrade, &catalog.index().merchandising);
    merge(sources, &filter, &[], limit)
}
