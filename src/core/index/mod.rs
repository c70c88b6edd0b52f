//! The index: the one file the builder writes and the widget reads.
//!
//! - [`format`]: the serde types, i.e. the JSON layout (docs/index-format.md).
//! - [`validate`]: checks that every position and table reference is in
//!   range, so selection code can trust the index it is given.
//! - [`error`]: what went wrong, with the JSON line/column or field path.
//! - [`catalog`]: the validated index with an id lookup, as the selection
//!   code uses it.

pub mod catalog;
pub mod error;
pub mod format;
pub mod parse;
pub mod validate;

pub use catalog::Catalog;
pub use error::IndexError;
pub use format::{Bundle, Index, Merchandising, Origin, Product, Ranked, Stats, FORMAT_VERSION};
