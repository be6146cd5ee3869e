#!/usr/bin/env bash
# The audit bar: 1 M entries written through the real audit writer on a fresh store, verified in-process and with
# `tessera audit verify` (wall time and peak RSS from /usr/bin/time), then single entries tampered with and detected.
#   bench/durability/audit.sh [--postgres] [--entries N]
# --postgres uses a fresh database tessera_audit on the server named by PGHOST/PGPORT (default 127.0.0.1:55432).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
postgres=0
args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --postgres) postgres=1; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

dotnet build "$root/src/Tessera.Cli" -c Release -p:SkipClientApp=true -nologo -v q -clp:ErrorsOnly >&2
dotnet build "$root/bench/Tessera.Bench" -c Release -p:SkipClientApp=true -nologo -v q -clp:ErrorsOnly >&2
cli="$root/src/Tessera.Cli/bin/Release/net10.0/tessera.dll"
bench="$root/bench/Tessera.Bench/bin/Release/net10.0/Tessera.Bench.dll"

work="$(mktemp -d /tmp/tessera-audit.XXXXXX)"
if [[ $postgres == 1 ]]; then
  host="${PGHOST:-127.0.0.1}"; port="${PGPORT:-55432}"
  psql -h "$host" -p "$port" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS tessera_audit" -c "CREATE DATABASE tessera_audit"
  export TESSERA_POSTGRES="Host=$host;Port=$port;Username=postgres;Database=tessera_audit"
  unset TESSERA_DATA
else
  unset TESSERA_POSTGRES
  export TESSERA_DATA="$work/data"
fi

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
dotnet "$bench" audit "${args[@]}"
echo "load average before the command: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "tessera audit verify: %e s wall, %U s user, peak RSS %M KB" dotnet "$cli" audit verify
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ $postgres == 1 ]] || rm -rf "$work"
