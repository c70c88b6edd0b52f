//! View models to DOM. Each block is built detached and inserted in one
//! step, so the page reflows once per block.
//!
//! Markup contract (for shops' CSS and tests): every recommended product
//! element carries `data-xsell-item="<id>"` and `data-xsell-origin`
//! (`pinned`, `earned`, `viewed`, `fallback`); the product the page is
//! about carries `data-xsell-anchor="<id>"` instead; the placeholder gets
//! `data-xsell-state="ready"`, `"empty"` or `"holdout"`.

mod bought_together;
mod focus;
mod offers;
mod parts;
mod upgrade;

pub use bought_together::{chosen, picked_variant, show_totals};

use web_sys::Element;

use super::app::App;
use super::dom::{document, set};
use super::placeholder::Placement;
use crate::core::block::Block;
use crate::core::select::Context;
use crate::core::view::block_view;

/// Draws the placeholder unless it already shows these inputs (`state`:
/// what else the block depends on, such as the cart).
#[inline(never)]
pub fn render_if_changed(app: &App, element: &Element, placement: &Placement, state: &str) {
    let key = placement.key(state);
    if element.get_attribute("data-xsell-key").as_deref() == Some(key.as_str()) {
        return;
    }
    set(element, "data-xsell-key", &key);
    let ids: Vec<&str> = placement.anchors.iter().map(String::as_str).collect();
    let positions = |ids: &[String]| -> Vec<u32> {
        ids.iter().filter_map(|id| app.catalog.anchor(id)).collect()
    };
    // What is in the cart (or was just added) is not offered again.
    let mut exclude = positions(&placement.exclude);
    if placement.block != Block::Upgrade {
        let added = app.added.borrow();
        let in_cart = app.cart.iter().flatten().chain(added.iter());
        exclude.extend(in_cart.filter_map(|id| app.catalog.anchor(id)));
    }
    let ctx = Context {
        limit: placement.limit,
        exclude,
        pin: positions(&placement.pin),
        viewed: app.viewed.clone(),
        max_price_ratio: placement.max_price_ratio,
    };
    let view = block_view(&app.catalog, placement.block, &ids, &ctx);
    let block = if view.is_empty() {
        say_unknown(app, placement.block, &ids);
        None
    } else {
        document().and_then(|doc| match placement.block {
            Block::BoughtTogether => bought_together::render(app, &doc, &view, placement),
            Block::Upgrade => upgrade::render(app, &doc, &view, placement),
            Block::AddOns | Block::PostPurchase => offers::render(app, &doc, &view, placement),
        })
    };
    let focus = focus::remember(element);
    match block {
        Some(block) => {
            element.replace_children_with_node_1(&block);
            set(element, "data-xsell-state", "ready");
            if let Some(memory) = focus {
                focus::restore(element, memory);
            }
        }
        None => {
            element.replace_children_with_node_0();
            set(element, "data-xsell-state", "empty");
            if focus.is_some_and(|f| f.keyboard) {
                focus::pass_on(element);
            }
        }
    }
}

/// Why a block is empty, when the reason is the page's: no product named,
/// or ids the index does not know (often a product newer than the index:
/// a note, not a warning; in a cart or order, often a list written
/// otherwise than `A,B:2`).
fn say_unknown(app: &App, block: Block, ids: &[&str]) {
    let product_page = matches!(block, Block::BoughtTogether | Block::Upgrade);
    if ids.is_empty() && product_page {
        crate::web::console::note(
            "a product block has no data-product, and no JSON-LD Product is on the page (yet)",
        );
    }
    // (Lists: "A,B:2".)
    for id in ids.iter().filter(|id| app.catalog.anchor(id).is_none()) {
        crate::web::console::note(&format!("no product \"{id}\" in the index (ids: A,B:2)"));
    }
}

/// A placeholder for a visitor in the holdout group: nothing to show.
pub fn hold_out(element: &Element) {
    if element.get_attribute("data-xsell-state").as_deref() != Some("holdout") {
        element.replace_children_with_node_0();
        set(element, "data-xsell-state", "holdout");
    }
}

/// Moves the placeholder's countdown on; returns whether it still runs.
pub fn tick(app: &App, element: &Element) -> bool {
    match Placement::read(element, None, &[], None) {
        Some(placement) if placement.offer.is_some() => offers::tick(app, element, &placement),
        _ => false,
    }
}
