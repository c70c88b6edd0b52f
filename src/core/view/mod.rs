//! View models: what a block shows, as plain data, ready for any renderer
//! (the DOM in the widget, JSON in the CLI and the merchant preview).
//! Money stays in minor units here; shoppers' formatting is the web
//! layer's (`Intl.NumberFormat`).

mod block_view;
mod compare;
mod item_view;
mod total;

pub use block_view::{block_view, BlockView};
pub use compare::differences;
pub use item_view::{ItemView, VariantView};
pub use total::{bundle_members, difference, total, totals, Totals};
