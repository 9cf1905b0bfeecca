#!/usr/bin/env bash
# Stops exactly what scripts/db-start.sh started (by recorded PID) and removes the throwaway cluster.
# Safe to run when nothing runs.
set -euo pipefail
# shellcheck source=lib/stack/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack/common.sh"

take_stack_lock

if [ ! -d "$STACK" ]; then
	log "no local stack (nothing in .local/stack)"
	exit 0
fi

# stop_pid NAME EXPECTED: TERM the recorded PID if it is still the process we started, wait for it.
stop_pid() {
	local pid
	if pid_alive "$1" "$2"; then
		pid="$(cat "$STACK/$1.pid")"
		log "stopping $1 (pid $pid)"
		kill -TERM "$pid" 2>/dev/null || true
		for _ in $(seq 1 100); do
			[ -d "/proc/$pid" ] || break
			sleep 0.1
		done
		if [ -d "/proc/$pid" ]; then
			log "$1 ignored TERM for 10 s: killing pid $pid"
			kill -KILL "$pid" 2>/dev/null || true
		fi
	fi
	rm -f "$STACK/$1.pid"
}

stop_pid proxy proxy.ts
stop_pid postgrest postgrest

pgdata="$(cat "$STACK/pgdata.path" 2>/dev/null || true)"
if [ -n "$pgdata" ] && [ -f "$pgdata/postmaster.pid" ] && pid_alive postgres postgres; then
	log "stopping PostgreSQL (pid $(cat "$STACK/postgres.pid"))"
	as_owner "$PG_BIN/pg_ctl" -D "$pgdata" -m fast -w -t 60 stop >/dev/null
fi
rm -f "$STACK/postgres.pid"

socket_dir="$(cat "$STACK/socket.path" 2>/dev/null || true)"
case "$socket_dir" in /tmp/buurtkaart-pg-*) rm -rf "$socket_dir" ;; esac
case "$pgdata" in "$STACK/pgdata" | /tmp/buurtkaart-pgdata.*) rm -rf "$pgdata" ;; esac
rm -rf "$STACK"
log "stopped; removed the throwaway cluster"
