//! Cart page, add-ons: what completes the cart. Each cart item's add-on
//! list holds its declared add-ons (protection plans, accessories named in
//! the catalog) first, then accessories inferred from co-purchases; the
//! lists of all cart items are merged. Never an item already in the cart,
//! nor another version of one.

use super::sources::{pins, sources};
use super::{merge, Context, Filter, Pick};
use crate::core::block::Block;
use crate::core::index::Catalog;

pub fn add_ons(catalog: &Catalog, cart: &[u32], ctx: &Context) -> Vec<Pick> {
    let filter = Filter::complements(catalog, cart, ctx);
    let pins = pins(ctx);
    let limit = ctx.limit_for(Block::AddOns, &catalog.index().merchandising);
    merge(
        sources(catalog, cart, ctx, &pins, |p| &p.add_ons),
        &filter,
        &ctx.viewed,
        limit,
    )
}
