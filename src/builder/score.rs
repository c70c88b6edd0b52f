//! Co-purchase statistics for a pair of products A, B over N baskets, from
//! the counts n_A, n_B and n_AB. Support, confidence and lift use the
//! definitions of mlxtend, Spark FPGrowth and arules.

/// The counts behind every statistic of the rule A -> B.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairCounts {
    pub n: f64,
    pub n_a: f64,
    pub n_b: f64,
    pub n_ab: f64,
}

impl PairCounts {
    pub fn new(n: u64, n_a: u32, n_b: u32, n_ab: u32) -> PairCounts {
        PairCounts {
            n: n as f64,
            n_a: f64::from(n_a),
            n_b: f64::from(n_b),
            n_ab: f64::from(n_ab),
        }
    }

    /// Share of baskets holding both.
    pub fn support(&self) -> f64 {
        self.n_ab / self.n
    }

    /// Share of A's baskets that also hold B (P(B|A)).
    pub fn confidence(&self) -> f64 {
        self.n_ab / self.n_a
    }

    /// How many times more often than chance the two meet.
    pub fn lift(&self) -> f64 {
        self.n * self.n_ab / (self.n_a * self.n_b)
    }

    /// Baskets expected to hold both if A and B were independent.
    pub fn expected(&self) -> f64 {
        self.n_a * self.n_b / self.n
    }

    /// Dunning's log-likelihood ratio (G²) of the 2x2 table; 10.83 is
    /// significant at p = 0.001. Symmetric in A and B.
    pub fn llr(&self) -> f64 {
        let k11 = self.n_ab;
        let k12 = self.n_b - self.n_ab;
        let k21 = self.n_a - self.n_ab;
        let k22 = self.n - self.n_a - self.n_b + self.n_ab;
        let row = entropy(&[k11 + k12, k21 + k22]);
        let col = entropy(&[k11 + k21, k12 + k22]);
        let mat = entropy(&[k11, k12, k21, k22]);
        (2.0 * (row + col - mat)).max(0.0)
    }

    /// The complement score of A -> B: how much more likely B is in a
    /// basket with A than in any basket, P(B|A) - P(B), with A's baskets
    /// padded by `shrinkage` pseudo-baskets at chance level so that
    /// products seen a few times cannot claim extreme values.
    ///
    /// = (n_AB - E) / (n_A + m). Unlike confidence it does not reward
    /// best sellers for being everywhere; unlike lift it does not reward
    /// rare pairs for being rare.
    pub fn added_value(&self, shrinkage: f64) -> f64 {
        (self.n_ab - self.expected()) / (self.n_a + shrinkage)
    }
}

/// Unnormalised entropy as in Mahout: x·ln(Σ) − Σ x·ln x terms.
fn entropy(counts: &[f64]) -> f64 {
    let sum: f64 = counts.iter().sum();
    x_ln_x(sum) - counts.iter().map(|&k| x_ln_x(k)).sum::<f64>()
}

fn x_ln_x(x: f64) -> f64 {
    if x <= 0.0 {
        0.0
    } else {
        x * x.ln()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_values() {
        // 100 baskets, A in 20, B in 10, both in 8.
        let c = PairCounts::new(100, 20, 10, 8);
        assert!((c.support() - 0.08).abs() < 1e-12);
        assert!((c.confidence() - 0.4).abs() < 1e-12);
        assert!((c.lift() - 4.0).abs() < 1e-12);
        assert!((c.expected() - 2.0).abs() < 1e-12);
        assert!((c.added_value(0.0) - 0.3).abs() < 1e-12);
    }

    #[test]
    fn llr_matches_mahout() {
        // Mahout's LogLikelihoodTest: llr(1,0,0,1) = 2.772588722239781,
        // llr(10,0,0,10) = 27.725887222397812.
        let a = PairCounts::new(2, 1, 1, 1);
        assert!((a.llr() - 2.772588722239781).abs() < 1e-9);
        let b = PairCounts::new(20, 10, 10, 10);
        assert!((b.llr() - 27.725887222397812).abs() < 1e-9);
        // Independence scores zero.
        let c = PairCounts::new(100, 10, 10, 1);
        assert!(c.llr().abs() < 1e-9);
    }

    #[test]
    fn shrinkage_pulls_sparse_items_toward_chance() {
        let sparse = PairCounts::new(1000, 1, 100, 1);
        let solid = PairCounts::new(1000, 100, 100, 100);
        assert!(sparse.added_value(10.0) < solid.added_value(10.0));
    }
}
