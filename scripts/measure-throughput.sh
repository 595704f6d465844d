#!/usr/bin/env bash
# Measures the transactions a second the 4-validator local network includes from a flood of
# pre-signed transfers, QR payments or reward batches, with each block's count, end reason and
# execution time, import times, finality lag, memory and disk. Options:
# scripts/measure-throughput.sh --help. Results and method: docs/PERFORMANCE.md, "Throughput on
# the 4-validator network".
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_js_packages
exec node "$REPO_ROOT/e2e/bin/measure-throughput.js" "$@"
