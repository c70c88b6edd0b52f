//! One product as a block shows it. URLs are already checked: only
//! http(s) and relative ones survive.

use serde::Serialize;

use crate::core::index::{Catalog, Origin};
use crate::core::money::Money;
use crate::core::safe_url::safe_url;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub url: Option<&'a str>,
    pub image: Option<&'a str>,
    pub price: Option<Money>,
    pub rating: Option<f32>,
    pub origin: Origin,
    pub score: f32,
    /// The versions a shopper picks from (sizes, colours), if any.
    pub variants: Vec<VariantView<'a>>,
}

/// One variant of a product, as a picker shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VariantView<'a> {
    pub id: &'a str,
    /// "Blue", "1 kg"; the title when the catalog gave no option.
    pub option: &'a str,
    pub price: Option<Money>,
    pub in_stock: bool,
}

impl<'a> ItemView<'a> {
    pub fn new(catalog: &'a Catalog, position: u32, origin: Origin, score: f32) -> ItemView<'a> {
        let p = catalog.product(position);
        let price = price_of(catalog, position);
        let variants = p
            .variants
            .iter()
            .map(|&v| {
                let vp = catalog.product(v);
                VariantView {
                    id: &vp.id,
                    option: vp.option.as_deref().unwrap_or(vp.display_title()),
                    price: price_of(catalog, v).or_else(|| price.clone()),
                    in_stock: vp.in_stock,
                }
            })
            .collect();
        ItemView {
            id: &p.id,
            title: p.display_title(),
            url: p.url.as_deref().and_then(safe_url),
            image: p.image.as_deref().and_then(safe_url),
            price,
            rating: p.rating,
            origin,
            score,
            variants,
        }
    }

    /// The variant a picker starts on: the first in stock.
    pub fn default_variant(&self) -> Option<&VariantView<'a>> {
        self.variants.iter().find(|v| v.in_stock)
    }
}

fn price_of(catalog: &Catalog, position: u32) -> Option<Money> {
    let minor = catalog.product(position).price?;
    catalog.currency_of(position).map(|c| Money {
        minor,
        currency: c.to_string(),
    })
}
