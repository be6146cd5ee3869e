namespace Tessera.Core.Graph;

/// <summary>A graph in compressed sparse row (CSR) form: the out-neighbours of node <c>v</c> are
/// <c>Targets[Offsets[v]..Offsets[v + 1])</c>, sorted ascending, with parallel <c>Weights</c>.</summary>
/// <remarks>Undirected graphs store every edge once per direction; directed graphs also keep the reverse (in-arc)
/// CSR. No self-loops, no parallel arcs (the builder merges them). Node indexes are 0..n-1 in the order of
/// <see cref="Ids"/>. Memory: 4(n+1) + 12·arcs bytes per direction.</remarks>
internal sealed class CompactGraph
{
    private Dictionary<string, int>? _index;

    internal CompactGraph(string[] ids, bool directed, int[] offsets, int[] targets, double[] weights, int[]? inOffsets = null, int[]? inSources = null, double[]? inWeights = null)
    {
        Ids = ids;
        IsDirected = directed;
        Offsets = offsets;
        Targets = targets;
        Weights = weights;
        InOffsets = inOffsets ?? offsets;
        InSources = inSources ?? targets;
        InWeights = inWeights ?? weights;
    }

    /// <summary>The node ids, indexed by node index.</summary>
    public IReadOnlyList<string> Ids { get; }

    public bool IsDirected { get; }

    public int NodeCount => Ids.Count;

    /// <summary>Number of arcs stored in the out-CSR (twice the edge count for undirected graphs).</summary>
    public int ArcCount => Targets.Length;

    /// <summary>Number of edges: unordered pairs for undirected graphs, arcs for directed ones.</summary>
    public int EdgeCount => IsDirected ? Targets.Length : Targets.Length / 2;

    internal int[] Offsets { get; }

    internal int[] Targets { get; }

    internal double[] Weights { get; }

    internal int[] InOffsets { get; }

    internal int[] InSources { get; }

    internal double[] InWeights { get; }

    public ReadOnlySpan<int> Neighbours(int v) => Targets.AsSpan(Offsets[v], Offsets[v + 1] - Offsets[v]);

    public ReadOnlySpan<double> NeighbourWeights(int v) => Weights.AsSpan(Offsets[v], Offsets[v + 1] - Offsets[v]);

    public ReadOnlySpan<int> InNeighbours(int v) => InSources.AsSpan(InOffsets[v], InOffsets[v + 1] - InOffsets[v]);

    public ReadOnlySpan<double> InNeighbourWeights(int v) => InWeights.AsSpan(InOffsets[v], InOffsets[v + 1] - InOffsets[v]);

    public int OutDegree(int v) => Offsets[v + 1] - Offsets[v];

    /// <summary>The index of a node id, or -1.</summary>
    public int IndexOf(string id)
    {
        if (_index is null)
        {
            var index = new Dictionary<string, int>(NodeCount, StringComparer.Ordinal);
            for (var i = 0; i < NodeCount; i++)
            {
                index[Ids[i]] = i;
            }

            _index = index;
        }

        return _index.TryGetValue(id, out var v) ? v : -1;
    }

    /// <summary>The arc index of <c>u → v</c> in the out-CSR, or -1 (binary search, targets are sorted).</summary>
    public int ArcIndex(int u, int v)
    {
        var i = Array.BinarySearch(Targets, Offsets[u], Offsets[u + 1] - Offsets[u], v);
        return i >= 0 ? i : -1;
    }

    /// <summary>The undirected simple projection: arcs in either direction merged, weights summed.</summary>
    public CompactGraph AsUndirected()
    {
        if (!IsDirected)
        {
            return this;
        }

        var src = new int[ArcCount];
        for (var u = 0; u < NodeCount; u++)
        {
            src.AsSpan(Offsets[u], Offsets[u + 1] - Offsets[u]).Fill(u);
        }

        return CsrAssembly.Build([.. Ids], src, Targets, Weights, directed: false);
    }

    /// <summary>The undirected simple projection less the ties of <paramref name="layer"/> (a projection of the same nodes, in the
    /// same order): every pair keeps its weight minus the layer's, and a pair the layer accounts for entirely is dropped.</summary>
    public CompactGraph Without(CompactGraph layer)
    {
        var g = AsUndirected();
        var l = layer.AsUndirected();
        var src = new List<int>();
        var dst = new List<int>();
        var w = new List<double>();
        for (var u = 0; u < g.NodeCount; u++)
        {
            for (var a = g.Offsets[u]; a < g.Offsets[u + 1]; a++)
            {
                var v = g.Targets[a];
                var b = u < v ? l.ArcIndex(u, v) : -1;
                var left = b >= 0 ? g.Weights[a] - l.Weights[b] : g.Weights[a];
                // Weights are sums of the same ties' weights: a remainder within rounding of 0 is no tie left.
                if (u < v && left > 1e-9 * Math.Max(1.0, Math.Abs(g.Weights[a])))
                {
                    src.Add(u);
                    dst.Add(v);
                    w.Add(left);
                }
            }
        }

        return CsrAssembly.Build([.. Ids], [.. src], [.. dst], [.. w], directed: false);
    }

    /// <summary>The subgraph induced by <paramref name="nodes"/>; node i of the result is <c>nodes[i]</c>.</summary>
    public CompactGraph Induced(IReadOnlyList<int> nodes)
    {
        var local = new Dictionary<int, int>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            local[nodes[i]] = i;
        }

        var src = new List<int>();
        var dst = new List<int>();
        var w = new List<double>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var u = nodes[i];
            for (var a = Offsets[u]; a < Offsets[u + 1]; a++)
            {
                if (local.TryGetValue(Targets[a], out var j) && (IsDirected || i < j))
                {
                    src.Add(i);
                    dst.Add(j);
                    w.Add(Weights[a]);
                }
            }
        }

        var ids = nodes.Select(v => Ids[v]).ToArray();
        return CsrAssembly.Build(ids, [.. src], [.. dst], [.. w], IsDirected);
    }
}
