#!/usr/bin/env bash
# README command 2: every test, with all set-up done on a fresh machine.
#   1. set-up (wasm target, wasm-bindgen CLI, geckodriver, the three browsers and their
#      drivers, npm packages)
#   2. the release build of www/pkg (view, workshop, plan and editor bundles) starts in the
#      background, in its own target folder, while 3-5 run; once built, the view and full
#      bundles are checked against their budgets (scripts/bundles.mjs)
#   3. format and lint (cargo fmt --check, clippy -D warnings, native and wasm)
#   4. native tests of the pure core (cargo test)
#   5. browser tests of the components, the range editor's included (wasm-bindgen-test in
#      headless Chromium, then in headless Firefox ESR)
#   6. end-to-end tests of the built pages: every flow in headless Chromium
#      (playwright-core), the flows that matter in Firefox ESR and WebKitGTK (WebDriver)
# Screenshots of the end-to-end tests land in test-results/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$1" "$(( $(date +%s) - start ))"; }

step "set-up"
bash scripts/setup.sh

step "release build, in the background (log: test-results/build.log)"
mkdir -p test-results
bash scripts/build.sh >test-results/build.log 2>&1 &
build=$!
# Stop the background build if a step below fails.
trap 'kill "$build" 2>/dev/null || true' EXIT

step "format and lint"
cargo fmt --all -- --check
# Every build's features are linted with those of the editor and the plan: both include the
# workshop's, and no code is for one bundle alone (the plan's faces are compiled in every
# workshop build and shown by the plan build, `PLAN`; nothing tests `not(feature = ...)`).
# The view bundle's library on its own features.
cargo clippy --all-targets --quiet --features plan -- -D warnings
cargo clippy --lib --quiet --target wasm32-unknown-unknown --no-default-features -- -D warnings
cargo clippy --all-targets --quiet --target wasm32-unknown-unknown --features editor,plan -- -D warnings

step "native tests"
cargo test --quiet --features plan

step "browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" \
  cargo test --target wasm32-unknown-unknown --features editor,plan --test browser --test browser_editor

step "browser tests (wasm-bindgen-test, headless Firefox ESR)"
GECKODRIVER="${GECKODRIVER:-$(command -v geckodriver)}" \
  cargo test --target wasm32-unknown-unknown --features editor,plan --test browser --test browser_editor

step "waiting for the release build"
if ! wait "$build"; then
  cat test-results/build.log
  echo "the release build failed (above)" >&2
  exit 1
fi
trap - EXIT
# The budgeted bundles within their budgets (gzip -9: view 150 KiB, full 450 KiB).
node scripts/bundles.mjs

step "end-to-end tests (Chromium: playwright-core; Firefox ESR and WebKitGTK: WebDriver)"
node --test --test-concurrency=1 tests/e2e/

step "all tests passed"
