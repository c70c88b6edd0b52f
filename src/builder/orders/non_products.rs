//! Order lines that are not products: postage, fees, discounts, manual
//! corrections, gift vouchers. Exports mix them in with real products;
//! counted as products they would be "bought together" with everything.
//! Matching ignores case; an entry ending in `*` matches a prefix.

/// What `xsell` skips unless told otherwise (`--skip-products`): the codes
/// common in shop exports for postage (POST, DOT, C2 carriage), manual
/// entries (M), discounts, samples, bank and marketplace fees, commissions,
/// and gift vouchers. (Single letters other than M are left alone: too
/// likely to be someone's real SKU.)
pub const DEFAULT_NON_PRODUCTS: &[&str] = &[
    "POST",
    "POSTAGE",
    "DOT",
    "C2",
    "CARRIAGE",
    "SHIPPING",
    "M",
    "MANUAL",
    "DISCOUNT",
    "SAMPLES",
    "BANK CHARGES",
    "AMAZONFEE",
    "CRUK",
    "GIFT_*",
];

#[derive(Debug, Clone, Default)]
pub struct NonProducts {
    /// Upper case; a short list, so a scan beats a set (no case folding).
    exact: Vec<String>,
    prefixes: Vec<String>,
    /// Bit n set: some exact entry is n bytes long (n < 64); lets most
    /// ids be turned away without comparing.
    lengths: u64,
}

impl NonProducts {
    pub fn new<S: AsRef<str>>(entries: &[S]) -> NonProducts {
        let mut out = NonProducts::default();
        for entry in entries {
            let e = entry.as_ref().trim().to_ascii_uppercase();
            match e.strip_suffix('*') {
                Some(prefix) if !prefix.is_empty() => out.prefixes.push(prefix.to_string()),
                _ if !e.is_empty() => {
                    out.lengths |= 1u64.checked_shl(e.len() as u32).unwrap_or(0);
                    out.exact.push(e);
                }
                _ => {}
            }
        }
        out
    }

    /// Checked for every order line: compares in place, allocates nothing.
    pub fn matches(&self, id: &str) -> bool {
        let id = id.as_bytes().trim_ascii();
        let maybe_exact = id.len() >= 64 || self.lengths & (1 << id.len()) != 0;
        (maybe_exact
            && self
                .exact
                .iter()
                .any(|e| e.as_bytes().eq_ignore_ascii_case(id)))
            || self
                .prefixes
                .iter()
                .any(|p| id.len() >= p.len() && id[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_prefix_ignoring_case() {
        let n = NonProducts::new(DEFAULT_NON_PRODUCTS);
        for id in ["POST", "post", "BANK CHARGES", "gift_0001_40", "M"] {
            assert!(n.matches(id), "{id}");
        }
        for id in ["85123A", "MUG", "whole milk", "POSTER"] {
            assert!(!n.matches(id), "{id}");
        }
        assert!(!NonProducts::new::<&str>(&[]).matches("POST"));
    }
}
