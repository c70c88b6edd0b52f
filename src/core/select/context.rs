//! What a page tells the selection: how many items, what to put first or
//! leave out, what the shopper looked at, and the price band.

use crate::core::block::Block;
use crate::core::index::Merchandising;

/// The page's side of a request. Products are positions in the index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// At most this many items; 0 means the merchant's limit, else the
    /// block's default.
    pub limit: usize,
    /// Never show these (a placeholder's `data-exclude`).
    pub exclude: Vec<u32>,
    /// Show these first (a placeholder's `data-pin`).
    pub pin: Vec<u32>,
    /// Product pages this shopper saw, most recent first (kept in the
    /// browser only). Their lists join in, weaker than the anchors'.
    pub viewed: Vec<u32>,
    /// Cross-sells cost at most this times the dearest anchor (a
    /// placeholder's `data-max-price-ratio`; else the merchant's).
    pub max_price_ratio: Option<f64>,
}

impl Context {
    /// The number of items to show: the page's limit, else the merchant's,
    /// else the block's default.
    pub fn limit_for(&self, block: Block, merchandising: &Merchandising) -> usize {
        if self.limit > 0 {
            self.limit
        } else {
            merchandising
                .limit(block.name())
                .filter(|&n| n > 0)
                .unwrap_or(block.default_limit())
        }
    }

    pub fn with_limit(limit: usize) -> Context {
        Context {
            limit,
            ..Context::default()
        }
    }
}
