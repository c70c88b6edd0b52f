#!/usr/bin/env bash
# Builds dist/: exactly what a shop uploads (xsell.js, xsell.wasm,
# xsell.css), then prints their gzip -9 sizes against the budgets.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Panic locations name source files; the registry's path differs from
# machine to machine (CARGO_HOME), and so would the wasm's size: name it
# the same everywhere.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src="
wasm-pack --log-level warn build --profile wasm --target web --mode no-install \
  --out-dir pkg --out-name xsell --no-typescript --no-pack
rm -rf dist && mkdir -p dist
esbuild www/loader.js --bundle --format=iife --minify --target=es2020 \
  --legal-comments=none --log-level=warning --outfile=dist/xsell.js
cp pkg/xsell_bg.wasm dist/xsell.wasm
esbuild www/xsell.css --minify --log-level=warning --outfile=dist/xsell.css
node scripts/sizes.mjs
