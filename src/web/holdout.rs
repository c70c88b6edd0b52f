//! The A/B holdout (`data-holdout="0.1"`): a stable share of visitors sees
//! no blocks, so a shop can compare the two groups and measure the uplift.
//! The bucket comes from a random visitor id kept in localStorage (never
//! sent); without storage the visitor is in the shown group. Each page
//! records its group once: a `xsell_exposure` dataLayer event and an
//! `xsell:exposure` DOM event.

use super::storage;

const KEY: &str = "xsell:visitor";

/// The visitor's place in [0, 1): the same on every page and visit.
pub fn bucket() -> f64 {
    let id = match storage::get(KEY) {
        Some(id) if !id.is_empty() => id,
        _ => {
            let id = format!("{:016x}", (js_sys::Math::random() * 2f64.powi(53)) as u64);
            storage::set(KEY, &id);
            // Read back: if storage is refused, the visitor is shown.
            match storage::get(KEY) {
                Some(stored) if stored == id => id,
                _ => return 1.0,
            }
        }
    };
    // FNV-1a of the id, as a fraction.
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (hash >> 11) as f64 / (1u64 << 53) as f64
}

/// Whether this visitor is in the group that sees no blocks.
pub fn held_out(share: f64) -> bool {
    share > 0.0 && bucket() < share
}
