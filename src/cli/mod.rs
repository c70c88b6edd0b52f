//! The `xsell` command line: argument parsing and files. The work itself
//! is the builder's and the core's.

mod build;
mod currency;
mod eval;
mod progress;
mod recommend;
mod rules;
mod temp_file;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "xsell",
    version,
    about = "Builds cross-sell and upsell indexes for the xsell widget from order history and a catalog.",
    after_help = "Docs: README.md and docs/index-format.md in the xsell repository."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build an index from orders (and optionally a catalog).
    Build(Box<build::BuildArgs>),
    /// Answer page requests (JSON lines on stdin) from an index, exactly
    /// as the widget would.
    Recommend(recommend::RecommendArgs),
    /// Export every pair bought together at least N times as association
    /// rules (CSV: support, confidence, lift as mlxtend; LLR).
    Rules(Box<rules::RulesArgs>),
    /// Hold out baskets and score the cart add-ons (HR@k, MRR) beside
    /// popularity and other simple baselines.
    Eval(Box<eval::EvalArgs>),
}

/// Runs the command line; errors are printed here, once.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Recommend(args) => recommend::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Rules(args) => rules::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xsell: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Opens an input file, naming it in the error.
pub(crate) fn open(path: &std::path::Path) -> Result<std::fs::File, String> {
    std::fs::File::open(path).map_err(|e| format!("{}: cannot open: {e}", path.display()))
}

/// Opens an input file with a progress line on a terminal.
pub(crate) fn open_with_progress(
    path: &std::path::Path,
) -> Result<Box<dyn std::io::Read + Send>, String> {
    let file = open(path)?;
    let total = file.metadata().map(|m| m.len()).unwrap_or(0);
    Ok(progress::reader(file, &path.display().to_string(), total))
}

/// Writes a file whole or not at all: a failed write never leaves a
/// half-written index where the old one was.
pub(crate) fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".partial");
    let tmp = std::path::PathBuf::from(tmp);
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!("{}: cannot write: {e}", path.display())
        })
}
