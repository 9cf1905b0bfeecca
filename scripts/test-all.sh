#!/usr/bin/env bash
# `npm test`: every test of the project in one command, failing if any part fails.
#   1. system packages (Chromium, PostgreSQL 15 + PostGIS + pgTAP + pgRouting), installed if missing
#   2. the sample area's tiles and analysis data, built if missing or stale
#   3. typecheck (svelte-check) and lint (prettier + eslint), side by side
#   4. unit tests (vitest: analysis, pipeline, app logic)
#   5. the local Supabase stack (PostgreSQL + PostGIS + PostgREST): pgTAP, then vitest integration
#      tests through supabase-js over real HTTP with real JWTs
#      and end-to-end tests of the app in Supabase mode against the stack (playwright.supabase.config.ts)
#   6. end-to-end tests (Playwright in Chromium against a production build)
# Every step runs even when an earlier one failed, so one run shows everything that is wrong.
set -uo pipefail
cd "$(dirname "$0")/.."

results_dir=test-results/summary
rm -rf "$results_dir" && mkdir -p "$results_dir"
passed=0
failed=0
failed_steps=()
started_stack=0

# Each step's heading says how long the run has taken so far, so a slow step shows in CI's log.
t0=$(date +%s)
step() { printf '\n\033[1m== %s\033[0m (at %d s)\n' "$*" "$(($(date +%s) - t0))"; }

# count_from_json FILE: adds the passed/failed test counts of a vitest or Playwright JSON report.
count_from_json() {
	local counts
	counts=$(node -e '
		const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
		if ("numPassedTests" in r) console.log(r.numPassedTests, r.numFailedTests);
		else { const s = r.stats || {}; console.log(s.expected || 0, (s.unexpected || 0) + (s.flaky || 0)); }
	' "$1" 2>/dev/null) || counts="0 1"
	passed=$((passed + ${counts% *}))
	failed=$((failed + ${counts#* }))
}

# run NAME COMMAND...: runs a step, remembers a failure.
run() {
	local name=$1
	shift
	step "$name"
	if "$@"; then return 0; fi
	failed_steps+=("$name")
	return 1
}

cleanup() {
	if [ "$started_stack" = 1 ]; then
		step "stopping the local stack"
		bash scripts/db-stop.sh || true
	fi
}
trap cleanup EXIT

if ! run "system packages" bash scripts/setup-system.sh; then
	echo "Cannot continue without the system packages." >&2
	exit 1
fi
run "sample area (tiles, analysis data, search index)" npx tsx scripts/ensure-area.ts ||
	{ failed=$((failed + 1)); }
# svelte-check, prettier and eslint each keep one core busy: on a 2-core machine they run side by
# side, each into its own log, printed in order once all are done.
step "typecheck (svelte-check) and lint (prettier, eslint), side by side"
names=("typecheck (svelte-check)" "lint: prettier" "lint: eslint")
commands=("npm run -s check" "npx prettier --check ." "npx eslint .")
pids=()
for i in "${!names[@]}"; do
	bash -c "${commands[$i]}" >"$results_dir/static-$i.log" 2>&1 &
	pids+=($!)
done
for i in "${!names[@]}"; do
	if wait "${pids[$i]}"; then status=ok; else status=FAILED; fi
	printf -- '-- %s: %s\n' "${names[$i]}" "$status"
	cat "$results_dir/static-$i.log"
	if [ "$status" = FAILED ]; then
		failed_steps+=("${names[$i]}")
		failed=$((failed + 1))
	fi
done

# `npm run test:unit` runs them on every core (--maxWorkers=100%): vitest's default leaves one to its
# main process, which idles here (2 cores: 113–126 s with one worker against 84–86 s with two).
run "unit tests (vitest)" npm run -s test:unit -- \
	--reporter=default --reporter=json --outputFile.json="$results_dir/unit.json"
count_from_json "$results_dir/unit.json"

step "local stack (PostgreSQL + PostGIS + PostgREST)"
if bash -c '. scripts/lib/stack/common.sh && stack_running' >/dev/null 2>&1; then
	echo "already running; leaving it running afterwards"
else
	started_stack=1
fi
if env_lines=$(bash scripts/db-start.sh); then
	printf '%s\n' "$env_lines"
	while IFS='=' read -r key value; do
		case "$key" in [A-Z_]*) export "$key=$value" ;; esac
	done < <(printf '%s\n' "$env_lines" | grep -E '^[A-Z_][A-Z0-9_]*=')
	if run "database tests (pgTAP)" bash -o pipefail -c "bash scripts/db-test.sh 2>&1 | tee $results_dir/pgtap.log"; then
		tap_counts=$(grep -Eo '^Files=[0-9]+, Tests=[0-9]+' "$results_dir/pgtap.log" 2>/dev/null | tail -1 | sed -E 's/.*Tests=//')
		passed=$((passed + ${tap_counts:-0}))
	else
		failed=$((failed + 1))
	fi
	run "integration tests (supabase-js → PostgREST → PostgreSQL)" npx vitest run --project integration \
		--reporter=default --reporter=json --outputFile.json="$results_dir/integration.json"
	count_from_json "$results_dir/integration.json"
	# The app in Supabase mode (built with the stack's URL and anon key), while the stack is up.
	PLAYWRIGHT_JSON_OUTPUT_NAME="$results_dir/e2e-supabase.json" run \
		"end-to-end tests in Supabase mode (Playwright against the local stack)" \
		npx playwright test -c playwright.supabase.config.ts --reporter=list,json
	count_from_json "$results_dir/e2e-supabase.json"
else
	failed_steps+=("local stack")
	failed=$((failed + 1))
fi

PLAYWRIGHT_JSON_OUTPUT_NAME="$results_dir/e2e.json" run "end-to-end tests (Playwright, Chromium)" \
	npx playwright test --reporter=list,json
count_from_json "$results_dir/e2e.json"

step "summary"
if [ ${#failed_steps[@]} -gt 0 ]; then
	echo "failed steps: ${failed_steps[*]}"
	[ "$failed" -gt 0 ] || failed=${#failed_steps[@]}
fi
echo "tests: $passed passed, $failed failed"
[ ${#failed_steps[@]} -eq 0 ] && [ "$failed" -eq 0 ]
