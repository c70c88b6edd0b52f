//! Page requests as JSON: what `xsell recommend` reads on stdin, one per
//! line. The answer names each block of the page with its product ids, best
//! first, from the same selection the widget runs.
//!
//! ```text
//! {"page":"product","product":"SKU-1","limit":3} -> {"bought-together":[..],"upgrade":[..]}
//! {"page":"cart","cart":["SKU-1",{"id":"SKU-7","quantity":2}]} -> {"add-ons":[..]}
//! {"page":"thank-you","order":["SKU-1","SKU-7"]} -> {"post-purchase":[..]}
//! ```
//!
//! Every page takes `limit`, `exclude` (ids) and `viewed` (ids of the
//! product pages the shopper opened, most recent first).

use serde::Deserialize;

use crate::core::block::Block;
use crate::core::index::Catalog;
use crate::core::select::{select, Context};

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "page", rename_all = "kebab-case")]
pub enum Request {
    Product {
        product: String,
        #[serde(flatten)]
        options: Options,
    },
    Cart {
        cart: Vec<Line>,
        #[serde(flatten)]
        options: Options,
    },
    ThankYou {
        order: Vec<Line>,
        #[serde(flatten)]
        options: Options,
    },
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Options {
    /// Items per block; 0 or absent means each block's default.
    #[serde(default)]
    pub limit: usize,
    /// Product ids never to recommend.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Product pages the shopper opened, most recent first (the widget's
    /// recently viewed history).
    #[serde(default)]
    pub viewed: Vec<String>,
}

/// A cart or order line: an id, or an id with a quantity.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Line {
    Id(String),
    Item {
        id: String,
        #[serde(default = "one")]
        quantity: f64,
    },
}

impl Line {
    pub fn id(&self) -> &str {
        match self {
            Line::Id(id) | Line::Item { id, .. } => id,
        }
    }

    /// A line with quantity 0 or less is not really in the cart.
    pub fn is_present(&self) -> bool {
        match self {
            Line::Id(_) => true,
            Line::Item { quantity, .. } => *quantity > 0.0,
        }
    }
}

/// The ids of lines that are really there.
fn present(lines: &[Line]) -> Vec<&str> {
    lines
        .iter()
        .filter(|l| l.is_present())
        .map(Line::id)
        .collect()
}

fn one() -> f64 {
    1.0
}

impl Request {
    /// The blocks this page shows, with the ids each is about.
    pub fn placements(&self) -> (Vec<Block>, Vec<&str>, &Options) {
        match self {
            Request::Product { product, options } => (
                vec![Block::BoughtTogether, Block::Upgrade],
                vec![product.as_str()],
                options,
            ),
            Request::Cart { cart, options } => (vec![Block::AddOns], present(cart), options),
            Request::ThankYou { order, options } => {
                (vec![Block::PostPurchase], present(order), options)
            }
        }
    }

    /// Each block of the page with its recommended ids, best first.
    pub fn answer<'a>(&self, catalog: &'a Catalog) -> Vec<(Block, Vec<&'a str>)> {
        let (blocks, ids, options) = self.placements();
        let anchors: Vec<u32> = ids.iter().filter_map(|id| catalog.anchor(id)).collect();
        let positions = |ids: &[String]| -> Vec<u32> {
            ids.iter().filter_map(|id| catalog.anchor(id)).collect()
        };
        let ctx = Context {
            limit: options.limit,
            exclude: positions(&options.exclude),
            viewed: positions(&options.viewed),
            ..Context::default()
        };
        blocks
            .into_iter()
            .map(|block| {
                let picks = select(catalog, block, &anchors, &ctx);
                let ids = picks
                    .iter()
                    .map(|p| catalog.product(p.position).id.as_str())
                    .collect();
                (block, ids)
            })
            .collect()
    }
}

/// The answer as one JSON object, blocks in page order.
pub fn answer_json(answer: &[(Block, Vec<&str>)]) -> String {
    let fields: Vec<String> = answer
        .iter()
        .map(|(block, ids)| {
            let ids = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
            format!("\"{}\":{ids}", block.name())
        })
        .collect();
    format!("{{{}}}", fields.join(","))
}
