//! CSV order lines: a header naming the order and product columns (others
//! are ignored), then one row per product ordered. Rows of one order are
//! expected next to each other, as exports write them; the basket is
//! handed on when the order id changes, so nothing but the current order is
//! held in memory.

use std::hash::BuildHasher;
use std::io::Read;

use rustc_hash::{FxBuildHasher, FxHashSet};

use super::price_text::read_price;
use super::{BasketBuffer, ImportReport, NonProducts, OrderDetails, OrderOptions, SkipReason};
use crate::builder::delimiter;
use crate::builder::line_numbers::{After, Tracked};
use crate::builder::{InputError, Vocab};

pub(super) fn read(
    input: impl Read,
    file: &str,
    options: &OrderOptions,
    vocab: &mut Vocab,
    details: &mut OrderDetails,
    mut on_basket: impl FnMut(&[u32]),
) -> Result<ImportReport, InputError> {
    let (input, delimiter) = delimiter::sniff(input);
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .delimiter(delimiter)
        .buffer_capacity(1 << 16)
        .from_reader(Tracked::new(input));
    let header = csv
        .byte_headers()
        .map_err(|e| InputError::from_csv(file, &e))?
        .clone();
    if header.is_empty() {
        return Err(InputError::file(
            file,
            "the file is empty: order lines need a header (order_id,product_id,...) and rows",
        ));
    }
    let find = |name: &str| column(&header, name);
    let missing = |flag: &str, name: &str| {
        InputError::at(
            file,
            1,
            format!(
                "no column named {name:?} (choose one with {flag}); the header has: {}",
                header_names(&header)
            ),
        )
    };
    let order_at =
        find(&options.order_col).ok_or_else(|| missing("--order-col", &options.order_col))?;
    let product_at =
        find(&options.product_col).ok_or_else(|| missing("--product-col", &options.product_col))?;
    let quantity_at = match find(&options.quantity_col) {
        Some(at) => Some(at),
        None if options.quantity_col_required => {
            return Err(missing("--quantity-col", &options.quantity_col))
        }
        None => None,
    };
    let price_at = match &options.price_col {
        // The way out when a price column is not what it seems.
        Some(name) if name.eq_ignore_ascii_case("none") => None,
        Some(name) => Some(find(name).ok_or_else(|| missing("--price-col", name))?),
        None => ["price", "unit_price", "unitprice"]
            .iter()
            .find_map(|n| find(n)),
    };
    let title_at = match &options.title_col {
        Some(name) => Some(find(name).ok_or_else(|| missing("--title-col", name))?),
        None => None,
    };
    // Prices are taken only from a column the user named (one found by
    // its name only checks rows).
    let take_prices = options.price_col.is_some() && price_at.is_some();
    let non_products = NonProducts::new(&options.skip_products);
    // A row shorter than this lacks a column it needs (a missing price or
    // title is only a missing detail).
    let last_used = [Some(order_at), Some(product_at), quantity_at]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0);

    // A column the import reads that the header names twice: the first is
    // used, and the owner should know which.
    let twice = [
        Some(order_at),
        Some(product_at),
        quantity_at,
        price_at,
        title_at,
    ]
    .into_iter()
    .flatten()
    .map(|at| String::from_utf8_lossy(header[at].trim_ascii()).into_owned())
    .filter(|name| {
        header
            .iter()
            .filter(|h| h.trim_ascii().eq_ignore_ascii_case(name.as_bytes()))
            .count()
            > 1
    })
    .collect();
    let mut report = ImportReport {
        price_column: price_at.map(|at| String::from_utf8_lossy(&header[at]).into_owned()),
        delimiter,
        columns_named_twice: twice,
        ..ImportReport::default()
    };
    let mut basket = BasketBuffer::new();
    let mut current_order: Vec<u8> = Vec::new();
    // Hashes of orders already handed on, to notice an order whose rows
    // are apart (8 bytes per order).
    let mut finished: FxHashSet<u64> = FxHashSet::default();
    let mut record = csv::ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(InputError::from_csv(file, &e)),
        }
        report.rows_read += 1;
        let row = Row {
            record: &record,
            file,
            after: After::read(&csv),
            header: &header,
        };
        let skip = |report: &mut ImportReport, reason: SkipReason, at: usize| {
            if options.strict && reason.is_malformed() {
                return Err(row.error(at, reason.describe()));
            }
            report.skip(reason, || row.line());
            Ok(())
        };
        let (Some(order), Some(product), Some(_)) = (
            row.field(order_at),
            row.field(product_at),
            row.field(last_used),
        ) else {
            skip(&mut report, SkipReason::MissingFields, last_used)?;
            continue;
        };
        if order.is_empty() {
            skip(&mut report, SkipReason::EmptyOrderId, order_at)?;
            continue;
        }
        if product.is_empty() {
            skip(&mut report, SkipReason::EmptyProductId, product_at)?;
            continue;
        }
        if let Some(at) = quantity_at {
            match row.field(at).map(parse_number) {
                Some(Some(q)) if q > 0.0 => {}
                Some(Some(_)) => {
                    skip(&mut report, SkipReason::NotPositiveQuantity, at)?;
                    continue;
                }
                // An empty quantity still records a purchase of one.
                Some(None) if row.field(at).is_some_and(|f| f.is_empty()) => {}
                _ => {
                    skip(&mut report, SkipReason::BadQuantity, at)?;
                    continue;
                }
            }
        }
        let mut price = None;
        if let Some(at) = price_at {
            let field = row.field(at).unwrap_or_default();
            match read_price(field, delimiter == b';') {
                Some(p) if p > 0.0 => price = Some(p),
                Some(_) => {
                    skip(&mut report, SkipReason::NotPositivePrice, at)?;
                    continue;
                }
                // No price is not a free line: the row is still a
                // purchase, kept without a price (and counted).
                None if field.trim_ascii().is_empty() => {}
                None if options.strict => {
                    return Err(row.error(at, "price is not a number"));
                }
                None => report.unreadable_price(field, || row.line()),
            }
        }
        let Ok(product) = std::str::from_utf8(product) else {
            skip(&mut report, SkipReason::NotUtf8, product_at)?;
            continue;
        };
        if non_products.matches(product) {
            skip(&mut report, SkipReason::NotAProduct, product_at)?;
            *report.not_products.entry(product.to_string()).or_insert(0) += 1;
            continue;
        }
        if order != current_order.as_slice() {
            if basket.flush(&mut on_basket) {
                report.baskets += 1;
                finished.insert(hash_of(&current_order));
            }
            if finished.contains(&hash_of(order)) {
                report.split_orders += 1;
            }
            current_order.clear();
            current_order.extend_from_slice(order);
        }
        let item = vocab.intern(product);
        basket.push(item);
        report.rows_used += 1;
        if title_at.is_some() || take_prices {
            let title = title_at.and_then(|at| row.field(at));
            details.note(item, title, price.filter(|_| take_prices));
        }
    }
    if basket.flush(&mut on_basket) {
        report.baskets += 1;
    }
    Ok(report)
}

fn hash_of(order_id: &[u8]) -> u64 {
    FxBuildHasher.hash_one(order_id)
}

struct Row<'a> {
    record: &'a csv::ByteRecord,
    file: &'a str,
    after: After,
    header: &'a csv::ByteRecord,
}

impl Row<'_> {
    fn line(&self) -> u64 {
        self.after.line_of(self.record)
    }

    /// The field at `at`, trimmed; None when the row is too short.
    fn field(&self, at: usize) -> Option<&[u8]> {
        self.record.get(at).map(<[u8]>::trim_ascii)
    }

    fn error(&self, at: usize, message: &str) -> InputError {
        let name = String::from_utf8_lossy(self.header.get(at).unwrap_or_default());
        InputError::at(self.file, self.line(), message).in_field(at, &name)
    }
}

/// The position of the column called `name`: exact match first, then
/// ignoring case and surrounding spaces.
pub fn column(header: &csv::ByteRecord, name: &str) -> Option<usize> {
    let name = name.trim();
    header
        .iter()
        .position(|h| h == name.as_bytes())
        .or_else(|| {
            header
                .iter()
                .position(|h| h.trim_ascii().eq_ignore_ascii_case(name.as_bytes()))
        })
}

pub fn header_names(header: &csv::ByteRecord) -> String {
    header
        .iter()
        .map(|h| String::from_utf8_lossy(h).into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A plain decimal number (`6`, `-1`, `2.50`); None for anything else.
/// Whole numbers, by far the most common, skip the float parser.
fn parse_number(field: &[u8]) -> Option<f64> {
    let field = field.trim_ascii();
    let (negative, digits) = match field.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, field),
    };
    if !digits.is_empty() && digits.len() <= 15 && digits.iter().all(u8::is_ascii_digit) {
        let n = digits
            .iter()
            .fold(0f64, |n, d| n * 10.0 + f64::from(d - b'0'));
        return Some(if negative { -n } else { n });
    }
    std::str::from_utf8(field)
        .ok()?
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}
