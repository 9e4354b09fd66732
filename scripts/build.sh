#!/usr/bin/env bash
# Builds the widget in release mode into www/pkg/: wasm-bindgen's ES module (minified with
# terser) and an optimised .wasm (wasm-opt -Oz, from npm's binaryen: Debian's is too old).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --target wasm32-unknown-unknown --lib
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg \
  target/wasm32-unknown-unknown/release/service_range_mapper.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/service_range_mapper_bg.wasm -o www/pkg/service_range_mapper_bg.wasm
# The JS glue is minified like any production script (exports keep their names).
node_modules/.bin/terser www/pkg/service_range_mapper.js --module --compress --mangle \
  -o www/pkg/service_range_mapper.js
ls -l www/pkg
