//! Sums and differences of item prices, exact in minor units. Only amounts
//! in one currency add up; anything else has no total.

use super::ItemView;
use crate::core::index::{Catalog, Origin};
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

/// What the ticked products of a bought-together block cost.
#[derive(Debug, Clone, PartialEq)]
pub struct Totals {
    /// What the shopper pays, after any bundle saving.
    pub total: Money,
    /// Off the total because the whole bundle is ticked.
    pub saving: Option<Money>,
}

/// The total of the `ticked` products (positions; a variant stands for
/// its product) of the block about `anchor`, with the index's bundle
/// discount when the anchor's whole bundle is ticked. None when prices
/// cannot add up.
pub fn totals(catalog: &Catalog, anchor: u32, ticked: &[u32]) -> Option<Totals> {
    let view = |&p: &u32| ItemView::new(catalog, p, Origin::Earned, 0.0);
    let views: Vec<ItemView<'_>> = ticked.iter().map(view).collect();
    let mut sum = total(views.iter())?;
    let product_of = |p: u32| catalog.product(p).parent.unwrap_or(p);
    let saving = bundle_members(catalog, anchor)
        .filter(|members| {
            members
                .iter()
                .all(|m| ticked.iter().any(|&t| product_of(t) == *m))
        })
        .and_then(|members| {
            let percent = catalog.index().bundle_discount?;
            let in_bundle: Vec<ItemView<'_>> = ticked
                .iter()
                .filter(|&&t| members.contains(&product_of(t)))
                .map(view)
                .collect();
            let base = total(in_bundle.iter())?;
            let off = base.percent_of(percent);
            (off.minor > 0).then_some(off)
        });
    if let Some(s) = &saving {
        sum.minor -= s.minor;
    }
    Some(Totals { total: sum, saving })
}

/// The anchor and its bundle partners, when the index has a bundle for it
/// and a discount to give.
pub fn bundle_members(catalog: &Catalog, anchor: u32) -> Option<Vec<u32>> {
    catalog.index().bundle_discount.filter(|d| *d > 0.0)?;
    let bundle = catalog.product(anchor).bundle.as_ref()?;
    let mut members = vec![anchor];
    members.extend(&bundle.items);
    Some(members)
}
