//! What an import did with every row: read, used, or skipped and why.
//! An analyst can reconcile it with the file: read = used + skipped.

use std::collections::BTreeMap;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipReason {
    /// Fewer fields than the header names.
    MissingFields,
    EmptyOrderId,
    EmptyProductId,
    /// Quantity is not a number.
    BadQuantity,
    /// Quantity 0 or less: a return, a cancellation, a correction.
    NotPositiveQuantity,
    /// Price 0 or less (free items, adjustments).
    NotPositivePrice,
    /// Listed in `--skip-products` (postage, fees, manual entries).
    NotAProduct,
    /// A baskets-file line with no items.
    EmptyBasket,
    /// A product id that is not UTF-8 (a file saved as Windows-1252, say):
    /// it would match no page.
    NotUtf8,
}

impl SkipReason {
    /// Malformed rows make `--strict` fail; the others are dropped by rule.
    pub fn is_malformed(self) -> bool {
        matches!(
            self,
            SkipReason::MissingFields
                | SkipReason::EmptyOrderId
                | SkipReason::EmptyProductId
                | SkipReason::BadQuantity
                | SkipReason::NotUtf8
        )
    }

    pub fn describe(self) -> &'static str {
        match self {
            SkipReason::MissingFields => "fewer fields than the header",
            SkipReason::EmptyOrderId => "empty order id",
            SkipReason::EmptyProductId => "empty product id",
            SkipReason::BadQuantity => "quantity is not a number",
            SkipReason::NotPositiveQuantity => "quantity 0 or less (returns, cancellations)",
            SkipReason::NotPositivePrice => "price 0 or less",
            SkipReason::NotAProduct => "not a product (postage, fees...; see --skip-products)",
            SkipReason::EmptyBasket => "empty basket line",
            SkipReason::NotUtf8 => "product id is not UTF-8 text (save the file as UTF-8)",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    /// Data rows read (header excluded).
    pub rows_read: u64,
    pub rows_used: u64,
    /// Per reason: how many rows, and the first line it happened on.
    pub skipped: BTreeMap<SkipReason, (u64, u64)>,
    pub baskets: u64,
    /// Orders whose rows were not next to each other in the file; each run
    /// of rows counted as its own basket. Sorting the file by order id
    /// gives exact counts.
    pub split_orders: u64,
    /// The column prices were checked in, if any.
    pub price_column: Option<String>,
    /// The column separator (`,` unless the header said otherwise).
    pub delimiter: u8,
    /// Columns in use that the header names more than once (the first
    /// is read).
    pub columns_named_twice: Vec<String>,
    /// Rows whose price could not be read (kept, without a price): how
    /// many, the first line and its text.
    pub unreadable_prices: Option<(u64, u64, String)>,
    /// Rows (or basket items) skipped as not products, by id.
    pub not_products: BTreeMap<String, u64>,
}

impl ImportReport {
    pub fn rows_skipped(&self) -> u64 {
        self.skipped.values().map(|(n, _)| n).sum()
    }

    /// Counts a skipped row; `line` is only asked for the first of a
    /// reason (working it out costs a look at the row).
    pub(super) fn skip(&mut self, reason: SkipReason, line: impl FnOnce() -> u64) {
        let entry = self.skipped.entry(reason).or_insert_with(|| (0, line()));
        entry.0 += 1;
    }

    pub(super) fn unreadable_price(&mut self, text: &[u8], line: impl FnOnce() -> u64) {
        let entry = self
            .unreadable_prices
            .get_or_insert_with(|| (0, line(), String::from_utf8_lossy(text).into_owned()));
        entry.0 += 1;
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "rows read {}, used {}, skipped {}; baskets {}",
            self.rows_read,
            self.rows_used,
            self.rows_skipped(),
            self.baskets
        )?;
        for (reason, (n, first)) in &self.skipped {
            writeln!(
                f,
                "  skipped {n:>8}  {} (first on line {first})",
                reason.describe()
            )?;
        }
        write_not_products(f, &self.not_products)?;
        if let Some(separated) = crate::builder::delimiter::describe(self.delimiter) {
            writeln!(f, "  {separated}")?;
        }
        for name in &self.columns_named_twice {
            writeln!(
                f,
                "  note: the header names column {name:?} more than once; the first is read"
            )?;
        }
        if let Some(column) = &self.price_column {
            writeln!(
                f,
                "  prices checked in column {column}: rows priced 0 or less skipped (--price-col none: no checks)"
            )?;
        }
        if let Some((n, line, text)) = &self.unreadable_prices {
            writeln!(
                f,
                "  note: {n} rows have a price that is not a number (first on line {line}: {text:?}); they were kept, without a price"
            )?;
        }
        if self.split_orders > 0 {
            writeln!(
                f,
                "  note: {} orders had rows apart from each other; each run was counted as its own basket (sort the file by order id for exact counts)",
                self.split_orders
            )?;
        }
        Ok(())
    }
}

/// The ids skipped as not products, most frequent first (a line of the
/// orders' and the catalog's summaries).
pub fn write_not_products(f: &mut fmt::Formatter<'_>, ids: &BTreeMap<String, u64>) -> fmt::Result {
    if ids.is_empty() {
        return Ok(());
    }
    let mut ids: Vec<(&String, &u64)> = ids.iter().collect();
    ids.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let list: Vec<String> = ids
        .iter()
        .take(8)
        .map(|(id, n)| format!("{id} {n}"))
        .collect();
    let more = if ids.len() > 8 { ", ..." } else { "" };
    writeln!(f, "  not products: {}{more}", list.join(", "))
}
