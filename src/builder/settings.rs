//! Every knob of a build, with defaults that suit a typical shop. The
//! values are written into the index (`stats.settings`) so a number can be
//! traced to the settings that made it.

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// A pair must be bought together in at least this many baskets.
    pub min_count: u32,
    /// A pair's log-likelihood ratio must reach this (10.83: p = 0.001;
    /// 3.84: p = 0.05)...
    pub min_llr: f64,
    /// ...unless it was bought together in at least this many baskets.
    pub well_supported: u32,
    /// Companion scores divide by popularity to this power (0: none).
    pub popularity_discount: f64,
    /// Pseudo-baskets that pull sparse items' scores toward chance.
    pub shrinkage: f64,
    /// Products kept per ranked list.
    pub top_k: usize,
    /// Baskets larger than this are sampled down to it (deterministically)
    /// before pairs are counted: pairs grow with the square of basket size.
    pub max_basket: usize,
    /// Upgrade price band: candidate price / product price.
    pub upgrade_min_ratio: f64,
    pub upgrade_max_ratio: f64,
    /// An inferred accessory costs at most this share of its product.
    pub accessory_max_ratio: f64,
    /// Percent off a whole bundle, carried into the index.
    pub bundle_discount: Option<f64>,
    /// A bundle's full set must be bought together this often...
    pub min_bundle_count: u32,
    /// ...and in at least this share of the product's baskets.
    pub bundle_min_share: f64,
    /// Blocks shorter than this are filled with cold-start fallbacks.
    pub min_list: usize,
    /// Seed for sampling large baskets.
    pub seed: u64,
    /// Items per block, where the merchant set them (into the index).
    pub limits: Vec<(crate::core::block::Block, u32)>,
    /// Cross-sells cost at most this times the product (into the index).
    pub cross_sell_max_ratio: Option<f64>,
    /// Languages whose ready-made texts go into the index ("de", "fr").
    pub labels: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            min_count: 2,
            min_llr: 10.83,
            well_supported: 10,
            popularity_discount: 0.2,
            shrinkage: 10.0,
            top_k: 30,
            max_basket: 50,
            upgrade_min_ratio: 1.05,
            upgrade_max_ratio: 2.5,
            accessory_max_ratio: 0.5,
            bundle_discount: None,
            min_bundle_count: 3,
            bundle_min_share: 0.1,
            min_list: 8,
            seed: 1,
            limits: Vec::new(),
            cross_sell_max_ratio: None,
            labels: Vec::new(),
        }
    }
}

impl Settings {
    /// `name=value` strings for the index's provenance.
    pub fn describe(&self) -> Vec<String> {
        let mut out = vec![
            format!("min_count={}", self.min_count),
            format!("min_llr={}", self.min_llr),
            format!("well_supported={}", self.well_supported),
            format!("popularity_discount={}", self.popularity_discount),
            format!("shrinkage={}", self.shrinkage),
            format!("top_k={}", self.top_k),
            format!("max_basket={}", self.max_basket),
            format!(
                "upgrade_ratio={}..{}",
                self.upgrade_min_ratio, self.upgrade_max_ratio
            ),
            format!("accessory_max_ratio={}", self.accessory_max_ratio),
            format!("min_bundle_count={}", self.min_bundle_count),
            format!("bundle_min_share={}", self.bundle_min_share),
            format!("min_list={}", self.min_list),
            format!("seed={}", self.seed),
        ];
        if let Some(d) = self.bundle_discount {
            out.push(format!("bundle_discount={d}"));
        }
        out
    }
}
