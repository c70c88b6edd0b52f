//! Baskets files: one basket per line, items separated by commas, no
//! header (the layout of groceries.csv). Each line is its own basket.

use std::io::Read;

use super::{BasketBuffer, ImportReport, NonProducts, OrderOptions, SkipReason};
use crate::builder::line_numbers::{After, Tracked};
use crate::builder::{InputError, Vocab};

pub(super) fn read(
    input: impl Read,
    file: &str,
    options: &OrderOptions,
    vocab: &mut Vocab,
    mut on_basket: impl FnMut(&[u32]),
) -> Result<ImportReport, InputError> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(Tracked::new(input));
    let mut report = ImportReport::default();
    let non_products = NonProducts::new(&options.skip_products);
    let mut basket = BasketBuffer::new();
    let mut record = csv::ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(InputError::from_csv(file, &e)),
        }
        report.rows_read += 1;
        let after = After::read(&csv);
        if std::str::from_utf8(record.as_slice()).is_err() {
            if options.strict {
                let line = after.line_of(&record);
                return Err(InputError::at(file, line, SkipReason::NotUtf8.describe()));
            }
            report.skip(SkipReason::NotUtf8, || after.line_of(&record));
            continue;
        }
        for field in record.iter() {
            let item = String::from_utf8_lossy(field.trim_ascii());
            if item.is_empty() {
                continue;
            }
            if non_products.matches(&item) {
                *report.not_products.entry(item.into_owned()).or_insert(0) += 1;
            } else {
                basket.push(vocab.intern(&item));
            }
        }
        if basket.flush(&mut on_basket) {
            report.baskets += 1;
            report.rows_used += 1;
        } else {
            report.skip(SkipReason::EmptyBasket, || after.line_of(&record));
        }
    }
    Ok(report)
}
