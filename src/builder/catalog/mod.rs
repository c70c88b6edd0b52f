//! The catalog: one row per product with its display data and the fields
//! that decide upgrades and add-ons.
//!
//! Required columns: `id,title,price`. Optional: `currency,url,image,
//! category,family,tier,in_stock,rating,addon_for`, merchandising
//! (`pin`, `exclude`: `;`-separated ids), variants (`variant_of`: the
//! parent's id, `option`: "Size M"), and any number of `attr:Name` columns
//! (compared side by side in the upgrade block); other columns are
//! ignored. Unlike order exports, a catalog is the merchant's own list, so
//! a bad value is an error to fix (every one is counted), not a row to
//! drop. What is not wrong, only unusual, is summed up in a
//! [`CatalogReport`]: rows that are not products (`--skip-products`) are
//! skipped; a price of 0 or less counts as no price; an empty title
//! falls back to the id.

mod errors;
mod fields;
mod links;
mod report;

pub use errors::CatalogErrors;
pub use report::{CatalogNote, CatalogReport};

use std::io::Read;

use rustc_hash::FxHashMap;

use crate::builder::delimiter;
use crate::builder::line_numbers::{After, Tracked};
use crate::builder::orders::{column_of, header_names, NonProducts};
use crate::builder::InputError;

#[derive(Debug, Clone, PartialEq)]
pub struct CatalogRow {
    /// Line in the catalog file, for later messages.
    pub line: u64,
    pub id: String,
    pub title: String,
    /// Minor units of `currency`; None when the cell is empty.
    pub price: Option<i64>,
    pub currency: String,
    pub url: Option<String>,
    pub image: Option<String>,
    pub category: Option<String>,
    pub family: Option<String>,
    /// Rank in the family: 1 good, 2 better, 3 best (or any number).
    pub tier: Option<u32>,
    pub in_stock: bool,
    pub rating: Option<f32>,
    /// Product ids or category names this product is an add-on for.
    pub addon_for: Vec<String>,
    /// Products always shown first in this product's bought-together block.
    pub pin: Vec<String>,
    /// Products never recommended with this one.
    pub exclude: Vec<String>,
    /// For a variant: the id of the product it is a version of.
    pub variant_of: Option<String>,
    /// For a variant: what tells it apart.
    pub option: Option<String>,
    /// (`attr:Name` column's name, value), non-empty cells only.
    pub attrs: Vec<(String, String)>,
}

/// Reads the catalog (named `file` in messages); prices without a
/// currency column are in `default_currency`, and ids that
/// `non_products` matches are skipped.
pub fn read_catalog(
    input: impl Read,
    file: &str,
    default_currency: &str,
    non_products: &NonProducts,
) -> Result<(Vec<CatalogRow>, CatalogReport), CatalogErrors> {
    let mut errors = CatalogErrors::new(file);
    let (input, delimiter) = delimiter::sniff(input);
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(Tracked::new(input));
    let header = match csv.byte_headers() {
        Ok(header) => header.clone(),
        Err(e) => {
            errors.push(InputError::from_csv(file, &e));
            return Err(errors);
        }
    };
    let col = |name: &str| column_of(&header, name);
    for required in ["id", "title", "price"] {
        if col(required).is_none() {
            errors.push(InputError::at(
                file,
                1,
                format!(
                    "no column named {required:?}; a catalog needs id,title,price (the header has: {})",
                    header_names(&header)
                ),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let columns = fields::Columns {
        id: col("id"),
        title: col("title"),
        price: col("price"),
        currency: col("currency"),
        url: col("url"),
        image: col("image"),
        category: col("category"),
        family: col("family"),
        tier: col("tier"),
        in_stock: col("in_stock"),
        rating: col("rating"),
        addon_for: col("addon_for"),
        pin: col("pin"),
        exclude: col("exclude"),
        variant_of: col("variant_of"),
        option: col("option"),
        attrs: header
            .iter()
            .enumerate()
            .filter_map(|(i, h)| {
                let name = std::str::from_utf8(h).ok()?.trim();
                let name = name.strip_prefix("attr:")?.trim();
                (!name.is_empty()).then(|| (i, name.to_string()))
            })
            .collect(),
    };
    let header_name = |at: usize| String::from_utf8_lossy(header.get(at).unwrap_or_default());

    let mut rows = Vec::new();
    let mut report = CatalogReport {
        delimiter,
        ..CatalogReport::default()
    };
    let mut seen: FxHashMap<String, u64> = FxHashMap::default();
    let mut bytes = csv::ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut bytes) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                errors.push(InputError::from_csv(file, &e));
                break;
            }
        }
        report.rows_read += 1;
        let line = After::read(&csv).line_of(&bytes);
        // Checked here rather than by the csv crate, to name the field.
        let record = match csv::StringRecord::from_byte_record(std::mem::take(&mut bytes)) {
            Ok(record) => record,
            Err(e) => {
                let at = e.utf8_error().field();
                errors.push(
                    InputError::at(file, line, "text is not UTF-8 (save the file as UTF-8)")
                        .in_field(at, header_name(at).trim()),
                );
                bytes = e.into_byte_record();
                continue;
            }
        };
        let id = columns.id.and_then(|at| record.get(at)).unwrap_or("");
        if non_products.matches(id) {
            report.note(CatalogNote::NotAProduct, line);
            *report
                .not_products
                .entry(id.trim().to_string())
                .or_insert(0) += 1;
            bytes = record.into_byte_record();
            continue;
        }
        let cells = fields::Cells {
            record: &record,
            header: &header,
            file,
            line,
        };
        // Checked for every row, even one with other errors: all of a
        // file's problems are told in one run, not in rounds.
        let key = id.trim();
        let repeated = match seen.get(key) {
            Some(&first) if !key.is_empty() => Some(
                InputError::at(
                    file,
                    line,
                    format!("product id {key:?} is already on line {first}"),
                )
                .in_field(columns.id.unwrap_or(0), "id"),
            ),
            _ => {
                seen.insert(key.to_string(), line);
                None
            }
        };
        match fields::row(&cells, &columns, default_currency, &mut report) {
            Ok(mut row) => match repeated {
                Some(error) => errors.push(error),
                None => {
                    links::check(&mut row.url, &mut report, line);
                    links::check(&mut row.image, &mut report, line);
                    rows.push(row);
                }
            },
            Err(row_errors) => row_errors
                .into_iter()
                .chain(repeated)
                .for_each(|e| errors.push(e)),
        }
        bytes = record.into_byte_record();
    }
    // Variants need a parent in the catalog, and one level only.
    let variant: FxHashMap<&str, bool> = rows
        .iter()
        .map(|r| (r.id.as_str(), r.variant_of.is_some()))
        .collect();
    for row in &rows {
        let Some(parent) = &row.variant_of else {
            continue;
        };
        let problem = match variant.get(parent.as_str()) {
            None => Some(format!(
                "variant_of {parent:?} names no product of the catalog"
            )),
            Some(true) => Some(format!("variant_of {parent:?} is itself a variant")),
            Some(false) => None,
        };
        if let Some(message) = problem {
            errors.push(
                InputError::at(file, row.line, message)
                    .in_field(columns.variant_of.unwrap_or(0), "variant_of"),
            );
        }
    }
    if errors.is_empty() {
        report.products = rows.len() as u64;
        Ok((rows, report))
    } else {
        Err(errors)
    }
}
