#!/usr/bin/env bash
# Builds the demo store's data: a deterministic catalog and order history
# (scripts/demo-data.mjs), and the index the widget reads, made by the
# real CLI exactly as a shop owner would. The merchant's settings:
# - 10% off a whole bundle bought together;
# - cross-sells cost at most 3x the product (a case page suggests a screen
#   protector and a charger, not another phone);
# - the thank-you page's time-limited offer shows two products, not three.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin xsell
node scripts/demo-data.mjs build/demo
target/release/xsell build \
  --orders build/demo/orders.csv \
  --catalog build/demo/catalog.csv \
  --bundle-discount 10 \
  --cross-sell-max-ratio 3 \
  --limit post-purchase=2 \
  --out build/demo/index.json
