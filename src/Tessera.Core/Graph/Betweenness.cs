namespace Tessera.Core.Graph;

/// <summary>Options for <see cref="Betweenness"/>.</summary>
/// <param name="Samples">Number of BFS sources drawn uniformly without replacement (seeded); null = every node (exact).</param>
/// <param name="Links">Also accumulate link (edge) betweenness.</param>
/// <param name="Normalized">networkx normalisation: × 1/((n−1)(n−2)) for nodes; otherwise raw pair counts.</param>
/// <param name="Reach">Also accumulate harmonic closeness (Σ 1/d) from the same BFS runs; sampled, it is estimated from the
/// sources and scaled by n/k (distances are symmetric on undirected graphs).</param>
internal sealed record BetweennessOptions(
    int? Samples = null,
    int Seed = 42,
    bool Links = false,
    bool Reach = false,
    bool Normalized = true,
    int MaxDegreeOfParallelism = -1,
    IProgress<double>? Progress = null,
    CancellationToken Cancellation = default);

/// <summary>Node betweenness and, optionally, link betweenness per arc (for undirected graphs both arcs of an
/// edge carry the edge's value: shortest paths between unordered pairs through it, unnormalised).</summary>
internal sealed record BetweennessResult(double[] Nodes, double[]? Arcs)
{
    /// <summary>Harmonic closeness per node when <see cref="BetweennessOptions.Reach"/> was asked for; otherwise null.</summary>
    public double[]? Reach { get; init; }
}

/// <summary>Shortest-path betweenness, Brandes (2001) with BFS (unweighted), parallel over sources.</summary>
/// <remarks>O(n·m) exact, O(k·m) sampled (scaled by n/k as networkx does with <c>k=</c>). Each worker keeps its
/// own O(n + m) buffers and accumulators, merged at the end; the successor form of the dependency sum
/// (δ(v) = Σ σ(v)/σ(w)·(1 + δ(w)) over w one step further) avoids predecessor lists.</remarks>
internal static class Betweenness
{
    public static BetweennessResult Compute(CompactGraph g, BetweennessOptions? options = null)
    {
        options ??= new BetweennessOptions();
        var n = g.NodeCount;
        var sources = Sources(n, options);
        var nodes = new double[n];
        var arcs = options.Links ? new double[g.ArcCount] : null;
        var reach = options.Reach ? new double[n] : null;
        // A fixed set of workers pulling sources from a shared counter: one set of O(n + m) buffers per core,
        // allocated once (Parallel.For's localInit would run again for every replica task it spawns).
        var workers = new Worker[Math.Max(1, Math.Min(options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount, sources.Length))];
        var next = -1;
        var done = 0;
        var step = Math.Max(1, sources.Length / 100);
        Parallel.For(0, workers.Length, new ParallelOptions { MaxDegreeOfParallelism = workers.Length, CancellationToken = options.Cancellation }, i =>
        {
            var worker = workers[i] = new Worker(n, options.Links ? g.ArcCount : 0, options.Reach);
            int index;
            while ((index = Interlocked.Increment(ref next)) < sources.Length)
            {
                options.Cancellation.ThrowIfCancellationRequested();
                worker.Run(g, sources[index]);
                if (options.Progress is not null && Interlocked.Increment(ref done) % step == 0)
                {
                    options.Progress.Report((double)done / sources.Length);
                }
            }
        });
        foreach (var w in workers)
        {
            Add(nodes, w.Nodes);
            if (arcs is not null)
            {
                Add(arcs, w.Arcs!);
            }

            if (reach is not null)
            {
                Add(reach, w.Reach!);
            }
        }

        Rescale(g, nodes, arcs, sources.Length, options.Normalized);
        if (reach is not null && sources.Length < n && sources.Length > 0)
        {
            var scale = (double)n / sources.Length;
            for (var v = 0; v < n; v++)
            {
                reach[v] *= scale;
            }
        }

        return new BetweennessResult(nodes, arcs) { Reach = reach };
    }

    private static int[] Sources(int n, BetweennessOptions options)
    {
        var all = Enumerable.Range(0, n).ToArray();
        if (options.Samples is not { } k || k >= n)
        {
            return all;
        }

        // Partial Fisher–Yates: k distinct sources, uniform, reproducible from the seed.
        var rng = new Random(options.Seed);
        for (var i = 0; i < k; i++)
        {
            var j = rng.Next(i, n);
            (all[i], all[j]) = (all[j], all[i]);
        }

        return all[..k];
    }

    private static void Rescale(CompactGraph g, double[] nodes, double[]? arcs, int used, bool normalized)
    {
        var n = g.NodeCount;
        var sampleScale = used < n && used > 0 ? (double)n / used : 1.0;

        // networkx _rescale: normalised → 1/((n−1)(n−2)); raw undirected → ½ (each pair seen from both ends).
        var scale = normalized ? (n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 1.0) : (g.IsDirected ? 1.0 : 0.5);
        scale *= sampleScale;
        for (var v = 0; v < n; v++)
        {
            nodes[v] *= scale;
        }

        if (arcs is null)
        {
            return;
        }

        if (g.IsDirected)
        {
            for (var a = 0; a < arcs.Length; a++)
            {
                arcs[a] *= sampleScale;
            }

            return;
        }

        // An undirected edge's value is the sum over its two arcs, halved for the two ends of every pair.
        for (var u = 0; u < n; u++)
        {
            for (var a = g.Offsets[u]; a < g.Offsets[u + 1]; a++)
            {
                var v = g.Targets[a];
                if (u < v)
                {
                    var b = g.ArcIndex(v, u);
                    var value = (arcs[a] + arcs[b]) * 0.5 * sampleScale;
                    arcs[a] = value;
                    arcs[b] = value;
                }
            }
        }
    }

    private static void Add(double[] into, double[] from)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] += from[i];
        }
    }

    /// <summary>One worker's buffers: a BFS from a source and the dependency accumulation back along it.</summary>
    /// <remarks>The forward pass records the shortest-path DAG's arcs (u, v) in discovery order; walking that list
    /// backwards visits every arc after all of v's own arcs, so δ(v) is final when it is used and the backward pass
    /// touches only DAG arcs. σ and δ of a node share one cache line; arc indexes are kept only for link betweenness.</remarks>
    private sealed class Worker(int n, int arcCount, bool reach)
    {
        private readonly int[] _dist = Enumerable.Repeat(-1, n).ToArray();
        private readonly Paths[] _paths = new Paths[n];
        private readonly int[] _order = new int[n];
        private int[] _dagFrom = new int[Math.Max(16, n)];
        private int[] _dagTo = new int[Math.Max(16, n)];
        private int[] _dagArc = arcCount > 0 ? new int[Math.Max(16, n)] : [];

        public double[] Nodes { get; } = new double[n];

        public double[]? Arcs { get; } = arcCount > 0 ? new double[arcCount] : null;

        public double[]? Reach { get; } = reach ? new double[n] : null;

        public void Run(CompactGraph g, int s)
        {
            var offsets = g.Offsets;
            var targets = g.Targets;
            var dist = _dist;
            var paths = _paths;
            var order = _order;
            var arcs = Arcs;
            var dagFrom = _dagFrom;
            var dagTo = _dagTo;
            var dagArc = _dagArc;
            int head = 0, tail = 0, dag = 0;
            order[tail++] = s;
            dist[s] = 0;
            paths[s].Sigma = 1;
            while (head < tail)
            {
                var u = order[head++];
                var du = dist[u] + 1;
                var su = paths[u].Sigma;
                int from = offsets[u], to = offsets[u + 1];
                if (dag + (to - from) > dagTo.Length)
                {
                    var size = Math.Max(dagTo.Length * 2, dag + (to - from));
                    Array.Resize(ref _dagFrom, size);
                    Array.Resize(ref _dagTo, size);
                    if (arcs is not null)
                    {
                        Array.Resize(ref _dagArc, size);
                    }

                    (dagFrom, dagTo, dagArc) = (_dagFrom, _dagTo, _dagArc);
                }

                for (var a = from; a < to; a++)
                {
                    var v = targets[a];
                    var dv = dist[v];
                    if (dv < 0)
                    {
                        dist[v] = dv = du;
                        order[tail++] = v;
                    }

                    if (dv == du)
                    {
                        paths[v].Sigma += su;
                        dagFrom[dag] = u;
                        dagTo[dag] = v;
                        if (arcs is not null)
                        {
                            dagArc[dag] = a;
                        }

                        dag++;
                    }
                }
            }

            for (var i = dag - 1; i >= 0; i--)
            {
                var u = dagFrom[i];
                ref var pv = ref paths[dagTo[i]];
                ref var pu = ref paths[u];
                var c = pu.Sigma / pv.Sigma * (1.0 + pv.Delta);
                pu.Delta += c;
                if (arcs is not null)
                {
                    arcs[dagArc[i]] += c;
                }
            }

            var nodes = Nodes;
            var harmonic = Reach;
            for (var i = 0; i < tail; i++)
            {
                var u = order[i];
                if (u != s)
                {
                    nodes[u] += paths[u].Delta;
                    if (harmonic is not null)
                    {
                        harmonic[u] += 1.0 / dist[u];
                    }
                }

                dist[u] = -1;
                paths[u] = default;
            }
        }
    }

    /// <summary>σ (shortest-path count) and δ (dependency) of one node, side by side.</summary>
    private struct Paths
    {
        public double Sigma;
        public double Delta;
    }
}
