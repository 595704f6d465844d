#!/usr/bin/env bash
# Measures how many credentials_verify calls per second a development node answers on this
# machine, over one WebSocket and over HTTP, with the latency's median and 99th percentile:
# attests credentials on a fresh chain, then keeps calls in flight for a while. Options:
# scripts/measure-verify.sh --help.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_js_packages
exec node "$REPO_ROOT/e2e/bin/measure-verify.js" "$@"
