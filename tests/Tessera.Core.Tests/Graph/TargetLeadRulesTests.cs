using CsCheck;
using Tessera.Core.Graph;

namespace Tessera.Core.Tests.Graph;

/// <summary>The rules of the high-value-target leads: magnitudes survive, money handlers only where money flows, no label
/// without evidence, and an organiser who hides behind cell leaders is still found.</summary>
public sealed class TargetLeadRulesTests
{
    private static readonly string[] Scores = ["organiser", "broker", "money_handler", "impact"];

    [Theory]
    [InlineData("paid (Payment)", true)]
    [InlineData("shares iban:DE89370400440532013000", true)]
    [InlineData("shares wallet:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", true)]
    [InlineData("business-and-finance", true)]
    [InlineData("Hawala transfer", true)]
    [InlineData("remittance", true)]
    [InlineData("called (Call)", false)]
    [InlineData("associate (Associate)", false)]
    [InlineData("owns (Ownership)", false)]
    [InlineData("shares phone:+393331234567", false)]
    [InlineData("shares email:bank.transfer@example.org", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsFinancial_TieKind_OnlyMoneyKinds(string? kind, bool financial) =>
        Assert.Equal(financial, TieKinds.IsFinancial(kind));

    [Fact]
    public void Score_NoFinancialTies_NobodyScoredNorLabelledMoneyHandler()
    {
        var net = Planted(money: false);
        var g = net.Build();

        var table = NetworkMetrics.Compute(g, Scores, new MetricsOptions(Money: net.BuildFinancial()));

        Assert.Null(net.BuildFinancial());
        Assert.All(table["money_handler"]!, h => Assert.Equal(0, h));
        Assert.DoesNotContain(table.Leads!, l => l.Role == TargetRole.MoneyHandler);
    }

    [Fact]
    public void Score_CaviarWithoutMoneyTies_NoMoneyHandlerAmongTheLeads()
    {
        var builder = NetworkData.Load("caviar", "full");
        var g = builder.Build();

        var leads = NetworkMetrics.Compute(g, Scores, new MetricsOptions(Money: builder.BuildFinancial())).Leads!;

        Assert.DoesNotContain(HighValueTargets.Rank(g, leads), l => l.Role == TargetRole.MoneyHandler);
        Assert.Equal(["1", "12"], HighValueTargets.Rank(g, leads).Take(3).Select(l => g.Ids[l.Node]).Where(id => id is "1" or "12").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Score_PaymentsToMany_MoneyHandlerFirstByMoneyScoreAndLabelled()
    {
        var net = Planted(money: true);
        var g = net.Build();

        var leads = NetworkMetrics.Compute(g, Scores, new MetricsOptions(Money: net.BuildFinancial())).Leads!;

        var handler = leads[g.IndexOf("money")];
        Assert.Equal(TargetRole.MoneyHandler, handler.Role);
        Assert.Equal(handler, leads.MaxBy(l => l.MoneyHandler));
        Assert.All(leads.Where(l => l != handler), l => Assert.True(l.MoneyHandler < handler.MoneyHandler - 30, g.Ids[l.Node]));
        // Persons without a single financial tie have no money-handler score at all.
        Assert.Equal(0, leads[g.IndexOf("a5")].MoneyHandler);
    }

    [Fact]
    public void Score_NodeWithNothingToGoOn_HasNoLabelAndIsNotALead()
    {
        var net = Planted(money: false);
        net.AddNode("loner");
        net.AddNode("stranger");
        var g = net.Build();

        var table = NetworkMetrics.Compute(g, Scores, new MetricsOptions(Leads: true));
        using var csv = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        TargetLeadsReport.WriteCsv(g, table.Measures!, table.Leads!, csv);

        Assert.Equal(g.NodeCount - 2, HighValueTargets.Rank(g, table.Leads!).Count);
        foreach (var id in new[] { "loner", "stranger" })
        {
            var lead = table.Leads![g.IndexOf(id)];
            Assert.Equal(0, lead.Score);
            Assert.Null(lead.Role);
            Assert.Empty(lead.Why);
            Assert.DoesNotContain(HighValueTargets.Rank(g, table.Leads!), l => l.Node == lead.Node);
            Assert.DoesNotContain("," + id + ",", csv.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Score_ThreeTimesTheNextBetweenness_StaysFarAhead()
    {
        // A hub with six spokes of two: the hub carries every path between spokes, each spoke's inner node only its own tip's.
        var b = new GraphBuilder();
        for (var i = 1; i <= 6; i++)
        {
            b.AddTie("hub", $"in{i}");
            b.AddTie($"in{i}", $"tip{i}");
        }

        var g = b.Build();
        var table = NetworkMetrics.Compute(g, Scores);
        var betweenness = table.Measures!.Betweenness;

        var hub = table.Leads![g.IndexOf("hub")];
        var next = table.Leads!.Where(l => l != hub).MaxBy(l => l.Score)!;
        Assert.True(betweenness[hub.Node] >= 3 * betweenness.Where((_, v) => v != hub.Node).Max());
        // With percentile ranks alone the hub led by a few points; with magnitudes it stays an outlier.
        Assert.True(hub.Score - next.Score >= 25, $"{hub.Score:F1} vs {next.Score:F1}");
        var why = Assert.Single(hub.Why, w => w.Measure == "betweenness");
        Assert.Equal(100, why.Lift, 9);
    }

    [Fact]
    public void Rank_OrganiserBehindCellLeaders_InTopThreeAndLabelledOrganiser()
    {
        foreach (var money in new[] { false, true })
        {
            var net = Planted(money);
            var g = net.Build();

            var leads = NetworkMetrics.Compute(g, Scores, new MetricsOptions(Money: net.BuildFinancial())).Leads!;

            var top3 = HighValueTargets.Rank(g, leads).Take(3).Select(l => g.Ids[l.Node]).ToList();
            Assert.Contains("organiser", top3);
            Assert.Equal(TargetRole.Organiser, leads[g.IndexOf("organiser")].Role);
            Assert.DoesNotContain(top3, id => id.EndsWith("leader", StringComparison.Ordinal) && HighValueTargets.Rank(g, leads)[0].Node == g.IndexOf(id));
        }
    }

    [Fact]
    public void Standing_AnyValues_BoundedAndZeroWithoutEvidence()
    {
        Gen.Double[0, 1000].Array[2, 40].Sample(values =>
        {
            var (lift, percentile) = MeasureScale.Within(values, new int[values.Length]);
            for (var v = 0; v < values.Length; v++)
            {
                var standing = MeasureScale.Standing(lift[v], percentile[v]);
                Assert.InRange(standing, 0, 100);
                Assert.Equal(values[v] > 0, standing > 0);
                Assert.InRange(lift[v], 0, 100);
                Assert.True(lift[v] < 100 || values[v] == values.Max());
                Assert.InRange(percentile[v], 0, 100);
            }
        });
    }

    // Four cells of eight (a leader and seven members in a ring, every other member tied to the leader); the organiser talks only
    // to the four leaders and two brokers, each broker to two members of two cells. With money, "money" is paid by every leader
    // and by a member of each cell.
    private static GraphBuilder Planted(bool money)
    {
        var b = new GraphBuilder();
        foreach (var cell in new[] { "a", "b", "c", "d" })
        {
            for (var i = 1; i <= 7; i++)
            {
                b.AddTie($"{cell}{i}", $"{cell}{(i % 7) + 1}", type: "called (Call)");
                if (i % 2 == 1)
                {
                    b.AddTie($"{cell}{i}", $"{cell}-leader", type: "called (Call)");
                }
            }

            b.AddTie("organiser", $"{cell}-leader", type: "called (Call)");
            if (money)
            {
                b.AddTie($"{cell}-leader", "money", type: "paid (Payment)");
                b.AddTie($"{cell}2", "money", type: "paid (Payment)");
            }
        }

        foreach (var (broker, x, y) in new[] { ("broker1", "a", "b"), ("broker2", "c", "d") })
        {
            b.AddTie("organiser", broker, type: "called (Call)");
            b.AddTie(broker, $"{x}4", type: "called (Call)");
            b.AddTie(broker, $"{x}6", type: "called (Call)");
            b.AddTie(broker, $"{y}4", type: "called (Call)");
            b.AddTie(broker, $"{y}6", type: "called (Call)");
        }

        return b;
    }
}
