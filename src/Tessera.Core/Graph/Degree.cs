namespace Tessera.Core.Graph;

/// <summary>Degree-type measures: distinct neighbours, strength (summed tie weights), in/out and net flow — i2's
/// "List Most Connected" with values.</summary>
internal static class Degree
{
    /// <summary>Distinct out-neighbours (all neighbours when undirected).</summary>
    public static int[] Out(CompactGraph g)
    {
        var d = new int[g.NodeCount];
        for (var v = 0; v < d.Length; v++)
        {
            d[v] = g.Offsets[v + 1] - g.Offsets[v];
        }

        return d;
    }

    /// <summary>Distinct in-neighbours (all neighbours when undirected).</summary>
    public static int[] In(CompactGraph g)
    {
        var d = new int[g.NodeCount];
        for (var v = 0; v < d.Length; v++)
        {
            d[v] = g.InOffsets[v + 1] - g.InOffsets[v];
        }

        return d;
    }

    /// <summary>Degree / (n − 1), networkx <c>degree_centrality</c> (total degree when directed).</summary>
    public static double[] Centrality(CompactGraph g)
    {
        var n = g.NodeCount;
        var scale = n > 1 ? 1.0 / (n - 1) : 1.0;
        var outDeg = Out(g);
        var inDeg = g.IsDirected ? In(g) : null;
        return [.. outDeg.Select((d, v) => (d + (inDeg?[v] ?? 0)) * scale)];
    }

    /// <summary>Sum of out-tie weights (all ties when undirected).</summary>
    public static double[] OutStrength(CompactGraph g) => Sum(g.Offsets, g.Weights, g.NodeCount);

    /// <summary>Sum of in-tie weights (all ties when undirected).</summary>
    public static double[] InStrength(CompactGraph g) => Sum(g.InOffsets, g.InWeights, g.NodeCount);

    /// <summary>In-strength minus out-strength: money or calls received net of those sent (0 when undirected).</summary>
    public static double[] NetFlow(CompactGraph g)
    {
        var inS = InStrength(g);
        var outS = OutStrength(g);
        return g.IsDirected ? [.. inS.Select((x, v) => x - outS[v])] : new double[g.NodeCount];
    }

    private static double[] Sum(int[] offsets, double[] weights, int n)
    {
        var s = new double[n];
        for (var v = 0; v < n; v++)
        {
            var total = 0.0;
            for (var a = offsets[v]; a < offsets[v + 1]; a++)
            {
                total += weights[a];
            }

            s[v] = total;
        }

        return s;
    }
}
