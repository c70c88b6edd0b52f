//! JS values in and out: the one place where serde-wasm-bindgen converts
//! between JS objects and Rust types.

use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// The ids of a cart given as `[{id, quantity}]` or `["id"]`; lines with
/// quantity 0 or less are not in the cart. Ids may be numbers (Shopify's
/// `/cart.js` gives them so). Read by hand rather than by serde: untagged
/// enums pull in serde's buffering code, kilobytes of wasm.
pub fn cart_ids(lines: JsValue) -> Result<Vec<String>, String> {
    const SHAPE: &str = "as in [{id: \"SKU-1\", quantity: 1}] or [\"SKU-1\"]";
    if !js_sys::Array::is_array(&lines) {
        return Err(format!("setCart expects an array, {SHAPE}"));
    }
    let mut ids = Vec::new();
    for (n, line) in js_sys::Array::from(&lines).iter().enumerate() {
        let (id, quantity) = if line.is_object() {
            // `Number()` as JS reads it: 2 and "2" alike; "two" is NaN.
            let quantity =
                get(&line, "quantity").map_or(1.0, |q| js_sys::Number::from(q).value_of());
            (get(&line, "id").and_then(|v| id_text(&v)), quantity)
        } else {
            (id_text(&line), 1.0)
        };
        match id {
            None => return Err(format!("setCart: line {n} has no id, {SHAPE}")),
            Some(id) if quantity.is_nan() => {
                return Err(format!(
                    "setCart: line {n} ({id}): quantity is not a number"
                ))
            }
            Some(id) => {
                if quantity > 0.0 {
                    ids.push(id);
                }
            }
        }
    }
    Ok(ids)
}

/// A product id given as a string or a whole number.
fn id_text(value: &JsValue) -> Option<String> {
    let text = match value.as_f64() {
        // As JS writes it: 12345, not 12345.0.
        Some(_) => String::from(
            value
                .unchecked_ref::<js_sys::Number>()
                .to_string_with_radix(10)
                .ok()?,
        ),
        None => value.as_string()?,
    };
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// `[{id, quantity}]` as the loader hands it back (malformed lines are
/// dropped: it is the widget's own earlier output).
pub fn cart_items(value: &JsValue) -> Vec<CartItem> {
    if !js_sys::Array::is_array(value) {
        return Vec::new();
    }
    js_sys::Array::from(value)
        .iter()
        .filter_map(|line| {
            Some(CartItem {
                id: get(&line, "id")?.as_string()?,
                quantity: get(&line, "quantity")
                    .and_then(|q| q.as_f64())
                    .unwrap_or(1.0) as u32,
            })
        })
        .collect()
}

/// The string-valued own properties of a plain object (the script tag's
/// dataset, as the loader hands it over).
pub fn string_entries(object: &JsValue) -> Vec<(String, String)> {
    if !object.is_object() {
        return Vec::new();
    }
    js_sys::Object::entries(object.unchecked_ref())
        .iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

fn get(object: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
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
    /// Percent off, while a time-limited offer runs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount: Option<f64>,
    /// A "Try again" after a failure (not part of the event).
    #[serde(skip)]
    pub retry: bool,
}

pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, String> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())
}

/// A plain JS object built field by field.
pub struct Obj(js_sys::Object);

impl Obj {
    pub fn new() -> Obj {
        Obj(js_sys::Object::new())
    }

    pub fn value(self, key: &str, value: &JsValue) -> Obj {
        let _ = js_sys::Reflect::set(&self.0, &JsValue::from_str(key), value);
        self
    }

    pub fn str(self, key: &str, value: &str) -> Obj {
        self.value(key, &JsValue::from_str(value))
    }

    pub fn num(self, key: &str, value: f64) -> Obj {
        self.value(key, &JsValue::from_f64(value))
    }
}

impl From<Obj> for JsValue {
    fn from(o: Obj) -> JsValue {
        o.0.into()
    }
}
