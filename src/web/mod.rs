//! The browser layer: reads placeholders, asks the core for view models,
//! renders them, and turns clicks into `xsell:add-to-cart` events.
//!
//! Every entry point is called by the JS loader (www/loader.js) inside a
//! try/catch, including DOM events, which the loader delegates here: so
//! nothing this module does can throw into the host page. Errors come back
//! as strings; the loader prints one console warning.

mod analytics;
mod app;
mod config;
mod console;
mod dom;
mod events;
mod holdout;
mod interop;
mod jsonld;
mod labels;
mod placeholder;
mod price_format;
mod render;
mod storage;
mod viewed;

use wasm_bindgen::prelude::*;

use crate::core::index::Catalog;

/// Loads an index (the bytes of its JSON; `source` names it in errors) and
/// renders every placeholder on the page. Returns whether a countdown runs
/// (then the loader calls [`tick`] every second).
#[wasm_bindgen]
pub fn mount(index: &[u8], source: &str, config: JsValue) -> Result<bool, String> {
    let config = config::Config::from_js(config);
    config.problems.iter().for_each(|p| console::warn(p));
    let catalog = Catalog::from_json(index, source).map_err(|e| e.to_string())?;
    app::install(catalog, config);
    Ok(app::render_all())
}

/// Renders placeholders that are new or whose attributes changed. Returns
/// whether a countdown runs.
#[wasm_bindgen]
pub fn render() -> bool {
    app::render_all()
}

/// Moves countdowns on (every second while [`render`] said one runs).
/// Returns whether one still runs.
#[wasm_bindgen]
pub fn tick() -> bool {
    let running = app::tick();
    // A countdown that ran out needs its block drawn again.
    app::render_all() || running
}

/// A placeholder came into view (the loader's IntersectionObserver):
/// reports `view_item_list` once per drawing of its block.
#[wasm_bindgen]
pub fn seen(placeholder: web_sys::Element) {
    app::seen(&placeholder);
}

/// Replaces label texts: `{HeadingUpgrade: "..."}` (keys as on the script
/// tag's `data-label-*`, in dataset form, or as there: `heading-upgrade`).
/// Keys it does not know are an error, after the others are applied.
#[wasm_bindgen(js_name = setLabels)]
pub fn set_labels(labels: JsValue) -> Result<(), String> {
    let mut known = Vec::new();
    let mut unknown = Ok(());
    for (key, text) in interop::string_entries(&labels) {
        match labels::known_key(&key) {
            Some(key) => known.push((key.to_string(), text)),
            None => unknown = Err(format!("setLabels: no label {key}")),
        }
    }
    app::set_labels(known);
    unknown
}

/// A click or change inside a block (delegated by the loader). Returns
/// `[{id, quantity}]` when the loader should now add them through the cart
/// API (`data-cart-adapter`), then report with [`added`] or [`failed`].
#[wasm_bindgen]
pub fn handle(event: web_sys::Event) -> JsValue {
    events::handle(&event)
        .and_then(|items| interop::to_js(&items).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

/// The cart API added `items` (as [`handle`] returned them) for the block
/// in `placeholder`; `cart`: the cart's product ids afterwards.
#[wasm_bindgen]
pub fn added(placeholder: web_sys::Element, items: JsValue, cart: JsValue) {
    let items = interop::cart_items(&items);
    let cart = interop::cart_ids(cart).ok();
    events::finish(&placeholder, items, Ok(cart));
}

/// The cart API refused or failed; `reason` is shown to the shopper.
#[wasm_bindgen]
pub fn failed(placeholder: web_sys::Element, items: JsValue, reason: String) {
    let items = interop::cart_items(&items);
    events::finish(&placeholder, items, Err(reason));
}

/// Replaces the cart that add-ons blocks complete: `[{id, quantity}]` or
/// `["id", ...]`. Lines with quantity 0 or less are not in the cart.
#[wasm_bindgen(js_name = setCart)]
pub fn set_cart(lines: JsValue) -> Result<(), String> {
    let ids = interop::cart_ids(lines)?;
    app::set_cart(ids);
    Ok(())
}
