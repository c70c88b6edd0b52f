//! What a page tells the selection: how many items, and what to leave out.

use crate::core::block::Block;

/// The page's side of a request. Products are positions in the index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// At most this many items; 0 means the block's default.
    pub limit: usize,
    /// Never show these (a placeholder's `data-exclude`).
    pub exclude: Vec<u32>,
}

impl Context {
    /// The number of items to show: the page's limit, else the block's
    /// default.
    pub fn limit_for(&self, block: Block) -> usize {
        if self.limit == 0 {
            block.default_limit()
        } else {
            self.limit
        }
    }

    pub fn with_limit(limit: usize) -> Context {
        Context {
            limit,
            ..Context::default()
        }
    }
}
