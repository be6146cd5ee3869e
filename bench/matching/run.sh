#!/usr/bin/env bash
# Tessera matching benchmarks (Release build). Usage: bench/matching/run.sh [febrl4|febrl3|fake1000|hist50k|names|screening|throughput|all]
#        bench/matching/run.sh field [RECORDS] [SEED] [--csv FILE]   # generated multi-authority records, per-class P/R, clusters
#        bench/matching/run.sh dedupe1m [RECORDS]   # generated dedupe, default 1,000,000 records; prints peak memory
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet build "$root/bench/Tessera.Bench" -c Release -v q -nologo >/dev/null
exec /usr/bin/time -f "wall %e s, peak RSS %M KiB" dotnet "$root/bench/Tessera.Bench/bin/Release/net10.0/Tessera.Bench.dll" match "${1:-all}" "${@:2}"
