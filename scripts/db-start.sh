#!/usr/bin/env bash
# Starts the local Supabase-like stack: a throwaway PostgreSQL 15 cluster (PostGIS, pgTAP, pgRouting,
# Supabase roles and auth schema, supabase/migrations, supabase/seed.sql) with PostgREST 12 in front,
# served at $SUPABASE_URL/rest/v1 like a Supabase project. Everything listens on 127.0.0.1 only.
# Idempotent: when the stack already runs, it applies migrations that are new since and prints the
# settings again. Prints KEY=value lines on stdout (also written to .local/stack/env); progress on stderr.
# Ports can be overridden: BUURTKAART_DB_PORT, BUURTKAART_API_PORT, BUURTKAART_REST_PORT, BUURTKAART_REST_ADMIN_PORT.
set -euo pipefail
# shellcheck source=lib/stack/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack/common.sh"
cd "$ROOT"
take_stack_lock
started_at=$(date +%s%N)

# --- system requirements -------------------------------------------------------------------------
ext_dir="$("$PG_BIN/pg_config" --sharedir 2>/dev/null || true)/extension"
if [ ! -x "$PG_BIN/initdb" ] || [ ! -f "$ext_dir/postgis.control" ] || [ ! -f "$ext_dir/pgtap.control" ] ||
	[ ! -f "$ext_dir/pgrouting.control" ] || ! command -v pg_prove >/dev/null; then
	log "PostgreSQL 15 / PostGIS / pgTAP / pgRouting / pg_prove missing: running scripts/setup-system.sh"
	bash "$ROOT/scripts/setup-system.sh"
fi
[ -x "$PGRST_BIN" ] || die "PostgREST binary missing at $PGRST_BIN: run npm ci"
command -v curl >/dev/null || die "curl is required"

# migrate: applies every supabase/migrations/*.sql not yet in supabase_migrations.schema_migrations,
# each in one transaction together with its history row (as the Supabase CLI records it).
migrate() {
	local applied file base version name count=0
	applied="$(stack_psql -At -c 'select version from supabase_migrations.schema_migrations')"
	for file in "$ROOT"/supabase/migrations/*.sql; do
		[ -e "$file" ] || continue
		base="$(basename "$file" .sql)"
		version="${base%%_*}"
		name="${base#*_}"
		[[ "$version" =~ ^[0-9]{14}$ ]] || die "migration $base: name must be <14-digit UTC timestamp>_<name>.sql"
		if grep -qx "$version" <<<"$applied"; then continue; fi
		log "applying migration $base"
		stack_psql -1 -f "$file" \
			-c "insert into supabase_migrations.schema_migrations (version, name) values ('$version', '$name')" \
			>/dev/null
		count=$((count + 1))
	done
	echo "$count"
}

print_env() {
	cat "$STACK/env"
	log "ready in $(((($(date +%s%N) - started_at)) / 1000000)) ms (settings also in .local/stack/env)"
}

if stack_running; then
	log "stack already running"
	applied_now="$(migrate)"
	if [ "$applied_now" != 0 ]; then
		stack_psql -c "notify pgrst, 'reload schema'"
	fi
	print_env
	exit 0
fi

# Anything left over from a stack that half runs or crashed: stop it and start clean.
if [ -d "$STACK" ]; then
	log "found an incomplete stack in .local/stack: stopping it first"
	bash "$ROOT/scripts/db-stop.sh"
fi

# ports must be free
for p in "$DB_PORT" "$REST_PORT" "$REST_ADMIN_PORT" "$API_PORT"; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
		die "port $p on 127.0.0.1 is in use; pick others with BUURTKAART_DB_PORT / _API_PORT / _REST_PORT / _REST_ADMIN_PORT"
	fi
done

mkdir -p "$STACK"
chmod 755 "$STACK"
node --import tsx "$ROOT/scripts/lib/stack/keys.ts" >"$STACK/secrets"
chmod 600 "$STACK/secrets"
echo "DB_PORT=$DB_PORT" >>"$STACK/secrets"
echo "API_PORT=$API_PORT" >>"$STACK/secrets"

# --- PostgreSQL ------------------------------------------------------------------------------------
pgdata="$STACK/pgdata"
socket_dir="$(mktemp -d "/tmp/buurtkaart-pg-$DB_PORT.XXXXXX")"
echo "$socket_dir" >"$STACK/socket.path"
if [ "$(id -u)" -eq 0 ]; then
	# The cluster runs as `postgres`, which must be able to reach it; a repository under /root is not
	# reachable, so fall back to a private directory in /tmp.
	if ! runuser -u postgres -- test -x "$STACK"; then
		pgdata="$(mktemp -d /tmp/buurtkaart-pgdata.XXXXXX)"
		log "postgres cannot reach $STACK: cluster goes to $pgdata"
	fi
	chown postgres:postgres "$socket_dir"
fi
echo "$pgdata" >"$STACK/pgdata.path"
mkdir -p "$pgdata"
chmod 700 "$pgdata" "$socket_dir"
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$pgdata"; fi

pwfile="$socket_dir/pw"
stack_get PG_SUPERUSER_PASSWORD >"$pwfile"
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$pwfile"; fi
log "initdb (PostgreSQL 15) in $pgdata"
as_owner "$PG_BIN/initdb" -D "$pgdata" -U postgres --pwfile="$pwfile" --auth-local=scram-sha-256 \
	--auth-host=scram-sha-256 -E UTF8 --no-locale --no-sync >"$STACK/initdb.log" 2>&1 ||
	{ cat "$STACK/initdb.log" >&2; die "initdb failed"; }
rm -f "$pwfile"
cat >>"$pgdata/postgresql.conf" <<CONF
# buurtkaart local stack (throwaway: durability off for speed)
listen_addresses = '127.0.0.1'
port = $DB_PORT
unix_socket_directories = '$socket_dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 60
shared_buffers = 64MB
CONF
# pg_cron, as a Supabase project has it (the retention job of supabase/migrations), when installed
if [ -f "$("$PG_BIN/pg_config" --pkglibdir)/pg_cron.so" ]; then
	cat >>"$pgdata/postgresql.conf" <<CONF
shared_preload_libraries = 'pg_cron'
cron.database_name = 'postgres'
cron.use_background_workers = on
max_worker_processes = 16
CONF
fi
log "starting PostgreSQL on 127.0.0.1:$DB_PORT"
# 9>&-: the daemons must not inherit the stack lock
as_owner "$PG_BIN/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 start >/dev/null 9>&- ||
	{ cat "$pgdata/server.log" >&2; die "PostgreSQL did not start"; }
head -n 1 "$pgdata/postmaster.pid" >"$STACK/postgres.pid"

log "creating Supabase roles, extensions and auth schema"
stack_psql -v authenticator_password="$(stack_get PG_AUTHENTICATOR_PASSWORD)" \
	-f "$ROOT/scripts/lib/stack/supabase-base.sql" >/dev/null
migrate >/dev/null
if [ -f "$ROOT/supabase/seed.sql" ]; then
	log "loading supabase/seed.sql"
	stack_psql -1 -f "$ROOT/supabase/seed.sql" >/dev/null
fi

# --- PostgREST and the /rest/v1 proxy -------------------------------------------------------------
cat >"$STACK/postgrest.conf" <<CONF
db-uri = "postgres://authenticator:$(stack_get PG_AUTHENTICATOR_PASSWORD)@127.0.0.1:$DB_PORT/postgres"
db-schemas = "public"
db-anon-role = "anon"
db-extra-search-path = "public, extensions"
db-max-rows = 1000
db-pool = 10
jwt-secret = "$(stack_get SUPABASE_JWT_SECRET)"
server-host = "127.0.0.1"
server-port = $REST_PORT
admin-server-port = $REST_ADMIN_PORT
log-level = "error"
CONF
chmod 600 "$STACK/postgrest.conf"
log "starting PostgREST 12 on 127.0.0.1:$REST_PORT"
setsid "$PGRST_BIN" "$STACK/postgrest.conf" </dev/null >"$STACK/postgrest.log" 2>&1 9>&- &
echo $! >"$STACK/postgrest.pid"
log "starting the /rest/v1 proxy on 127.0.0.1:$API_PORT"
API_PORT="$API_PORT" UPSTREAM_PORT="$REST_PORT" \
	setsid node --import tsx "$ROOT/scripts/lib/stack/proxy.ts" </dev/null >"$STACK/proxy.log" 2>&1 9>&- &
echo $! >"$STACK/proxy.pid"

# wait (polling) until PostgREST has loaded the schema cache and the proxy answers
deadline=$(($(date +%s) + 60))
until curl -fsS -o /dev/null "http://127.0.0.1:$REST_ADMIN_PORT/ready" 2>/dev/null &&
	curl -fsS -o /dev/null "http://127.0.0.1:$API_PORT/rest/v1/" 2>/dev/null; do
	pid_alive postgrest postgrest || { cat "$STACK/postgrest.log" >&2; die "PostgREST exited"; }
	pid_alive proxy proxy.ts || { cat "$STACK/proxy.log" >&2; die "the /rest/v1 proxy exited"; }
	[ "$(date +%s)" -lt "$deadline" ] || die "PostgREST not ready after 60 s (see .local/stack/postgrest.log)"
	sleep 0.1
done

cat >"$STACK/env" <<ENV
DATABASE_URL=postgresql://postgres:$(stack_get PG_SUPERUSER_PASSWORD)@127.0.0.1:$DB_PORT/postgres
SUPABASE_URL=http://127.0.0.1:$API_PORT
SUPABASE_ANON_KEY=$(stack_get SUPABASE_ANON_KEY)
SUPABASE_SERVICE_ROLE_KEY=$(stack_get SUPABASE_SERVICE_ROLE_KEY)
SUPABASE_JWT_SECRET=$(stack_get SUPABASE_JWT_SECRET)
ENV
print_env
