namespace Tessera.Core.Graph;

/// <summary>Measures of a node relative to a partition into communities (brokerage between cells).</summary>
internal static class CommunityMeasures
{
    /// <summary>Participation coefficient (Guimerà &amp; Amaral 2005): 1 − Σ_s (k_is / k_i)², 0 when every tie stays
    /// inside one community, towards 1 when ties spread over many; 0 for isolates.</summary>
    public static double[] Participation(CompactGraph g, int[] community)
    {
        var result = new double[g.NodeCount];
        var counts = new Dictionary<int, int>();
        for (var v = 0; v < g.NodeCount; v++)
        {
            var k = g.OutDegree(v);
            if (k == 0)
            {
                continue;
            }

            counts.Clear();
            foreach (var u in g.Neighbours(v))
            {
                counts[community[u]] = counts.GetValueOrDefault(community[u]) + 1;
            }

            var sum = 0.0;
            foreach (var kis in counts.Values)
            {
                sum += (double)kis / k * kis / k;
            }

            result[v] = 1 - sum;
        }

        return result;
    }

    /// <summary>Betweenness of each node inside the subgraph induced by its own community (normalised as networkx
    /// within that subgraph): the organiser of a cell, not of the whole network.</summary>
    public static double[] BetweennessInside(CompactGraph g, int[] community)
    {
        var result = new double[g.NodeCount];
        foreach (var members in Enumerable.Range(0, g.NodeCount).GroupBy(v => community[v]))
        {
            var nodes = members.ToArray();
            if (nodes.Length < 3)
            {
                continue;
            }

            var local = Betweenness.Compute(g.Induced(nodes), new BetweennessOptions(MaxDegreeOfParallelism: 1)).Nodes;
            for (var i = 0; i < nodes.Length; i++)
            {
                result[nodes[i]] = local[i];
            }
        }

        return result;
    }

    /// <summary>For every node, the link betweenness of its strongest link (largest weight, then largest
    /// betweenness); 0 for isolates.</summary>
    public static double[] StrongestLinkBetweenness(CompactGraph g, double[] arcBetweenness)
    {
        var result = new double[g.NodeCount];
        for (var v = 0; v < g.NodeCount; v++)
        {
            var bestWeight = double.NegativeInfinity;
            for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++)
            {
                if (g.Weights[a] > bestWeight || (g.Weights[a] == bestWeight && arcBetweenness[a] > result[v]))
                {
                    bestWeight = g.Weights[a];
                    result[v] = arcBetweenness[a];
                }
            }
        }

        return result;
    }
}
