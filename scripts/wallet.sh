#!/usr/bin/env bash
# The citizen wallet (wallet/) in one command: installs its packages if missing and serves it at
# http://127.0.0.1:5173/ (WALLET_PORT) with Vite's development server, talking to the node at
# ws://127.0.0.1:9944 (scripts/start.sh's; another node's address can be typed into the wallet).
# `npm run build -w wallet` makes the static site (wallet/dist) a city would host instead.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_nodejs 20
ensure_js_packages
cd "$REPO_ROOT"
exec node_modules/.bin/vite wallet --host 127.0.0.1 --port "${WALLET_PORT:-5173}" --strictPort
