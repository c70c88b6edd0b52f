//! Thank-you page, post-purchase offers: complements of what was just
//! bought, never an item of that order nor another version of one. When
//! the order already holds every complement (a shopper who bought the whole
//! set), best sellers fill in, marked as fallbacks.

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
    let lists = order
        .iter()
        .map(|&a| &catalog.product(a).together)
        .chain([&best_sellers]);
    merge(lists, &filter, ctx.limit_for(Block::PostPurchase))
}
