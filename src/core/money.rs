//! Prices as whole numbers of a currency's minor unit (cents, yen, fils), so
//! totals and differences are exact; formatting for shoppers is the web
//! layer's job (`Intl.NumberFormat`).

use serde::Serialize;

/// An amount in minor units of `currency`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Money {
    pub minor: i64,
    pub currency: String,
}

impl Money {
    /// "19.99 USD": exact, without floats (float formatting would add
    /// kilobytes to the wasm), for places without `Intl`.
    pub fn plain(&self) -> String {
        let digits = minor_digits(&self.currency);
        let unit = 10i64.pow(digits);
        let sign = if self.minor < 0 { "-" } else { "" };
        let (whole, frac) = (self.minor.abs() / unit, self.minor.abs() % unit);
        if digits == 0 {
            format!("{sign}{whole} {}", self.currency)
        } else {
            format!(
                "{sign}{whole}.{frac:0w$} {}",
                self.currency,
                w = digits as usize
            )
        }
    }

    /// `percent` of the amount, rounded to the minor unit: what a discount
    /// takes off.
    pub fn percent_of(&self, percent: f64) -> Money {
        Money {
            minor: (self.minor as f64 * percent / 100.0).round() as i64,
            currency: self.currency.clone(),
        }
    }

    /// The amount less `percent` off.
    pub fn less_percent(&self, percent: f64) -> Money {
        Money {
            minor: self.minor - self.percent_of(percent).minor,
            currency: self.currency.clone(),
        }
    }

    /// The amount in major units, for display (`Intl.NumberFormat` takes
    /// a number).
    pub fn major(&self) -> f64 {
        self.minor as f64 / 10f64.powi(minor_digits(&self.currency) as i32)
    }
}

/// How many decimal digits a currency's minor unit has (ISO 4217). Most
/// have 2; these are the exceptions in use.
pub fn minor_digits(currency: &str) -> u32 {
    const ZERO: [&str; 16] = [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
        "VUV", "XAF", "XOF",
    ];
    const THREE: [&str; 7] = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];
    let code = currency.trim().to_ascii_uppercase();
    if ZERO.contains(&code.as_str()) || code == "XPF" {
        0
    } else if THREE.contains(&code.as_str()) {
        3
    } else {
        2
    }
}

/// Reads a decimal price such as `19.99`, `19` or `0.5` into minor units,
/// rounding half away from zero past the currency's digits. Refuses signs,
/// thousands separators and symbols: a catalog price must be unambiguous.
pub fn parse_price(text: &str, currency: &str) -> Result<i64, String> {
    let t = text.trim();
    let digits = minor_digits(currency) as usize;
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if t.is_empty()
        || whole.is_empty() && frac.is_empty()
        || !all_digits(whole)
        || !all_digits(frac)
    {
        return Err(format!(
            "{text:?} is not a price like 19.99 (digits and one dot, no sign or symbol)"
        ));
    }
    if whole.len() > 15 {
        return Err(format!("{text:?} is too large for a price"));
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole
            .parse()
            .map_err(|_| format!("{text:?} is not a price"))?
    };
    let mut minor = whole * 10i64.pow(digits as u32);
    let frac = frac.as_bytes();
    for k in 0..digits {
        let d = frac.get(k).map_or(0, |b| i64::from(b - b'0'));
        minor += d * 10i64.pow((digits - 1 - k) as u32);
    }
    if frac.get(digits).is_some_and(|&b| b >= b'5') {
        minor += 1;
    }
    Ok(minor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_into_minor_units() {
        assert_eq!(parse_price("19.99", "USD"), Ok(1999));
        assert_eq!(parse_price(" 19 ", "USD"), Ok(1900));
        assert_eq!(parse_price("0.5", "EUR"), Ok(50));
        assert_eq!(parse_price(".5", "EUR"), Ok(50));
        assert_eq!(parse_price("1.005", "USD"), Ok(101));
        assert_eq!(parse_price("1500", "JPY"), Ok(1500));
        assert_eq!(parse_price("1.2345", "KWD"), Ok(1235));
    }

    #[test]
    fn refuses_what_is_ambiguous() {
        for bad in ["", ".", "-1", "1,299.00", "$5", "1.2.3", "abc", "1e3"] {
            assert!(parse_price(bad, "USD").is_err(), "{bad}");
        }
    }

    #[test]
    fn plain_text_is_exact() {
        let m = |minor, c: &str| Money {
            minor,
            currency: c.into(),
        };
        assert_eq!(m(1999, "USD").plain(), "19.99 USD");
        assert_eq!(m(5, "EUR").plain(), "0.05 EUR");
        assert_eq!(m(-150, "USD").plain(), "-1.50 USD");
        assert_eq!(m(1500, "JPY").plain(), "1500 JPY");
        assert_eq!(m(1234, "KWD").plain(), "1.234 KWD");
    }

    #[test]
    fn major_units_follow_the_currency() {
        let m = Money {
            minor: 1999,
            currency: "USD".into(),
        };
        assert_eq!(m.major(), 19.99);
        let y = Money {
            minor: 1999,
            currency: "JPY".into(),
        };
        assert_eq!(y.major(), 1999.0);
    }
}
