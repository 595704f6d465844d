#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting, clippy (also with the
# runtime-benchmarks and try-runtime features), the pallet and runtime tests with benchmarks and
# try-state, the node's tests, and the end-to-end tests against real nodes (the auditors' indexer
# on PostgreSQL and the citizen wallet in Chromium among them).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

ensure_rust
ensure_build_packages
ensure_nodejs

step() { log "$*"; "$@"; }

step cargo fmt --all --check

# Checks compile the runtime natively; its WASM is built once, with the node, below.
export SKIP_WASM_BUILD=1
step cargo clippy --locked --release --workspace --all-targets -- -D warnings
step cargo clippy --locked --release --workspace --all-targets --features runtime-benchmarks \
	-- -D warnings
# The runtime and every crate it is built from; try-runtime is a runtime feature: the node has
# none (the try-runtime CLI is a separate tool).
runtime_crates=(-p seoul-runtime -p seoul-primitives)
for dir in pallets/*/; do runtime_crates+=(-p "pallet-$(basename "$dir")"); done
step cargo clippy --locked --release "${runtime_crates[@]}" \
	--all-targets --features runtime-benchmarks,try-runtime -- -D warnings
# Pallet and runtime tests, with the benchmark test suites and try-state checks.
step cargo test --locked --release "${runtime_crates[@]}" --features runtime-benchmarks,try-runtime
unset SKIP_WASM_BUILD

build_node
step cargo test --locked --release -p seoul-node
# The runtime one spec_version ahead that e2e/tests/operations.test.js upgrades a live network to.
step cargo build --locked --release -p seoul-runtime-upgrade-rehearsal

log "end-to-end tests (e2e/, node $NODE_BIN)"
cd "$REPO_ROOT"
step npm ci --no-audit --no-fund --loglevel=error
# The auditors' indexer (its own lock file) and the PostgreSQL its test runs.
ensure_nodejs 20
step npm ci --prefix indexer --no-audit --no-fund --loglevel=error
ensure_postgres
# The wallet's tests run it in a real browser.
ensure_chromium
cd "$REPO_ROOT/e2e"
SEOUL_NODE="$NODE_BIN" step npm test
