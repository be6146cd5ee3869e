#!/usr/bin/env bash
# The audit bar: 1 M entries written through the real audit writer on a fresh store, verified in-process and with
# `tessera audit verify` (wall time and peak RSS from /usr/bin/time), then single entries tampered with and detected.
#   bench/durability/audit.sh [--postgres] [--entries N]
# --postgres uses a fresh database tessera_audit on the server named by PGHOST/PGPORT (default 127.0.0.1:55432).
set -euo pipefail
source "$(dirname "$0")/fresh-store.sh" audit "$@"

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
dotnet "$bench" audit "${args[@]}"
echo "load average before the command: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "tessera audit verify: %e s wall, %U s user, peak RSS %M KB" dotnet "$cli" audit verify
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ $postgres == 1 ]] || rm -rf "$work"
