//! Recently viewed products: the product pages this shopper opened, most
//! recent first, kept in localStorage (`xsell:viewed`) and nowhere else.
//! They re-rank and fill blocks (see `core::select`); `data-recently-viewed
//! ="off"` on the script tag turns both the keeping and the using off.

use super::storage;

const KEY: &str = "xsell:viewed";
/// How many products are remembered.
const KEPT: usize = 12;

/// The ids, most recent first.
pub fn load() -> Vec<String> {
    storage::get(KEY)
        .map(|s| {
            s.split('\n')
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

/// Puts `id` first.
pub fn record(id: &str) {
    let id = id.trim();
    if id.is_empty() || id.contains('\n') {
        return;
    }
    let mut ids = load();
    ids.retain(|v| v != id);
    ids.insert(0, id.to_string());
    ids.truncate(KEPT);
    storage::set(KEY, &ids.join("\n"));
}
