#!/usr/bin/env bash
# A PostgreSQL server of its own for the indexer, on 127.0.0.1 only, from Debian's packages
# (installed if missing). Its data and socket live in DIR, so it needs no system cluster and
# leaves nothing behind once DIR is removed.
#
#   scripts/postgres.sh start DIR PORT    initialises DIR/data if new, starts, creates btree_gist
#   scripts/postgres.sh stop DIR          stops the server (its data stay in DIR)
#
# Every local connection is trusted: the server listens on the loopback address only. As root,
# the server runs as the `postgres` user (PostgreSQL refuses to run as root).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() { echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2; }

as_postgres() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

[ "$#" -ge 2 ] || usage
command="$1"
dir="$(realpath -m "$2")"
ensure_postgres
bin="$(postgres_bin)"

case "$command" in
start)
	[ "$#" -eq 3 ] || usage
	port="$3"
	[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] \
		|| { echo "$0: PORT must be a port number, not $port" >&2; exit 2; }
	mkdir -p "$dir"
	[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
	if [ ! -d "$dir/data" ]; then
		as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
			--locale=C.UTF-8 >"$dir/initdb.log"
	fi
	as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
		"-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=60" \
		>/dev/null || { tail -n 20 "$dir/server.log" >&2; exit 1; }
	# SubQuery's historical mode refuses to start without it; created once, so either mode runs.
	as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
		-c 'CREATE EXTENSION IF NOT EXISTS btree_gist'
	;;
stop)
	[ "$#" -eq 2 ] || usage
	[ -f "$dir/data/postmaster.pid" ] || exit 0
	as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
	;;
*) usage ;;
esac
