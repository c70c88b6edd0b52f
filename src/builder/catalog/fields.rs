//! One catalog row, field by field, with an error per bad cell that names
//! its line, column and header.

use super::{CatalogNote, CatalogReport, CatalogRow};
use crate::builder::InputError;
use crate::core::money::parse_price;

pub(super) struct Columns {
    pub id: Option<usize>,
    pub title: Option<usize>,
    pub price: Option<usize>,
    pub currency: Option<usize>,
    pub url: Option<usize>,
    pub image: Option<usize>,
    pub category: Option<usize>,
    pub family: Option<usize>,
    pub tier: Option<usize>,
    pub in_stock: Option<usize>,
    pub rating: Option<usize>,
    pub addon_for: Option<usize>,
    pub pin: Option<usize>,
    pub exclude: Option<usize>,
    pub variant_of: Option<usize>,
    pub option: Option<usize>,
    /// (column, attribute name) of every `attr:Name` column.
    pub attrs: Vec<(usize, String)>,
}

pub(super) struct Cells<'a> {
    pub record: &'a csv::StringRecord,
    pub header: &'a csv::ByteRecord,
    pub file: &'a str,
    pub line: u64,
}

impl Cells<'_> {
    /// The trimmed text at a column; empty when the column is absent or
    /// the row is short.
    fn text(&self, at: Option<usize>) -> &str {
        at.and_then(|i| self.record.get(i)).map_or("", str::trim)
    }

    fn optional(&self, at: Option<usize>) -> Option<String> {
        Some(self.text(at))
            .filter(|t| !t.is_empty())
            .map(String::from)
    }

    fn error(&self, at: Option<usize>, message: String) -> InputError {
        let at = at.unwrap_or(0);
        let name = String::from_utf8_lossy(self.header.get(at).unwrap_or_default());
        InputError::at(self.file, self.line, message).in_field(at, name.trim())
    }
}

/// The row, or every problem in it; what is only unusual goes to `report`.
pub(super) fn row(
    cells: &Cells<'_>,
    columns: &Columns,
    default_currency: &str,
    report: &mut CatalogReport,
) -> Result<CatalogRow, Vec<InputError>> {
    let mut errors = Vec::new();
    let id = cells.text(columns.id).to_string();
    if id.is_empty() {
        errors.push(cells.error(columns.id, "product id is empty".into()));
    }
    let currency = cells
        .optional(columns.currency)
        .map(|c| c.to_ascii_uppercase())
        .unwrap_or_else(|| default_currency.to_string());
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_alphabetic()) {
        errors.push(cells.error(
            columns.currency,
            format!("{currency:?} is not a three-letter currency code like USD"),
        ));
    }
    let price = match cells.text(columns.price) {
        "" => None,
        text => {
            let unsigned = text.strip_prefix('-');
            match parse_price(unsigned.unwrap_or(text), &currency) {
                Ok(p) if p > 0 && unsigned.is_none() => Some(p),
                // Free items and placeholders: shown without a price.
                Ok(_) => {
                    report.note(CatalogNote::PriceNotPositive, cells.line);
                    None
                }
                Err(e) if unsigned.is_none() => {
                    errors.push(cells.error(columns.price, e));
                    None
                }
                Err(_) => {
                    errors.push(cells.error(
                        columns.price,
                        format!("{text:?} is not a price like 19.99 (digits and one dot)"),
                    ));
                    None
                }
            }
        }
    };
    let tier = match cells.text(columns.tier) {
        "" => None,
        text => match parse_tier(text) {
            Some(t) => Some(t),
            None => {
                errors.push(cells.error(
                    columns.tier,
                    format!("{text:?} is not a tier: use a number (1, 2, 3) or good/better/best, basic/standard/premium"),
                ));
                None
            }
        },
    };
    let in_stock = match parse_in_stock(cells.text(columns.in_stock)) {
        Some(b) => b,
        None => {
            errors.push(cells.error(
                columns.in_stock,
                format!(
                    "{:?} is not a stock value: use true/false, yes/no, 1/0 or a quantity",
                    cells.text(columns.in_stock)
                ),
            ));
            true
        }
    };
    let rating = match cells.text(columns.rating) {
        "" => None,
        text => match text.parse::<f32>() {
            Ok(r) if (0.0..=5.0).contains(&r) => Some(r),
            _ => {
                errors.push(cells.error(
                    columns.rating,
                    format!("{text:?} is not a rating from 0 to 5"),
                ));
                None
            }
        },
    };
    let list = |at: Option<usize>| -> Vec<String> {
        cells
            .text(at)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    };
    let variant_of = cells.optional(columns.variant_of);
    if variant_of.as_deref() == Some(id.as_str()) {
        errors.push(cells.error(
            columns.variant_of,
            "a product cannot be a variant of itself".into(),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let title = cells.optional(columns.title).unwrap_or_else(|| {
        report.note(CatalogNote::EmptyTitle, cells.line);
        id.clone()
    });
    Ok(CatalogRow {
        line: cells.line,
        title,
        id,
        price,
        currency,
        url: cells.optional(columns.url),
        image: cells.optional(columns.image),
        category: cells.optional(columns.category),
        family: cells.optional(columns.family),
        tier,
        in_stock,
        rating,
        addon_for: list(columns.addon_for),
        pin: list(columns.pin),
        exclude: list(columns.exclude),
        variant_of,
        option: cells.optional(columns.option),
        attrs: columns
            .attrs
            .iter()
            .filter_map(|(at, name)| Some((name.clone(), cells.optional(Some(*at))?)))
            .collect(),
    })
}

/// A tier as a number, or as the words shops use for three levels.
fn parse_tier(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse::<u32>() {
        return Some(n);
    }
    match text.to_ascii_lowercase().as_str() {
        "good" | "basic" | "entry" => Some(1),
        "better" | "standard" | "plus" => Some(2),
        "best" | "premium" | "pro" => Some(3),
        _ => None,
    }
}

/// Stock as a flag or a quantity on hand; empty means in stock.
fn parse_in_stock(text: &str) -> Option<bool> {
    match text.to_ascii_lowercase().as_str() {
        "" | "true" | "yes" | "y" | "in stock" | "instock" => Some(true),
        "false" | "no" | "n" | "out of stock" | "outofstock" => Some(false),
        other => other.parse::<f64>().ok().map(|q| q > 0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_and_stock() {
        assert_eq!(parse_tier("best"), Some(3));
        assert_eq!(parse_tier("2"), Some(2));
        assert_eq!(parse_tier("gold"), None);
        assert_eq!(parse_in_stock(""), Some(true));
        assert_eq!(parse_in_stock("0"), Some(false));
        assert_eq!(parse_in_stock("12"), Some(true));
        assert_eq!(parse_in_stock("No"), Some(false));
        assert_eq!(parse_in_stock("maybe"), None);
    }
}
