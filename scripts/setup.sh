#!/usr/bin/env bash
# Installs everything the build, the demo and the tests need on a fresh machine: the wasm
# target, the wasm-bindgen CLI matching Cargo.lock, the three browser engines and their
# drivers (Chromium, Firefox ESR + geckodriver, WebKitGTK), and the npm packages
# (playwright-core, selenium-webdriver, axe-core, binaryen's wasm-opt, terser, csso).
# Skips what is already there. `setup.sh without-browser` (the demo's) skips the browsers.
set -euo pipefail
cd "$(dirname "$0")/.."

need_browser="${1:-with-browser}"

# The downloads (Debian's browsers, npm's packages) go on in the background while cargo
# builds the two tools from crates.io; each says what failed.
pids=()

if [ "$need_browser" = with-browser ]; then
  # Chromium and ChromeDriver; Firefox ESR (with geckodriver, below); WebKitGTK's
  # WebKitWebDriver and MiniBrowser, which has no headless mode and runs under Xvfb.
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
     || ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null \
     || ! command -v xvfb-run >/dev/null; then
    echo "setup: installing Chromium, Firefox ESR, WebKitGTK's WebDriver and Xvfb"
    (
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq chromium chromium-driver firefox-esr webkit2gtk-driver xvfb >/dev/null
    ) &
    pids+=($!)
  fi
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/terser ] || [ ! -x node_modules/.bin/csso ] \
   || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/selenium-webdriver ] \
   || [ ! -d node_modules/axe-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error &
  pids+=($!)
fi

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
  # The browser tests' driver for Firefox. A debug build: it only relays WebDriver commands,
  # and builds in half the time of a release one.
  gecko_version=0.37.1
  if [ "$(geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}')" != "$gecko_version" ]; then
    echo "setup: installing geckodriver $gecko_version (about a minute)"
    cargo install geckodriver --version "$gecko_version" --debug --locked
  fi
fi

for pid in "${pids[@]}"; do
  wait "$pid" || { echo "setup: a download failed (see above)" >&2; exit 1; }
done
