#!/usr/bin/env bash
# Measures how many credentials_verify calls per second a development node answers on this
# machine, over one WebSocket and over HTTP, with the latency's median and 99th percentile:
# attests credentials on a fresh chain, then keeps calls in flight for a while. Options:
# scripts/measure-verify.sh --help.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_nodejs
if [ ! -d "$REPO_ROOT/e2e/node_modules/@polkadot/api" ]; then
	(cd "$REPO_ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
exec node "$REPO_ROOT/e2e/bin/measure-verify.js" "$@"
