//! The JSON layout of an index, version 1 (documented in
//! docs/index-format.md; keep the two in step).
//!
//! Compact by construction: each product's display data appears once, in
//! `products`; every relation refers to other products by their position in
//! that array, and categories and families by position in their tables.
//! Optional fields are left out when empty, and readers ignore fields they do
//! not know, so later versions can add fields without breaking old widgets.
//!
//! A file holds a self-contained set of products. A shard (for very large
//! catalogs) is the same layout holding a few "subject" products with their
//! relations plus the display data of the products those relations name.

use serde::{Deserialize, Serialize};

/// The only layout version this code reads and writes.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// Must equal [`FORMAT_VERSION`]; a widget refuses any other.
    pub version: u32,
    /// Currency of products that do not name their own (ISO 4217 code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Category names; `Product::category` is a position in this table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Family names (good/better/best versions of one product);
    /// `Product::family` is a position in this table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub families: Vec<String>,
    pub products: Vec<Product>,
    /// Best sellers, best first: the last-resort fill for empty blocks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub popular: Vec<u32>,
    /// Percent off when a shopper takes a whole bundle (`Product::bundle`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle_discount: Option<f64>,
    /// Attribute names (storage, screen...); `Product::attrs` refer to
    /// positions here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<String>,
    /// The merchant's defaults for every placeholder.
    #[serde(default, skip_serializing_if = "Merchandising::is_default")]
    pub merchandising: Merchandising,
    /// Texts by language: `{"de": {"HeadingUpgrade": "...", ...}}` (keys
    /// as `core::labels::KEYS`). The widget has English built in.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "labels_as_map",
        deserialize_with = "labels_from_map"
    )]
    pub labels: Labels,
    /// How the index was made, for analysts; the widget ignores it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stats: Option<Stats>,
}

/// One product: its display data and its ranked relations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Product {
    /// The shop's product id (SKU); what pages and carts name.
    pub id: String,
    /// Display title; empty means "use the id".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Product page link (http(s) or relative; others are dropped at render).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// Price in minor units of the currency (cents for USD, yen for JPY).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<i64>,
    /// ISO 4217 code, when it differs from `Index::currency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<u32>,
    /// Rank within the family: higher is better (good=1, better=2, best=3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<u32>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub in_stock: bool,
    /// Average rating, 0 to 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<f32>,
    /// Declared by the merchant as an add-on (catalog `addon_for`):
    /// an accessory or protection plan, never a main product.
    #[serde(default, skip_serializing_if = "is_false")]
    pub addon: bool,
    /// Complements, best first (the "bought together" block).
    #[serde(default, skip_serializing_if = "Ranked::is_empty")]
    pub together: Ranked,
    /// Better, pricier versions, best first (the "upgrade" block).
    #[serde(default, skip_serializing_if = "Ranked::is_empty")]
    pub upgrade: Ranked,
    /// Add-ons for this product in a cart: declared first, then accessories.
    #[serde(default, skip_serializing_if = "Ranked::is_empty")]
    pub add_ons: Ranked,
    /// Complements often bought together with this product as one set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle: Option<Bundle>,
    /// For a variant (a size, a colour): the product it is a version of.
    /// Variants are shown through their parent, never recommended alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<u32>,
    /// For a product with variants: them, in the catalog's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<u32>,
    /// For a variant: what tells it apart ("Size M", "Blue").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// Attributes for side-by-side comparison: (position in
    /// `Index::attributes`, value).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attrs: Vec<(u32, String)>,
}

impl Product {
    /// A product with only an id: what an order line without a catalog row
    /// becomes.
    pub fn new(id: impl Into<String>) -> Product {
        Product {
            id: id.into(),
            title: String::new(),
            url: None,
            image: None,
            price: None,
            currency: None,
            category: None,
            family: None,
            tier: None,
            in_stock: true,
            rating: None,
            addon: false,
            together: Ranked::default(),
            upgrade: Ranked::default(),
            add_ons: Ranked::default(),
            bundle: None,
            parent: None,
            variants: Vec::new(),
            option: None,
            attrs: Vec::new(),
        }
    }

    /// What a shopper sees as the name: the title, or the id without one.
    pub fn display_title(&self) -> &str {
        if self.title.trim().is_empty() {
            &self.id
        } else {
            &self.title
        }
    }
}

/// A ranked list of other products, by position in `Index::products`.
///
/// Order is meaning: the first `pinned` items were placed by the merchant
/// (pins, declared add-ons); items from `fallback_from` on were not earned
/// by co-purchases (cold start: category level or best sellers).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ranked {
    pub items: Vec<u32>,
    /// One score per item, same order; larger is stronger. Scores of
    /// different anchors are comparable, so lists can be merged by sum.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<f32>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub pinned: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_from: Option<u32>,
}

impl Ranked {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The score of the item at `rank`, or 0 when the list carries none.
    pub fn score(&self, rank: usize) -> f32 {
        self.scores.get(rank).copied().unwrap_or(0.0)
    }

    /// Why the item at `rank` is in the list.
    pub fn origin(&self, rank: usize) -> Origin {
        if rank < self.pinned as usize {
            Origin::Pinned
        } else if self.fallback_from.is_some_and(|f| rank >= f as usize) {
            Origin::Fallback
        } else {
            Origin::Earned
        }
    }
}

/// Why an item is in a ranked list; orders merged lists (pinned first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Placed by the merchant: a pin or a declared add-on.
    Pinned,
    /// Earned by co-purchases in the order history.
    Earned,
    /// Suggested by a product the shopper recently viewed.
    Viewed,
    /// A cold-start fill: category-level complements or best sellers.
    Fallback,
}

/// A set the product is often bought in as a whole: the builder checked
/// the joint count of the full set, not only of its pairs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// The other members, by position; the product itself is implied.
    pub items: Vec<u32>,
}

/// Defaults a merchant sets for every placeholder (each can be overridden
/// on the placeholder itself).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Merchandising {
    /// Items per block, by block name (`bought-together`...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<(String, u32)>,
    /// Cross-sells (complements) cost at most this times the product's
    /// price: "in the same price bracket or lower" is 1.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cross_sell_max_ratio: Option<f64>,
}

impl Merchandising {
    pub fn is_default(&self) -> bool {
        *self == Merchandising::default()
    }

    /// The merchant's limit for a block, if set.
    pub fn limit(&self, block: &str) -> Option<usize> {
        self.limits
            .iter()
            .find(|(b, _)| b == block)
            .map(|&(_, n)| n as usize)
    }
}

/// Provenance: which builder, under which settings. Deliberately no order
/// or sales counts: the index is a public file, and a shop's volumes are
/// its own business (the CLI prints them to the shop owner instead).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builder: Option<String>,
    /// The builder's settings, as `name=value` strings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settings: Vec<String>,
}

fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}
fn is_false(b: &bool) -> bool {
    !*b
}
fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Texts by language: (language, [(key, text)]).
pub type Labels = Vec<(String, Vec<(String, String)>)>;

/// Labels as a JSON object of objects, languages and keys in order.
fn labels_as_map<S: serde::Serializer>(labels: &Labels, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    struct Texts<'a>(&'a [(String, String)]);
    impl Serialize for Texts<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut map = s.serialize_map(Some(self.0.len()))?;
            for (k, v) in self.0 {
                map.serialize_entry(k, v)?;
            }
            map.end()
        }
    }
    let mut map = s.serialize_map(Some(labels.len()))?;
    for (language, texts) in labels {
        map.serialize_entry(language, &Texts(texts))?;
    }
    map.end()
}

fn labels_from_map<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Labels, D::Error> {
    let map: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>> =
        Deserialize::deserialize(d)?;
    Ok(map
        .into_iter()
        .map(|(language, texts)| (language, texts.into_iter().collect()))
        .collect())
}
