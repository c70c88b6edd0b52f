//! Checks an index before anything selects from it: the version, and that
//! every reference (product positions, category and family numbers) points
//! inside its table. After this, selection code may index without checks
//! failing, and a corrupt file is refused as a whole with one clear error
//! rather than showing half-right blocks.

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
        if p.id.trim().is_empty() {
            return Err(IndexError::at_field(at("id"), "product id is empty"));
        }
        if let Some(c) = p.category {
            in_table(c, index.categories.len(), &at("category"), "categories")?;
        }
        if let Some(f) = p.family {
            in_table(f, index.families.len(), &at("family"), "families")?;
        }
        if p.price.is_some_and(|price| price < 0) {
            return Err(IndexError::at_field(at("price"), "price is negative"));
        }
        if p.rating.is_some_and(|r| !(0.0..=5.0).contains(&r)) {
            return Err(IndexError::at_field(
                at("rating"),
                "rating is outside 0 to 5",
            ));
        }
        ranked(&p.together, n, &at("together"))?;
        ranked(&p.upgrade, n, &at("upgrade"))?;
        ranked(&p.add_ons, n, &at("add_ons"))?;
        if let Some(bundle) = &p.bundle {
            for (k, &item) in bundle.items.iter().enumerate() {
                position(item, n, &at(&format!("bundle.items[{k}]")))?;
            }
        }
        if let Some(parent) = p.parent {
            position(parent, n, &at("parent"))?;
        }
        for (k, &v) in p.variants.iter().enumerate() {
            position(v, n, &at(&format!("variants[{k}]")))?;
        }
        for (k, (a, _)) in p.attrs.iter().enumerate() {
            in_table(
                *a,
                index.attributes.len(),
                &at(&format!("attrs[{k}]")),
                "attributes",
            )?;
        }
    }
    for (k, &item) in index.popular.iter().enumerate() {
        position(item, n, &format!("popular[{k}]"))?;
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

fn ranked(list: &Ranked, n: usize, field: &str) -> Result<(), IndexError> {
    for (k, &item) in list.items.iter().enumerate() {
        position(item, n, &format!("{field}.items[{k}]"))?;
    }
    let len = list.items.len();
    if !list.scores.is_empty() && list.scores.len() != len {
        return Err(IndexError::at_field(
            format!("{field}.scores"),
            format!("{} scores for {len} items", list.scores.len()),
        ));
    }
    if list.pinned as usize > len {
        return Err(IndexError::at_field(
            format!("{field}.pinned"),
            format!("{} pinned of {len} items", list.pinned),
        ));
    }
    if list.fallback_from.is_some_and(|f| f as usize > len) {
        return Err(IndexError::at_field(
            format!("{field}.fallback_from"),
            format!("fallback_from is past the {len} items"),
        ));
    }
    Ok(())
}

fn position(item: u32, n: usize, field: &str) -> Result<(), IndexError> {
    if (item as usize) < n {
        Ok(())
    } else {
        Err(IndexError::at_field(
            field,
            format!("product position {item} is out of range (the index has {n} products)"),
        ))
    }
}

fn in_table(item: u32, n: usize, field: &str, table: &str) -> Result<(), IndexError> {
    if (item as usize) < n {
        Ok(())
    } else {
        Err(IndexError::at_field(
            field,
            format!("{item} is not a position in `{table}` ({n} entries)"),
        ))
    }
}
