#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is present, so
# a fresh machine works and a warm one is quick. Everything comes from
# crates.io, npm or Debian (the only registries these machines reach).
#   scripts/setup.sh          build tools (npm start, npm run build)
#   scripts/setup.sh --test   build tools + Chromium and ChromeDriver
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

# Rust's wasm target (rust-toolchain.toml names it; rustup may not add it
# by itself when auto-install is off).
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-pack, built from crates.io (the npm package downloads from GitHub).
WASM_PACK_VERSION=0.15.1
if ! wasm-pack --version 2>/dev/null | grep -q "$WASM_PACK_VERSION"; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 2 minutes, once)"
  cargo install wasm-pack --version "=$WASM_PACK_VERSION" --locked \
    || cargo install wasm-pack --version "=$WASM_PACK_VERSION"
fi

# wasm-bindgen CLI of exactly the version in Cargo.lock: wasm-pack uses the
# one on PATH only when the versions match.
[ -f Cargo.lock ] || cargo generate-lockfile
BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $BINDGEN_VERSION\b"; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (about 3 minutes, once)"
  cargo install wasm-bindgen-cli --version "=$BINDGEN_VERSION" --force --locked \
    || cargo install wasm-bindgen-cli --version "=$BINDGEN_VERSION" --force
fi

# npm packages: binaryen's wasm-opt, esbuild, playwright-core, axe-core.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    SUDO=""
    [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver
  fi
fi
