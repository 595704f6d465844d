#!/usr/bin/env bash
# Signs a Citizens Card authentication challenge with a key (default //Alice) and asks a running
# node (default ws://127.0.0.1:9944) whether it proves control of the DID, as a public service
# would. Options: scripts/authenticate.sh --help. Challenge format: docs/SERVICES.md.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_nodejs
if [ ! -d "$REPO_ROOT/e2e/node_modules/@polkadot/api" ]; then
	(cd "$REPO_ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
exec node "$REPO_ROOT/e2e/bin/authenticate.js" "$@"
