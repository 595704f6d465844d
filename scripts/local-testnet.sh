#!/usr/bin/env bash
# Starts the 4-validator local test network (Alice, Bob, Charlie, Dave) on 127.0.0.1, each with
# its own base path and ports, waits until blocks are finalised, prints the endpoints, and stops
# every node on Ctrl-C or SIGTERM.
#
# Node i (1..4) listens on p2p 30332+i, RPC 9943+i and Prometheus 9614+i; set P2P_PORT, RPC_PORT
# and PROMETHEUS_PORT to move the first of each. BASE_DIR keeps the databases and logs (default:
# a temporary folder, removed on exit). SKIP_BUILD=1 uses the node already built.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
	ensure_rust
	ensure_build_packages
	build_node
fi
command -v curl >/dev/null || ensure_build_packages

P2P_PORT="${P2P_PORT:-30333}"
RPC_PORT="${RPC_PORT:-9944}"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9615}"
KEEP_BASE_DIR=1
if [ -z "${BASE_DIR:-}" ]; then
	BASE_DIR="$(mktemp -d -t seoul-local-testnet.XXXXXX)"
	KEEP_BASE_DIR=0
fi

NAMES=(alice bob charlie dave)
# The well-known node keys of the local network (see runtime genesis_config_presets.rs).
PEER_IDS=(
	12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp
	12D3KooWHdiAxVd8uMQR1hGWXccidmfCwLqcMpGwR6QcTP6QRMuD
	12D3KooWSCufgHzV4fCwRijfH2k3abrpAJxTKxEvN1FDuRXA2U9x
	12D3KooWSsChzF81YDUKpe9Uk5AHV5oqAaXAcWNSPYgoLauUk4st
)
PIDS=()

stop_all() {
	trap - INT TERM EXIT
	if [ "${#PIDS[@]}" -gt 0 ]; then
		log "stopping the network"
		kill "${PIDS[@]}" 2>/dev/null || true
		wait "${PIDS[@]}" 2>/dev/null || true
	fi
	if [ "$KEEP_BASE_DIR" -eq 0 ]; then rm -rf "$BASE_DIR"; fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

bootnodes=()
for i in 0 1 2 3; do
	bootnodes+=(--bootnodes "/ip4/127.0.0.1/tcp/$((P2P_PORT + i))/p2p/${PEER_IDS[$i]}")
done

for i in 0 1 2 3; do
	name="${NAMES[$i]}"
	"$NODE_BIN" --chain local --"$name" \
		--base-path "$BASE_DIR/$name" \
		--node-key "$(printf '%064x' $((i + 1)))" \
		--port "$((P2P_PORT + i))" \
		--rpc-port "$((RPC_PORT + i))" --rpc-cors all \
		--prometheus-port "$((PROMETHEUS_PORT + i))" \
		"${bootnodes[@]}" \
		>"$BASE_DIR/$name.log" 2>&1 &
	PIDS+=("$!")
done

rpc() {
	curl -sf -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$1\",\"params\":[${2:-}]}" \
		"http://127.0.0.1:$RPC_PORT"
}

finalized_number() {
	local head
	head="$(rpc chain_getFinalizedHead | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')"
	[ -n "$head" ] || { echo 0; return; }
	printf '%d' "$(rpc chain_getHeader "\"$head\"" | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p')"
}

log "waiting for finality (logs in $BASE_DIR)"
deadline=$((SECONDS + 180))
until [ "$(finalized_number)" -ge 2 ]; do
	for pid in "${PIDS[@]}"; do
		kill -0 "$pid" 2>/dev/null || { echo "a node exited; see $BASE_DIR/*.log" >&2; exit 1; }
	done
	[ "$SECONDS" -lt "$deadline" ] || { echo "no finality within 180 s; see $BASE_DIR/*.log" >&2; exit 1; }
	sleep 2
done

echo
echo "  Seoul civic chain local testnet: block #$(finalized_number) finalised"
for i in 0 1 2 3; do
	printf '  %-8s ws://127.0.0.1:%d  p2p /ip4/127.0.0.1/tcp/%d/p2p/%s  metrics http://127.0.0.1:%d/metrics\n' \
		"${NAMES[$i]}" "$((RPC_PORT + i))" "$((P2P_PORT + i))" "${PEER_IDS[$i]}" "$((PROMETHEUS_PORT + i))"
done
echo "  Explorer: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$RPC_PORT#/explorer"
echo "  Ctrl-C stops every node."
echo

# Wait until a signal arrives or a node dies.
while true; do
	for pid in "${PIDS[@]}"; do
		kill -0 "$pid" 2>/dev/null || { echo "a node exited; see $BASE_DIR/*.log" >&2; exit 1; }
	done
	sleep 1 &
	wait $! || true
done
