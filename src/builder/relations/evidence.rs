//! Which pairs count as evidence at all: bought together in at least
//! `min_count` baskets, and either significant (log-likelihood ratio at
//! least `min_llr`; 10.83 is p = 0.001) or well supported (at least
//! `well_supported` baskets). The first keeps one-off coincidences out; the
//! second keeps pairs of everyday items that meet about as often as chance
//! says, which say little about association but a lot about what a cart
//! will hold.

use crate::builder::score::PairCounts;
use crate::builder::{Counts, Pair, Settings};

pub fn is_evidence(counts: &Counts, a: u32, b: u32, pair: Pair, settings: &Settings) -> bool {
    pair.baskets >= settings.min_count
        && (pair.baskets >= settings.well_supported
            || stats(counts, a, b, pair).llr() >= settings.min_llr)
}

/// The 2x2 counts of the rule a -> b.
pub fn stats(counts: &Counts, a: u32, b: u32, pair: Pair) -> PairCounts {
    PairCounts::new(counts.baskets, counts.item(a), counts.item(b), pair.baskets)
}
