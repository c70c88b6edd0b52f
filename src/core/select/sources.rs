//! The lists a block merges: the page's pins first, then each anchor's own
//! list, then the lists of products the shopper recently viewed (weaker,
//! and marked as such).

use super::merge::{Source, VIEWED_WEIGHT};
use super::Context;
use crate::core::index::{Catalog, Origin, Product, Ranked};

/// The page's pins as a list of pinned items.
pub fn pins(ctx: &Context) -> Ranked {
    Ranked {
        items: ctx.pin.clone(),
        pinned: ctx.pin.len() as u32,
        ..Ranked::default()
    }
}

pub fn sources<'a>(
    catalog: &'a Catalog,
    anchors: &[u32],
    ctx: &Context,
    pins: &'a Ranked,
    list_of: fn(&Product) -> &Ranked,
) -> Vec<Source<'a>> {
    let mut out = vec![Source::anchor(pins)];
    out.extend(
        anchors
            .iter()
            .map(|&a| Source::anchor(list_of(catalog.product(a)))),
    );
    out.extend(
        ctx.viewed
            .iter()
            .filter(|v| !anchors.contains(v))
            .map(|&v| Source {
                list: list_of(catalog.product(v)),
                weight: VIEWED_WEIGHT,
                origin: Some(Origin::Viewed),
            }),
    );
    out
}
