//! Reading an index natively: xsell's own reader (parse + validate, what
//! the widget runs at page load) beside serde_json reading the same bytes
//! into the same types, in the same process, taking turns.
//!
//!   cargo bench --bench parse_index -- INDEX.json [RUNS]

use std::time::{Duration, Instant};
use xsell::core::index::{Catalog, Index};

fn main() {
    // cargo bench adds `--bench`.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(path) = args.first() else {
        eprintln!("usage: cargo bench --bench parse_index -- INDEX.json [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let bytes = std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let (mut ours, mut peer) = (Vec::new(), Vec::new());
    for run in 0..=runs {
        let t = Instant::now();
        let catalog = Catalog::from_json(&bytes, path).expect("xsell reads the index");
        let a = t.elapsed();
        let t = Instant::now();
        let index: Index = serde_json::from_slice(&bytes).expect("serde_json reads the index");
        let b = t.elapsed();
        assert!(catalog.index() == &index, "the two readers disagree");
        // The first run warms caches and the allocator.
        if run > 0 {
            ours.push(a);
            peer.push(b);
        }
    }
    let median = |xs: &mut Vec<Duration>| {
        xs.sort();
        xs[xs.len() / 2].as_secs_f64() * 1e3
    };
    let (a, b) = (median(&mut ours), median(&mut peer));
    println!("\nThe index reader, native, median of {runs} runs:\n");
    println!("| task | xsell | peer | ratio (xsell / peer) |\n|---|---|---|---|");
    println!(
        "| read a {:.1} MB index natively: xsell (parse + validate) vs serde_json::from_slice (parse only), same types | {a:.0} ms | {b:.0} ms | {:.2} |",
        bytes.len() as f64 / 1e6,
        a / b
    );
}
