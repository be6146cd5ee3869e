#!/usr/bin/env bash
# Money benchmark: labelled transaction sets (seed 1 fixed the detector settings; seeds 2 and 3 are held out), the
# `tessera money patterns` contract scored per pattern, the load rate and tracing over 10 M transactions.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${MONEY_OUT:-/tmp/tessera-money}"
bench() { dotnet "$root/bench/Tessera.Bench/bin/Release/net10.0/Tessera.Bench.dll" money "$@"; }
dotnet build "$root/bench/Tessera.Bench" -c Release -nologo -clp:ErrorsOnly
dotnet build "$root/src/Tessera.Cli" -c Release -nologo -clp:ErrorsOnly -p:SkipClientApp=true
uptime
for seed in ${SEEDS:-1 2 3}; do
  bench gen --seed "$seed" --out "$out/s$seed"
  /usr/bin/time -f "patterns: %e s wall, %M KB" dotnet "$root/src/Tessera.Cli/bin/Release/net10.0/tessera.dll" \
    money patterns "$out/s$seed/transactions.csv" --out "$out/s$seed/found.csv"
  bench score --truth "$out/s$seed/truth.csv" --found "$out/s$seed/found.csv"
done
bench load --file "$out/s2/transactions.csv"
bench trace
uptime
