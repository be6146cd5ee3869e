#!/bin/bash
# Graph benchmark: Tessera vs igraph vs networkx on the same planted-partition graphs, in one run.
# usage: bench/graph/run.sh            (from anywhere; results in bench/out/graph-results.jsonl + a table on stdout)
# Graphs: 10 k nodes / 50 k ties, 100 k / 1 M, 1 M / 5 M (blocks of 100, 80 % of ties inside the block).
# networkx runs are capped per algorithm (NX_TIMEOUT, default 60 s) so that the whole run stays near 15 minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench/out"
mkdir -p "$out"
cd "$out"
NX_TIMEOUT="${NX_TIMEOUT:-60}"
IG_TIMEOUT="${IG_TIMEOUT:-300}"
PY=/usr/bin/python3

# Peers from Debian: python3-igraph and python3-networkx.
if ! dpkg -s python3-igraph python3-networkx python3-numpy time >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-igraph python3-networkx python3-numpy time >/dev/null
fi

dotnet build "$root/bench/Tessera.Bench" -c Release -v q -nologo >/dev/null
dotnet build "$root/src/Tessera.Cli" -c Release -v q -nologo >/dev/null
bench="$root/bench/Tessera.Bench/bin/Release/net10.0/Tessera.Bench"
tessera="$root/src/Tessera.Cli/bin/Release/net10.0/tessera"

for spec in "10000 10" "100000 20" "1000000 10"; do
    set -- $spec
    [ -f "pp_$1.bin" ] || $PY "$root/bench/graph/gen_planted.py" "$1" "$2" "pp_$1.bin"
done

results="$out/graph-results.jsonl"
: > "$results"
note() { echo "{\"note\": \"$1\", \"load1\": \"$(cut -d' ' -f1 /proc/loadavg)\", \"utc\": \"$(date -u +%FT%TZ)\"}" | tee -a "$results"; }

common=components,degree,pagerank,kcore,leiden,louvain
note "start"
# 10 k / 50 k: everything, exact betweenness included.
"$bench" graph pp_10000.bin 10000 $common,betweenness_sampled,betweenness_exact 500 | tee -a "$results"
$PY "$root/bench/graph/peer.py" igraph pp_10000.bin 10000 $common,betweenness_sampled,betweenness_exact 500 "$IG_TIMEOUT" | tee -a "$results"
$PY "$root/bench/graph/peer.py" networkx pp_10000.bin 10000 $common,betweenness_sampled,betweenness_exact 500 "$NX_TIMEOUT" | tee -a "$results"
note "10k done"
# 100 k / 1 M
"$bench" graph pp_100000.bin 100000 $common,betweenness_sampled 500 | tee -a "$results"
$PY "$root/bench/graph/peer.py" igraph pp_100000.bin 100000 $common,betweenness_sampled 500 "$IG_TIMEOUT" | tee -a "$results"
$PY "$root/bench/graph/peer.py" networkx pp_100000.bin 100000 $common,betweenness_sampled 500 "$NX_TIMEOUT" | tee -a "$results"
note "100k done"
# 1 M / 5 M: no betweenness (exact is months, sampled is covered at 100 k); networkx without Louvain (> 10 min).
"$bench" graph pp_1000000.bin 1000000 $common 500 | tee -a "$results"
$PY "$root/bench/graph/peer.py" igraph pp_1000000.bin 1000000 $common 500 "$IG_TIMEOUT" | tee -a "$results"
$PY "$root/bench/graph/peer.py" networkx pp_1000000.bin 1000000 components,degree,pagerank,kcore 500 "$NX_TIMEOUT" | tee -a "$results"
note "1M done"

# Whole process, 10 k / 50 k: `tessera graph metrics` (every column incl. high-value-target scores) vs the igraph
# script computing the same measures from the same CSV files.
[ -f pp_10000-edges.csv ] || $PY "$root/bench/graph/to_csv.py" pp_10000.bin 10000 pp_10000
whole() {
    local tool=$1; shift
    /usr/bin/time -f "%e %M" -o time.txt "$@" >/dev/null
    read -r wall rss < time.txt
    echo "{\"tool\": \"$tool\", \"graph\": \"pp_10000\", \"algo\": \"whole_process_metrics\", \"seconds\": $wall, \"peak_mb\": $((rss / 1024))}" | tee -a "$results"
}
whole tessera "$tessera" graph metrics pp_10000-edges.csv --nodes pp_10000-nodes.csv --out tessera-metrics.csv
whole igraph $PY "$root/bench/graph/igraph_metrics.py" pp_10000-edges.csv pp_10000-nodes.csv igraph-metrics.csv
note "end"
$PY "$root/bench/graph/report.py" "$results"
