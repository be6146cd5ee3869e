"""Writes a raw int32 pair file as the CSV pair `tessera graph metrics` reads: EDGES.csv (source,target,weight)
and NODES.csv (id). usage: to_csv.py EDGES.bin N PREFIX"""
import sys

import numpy as np

path, n, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pairs = np.fromfile(path, dtype=np.int32).reshape(-1, 2)
with open(prefix + "-edges.csv", "w") as f:
    f.write("source,target,weight\n")
    f.writelines(f"n{s},n{t},1\n" for s, t in pairs.tolist())
with open(prefix + "-nodes.csv", "w") as f:
    f.write("id\n")
    f.writelines(f"n{v}\n" for v in range(n))
