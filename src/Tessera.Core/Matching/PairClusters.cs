namespace Tessera.Core.Matching;

/// <summary>Groups the records of a dedupe into persons from its hit pairs, without chaining strangers through one weak link.</summary>
/// <remarks>
/// Hits are taken strongest first (Kruskal order). Two groups are joined only when the mean match weight over <em>all</em> pairs
/// across them, each clipped to ±<see cref="Clip"/> bits, reaches the threshold: average linkage, decided at the hit
/// threshold. Pairs that were never candidates are scored on demand. At a threshold of 0 bits this is the correlation-clustering
/// criterion on log-odds: a join is made when it raises the sum of the within-group log-odds. So A~B and B~C do not make
/// {A, B, C} when A and C disagree more strongly than B agrees with C, while a group of one person whose records are linked by
/// several pairs survives one weak or missing pair. Clipping keeps one extreme pair from deciding alone.
/// Complexity: one weight per pair across every attempted join, O(Σ |A|·|B|); in practice a few per record.
/// </remarks>
public static class PairClusters
{
    /// <summary>Bound, in bits, on one pair's contribution to a join decision.</summary>
    public const double Clip = 16;

    /// <summary>The cluster number of every record (0-based, numbered in order of each cluster's first record).</summary>
    /// <param name="count">Number of records.</param>
    /// <param name="hits">Pairs above the hit threshold as (left, right, weight); weight orders the joins.</param>
    /// <param name="weight">The match weight of any pair of records, in bits.</param>
    /// <param name="threshold">Mean clipped weight a join needs (the hit threshold).</param>
    public static int[] Build(int count, IEnumerable<(int Left, int Right, double Weight)> hits, Func<int, int, double> weight, double threshold)
    {
        var parent = new int[count];
        var members = new List<int>?[count];
        for (var i = 0; i < count; i++)
        {
            parent[i] = i;
        }

        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        var cache = new Dictionary<long, double>();
        double Pair(int i, int j)
        {
            var key = ((long)Math.Min(i, j) << 32) | (uint)Math.Max(i, j);
            if (!cache.TryGetValue(key, out var w))
            {
                cache[key] = w = Math.Clamp(weight(i, j), -Clip, Clip);
            }

            return w;
        }

        foreach (var (left, right, w) in hits.OrderByDescending(h => h.Weight).ThenBy(h => h.Left).ThenBy(h => h.Right))
        {
            _ = w;
            var (a, b) = (Find(left), Find(right));
            if (a == b)
            {
                continue;
            }

            var ma = members[a] ?? [a];
            var mb = members[b] ?? [b];
            var sum = 0.0;
            foreach (var i in ma)
            {
                foreach (var j in mb)
                {
                    sum += Pair(i, j);
                }
            }

            if (sum / ((double)ma.Count * mb.Count) < threshold)
            {
                continue;
            }

            // Union by size: the larger group keeps its list.
            var (big, small) = ma.Count >= mb.Count ? (a, b) : (b, a);
            var bigList = members[big] ?? [big];
            bigList.AddRange(members[small] ?? [small]);
            members[big] = bigList;
            members[small] = null;
            parent[small] = big;
        }

        var number = new Dictionary<int, int>();
        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            var root = Find(i);
            if (!number.TryGetValue(root, out var c))
            {
                number[root] = c = number.Count;
            }

            result[i] = c;
        }

        return result;
    }
}
