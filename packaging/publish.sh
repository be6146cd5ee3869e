#!/usr/bin/env bash
# Publishes Tessera as one self-contained folder for linux-x64: the `tessera` program, the web UI's assets, and the demo
# workspace's files with the datasets its situational picture reads (demo/ next to the program). The folder runs anywhere,
# without a .NET installation and without the source tree.
#   packaging/publish.sh [OUTPUT]   (default artifacts/publish)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:-$root/artifacts/publish}")"
rm -rf "$out"
dotnet publish "$root/src/Tessera.Cli" -c Release -r linux-x64 --self-contained -o "$out" -nologo -clp:ErrorsOnly >&2
echo "$out"
