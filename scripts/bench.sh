#!/usr/bin/env bash
# npm run bench: the builder against DuckDB and mlxtend in one run (see
# benches/bench.py and BENCHMARKS.md). Installs the peers into a virtual
# environment (PyPI) once.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/python-env.sh
python_env benches/requirements.txt
cargo build --release --quiet --bin xsell
"$XSELL_PY" benches/bench.py target/release/xsell "${XSELL_SHARED:-../shared}/data" build/bench "${RUNS:-5}"
# The index reader beside serde_json, natively, on that index.
cargo bench --quiet --bench parse_index -- build/bench/index.json "${RUNS:-5}"
# The widget reading the builder bench's index (18.5 MB, 50k products) and
# the demo's, in Chromium, beside JSON.parse.
bash scripts/setup.sh --test
bash scripts/build.sh > /dev/null
bash scripts/demo.sh > /dev/null 2>&1
node benches/widget.mjs build/bench/index.json "${RUNS:-5}"
node benches/widget.mjs build/demo/index.json "${RUNS:-5}"
