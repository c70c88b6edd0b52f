//! What the builder knows of each product number: catalog fields, turned
//! into numbers for the relation code (category and family positions,
//! resolved add-on targets).

use rustc_hash::FxHashMap;

use super::catalog::CatalogRow;
use super::orders::OrderDetails;
use super::Vocab;
use crate::core::substitutes::{are_substitutes, Kind};

#[derive(Debug, Clone, Default)]
pub struct Items {
    /// By product number (as in the vocab).
    pub meta: Vec<Meta>,
    pub categories: Vec<String>,
    pub families: Vec<String>,
    /// Whether a catalog was given: then only its products are shown.
    pub has_catalog: bool,
    /// Catalog row of each product number, if it has one.
    pub row_of: Vec<Option<usize>>,
    /// Attribute names (from `attr:Name` columns), first seen first.
    pub attributes: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// In the catalog, or no catalog was given: may be recommended.
    pub listed: bool,
    pub in_stock: bool,
    pub category: Option<u32>,
    pub family: Option<u32>,
    pub price: Option<i64>,
    pub currency: Option<String>,
    pub tier: Option<u32>,
    pub rating: Option<f32>,
    /// Declared an add-on (catalog `addon_for`).
    pub addon: bool,
    /// For a variant: its parent's number. Orders of a variant count for
    /// the parent; only parents are recommended.
    pub parent: Option<u32>,
    /// (attribute number, value).
    pub attrs: Vec<(u32, String)>,
    /// For a product without a catalog row: the title its order lines
    /// give (`--title-col`).
    pub title: Option<String>,
}

impl Items {
    /// Numbers the catalog's products first (so index positions follow the
    /// catalog's order) and records their fields.
    pub fn from_catalog(rows: &[CatalogRow], vocab: &mut Vocab) -> Items {
        let mut items = Items {
            has_catalog: true,
            ..Items::default()
        };
        let mut categories = Table::default();
        let mut families = Table::default();
        let mut attributes = Table::default();
        for (r, row) in rows.iter().enumerate() {
            let n = vocab.intern(&row.id) as usize;
            items.grow(n + 1);
            items.row_of[n] = Some(r);
            items.meta[n] = Meta {
                listed: true,
                in_stock: row.in_stock,
                category: row.category.as_deref().map(|c| categories.number(c)),
                family: row.family.as_deref().map(|f| families.number(f)),
                price: row.price,
                currency: Some(row.currency.clone()),
                tier: row.tier,
                rating: row.rating,
                addon: !row.addon_for.is_empty(),
                parent: None,
                attrs: row
                    .attrs
                    .iter()
                    .map(|(name, value)| (attributes.number(name), value.clone()))
                    .collect(),
                title: None,
            };
        }
        // Parents are numbered by now (the catalog reader checked they
        // exist). A parent without a price of its own is priced by its first
        // priced variant, for upgrades and accessories as on the page.
        for row in rows {
            let variant = vocab.get(&row.id);
            let parent = row.variant_of.as_deref().and_then(|p| vocab.get(p));
            if let (Some(v), Some(p)) = (variant, parent) {
                items.meta[v as usize].parent = Some(p);
                let (own, theirs) = (items.meta[p as usize].price, items.meta[v as usize].price);
                if own.is_none() && theirs.is_some() {
                    items.meta[p as usize].price = theirs;
                }
            }
        }
        items.categories = categories.names;
        items.families = families.names;
        items.attributes = attributes.names;
        items
    }

    /// The product an order line of `item` counts for: its parent if it
    /// is a variant, else itself.
    pub fn canonical(&self, item: u32) -> u32 {
        self.meta
            .get(item as usize)
            .and_then(|m| m.parent)
            .unwrap_or(item)
    }

    /// A basket with variants replaced by their parents, as a sorted set.
    /// Borrowed back when there were no variants in it.
    pub fn canonical_basket<'a>(&self, basket: &'a [u32], scratch: &'a mut Vec<u32>) -> &'a [u32] {
        if basket.iter().all(|&i| self.canonical(i) == i) {
            return basket;
        }
        scratch.clear();
        scratch.extend(basket.iter().map(|&i| self.canonical(i)));
        scratch.sort_unstable();
        scratch.dedup();
        scratch
    }

    /// Covers product numbers up to `len`: products met only in orders are
    /// listed when there is no catalog, and unlisted (counted, never shown)
    /// when there is one.
    pub fn cover(&mut self, len: usize) {
        let listed = !self.has_catalog;
        let start = self.meta.len();
        self.grow(len);
        for m in &mut self.meta[start..] {
            m.listed = listed;
            m.in_stock = true;
        }
    }

    /// Gives products without a catalog row the title and price (in
    /// `currency`) their order lines show most often. Returns how many
    /// listed products got a title, and how many a price.
    pub fn fill_from_orders(&mut self, details: &OrderDetails, currency: &str) -> (usize, usize) {
        let (mut titled, mut priced) = (0, 0);
        for (i, m) in self.meta.iter_mut().enumerate() {
            if self.row_of[i].is_some() {
                continue;
            }
            m.title = details.title(i as u32);
            if let Some(price) = details.price(i as u32, currency) {
                m.price = Some(price);
                m.currency = Some(currency.to_string());
                priced += usize::from(m.listed);
            }
            titled += usize::from(m.listed && m.title.is_some());
        }
        (titled, priced)
    }

    fn grow(&mut self, len: usize) {
        if self.meta.len() < len {
            self.meta.resize(len, Meta::default());
            self.row_of.resize(len, None);
        }
    }

    pub fn len(&self) -> usize {
        self.meta.len()
    }

    pub fn is_empty(&self) -> bool {
        self.meta.is_empty()
    }

    pub fn get(&self, item: u32) -> &Meta {
        &self.meta[item as usize]
    }

    /// May appear in a list: in the catalog (if any), in stock, and not a
    /// variant (variants are offered through their parent).
    pub fn recommendable(&self, item: u32) -> bool {
        let m = self.get(item);
        m.listed && m.in_stock && m.parent.is_none()
    }

    /// Whether two products are other versions of one product
    /// ([`are_substitutes`]), given whether they are bought together.
    pub fn substitutes(&self, a: u32, b: u32, bought_together: bool) -> bool {
        let kind = |m: &Meta| Kind {
            family: m.family,
            category: m.category,
        };
        are_substitutes(kind(self.get(a)), kind(self.get(b)), bought_together)
    }

    /// Whether prices of `a` and `b` can be compared (both known, one
    /// currency).
    pub fn prices(&self, a: u32, b: u32) -> Option<(i64, i64)> {
        let (ma, mb) = (self.get(a), self.get(b));
        match (ma.price, mb.price) {
            (Some(pa), Some(pb)) if ma.currency == mb.currency => Some((pa, pb)),
            _ => None,
        }
    }

    /// Whether any product has a price: without prices no price-dependent
    /// choice (upgrades, accessories) is made.
    pub fn any_prices(&self) -> bool {
        self.meta.iter().any(|m| m.price.is_some())
    }
}

/// Names to positions, in order of first appearance.
#[derive(Default)]
struct Table {
    names: Vec<String>,
    by_name: FxHashMap<String, u32>,
}

impl Table {
    fn number(&mut self, name: &str) -> u32 {
        if let Some(&n) = self.by_name.get(name) {
            return n;
        }
        let n = self.names.len() as u32;
        self.names.push(name.to_string());
        self.by_name.insert(name.to_string(), n);
        n
    }
}
