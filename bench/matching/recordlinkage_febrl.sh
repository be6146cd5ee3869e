#!/usr/bin/env bash
# Peer: Python recordlinkage on febrl4 (4-pass union blocking, JW >= 0.85 on names and address_1, exact DOB/suburb/
# state/postcode, rule "sum > 3" and ECM), as in shared reference er-anchors §2/§7. recordlinkage is not packaged by
# Debian and not served by the local PyPI mirror: point RL_SRC at a source checkout of J535D165/recordlinkage.
#   apt-get install -y python3-pandas python3-jellyfish python3-sklearn python3-scipy
#   RL_SRC=/path/to/recordlinkage bench/matching/recordlinkage_febrl.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
if ! PYTHONPATH="${RL_SRC:-}" /usr/bin/python3 -c "import recordlinkage" 2>/dev/null; then
  echo "recordlinkage not importable (set RL_SRC); reference figure (er-anchors §2, same machine class): F1 0.990, P 0.9996, R 0.981, 187,015 pairs, 7.9 s"
  exit 0
fi
PYTHONPATH="${RL_SRC:-}" /usr/bin/python3 "$(dirname "$0")/recordlinkage_febrl4.py" "$root/datasets/febrl"
