//! `xsell rules`: every ordered pair bought together in at least N baskets,
//! with the statistics an analyst checks it by, as CSV:
//! `antecedent,consequent,count,support,confidence,lift,llr`.
//! Support, confidence and lift follow mlxtend, Spark FPGrowth and arules
//! (support = n_AB/N, confidence = n_AB/n_A, lift = N·n_AB/(n_A·n_B));
//! llr is Dunning's log-likelihood ratio (10.83: p = 0.001).

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use clap::Args;

use super::build::OrderFormatArgs;
use super::{open_with_progress, write_atomically};
use crate::builder::orders::{read_orders, OrderDetails};
use crate::builder::score::PairCounts;
use crate::builder::{Counting, Vocab};

#[derive(Args)]
pub struct RulesArgs {
    #[arg(long, value_name = "FILE")]
    pub orders: PathBuf,
    #[command(flatten)]
    pub format: OrderFormatArgs,
    /// Only pairs bought together in at least this many baskets.
    #[arg(long, default_value_t = 2)]
    pub min_count: u32,
    /// Sample baskets larger than this before counting pairs; the
    /// statistics are then those of the sampled baskets (default: count
    /// every pair exactly, as the reference tools do, leaving out baskets
    /// of more than 1000 items, whose pairs alone could fill the memory).
    #[arg(long)]
    pub max_basket: Option<usize>,
    /// Where to write the CSV.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

/// Baskets larger than this are left out of exact counts: 1000 items
/// make half a million pairs; 20,000 would make 200 million.
const LARGEST_EXACT: usize = 1000;

pub fn run(args: &RulesArgs) -> Result<(), String> {
    if args.min_count == 0 {
        return Err("--min-count must be at least 1".into());
    }
    if args.max_basket.is_some_and(|m| m < 2) {
        return Err("--max-basket must be at least 2 (a pair)".into());
    }
    let name = args.orders.display().to_string();
    let mut vocab = Vocab::default();
    let mut counting = match args.max_basket {
        Some(max) => Counting::new(max, 1).items_as_sampled(),
        None => Counting::new(usize::MAX, 1),
    };
    let mut left_out: (u64, usize) = (0, 0);
    let import = read_orders(
        open_with_progress(&args.orders)?,
        &name,
        &args.format.options(),
        &mut vocab,
        &mut OrderDetails::default(),
        |b| {
            if args.max_basket.is_none() && b.len() > LARGEST_EXACT {
                left_out = (left_out.0 + 1, left_out.1.max(b.len()));
            } else {
                counting.add(b)
            }
        },
    )
    .map_err(|e| e.to_string())?;
    let counts = counting.finish();

    let mut rules: Vec<(u32, u32, PairCounts)> = Vec::new();
    for (a, b, pair) in counts.pairs() {
        if pair.baskets < args.min_count {
            continue;
        }
        for (x, y) in [(a, b), (b, a)] {
            let stats =
                PairCounts::new(counts.baskets, counts.item(x), counts.item(y), pair.baskets);
            rules.push((x, y, stats));
        }
    }
    // By antecedent, strongest first: how an analyst reads a product's rules.
    rules.sort_by(|p, q| {
        vocab
            .id(p.0)
            .cmp(vocab.id(q.0))
            .then(q.2.confidence().total_cmp(&p.2.confidence()))
            .then(vocab.id(p.1).cmp(vocab.id(q.1)))
    });

    let mut csv = csv::Writer::from_writer(BufWriter::new(Vec::new()));
    let io = |e: csv::Error| format!("{}: {e}", args.out.display());
    csv.write_record([
        "antecedent",
        "consequent",
        "count",
        "support",
        "confidence",
        "lift",
        "llr",
    ])
    .map_err(io)?;
    for (a, b, s) in &rules {
        csv.write_record([
            vocab.id(*a),
            vocab.id(*b),
            &(s.n_ab as u64).to_string(),
            &s.support().to_string(),
            &s.confidence().to_string(),
            &s.lift().to_string(),
            &s.llr().to_string(),
        ])
        .map_err(io)?;
    }
    let bytes = csv
        .into_inner()
        .map_err(|e| e.to_string())?
        .into_inner()
        .map_err(|e| e.to_string())?;
    write_atomically(&args.out, &bytes)?;
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{name}: {import}");
    if left_out.0 > 0 {
        let _ = writeln!(
            err,
            "  note: {} baskets of more than {LARGEST_EXACT} items (the largest {}) were left out: their pairs grow with the square of their size; --max-basket N counts a sample of them instead",
            left_out.0, left_out.1
        );
    }
    if counts.sampled > 0 {
        let _ = writeln!(
            err,
            "  note: {} baskets sampled down to {} items: counts, support, confidence and lift are those of the sampled baskets",
            counts.sampled,
            args.max_basket.unwrap_or_default()
        );
    }
    let _ = writeln!(
        err,
        "wrote {} rules (pairs in at least {} baskets, both directions) to {}",
        rules.len(),
        args.min_count,
        args.out.display()
    );
    Ok(())
}
