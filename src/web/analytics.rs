//! GA4-style analytics: `view_item_list` once per block actually seen,
//! `select_item` when a product link is followed, `add_to_cart` when items
//! are added, each pushed to `window.dataLayer` (unless the script tag says
//! `data-analytics="off"`) and dispatched as a DOM event on the placeholder
//! (`xsell:view_item_list`, ...), with `item_list_id`/`item_list_name` so a
//! shop can tell which block sold what.

use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Element, EventTarget};

use super::app::App;
use super::config::Config;
use super::dom::{document, select_all};
use super::interop::{to_js, CartItem};
use super::labels::{text, Label};
use crate::core::block::Block;
use crate::core::index::Origin;
use crate::core::view::ItemView;

#[derive(Serialize)]
struct Item {
    item_id: String,
    item_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    price: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<String>,
    index: usize,
    quantity: u32,
    item_list_id: String,
    item_list_name: String,
}

#[derive(Serialize)]
struct Ecommerce {
    item_list_id: String,
    item_list_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<f64>,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Push<'a> {
    event: &'a str,
    ecommerce: Ecommerce,
}

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

fn send(app: &App, placeholder: &Element, block: Block, event: &str, ids: &[(String, u32)]) {
    if ids.is_empty() {
        return;
    }
    let list_id: String = "xsell_"
        .chars()
        .chain(block.name().chars().map(|c| if c == '-' { '_' } else { c }))
        .collect();
    let list_name = text(Label::Heading(block), &app.config, &[]).to_string();
    let items: Vec<Item> = ids
        .iter()
        .enumerate()
        .filter_map(|(index, (id, quantity))| {
            let view = ItemView::new(&app.catalog, app.catalog.position(id)?, Origin::Earned, 0.0);
            Some(Item {
                item_id: id.clone(),
                item_name: view.title.to_string(),
                price: view.price.as_ref().map(|p| p.major()),
                currency: view.price.as_ref().map(|p| p.currency.clone()),
                index,
                quantity: *quantity,
                item_list_id: list_id.clone(),
                item_list_name: list_name.clone(),
            })
        })
        .collect();
    let currency = items.iter().find_map(|i| i.currency.clone());
    let value = (event == "add_to_cart").then(|| {
        items
            .iter()
            .map(|i| i.price.unwrap_or(0.0) * f64::from(i.quantity))
            .sum()
    });
    let push = Push {
        event,
        ecommerce: Ecommerce {
            item_list_id: list_id,
            item_list_name: list_name,
            currency,
            value,
            items,
        },
    };
    if let Ok(detail) = to_js(&push) {
        if app.config.analytics {
            data_layer_push(&detail);
        }
        dispatch(placeholder, &format!("xsell:{event}"), &detail);
    }
}

/// The holdout group of this page view, recorded once.
pub fn exposure(config: &Config, held_out: bool) {
    #[derive(Serialize)]
    struct Exposure<'a> {
        event: &'a str,
        xsell_group: &'a str,
        xsell_holdout: f64,
    }
    let group = if held_out { "holdout" } else { "shown" };
    let Ok(detail) = to_js(&Exposure {
        event: "xsell_exposure",
        xsell_group: group,
        xsell_holdout: config.holdout,
    }) else {
        return;
    };
    if config.analytics {
        data_layer_push(&detail);
    }
    if let Some(doc) = document() {
        dispatch(&doc, "xsell:exposure", &detail);
    }
}

/// `window.dataLayer.push(value)`, creating the layer when the page has
/// none yet (as gtag and GTM do); GA4 asks to clear `ecommerce` first.
fn data_layer_push(value: &JsValue) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let key = JsValue::from_str("dataLayer");
    let layer = match js_sys::Reflect::get(&window, &key) {
        Ok(v) if js_sys::Array::is_array(&v) => js_sys::Array::from(&v),
        Ok(v) if !v.is_undefined() && !v.is_null() => {
            // A dataLayer that is not an array (already wrapped by GTM):
            // call its own push.
            if let Ok(push) = js_sys::Reflect::get(&v, &JsValue::from_str("push")) {
                if let Some(push) = push.dyn_ref::<js_sys::Function>() {
                    let _ = push.call1(&v, value);
                }
            }
            return;
        }
        _ => {
            let fresh = js_sys::Array::new();
            let _ = js_sys::Reflect::set(&window, &key, &fresh);
            fresh
        }
    };
    if value.is_object()
        && js_sys::Reflect::has(value, &JsValue::from_str("ecommerce")).unwrap_or(false)
    {
        let clear = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&clear, &JsValue::from_str("ecommerce"), &JsValue::NULL);
        layer.push(&clear);
    }
    layer.push(value);
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
