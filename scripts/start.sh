#!/usr/bin/env bash
# Installs what is missing, builds the node and starts a development chain on a temporary
# database. Ctrl-C stops it. RPC_PORT (default 9944) sets the JSON-RPC port; extra arguments go
# to seoul-node.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_rust
ensure_build_packages
build_node

RPC_PORT="${RPC_PORT:-9944}"
cat <<EOM

  Seoul civic chain, development mode (Alice validates; sudo is Alice)
  RPC:       ws://127.0.0.1:$RPC_PORT   (HTTP: http://127.0.0.1:$RPC_PORT)
  Explorer:  https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$RPC_PORT#/explorer

EOM
exec "$NODE_BIN" --dev --rpc-port "$RPC_PORT" "$@"
