#!/usr/bin/env bash
# Measures the inclusion delay of an honest member's transfer while members flood a development
# node with the heaviest transactions they may sign. Options: scripts/measure-flood.sh --help.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_js_packages
exec node "$REPO_ROOT/e2e/bin/measure-flood.js" "$@"
