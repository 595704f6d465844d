#!/usr/bin/env bash
# Reports an Aura equivocation (two blocks of one slot sealed by one validator) to a running node,
# with the key-ownership proof the runtime gives; the chain records it for the council.
# Options: scripts/report-equivocation.sh --help. Procedure: docs/OPERATORS.md §8.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_nodejs
if [ ! -d "$REPO_ROOT/e2e/node_modules/@polkadot/api" ]; then
	(cd "$REPO_ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
exec node "$REPO_ROOT/e2e/bin/report-equivocation.js" "$@"
