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
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(
            0,
            n,
            parallel,
            () => (Dist: Enumerable.Repeat(-1, n).ToArray(), Queue: new int[n]),
            (s, _, buffers) =>
            {
                var (dist, queue) = buffers;
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

                return buffers;
            },
            _ => { });
        return result;
    }
}
