//! Checks an index before anything selects from it: the version, and that
//! every reference (product positions, category, family and attribute
//! numbers) points inside its table. After this, selection code may index
//! without checks failing, and a corrupt file is refused as a whole with
//! one clear error rather than showing half-right blocks.
//!
//! Field paths (`products[3].together.items[1]`) are written only when a
//! check fails: formatting one per list entry would cost more than the
//! whole parse of a large index.

use super::format::{Index, Ranked, FORMAT_VERSION};
use super::IndexError;

#[inline(never)]
pub fn validate(index: &Index) -> Result<(), IndexError> {
    if index.version != FORMAT_VERSION {
        return Err(IndexError::at_field(
            "version",
            format!(
                "index format version {} is not supported (this widget reads version {FORMAT_VERSION}); rebuild the index with a matching xsell",
                index.version
            ),
        ));
    }
    let n = index.products.len();
    for (i, p) in index.products.iter().enumerate() {
        let at = |field: &str| format!("products[{i}].{field}");
        let fail = |field: &str, message: &str| Err(IndexError::at_field(at(field), message));
        if p.id.trim().is_empty() {
            return fail("id", "product id is empty");
        }
        if p.category
            .is_some_and(|c| c as usize >= index.categories.len())
        {
            return Err(not_in_table(
                at("category"),
                p.category,
                index.categories.len(),
                "categories",
            ));
        }
        if p.family.is_some_and(|f| f as usize >= index.families.len()) {
            return Err(not_in_table(
                at("family"),
                p.family,
                index.families.len(),
                "families",
            ));
        }
        if p.price.is_some_and(|price| price < 0) {
            return fail("price", "price is negative");
        }
        if p.rating.is_some_and(|r| !(0.0..=5.0).contains(&r)) {
            return fail("rating", "rating is outside 0 to 5");
        }
        for (name, list) in [
            ("together", &p.together),
            ("upgrade", &p.upgrade),
            ("add_ons", &p.add_ons),
        ] {
            ranked(list, n).map_err(|(field, message)| {
                IndexError::at_field(at(&format!("{name}.{field}")), message)
            })?;
        }
        let bundle = p.bundle.as_ref().map_or(&[][..], |b| &b.items[..]);
        for (name, items) in [("bundle.items", bundle), ("variants", &p.variants[..])] {
            if let Some(k) = items.iter().position(|&item| item as usize >= n) {
                return Err(out_of_range(at(&format!("{name}[{k}]")), items[k], n));
            }
        }
        if let Some(parent) = p.parent.filter(|&parent| parent as usize >= n) {
            return Err(out_of_range(at("parent"), parent, n));
        }
        if let Some(k) = p
            .attrs
            .iter()
            .position(|(a, _)| *a as usize >= index.attributes.len())
        {
            let field = at(&format!("attrs[{k}]"));
            return Err(not_in_table(
                field,
                Some(p.attrs[k].0),
                index.attributes.len(),
                "attributes",
            ));
        }
    }
    if let Some(k) = index.popular.iter().position(|&item| item as usize >= n) {
        return Err(out_of_range(format!("popular[{k}]"), index.popular[k], n));
    }
    if let Some(d) = index.bundle_discount {
        if !(0.0..100.0).contains(&d) {
            return Err(IndexError::at_field(
                "bundle_discount",
                "bundle discount must be a percentage from 0 to under 100",
            ));
        }
    }
    Ok(())
}

/// Checks one list; on failure, (the field within the list, the message).
fn ranked(list: &Ranked, n: usize) -> Result<(), (String, String)> {
    if let Some(k) = list.items.iter().position(|&item| item as usize >= n) {
        let e = out_of_range(String::new(), list.items[k], n);
        return Err((format!("items[{k}]"), e.message));
    }
    let len = list.items.len();
    if !list.scores.is_empty() && list.scores.len() != len {
        let message = format!("{} scores for {len} items", list.scores.len());
        return Err(("scores".into(), message));
    }
    if list.pinned as usize > len {
        return Err((
            "pinned".into(),
            format!("{} pinned of {len} items", list.pinned),
        ));
    }
    if list.fallback_from.is_some_and(|f| f as usize > len) {
        return Err((
            "fallback_from".into(),
            format!("fallback_from is past the {len} items"),
        ));
    }
    Ok(())
}

fn out_of_range(field: String, item: u32, n: usize) -> IndexError {
    IndexError::at_field(
        field,
        format!("product position {item} is out of range (the index has {n} products)"),
    )
}

fn not_in_table(field: String, item: Option<u32>, n: usize, table: &str) -> IndexError {
    IndexError::at_field(
        field,
        format!(
            "{} is not a position in `{table}` ({n} entries)",
            item.unwrap_or(0)
        ),
    )
}
