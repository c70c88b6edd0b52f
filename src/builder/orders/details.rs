//! Titles and prices of products as their order lines give them
//! (`--title-col`, `--price-col`), for products the catalog does not list.
//!
//! Exports repeat a product's title and price on every line, and not
//! always the same (a corrected description, a sale price): each product
//! keeps its most frequent title and price ([`MostFrequent`]), so memory
//! grows with products, not lines.

use super::most_frequent::MostFrequent;
use crate::core::money::parse_price;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrderDetails {
    /// By product number; titles as read (UTF-8 checked at the end).
    titles: Vec<MostFrequent<Vec<u8>>>,
    /// By product number; prices as `f64` bits (compared exactly).
    prices: Vec<MostFrequent<u64>>,
    /// Lines noted so far: the clock for "ties go to the latest".
    lines: u64,
}

impl OrderDetails {
    /// Notes one order line of product `item`: its title, if not empty,
    /// and its price, if positive.
    pub(super) fn note(&mut self, item: u32, title: Option<&[u8]>, price: Option<f64>) {
        self.lines += 1;
        let at = item as usize;
        if let Some(title) = title.filter(|t| !t.is_empty()) {
            if self.titles.len() <= at {
                self.titles.resize_with(at + 1, MostFrequent::default);
            }
            self.titles[at].add(title, self.lines);
        }
        if let Some(price) = price.filter(|p| *p > 0.0 && p.is_finite()) {
            if self.prices.len() <= at {
                self.prices.resize_with(at + 1, MostFrequent::default);
            }
            self.prices[at].add(&price.to_bits(), self.lines);
        }
    }

    /// The most frequent title of `item`'s order lines.
    pub fn title(&self, item: u32) -> Option<String> {
        let title = self.titles.get(item as usize)?.get()?;
        Some(String::from_utf8_lossy(title).into_owned())
    }

    /// The most frequent price of `item`'s order lines, in minor units of
    /// `currency`; None if it rounds to nothing.
    pub fn price(&self, item: u32, currency: &str) -> Option<i64> {
        let bits = *self.prices.get(item as usize)?.get()?;
        // Shortest decimal that reads back as the same number: the text
        // of the file ("2.55"), which the catalog's price reader takes.
        let text = f64::from_bits(bits).to_string();
        parse_price(&text, currency).ok().filter(|&p| p > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_frequent_title_and_price_per_product() {
        let mut d = OrderDetails::default();
        d.note(0, Some(b"MUG "), Some(2.55));
        d.note(0, Some(b"MUG, RED"), Some(2.1));
        d.note(0, Some(b"MUG, RED"), Some(2.10));
        d.note(0, Some(b""), Some(2.55));
        d.note(2, None, Some(0.001));
        assert_eq!(d.title(0).as_deref(), Some("MUG, RED"));
        // 2.1 twice, 2.55 twice: the latest wins.
        assert_eq!(d.price(0, "GBP"), Some(255));
        assert_eq!(d.price(0, "JPY"), Some(3));
        assert_eq!((d.title(1), d.price(1, "GBP")), (None, None));
        assert_eq!((d.title(2), d.price(2, "GBP")), (None, None));
    }
}
