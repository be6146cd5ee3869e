# Sourced by the durability benches: `source fresh-store.sh NAME "$@"` builds the CLI and the bench (Release), reads
# --postgres from the arguments (the rest stay in args), and points TESSERA_POSTGRES at a fresh database tessera_NAME on
# the server named by PGHOST/PGPORT (default 127.0.0.1:55432) with TESSERA_DATA (the audit key's folder) at a fresh folder
# under $work, or TESSERA_DATA alone for SQLite.
# Sets root, cli, bench, work, postgres and args.
name="$1"; shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
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

work="$(mktemp -d "/tmp/tessera-$name.XXXXXX")"
if [[ $postgres == 1 ]]; then
  host="${PGHOST:-127.0.0.1}"; port="${PGPORT:-55432}"
  psql -h "$host" -p "$port" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS tessera_$name" -c "CREATE DATABASE tessera_$name"
  export TESSERA_POSTGRES="Host=$host;Port=$port;Username=postgres;Database=tessera_$name"
  # The node's data folder holds the audit key, also on PostgreSQL: a fresh one beside the fresh database.
  export TESSERA_DATA="$work/data"
else
  unset TESSERA_POSTGRES
  export TESSERA_DATA="$work/data"
fi
