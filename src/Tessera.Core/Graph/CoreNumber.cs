namespace Tessera.Core.Graph;

/// <summary>k-core index of every node (networkx <c>core_number</c>, i2's K-Core).</summary>
/// <remarks>Batagelj–Zaversnik (2003) bucket sort, O(n + m), on the undirected ties (both directions when directed
/// — total degree, as networkx).</remarks>
internal static class CoreNumber
{
    public static int[] Compute(CompactGraph g)
    {
        var n = g.NodeCount;
        var deg = new int[n];
        var maxDeg = 0;
        for (var v = 0; v < n; v++)
        {
            deg[v] = g.OutDegree(v) + (g.IsDirected ? g.InOffsets[v + 1] - g.InOffsets[v] : 0);
            maxDeg = Math.Max(maxDeg, deg[v]);
        }

        var bin = new int[maxDeg + 2];
        foreach (var d in deg)
        {
            bin[d + 1]++;
        }

        for (var d = 0; d <= maxDeg; d++)
        {
            bin[d + 1] += bin[d];
        }

        var pos = new int[n];
        var vert = new int[n];
        var start = bin[..(maxDeg + 1)];
        for (var v = 0; v < n; v++)
        {
            pos[v] = start[deg[v]]++;
            vert[pos[v]] = v;
        }

        for (var i = 0; i < n; i++)
        {
            var v = vert[i];
            Lower(g.Neighbours(v), deg, bin, pos, vert, deg[v]);
            if (g.IsDirected)
            {
                Lower(g.InNeighbours(v), deg, bin, pos, vert, deg[v]);
            }
        }

        return deg;
    }

    // Moves each neighbour u with deg[u] > k one bucket down, swapping it with the first node of its bucket.
    private static void Lower(ReadOnlySpan<int> neighbours, int[] deg, int[] bin, int[] pos, int[] vert, int k)
    {
        foreach (var u in neighbours)
        {
            if (deg[u] > k)
            {
                var du = deg[u];
                var pu = pos[u];
                var pw = bin[du];
                var w = vert[pw];
                if (u != w)
                {
                    pos[u] = pw;
                    vert[pu] = w;
                    pos[w] = pu;
                    vert[pw] = u;
                }

                bin[du]++;
                deg[u]--;
            }
        }
    }
}
