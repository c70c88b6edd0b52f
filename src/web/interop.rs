//! JS values in and out: the one place where serde-wasm-bindgen converts
//! between JS objects and Rust types.

use serde::Serialize;
use wasm_bindgen::JsValue;

use super::app;
use crate::core::block::Block;
use crate::core::request::{Line, Request};

/// The ids of a cart given as `[{id, quantity}]` or `["id"]`.
pub fn cart_ids(lines: JsValue) -> Result<Vec<String>, String> {
    let lines: Vec<Line> = serde_wasm_bindgen::from_value(lines)
        .map_err(|e| format!("setCart expects [{{id, quantity}}] or [\"id\"]: {e}"))?;
    Ok(lines
        .iter()
        .filter(|l| l.is_present())
        .map(|l| l.id().trim().to_string())
        .collect())
}

pub fn recommend(request: JsValue) -> Result<JsValue, String> {
    let request: Request =
        serde_wasm_bindgen::from_value(request).map_err(|e| format!("recommend: {e}"))?;
    let answer = app::with_app(|app| {
        request
            .answer(&app.catalog)
            .into_iter()
            .map(|(block, ids)| (block, ids.into_iter().map(String::from).collect()))
            .collect::<Vec<(Block, Vec<String>)>>()
    })
    .ok_or("recommend: the index is not loaded")?;
    let object = js_sys::Object::new();
    for (block, ids) in answer {
        let ids = to_js(&ids)?;
        js_sys::Reflect::set(&object, &JsValue::from_str(block.name()), &ids)
            .map_err(|_| "recommend: cannot build the answer".to_string())?;
    }
    Ok(object.into())
}

/// One line of an `xsell:add-to-cart` event's `detail.items`.
#[derive(Serialize)]
pub struct CartItem {
    pub id: String,
    pub quantity: u32,
}

/// The `detail` of an `xsell:add-to-cart` event.
#[derive(Serialize)]
pub struct AddToCart {
    pub block: &'static str,
    pub items: Vec<CartItem>,
    /// For upgrades: the product the shopper was looking at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, String> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())
}
