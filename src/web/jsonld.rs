//! Finding the product a page is about when placeholders do not say: the
//! schema.org Product in the page's JSON-LD (`<script
//! type="application/ld+json">`), its `sku`, else its `productID` (also
//! inside `@graph`, arrays, and the offers' `sku`); or a ProductGroup (a
//! product with variants, as Google asks for them) by its
//! `productGroupID`.

use wasm_bindgen::JsValue;

use super::dom::{document, select_all};

/// The product id from the page's JSON-LD, if any.
pub fn product_id() -> Option<String> {
    let root = document()?.document_element()?;
    select_all(&root, "script[type='application/ld+json']")
        .into_iter()
        .filter_map(|s| s.text_content())
        .filter_map(|text| js_sys::JSON::parse(&text).ok())
        .find_map(|value| find_product(&value, 0))
}

fn find_product(value: &JsValue, depth: u32) -> Option<String> {
    if depth > 4 {
        return None;
    }
    if js_sys::Array::is_array(value) {
        return js_sys::Array::from(value)
            .iter()
            .find_map(|v| find_product(&v, depth + 1));
    }
    if !value.is_object() {
        return None;
    }
    if let Some(graph) = get(value, "@graph") {
        if let Some(id) = find_product(&graph, depth + 1) {
            return Some(id);
        }
    }
    if !is_product(value) {
        return None;
    }
    // A numeric sku as the integer it is (no float formatting in the wasm).
    let text = |v: JsValue| {
        v.as_string().or_else(|| {
            v.as_f64()
                .filter(|n| n.fract() == 0.0)
                .map(|n| (n as i64).to_string())
        })
    };
    get(value, "sku")
        .and_then(text)
        .or_else(|| get(value, "productID").and_then(text))
        .or_else(|| get(value, "productGroupID").and_then(text))
        .or_else(|| {
            let offers = get(value, "offers")?;
            let first = if js_sys::Array::is_array(&offers) {
                js_sys::Array::from(&offers).get(0)
            } else {
                offers
            };
            get(&first, "sku").and_then(text)
        })
        .filter(|id| !id.trim().is_empty())
}

/// `@type` is "Product" or "ProductGroup" (or a list holding one).
fn is_product(value: &JsValue) -> bool {
    let Some(t) = get(value, "@type") else {
        return false;
    };
    let named = |v: &JsValue| {
        v.as_string().is_some_and(|s| {
            let s = s.strip_suffix("Group").unwrap_or(&s);
            s == "Product" || s.ends_with("/Product")
        })
    };
    named(&t) || (js_sys::Array::is_array(&t) && js_sys::Array::from(&t).iter().any(|v| named(&v)))
}

fn get(object: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}
