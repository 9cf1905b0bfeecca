#!/usr/bin/env bash
# Installs the Debian packages the tests need: Chromium (Playwright) with Mesa's EGL and software
# GL driver (llvmpipe: the e2e tests' WebGL, playwright.config.ts), PostgreSQL 15 + PostGIS 3 +
# pgTAP + pg_prove (database tests), pgRouting (independent cross-check of network distances),
# pg_cron (the daily retention job, as on Supabase).
# With --bench, also g++ (only for `npm run bench -- analysis`, which compiles its C++ reference
# Dijkstra; no test needs it, and the bench skips that comparison without it).
# Idempotent: does nothing when everything is there already.
set -euo pipefail

PKGS=(chromium libegl-mesa0 libgl1-mesa-dri postgresql-15 postgresql-15-postgis-3 postgresql-15-pgtap postgresql-15-pgrouting postgresql-15-cron
  libtap-parser-sourcehandler-pgtap-perl)
for arg in "$@"; do
  case "$arg" in
    --bench) PKGS+=(g++) ;;
    *) echo "setup-system: unknown option $arg (known: --bench)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-system: all system packages present (${PKGS[*]})"
  exit 0
fi

echo "setup-system: missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=sudo
  else
    echo "setup-system: installing them needs root. Run this once, then try again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup-system: installed ${missing[*]}"
