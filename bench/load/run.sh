#!/bin/bash
# The REST API under load: identifier and person checks against the real `tessera serve`, on SQLite and PostgreSQL.
# usage: bench/load/run.sh [sqlite|postgres|both]      (default both; results in bench/out/load/results.jsonl + table rows)
# Environment: SECONDS_PER_PHASE (default 30), ID_WORKERS (default "8 16 32"), PERSON_WORKERS (default "4 8"),
#   PG (default Host=127.0.0.1;Port=55432;Username=postgres;Database=tessera_load — the database is dropped and re-created).
# The server runs on a temporary database seeded with the demo workspace plus a reference list imported through the normal
# import path: the 683 UN Security Council persons and the 50,000 synthetic persons of datasets/yente-screening-fixtures,
# each with a phone and a passport number, every second one with an IBAN (126,708 identifiers).
# The load generator runs on the same 2 cores as the server: the figures are for both together.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench/out/load"
mkdir -p "$out"
which="${1:-both}"
secs="${SECONDS_PER_PHASE:-30}"
id_workers="${ID_WORKERS:-8 16 32}"
person_workers="${PERSON_WORKERS:-4 8}"
pg="${PG:-Host=127.0.0.1;Port=55432;Username=postgres;Database=tessera_load}"

dotnet build "$root/src/Tessera.Cli" -c Release -p:SkipClientApp=true -v q -nologo -clp:ErrorsOnly >&2
dotnet build "$root/bench/Tessera.Bench" -c Release -v q -nologo -clp:ErrorsOnly >&2
tessera="$root/src/Tessera.Cli/bin/Release/net10.0/tessera"
bench="$root/bench/Tessera.Bench/bin/Release/net10.0/Tessera.Bench"
"$bench" load seed "$out/seed"
results="$out/results.jsonl"

server_pid=""
stop_server() { if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; fi; }
trap stop_server EXIT

start_server() {
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$tessera" serve --demo --urls "http://127.0.0.1:$port" > "$tmp/serve.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 240); do
        curl -sf "http://127.0.0.1:$port/health" >/dev/null && return
        kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/serve.log"; exit 70; }
        sleep 0.5
    done
}

# Seeds a database (demo + reference list + API tokens) once; later runs start from a copy of it (REUSE=0 seeds again).
run_backend() {
    local backend="$1" template="$out/template-$1"
    tmp="$(mktemp -d /tmp/tessera-load.XXXXXX)"
    unset TESSERA_POSTGRES
    export TESSERA_DATA="$tmp"
    local db="${pg##*Database=}"; db="${db%%;*}"
    local psql=(psql "host=127.0.0.1 port=55432 user=postgres dbname=postgres" -q -v ON_ERROR_STOP=1)
    [ "${REUSE:-1}" = 1 ] && [ -f "$template/tokens" ] || seed_template "$backend" "$template" "$db"
    if [ "$backend" = postgres ]; then
        "${psql[@]}" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db TEMPLATE ${db}_template"
        export TESSERA_POSTGRES="$pg"
        # The copied audit log is keyed: its key (kept in the node's data folder, not the database) goes with it.
        [ -f "$tmp/audit.key" ] || cp "$template/audit.key" "$tmp/audit.key"
    else
        cp -r "$template/demo" "$tmp/demo"
    fi

    start_server
    local url="http://127.0.0.1:$port" dbarg=""
    [ "$backend" = postgres ] && dbarg="$db"
    for w in $id_workers; do
        "$bench" load run "$url" "$template/tokens" "$out/seed/queries.jsonl" identifier "$w" "$secs" "$server_pid" "$backend" $dbarg | tee -a "$results"
    done
    for w in $person_workers; do
        "$bench" load run "$url" "$template/tokens" "$out/seed/queries.jsonl" person "$w" "$secs" "$server_pid" "$backend" $dbarg | tee -a "$results"
    done
    stop_server
    rm -rf "$tmp"
}

seed_template() {
    local backend="$1" template="$2" db="$3" cli_data
    rm -rf "$template"; mkdir -p "$template"
    if [ "$backend" = postgres ]; then
        "${psql[@]}" -c "DROP DATABASE IF EXISTS ${db}_template WITH (FORCE)" -c "CREATE DATABASE ${db}_template"
        export TESSERA_POSTGRES="${pg/Database=$db/Database=${db}_template}"
        cli_data="$tmp"
    else
        cli_data="$tmp/demo"   # serve --demo keeps the SQLite demo in <data>/demo
    fi

    start_server
    # The reference list goes in through the normal import path (one contribution, normalised, cross-checked on arrival).
    local started=$SECONDS
    TESSERA_DATA="$cli_data" "$tessera" import "$out/seed/load-reference.ftm.json" --org EU-HUB --kind reference-list --handling H0 2>/dev/null >&2
    echo "import into $backend: $((SECONDS - started)) s" >&2
    for user in it.analyst de.analyst gr.analyst mt.analyst hub.analyst border.analyst; do
        TESSERA_DATA="$cli_data" "$tessera" users token "$user" --label load-bench >> "$template/tokens.new"
    done
    stop_server
    [ "$backend" = sqlite ] && cp -r "$tmp/demo" "$template/demo" && rm -rf "$tmp/demo"
    [ "$backend" = postgres ] && cp "$tmp/audit.key" "$template/audit.key"
    mv "$template/tokens.new" "$template/tokens"
    unset TESSERA_POSTGRES
}

echo "| backend | check | workers | requests | checks/s | p50 ms | p95 ms | p99 ms | max ms | errors | hit rate | server cores | server CPU ms/check | PostgreSQL cores | generator cores | load1 |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
case "$which" in
    sqlite) run_backend sqlite ;;
    postgres) run_backend postgres ;;
    both) run_backend sqlite; run_backend postgres ;;
    *) echo "usage: $0 [sqlite|postgres|both]" >&2; exit 1 ;;
esac
