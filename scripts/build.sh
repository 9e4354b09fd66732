#!/usr/bin/env bash
# Builds the widget in release mode into www/pkg/, two bundles from the same crate:
#   service_range_mapper.js           the view build: the range, read-only, for citizens
#                                     and intranet pages (cargo --no-default-features)
#   service_range_mapper_workshop.js  the workshop build (gaps, inventory, sessions, exports)
#   service_range_mapper_plan.js      the workshop build and the plan followed over time
#                                     (plan, milestones, dashboard, progress report): a
#                                     workshop page loads it when the plan is first opened
#   service_range_mapper_editor.js    the range editor ("Configurer la gamme"), with the
#                                     workshop build it previews the range with
# Each is wasm-bindgen's ES module (minified with terser) and an optimised .wasm
# (wasm-opt -O1, from npm's binaryen: Debian's is too old). www/pkg/ is the folder a host
# page copies: it also gets the minified stylesheets.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf www/pkg
# A target folder of its own: the test command builds the bundles in the background while
# it lints and runs the native and browser tests in target/ (cargo locks a target folder).
export CARGO_TARGET_DIR=target/bundles
wasm=$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/service_range_mapper.wasm

# Panic locations name source files: shorten their paths (the registry's and ours), which
# the bundle carries as text.
RUSTFLAGS="--remap-path-prefix=$PWD=srm"
for index in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  RUSTFLAGS="$RUSTFLAGS --remap-path-prefix=${index%/}=c"
done
export RUSTFLAGS

bundle() { # name, cargo feature flags...
  local name=$1; shift
  cargo build --release --target wasm32-unknown-unknown --lib "$@"
  wasm-bindgen --target web --no-typescript --out-dir www/pkg --out-name "$name" "$wasm"
  # -O1, not -Oz: measured on these bundles, -O1's output is 10 % larger raw but 4-6 %
  # smaller gzipped (view 139.5 KB against 144.6 with -Oz --converge), in a tenth of the time.
  # --low-memory-unused: Rust's stack starts at 1 MiB and grows down to 0, its data lies
  # above, so the lowest 1 KiB is only reached by a stack already overflowing; binaryen may
  # then fold constant offsets into loads and stores (1 KB less in the view bundle).
  node_modules/.bin/wasm-opt -O1 --low-memory-unused --zero-filled-memory --strip-producers \
    --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "www/pkg/${name}_bg.wasm" -o "www/pkg/${name}_bg.wasm"
  # The JS glue is minified like any production script (exports keep their names).
  node_modules/.bin/terser "www/pkg/$name.js" --module --compress --mangle -o "www/pkg/$name.js"
}

bundle service_range_mapper --no-default-features
bundle service_range_mapper_workshop
bundle service_range_mapper_plan --features plan
bundle service_range_mapper_editor --features editor
# The modules the bundles import (src/cards.js, src/store.js), which wasm-bindgen copies
# into pkg/snippets/: minified like the glue.
for module in www/pkg/snippets/*/src/*.js; do
  node_modules/.bin/terser "$module" --module --compress --mangle -o "$module"
done
# The stylesheets, minified with csso: srm.css for every page, srm-workshop.css with the
# workshop bundle, srm-plan.css with the plan bundle, srm-editor.css with the editor.
for css in srm srm-workshop srm-plan srm-editor; do
  node_modules/.bin/csso "www/$css.css" -o "www/pkg/$css.css"
done
# The example range, for pages of the view bundle (which does not carry it) and for the
# <service-range-mapper> element in citizen mode without a config.
cp src/core/default_config.json www/pkg/default-config.json
ls -l www/pkg
