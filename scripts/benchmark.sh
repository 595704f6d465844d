#!/usr/bin/env bash
# Builds the node with the runtime-benchmarks feature and measures our pallets' calls, writing
# each pallet's `src/weights.rs`. Usage: scripts/benchmark.sh [pallet-dir-name ...]
# (default: every pallet under pallets/). STEPS and REPEAT tune the precision.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

ensure_rust
ensure_build_packages
log "cargo build --release -p seoul-node --features runtime-benchmarks"
cargo build --locked --release -p seoul-node --features runtime-benchmarks
# The production build overwrites release/seoul-node and the runtime's WASM; keep the
# benchmarking ones apart.
cp "$NODE_BIN" "$NODE_BIN-benchmarks"
RUNTIME_WASM="$CARGO_TARGET_DIR/release/seoul-runtime-benchmarks.wasm"
cp "$CARGO_TARGET_DIR/release/wbuild/seoul-runtime/seoul_runtime.compact.compressed.wasm" "$RUNTIME_WASM"

pallets=("$@")
if [ "${#pallets[@]}" -eq 0 ]; then
	for dir in pallets/*/; do pallets+=("$(basename "$dir")"); done
fi
for pallet in "${pallets[@]}"; do
	log "benchmarking pallet_${pallet//-/_}"
	"$NODE_BIN-benchmarks" benchmark pallet \
		--runtime "$RUNTIME_WASM" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet "pallet_${pallet//-/_}" \
		--extrinsic '*' \
		--steps "${STEPS:-50}" \
		--repeat "${REPEAT:-20}" \
		--template scripts/weight-template.hbs \
		--output "pallets/$pallet/src/weights.rs"
done
