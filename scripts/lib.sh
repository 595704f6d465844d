# Shared by the scripts: installs what a fresh Debian machine with rustup lacks, and locates the
# build. Source it; do not run it.

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Builds live outside the work tree, so that every checkout (and CI) reuses them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/seoul-chain/target}"
NODE_BIN="$CARGO_TARGET_DIR/release/seoul-node"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
	if [ "$apt_updated" -eq 0 ]; then
		log "apt-get update"
		as_root apt-get update -qq
		apt_updated=1
	fi
	log "apt-get install $*"
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The Rust targets and components the runtime's WASM build and the checks need, for the
# toolchain rust-toolchain.toml selects.
ensure_rust() {
	command -v rustup >/dev/null || { echo "rustup is required: https://rustup.rs" >&2; exit 1; }
	(cd "$REPO_ROOT" && install_rust_parts)
}

install_rust_parts() {
	local installed
	installed="$(rustup target list --installed)"
	for target in wasm32v1-none wasm32-unknown-unknown; do
		grep -qx "$target" <<<"$installed" || rustup target add "$target"
	done
	installed="$(rustup component list --installed)"
	for component in rust-src rustfmt clippy; do
		grep -q "^$component" <<<"$installed" || rustup component add "$component"
	done
}

# Debian packages the build needs: protoc for the networking crates, a C toolchain and perl for
# the vendored OpenSSL of the WebRTC transport.
ensure_build_packages() {
	local missing=()
	command -v protoc >/dev/null || missing+=(protobuf-compiler)
	command -v cc >/dev/null || missing+=(build-essential)
	command -v make >/dev/null || missing+=(make)
	command -v perl >/dev/null || missing+=(perl)
	command -v git >/dev/null || missing+=(git)
	command -v curl >/dev/null || missing+=(curl)
	if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
}

# Node.js and npm: 18 or later for the end-to-end tests (its test runner), or the major version
# given (the indexer's SubQuery needs 20). Debian 12's own package is 18.
ensure_nodejs() {
	local needed="${1:-18}"
	if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
		apt_install nodejs npm
	fi
	local major
	major="$(node -p 'process.versions.node.split(".")[0]')"
	if [ "$major" -lt "$needed" ]; then
		echo "Node.js $needed or later is needed; found $(node --version) (https://nodejs.org, or NodeSource's Debian packages)" >&2
		exit 1
	fi
}

# The JavaScript packages of the tools and the end-to-end tests (one npm workspace each, one lock
# file at the root), installed from the lock file when a package they need is missing.
ensure_js_packages() {
	ensure_nodejs
	if [ ! -d "$REPO_ROOT/node_modules/@polkadot/api" ] || [ ! -d "$REPO_ROOT/node_modules/qrcode" ] \
		|| [ ! -e "$REPO_ROOT/node_modules/seoul-chain-tools" ] || [ ! -x "$REPO_ROOT/node_modules/.bin/vite" ]; then
		(cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error) >&2
	fi
}

# PostgreSQL 15 (Debian's packages) for the auditors' indexer, without the system cluster the
# package would otherwise create and start on port 5432: scripts/postgres.sh runs its own.
ensure_postgres() {
	[ -x "$(postgres_bin)/initdb" ] && return
	as_root mkdir -p /etc/postgresql-common/createcluster.d
	echo 'create_main_cluster = false' | as_root tee /etc/postgresql-common/createcluster.d/seoul.conf >/dev/null
	apt_install postgresql-15
}

# Debian's Chromium for the wallet's browser tests, and Korean fonts so that its screenshots show
# Hangul.
ensure_chromium() {
	local missing=()
	command -v chromium >/dev/null || missing+=(chromium)
	[ -d /usr/share/fonts/truetype/nanum ] || missing+=(fonts-nanum)
	if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
}

# Where PostgreSQL 15's programs are.
postgres_bin() { echo /usr/lib/postgresql/15/bin; }

# The auditors' indexer's packages (SubQuery), from indexer/'s own lock file.
ensure_indexer_packages() {
	ensure_nodejs 20
	[ -x "$REPO_ROOT/indexer/node_modules/.bin/subql-node" ] \
		|| (cd "$REPO_ROOT/indexer" && npm ci --no-audit --no-fund --loglevel=error) >&2
}

build_node() {
	log "cargo build --release -p seoul-node (target: $CARGO_TARGET_DIR)"
	(cd "$REPO_ROOT" && cargo build --release --locked -p seoul-node)
}
