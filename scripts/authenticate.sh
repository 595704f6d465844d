#!/usr/bin/env bash
# Signs a Citizens Card authentication challenge with a key (default //Alice) and asks a running
# node (default ws://127.0.0.1:9944) whether it proves control of the DID, as a public service
# would. Options: scripts/authenticate.sh --help. Challenge format: docs/SERVICES.md.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_js_packages
exec node "$REPO_ROOT/tools/bin/authenticate.js" "$@"
