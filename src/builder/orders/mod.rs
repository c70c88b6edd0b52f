//! Order history into baskets (sets of product numbers), streamed.
//!
//! Two layouts: order lines (CSV with a header, one product per row, rows
//! of one order next to each other, as shop exports are) and baskets (one
//! basket per line, items separated by commas, no header). Rows that cannot
//! be used are skipped and counted by reason ([`ImportReport`]); with
//! `strict`, the first malformed row is an error instead.

mod baskets;
mod details;
mod lines;
mod most_frequent;
mod non_products;
mod price_text;
mod report;

pub use details::OrderDetails;
pub use lines::{column as column_of, header_names};
pub use non_products::{NonProducts, DEFAULT_NON_PRODUCTS};
pub use report::{write_not_products, ImportReport, SkipReason};

use std::io::Read;

use super::{InputError, Vocab};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrdersFormat {
    /// CSV order lines with a header (`order_id,product_id[,quantity]`).
    Lines,
    /// One basket per line, items separated by commas, no header.
    Baskets,
}

#[derive(Debug, Clone)]
pub struct OrderOptions {
    pub format: OrdersFormat,
    pub order_col: String,
    pub product_col: String,
    pub quantity_col: String,
    /// Whether `quantity_col` was named by the user (then it must exist).
    pub quantity_col_required: bool,
    /// A price column: lines priced 0 or less (free gifts, adjustments)
    /// are skipped. None: a column named price, unit_price or unitprice
    /// (any case) is used when there is one.
    pub price_col: Option<String>,
    /// A column of product titles, noted in [`OrderDetails`].
    pub title_col: Option<String>,
    /// Product ids that are not products (postage, fees): skipped.
    pub skip_products: Vec<String>,
    /// Fail on the first malformed row instead of skipping it.
    pub strict: bool,
}

impl Default for OrderOptions {
    fn default() -> Self {
        OrderOptions {
            format: OrdersFormat::Lines,
            order_col: "order_id".into(),
            product_col: "product_id".into(),
            quantity_col: "quantity".into(),
            quantity_col_required: false,
            price_col: None,
            title_col: None,
            skip_products: DEFAULT_NON_PRODUCTS.iter().map(|s| s.to_string()).collect(),
            strict: false,
        }
    }
}

/// Reads baskets from `input` (named `file` in messages), numbering
/// products in `vocab` (and noting their titles and prices in `details`,
/// if `options` name the columns), and hands each basket to `on_basket`
/// as a sorted set of product numbers.
pub fn read_orders(
    input: impl Read,
    file: &str,
    options: &OrderOptions,
    vocab: &mut Vocab,
    details: &mut OrderDetails,
    on_basket: impl FnMut(&[u32]),
) -> Result<ImportReport, InputError> {
    match options.format {
        OrdersFormat::Lines => lines::read(input, file, options, vocab, details, on_basket),
        OrdersFormat::Baskets => baskets::read(input, file, options, vocab, on_basket),
    }
}

/// Collects one basket's items and hands it on as a set.
struct BasketBuffer {
    items: Vec<u32>,
}

impl BasketBuffer {
    fn new() -> BasketBuffer {
        BasketBuffer { items: Vec::new() }
    }

    fn push(&mut self, item: u32) {
        self.items.push(item);
    }

    /// Hands the basket (as a set: an item twice counts once) to `sink`;
    /// returns whether there was one.
    fn flush(&mut self, sink: &mut impl FnMut(&[u32])) -> bool {
        if self.items.is_empty() {
            return false;
        }
        self.items.sort_unstable();
        self.items.dedup();
        sink(&self.items);
        self.items.clear();
        true
    }
}
