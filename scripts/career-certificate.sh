#!/usr/bin/env bash
# Prints a worker's career certificate from the chain's work history (`print`), and the W3C
# Verifiable Credential of one contract for its employer to attest (`vc`). Options:
# scripts/career-certificate.sh --help. Tool: tools/bin/career.js.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_js_packages
exec node "$REPO_ROOT/tools/bin/career.js" "$@"
