#!/usr/bin/env bash
# Crash safety: the real `tessera import` killed with SIGKILL at a random moment, 200 times, on a fresh store; after each
# kill the store is reopened and checked (every acknowledged contribution once and whole, none partial, its audit entry
# there, `tessera audit verify` passing, the killed import re-run and then idempotent). Then the restart check: ten more
# imports killed and never re-run, three contributions written without their cross-check, and `tessera serve` started:
# every contribution must be cross-checked within the bound.
#   bench/durability/crash.sh [--postgres] [--iterations N] [--seed N] [--min-rows N] [--max-rows N] [--restart-bound SECONDS]
# --postgres uses a fresh database tessera_crash on the server named by PGHOST/PGPORT (default 127.0.0.1:55432).
set -euo pipefail
source "$(dirname "$0")/fresh-store.sh" crash "$@"

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
dotnet "$bench" crash --cli "$cli" --work "$work" "${args[@]}"
status=$?
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
