//! `xsell eval`: hold out baskets, hide one item of each, and score the
//! cart page's add-ons beside simple baselines (see `builder::eval`).

use std::path::PathBuf;

use clap::Args;

use super::build::{OrderFormatArgs, TuningArgs};
use super::currency::currency_code;
use super::{open, open_with_progress};
use crate::builder::catalog::read_catalog;
use crate::builder::catalog::CatalogRow;
use crate::builder::eval::{evaluate, holdout, Baselines, Metrics};
use crate::builder::items::Items;
use crate::builder::orders::{read_orders, NonProducts, OrderDetails};
use crate::builder::{index_from_counts, Counting, Settings, Timings, Vocab};
use crate::core::block::Block;
use crate::core::index::Catalog;
use crate::core::select::{select, Context};

#[derive(Args)]
pub struct EvalArgs {
    #[arg(long, value_name = "FILE")]
    pub orders: PathBuf,
    #[command(flatten)]
    pub format: OrderFormatArgs,
    /// Catalog CSV, as for `build` (optional).
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    /// Items recommended per case.
    #[arg(long, default_value_t = 10)]
    pub k: usize,
    /// Seed of the split and of the hidden items.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Repeat with this many splits (seeds seed, seed+1, ...) and report
    /// mean ± standard deviation.
    #[arg(long, default_value_t = 1)]
    pub repeat: usize,
    /// Share of baskets held out for testing.
    #[arg(long, default_value_t = 0.2)]
    pub test_share: f64,
    /// Currency of prices without a currency column: an ISO 4217
    /// three-letter code.
    #[arg(long, value_name = "CODE", default_value = "USD", value_parser = currency_code)]
    pub currency: String,
    #[command(flatten)]
    pub tuning: TuningArgs,
}

pub fn run(args: &EvalArgs) -> Result<(), String> {
    let settings = args.tuning.settings()?;
    // Scores of a setup that cannot test anything would read as results.
    if !(1..=1000).contains(&args.k) {
        return Err("--k is how many items are recommended per case: 1 to 1000".into());
    }
    if args.repeat == 0 {
        return Err("--repeat must be at least 1".into());
    }
    if !(args.test_share > 0.0 && args.test_share < 1.0) {
        return Err(format!(
            "--test-share {}: the share of baskets held out, between 0 and 1 (0.2 holds out a fifth)",
            args.test_share
        ));
    }
    let k = args.k;
    let currency = args.currency.clone();
    let mut vocab = Vocab::default();
    let options = args.format.options();
    let rows = match &args.catalog {
        Some(path) => {
            let non_products = NonProducts::new(&options.skip_products);
            let name = path.display().to_string();
            let (rows, _) = read_catalog(open(path)?, &name, &currency, &non_products)
                .map_err(|errors| errors.to_string())?;
            rows
        }
        None => Vec::new(),
    };
    let mut items = if args.catalog.is_some() {
        Items::from_catalog(&rows, &mut vocab)
    } else {
        Items::default()
    };
    let name = args.orders.display().to_string();
    let mut baskets = Vec::new();
    // Titles and prices of products without a catalog entry, as build takes them.
    let mut details = OrderDetails::default();
    let import = read_orders(
        open_with_progress(&args.orders)?,
        &name,
        &options,
        &mut vocab,
        &mut details,
        |b| baskets.push(b.to_vec()),
    )
    .map_err(|e| e.to_string())?;
    items.cover(vocab.len());
    items.fill_from_orders(&details, &currency);

    let runs: Vec<(Split, Vec<(String, Metrics)>)> = (0..args.repeat.max(1) as u64)
        .map(|r| {
            run_once(
                &baskets,
                &vocab,
                &items,
                &rows,
                &currency,
                &settings,
                args,
                args.seed + r,
            )
        })
        .collect::<Result<_, String>>()?;

    if runs.iter().any(|(split, _)| split.cases == 0) {
        return Err(format!(
            "{name}: a split held out no basket with 2+ items to test on: {} baskets are too few to evaluate",
            import.baskets
        ));
    }
    // Sizes differ a little from split to split: the mean when repeated.
    let mean = |f: fn(&Split) -> usize| {
        (runs.iter().map(|(s, _)| f(s)).sum::<usize>() as f64 / runs.len() as f64).round()
    };
    let about = if runs.len() > 1 { "on average " } else { "" };
    println!(
        "{name}: {} baskets; {about}trained on {}, tested on {} ({} cases with 2+ items); seed {}{}",
        import.baskets,
        mean(|s| s.train),
        mean(|s| s.test),
        mean(|s| s.cases),
        args.seed,
        if runs.len() > 1 {
            format!(
                " to {} (mean ± sd over {} splits)",
                args.seed + runs.len() as u64 - 1,
                runs.len()
            )
        } else {
            String::new()
        }
    );
    println!("hide one item per case, recommend {k} not in the cart, fill up with best sellers\n");
    println!(
        "{:<38} {:>15} {:>15}",
        "recommender",
        format!("HR@{k}"),
        format!("MRR@{k}")
    );
    for (i, (label, _)) in runs[0].1.iter().enumerate() {
        let hr: Vec<f64> = runs.iter().map(|r| r.1[i].1.hit_rate()).collect();
        let mrr: Vec<f64> = runs.iter().map(|r| r.1[i].1.mrr()).collect();
        println!("{label:<38} {:>15} {:>15}", mean_sd(&hr), mean_sd(&mrr));
    }
    // The engine against each baseline on the same splits: the difference
    // is what the noise of one split does not blur.
    println!();
    for (i, (label, _)) in runs[0].1.iter().enumerate().skip(1).take(3) {
        let diff: Vec<f64> = runs
            .iter()
            .map(|r| r.1[0].1.hit_rate() - r.1[i].1.hit_rate())
            .collect();
        let wins = diff.iter().filter(|d| **d > 0.0).count();
        println!(
            "xsell − {label:<29} HR@{k} {:>16}   (better on {wins} of {} splits)",
            mean_sd(&diff),
            diff.len()
        );
    }
    Ok(())
}

/// Sizes of one split, for the header.
struct Split {
    train: usize,
    test: usize,
    cases: usize,
}

#[allow(clippy::too_many_arguments)]
fn run_once(
    baskets: &[Vec<u32>],
    vocab: &Vocab,
    items: &Items,
    rows: &[CatalogRow],
    currency: &str,
    settings: &Settings,
    args: &EvalArgs,
    seed: u64,
) -> Result<(Split, Vec<(String, Metrics)>), String> {
    let k = args.k;
    let split = holdout(baskets.to_vec(), args.test_share, seed);
    let mut counting = Counting::new(settings.max_basket, settings.seed);
    for basket in &split.train {
        counting.add(basket);
    }
    let counts = counting.finish();
    let (index, _) = index_from_counts(
        &counts,
        vocab,
        items,
        rows,
        currency,
        settings,
        |each| {
            split.train.iter().for_each(|b| each(b));
            Ok(())
        },
        &mut Timings::start(),
    )
    .map_err(|e| e.to_string())?;
    let catalog = Catalog::new(index).map_err(|e| e.to_string())?;
    // Vocab numbers <-> index positions (they differ when a catalog hides
    // products that are not in it).
    let position: Vec<Option<u32>> = (0..vocab.len() as u32)
        .map(|n| catalog.position(vocab.id(n)))
        .collect();
    let number = |p: u32| vocab.get(&catalog.product(p).id);
    let baselines = Baselines::new(&counts, vocab.len());
    let ctx = Context::with_limit(k);
    let cases = &split.cases;
    let popular = &baselines.popular;
    let results = vec![
        (
            "xsell (cart add-ons)".to_string(),
            evaluate(cases, k, popular, |cart| {
                let anchors: Vec<u32> = cart.iter().filter_map(|&n| position[n as usize]).collect();
                select(&catalog, Block::AddOns, &anchors, &ctx)
                    .iter()
                    .filter_map(|pick| number(pick.position))
                    .collect()
            }),
        ),
        (
            "popularity".into(),
            evaluate(cases, k, popular, |c| baselines.popularity(c)),
        ),
        (
            "confidence sum".into(),
            evaluate(cases, k, popular, |c| baselines.confidence_sum(c)),
        ),
        (
            "asymmetric cosine (alpha 0.9)".into(),
            evaluate(cases, k, popular, |c| baselines.asymmetric_cosine(c, 0.9)),
        ),
        (
            "  xsell scoring, every pair, no index".into(),
            evaluate(cases, k, popular, |c| {
                baselines.companion_all_pairs(c, settings.popularity_discount)
            }),
        ),
    ];
    let sizes = Split {
        train: split.train.len(),
        test: split.test,
        cases: split.cases.len(),
    };
    Ok((sizes, results))
}

/// "0.4131" for one value, "0.4131 ± 0.0094" for several.
fn mean_sd(values: &[f64]) -> String {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    if values.len() < 2 {
        return format!("{mean:.4}");
    }
    let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    format!("{mean:.4} ± {:.4}", var.sqrt())
}
