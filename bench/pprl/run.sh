#!/usr/bin/env bash
# Linkage without disclosure (Release build). Usage: bench/pprl/run.sh [febrl4|field [RECORDS] [SEED]|dice|attack|all] [--salt none|birthYear]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet build "$root/bench/Tessera.Bench" -c Release -v q -nologo >/dev/null
exec /usr/bin/time -f "wall %e s, peak RSS %M KiB" dotnet "$root/bench/Tessera.Bench/bin/Release/net10.0/Tessera.Bench.dll" pprl "${1:-all}" "${@:2}"
