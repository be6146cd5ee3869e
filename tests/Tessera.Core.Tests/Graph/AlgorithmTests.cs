using Tessera.Core.Graph;

namespace Tessera.Core.Tests.Graph;

/// <summary>Algorithms on small graphs whose answers are known by hand.</summary>
public sealed class AlgorithmTests
{
    [Fact]
    public void Strong_TwoCyclesJoinedOneWay_TwoComponentsAndWeakOne()
    {
        var g = Graph(true, ("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "d"));

        var strong = Components.Strong(g);
        var weak = Components.Weak(g);

        Assert.Equal([3, 2], strong.Sizes);
        Assert.Equal(strong.Label[g.IndexOf("a")], strong.Label[g.IndexOf("c")]);
        Assert.NotEqual(strong.Label[g.IndexOf("c")], strong.Label[g.IndexOf("d")]);
        Assert.Equal(1, weak.Count);
    }

    [Fact]
    public void CutStructure_TwoTrianglesJoinedByALink_FindsCutVerticesAndBridge()
    {
        var g = Graph(false, ("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "f"), ("f", "d"));

        var cut = CutStructure.Compute(g);

        var cuts = Enumerable.Range(0, g.NodeCount).Where(v => cut.IsArticulation[v]).Select(v => g.Ids[v]).Order(StringComparer.Ordinal);
        Assert.Equal(["c", "d"], cuts);
        var bridge = Assert.Single(cut.Bridges);
        Assert.Equal(["c", "d"], new[] { g.Ids[bridge.U], g.Ids[bridge.V] }.Order(StringComparer.Ordinal));
        Assert.Equal(3, cut.LargestPieceWithout[g.IndexOf("c")]);
        Assert.Equal(5, cut.LargestPieceWithout[g.IndexOf("a")]);
    }

    [Fact]
    public void LinkBetweenness_Path_CountsPairsThroughEachLink()
    {
        var g = Graph(false, ("a", "b"), ("b", "c"), ("c", "d"));

        var arcs = Betweenness.Compute(g, new BetweennessOptions(Links: true, Normalized: false)).Arcs!;

        Assert.Equal(3, arcs[g.ArcIndex(g.IndexOf("a"), g.IndexOf("b"))], 12);
        Assert.Equal(4, arcs[g.ArcIndex(g.IndexOf("b"), g.IndexOf("c"))], 12);
        Assert.Equal(4, arcs[g.ArcIndex(g.IndexOf("c"), g.IndexOf("b"))], 12);
    }

    [Fact]
    public void SampledBetweenness_AllSources_EqualsExact()
    {
        var g = NetworkData.Load("karate-club", "karate").Build();

        var exact = Betweenness.Compute(g).Nodes;
        var sampled = Betweenness.Compute(g, new BetweennessOptions(Samples: g.NodeCount)).Nodes;
        var half = Betweenness.Compute(g, new BetweennessOptions(Samples: 17, Seed: 3)).Nodes;

        var again = Betweenness.Compute(g, new BetweennessOptions(Samples: 17, Seed: 3)).Nodes;
        for (var v = 0; v < g.NodeCount; v++)
        {
            Assert.Equal(exact[v], sampled[v], 12);
            Assert.Equal(half[v], again[v], 12);
        }

        Assert.Contains(Enumerable.Range(0, g.NodeCount), v => Math.Abs(exact[v] - half[v]) > 1e-6);
    }

    [Fact]
    public void Harmonic_Path_SumsInverseDistances()
    {
        var g = Graph(false, ("a", "b"), ("b", "c"));

        var h = Closeness.Harmonic(g);

        Assert.Equal(1.5, h[g.IndexOf("a")], 12);
        Assert.Equal(2.0, h[g.IndexOf("b")], 12);
    }

    [Fact]
    public void PersonalisedPageRank_KnownTarget_RanksTargetAndNeighboursFirst()
    {
        var g = NetworkData.Load("karate-club", "karate").Build();
        var target = g.IndexOf(g.Ids[^1]);

        var pr = PageRank.Compute(g, new PageRankOptions(Personalization: new Dictionary<int, double> { [target] = 1 }));

        Assert.Equal(1.0, pr.Sum(), 9);
        Assert.Equal(target, Array.IndexOf(pr, pr.Max()));
        var uniform = PageRank.Compute(g);
        var near = g.Neighbours(target).ToArray();
        Assert.True(near.Sum(v => pr[v]) > near.Sum(v => uniform[v]));
    }

    [Fact]
    public void Paths_Square_ShortestAndAllSimpleUpToK()
    {
        var g = Graph(false, ("a", "b"), ("b", "c"), ("c", "d"), ("d", "a"), ("a", "c"));
        int a = g.IndexOf("a"), c = g.IndexOf("c"), b = g.IndexOf("b");

        Assert.Equal([a, c], Paths.Shortest(g, a, c));
        Assert.Equal(3, Paths.AllSimple(g, a, c, maxHops: 2).Count);
        Assert.Equal(3, Paths.AllSimple(g, b, c, maxHops: 3).Count);
        Assert.Single(Paths.AllSimple(g, b, c, maxHops: 1));
        Assert.Empty(Paths.Shortest(Graph(false, ("x", "y"), ("z", "w")), 0, 2));
    }

    [Fact]
    public void Ego_RadiusOne_CentreAndNeighbours()
    {
        var g = Graph(false, ("a", "b"), ("b", "c"), ("c", "d"), ("a", "e"));

        var (nodes, ego) = Paths.Ego(g, g.IndexOf("a"));

        Assert.Equal(["a", "b", "e"], nodes.Select(v => g.Ids[v]));
        Assert.Equal(2, ego.EdgeCount);
    }

    [Fact]
    public void LabelPropagation_TwoCliques_TwoCommunities()
    {
        var ties = new List<(string, string)>();
        foreach (var prefix in new[] { "x", "y" })
        {
            for (var i = 0; i < 5; i++)
            {
                for (var j = i + 1; j < 5; j++)
                {
                    ties.Add(($"{prefix}{i}", $"{prefix}{j}"));
                }
            }
        }

        ties.Add(("x0", "y0"));
        var result = LabelPropagation.Compute(Graph(false, [.. ties]));

        Assert.Equal(2, result.Count);
        Assert.True(result.Modularity > 0.4);
    }

    [Fact]
    public void Leiden_Karate_EveryCommunityConnected()
    {
        var g = NetworkData.Load("karate-club", "karate").Build();

        var result = CommunityDetection.Leiden(g);

        for (var c = 0; c < result.Count; c++)
        {
            var members = Enumerable.Range(0, g.NodeCount).Where(v => result.Community[v] == c).ToList();
            Assert.Equal(1, Components.Weak(g.Induced(members)).Count);
        }
    }

    [Fact]
    public void BuildPerPeriod_TimedTies_OneGraphPerMonth()
    {
        var b = new GraphBuilder();
        var jan = new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero);
        b.AddTie("a", "b", time: jan);
        b.AddTie("b", "c", time: jan.AddDays(40));
        b.AddTie("c", "d", time: jan.AddDays(45), type: "call");

        var slices = b.BuildPerPeriod(TimeSpan.FromDays(30)).ToList();

        Assert.Equal(2, slices.Count);
        Assert.Equal(1, slices[0].Graph.EdgeCount);
        Assert.Equal(2, slices[1].Graph.EdgeCount);
        Assert.Equal(4, slices[1].Graph.NodeCount);
        Assert.Equal(1, b.Build(false, t => t.Type == "call").EdgeCount);
    }

    [Fact]
    public void Build_ReciprocalAndRepeatedTies_MergedWithSummedWeights()
    {
        var b = new GraphBuilder();
        b.AddTie("a", "b", 2);
        b.AddTie("b", "a", 5);
        b.AddTie("a", "a", 7);
        b.AddTie("a", "b", 1);

        var undirected = b.Build();
        var directed = b.Build(directed: true);

        Assert.Equal(1, undirected.EdgeCount);
        Assert.Equal(8, undirected.NeighbourWeights(0)[0]);
        Assert.Equal(2, directed.EdgeCount);
        Assert.Equal(2, Degree.NetFlow(directed)[0]);
    }

    private static CompactGraph Graph(bool directed, params (string, string)[] ties)
    {
        var b = new GraphBuilder();
        foreach (var (s, t) in ties)
        {
            b.AddTie(s, t);
        }

        return b.Build(directed);
    }
}
