#!/usr/bin/env bash
# Makes, parses and draws the QR codes of ZeroPay payment requests paid in S-coins: a merchant
# signs a request with its key (`make`), a wallet reads and checks one (`parse`), a till shows
# one (`draw`). Options: scripts/scoin-qr.sh --help. Payload format: pallets/scoin/src/qr.rs.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_nodejs
if [ ! -d "$REPO_ROOT/e2e/node_modules/@polkadot/api" ] || [ ! -d "$REPO_ROOT/e2e/node_modules/qrcode" ]; then
	(cd "$REPO_ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
exec node "$REPO_ROOT/e2e/bin/scoin-qr.js" "$@"
