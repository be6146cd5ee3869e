namespace Tessera.Core.Graph;

/// <summary>A weighted undirected graph of one level of the Louvain/Leiden hierarchy: CSR without self-arcs plus
/// each node's internal (self-loop) weight; node strength k = Σ arc weights + 2·loop.</summary>
internal sealed class LevelGraph
{
    private LevelGraph(int[] offsets, int[] targets, double[] weights, double[] loops)
    {
        Offsets = offsets;
        Targets = targets;
        Weights = weights;
        Loops = loops;
        Strength = new double[loops.Length];
        for (var v = 0; v < loops.Length; v++)
        {
            var k = 2 * loops[v];
            for (var a = offsets[v]; a < offsets[v + 1]; a++)
            {
                k += weights[a];
            }

            Strength[v] = k;
            TotalStrength += k;
        }
    }

    public int NodeCount => Loops.Length;

    public int[] Offsets { get; }

    public int[] Targets { get; }

    public double[] Weights { get; }

    public double[] Loops { get; }

    public double[] Strength { get; }

    /// <summary>2m: the sum of all strengths.</summary>
    public double TotalStrength { get; }

    public static LevelGraph From(CompactGraph graph, bool weighted)
    {
        var g = graph.AsUndirected();
        var weights = weighted ? g.Weights : Enumerable.Repeat(1.0, g.ArcCount).ToArray();
        return new LevelGraph(g.Offsets, g.Targets, weights, new double[g.NodeCount]);
    }

    /// <summary>Collapses every group (labels 0..groups-1) into one node; O(n + m) with a scratch row, no sort.</summary>
    public LevelGraph Aggregate(int[] group, int groups)
    {
        var n = NodeCount;
        var start = new int[groups + 1];
        foreach (var c in group)
        {
            start[c + 1]++;
        }

        for (var c = 0; c < groups; c++)
        {
            start[c + 1] += start[c];
        }

        var members = new int[n];
        var fill = start[..groups];
        for (var v = 0; v < n; v++)
        {
            members[fill[group[v]]++] = v;
        }

        var loops = new double[groups];
        var scratch = new double[groups];
        var seen = new bool[groups];
        var touched = new List<int>();
        var offsets = new int[groups + 1];
        var targets = new List<int>(Targets.Length / 2);
        var weights = new List<double>(Targets.Length / 2);
        for (var c = 0; c < groups; c++)
        {
            for (var i = start[c]; i < start[c + 1]; i++)
            {
                var v = members[i];
                loops[c] += Loops[v];
                for (var a = Offsets[v]; a < Offsets[v + 1]; a++)
                {
                    var d = group[Targets[a]];
                    if (d == c)
                    {
                        loops[c] += Weights[a] / 2; // an internal edge is seen from both ends
                        continue;
                    }

                    if (!seen[d])
                    {
                        seen[d] = true;
                        touched.Add(d);
                    }

                    scratch[d] += Weights[a];
                }
            }

            foreach (var d in touched)
            {
                targets.Add(d);
                weights.Add(scratch[d]);
                scratch[d] = 0;
                seen[d] = false;
            }

            touched.Clear();
            offsets[c + 1] = targets.Count;
        }

        return new LevelGraph(offsets, [.. targets], [.. weights], loops);
    }
}
