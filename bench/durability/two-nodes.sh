#!/usr/bin/env bash
# Two nodes, one PostgreSQL, kill -9: two `tessera serve` processes on a fresh database take imports through the API, one
# node or the other is killed with SIGKILL at a random moment of an import (and restarted), and at the end every contribution
# must be stored once, cross-checked once, and each pair of contributions of different organisations must have exactly one
# hit between their shared records (every file holds the same person with the same phone), with the same hits seen from both
# nodes and the audit chain intact.
#   bench/durability/two-nodes.sh [--iterations N] [--seed N] [--restart-bound SECONDS]
# Uses a fresh database tessera_twonodes on the server named by PGHOST/PGPORT (default 127.0.0.1:55432).
set -euo pipefail
source "$(dirname "$0")/fresh-store.sh" twonodes --postgres "$@"
iterations=40; seed=1; bound=120
set -- "${args[@]+"${args[@]}"}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --iterations) iterations="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --restart-bound) bound="$2"; shift 2 ;;
    *) echo "two-nodes.sh: unknown argument $1" >&2; exit 1 ;;
  esac
done
RANDOM=$seed
psql_q() { psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-55432}" -U postgres -d tessera_twonodes -tAc "$1"; }
tessera() { dotnet "$cli" "$@"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
start=$(date +%s)

orgs=(IT GR MT)
declare -A token
for org in "${orgs[@]}"; do
  tessera orgs add "$org" --name "$org" --country "$org" 2>/dev/null
  tessera users add "${org,,}.analyst" --org "$org" --roles analyst --password "two-nodes-bench-$org" >/dev/null 2>&1
  token[$org]=$(tessera users token "${org,,}.analyst" --label bench 2>/dev/null | tail -n 1)
done

declare -a port pid
start_node() { # node index
  local n=$1
  dotnet "$cli" serve --urls "http://127.0.0.1:${port[$n]}" --rate-limit 0 --token-rate-limit 0 >>"$work/node$n.log" 2>&1 &
  pid[$n]=$!
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:${port[$n]}/health" >/dev/null && return 0; sleep 0.5; done
  echo "node $n did not start" >&2; tail -n 20 "$work/node$n.log" >&2; exit 1
}
port[0]=$(free_port); port[1]=$(free_port)
start_node 0; start_node 1

acknowledged=0; kills=0; killed_importer=0; killed_other=0
for i in $(seq 1 "$iterations"); do
  org=${orgs[$((i % 3))]}
  file="$work/two-$i.ftm.json"
  {
    printf '{"id":"s-%d","schema":"Person","properties":{"name":["Abdelrahman Khalil Mansour"],"birthDate":["1985-07-14"],"phone":["+39 333 000 0001"]}}\n' "$i"
    for r in $(seq 1 $((20 + RANDOM % 60))); do
      printf '{"id":"p-%d-%d","schema":"Person","properties":{"name":["Person %d %d %d"],"birthDate":["19%02d-0%d-1%d"]}}\n' "$i" "$r" "$RANDOM" "$i" "$r" $((50 + RANDOM % 50)) $((1 + RANDOM % 9)) $((RANDOM % 9))
    done
  } > "$file"
  node=$((RANDOM % 2))
  curl -s -o "$work/answer-$i.json" -w '%{http_code}' -H "Authorization: Bearer ${token[$org]}" -H "X-Tessera-Purpose: bench" \
    -F "file=@$file;type=application/json" -F handling=H0 "http://127.0.0.1:${port[$node]}/api/v1/imports/" >"$work/status-$i" 2>/dev/null &
  client=$!
  if (( RANDOM % 2 == 0 )); then
    sleep "0.$((RANDOM % 10))$((RANDOM % 10))"
    victim=$((RANDOM % 2))
    kill -9 "${pid[$victim]}" 2>/dev/null || true
    wait "${pid[$victim]}" 2>/dev/null || true
    kills=$((kills + 1)); if (( victim == node )); then killed_importer=$((killed_importer + 1)); else killed_other=$((killed_other + 1)); fi
    wait "$client" || true
    start_node "$victim"
  else
    wait "$client" || true
  fi
  if [[ "$(cat "$work/status-$i")" == 200 ]]; then acknowledged=$((acknowledged + 1)); fi
  if [[ "$(cat "$work/status-$i")" != 200 ]]; then
    # The client retries an import that got no answer, through the other node: the same content adds nothing if stored.
    other=$((1 - node))
    curl -s -o "$work/answer-$i.json" -w '%{http_code}' -H "Authorization: Bearer ${token[$org]}" -H "X-Tessera-Purpose: bench" \
      -F "file=@$file;type=application/json" -F handling=H0 "http://127.0.0.1:${port[$other]}/api/v1/imports/" >"$work/status-$i" || true
    [[ "$(cat "$work/status-$i")" == 200 ]] || { echo "retry of import $i failed: $(cat "$work/answer-$i.json")" >&2; exit 1; }
  fi
done

# Recovery: both nodes run; every stored contribution must get its check within the bound.
waited=0
until [[ "$(psql_q "SELECT COUNT(*) FROM contributions c WHERE NOT EXISTS (SELECT 1 FROM crosschecked k WHERE k.contribution_id = c.id)")" == 0 ]]; do
  (( waited < bound )) || { echo "FAIL: contributions left unchecked after ${bound} s" >&2; exit 1; }
  sleep 1; waited=$((waited + 1))
done

failures=0
check() { if [[ "$2" != "$3" ]]; then echo "FAIL: $1: $2, expected $3" >&2; failures=$((failures + 1)); else echo "ok: $1 = $2"; fi; }
contributions=$(psql_q "SELECT COUNT(*) FROM contributions")
check "contributions stored (one per file)" "$contributions" "$iterations"
check "files stored twice" "$(psql_q "SELECT COUNT(*) FROM (SELECT organisation, content_hash FROM contributions GROUP BY 1, 2 HAVING COUNT(*) > 1) d")" 0
check "checks recorded" "$(psql_q "SELECT COUNT(*) FROM crosschecked")" "$contributions"
# Pairs of contributions of different organisations, and the hits between their shared records (either direction).
pairs=$(psql_q "SELECT COUNT(*) FROM contributions a JOIN contributions b ON a.id < b.id AND a.organisation <> b.organisation")
shared="h.new_entity_id LIKE '%:s-%' AND h.existing_entity_id LIKE '%:s-%'"
check "pairs with exactly one hit between their shared records" \
  "$(psql_q "SELECT COUNT(*) FROM (SELECT LEAST(h.new_contribution_id, h.existing_contribution_id), GREATEST(h.new_contribution_id, h.existing_contribution_id) FROM hits h WHERE $shared GROUP BY 1, 2 HAVING COUNT(*) = 1) d")" "$pairs"
check "hits on a pair found twice" "$(psql_q "SELECT COUNT(*) FROM (SELECT LEAST(new_contribution_id, existing_contribution_id), GREATEST(new_contribution_id, existing_contribution_id), LEAST(new_entity_id, existing_entity_id), GREATEST(new_entity_id, existing_entity_id) FROM hits GROUP BY 1, 2, 3, 4 HAVING COUNT(*) > 1) d")" 0
check "hits with their audit entry" "$(psql_q "SELECT COUNT(*) FROM audit_log WHERE action = 'crosscheck.hit'")" "$(psql_q "SELECT COUNT(*) FROM hits")"
inbox0=$(curl -sf -H "Authorization: Bearer ${token[IT]}" "http://127.0.0.1:${port[0]}/api/v1/hits" | sha256sum)
inbox1=$(curl -sf -H "Authorization: Bearer ${token[IT]}" "http://127.0.0.1:${port[1]}/api/v1/hits" | sha256sum)
check "Italy's hits, node 1 against node 2" "$inbox0" "$inbox1"
kill "${pid[0]}" "${pid[1]}" 2>/dev/null || true; wait 2>/dev/null || true
if tessera audit verify >"$work/verify.txt" 2>&1; then echo "ok: tessera audit verify"; else cat "$work/verify.txt" >&2; failures=$((failures + 1)); fi

echo "iterations $iterations, acknowledged at first try $acknowledged, kills $kills (importing node $killed_importer, other node $killed_other), recovery waited ${waited} s, hits $(psql_q "SELECT COUNT(*) FROM hits"), pairs $pairs, failures $failures, $(( $(date +%s) - start )) s"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $(( failures > 0 ))
