//! What reading the catalog did with its rows, said once in the summary
//! rather than once per row: rows that are not products are skipped, and
//! rows that are usable but incomplete (no price, no title) are kept.

use std::collections::BTreeMap;
use std::fmt;

use crate::builder::orders::{write_not_products, SkipReason};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CatalogNote {
    /// Listed in `--skip-products` (postage, fees): the row is skipped.
    NotAProduct,
    /// A price of 0 or less (free items, placeholders): kept, unpriced.
    PriceNotPositive,
    /// An empty title: kept, shown by its id.
    EmptyTitle,
    /// A `url` or `image` the widget would refuse (`javascript:`...):
    /// dropped.
    LinkRefused,
    /// A `url` or `image` like `shop.com/x`: kept, but a browser reads it
    /// as a path under the page.
    LinkWithoutScheme,
}

impl CatalogNote {
    fn skips_the_row(self) -> bool {
        self == CatalogNote::NotAProduct
    }

    fn describe(self) -> &'static str {
        match self {
            CatalogNote::NotAProduct => SkipReason::NotAProduct.describe(),
            CatalogNote::PriceNotPositive => "price 0 or less: taken as no price",
            CatalogNote::EmptyTitle => "empty title: the id is shown instead",
            CatalogNote::LinkRefused => {
                "url or image neither http(s) nor a path (javascript:, data:...): dropped"
            }
            CatalogNote::LinkWithoutScheme => {
                "url or image looks like a web address without https:// (shop.com/x): browsers read it as a path under the page"
            }
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogReport {
    /// Data rows read (header excluded).
    pub rows_read: u64,
    /// Rows kept as products.
    pub products: u64,
    /// Per note: how many rows, and the first line it happened on.
    pub notes: BTreeMap<CatalogNote, (u64, u64)>,
    /// Rows skipped as not products, by id.
    pub not_products: BTreeMap<String, u64>,
    /// The column separator (`,` unless the header said otherwise).
    pub delimiter: u8,
}

impl CatalogReport {
    pub(super) fn note(&mut self, note: CatalogNote, line: u64) {
        self.notes.entry(note).or_insert((0, line)).0 += 1;
    }

    pub fn rows_skipped(&self) -> u64 {
        self.notes
            .iter()
            .filter(|(note, _)| note.skips_the_row())
            .map(|(_, (n, _))| n)
            .sum()
    }
}

impl fmt::Display for CatalogReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "rows read {}, products {}, skipped {}",
            self.rows_read,
            self.products,
            self.rows_skipped()
        )?;
        for (note, (n, first)) in &self.notes {
            let what = if note.skips_the_row() {
                "skipped"
            } else {
                "kept"
            };
            writeln!(
                f,
                "  {what:<7} {n:>8}  {} (first on line {first})",
                note.describe()
            )?;
            if *note == CatalogNote::NotAProduct {
                write_not_products(f, &self.not_products)?;
            }
        }
        if let Some(separated) = crate::builder::delimiter::describe(self.delimiter) {
            writeln!(f, "  {separated}")?;
        }
        Ok(())
    }
}
