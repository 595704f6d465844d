#!/usr/bin/env bash
# Exports a donor's donation receipts of a year from a running node (default
# ws://127.0.0.1:9944) as a JSON file for the year-end tax settlement. Options:
# scripts/donation-receipts.sh --help. Format: docs/DONATIONS.md.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_js_packages
exec node "$REPO_ROOT/tools/bin/donation-receipts.js" "$@"
