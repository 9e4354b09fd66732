#!/usr/bin/env bash
# README command 2: every test, with all set-up done on a fresh machine.
#   1. set-up (wasm target, wasm-bindgen CLI, Chromium + driver, npm packages)
#   2. format and lint (cargo fmt --check, clippy -D warnings, native and wasm)
#   3. native tests of the pure core (cargo test)
#   4. browser tests of the components, the range editor's included (wasm-bindgen-test in
#      headless Chromium)
#   5. release build of www/pkg (view and workshop bundles), then end-to-end tests of the
#      built pages (playwright-core)
# Screenshots of the end-to-end tests land in test-results/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$1" "$(( $(date +%s) - start ))"; }

step "set-up"
bash scripts/setup.sh

step "format and lint"
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings
# The wasm tests are built with the editor's features (below), so they are linted so; each
# bundle's library on its own features.
cargo clippy --lib --quiet --target wasm32-unknown-unknown -- -D warnings
cargo clippy --lib --quiet --target wasm32-unknown-unknown --no-default-features -- -D warnings
cargo clippy --all-targets --quiet --target wasm32-unknown-unknown --features editor -- -D warnings

step "native tests"
cargo test --quiet

step "browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  cargo test --target wasm32-unknown-unknown --features editor --test browser --test browser_editor

step "release build"
bash scripts/build.sh >/dev/null

step "end-to-end tests (playwright-core, headless Chromium)"
node --test --test-concurrency=1 tests/e2e/

step "all tests passed"
