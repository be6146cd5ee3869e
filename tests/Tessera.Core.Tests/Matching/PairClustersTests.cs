using CsCheck;
using Tessera.Core.Matching;

namespace Tessera.Core.Tests.Matching;

public sealed class PairClustersTests
{
    private static Func<int, int, double> Weights(Dictionary<(int, int), double> known, double otherwise = -20) =>
        (i, j) => known.TryGetValue((Math.Min(i, j), Math.Max(i, j)), out var w) ? w : otherwise;

    [Fact]
    public void Build_ChainWhoseEndsContradict_DoesNotJoinTheEnds()
    {
        // A~B and B~C are hits, A and C are clearly different persons: B joins the stronger side only.
        var weights = new Dictionary<(int, int), double> { [(0, 1)] = 12, [(1, 2)] = 10, [(0, 2)] = -16 };
        var clusters = PairClusters.Build(3, [(0, 1, 12), (1, 2, 10)], Weights(weights), threshold: 0);

        Assert.Equal(clusters[0], clusters[1]);
        Assert.NotEqual(clusters[1], clusters[2]);
    }

    [Fact]
    public void Build_TightGroupWithOneWeakPair_StaysOneCluster()
    {
        // Four records of one person: five strong pairs and one below the threshold (a placeholder birth date, say).
        var weights = new Dictionary<(int, int), double>
        {
            [(0, 1)] = 10, [(0, 2)] = 9, [(0, 3)] = 11, [(1, 2)] = 8, [(1, 3)] = 10, [(2, 3)] = -3,
        };
        var hits = weights.Where(kv => kv.Value >= 0).Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value));
        var clusters = PairClusters.Build(4, hits, Weights(weights), threshold: 0);

        Assert.Single(clusters.Distinct());
    }

    [Fact]
    public void Build_TwoPersonsBridgedByOneWeakHit_StayApart()
    {
        // Two groups of three, each tight; one barely-positive hit between them (a common name) must not merge six records.
        var weights = new Dictionary<(int, int), double>();
        foreach (var (a, b) in new[] { (0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5) })
        {
            weights[(a, b)] = 12;
        }

        weights[(2, 3)] = 0.5;
        var hits = weights.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value));
        var clusters = PairClusters.Build(6, hits, Weights(weights, otherwise: -6), threshold: 0);

        Assert.Equal(2, clusters.Distinct().Count());
        Assert.Equal(clusters[0], clusters[2]);
        Assert.Equal(clusters[3], clusters[5]);
    }

    [Fact]
    public void Build_AnyHitsInAnyOrder_SamePartitionAndNoRecordLost()
    {
        Gen.Int[2, 12].SelectMany(n => Gen.Select(Gen.Const(n), Gen.Double[-20, 20].Array[n * n], Gen.Int.Array[n * n])).Sample((n, raw, order) =>
        {
            double W(int i, int j) => raw[(Math.Min(i, j) * n) + Math.Max(i, j)];
            var hits = Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(i + 1, n - i - 1).Select(j => (i, j, W(i, j)))).Where(h => h.Item3 >= 0).ToList();
            var shuffled = hits.Select((h, k) => (h, key: order[k % order.Length])).OrderBy(x => x.key).Select(x => x.h).ToList();
            var a = PairClusters.Build(n, hits, W, 0);
            var b = PairClusters.Build(n, shuffled, W, 0);
            // Same partition (numbers follow the first record of each cluster), every record numbered.
            return a.Length == n && a.SequenceEqual(b) && a.All(c => c >= 0 && c < n);
        });
    }
}
