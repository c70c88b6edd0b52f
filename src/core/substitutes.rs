//! When are two products other versions of one product (substitutes),
//! rather than things bought together (complements)? One rule, used by the
//! builder when it ranks and by the widget when it filters, so both agree.

/// What the rule looks at: a product's family and category numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Kind {
    pub family: Option<u32>,
    pub category: Option<u32>,
}

/// Same family (good/better/best versions): substitutes. Same category:
/// substitutes unless shoppers buy the two together (two bikes, two cases
/// are alternatives; coffee beans and a milk frother, both "coffee
/// supplies", are not), because categories are often broader than one
/// kind of product. Without a catalog nothing is known and anything may be
/// a complement.
pub fn are_substitutes(a: Kind, b: Kind, bought_together: bool) -> bool {
    (a.family.is_some() && a.family == b.family)
        || (a.category.is_some() && a.category == b.category && !bought_together)
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn kind(family: Option<u32>, category: Option<u32>) -> Kind {
        Kind { family, category }
    }

    #[test]
    fn family_or_category_not_bought_together() {
        // Two tiers of one phone, even when someone bought both.
        assert!(are_substitutes(
            kind(Some(1), Some(0)),
            kind(Some(1), Some(0)),
            true
        ));
        // Two bike lines in one category.
        assert!(are_substitutes(
            kind(Some(2), Some(5)),
            kind(Some(3), Some(5)),
            false
        ));
        // Two helmets, no families.
        assert!(are_substitutes(
            kind(None, Some(4)),
            kind(None, Some(4)),
            false
        ));
        // Beans and a frother: one category, bought together.
        assert!(!are_substitutes(
            kind(None, Some(4)),
            kind(None, Some(4)),
            true
        ));
        // A phone and its case.
        assert!(!are_substitutes(
            kind(Some(1), Some(0)),
            kind(None, Some(1)),
            false
        ));
        // Nothing known (no catalog): everything may be a complement.
        assert!(!are_substitutes(kind(None, None), kind(None, None), false));
    }
}
