"""febrl4 with Python recordlinkage: the 4-pass union pipeline of er-anchors §2 (no soc_sec_id)."""
import re
import sys
import time

import pandas as pd
import recordlinkage as rl

folder = sys.argv[1]
start = time.perf_counter()
read = lambda f: pd.read_csv(f"{folder}/{f}", index_col="rec_id", skipinitialspace=True, dtype=str)
a, b = read("dataset4a.csv"), read("dataset4b.csv")
indexer = rl.Index()
indexer.add(rl.index.Block("given_name"))
indexer.add(rl.index.Block("surname"))
indexer.add(rl.index.Block("date_of_birth"))
indexer.add(rl.index.SortedNeighbourhood("surname", window=5))
pairs = indexer.index(a, b)
cmp = rl.Compare()
for col in ["given_name", "surname", "address_1"]:
    cmp.string(col, col, method="jarowinkler", threshold=0.85)
for col in ["date_of_birth", "suburb", "state", "postcode"]:
    cmp.exact(col, col)
features = cmp.compute(pairs, a, b)
for name, matches in [("sum > 3", features[features.sum(axis=1) > 3].index),
                      ("ECM", rl.ECMClassifier(binarize=None).fit_predict(features))]:
    num = lambda s: re.match(r"rec-(\d+)", s).group(1)
    tp = sum(1 for l, r in matches if num(l) == num(r))
    p, r = tp / max(1, len(matches)), tp / 5000
    print(f"recordlinkage febrl4 {name}: candidates {len(pairs)}, P {p:.4f} R {r:.4f} F1 {2*p*r/(p+r):.4f}, {time.perf_counter()-start:.2f} s")
