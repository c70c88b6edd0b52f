//! Sums and differences of item prices, exact in minor units. Only amounts
//! in one currency add up; anything else has no total.

use super::ItemView;
use crate::core::money::Money;

/// The total price of `items`, if every one has a price in one currency.
pub fn total<'a>(items: impl IntoIterator<Item = &'a ItemView<'a>>) -> Option<Money> {
    let mut sum: Option<Money> = None;
    for item in items {
        let price = item.price.as_ref()?;
        match &mut sum {
            None => sum = Some(price.clone()),
            Some(s) if s.currency == price.currency => s.minor += price.minor,
            Some(_) => return None,
        }
    }
    sum
}

/// How much more `to` costs than `from` ("+$100" on an upgrade).
pub fn difference(from: &ItemView<'_>, to: &ItemView<'_>) -> Option<Money> {
    let (a, b) = (from.price.as_ref()?, to.price.as_ref()?);
    (a.currency == b.currency).then(|| Money {
        minor: b.minor - a.minor,
        currency: a.currency.clone(),
    })
}
