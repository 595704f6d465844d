#!/usr/bin/env bash
# Exports a donor's donation receipts of a year from a running node (default
# ws://127.0.0.1:9944) as a JSON file for the year-end tax settlement. Options:
# scripts/donation-receipts.sh --help. Format: docs/DONATIONS.md.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_nodejs
if [ ! -d "$REPO_ROOT/e2e/node_modules/@polkadot/api" ]; then
	(cd "$REPO_ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
exec node "$REPO_ROOT/e2e/bin/donation-receipts.js" "$@"
