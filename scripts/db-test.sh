#!/usr/bin/env bash
# Runs the pgTAP tests (supabase/tests/database/*.test.sql, in file order) with pg_prove against
# the local stack, as `supabase test db` does. Starts the stack when it does not run, and then
# stops it again at the end; a stack that already ran is left running.
set -euo pipefail
# shellcheck source=lib/stack/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/stack/common.sh"
cd "$ROOT"

if stack_running; then
	bash "$ROOT/scripts/db-start.sh" >/dev/null # applies migrations added since it started
else
	trap 'bash "$ROOT/scripts/db-stop.sh"' EXIT
	bash "$ROOT/scripts/db-start.sh" >/dev/null
fi

shopt -s nullglob
tests=("$ROOT"/supabase/tests/database/*.test.sql)
[ ${#tests[@]} -gt 0 ] || die "no tests in supabase/tests/database"
PGOPTIONS="-c client_min_messages=warning" PGPASSWORD="$(stack_get PG_SUPERUSER_PASSWORD)" \
	pg_prove --host 127.0.0.1 --port "$(stack_get DB_PORT)" --username postgres --dbname postgres \
	--psql-bin "$PG_BIN/psql" --failures "${tests[@]}"
