#!/usr/bin/env bash
# Hashes W3C Verifiable Credentials and their JSON Schemas as the Credentials pallet records them
# (`hash`, `schema-hash`), and asks a node whether a credential file is attested and valid
# (`verify`). Options: scripts/credential.sh --help. Hash: e2e/lib/credentials.js.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_nodejs
if [ ! -d "$REPO_ROOT/e2e/node_modules/@polkadot/api" ]; then
	(cd "$REPO_ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
exec node "$REPO_ROOT/e2e/bin/credential.js" "$@"
