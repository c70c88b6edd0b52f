//! `--currency`: checked once, when the command line is read, rather than
//! on every catalog row that has no currency of its own.

/// The option's value as an upper-case ISO 4217 code (clap value parser).
pub fn currency_code(value: &str) -> Result<String, String> {
    let code = value.trim().to_ascii_uppercase();
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(code)
    } else {
        Err("give an ISO 4217 three-letter currency code, like USD, EUR or GBP".into())
    }
}

#[cfg(test)]
mod tests {
    use super::currency_code;

    #[test]
    fn three_letters_any_case() {
        assert_eq!(currency_code(" gbp ").as_deref(), Ok("GBP"));
        for bad in ["pounds", "£", "", "US", "U$D", "€UR"] {
            assert!(currency_code(bad).is_err(), "{bad}");
        }
    }
}
