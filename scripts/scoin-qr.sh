#!/usr/bin/env bash
# Makes, parses and draws the QR codes of ZeroPay payment requests paid in S-coins: a merchant
# signs a request with its key (`make`), a wallet reads and checks one (`parse`), a till shows
# one (`draw`). Options: scripts/scoin-qr.sh --help. Payload format: pallets/scoin/src/qr.rs.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_js_packages
exec node "$REPO_ROOT/tools/bin/scoin-qr.js" "$@"
