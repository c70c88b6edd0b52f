//! The page contract: `<div data-xsell="BLOCK" ...>` placeholders and what
//! their attributes mean.
//!
//! - `data-xsell`: `bought-together`, `upgrade`, `add-ons`, `post-purchase`
//! - `data-product`: the product (product-page blocks)
//! - `data-cart`: `SKU-1:1,SKU-7:2` (add-ons; `xsell.setCart()` wins)
//! - `data-order`: `SKU-1,SKU-7` (post-purchase)
//! - `data-limit`: items to show; `data-exclude`: ids never to show;
//!   `data-pin`: ids to show first; `data-max-price-ratio`: cross-sells
//!   cost at most this times the product
//! - `data-discount="10"` with `data-countdown="600"` (seconds, counted
//!   from the first view of the page, kept across reloads) or
//!   `data-offer-ends="2026-12-01T12:00:00Z"`: a time-limited offer
//!   (post-purchase)
//! - `data-label-*`: text overrides for this block
//!
//! Product-page blocks without `data-product` take the product from the
//! page's schema.org JSON-LD.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::dom::{document, select_all};
use super::storage;
use crate::core::block::Block;
use crate::core::decimal::parse_decimal;

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
    pub pin: Vec<String>,
    pub max_price_ratio: Option<f64>,
    /// A time-limited offer: percent off, until this time (ms since 1970).
    pub offer: Option<(f64, f64)>,
    pub labels: Vec<(String, String)>,
}

impl Placement {
    /// Reads a placeholder; None when `data-xsell` names no block. `cart`:
    /// the cart given to `setCart` (it wins over `data-cart`); `added`:
    /// what was added through the widget since; `page_product`: the
    /// product the page's JSON-LD names, if any.
    pub fn read(
        e: &Element,
        cart: Option<&[String]>,
        added: &[String],
        page_product: Option<&str>,
    ) -> Option<Placement> {
        let block = Block::from_name(&e.get_attribute("data-xsell")?)?;
        let attr = |name: &str| e.get_attribute(name).unwrap_or_default();
        let anchors = match block {
            Block::BoughtTogether | Block::Upgrade => match ids(&attr("data-product")) {
                ids if ids.is_empty() => page_product
                    .map(|p| vec![p.to_string()])
                    .unwrap_or_default(),
                ids => ids,
            },
            Block::AddOns => {
                let mut ids = match cart {
                    Some(cart) => cart.to_vec(),
                    None => cart_ids(&attr("data-cart")),
                };
                ids.extend(added.iter().cloned());
                ids
            }
            Block::PostPurchase => ids(&attr("data-order")),
        };
        Some(Placement {
            block,
            limit: attr("data-limit").trim().parse().unwrap_or(0),
            exclude: ids(&attr("data-exclude")),
            pin: ids(&attr("data-pin")),
            max_price_ratio: parse_decimal(&attr("data-max-price-ratio")).filter(|r| *r > 0.0),
            offer: offer(e, &anchors),
            labels: labels(e),
            anchors,
        })
    }

    /// A fingerprint of the inputs (and of `state`: what else the block
    /// depends on, such as the cart): a block is redrawn only when it
    /// changes.
    pub fn key(&self, state: &str) -> String {
        let labels: Vec<String> = self
            .labels
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let (percent, ends) = self
            .offer
            .map_or((0, 0), |(p, e)| ((p * 100.0) as i64, e as i64));
        format!(
            "{}|{}|{}|{}|{}|{}|{}|{percent}@{ends}|{}",
            self.block.name(),
            self.anchors.join(","),
            self.limit,
            self.exclude.join(","),
            self.pin.join(","),
            self.max_price_ratio.map_or(0, |r| (r * 1000.0) as i64),
            labels.join(","),
            state
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
pub fn labels(e: &Element) -> Vec<(String, String)> {
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

/// The time-limited offer of a placeholder, if it has a discount and an
/// end: `data-offer-ends`, or `data-countdown` seconds from the first time
/// this page (this order) was shown in this tab.
fn offer(e: &Element, anchors: &[String]) -> Option<(f64, f64)> {
    let percent = parse_decimal(&e.get_attribute("data-discount")?)?;
    if !(percent > 0.0 && percent < 100.0) {
        return None;
    }
    let ends = if let Some(at) = e.get_attribute("data-offer-ends") {
        Some(js_sys::Date::parse(at.trim())).filter(|t| t.is_finite())
    } else {
        let seconds = parse_decimal(&e.get_attribute("data-countdown")?)?;
        let key = format!("xsell:offer:{}", anchors.join(","));
        let started = storage::session_get(&key)
            .and_then(|t| parse_decimal(t.as_str()))
            .unwrap_or_else(|| {
                let now = js_sys::Date::now();
                storage::session_set(&key, &(now as i64).to_string());
                now
            });
        Some(started + seconds.max(0.0) * 1000.0)
    }?;
    Some((percent, ends))
}
