//! A validated index plus an id lookup: the read-only view that selection
//! and view-model code work from.

use rustc_hash::FxHashMap;

use super::format::{Index, Product};
use super::parse::parse_index;
use super::validate::validate;
use super::IndexError;
use crate::core::substitutes::{are_substitutes, Kind};

#[derive(Debug, Clone)]
pub struct Catalog {
    index: Index,
    by_id: FxHashMap<String, u32>,
}

impl Catalog {
    /// Parses and validates index JSON. `source` names the file or URL in
    /// errors.
    pub fn from_json(bytes: &[u8], source: &str) -> Result<Catalog, IndexError> {
        let index = parse_index(bytes).map_err(|e| e.in_source(source))?;
        Catalog::new(index).map_err(|e| e.in_source(source))
    }

    pub fn new(index: Index) -> Result<Catalog, IndexError> {
        validate(&index)?;
        let mut by_id = FxHashMap::default();
        by_id.reserve(index.products.len());
        for (i, p) in index.products.iter().enumerate() {
            if by_id.insert(p.id.clone(), i as u32).is_some() {
                return Err(IndexError::at_field(
                    format!("products[{i}].id"),
                    format!("product id \"{}\" appears twice", p.id),
                ));
            }
        }
        Ok(Catalog { index, by_id })
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn len(&self) -> usize {
        self.index.products.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.products.is_empty()
    }

    /// The position of a product id, if the index knows it. Ids are trimmed:
    /// page attributes often carry stray spaces.
    pub fn position(&self, id: &str) -> Option<u32> {
        self.by_id.get(id.trim()).copied()
    }

    /// The product a page naming `id` is about: the product, or for a
    /// variant (a size, a colour) its parent, whose lists it shares.
    pub fn anchor(&self, id: &str) -> Option<u32> {
        let p = self.position(id)?;
        Some(self.product(p).parent.unwrap_or(p))
    }

    /// The product at a position. Positions come from [`Catalog::position`]
    /// or from the index's own (validated) lists, so they are in range.
    pub fn product(&self, position: u32) -> &Product {
        &self.index.products[position as usize]
    }

    /// The currency a product is priced in: its own, else the index's.
    pub fn currency_of(&self, position: u32) -> Option<&str> {
        let p = self.product(position);
        p.currency
            .as_deref()
            .or(self.index.currency.as_deref())
            .filter(|c| !c.is_empty())
    }

    /// Whether two products are other versions of one product
    /// ([`are_substitutes`]); "bought together" means one lists the other
    /// among its complements.
    pub fn are_substitutes(&self, a: u32, b: u32) -> bool {
        let together = || {
            self.product(a).together.items.contains(&b)
                || self.product(b).together.items.contains(&a)
        };
        let (ka, kb) = (self.kind(a), self.kind(b));
        // Cheap test first: the lists are only read for same-category pairs.
        are_substitutes(ka, kb, true) || (are_substitutes(ka, kb, false) && !together())
    }

    /// Whether the merchant placed `item` with `host`: a declared add-on
    /// or a pin (the first `pinned` items of its lists).
    pub fn places(&self, host: u32, item: u32) -> bool {
        let p = self.product(host);
        [&p.add_ons, &p.together].iter().any(|list| {
            list.items
                .iter()
                .take(list.pinned as usize)
                .any(|&i| i == item)
        })
    }

    pub fn kind(&self, position: u32) -> Kind {
        let p = self.product(position);
        Kind {
            family: p.family,
            category: p.category,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_other_versions_with_the_field() {
        let err = Catalog::from_json(br#"{"version":2,"products":[]}"#, "shop.json").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("version"));
        assert!(
            err.to_string().starts_with("shop.json: field version:"),
            "{err}"
        );
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = Catalog::from_json(b"{\"version\":1,\n\"products\":[}", "i.json").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.to_string().starts_with("i.json:2:"), "{err}");
    }

    #[test]
    fn out_of_range_positions_name_the_field() {
        let json = br#"{"version":1,"products":[{"id":"a","together":{"items":[0,5]}}]}"#;
        let err = Catalog::from_json(json, "i.json").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("products[0].together.items[1]"));
    }

    #[test]
    fn looks_up_trimmed_ids() {
        let json = br#"{"version":1,"products":[{"id":"a"},{"id":"b"}]}"#;
        let c = Catalog::from_json(json, "i.json").unwrap();
        assert_eq!(c.position(" b "), Some(1));
        assert_eq!(c.position("c"), None);
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let json = br#"{"version":1,"products":[{"id":"a"},{"id":"a"}]}"#;
        let err = Catalog::from_json(json, "i.json").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("products[1].id"));
    }
}
