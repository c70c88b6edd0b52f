//! The `xsell` command: builds recommendation indexes (see `xsell --help`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    xsell::cli::main()
}

// The binary has no meaning in the browser; this keeps `cargo test
// --target wasm32-unknown-unknown` (which builds every target) compiling.
#[cfg(target_arch = "wasm32")]
fn main() {}
