namespace Tessera.Core.Graph;

/// <summary>A partition of the nodes into components: <c>Label[v]</c> in 0..Count-1, numbered by size descending,
/// then by the smallest node id (ordinal), the convention of the networkx reference files.</summary>
internal sealed record ComponentResult(int[] Label, int[] Sizes)
{
    public int Count => Sizes.Length;

    /// <summary>Size of the largest component (0 for an empty graph).</summary>
    public int Largest => Sizes.Length == 0 ? 0 : Sizes[0];
}

/// <summary>Weakly and strongly connected components.</summary>
internal static class Components
{
    /// <summary>Weakly connected components (ties followed in both directions); BFS, O(n + m).</summary>
    public static ComponentResult Weak(CompactGraph g)
    {
        var n = g.NodeCount;
        var label = new int[n];
        Array.Fill(label, -1);
        var queue = new int[n];
        var count = 0;
        for (var s = 0; s < n; s++)
        {
            if (label[s] >= 0)
            {
                continue;
            }

            int head = 0, tail = 0;
            queue[tail++] = s;
            label[s] = count;
            while (head < tail)
            {
                var u = queue[head++];
                foreach (var v in g.Neighbours(u))
                {
                    if (label[v] < 0)
                    {
                        label[v] = count;
                        queue[tail++] = v;
                    }
                }

                if (g.IsDirected)
                {
                    foreach (var v in g.InNeighbours(u))
                    {
                        if (label[v] < 0)
                        {
                            label[v] = count;
                            queue[tail++] = v;
                        }
                    }
                }
            }

            count++;
        }

        return Ordered(g, label, count);
    }

    /// <summary>Strongly connected components of a directed graph (iterative Tarjan, O(n + m)); for an undirected
    /// graph the same as <see cref="Weak"/>.</summary>
    public static ComponentResult Strong(CompactGraph g)
    {
        if (!g.IsDirected)
        {
            return Weak(g);
        }

        var n = g.NodeCount;
        var index = new int[n];
        var low = new int[n];
        var label = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new int[n];
        var callNode = new int[n];
        var callArc = new int[n];
        int sp = 0, next = 0, count = 0;
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            var depth = 0;
            callNode[0] = root;
            callArc[0] = g.Offsets[root];
            index[root] = low[root] = next++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0)
            {
                var u = callNode[depth];
                if (callArc[depth] < g.Offsets[u + 1])
                {
                    var v = g.Targets[callArc[depth]++];
                    if (index[v] < 0)
                    {
                        index[v] = low[v] = next++;
                        stack[sp++] = v;
                        onStack[v] = true;
                        depth++;
                        callNode[depth] = v;
                        callArc[depth] = g.Offsets[v];
                    }
                    else if (onStack[v])
                    {
                        low[u] = Math.Min(low[u], index[v]);
                    }

                    continue;
                }

                if (low[u] == index[u])
                {
                    int w;
                    do
                    {
                        w = stack[--sp];
                        onStack[w] = false;
                        label[w] = count;
                    }
                    while (w != u);
                    count++;
                }

                depth--;
                if (depth >= 0)
                {
                    var parent = callNode[depth];
                    low[parent] = Math.Min(low[parent], low[u]);
                }
            }
        }

        return Ordered(g, label, count);
    }

    private static ComponentResult Ordered(CompactGraph g, int[] label, int count)
    {
        var sizes = new int[count];
        var first = new int[count];
        Array.Fill(first, -1);
        for (var v = 0; v < label.Length; v++)
        {
            var c = label[v];
            sizes[c]++;
            if (first[c] < 0 || string.CompareOrdinal(g.Ids[v], g.Ids[first[c]]) < 0)
            {
                first[c] = v;
            }
        }

        var order = Enumerable.Range(0, count).ToArray();
        Array.Sort(order, (a, b) => sizes[a] != sizes[b] ? sizes[b].CompareTo(sizes[a]) : string.CompareOrdinal(g.Ids[first[a]], g.Ids[first[b]]));
        var rank = new int[count];
        for (var i = 0; i < count; i++)
        {
            rank[order[i]] = i;
        }

        for (var v = 0; v < label.Length; v++)
        {
            label[v] = rank[label[v]];
        }

        return new ComponentResult(label, [.. order.Select(c => sizes[c])]);
    }
}
