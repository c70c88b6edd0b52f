//! Thank-you page, post-purchase offers: complements of what was just
//! bought, never an item of that order nor another version of one. When
//! the order already holds every complement (a shopper who bought the whole
//! set), best sellers fill in, marked as fallbacks.

use super::merge::Source;
use super::sources::{pins, sources};
use super::{merge, Context, Filter, Pick};
use crate::core::block::Block;
use crate::core::index::{Catalog, Ranked};

pub fn post_purchase(catalog: &Catalog, order: &[u32], ctx: &Context) -> Vec<Pick> {
    let filter = Filter::complements(catalog, order, ctx);
    let best_sellers = Ranked {
        items: catalog.index().popular.clone(),
        fallback_from: Some(0),
        ..Ranked::default()
    };
    let pins = pins(ctx);
    let mut lists = sources(catalog, order, ctx, &pins, |p| &p.together);
    lists.push(Source::anchor(&best_sellers));
    let limit = ctx.limit_for(Block::PostPurchase, &catalog.index().merchandising);
    merge(lists, &filter, &ctx.viewed, limit)
}
