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
}

impl<'a> ItemView<'a> {
    pub fn new(catalog: &'a Catalog, position: u32, origin: Origin, score: f32) -> ItemView<'a> {
        let p = catalog.product(position);
        let price = p.price.and_then(|minor| {
            catalog.currency_of(position).map(|c| Money {
                minor,
                currency: c.to_string(),
            })
        });
        ItemView {
            id: &p.id,
            title: p.display_title(),
            url: p.url.as_deref().and_then(safe_url),
            image: p.image.as_deref().and_then(safe_url),
            price,
            rating: p.rating,
            origin,
            score,
        }
    }
}
