//! The pure core: index format, candidate selection and view models.
//!
//! Nothing here touches the file system, the network or the DOM, so it is
//! tested natively and shared as-is by the CLI and the wasm widget.

pub mod block;
pub mod decimal;
pub mod index;
pub mod labels;
pub mod money;
pub mod request;
pub mod safe_url;
pub mod select;
pub mod substitutes;
pub mod view;
