"""The igraph counterpart of `tessera graph metrics`: same input files, same columns where igraph has the measure
(degree, strength, degree_centrality, betweenness, closeness, eigenvector, pagerank, component, core_number,
community), same conventions (undirected simple projection, networkx normalisations). Tessera additionally
computes the high-value-target role scores, which igraph has no counterpart for.

usage: igraph_metrics.py EDGES.csv NODES.csv OUT.csv
"""
import csv
import sys

import igraph as ig

edges_path, nodes_path, out_path = sys.argv[1:4]
index, ids = {}, []


def node(name):
    if name not in index:
        index[name] = len(ids)
        ids.append(name)
    return index[name]


with open(nodes_path, newline="") as f:
    for row in csv.DictReader(f):
        node(row["id"])
pairs, weights = [], []
with open(edges_path, newline="") as f:
    for row in csv.DictReader(f):
        pairs.append((node(row["source"]), node(row["target"])))
        weights.append(float(row.get("weight") or 1))

n = len(ids)
g = ig.Graph(n=n, edges=pairs, directed=False)
g.es["weight"] = weights
g.simplify(multiple=True, loops=True, combine_edges="sum")

degree = g.degree()
strength = g.strength(weights="weight")
scale = 1.0 / (n - 1) if n > 1 else 1.0
betweenness = g.betweenness(directed=False)
bscale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
components = g.connected_components()
size = {}
for c, members in enumerate(components):
    for v in members:
        size[v] = len(members)
raw_closeness = g.closeness(normalized=True)  # (r - 1) / sum of distances within the component
closeness = [0.0 if (x != x or size[v] == 1) else x * (size[v] - 1) / (n - 1) for v, x in enumerate(raw_closeness)]
eigenvector = g.eigenvector_centrality(directed=False, scale=False)
pagerank = g.pagerank(damping=0.85)
cores = g.coreness()
community = g.community_leiden(objective_function="modularity", n_iterations=2).membership
component = components.membership

with open(out_path, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "degree", "strength", "degree_centrality", "betweenness", "closeness", "eigenvector", "pagerank", "component", "core_number", "community"])
    for v in range(n):
        w.writerow([ids[v], degree[v], strength[v], degree[v] * scale, betweenness[v] * bscale, closeness[v], eigenvector[v], pagerank[v], component[v], cores[v], community[v]])
