//! `xsell recommend`: page requests as JSON lines on stdin, one answer
//! line each on stdout, from the same core the widget runs. A bad line
//! gets an `{"error": ...}` answer in plain words (its line number, what
//! was wrong, an example of a request); the others are still answered.
//! Blank lines are passed over.

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
    let mut stdin = std::io::stdin().lock();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        // Bytes, not `lines()`: a line that is not UTF-8 is one bad
        // request, not the end of the input.
        if stdin
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("stdin: {e}"))?
            == 0
        {
            break;
        }
        // A blank line gets a blank answer: answers stay on the line of
        // their request.
        if line.trim_ascii().is_empty() {
            writeln!(out).map_err(|e| format!("stdout: {e}"))?;
            continue;
        }
        let answer = match std::str::from_utf8(&line) {
            Ok(text) => match serde_json::from_str::<Request>(text) {
                Ok(request) => answer_json(&request.answer(&catalog)),
                Err(e) => error_json(number, &explain(text, &e)),
            },
            Err(_) => error_json(number, "not UTF-8 text"),
        };
        writeln!(out, "{answer}").map_err(|e| format!("stdout: {e}"))?;
    }
    out.flush().map_err(|e| format!("stdout: {e}"))
}

/// A request line shows what one looks like.
const EXAMPLE: &str = r#"{"page":"product","product":"SKU-1","limit":3}"#;

fn error_json(line: usize, problem: &str) -> String {
    let message =
        format!("stdin line {line}: {problem}; expected one JSON request per line, like {EXAMPLE}");
    serde_json::json!({ "error": message }).to_string()
}

/// The parser's error on request `line` in plain words: not JSON at all
/// (and where it went wrong), or JSON that is not a page request (and
/// what is missing or wrong).
fn explain(line: &str, e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof => format!("not JSON (at column {})", e.column()),
        Category::Data | Category::Io if !line.trim_start().starts_with('{') => {
            "not a page request (a JSON object is expected)".into()
        }
        Category::Data | Category::Io => {
            // Its place is no news on a one-line request; Rust's type names
            // are no help to the reader.
            let text = e.to_string();
            let place = format!(" at line {} column {}", e.line(), e.column());
            let what = text
                .strip_suffix(&place)
                .unwrap_or(&text)
                .replace("expected usize", "expected a whole number")
                .replace("expected f64", "expected a number")
                .replace(
                    "data did not match any variant of untagged enum Line",
                    r#"a cart or order line is an id or {"id":"SKU-1","quantity":2}"#,
                );
            format!("not a page request ({what})")
        }
    }
}
