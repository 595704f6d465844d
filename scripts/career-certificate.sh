#!/usr/bin/env bash
# Prints a worker's career certificate from the chain's work history (`print`), and the W3C
# Verifiable Credential of one contract for its employer to attest (`vc`). Options:
# scripts/career-certificate.sh --help. Tool: e2e/bin/career.js.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_nodejs
if [ ! -d "$REPO_ROOT/e2e/node_modules/@polkadot/api" ]; then
	(cd "$REPO_ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
exec node "$REPO_ROOT/e2e/bin/career.js" "$@"
