#!/usr/bin/env bash
# README command 1: set up, build, and serve the demo on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh without-browser
bash scripts/build.sh
port="${PORT:-8080}"
echo "Demo: http://127.0.0.1:$port/  (editor: http://127.0.0.1:$port/editor.html)"
exec node scripts/server.mjs www "$port"
