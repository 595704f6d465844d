#!/usr/bin/env bash
# Measures every weight the runtime charges, on this machine, and writes them as code:
# - each of our pallets' calls, into pallets/<name>/src/weights.rs;
# - the polkadot-sdk pallets and transaction extensions the runtime uses, into
#   runtime/src/weights/<pallet>.rs;
# - `overhead`: an empty block and a no-op extrinsic, into runtime/src/weights/{block,extrinsic}_weights.rs;
# - `storage`: a ParityDB read and write on the state of a chain holding CITIZENS generated
#   citizens (default 1,000,000), into runtime/src/weights/paritydb_weights.rs.
# Usage: scripts/benchmark.sh [pallet-dir-name | polkadot-sdk pallet | overhead | storage ...]
# (default: all). STEPS and REPEAT tune the pallets' precision. docs/PERFORMANCE.md, "Weights of
# this machine", says how long each takes and how an operator compares a machine with this one.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

ensure_rust
ensure_build_packages
ensure_nodejs
log "cargo build --release -p seoul-node --features runtime-benchmarks"
cargo build --locked --release -p seoul-node --features runtime-benchmarks
# The production build overwrites release/seoul-node and the runtime's WASM; keep the
# benchmarking ones apart.
cp "$NODE_BIN" "$NODE_BIN-benchmarks"
RUNTIME_WASM="$CARGO_TARGET_DIR/release/seoul-runtime-benchmarks.wasm"
cp "$CARGO_TARGET_DIR/release/wbuild/seoul-runtime/seoul_runtime.compact.compressed.wasm" "$RUNTIME_WASM"

# Weights of polkadot-sdk code the runtime measures itself, written to runtime/src/weights/.
# (pallet_preimage keeps upstream's: its benchmarks note preimages with deposits, which this runtime
# disables; pallet_session's need a staking pallet; GRANDPA's `()` weighs its equivocation proofs.)
runtime_weights=(frame_system frame_system_extensions pallet_balances pallet_timestamp pallet_transaction_payment
	pallet_sudo pallet_utility pallet_collective pallet_membership pallet_scheduler pallet_tx_pause
	pallet_safe_mode)

# The cost of an empty block and of a no-op extrinsic (`System::remark`, signed by Alice with every
# extension of the runtime), executed over and over.
overhead() {
	log "benchmarking the block and extrinsic overhead"
	"$NODE_BIN-benchmarks" benchmark overhead \
		--runtime "$RUNTIME_WASM" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--weight-path runtime/src/weights/
	# The command's template is not in the project's format; storage's is ours.
	rustfmt --edition 2021 runtime/src/weights/block_weights.rs runtime/src/weights/extrinsic_weights.rs
}

# A read and a write of ParityDB, on the state of a development chain that also holds CITIZENS
# generated citizens: the size of the state, not its kind, decides the depth of the trie a read
# walks. Reads KEYS_LIMIT random keys of it, with no trie cache, and writes them in commits of
# BATCH_SIZE keys (about what a full block writes), each paying its share of the state root.
storage() {
	local citizens="${CITIZENS:-1000000}" work
	work="$(mktemp -d)"
	trap 'rm -rf "$work"' RETURN
	log "benchmarking ParityDB on a state of $citizens citizens"
	"$NODE_BIN-benchmarks" build-spec --chain dev > "$work/dev.json" 2>/dev/null
	node -e '
		const fs = require("fs");
		const [file, citizens] = process.argv.slice(1);
		const spec = JSON.parse(fs.readFileSync(file));
		spec.genesis.runtimeGenesis.patch.citizens.generatedCitizens = Number(citizens);
		fs.writeFileSync(file, JSON.stringify(spec));
	' "$work/dev.json" "$citizens"
	# ParityDB rebuilds its index in the background once the genesis import has filled it, and
	# reads wait on it meanwhile: a first pass, not kept, lets it settle; the second is measured.
	local pass
	for pass in "$work" runtime/src/weights/; do
		"$NODE_BIN-benchmarks" benchmark storage \
			--chain "$work/dev.json" \
			--base-path "$work/db" \
			--database paritydb \
			--state-version 1 \
			--keys-limit "${KEYS_LIMIT:-200000}" \
			--batch-size "${BATCH_SIZE:-10000}" \
			--random-seed 2609 \
			--template-path scripts/storage-weight-template.hbs \
			--weight-path "$pass"
	done
	rustfmt --edition 2021 runtime/src/weights/paritydb_weights.rs
}

pallets=("$@")
if [ "${#pallets[@]}" -eq 0 ]; then
	for dir in pallets/*/; do pallets+=("$(basename "$dir")"); done
	pallets+=("${runtime_weights[@]}" overhead storage)
fi
for pallet in "${pallets[@]}"; do
	if [ "$pallet" = overhead ] || [ "$pallet" = storage ]; then
		"$pallet"
		continue
	elif [[ " ${runtime_weights[*]} " == *" $pallet "* ]]; then
		name="$pallet"
		output=(--output "runtime/src/weights/$pallet.rs")
	else
		name="pallet_${pallet//-/_}"
		output=(--template scripts/weight-template.hbs --output "pallets/$pallet/src/weights.rs")
	fi
	# frame_system's `remark(b)` ranges up to a block's whole length by default, and its time here
	# is not a straight line over it (a bump around 2 MB): the line charged an empty remark 36 µs
	# for 3 µs of work, which with the extensions' charge came to more than the whole no-op that
	# `overhead` times. `--high` bounds the first component of every frame_system benchmark, and
	# 1,000 is the others' own range (docs/PERFORMANCE.md, "Weights of this machine").
	range=()
	if [ "$pallet" = frame_system ]; then range=(--high 1000); fi
	log "benchmarking $name"
	"$NODE_BIN-benchmarks" benchmark pallet \
		--runtime "$RUNTIME_WASM" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet "$name" \
		--extrinsic '*' \
		--steps "${STEPS:-50}" \
		--repeat "${REPEAT:-20}" \
		"${range[@]}" \
		"${output[@]}"
done
