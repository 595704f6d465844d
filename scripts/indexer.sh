#!/usr/bin/env bash
# The auditors' indexer in one command: PostgreSQL, the indexer and its GraphQL service, and, unless
# --ws names a node to read, a development chain kept for it. Installs what is missing (Node.js,
# SubQuery from indexer/'s lock file, Debian's PostgreSQL 15; the node's build if it starts one).
# Ctrl-C stops everything; the data stay in --data, so the next start resumes where it stopped.
#
#   scripts/indexer.sh [--ws URL] [--data DIR] [--graphql-port N] [--db-port N] [--fresh]
#
#   --ws URL          a node that keeps every block's state (an archive node, or one run with
#                     --state-pruning archive-canonical); default: start `seoul-node --dev` on
#                     RPC_PORT (default 9944), its database in DIR/node
#   --data DIR        where the database (and the dev node's chain) live; default
#                     ~/.local/share/seoul-chain/indexer
#   --graphql-port N  GraphQL at http://127.0.0.1:N/ (default 3000)
#   --db-port N       PostgreSQL's port on 127.0.0.1 (default 5433, beside a system server's 5432)
#   --fresh           delete DIR first: index again from block 1 (a new chain needs it)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ws=""
data="$HOME/.local/share/seoul-chain/indexer"
graphql_port=3000
db_port=5433
fresh=0
usage() { sed -n '7p' "$0" | sed 's/^#   /usage: /' >&2; exit 2; }
while [ "$#" -gt 0 ]; do
	case "$1" in
	--ws) [ "$#" -ge 2 ] || usage; ws="$2"; shift 2 ;;
	--data) [ "$#" -ge 2 ] || usage; data="$2"; shift 2 ;;
	--graphql-port) [ "$#" -ge 2 ] || usage; graphql_port="$2"; shift 2 ;;
	--db-port) [ "$#" -ge 2 ] || usage; db_port="$2"; shift 2 ;;
	--fresh) fresh=1; shift ;;
	-h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "$0: unknown option $1" >&2; usage ;;
	esac
done

ensure_indexer_packages
ensure_postgres
[ "$fresh" -eq 1 ] && rm -rf "$data"
mkdir -p "$data"

pids=()
cleanup() {
	# The indexer first, then the node it reads.
	for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
		kill "${pids[i]}" 2>/dev/null || true
		wait "${pids[i]}" 2>/dev/null || true
	done
	"$REPO_ROOT/scripts/postgres.sh" stop "$data/postgres" || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "$ws" ]; then
	[ -x "$NODE_BIN" ] || { ensure_rust; ensure_build_packages; build_node; }
	RPC_PORT="${RPC_PORT:-9944}"
	ws="ws://127.0.0.1:$RPC_PORT"
	log "seoul-node --dev (chain kept in $data/node, RPC $ws)"
	"$NODE_BIN" --dev --base-path "$data/node" --state-pruning archive-canonical \
		--rpc-port "$RPC_PORT" 2>"$data/node.log" &
	pids+=("$!")
	for _ in $(seq 60); do
		curl -sf -H 'Content-Type: application/json' \
			-d '{"id":1,"jsonrpc":"2.0","method":"system_health","params":[]}' \
			"http://127.0.0.1:$RPC_PORT" >/dev/null && break
		kill -0 "${pids[0]}" 2>/dev/null || { tail -n 20 "$data/node.log" >&2; exit 1; }
		sleep 1
	done
fi

log "PostgreSQL on 127.0.0.1:$db_port (data in $data/postgres)"
"$REPO_ROOT/scripts/postgres.sh" start "$data/postgres" "$db_port"

cat <<EOM

  Seoul civic chain, auditors' indexer (finalised blocks of $ws)
  GraphQL:  http://127.0.0.1:$graphql_port/   (POST a query; docs/AUDITORS.md shows them)
  Status:   { _metadata { lastProcessedHeight targetHeight } }

EOM
node "$REPO_ROOT/indexer/bin/serve.js" --ws "$ws" --db-port "$db_port" \
	--graphql-port "$graphql_port" --admin-port "$((graphql_port + 100))" &
pids+=("$!")
wait "${pids[-1]}"
