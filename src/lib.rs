//! xsell: cross-sell and upsell recommendations for online shops.
//!
//! One crate, three layers:
//! - [`core`]: the pure part (index format, candidate selection, view
//!   models). No I/O, no web-sys. The CLI and the widget both call it, so
//!   what `xsell recommend` prints is exactly what a page shows.
//! - `builder` and `cli` (native only): turn order history and a catalog
//!   into an index file.
//! - `web` (wasm only): the thin browser layer that renders blocks into the
//!   shop's page.

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod builder;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod web;
