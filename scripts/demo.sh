#!/usr/bin/env bash
# Builds the demo store's data: a deterministic catalog and order history
# (scripts/demo-data.mjs), and the index the widget reads, made by the
# real CLI exactly as a shop owner would.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin xsell
node scripts/demo-data.mjs build/demo
target/release/xsell build \
  --orders build/demo/orders.csv \
  --catalog build/demo/catalog.csv \
  --bundle-discount 10 \
  --out build/demo/index.json
