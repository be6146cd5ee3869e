namespace Tessera.Core.Graph;

/// <summary>Single points of failure of an undirected graph: articulation points (cut vertices), bridges (cut
/// links), and for every node the largest piece its component falls into when the node is removed.</summary>
internal sealed record CutStructure(bool[] IsArticulation, IReadOnlyList<(int U, int V)> Bridges, int[] LargestPieceWithout)
{
    /// <summary>Hopcroft–Tarjan (1973) low-point DFS, iterative, O(n + m); directed graphs use their undirected
    /// projection.</summary>
    /// <remarks>A DFS child c of v with low(c) ≥ disc(v) is a piece cut off by removing v (its size is c's subtree);
    /// what is left of the component is one more piece.</remarks>
    public static CutStructure Compute(CompactGraph graph)
    {
        var g = graph.AsUndirected();
        var n = g.NodeCount;
        var disc = new int[n];
        var low = new int[n];
        var size = new int[n];
        var maxPiece = new int[n];
        var cutOff = new int[n];
        var children = new int[n];
        var parent = new int[n];
        var cut = new bool[n];
        var bridges = new List<(int, int)>();
        var largest = new int[n];
        Array.Fill(disc, -1);
        var stack = new int[n];
        var arc = new int[n];
        var time = 0;
        var members = new List<int>();
        for (var root = 0; root < n; root++)
        {
            if (disc[root] >= 0)
            {
                continue;
            }

            members.Clear();
            var sp = 0;
            stack[sp] = root;
            arc[sp] = g.Offsets[root];
            parent[root] = -1;
            disc[root] = low[root] = time++;
            size[root] = 1;
            members.Add(root);
            while (sp >= 0)
            {
                var u = stack[sp];
                if (arc[sp] < g.Offsets[u + 1])
                {
                    var v = g.Targets[arc[sp]++];
                    if (disc[v] < 0)
                    {
                        parent[v] = u;
                        disc[v] = low[v] = time++;
                        size[v] = 1;
                        members.Add(v);
                        sp++;
                        stack[sp] = v;
                        arc[sp] = g.Offsets[v];
                    }
                    else if (v != parent[u])
                    {
                        low[u] = Math.Min(low[u], disc[v]);
                    }

                    continue;
                }

                sp--;
                var p = parent[u];
                if (p < 0)
                {
                    continue;
                }

                low[p] = Math.Min(low[p], low[u]);
                size[p] += size[u];
                children[p]++;
                if (low[u] >= disc[p])
                {
                    cutOff[p] += size[u];
                    maxPiece[p] = Math.Max(maxPiece[p], size[u]);
                    if (parent[p] >= 0)
                    {
                        cut[p] = true;
                    }
                }

                if (low[u] > disc[p])
                {
                    bridges.Add((Math.Min(p, u), Math.Max(p, u)));
                }
            }

            cut[root] = children[root] >= 2;
            var componentSize = members.Count;
            foreach (var v in members)
            {
                largest[v] = Math.Max(maxPiece[v], componentSize - 1 - cutOff[v]);
            }
        }

        return new CutStructure(cut, bridges, largest);
    }

    /// <summary>Disruption impact: share of the graph's largest component lost when a node is removed — (L − L')/L,
    /// where L' is the largest component afterwards (0 for nodes outside the largest component).</summary>
    public double[] LargestComponentLoss(ComponentResult components)
    {
        var n = LargestPieceWithout.Length;
        var impact = new double[n];
        if (components.Count == 0)
        {
            return impact;
        }

        double l = components.Largest;
        var second = components.Count > 1 ? components.Sizes[1] : 0;
        for (var v = 0; v < n; v++)
        {
            if (components.Label[v] == 0)
            {
                impact[v] = (l - Math.Max(LargestPieceWithout[v], second)) / l;
            }
        }

        return impact;
    }
}
