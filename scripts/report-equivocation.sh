#!/usr/bin/env bash
# Reports an Aura equivocation (two blocks of one slot sealed by one validator) to a running node,
# with the key-ownership proof the runtime gives; the chain records it for the council.
# Options: scripts/report-equivocation.sh --help. Procedure: docs/OPERATORS.md §8.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_js_packages
exec node "$REPO_ROOT/e2e/bin/report-equivocation.js" "$@"
