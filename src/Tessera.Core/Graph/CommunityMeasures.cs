namespace Tessera.Core.Graph;

/// <summary>Measures of a node relative to a partition into communities (brokerage between cells).</summary>
internal static class CommunityMeasures
{
    /// <summary>For every node, its ties into other communities, split by whom they reach: the head of that community (its member
    /// with the most ties, the smallest index on a tie) or an ordinary member.</summary>
    /// <remarks>An organiser deals with the heads of several cells; a broker reaches into other cells below their heads (a recruiter
    /// here, a driver there). Counting the two apart keeps the organiser from scoring as a broker for the same ties.</remarks>
    public static (double[] Heads, double[] Members) OutsideTies(CompactGraph g, int[] community)
    {
        var head = new Dictionary<int, int>();
        for (var v = 0; v < g.NodeCount; v++)
        {
            if (!head.TryGetValue(community[v], out var h) || g.OutDegree(v) > g.OutDegree(h))
            {
                head[community[v]] = v;
            }
        }

        var heads = new double[g.NodeCount];
        var members = new double[g.NodeCount];
        for (var v = 0; v < g.NodeCount; v++)
        {
            foreach (var u in g.Neighbours(v))
            {
                if (community[u] != community[v])
                {
                    if (head[community[u]] == u)
                    {
                        heads[v]++;
                    }
                    else
                    {
                        members[v]++;
                    }
                }
            }
        }

        return (heads, members);
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
