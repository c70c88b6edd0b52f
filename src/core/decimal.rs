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
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let mut digits = Digits::default();
    let mut after_dot = false;
    for (i, &b) in bytes.iter().enumerate().skip(usize::from(negative)) {
        match b {
            b'.' => after_dot = true,
            b'0'..=b'9' => digits.push(b - b'0', after_dot),
            b'e' | b'E' => return digits.value(negative, exponent(&bytes[i + 1..])),
            _ => {}
        }
    }
    digits.value(negative, 0)
}

/// The digits of a decimal as they are read, one at a time: shared with
/// the index reader, which checks the grammar in the same single pass.
#[derive(Default)]
pub struct Digits {
    mantissa: u64,
    /// The power of ten the mantissa is to be multiplied by.
    scale: i32,
    significant: u8,
}

impl Digits {
    #[inline]
    pub fn push(&mut self, digit: u8, after_dot: bool) {
        if self.significant < 19 {
            self.mantissa = self.mantissa * 10 + u64::from(digit);
            if self.mantissa > 0 {
                self.significant += 1;
            }
            if after_dot {
                self.scale -= 1;
            }
        } else if !after_dot {
            self.scale += 1;
        }
    }

    /// The number, times ten to `exponent`.
    pub fn value(&self, negative: bool, exponent: i32) -> f64 {
        let m = self.mantissa as f64;
        let value = match self.scale.saturating_add(exponent) {
            0 => m,
            s @ 1..=22 => m * POW10[s as usize],
            s if s > 308 && self.mantissa > 0 => f64::INFINITY,
            s if s > 0 => m * 10f64.powi(s.min(308)),
            s if s >= -22 => m / POW10[-s as usize],
            s => m / 1e22 / 10f64.powi((-s - 22).min(330)),
        };
        if negative {
            -value
        } else {
            value
        }
    }
}

/// Powers of ten that f64 holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// An exponent's digits with an optional sign, saturating far beyond any
/// f64's range; 0 when there are none.
pub fn exponent(bytes: &[u8]) -> i32 {
    let (negative, digits) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let mut e = 0i32;
    for &d in digits.iter().take_while(|d| d.is_ascii_digit()) {
        e = (e * 10 + i32::from(d - b'0')).min(100_000);
    }
    if negative {
        -e
    } else {
        e
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

    #[test]
    fn agrees_with_std_on_short_decimals() {
        for text in [
            "0",
            "-0.5",
            "0.1562",
            "0.09368",
            "1e-7",
            "2.5E+3",
            "123456789012345",
            "1e22",
            "1e23",
            "4.99",
            "-12.75e-2",
            "0.000001",
            "99999.99",
        ] {
            let ours = decimal_to_f64(text);
            let std: f64 = text.parse().unwrap();
            assert!(
                (ours - std).abs() <= std.abs() * 1e-15,
                "{text}: {ours} vs {std}"
            );
        }
        assert_eq!(decimal_to_f64("1e999"), f64::INFINITY);
        assert_eq!(decimal_to_f64("1e-999"), 0.0);
    }
}
