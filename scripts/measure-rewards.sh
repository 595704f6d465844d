#!/usr/bin/env bash
# Measures how many S-coin rewards per second of block execution the batch path reaches on this
# machine: fills blocks of a development chain with reward batches, then re-executes them with
# `seoul-node benchmark block`. Options: scripts/measure-rewards.sh --help. Results and method:
# docs/PERFORMANCE.md.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_js_packages
exec node "$REPO_ROOT/e2e/bin/measure-rewards.js" "$@"
