namespace Tessera.Core.Graph;

/// <summary>Turns an edge list over node indexes into a <see cref="CompactGraph"/>.</summary>
internal static class CsrAssembly
{
    /// <summary>Builds the simple graph: self-loops dropped, parallel (and, when undirected, reciprocal) ties merged
    /// into one edge whose weight is the sum of the merged weights.</summary>
    /// <remarks>O(m log m) for the sort of the packed (source, target) keys; the arrays are not modified.</remarks>
    public static CompactGraph Build(string[] ids, int[] sources, int[] targets, double[]? weights, bool directed)
    {
        var n = ids.Length;
        var keys = new long[sources.Length];
        var w = new double[sources.Length];
        var count = 0;
        for (var i = 0; i < sources.Length; i++)
        {
            int s = sources[i], t = targets[i];
            if (s == t)
            {
                continue;
            }

            if (!directed && s > t)
            {
                (s, t) = (t, s);
            }

            keys[count] = ((long)s << 32) | (uint)t;
            w[count] = weights is null ? 1.0 : weights[i];
            count++;
        }

        Array.Sort(keys, w, 0, count);
        var unique = 0;
        for (var i = 0; i < count; i++)
        {
            if (unique > 0 && keys[unique - 1] == keys[i])
            {
                w[unique - 1] += w[i];
            }
            else
            {
                keys[unique] = keys[i];
                w[unique] = w[i];
                unique++;
            }
        }

        var (offsets, outTargets, outWeights) = Csr(n, keys, w, unique, reverse: !directed, forward: true);
        if (!directed)
        {
            return new CompactGraph(ids, false, offsets, outTargets, outWeights);
        }

        var (inOffsets, inSources, inWeights) = Csr(n, keys, w, unique, reverse: true, forward: false);
        return new CompactGraph(ids, true, offsets, outTargets, outWeights, inOffsets, inSources, inWeights);
    }

    // Counting sort of the packed arcs into rows; both directions for undirected graphs. Rows come out sorted
    // because the keys are sorted by (source, target) and the reverse pass visits sources in ascending order.
    private static (int[] Offsets, int[] Targets, double[] Weights) Csr(int n, long[] keys, double[] w, int count, bool reverse, bool forward)
    {
        var offsets = new int[n + 1];
        for (var i = 0; i < count; i++)
        {
            if (forward)
            {
                offsets[(int)(keys[i] >> 32) + 1]++;
            }

            if (reverse)
            {
                offsets[(int)(uint)keys[i] + 1]++;
            }
        }

        for (var v = 0; v < n; v++)
        {
            offsets[v + 1] += offsets[v];
        }

        var fill = offsets[..n];
        var targets = new int[offsets[n]];
        var weights = new double[offsets[n]];
        if (reverse)
        {
            for (var i = 0; i < count; i++)
            {
                int s = (int)(keys[i] >> 32), t = (int)(uint)keys[i];
                targets[fill[t]] = s;
                weights[fill[t]++] = w[i];
            }
        }

        if (forward)
        {
            // Undirected rows: reverse entries (smaller ids) already precede the forward ones (larger ids).
            for (var i = 0; i < count; i++)
            {
                int s = (int)(keys[i] >> 32), t = (int)(uint)keys[i];
                targets[fill[s]] = t;
                weights[fill[s]++] = w[i];
            }
        }

        return (offsets, targets, weights);
    }
}
