#!/usr/bin/env bash
# Exits 0 when the local stack (npm run db:start) runs and answers at /rest/v1, 1 otherwise.
# For scripts that must stop the stack afterwards only if they started it.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
stack_running
