#!/usr/bin/env bash
# Benchmark: builds the release bundle, then prints its size and the mount-to-render times.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh >/dev/null
node scripts/bench.mjs
