namespace Tessera.Core.Graph;

/// <summary>Newman–Girvan modularity of a partition, with resolution γ, as networkx <c>community.modularity</c>.</summary>
internal static class Modularity
{
    /// <summary>Q = Σ_c [ in_c / 2m − γ (tot_c / 2m)² ]; in_c counts internal weight from both ends.</summary>
    public static double Compute(CompactGraph graph, int[] community, bool weighted = false, double resolution = 1.0) =>
        Compute(LevelGraph.From(graph, weighted), community, resolution);

    internal static double Compute(LevelGraph g, int[] community, double resolution)
    {
        var m2 = g.TotalStrength;
        if (m2 <= 0)
        {
            return 0;
        }

        var groups = community.Length == 0 ? 0 : community.Max() + 1;
        var inside = new double[groups];
        var tot = new double[groups];
        for (var v = 0; v < g.NodeCount; v++)
        {
            var c = community[v];
            tot[c] += g.Strength[v];
            inside[c] += 2 * g.Loops[v];
            for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++)
            {
                if (community[g.Targets[a]] == c)
                {
                    inside[c] += g.Weights[a];
                }
            }
        }

        var q = 0.0;
        for (var c = 0; c < groups; c++)
        {
            q += (inside[c] / m2) - (resolution * (tot[c] / m2) * (tot[c] / m2));
        }

        return q;
    }
}
