#!/usr/bin/env bash
# Crash safety: the real `tessera import` killed with SIGKILL at a random moment, 200 times, on a fresh store; after each
# kill the store is reopened and checked (every acknowledged contribution once and whole, none partial, its audit entry
# there, `tessera audit verify` passing, the killed import re-run and then idempotent).
#   bench/durability/crash.sh [--postgres] [--iterations N] [--seed N] [--min-rows N] [--max-rows N]
# --postgres uses a fresh database tessera_crash on the server named by PGHOST/PGPORT (default 127.0.0.1:55432).
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

work="$(mktemp -d /tmp/tessera-crash.XXXXXX)"
if [[ $postgres == 1 ]]; then
  host="${PGHOST:-127.0.0.1}"; port="${PGPORT:-55432}"
  psql -h "$host" -p "$port" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS tessera_crash" -c "CREATE DATABASE tessera_crash"
  export TESSERA_POSTGRES="Host=$host;Port=$port;Username=postgres;Database=tessera_crash"
  unset TESSERA_DATA
else
  unset TESSERA_POSTGRES
  export TESSERA_DATA="$work/data"
fi

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
dotnet "$bench" crash --cli "$cli" --work "$work" "${args[@]}"
status=$?
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
