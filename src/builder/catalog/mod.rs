//! The catalog: one row per product with its display data and the fields
//! that decide upgrades and add-ons.
//!
//! Required columns: `id,title,price`. Optional: `currency,url,image,
//! category,family,tier,in_stock,rating,addon_for`, merchandising
//! (`pin`, `exclude`: `;`-separated ids), variants (`variant_of`: the
//! parent's id, `option`: "Size M"), and any number of `attr:Name` columns
//! (compared side by side in the upgrade block); other columns are
//! ignored. Unlike order exports, a catalog is the merchant's own list, so
//! a bad value is an error to fix (every one is listed), not a row to drop.

mod fields;

use std::io::Read;

use rustc_hash::FxHashMap;

use crate::builder::orders::{column_of, header_names};
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

/// Stops listing errors after this many: the first ones tell the story.
const MAX_ERRORS: usize = 20;

pub fn read_catalog(
    input: impl Read,
    file: &str,
    default_currency: &str,
) -> Result<Vec<CatalogRow>, Vec<InputError>> {
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let header = csv
        .byte_headers()
        .map_err(|e| vec![InputError::from_csv(file, &e)])?
        .clone();
    let col = |name: &str| column_of(&header, name);
    let mut missing = Vec::new();
    for required in ["id", "title", "price"] {
        if col(required).is_none() {
            missing.push(InputError::at(
                file,
                1,
                format!(
                    "no column named {required:?}; a catalog needs id,title,price (the header has: {})",
                    header_names(&header)
                ),
            ));
        }
    }
    if !missing.is_empty() {
        return Err(missing);
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

    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: FxHashMap<String, u64> = FxHashMap::default();
    let mut record = csv::StringRecord::new();
    loop {
        match csv.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                errors.push(InputError::from_csv(file, &e));
                break;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        let cells = fields::Cells {
            record: &record,
            header: &header,
            file,
            line,
        };
        match fields::row(&cells, &columns, default_currency) {
            Ok(row) => {
                if let Some(first) = seen.insert(row.id.clone(), line) {
                    errors.push(
                        InputError::at(
                            file,
                            line,
                            format!("product id {:?} is already on line {first}", row.id),
                        )
                        .in_field(columns.id.unwrap_or(0), "id"),
                    );
                } else {
                    rows.push(row);
                }
            }
            Err(mut e) => errors.append(&mut e),
        }
        if errors.len() >= MAX_ERRORS {
            break;
        }
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
        Ok(rows)
    } else {
        Err(errors)
    }
}
