#!/usr/bin/env bash
# npm start: installs what is missing, builds the widget and the demo data,
# and serves the demo store on http://localhost:${PORT:-8080}.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
bash scripts/demo.sh
exec node scripts/serve.mjs
