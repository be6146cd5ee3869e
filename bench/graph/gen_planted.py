"""Planted-partition graph (blocks of 100 nodes, ~80 % of ties inside the block), written as raw int32 pairs.

usage: gen_planted.py N AVG_DEGREE OUT.bin   (seeded, so every run benchmarks the same graph)
"""
import sys
import numpy as np

n, avg_degree, out = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(20240601 + n)
size = 100
blocks = n // size
m_target = int(n * avg_degree / 2)
m_in, m_out = int(m_target * 0.8), m_target - int(m_target * 0.8)
# oversample by 15 % so that dropping self-pairs and duplicates still leaves about m_target ties
b = rng.integers(0, blocks, int(m_in * 1.15))
u_in = b * size + rng.integers(0, size, len(b))
v_in = b * size + rng.integers(0, size, len(b))
u_out = rng.integers(0, n, int(m_out * 1.15))
v_out = rng.integers(0, n, len(u_out))
keep = (u_out // size) != (v_out // size)


def unique_keys(u, v, count):
    lo, hi = np.minimum(u, v), np.maximum(u, v)
    mask = lo != hi
    keys = np.unique(lo[mask].astype(np.int64) * n + hi[mask])
    rng.shuffle(keys)
    return keys[:count]


keys = np.concatenate([unique_keys(u_in, v_in, m_in), unique_keys(u_out[keep], v_out[keep], m_out)])
rng.shuffle(keys)
pairs = np.stack([keys // n, keys % n], axis=1).astype(np.int32)
pairs.tofile(out)
print(f"{out}: {n} nodes, {len(pairs)} ties, average degree {2 * len(pairs) / n:.2f}")
