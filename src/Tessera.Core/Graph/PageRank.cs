namespace Tessera.Core.Graph;

/// <summary>Options for <see cref="PageRank"/>.</summary>
/// <param name="Personalization">Restart weights by node index (e.g. known targets); null = uniform. Also used
/// for dangling nodes, as networkx does.</param>
internal sealed record PageRankOptions(
    double Alpha = 0.85,
    double Tolerance = 1e-12,
    int MaxIterations = 1000,
    bool Weighted = false,
    IReadOnlyDictionary<int, double>? Personalization = null);

/// <summary>PageRank and personalised PageRank by power iteration, as networkx <c>pagerank</c> (scipy form).</summary>
/// <remarks>x ← α(xP + Σ_dangling x · p) + (1 − α)p from the uniform vector, stopping when Σ|x − x_prev| &lt; n·tol;
/// P is the (weighted) out-strength-normalised adjacency. Pull form over in-arcs, parallel over nodes: O(m) per
/// iteration. Personalised from known targets it answers "who is closest to our suspects".</remarks>
internal static class PageRank
{
    public static double[] Compute(CompactGraph g, PageRankOptions? options = null)
    {
        options ??= new PageRankOptions();
        var n = g.NodeCount;
        if (n == 0)
        {
            return [];
        }

        var p = Restart(n, options.Personalization);
        var invOut = new double[n];
        for (var v = 0; v < n; v++)
        {
            var s = 0.0;
            if (options.Weighted)
            {
                for (var a = g.Offsets[v]; a < g.Offsets[v + 1]; a++)
                {
                    s += g.Weights[a];
                }
            }
            else
            {
                s = g.Offsets[v + 1] - g.Offsets[v];
            }

            invOut[v] = s != 0 ? 1.0 / s : 0.0;
        }

        var x = new double[n];
        Array.Fill(x, 1.0 / n);
        var y = new double[n];
        var next = new double[n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = n < 50_000 ? 1 : -1 };
        var alpha = options.Alpha;
        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            var dangling = 0.0;
            for (var v = 0; v < n; v++)
            {
                y[v] = x[v] * invOut[v];
                if (invOut[v] == 0)
                {
                    dangling += x[v];
                }
            }

            var xs = x;
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, n, Math.Max(1024, n / 64)), parallel, range =>
            {
                for (var v = range.Item1; v < range.Item2; v++)
                {
                    var sum = 0.0;
                    var to = g.InOffsets[v + 1];
                    if (options.Weighted)
                    {
                        for (var a = g.InOffsets[v]; a < to; a++)
                        {
                            sum += y[g.InSources[a]] * g.InWeights[a];
                        }
                    }
                    else
                    {
                        for (var a = g.InOffsets[v]; a < to; a++)
                        {
                            sum += y[g.InSources[a]];
                        }
                    }

                    next[v] = (alpha * (sum + (dangling * p[v]))) + ((1 - alpha) * p[v]);
                }
            });
            var err = 0.0;
            for (var v = 0; v < n; v++)
            {
                err += Math.Abs(next[v] - xs[v]);
            }

            (x, next) = (next, x);
            if (err < n * options.Tolerance)
            {
                break;
            }
        }

        return x;
    }

    private static double[] Restart(int n, IReadOnlyDictionary<int, double>? personalization)
    {
        var p = new double[n];
        if (personalization is null || personalization.Count == 0)
        {
            Array.Fill(p, 1.0 / n);
            return p;
        }

        var total = personalization.Values.Sum();
        if (total <= 0)
        {
            throw new ArgumentException("personalisation weights must sum to a positive number", nameof(personalization));
        }

        foreach (var (v, w) in personalization)
        {
            p[v] = w / total;
        }

        return p;
    }
}
