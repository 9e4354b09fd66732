#!/usr/bin/env bash
# Installs everything the build, the demo and the tests need on a fresh machine: the wasm
# target, the wasm-bindgen CLI matching Cargo.lock, Chromium and its driver, and the npm
# packages (playwright-core, axe-core, binaryen's wasm-opt, terser, csso). Skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need_browser="${1:-with-browser}"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  echo "setup: installing wasm-bindgen-cli $wb_version (about 2 minutes)"
  # Not --locked: the CLI's own lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

if [ "$need_browser" = with-browser ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "setup: installing Chromium and ChromeDriver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/terser ] || [ ! -x node_modules/.bin/csso ] \
   || [ ! -d node_modules/playwright-core ] \
   || [ ! -d node_modules/axe-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi
