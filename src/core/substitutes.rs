//! When are two products other versions of one product (substitutes),
//! rather than things bought together (complements)? One rule, used by the
//! builder when it ranks and by the widget when it filters, so both agree.

/// What the rule looks at: a product's family and category numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Kind {
    pub family: Option<u32>,
    pub category: Option<u32>,
}

/// Same family: substitutes. Both in (different) families: not, even in
/// one category, since the merchant told them apart (a case for one phone
/// is no substitute for a case for another). Otherwise, same category:
/// substitutes (two helmets without families).
pub fn are_substitutes(a: Kind, b: Kind) -> bool {
    match (a.family, b.family) {
        (Some(fa), Some(fb)) => fa == fb,
        _ => a.category.is_some() && a.category == b.category,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn kind(family: Option<u32>, category: Option<u32>) -> Kind {
        Kind { family, category }
    }

    #[test]
    fn families_decide_then_categories() {
        // Two tiers of one phone.
        assert!(are_substitutes(
            kind(Some(1), Some(0)),
            kind(Some(1), Some(0))
        ));
        // Cases made for two different phones.
        assert!(!are_substitutes(
            kind(Some(2), Some(5)),
            kind(Some(3), Some(5))
        ));
        // Two helmets, no families.
        assert!(are_substitutes(kind(None, Some(4)), kind(None, Some(4))));
        // A phone and a no-family product of its category.
        assert!(are_substitutes(kind(Some(1), Some(0)), kind(None, Some(0))));
        // Nothing known (no catalog): everything may be a complement.
        assert!(!are_substitutes(kind(None, None), kind(None, None)));
        assert!(!are_substitutes(kind(None, Some(1)), kind(None, Some(2))));
    }
}
