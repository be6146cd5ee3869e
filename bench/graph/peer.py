"""Times igraph or networkx on a raw int32 pair file, one JSON line per algorithm (same names as Tessera's runner).

usage: peer.py igraph|networkx EDGES.bin N ALGO[,ALGO...] [SAMPLES] [TIMEOUT_S]
Each algorithm gets TIMEOUT_S seconds (SIGALRM); a run that exceeds it is reported as a timeout.
"""
import json
import os
import random
import resource
import signal
import sys
import time

import numpy as np

tool, path, n, algos = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(",")
samples = int(sys.argv[5]) if len(sys.argv) > 5 else 500
timeout = int(sys.argv[6]) if len(sys.argv) > 6 else 0
graph_name = os.path.splitext(os.path.basename(path))[0]


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


signal.signal(signal.SIGALRM, on_alarm)


def report(algo, wall, cpu, **extra):
    print(json.dumps({"tool": tool, "graph": graph_name, "algo": algo, "seconds": round(wall, 3), "cpu_s": round(cpu, 3), **extra}), flush=True)


t0, c0 = time.perf_counter(), time.process_time()
pairs = np.fromfile(path, dtype=np.int32).reshape(-1, 2)
if tool == "igraph":
    import igraph as ig
    g = ig.Graph(n=n, edges=pairs, directed=False)
else:
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(pairs.tolist())
report("load", time.perf_counter() - t0, time.process_time() - c0, edges=len(pairs))
del pairs


def run_igraph(algo):
    if algo == "components":
        return {"count": len(g.connected_components())}
    if algo == "degree":
        d = g.degree()
        s = g.strength(weights=None)
        return {"max": max(d), "max_strength": max(s)}
    if algo == "pagerank":
        return {"max": max(g.pagerank(damping=0.85))}
    if algo == "kcore":
        return {"max": max(g.coreness())}
    if algo == "leiden":
        random.seed(42)
        c = g.community_leiden(objective_function="modularity", n_iterations=2)
        return {"modularity": g.modularity(c.membership), "communities": len(c)}
    if algo == "louvain":
        random.seed(42)
        c = g.community_multilevel()
        return {"modularity": c.modularity, "communities": len(c)}
    if algo == "betweenness_exact":
        return {"max": max(g.betweenness(directed=False))}
    if algo == "betweenness_sampled":
        return {"skipped": "python-igraph 0.10.2 has no source sampling"}
    raise ValueError(algo)


def run_networkx(algo):
    if algo == "components":
        return {"count": nx.number_connected_components(g)}
    if algo == "degree":
        d = dict(g.degree())
        s = dict(g.degree(weight="weight"))
        return {"max": max(d.values()), "max_strength": max(s.values())}
    if algo == "pagerank":
        # same stopping rule as Tessera (L1 change < n·1e-12); the default 1e-6·n stops after one step at 1 M nodes
        return {"max": max(nx.pagerank(g, alpha=0.85, tol=1e-12, max_iter=1000).values())}
    if algo == "kcore":
        return {"max": max(nx.core_number(g).values())}
    if algo == "leiden":
        return {"skipped": "networkx 2.8 has no Leiden"}
    if algo == "louvain":
        c = nx.community.louvain_communities(g, seed=42)
        return {"modularity": nx.community.modularity(g, c), "communities": len(c)}
    if algo == "betweenness_exact":
        return {"max": max(nx.betweenness_centrality(g).values())}
    if algo == "betweenness_sampled":
        return {"k": samples, "max": max(nx.betweenness_centrality(g, k=samples, seed=1).values())}
    raise ValueError(algo)


for algo in algos:
    t0, c0 = time.perf_counter(), time.process_time()
    signal.alarm(timeout)
    try:
        extra = run_igraph(algo) if tool == "igraph" else run_networkx(algo)
    except Timeout:
        extra = {"timeout_s": timeout}
    finally:
        signal.alarm(0)
    report(algo, time.perf_counter() - t0, time.process_time() - c0, **extra)

report("peak_memory", 0, 0, peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
