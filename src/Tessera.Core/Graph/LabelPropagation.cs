namespace Tessera.Core.Graph;

/// <summary>Label propagation communities (Raghavan, Albert &amp; Kumara 2007): the cheap fallback on very large graphs.</summary>
/// <remarks>Asynchronous updates in a seeded random order; a node takes the label with the largest summed tie
/// weight among its neighbours, keeping its own label on ties (then the smallest), until no label changes or
/// maxIterations sweeps. O(m) per sweep.</remarks>
internal static class LabelPropagation
{
    public static CommunityResult Compute(CompactGraph graph, int seed = 42, int maxIterations = 100, bool weighted = false)
    {
        var g = graph.AsUndirected();
        var n = g.NodeCount;
        var label = Enumerable.Range(0, n).ToArray();
        var score = new double[n];
        var stamp = new int[n];
        var touched = new List<int>();
        var order = Enumerable.Range(0, n).ToArray();
        var rng = new Random(seed);
        var epoch = 0;
        for (var sweep = 0; sweep < maxIterations; sweep++)
        {
            rng.Shuffle(order);
            var changed = false;
            foreach (var v in order)
            {
                epoch++;
                touched.Clear();
                for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++)
                {
                    var l = label[g.Targets[a]];
                    if (stamp[l] != epoch)
                    {
                        stamp[l] = epoch;
                        score[l] = 0;
                        touched.Add(l);
                    }

                    score[l] += weighted ? g.Weights[a] : 1.0;
                }

                if (touched.Count == 0)
                {
                    continue;
                }

                // Keep the own label when it is among the best, else take the smallest best label (deterministic).
                var max = 0.0;
                foreach (var l in touched)
                {
                    max = Math.Max(max, score[l]);
                }

                var best = stamp[label[v]] == epoch && score[label[v]] == max ? label[v] : int.MaxValue;
                if (best == int.MaxValue)
                {
                    foreach (var l in touched)
                    {
                        if (score[l] == max && l < best)
                        {
                            best = l;
                        }
                    }
                }

                if (best != label[v])
                {
                    label[v] = best;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        var q = Modularity.Compute(g, Dense(label, out var count), weighted);
        return new CommunityResult(label, count, q);
    }

    private static int[] Dense(int[] label, out int count)
    {
        var map = new Dictionary<int, int>();
        for (var v = 0; v < label.Length; v++)
        {
            if (!map.TryGetValue(label[v], out var c))
            {
                c = map.Count;
                map[label[v]] = c;
            }

            label[v] = c;
        }

        count = map.Count;
        return label;
    }
}
