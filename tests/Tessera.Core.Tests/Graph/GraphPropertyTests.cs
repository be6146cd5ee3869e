using CsCheck;
using Tessera.Core.Graph;

namespace Tessera.Core.Tests.Graph;

/// <summary>Invariants on random graphs.</summary>
public sealed class GraphPropertyTests
{
    private static readonly Gen<(int N, (int, int)[] Ties)> RandomGraphs =
        Gen.Int[2, 40].SelectMany(n => Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 1]).Array[0, 120].Select(t => (n, t)));

    [Fact]
    public void Build_RandomTies_UndirectedCsrIsSymmetricAndKeepsWeight()
    {
        RandomGraphs.Sample(x =>
        {
            var g = Build(x.N, x.Ties);
            var loops = x.Ties.Count(t => t.Item1 == t.Item2);
            Assert.Equal(2.0 * (x.Ties.Length - loops), g.Weights.Sum());
            for (var u = 0; u < g.NodeCount; u++)
            {
                foreach (var v in g.Neighbours(u))
                {
                    Assert.True(g.ArcIndex(v, u) >= 0);
                }
            }
        });
    }

    [Fact]
    public void Betweenness_RandomGraph_ParallelEqualsSequentialAndBounded()
    {
        RandomGraphs.Sample(x =>
        {
            var g = Build(x.N, x.Ties);
            var sequential = Betweenness.Compute(g, new BetweennessOptions(MaxDegreeOfParallelism: 1)).Nodes;
            var parallel = Betweenness.Compute(g, new BetweennessOptions(MaxDegreeOfParallelism: 4)).Nodes;
            for (var v = 0; v < g.NodeCount; v++)
            {
                Assert.Equal(sequential[v], parallel[v], 9);
                Assert.InRange(parallel[v], 0, 1 + 1e-12);
            }
        });
    }

    [Fact]
    public void Leiden_RandomGraph_ModularityMatchesPartitionAndNotBelowSingletons()
    {
        RandomGraphs.Sample(x =>
        {
            var g = Build(x.N, x.Ties);
            var result = CommunityDetection.Leiden(g);
            Assert.Equal(Modularity.Compute(g, result.Community), result.Modularity, 9);
            Assert.True(result.Modularity >= Modularity.Compute(g, [.. Enumerable.Range(0, g.NodeCount)]) - 1e-12);
        });
    }

    private static CompactGraph Build(int n, (int, int)[] ties)
    {
        var b = new GraphBuilder();
        for (var v = 0; v < n; v++)
        {
            b.AddNode(v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (s, t) in ties)
        {
            b.AddTie(s.ToString(System.Globalization.CultureInfo.InvariantCulture), t.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return b.Build();
    }
}
