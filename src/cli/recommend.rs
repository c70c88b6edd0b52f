//! `xsell recommend`: page requests as JSON lines on stdin, one answer
//! line each on stdout, from the same core the widget runs. A bad line
//! gets an `{"error": ...}` answer; the others are still answered.

use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;

use clap::Args;

use crate::core::index::Catalog;
use crate::core::request::{answer_json, Request};

#[derive(Args)]
pub struct RecommendArgs {
    /// The index to answer from.
    #[arg(long, value_name = "FILE")]
    pub index: PathBuf,
}

pub fn run(args: &RecommendArgs) -> Result<(), String> {
    let name = args.index.display().to_string();
    let bytes = std::fs::read(&args.index).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let catalog = Catalog::from_json(&bytes, &name).map_err(|e| e.to_string())?;
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| format!("stdin: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let answer = match serde_json::from_str::<Request>(&line) {
            Ok(request) => answer_json(&request.answer(&catalog)),
            Err(e) => {
                let message = format!("stdin line {}: {e}", n + 1);
                serde_json::json!({ "error": message }).to_string()
            }
        };
        writeln!(out, "{answer}").map_err(|e| format!("stdout: {e}"))?;
    }
    out.flush().map_err(|e| format!("stdout: {e}"))
}
