//! Order lines that are not products: postage, fees, discounts, manual
//! corrections, gift vouchers. Exports mix them in with real products;
//! counted as products they would be "bought together" with everything.
//! Matching ignores case; an entry ending in `*` matches a prefix.

use rustc_hash::FxHashSet;

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
    exact: FxHashSet<String>,
    prefixes: Vec<String>,
}

impl NonProducts {
    pub fn new<S: AsRef<str>>(entries: &[S]) -> NonProducts {
        let mut out = NonProducts::default();
        for entry in entries {
            let e = entry.as_ref().trim().to_ascii_uppercase();
            match e.strip_suffix('*') {
                Some(prefix) if !prefix.is_empty() => out.prefixes.push(prefix.to_string()),
                _ if !e.is_empty() => {
                    out.exact.insert(e);
                }
                _ => {}
            }
        }
        out
    }

    pub fn matches(&self, id: &str) -> bool {
        if self.exact.is_empty() && self.prefixes.is_empty() {
            return false;
        }
        let upper = id.trim().to_ascii_uppercase();
        self.exact.contains(&upper) || self.prefixes.iter().any(|p| upper.starts_with(p.as_str()))
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
