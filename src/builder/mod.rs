//! The index builder: order history and a catalog in, an [`Index`] out.
//!
//! Input is streamed: order lines become baskets one order at a time and
//! only counts are kept, so memory grows with products and co-purchased
//! pairs, not with the length of the order file.
//!
//! - [`orders`]: order lines or baskets files into baskets, with a report
//!   of what was skipped and why.
//! - [`catalog`]: the catalog file into rows of display data and
//!   merchandising fields.
//! - [`counts`]: item and pair counts over baskets.
//! - [`score`]: the statistics (support, confidence, lift, LLR, ...).
//! - [`relations`]: each block's ranked list per product.
//! - [`assemble`]: all of it into the index format.
//!
//! [`Index`]: crate::core::index::Index

pub mod assemble;
pub mod basket_log;
pub mod build;
pub mod catalog;
pub mod counts;
pub mod delimiter;
pub mod eval;
pub mod input_error;
pub mod items;
pub mod line_numbers;
pub mod orders;
pub mod radix;
pub mod relations;
pub mod rng;
pub mod score;
pub mod settings;
pub mod vocab;

pub use assemble::assemble;
pub use build::{build, index_from_counts, Build, Timings};
pub use counts::{Counting, Counts, Pair};
pub use input_error::InputError;
pub use settings::Settings;
pub use vocab::Vocab;
