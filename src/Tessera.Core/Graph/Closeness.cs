namespace Tessera.Core.Graph;

/// <summary>Closeness in the Wasserman–Faust form and harmonic closeness (both defined on disconnected graphs).</summary>
/// <remarks>One BFS per node (unweighted), parallel over nodes: O(n·m). For directed graphs distances are taken
/// towards the node (incoming), as networkx does.</remarks>
internal static class Closeness
{
    /// <summary>networkx <c>closeness_centrality(wf_improved=True)</c>: ((r−1)/(n−1))·((r−1)/Σd), r = nodes
    /// reached incl. itself; 0 for isolates.</summary>
    public static double[] WassermanFaust(CompactGraph g, int maxDegreeOfParallelism = -1) =>
        Run(g, maxDegreeOfParallelism, (reached, sum, _) =>
            sum > 0 && g.NodeCount > 1 ? (reached - 1.0) / sum * ((reached - 1.0) / (g.NodeCount - 1.0)) : 0.0);

    /// <summary>networkx <c>harmonic_centrality</c>: Σ 1/d over the other nodes reached (unnormalised).</summary>
    public static double[] Harmonic(CompactGraph g, int maxDegreeOfParallelism = -1) =>
        Run(g, maxDegreeOfParallelism, (_, _, harmonic) => harmonic);

    private static double[] Run(CompactGraph g, int maxDegreeOfParallelism, Func<int, long, double, double> score)
    {
        var n = g.NodeCount;
        var result = new double[n];
        var workers = Math.Max(1, Math.Min(maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : Environment.ProcessorCount, n));
        var next = -1;

        // One BFS buffer per worker, allocated once; sources are pulled from a shared counter.
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            var dist = Enumerable.Repeat(-1, n).ToArray();
            var queue = new int[n];
            int s;
            while ((s = Interlocked.Increment(ref next)) < n)
            {
                int head = 0, tail = 0;
                queue[tail++] = s;
                dist[s] = 0;
                long sum = 0;
                var harmonic = 0.0;
                while (head < tail)
                {
                    var u = queue[head++];
                    var du = dist[u];
                    sum += du;
                    if (du > 0)
                    {
                        harmonic += 1.0 / du;
                    }

                    foreach (var v in g.InNeighbours(u))
                    {
                        if (dist[v] < 0)
                        {
                            dist[v] = du + 1;
                            queue[tail++] = v;
                        }
                    }
                }

                result[s] = score(tail, sum, harmonic);
                for (var i = 0; i < tail; i++)
                {
                    dist[queue[i]] = -1;
                }
            }
        });
        return result;
    }
}
