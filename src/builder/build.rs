//! One build from start to finish: catalog rows and an order stream in,
//! the index and a report of what happened out.

use std::io::{Read, Seek, Write};
use std::time::{Duration, Instant};

use super::basket_log::BasketLog;
use super::catalog::CatalogRow;
use super::items::Items;
use super::orders::{read_orders, ImportReport, OrderDetails, OrderOptions};
use super::relations::{
    add_ons::declared_for, bundles::Candidates, merchandising::merchandise, relations,
};
use super::{assemble, Counting, Counts, InputError, Settings, Vocab};
use crate::core::index::Index;

/// The index and the facts a shop owner or analyst wants to see about it.
#[derive(Debug, Clone)]
pub struct Build {
    pub index: Index,
    pub import: ImportReport,
    /// Distinct product pairs bought together at least once.
    pub pairs: usize,
    /// Baskets sampled down before pair counting.
    pub sampled_baskets: u64,
    /// Products met in orders but not in the catalog (counted, not shown).
    pub unlisted: usize,
    /// The most bought of them, best first (a few, to recognise the cause:
    /// ids the catalog writes otherwise, "00123" saved as "123").
    pub unlisted_examples: Vec<String>,
    /// Products in the index titled, and priced, from their order lines
    /// (`--title-col`, `--price-col`).
    pub titled_from_orders: usize,
    pub priced_from_orders: usize,
    /// `addon_for` entries that named no product, category or family.
    pub unknown_addon_targets: Vec<String>,
    /// Wall-clock time of each phase, in order.
    pub timings: Vec<(&'static str, Duration)>,
}

/// Builds an index from `orders` (named `orders_file` in messages). The
/// baskets are written to `log` on the way, for the second pass (joint
/// counts of candidate bundles).
pub fn build<S: Read + Write + Seek>(
    orders: impl Read + Send,
    log: &mut BasketLog<S>,
    orders_file: &str,
    order_options: &OrderOptions,
    catalog: Option<&[CatalogRow]>,
    currency: &str,
    settings: &Settings,
) -> Result<Build, InputError> {
    let mut vocab = Vocab::default();
    let rows = catalog.unwrap_or_default();
    let mut items = match catalog {
        Some(rows) => Items::from_catalog(rows, &mut vocab),
        None => Items::default(),
    };
    let mut timings = Timings::start();
    // Two threads: one parses the file into baskets, the other counts them.
    let mut counting = Counting::new(settings.max_basket, settings.seed);
    let mut scratch = Vec::new();
    let mut details = OrderDetails::default();
    let import = pipelined(
        |each| {
            read_orders(
                orders,
                orders_file,
                order_options,
                &mut vocab,
                &mut details,
                each,
            )
        },
        |basket| {
            // Orders of a variant count for its parent.
            let basket = items.canonical_basket(basket, &mut scratch);
            counting.add(basket);
            log.record(basket);
        },
    )?;
    timings.lap("read");
    let counts = counting.finish();
    timings.lap("count pairs");
    items.cover(vocab.len());
    let (titled_from_orders, priced_from_orders) = items.fill_from_orders(&details, currency);
    let mut unlisted: Vec<u32> = (0..items.meta.len() as u32)
        .filter(|&n| !items.meta[n as usize].listed)
        .collect();
    let unlisted_count = unlisted.len();
    unlisted.sort_by_key(|&n| (std::cmp::Reverse(counts.item(n)), n));
    let unlisted_examples = unlisted
        .iter()
        .take(5)
        .map(|&n| vocab.id(n).to_string())
        .collect();
    let again = |each: &mut dyn FnMut(&[u32])| {
        log.replay(each).map_err(|e| {
            InputError::file(orders_file, format!("cannot read the baskets back: {e}"))
        })
    };
    let (index, unknown_addon_targets) = index_from_counts(
        &counts,
        &vocab,
        &items,
        rows,
        currency,
        settings,
        again,
        &mut timings,
    )?;
    Ok(Build {
        timings: timings.laps,
        index,
        import,
        pairs: counts.distinct_pairs(),
        sampled_baskets: counts.sampled,
        unlisted: unlisted_count,
        unlisted_examples,
        titled_from_orders,
        priced_from_orders,
        unknown_addon_targets,
    })
}

#[allow(clippy::too_many_arguments)]
/// The index for products numbered in `vocab` (fields in `items`, catalog
/// `rows`) from basket `counts`; `baskets_again` hands every basket over
/// once more, for bundles. Also returns the `addon_for` entries that named
/// nothing.
pub fn index_from_counts(
    counts: &Counts,
    vocab: &Vocab,
    items: &Items,
    rows: &[CatalogRow],
    currency: &str,
    settings: &Settings,
    baskets_again: impl FnOnce(&mut dyn FnMut(&[u32])) -> Result<(), InputError>,
    timings: &mut Timings,
) -> Result<(Index, Vec<String>), InputError> {
    let (declared, mut unknown) = declared_for(rows, vocab, items);
    let mut lists = relations(counts, items, &declared, settings);
    unknown.extend(merchandise(&mut lists, rows, vocab, items));
    timings.lap("relations");
    let mut candidates = Candidates::new(&lists.together, items);
    if !candidates.is_empty() {
        baskets_again(&mut |basket| candidates.add(basket))?;
        lists.bundles = candidates.bundles(counts, settings);
    }
    timings.lap("bundles");
    let index = assemble(vocab, items, rows, &lists, settings, currency);
    timings.lap("assemble");
    Ok((index, unknown))
}

/// Phase times of a build (`xsell build --timings`).
#[derive(Debug, Clone)]
pub struct Timings {
    last: Instant,
    pub laps: Vec<(&'static str, Duration)>,
}

impl Timings {
    pub fn start() -> Timings {
        Timings {
            last: Instant::now(),
            laps: Vec::new(),
        }
    }

    pub fn lap(&mut self, phase: &'static str) {
        let now = Instant::now();
        self.laps.push((phase, now - self.last));
        self.last = now;
    }
}

/// Runs `produce` (which hands baskets to its callback) on a second
/// thread, and `consume` on this one, passing baskets in batches.
fn pipelined<T: Send>(
    produce: impl FnOnce(&mut dyn FnMut(&[u32])) -> T + Send,
    mut consume: impl FnMut(&[u32]),
) -> T {
    /// Items per batch: large enough to make the hand-over cheap.
    const BATCH: usize = 1 << 15;
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel::<Batch>(4);
        let producer = scope.spawn(move || {
            let mut batch = Batch::default();
            let result = produce(&mut |basket| {
                batch.push(basket);
                if batch.items.len() >= BATCH {
                    // The consumer only stops early if it panicked.
                    let _ = send.send(std::mem::take(&mut batch));
                }
            });
            let _ = send.send(batch);
            result
        });
        for batch in receive {
            batch.each(&mut consume);
        }
        match producer.join() {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Baskets back to back.
#[derive(Default)]
struct Batch {
    items: Vec<u32>,
    ends: Vec<usize>,
}

impl Batch {
    fn push(&mut self, basket: &[u32]) {
        self.items.extend_from_slice(basket);
        self.ends.push(self.items.len());
    }

    fn each(&self, f: &mut impl FnMut(&[u32])) {
        let mut start = 0;
        for &end in &self.ends {
            f(&self.items[start..end]);
            start = end;
        }
    }
}
