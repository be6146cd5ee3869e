"""Turns graph-results.jsonl into the Markdown table of docs/performance.md (## Graph)."""
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
notes = [r for r in rows if "note" in r]
data = {}
for r in rows:
    if "tool" in r:
        data[(r["graph"], r["algo"], r["tool"])] = r
graphs = {"pp_10000": "10 k / 50 k", "pp_100000": "100 k / 1 M", "pp_1000000": "1 M / 5 M"}
algos = ["load", "components", "degree", "pagerank", "kcore", "leiden", "louvain", "betweenness_sampled", "betweenness_exact", "whole_process_metrics", "peak_memory"]


def cell(r):
    if r is None:
        return "—"
    if "skipped" in r:
        return "n/a"
    if "timeout_s" in r:
        return f"> {r['timeout_s']} s (cut)"
    if r["algo"] == "peak_memory":
        return f"{r['peak_mb']} MB"
    text = f"{r['seconds']:.3f} s"
    if "modularity" in r:
        text += f" (Q {r['modularity']:.3f})"
    if r["algo"] == "whole_process_metrics":
        text += f", {r['peak_mb']} MB"
    return text


def ratio(ours, peer):
    if not ours or not peer or "skipped" in peer or ours.get("algo") == "peak_memory":
        return "—"
    if "timeout_s" in peer:
        # a cap below Tessera's own time says nothing about the ratio
        return f"> {peer['timeout_s'] / max(ours['seconds'], 1e-3):.0f}×" if peer["timeout_s"] > 1.5 * ours["seconds"] else "—"
    return f"{peer['seconds'] / max(ours['seconds'], 1e-3):.1f}×"


print("| graph (nodes / ties) | measure | Tessera | igraph | networkx | igraph ÷ Tessera | networkx ÷ Tessera |")
print("|---|---|---|---|---|---|---|")
for g, label in graphs.items():
    for a in algos:
        t, i, x = (data.get((g, a, tool)) for tool in ("tessera", "igraph", "networkx"))
        if not (t or i or x):
            continue
        print(f"| {label} | {a} | {cell(t)} | {cell(i)} | {cell(x)} | {ratio(t, i)} | {ratio(t, x)} |")
print()
print("Load average during the run: " + ", ".join(f"{n['note']} {n['load1']} ({n['utc']})" for n in notes))
