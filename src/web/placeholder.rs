//! The page contract: `<div data-xsell="BLOCK" ...>` placeholders and what
//! their attributes mean.
//!
//! - `data-xsell`: `bought-together`, `upgrade`, `add-ons`, `post-purchase`
//! - `data-product`: the product (product-page blocks)
//! - `data-cart`: `SKU-1:1,SKU-7:2` (add-ons; `xsell.setCart()` wins)
//! - `data-order`: `SKU-1,SKU-7` (post-purchase)
//! - `data-limit`: items to show; `data-exclude`: ids never to show
//! - `data-label-*`: text overrides for this block

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::dom::{document, select_all};
use crate::core::block::Block;

/// Every placeholder on the page, in document order.
pub fn all() -> Vec<Element> {
    document()
        .and_then(|d| d.document_element())
        .map(|root| select_all(&root, "[data-xsell]"))
        .unwrap_or_default()
}

/// What one placeholder asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub block: Block,
    /// The product, the cart's items or the order's items.
    pub anchors: Vec<String>,
    pub limit: usize,
    pub exclude: Vec<String>,
    pub labels: Vec<(String, String)>,
}

impl Placement {
    /// Reads a placeholder; None when `data-xsell` names no block.
    pub fn read(e: &Element, cart: Option<&[String]>) -> Option<Placement> {
        let block = Block::from_name(&e.get_attribute("data-xsell")?)?;
        let attr = |name: &str| e.get_attribute(name).unwrap_or_default();
        let anchors = match block {
            Block::BoughtTogether | Block::Upgrade => ids(&attr("data-product")),
            Block::AddOns => match cart {
                Some(cart) => cart.to_vec(),
                None => cart_ids(&attr("data-cart")),
            },
            Block::PostPurchase => ids(&attr("data-order")),
        };
        Some(Placement {
            block,
            anchors,
            limit: attr("data-limit").trim().parse().unwrap_or(0),
            exclude: ids(&attr("data-exclude")),
            labels: labels(e),
        })
    }

    /// A fingerprint of the inputs: a block is redrawn only when it changes.
    pub fn key(&self) -> String {
        let labels: Vec<String> = self
            .labels
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        format!(
            "{}|{}|{}|{}|{}",
            self.block.name(),
            self.anchors.join(","),
            self.limit,
            self.exclude.join(","),
            labels.join(",")
        )
    }
}

/// `a, b ,c` -> ["a", "b", "c"].
fn ids(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// `SKU-1:1,SKU-7:2` -> the ids with a quantity above 0 (no quantity: 1).
fn cart_ids(list: &str) -> Vec<String> {
    list.split(',')
        .filter_map(|line| {
            // A quantity only when what follows the last colon is a
            // number: ids may hold colons themselves.
            let (id, quantity) = line
                .rsplit_once(':')
                .and_then(|(id, q)| Some((id, q.trim().parse::<i64>().ok()?)))
                .unwrap_or((line, 1));
            let id = id.trim();
            (!id.is_empty() && quantity > 0).then(|| id.to_string())
        })
        .collect()
}

/// `data-label-heading="..."` -> {"Heading": "..."}.
fn labels(e: &Element) -> Vec<(String, String)> {
    let Some(html) = e.dyn_ref::<HtmlElement>() else {
        return Vec::new();
    };
    let dataset = html.dataset();
    let keys = js_sys::Object::keys(&dataset);
    keys.iter()
        .filter_map(|k| k.as_string())
        .filter_map(|k| {
            let name = k.strip_prefix("label")?.to_string();
            let value = js_sys::Reflect::get(&dataset, &k.into())
                .ok()?
                .as_string()?;
            (!name.is_empty()).then_some((name, value))
        })
        .collect()
}
