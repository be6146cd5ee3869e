namespace Tessera.Core.Graph;

/// <summary>Paths between two entities and ego networks, following ties along their direction when directed.</summary>
internal static class Paths
{
    /// <summary>One shortest path (fewest hops) from <paramref name="source"/> to <paramref name="target"/> as node
    /// indexes including both ends, or empty when unreachable. BFS, O(n + m); among equal paths the one through the
    /// lowest node indexes is returned.</summary>
    public static IReadOnlyList<int> Shortest(CompactGraph g, int source, int target)
    {
        var parent = new int[g.NodeCount];
        Array.Fill(parent, -1);
        parent[source] = source;
        var queue = new Queue<int>();
        queue.Enqueue(source);
        while (queue.Count > 0 && parent[target] < 0)
        {
            var u = queue.Dequeue();
            foreach (var v in g.Neighbours(u))
            {
                if (parent[v] < 0)
                {
                    parent[v] = u;
                    queue.Enqueue(v);
                }
            }
        }

        if (parent[target] < 0)
        {
            return [];
        }

        var path = new List<int> { target };
        for (var v = target; v != source; v = parent[v])
        {
            path.Add(parent[v]);
        }

        path.Reverse();
        return path;
    }

    /// <summary>All simple paths of at most <paramref name="maxHops"/> ties, shortest first, stopping after
    /// <paramref name="maxPaths"/> (the count explodes with k). Depth-limited DFS, O(d^k) worst case.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> AllSimple(CompactGraph g, int source, int target, int maxHops, int maxPaths = 10_000)
    {
        var found = new List<IReadOnlyList<int>>();
        if (source == target || maxHops < 1)
        {
            return found;
        }

        var onPath = new bool[g.NodeCount];
        var path = new List<int> { source };
        onPath[source] = true;
        Extend(g, target, maxHops, maxPaths, path, onPath, found);
        return [.. found.OrderBy(p => p.Count)];
    }

    private static void Extend(CompactGraph g, int target, int maxHops, int maxPaths, List<int> path, bool[] onPath, List<IReadOnlyList<int>> found)
    {
        var u = path[^1];
        foreach (var v in g.Neighbours(u))
        {
            if (found.Count >= maxPaths)
            {
                return;
            }

            if (v == target)
            {
                found.Add([.. path, v]);
                continue;
            }

            if (onPath[v] || path.Count >= maxHops)
            {
                continue;
            }

            onPath[v] = true;
            path.Add(v);
            Extend(g, target, maxHops, maxPaths, path, onPath, found);
            path.RemoveAt(path.Count - 1);
            onPath[v] = false;
        }
    }

    /// <summary>The ego network: nodes within <paramref name="radius"/> hops of <paramref name="center"/> (ties in
    /// either direction), the centre first, and the subgraph they induce.</summary>
    public static (IReadOnlyList<int> Nodes, CompactGraph Graph) Ego(CompactGraph g, int center, int radius = 1)
    {
        var dist = new Dictionary<int, int> { [center] = 0 };
        var queue = new Queue<int>();
        queue.Enqueue(center);
        var nodes = new List<int> { center };
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            if (dist[u] >= radius)
            {
                continue;
            }

            foreach (var v in g.IsDirected ? [.. g.Neighbours(u), .. g.InNeighbours(u)] : g.Neighbours(u).ToArray())
            {
                if (dist.TryAdd(v, dist[u] + 1))
                {
                    nodes.Add(v);
                    queue.Enqueue(v);
                }
            }
        }

        return (nodes, g.Induced(nodes));
    }
}
