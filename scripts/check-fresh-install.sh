#!/usr/bin/env bash
# A newcomer's first command on a fresh clone (issue 11, point 7): `npm install` must leave the
# clone clean (package-lock.json not rewritten) and print no EBADENGINE warning on the Node the
# README states. Clones the current commit into a temporary folder, runs `npm install` there
# (needs the npm registry), and fails naming what went wrong. Not part of `npm test` (network).
#
#   bash scripts/check-fresh-install.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone --quiet "$repo" "$work/clone"
cd "$work/clone"
echo "node $(node --version), npm $(npm --version); commit $(git rev-parse --short HEAD)"
log="$work/npm-install.log"
if ! npm install --no-audit --no-fund >"$log" 2>&1; then
	tail -30 "$log"
	echo "FAIL: npm install exited with an error" >&2
	exit 1
fi
failed=0
engines="$(grep -c 'EBADENGINE' "$log" || true)"
if [ "$engines" -gt 0 ]; then
	grep -A3 'EBADENGINE Unsupported' "$log" | grep -E "package:|required:" >&2 || true
	echo "FAIL: $engines EBADENGINE warning line(s)" >&2
	failed=1
fi
dirty="$(git status --porcelain)"
if [ -n "$dirty" ]; then
	echo "$dirty" >&2
	git diff --stat >&2
	echo "FAIL: npm install changed the clone" >&2
	failed=1
fi
[ "$failed" -eq 0 ] && echo "OK: npm install on a fresh clone is clean, with no EBADENGINE warning"
exit "$failed"
