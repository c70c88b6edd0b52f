//! The browser layer: reads placeholders, asks the core for view models,
//! renders them, and turns clicks into `xsell:add-to-cart` events.
//!
//! Every entry point is called by the JS loader (www/loader.js) inside a
//! try/catch, including DOM events, which the loader delegates here: so
//! nothing this module does can throw into the host page. Errors come back
//! as strings; the loader prints one console warning.

mod app;
mod config;
mod dom;
mod events;
mod interop;
mod labels;
mod placeholder;
mod price_format;
mod render;

use wasm_bindgen::prelude::*;

use crate::core::index::Catalog;

/// Loads an index (the bytes of its JSON; `source` names it in errors) and
/// renders every placeholder on the page.
#[wasm_bindgen]
pub fn mount(index: &[u8], source: &str, config: JsValue) -> Result<(), String> {
    let config = config::Config::from_js(config);
    let catalog = Catalog::from_json(index, source).map_err(|e| e.to_string())?;
    app::install(catalog, config);
    app::render_all();
    Ok(())
}

/// Renders placeholders that are new or whose attributes changed.
#[wasm_bindgen]
pub fn render() {
    app::render_all();
}

/// A click or change inside a block (delegated by the loader).
#[wasm_bindgen]
pub fn handle(event: web_sys::Event) {
    events::handle(&event);
}

/// Replaces the cart that add-ons blocks complete: `[{id, quantity}]` or
/// `["id", ...]`. Lines with quantity 0 or less are not in the cart.
#[wasm_bindgen(js_name = setCart)]
pub fn set_cart(lines: JsValue) -> Result<(), String> {
    let ids = interop::cart_ids(lines)?;
    app::set_cart(ids);
    app::render_all();
    Ok(())
}
