//! Prices in order exports as shops write them: `3.39`, `3,39` (a
//! European spreadsheet), `£3.39`, `1.299,00 €`, `USD 1,299.00`.
//!
//! Order lines use a price only to skip free lines and, when asked, to
//! price products without a catalog entry, so reading generously is safe
//! where a catalog's price (what a shopper is shown) must be exact. Not for
//! the catalog: see `core::money::parse_price`.

/// The number in `field`, ignoring currency signs, codes and spaces; None
/// when there is no number to be had. `decimal_comma`: the file is one a
/// spreadsheet saved where the comma is the decimal mark (its columns are
/// separated by `;`), so a dot before three digits groups thousands
/// ("1.299 €", "12.500").
pub fn read_price(field: &[u8], decimal_comma: bool) -> Option<f64> {
    let text = std::str::from_utf8(field).ok()?.trim();
    // Plain numbers first, as any CSV tool reads them ("1.5E+03", "-2").
    if !(decimal_comma && text.contains('.')) {
        if let Ok(value) = text.parse::<f64>() {
            return value.is_finite().then_some(value);
        }
    }
    // Accountants write a negative amount in brackets: "(3.39)".
    if let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        return read_price(inner.as_bytes(), decimal_comma).map(|v| -v.abs());
    }
    if text.bytes().any(|b| b == b'e' || b == b'E') && text.bytes().any(|b| b.is_ascii_digit()) {
        // Letters around a number are a currency ("EUR 3,39"); an exponent
        // inside one is not what this reader guesses at.
        let letters_inside = text
            .trim_matches(|c: char| !c.is_ascii_digit())
            .bytes()
            .any(|b| b.is_ascii_alphabetic());
        if letters_inside {
            return None;
        }
    }
    let kept: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
        .collect();
    let (negative, number) = match kept.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, kept.as_str()),
    };
    if number.is_empty() || number.contains('-') || !number.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let plain = match (number.rfind('.'), number.rfind(',')) {
        // Both: the later one is the decimal mark ("1.299,00", "1,299.00").
        (Some(dot), Some(comma)) if comma > dot => number.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => number.replace(',', ""),
        // Commas only: one comma before one or two digits is a decimal
        // comma ("3,39"); otherwise they group thousands ("1,299").
        (None, Some(comma)) => {
            let decimals = number.len() - comma - 1;
            if number.matches(',').count() == 1 && (1..=2).contains(&decimals) {
                number.replace(',', ".")
            } else {
                number.replace(',', "")
            }
        }
        // Dots only: several group thousands ("1.299.000"), and so does one
        // before three digits in a decimal-comma file ("12.500").
        (Some(dot), None)
            if number.matches('.').count() > 1 || decimal_comma && number.len() - dot == 4 =>
        {
            number.replace('.', "")
        }
        _ => number.to_string(),
    };
    let value: f64 = plain.parse().ok()?;
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<f64> {
        read_price(text.as_bytes(), false)
    }

    #[test]
    fn reads_what_shops_export() {
        for (text, value) in [
            ("3.39", 3.39),
            (" 12 ", 12.0),
            ("3,39", 3.39),
            ("3,5", 3.5),
            ("£3.39", 3.39),
            ("3,39 €", 3.39),
            ("USD 1,299.00", 1299.0),
            ("1.299,00", 1299.0),
            ("1 299,00 kr", 1299.0),
            ("1,299", 1299.0),
            ("1.299.000", 1_299_000.0),
            ("0", 0.0),
            ("-2.50", -2.5),
            ("-£2.50", -2.5),
            ("1.5E+03", 1500.0),
            ("2e2", 200.0),
            ("(3.39)", -3.39),
            ("(£3.39)", -3.39),
            ("1.299", 1.299),
            ("EUR 3,39", 3.39),
        ] {
            assert_eq!(read(text), Some(value), "{text:?}");
        }
    }

    #[test]
    fn a_decimal_comma_file_groups_thousands_with_dots() {
        for (text, value) in [
            ("1.299 €", 1299.0),
            ("12.500", 12500.0),
            ("3,39", 3.39),
            ("1.299,50", 1299.5),
            ("3.39", 3.39),
            ("12", 12.0),
        ] {
            assert_eq!(read_price(text.as_bytes(), true), Some(value), "{text:?}");
        }
    }

    #[test]
    fn no_number_no_price() {
        for text in [
            "",
            "N/A",
            "free",
            "-",
            "3-4",
            ".",
            "1.2.3,4,5",
            "1e400",
            "3e,5",
            "12 e 4",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }
}
