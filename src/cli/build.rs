//! `xsell build`: orders (+ catalog) to an index file, with a report of
//! what was read, used and skipped on stderr.

use std::io::BufReader;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::currency::currency_code;
use super::temp_file::TempFile;
use super::{open, open_with_progress, write_atomically};
use crate::builder::basket_log::BasketLog;
use crate::builder::catalog::read_catalog;
use crate::builder::orders::{NonProducts, OrderOptions, OrdersFormat};
use crate::builder::{build, Build, Settings};

#[derive(Args)]
pub struct BuildArgs {
    /// Order history: CSV order lines with a header, or baskets (see
    /// --orders-format).
    #[arg(long, value_name = "FILE")]
    pub orders: PathBuf,
    #[command(flatten)]
    pub format: OrderFormatArgs,
    /// Column of the order lines holding the product title: products
    /// without a catalog entry get their most frequent one (default: the
    /// id).
    #[arg(long, value_name = "COL")]
    pub title_col: Option<String>,
    /// Catalog CSV with a header: id,title,price and optionally currency,
    /// url, image, category, family, tier, in_stock, rating, addon_for,
    /// pin, exclude, variant_of (the parent's id), option ("Size M") and
    /// any number of attr:NAME columns; addon_for, pin and exclude are
    /// lists separated by `;`. Other columns are ignored. Rows whose id is
    /// in --skip-products are skipped; a price of 0 or less counts as no
    /// price; an empty title shows the id. Without a catalog, ids (or
    /// --title-col) serve as titles and only --price-col gives prices.
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    /// Where to write the index JSON.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Currency of prices without a currency column: an ISO 4217
    /// three-letter code.
    #[arg(long, value_name = "CODE", default_value = "USD", value_parser = currency_code)]
    pub currency: String,
    /// Print how long each phase took.
    #[arg(long)]
    pub timings: bool,
    #[command(flatten)]
    pub tuning: TuningArgs,
}

/// How to read the orders file (shared by build, rules and eval).
#[derive(Args, Clone)]
pub struct OrderFormatArgs {
    /// `lines`: CSV with a header, one product per row; `baskets`: one
    /// basket per line, items separated by commas, no header.
    #[arg(long, value_enum, default_value = "lines")]
    pub orders_format: FormatArg,
    /// Column holding the order id.
    #[arg(long, default_value = "order_id")]
    pub order_col: String,
    /// Column holding the product id.
    #[arg(long, default_value = "product_id")]
    pub product_col: String,
    /// Column holding the quantity (rows with 0 or less are skipped); used
    /// when present.
    #[arg(long)]
    pub quantity_col: Option<String>,
    /// Column holding the unit price: rows priced 0 or less are skipped
    /// (default: a column named price, unit_price or unitprice, if any;
    /// `none`: no price column). Read as shops write them (3.39, 3,39,
    /// £3.39, 1.299,00 €); a price that is not a number keeps its row.
    /// Named here, it also prices products without a catalog entry (their
    /// most frequent price; in --currency).
    #[arg(long)]
    pub price_col: Option<String>,
    /// Ids that are not products (postage, fees), skipped in the orders
    /// and the catalog; comma-separated; `*` at the end matches a prefix; `none` keeps every id. Default: POST,
    /// POSTAGE, DOT, C2, CARRIAGE, SHIPPING, M, MANUAL, DISCOUNT, SAMPLES,
    /// BANK CHARGES, AMAZONFEE, CRUK, GIFT_* (any case).
    #[arg(long, value_delimiter = ',')]
    pub skip_products: Option<Vec<String>>,
    /// Fail on the first malformed row (with its file:line) instead of
    /// skipping it.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Lines,
    Baskets,
}

impl OrderFormatArgs {
    pub fn options(&self) -> OrderOptions {
        let defaults = OrderOptions::default();
        OrderOptions {
            format: match self.orders_format {
                FormatArg::Lines => OrdersFormat::Lines,
                FormatArg::Baskets => OrdersFormat::Baskets,
            },
            order_col: self.order_col.clone(),
            product_col: self.product_col.clone(),
            quantity_col_required: self.quantity_col.is_some(),
            quantity_col: self.quantity_col.clone().unwrap_or(defaults.quantity_col),
            price_col: self.price_col.clone(),
            title_col: None,
            skip_products: match &self.skip_products {
                None => defaults.skip_products,
                Some(list) if list.iter().any(|s| s.trim().eq_ignore_ascii_case("none")) => {
                    Vec::new()
                }
                Some(list) => list.clone(),
            },
            strict: self.strict,
        }
    }
}

/// Scoring knobs (defaults suit a typical shop; see README).
#[derive(Args, Clone)]
pub struct TuningArgs {
    /// Minimum baskets a pair must share to count as complements.
    #[arg(long, default_value_t = Settings::default().min_count)]
    pub min_count: u32,
    /// Minimum log-likelihood ratio of a pair (3.84: p=0.05; 10.83: p=0.001).
    #[arg(long, default_value_t = Settings::default().min_llr)]
    pub min_llr: f64,
    /// Products kept per list.
    #[arg(long, default_value_t = Settings::default().top_k)]
    pub top_k: usize,
    /// Larger baskets are sampled down to this many items for pair counts.
    #[arg(long, default_value_t = Settings::default().max_basket)]
    pub max_basket: usize,
    /// Upgrade price band, lowest ratio to the product's price.
    #[arg(long, default_value_t = Settings::default().upgrade_min_ratio)]
    pub upgrade_min_ratio: f64,
    /// Upgrade price band, highest ratio to the product's price.
    #[arg(long, default_value_t = Settings::default().upgrade_max_ratio)]
    pub upgrade_max_ratio: f64,
    /// Percent off a whole bundle, carried into the index.
    #[arg(long)]
    pub bundle_discount: Option<f64>,
    /// Items a block shows unless its placeholder says otherwise, e.g.
    /// `--limit bought-together=2` (repeat for several blocks).
    #[arg(long = "limit", value_name = "BLOCK=N")]
    pub limits: Vec<String>,
    /// Cross-sells cost at most this times the product's price (1: the
    /// same price bracket or lower).
    #[arg(long)]
    pub cross_sell_max_ratio: Option<f64>,
    /// Ready-made block texts to put in the index, by language: de, fr,
    /// es, ar (English is built into the widget), or `all`.
    #[arg(long, value_delimiter = ',')]
    pub labels: Vec<String>,
    /// Seed for sampling large baskets.
    #[arg(long, default_value_t = Settings::default().seed)]
    pub sample_seed: u64,
}

impl TuningArgs {
    pub fn settings(&self) -> Result<Settings, String> {
        if self.upgrade_min_ratio > self.upgrade_max_ratio {
            return Err("--upgrade-min-ratio is above --upgrade-max-ratio".into());
        }
        if let Some(d) = self.bundle_discount {
            if !(0.0..100.0).contains(&d) {
                return Err(format!(
                    "--bundle-discount {d}: give a percentage from 0 to under 100"
                ));
            }
        }
        let mut limits = Vec::new();
        for spec in &self.limits {
            let (block, n) = spec.split_once('=').unwrap_or((spec, ""));
            let Some(block) = crate::core::block::Block::from_name(block.trim()) else {
                return Err(format!(
                    "--limit {spec}: give BLOCK=N, BLOCK one of bought-together, upgrade, add-ons, post-purchase"
                ));
            };
            // More than the index's lists hold would never show anyway.
            match n.trim().parse::<u32>() {
                Ok(n @ 1..=100) => limits.push((block, n)),
                _ => {
                    return Err(format!(
                        "--limit {spec}: N is how many items the block shows, a whole number from 1 to 100"
                    ))
                }
            }
        }
        if self
            .cross_sell_max_ratio
            .is_some_and(|r| r <= 0.0 || !r.is_finite())
        {
            return Err("--cross-sell-max-ratio must be a positive number".into());
        }
        let mut labels = Vec::new();
        for given in &self.labels {
            // Texts are by language: de-DE and de_AT are German.
            let l = given.trim().to_ascii_lowercase();
            let l = l.split(['-', '_']).next().unwrap_or_default().to_string();
            if l == "all" {
                labels.extend(
                    crate::core::labels::LANGUAGES
                        .iter()
                        .skip(1)
                        .map(|s| s.to_string()),
                );
            } else if crate::core::labels::builtin(&l).is_some() {
                labels.push(l);
            } else if !l.is_empty() {
                return Err(format!(
                    "--labels {given}: ready-made texts exist for {}",
                    crate::core::labels::LANGUAGES.join(", ")
                ));
            }
        }
        Ok(Settings {
            labels,
            limits,
            cross_sell_max_ratio: self.cross_sell_max_ratio,
            min_count: self.min_count.max(1),
            min_llr: self.min_llr,
            top_k: self.top_k.max(1),
            max_basket: self.max_basket.max(2),
            upgrade_min_ratio: self.upgrade_min_ratio,
            upgrade_max_ratio: self.upgrade_max_ratio,
            bundle_discount: self.bundle_discount,
            seed: self.sample_seed,
            ..Settings::default()
        })
    }
}

pub fn run(args: &BuildArgs) -> Result<(), String> {
    let settings = args.tuning.settings()?;
    let currency = &args.currency;
    let mut options = args.format.options();
    options.title_col = args.title_col.clone();
    if options.title_col.is_some() && options.format == OrdersFormat::Baskets {
        return Err("--title-col needs order lines with a header (--orders-format lines)".into());
    }
    let catalog = match &args.catalog {
        Some(path) => {
            let name = path.display().to_string();
            let file = BufReader::new(open(path)?);
            let non_products = NonProducts::new(&options.skip_products);
            let (rows, report) = read_catalog(file, &name, currency, &non_products)
                .map_err(|errors| format!("{errors}\nnothing was written"))?;
            Some((name, rows, report))
        }
        None => None,
    };
    let orders_name = args.orders.display().to_string();
    let orders = open_with_progress(&args.orders)?;
    let mut log = BasketLog::new(TempFile::create()?);
    let built = build(
        orders,
        &mut log,
        &orders_name,
        &options,
        catalog.as_ref().map(|(_, rows, _)| rows.as_slice()),
        currency,
        &settings,
    )
    .map_err(|e| format!("{e}\nnothing was written"))?;
    let started = std::time::Instant::now();
    let json = serde_json::to_vec(&built.index).map_err(|e| e.to_string())?;
    write_atomically(&args.out, &json)?;
    if args.timings {
        for (phase, took) in built
            .timings
            .iter()
            .copied()
            .chain([("write", started.elapsed())])
        {
            eprintln!("  {phase:<16} {:>8.1} ms", took.as_secs_f64() * 1e3);
        }
    }

    if let Some((name, _, report)) = &catalog {
        eprint!("{name}: {report}");
    }
    eprint!("{orders_name}: {}", built.import);
    eprintln!(
        "products in index {}, co-purchased pairs {}{}",
        built.index.products.len(),
        built.pairs,
        if built.sampled_baskets > 0 {
            format!(
                ", baskets sampled down to {} items: {}",
                settings.max_basket, built.sampled_baskets
            )
        } else {
            String::new()
        }
    );
    report_details_from_orders(args, &built);
    if built.unlisted > 0 {
        eprintln!(
            "  note: {} products in orders are not in the catalog: counted, never recommended (most bought: {}{})",
            built.unlisted,
            built.unlisted_examples.join(", "),
            if built.unlisted > built.unlisted_examples.len() { ", ..." } else { "" }
        );
    }
    // Without a catalog there are no upgrades by design (README): no news.
    if args.catalog.is_some()
        && !built.index.products.is_empty()
        && built
            .index
            .products
            .iter()
            .all(|p| p.upgrade.items.is_empty())
    {
        eprintln!(
            "  note: no product got an upgrade: an upgrade is a catalog product of the same family (or, without one, category) priced {} to {} times the product (--upgrade-min-ratio, --upgrade-max-ratio); a tier column, optional, ranks them",
            settings.upgrade_min_ratio, settings.upgrade_max_ratio
        );
    }
    for target in &built.unknown_addon_targets {
        eprintln!("  warning: addon_for names no product, category or family: {target}");
    }
    eprintln!("wrote {} ({} bytes)", args.out.display(), json.len());
    Ok(())
}

/// How many products shown got their title or price from the order
/// lines (`--title-col`, `--price-col`).
fn report_details_from_orders(args: &BuildArgs, built: &Build) {
    let mut parts = Vec::new();
    if let Some(column) = &args.title_col {
        parts.push(format!(
            "titles from column {column}: {}",
            built.titled_from_orders
        ));
    }
    if let (Some(_), Some(column)) = (&args.format.price_col, &built.import.price_column) {
        parts.push(format!(
            "prices from column {column}: {}",
            built.priced_from_orders
        ));
    }
    if !parts.is_empty() {
        eprintln!("  products without a catalog entry: {}", parts.join(", "));
    }
}
