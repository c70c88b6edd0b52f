//! Decimal numbers without std's float parser: its correctly rounded
//! algorithm brings about 12 KB of tables into the wasm, and every number
//! the widget reads (scores, ratings, percentages, attribute values) is
//! short and needs no better than 15 significant digits.

/// A decimal such as `12`, `-0.5` or `1e3`, or None when the text is not
/// one (no spaces, no signs but a leading minus, no thousands separators).
pub fn parse_decimal(text: &str) -> Option<f64> {
    let t = text.trim();
    let body = t.strip_prefix('-').unwrap_or(t);
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (body, None),
    };
    let (whole, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    (!(whole.is_empty() && frac.is_empty()) && digits(whole) && digits(frac) && exponent_ok)
        .then(|| decimal_to_f64(t))
}

/// A JSON number (already checked against the grammar) as f64. Exact for
/// up to 15 significant digits and exponents within ±22, which covers
/// every score, rating and percentage an index holds; std's correctly
/// rounded parser would add about 12 KB of tables to the wasm.
pub fn decimal_to_f64(text: &str) -> f64 {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits, exponent) = match rest.split_once(['e', 'E']) {
        Some((d, e)) => (d, e.parse::<i32>().unwrap_or(0)),
        None => (rest, 0),
    };
    let mut mantissa = 0u64;
    let mut scale = exponent;
    let mut seen_dot = false;
    let mut significant = 0;
    for b in digits.bytes() {
        match b {
            b'.' => seen_dot = true,
            b'0'..=b'9' => {
                if significant < 19 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    if mantissa > 0 {
                        significant += 1;
                    }
                    if seen_dot {
                        scale -= 1;
                    }
                } else if !seen_dot {
                    scale += 1;
                }
            }
            _ => {}
        }
    }
    let m = mantissa as f64;
    let value = match scale {
        0 => m,
        s if s > 0 => m * 10f64.powi(s.min(308)),
        s if s >= -22 => m / 10f64.powi(-s),
        s => m / 1e22 / 10f64.powi((-s - 22).min(330)),
    };
    if negative {
        -value
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_decimals_only() {
        assert_eq!(parse_decimal("12"), Some(12.0));
        assert_eq!(parse_decimal(" -0.5 "), Some(-0.5));
        assert_eq!(parse_decimal("1e3"), Some(1000.0));
        assert_eq!(parse_decimal(".25"), Some(0.25));
        for bad in [
            "", "-", ".", "1,5", "1.2.3", "abc", "1e", "+1", "NaN", "inf",
        ] {
            assert_eq!(parse_decimal(bad), None, "{bad:?}");
        }
    }
}
