#!/usr/bin/env bash
# Hashes W3C Verifiable Credentials and their JSON Schemas as the Credentials pallet records them
# (`hash`, `schema-hash`), and asks a node whether a credential file is attested and valid
# (`verify`). Options: scripts/credential.sh --help. Hash: tools/lib/credentials.js.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_js_packages
exec node "$REPO_ROOT/tools/bin/credential.js" "$@"
