//! Shoppers' actions inside blocks, delegated by the loader: tick boxes
//! update the total; buttons dispatch a bubbling, cancelable
//! `xsell:add-to-cart` CustomEvent on the placeholder, with
//! `detail = {block, items: [{id, quantity}]}` (upgrades add `from`/`to`).
//!
//! The state is borrowed only to work out what to do; the event is
//! dispatched after the borrow ends, because the shop's listeners run
//! inside `dispatchEvent` and may call back into the widget.

use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlInputElement};

use super::app::with_app;
use super::dom::{closest, select_all, target_element};
use super::interop::{to_js, AddToCart, CartItem};
use super::render::show_totals;
use crate::core::block::Block;

pub const ADD_TO_CART: &str = "xsell:add-to-cart";

pub fn handle(event: &web_sys::Event) {
    let Some(target) = target_element(event) else {
        return;
    };
    let Some(placeholder) = closest(&target, "[data-xsell]") else {
        return;
    };
    let Some(block) = placeholder
        .get_attribute("data-xsell")
        .and_then(|n| Block::from_name(&n))
    else {
        return;
    };
    match event.type_().as_str() {
        "change" if target.has_attribute("data-xsell-tick") => {
            with_app(|app| show_totals(app, &placeholder));
        }
        "click" => {
            if let Some(action) = closest(&target, "[data-xsell-action]") {
                if let Some(detail) = add_to_cart(block, &placeholder, &action) {
                    dispatch(&placeholder, &detail);
                }
            }
        }
        _ => {}
    }
}

/// What a button asks to add, or None when there is nothing to add.
fn add_to_cart(block: Block, placeholder: &Element, action: &Element) -> Option<AddToCart> {
    let one = |id: String| CartItem { id, quantity: 1 };
    match action.get_attribute("data-xsell-action")?.as_str() {
        "add-selected" => {
            let items: Vec<CartItem> = ticked(placeholder).into_iter().map(one).collect();
            (!items.is_empty()).then_some(AddToCart {
                block: block.name(),
                items,
                from: None,
                to: None,
            })
        }
        "add" => Some(AddToCart {
            block: block.name(),
            items: vec![one(action.get_attribute("data-xsell-id")?)],
            from: None,
            to: None,
        }),
        "upgrade" => {
            let to = action.get_attribute("data-xsell-id")?;
            let from = closest(action, "[data-xsell-item]")
                .and_then(|li| select_all(&li, "[data-xsell-anchor]").into_iter().next())
                .and_then(|a| a.get_attribute("data-xsell-anchor"));
            Some(AddToCart {
                block: block.name(),
                items: vec![one(to.clone())],
                from,
                to: Some(to),
            })
        }
        _ => None,
    }
}

/// Ids of the ticked products of a bought-together block.
fn ticked(placeholder: &Element) -> Vec<String> {
    select_all(placeholder, "input[data-xsell-tick]")
        .into_iter()
        .filter(|e| e.dyn_ref::<HtmlInputElement>().is_some_and(|i| i.checked()))
        .filter_map(|e| e.get_attribute("data-xsell-tick"))
        .collect()
}

fn dispatch(placeholder: &Element, detail: &AddToCart) {
    let Ok(detail) = to_js(detail) else { return };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(ADD_TO_CART, &init) {
        let _ = placeholder.dispatch_event(&event);
    }
}
