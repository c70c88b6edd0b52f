#!/usr/bin/env bash
# npm test: every test, on a fresh machine too (scripts/setup.sh installs
# what is missing: wasm tools, npm packages, Chromium + ChromeDriver).
#   1. style: cargo fmt --check, cargo clippy (native and wasm) -D warnings
#   2. native: cargo test (core, builder, CLI)
#   3. browser: wasm-bindgen tests of the web layer in headless Chromium
#   4. analysts' cross-check: `xsell rules` equals mlxtend on groceries.csv
#   5. build dist/ (with sizes) and the demo data, then end-to-end tests of
#      real pages with playwright-core driving Chromium (incl. budgets)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "style"
cargo fmt --all -- --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --quiet

step "browser tests (wasm-bindgen-test, headless Chromium)"
wasm-pack --log-level warn test --headless --chrome --chromedriver "$(command -v chromedriver)" \
  --mode no-install -- --test web

step "xsell rules against mlxtend (groceries.csv)"
source scripts/python-env.sh
python_env benches/requirements.txt
SHARED="${XSELL_SHARED:-../shared}/data"
cargo build --release --quiet --bin xsell
mkdir -p build
target/release/xsell rules --orders "$SHARED/groceries.csv" --orders-format baskets \
  --min-count 10 --out build/rules-groceries.csv
"$XSELL_PY" tests/python/rules_vs_mlxtend.py "$SHARED/groceries.csv" build/rules-groceries.csv 10

step "dist/ and demo data"
bash scripts/build.sh
bash scripts/demo.sh

step "end-to-end tests (playwright-core, Chromium)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs
