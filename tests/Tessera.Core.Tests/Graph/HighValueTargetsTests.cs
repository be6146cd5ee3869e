using Tessera.Core.Graph;

namespace Tessera.Core.Tests.Graph;

/// <summary>The release check of graph-anchors §6.3.6 and the shape of the leads.</summary>
public sealed class HighValueTargetsTests
{
    [Fact]
    public void Rank_CaviarFull_PutsNodes1And12InTopThree()
    {
        var (g, leads) = Leads("caviar", "full");

        var top3 = HighValueTargets.Rank(g, leads).Take(3).Select(l => g.Ids[l.Node]).ToList();

        Assert.Contains("1", top3);
        Assert.Contains("12", top3);
    }

    [Fact]
    public void Rank_NoordinUnion_PutsNoordinTopFirst()
    {
        var (g, leads) = Leads("noordin-top", "union");

        Assert.Equal("Noordin Mohammed Top", g.Ids[HighValueTargets.Rank(g, leads)[0].Node]);
    }

    [Theory]
    [MemberData(nameof(ReferenceNetworkTests.Networks), MemberType = typeof(ReferenceNetworkTests))]
    public void Score_AnyNetwork_BoundedAndExplained(string folder, string network)
    {
        var (_, leads) = Leads(folder, network);

        Assert.All(leads, l =>
        {
            Assert.InRange(l.Organiser, 0, 100);
            Assert.InRange(l.Broker, 0, 100);
            Assert.InRange(l.MoneyHandler, 0, 100);
            Assert.InRange(l.Impact, 0, 100);
            // A node with nothing to go on (an isolate) has no role and no explanation; every other lead is explained by the
            // measures of its winning role, strongest first, and they add up to no more than its score.
            Assert.Equal(l.Score > 0, l.Role is not null);
            Assert.InRange(l.Why.Count, l.Score > 0 ? 1 : 0, 3);
            Assert.All(l.Why, w => Assert.True(w.Contribution > 0));
            Assert.True(l.Why.Sum(w => w.Contribution) <= l.Score + 1e-9);
            if (l.Why.Count > 0)
            {
                Assert.Equal(l.Why.Max(w => w.Contribution), l.Why[0].Contribution);
            }
        });
    }

    [Fact]
    public void RankPerCommunity_Caviar_CoversEveryNodeOnce()
    {
        var g = NetworkData.Load("caviar", "full").Build();
        var table = NetworkMetrics.Compute(g, ["organiser"]);

        var local = HighValueTargets.RankPerCommunity(g, table.Measures!);

        Assert.Equal(g.NodeCount, local.Values.Sum(r => r.Count));
        Assert.All(local, kv => Assert.All(kv.Value, l => Assert.Equal(kv.Key, table.Measures!.Community[l.Node])));
    }

    [Fact]
    public void Impact_PathGraph_CentreCutsOffTwoThirds()
    {
        var b = new GraphBuilder();
        b.AddTie("a", "b");
        b.AddTie("b", "c");
        var g = b.Build();

        var table = NetworkMetrics.Compute(g, ["impact"]);

        Assert.Equal(100.0 * 2 / 3, table["impact"]![g.IndexOf("b")], 9);
        Assert.Equal(100.0 / 3, table["impact"]![g.IndexOf("a")], 9);
    }

    [Fact]
    public void Rank_VictimAtTheCentreOfAPlantedNetwork_IsNeverRankedNorReported()
    {
        // Two cells of four joined only through "v", who would be among the top leads as their broker, but is a victim.
        var b = new GraphBuilder();
        foreach (var cell in new[] { "a", "b" })
        {
            for (var i = 1; i <= 4; i++)
            {
                for (var j = i + 1; j <= 4; j++)
                {
                    b.AddTie($"{cell}{i}", $"{cell}{j}");
                }
            }
        }

        b.AddTie("v", "a1");
        b.AddTie("v", "b1");
        var g = b.Build();
        string[] columns = ["organiser", "broker", "money_handler", "impact"];
        var plain = NetworkMetrics.Compute(g, columns);

        var table = NetworkMetrics.Compute(g, columns, new MetricsOptions(NeverRanked: new HashSet<string>(StringComparer.Ordinal) { "v" }));

        Assert.Contains("v", HighValueTargets.Rank(g, plain.Leads!).Take(3).Select(l => g.Ids[l.Node]));
        var ranked = HighValueTargets.Rank(g, table.Leads!).Select(l => g.Ids[l.Node]).ToList();
        Assert.Equal(g.NodeCount - 1, ranked.Count);
        Assert.DoesNotContain("v", ranked);
        Assert.All(columns[..3], c => Assert.Equal(0, table[c]![g.IndexOf("v")]));
        Assert.DoesNotContain(HighValueTargets.RankPerCommunity(g, table.Measures!).Values.SelectMany(r => r), l => g.Ids[l.Node] == "v");
        using var csv = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        TargetLeadsReport.WriteCsv(g, table.Measures!, table.Leads!, csv);
        Assert.DoesNotContain(",v,", csv.ToString(), StringComparison.Ordinal);
    }

    private static (CompactGraph Graph, IReadOnlyList<TargetLead> Leads) Leads(string folder, string network)
    {
        var g = NetworkData.Load(folder, network).Build();
        return (g, NetworkMetrics.Compute(g, ["organiser", "broker", "money_handler", "impact"]).Leads!);
    }
}
