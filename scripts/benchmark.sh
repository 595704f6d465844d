#!/usr/bin/env bash
# Builds the node with the runtime-benchmarks feature and measures our pallets' calls, writing
# each pallet's `src/weights.rs`, and the polkadot-sdk code the runtime weighs itself (its
# transaction extensions), writing runtime/src/weights/. Usage: scripts/benchmark.sh
# [pallet-dir-name | frame_system_extensions ...] (default: all). STEPS and REPEAT tune the
# precision.
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

# Weights of polkadot-sdk code the runtime measures itself, written to runtime/src/weights/.
runtime_weights=(frame_system_extensions)

pallets=("$@")
if [ "${#pallets[@]}" -eq 0 ]; then
	for dir in pallets/*/; do pallets+=("$(basename "$dir")"); done
	pallets+=("${runtime_weights[@]}")
fi
for pallet in "${pallets[@]}"; do
	if [[ " ${runtime_weights[*]} " == *" $pallet "* ]]; then
		name="$pallet"
		output=(--output "runtime/src/weights/$pallet.rs")
	else
		name="pallet_${pallet//-/_}"
		output=(--template scripts/weight-template.hbs --output "pallets/$pallet/src/weights.rs")
	fi
	log "benchmarking $name"
	"$NODE_BIN-benchmarks" benchmark pallet \
		--runtime "$RUNTIME_WASM" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet "$name" \
		--extrinsic '*' \
		--steps "${STEPS:-50}" \
		--repeat "${REPEAT:-20}" \
		"${output[@]}"
done
