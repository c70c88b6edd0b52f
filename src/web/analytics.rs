//! GA4-style analytics: `view_item_list` once per block actually seen,
//! `select_item` when a product link is followed, `add_to_cart` when items
//! are added, each pushed to `window.dataLayer` (unless the script tag says
//! `data-analytics="off"`) and dispatched as a DOM event on the placeholder
//! (`xsell:view_item_list`, ...), with `item_list_id`/`item_list_name` so a
//! shop can tell which block sold what.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Element, EventTarget};

use super::app::App;
use super::config::Config;
use super::dom::{document, select_all};
use super::interop::{CartItem, Obj};
use super::labels::{text, Label};
use crate::core::block::Block;
use crate::core::index::Origin;
use crate::core::view::ItemView;

/// `view_item_list` for the items a placeholder shows.
pub fn view_item_list(app: &App, placeholder: &Element, block: Block) {
    let ids: Vec<(String, u32)> = select_all(placeholder, "[data-xsell-item]")
        .iter()
        .filter_map(|e| e.get_attribute("data-xsell-item"))
        .map(|id| (id, 1))
        .collect();
    send(app, placeholder, block, "view_item_list", &ids);
}

/// `select_item` for the product whose link was followed.
pub fn select_item(app: &App, placeholder: &Element, block: Block, id: &str) {
    send(
        app,
        placeholder,
        block,
        "select_item",
        &[(id.to_string(), 1)],
    );
}

/// `add_to_cart` for items added through a block.
pub fn add_to_cart(app: &App, placeholder: &Element, block: Block, items: &[CartItem]) {
    let ids: Vec<(String, u32)> = items.iter().map(|i| (i.id.clone(), i.quantity)).collect();
    send(app, placeholder, block, "add_to_cart", &ids);
}

/// Builds the GA4 event by hand (a JS object): serde's serializer for these
/// shapes would cost the widget kilobytes.
fn send(app: &App, placeholder: &Element, block: Block, event: &str, ids: &[(String, u32)]) {
    if ids.is_empty() {
        return;
    }
    let list_id: String = "xsell_"
        .chars()
        .chain(block.name().chars().map(|c| if c == '-' { '_' } else { c }))
        .collect();
    // The heading as the shopper saw it (a placeholder may have its own).
    let shown = select_all(placeholder, ".xsell__heading")
        .into_iter()
        .next()
        .and_then(|h| h.text_content());
    let list_name = shown
        .as_deref()
        .unwrap_or_else(|| text(Label::Heading(block), &app.config, &[]));
    let items = js_sys::Array::new();
    let (mut currency, mut value) = (None, 0.0);
    for (index, (id, quantity)) in ids.iter().enumerate() {
        let Some(position) = app.catalog.position(id) else {
            continue;
        };
        let view = ItemView::new(&app.catalog, position, Origin::Earned, 0.0);
        let item = Obj::new()
            .str("item_id", id)
            .str("item_name", view.title)
            .num("index", index as f64)
            .num("quantity", f64::from(*quantity))
            .str("item_list_id", &list_id)
            .str("item_list_name", list_name);
        let item = match &view.price {
            Some(price) => {
                value += price.major() * f64::from(*quantity);
                currency.get_or_insert_with(|| price.currency.clone());
                item.num("price", price.major())
                    .str("currency", &price.currency)
            }
            None => item,
        };
        items.push(&item.into());
    }
    let mut ecommerce = Obj::new()
        .str("item_list_id", &list_id)
        .str("item_list_name", list_name)
        .value("items", &items);
    if let Some(c) = &currency {
        ecommerce = ecommerce.str("currency", c);
    }
    if event == "add_to_cart" {
        ecommerce = ecommerce.num("value", value);
    }
    let detail: JsValue = Obj::new()
        .str("event", event)
        .value("ecommerce", &ecommerce.into())
        .into();
    if app.config.analytics {
        data_layer_push(&detail);
    }
    dispatch(placeholder, &format!("xsell:{event}"), &detail);
}

/// The holdout group of this page view, recorded once.
pub fn exposure(config: &Config, held_out: bool) {
    let group = if held_out { "holdout" } else { "shown" };
    let detail: JsValue = Obj::new()
        .str("event", "xsell_exposure")
        .str("xsell_group", group)
        .num("xsell_holdout", config.holdout)
        .into();
    if config.analytics {
        data_layer_push(&detail);
    }
    if let Some(doc) = document() {
        dispatch(&doc, "xsell:exposure", &detail);
    }
}

/// `window.dataLayer.push(value)`, creating the layer when the page has
/// none yet (as gtag and GTM do). GA4 asks to clear `ecommerce` first.
/// The push is the layer's own (GTM replaces the array's `push`).
fn data_layer_push(value: &JsValue) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = JsValue::from_str("dataLayer");
    let layer = match js_sys::Reflect::get(&window, &key) {
        Ok(v) if !v.is_undefined() && !v.is_null() => v,
        _ => {
            let fresh: JsValue = js_sys::Array::new().into();
            let _ = js_sys::Reflect::set(&window, &key, &fresh);
            fresh
        }
    };
    let Some(push) = js_sys::Reflect::get(&layer, &JsValue::from_str("push"))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    if js_sys::Reflect::has(value, &JsValue::from_str("ecommerce")).unwrap_or(false) {
        let clear: JsValue = Obj::new().value("ecommerce", &JsValue::NULL).into();
        let _ = push.call1(&layer, &clear);
    }
    let _ = push.call1(&layer, value);
}

/// A bubbling DOM event with `detail`.
pub fn dispatch(target: &EventTarget, name: &str, detail: &JsValue) -> bool {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_detail(detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(event) => target.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}
