using Tessera.Core.Money;

namespace Tessera.Core.Tests.Money;

public sealed class PatternDetectorTests
{
    [Fact]
    public void Detect_FourHopCycleWithFees_IsOneCycle()
    {
        var l = Quiet();
        string[] ids = [l.Pay("A", "B", 10_000, 100), l.Pay("B", "C", 9_800, 104), l.Pay("C", "D", 9_600, 110), l.Pay("D", "A", 9_500, 120)];

        var found = Detect(l);

        var cycle = Assert.Single(found, p => p.Kind == PatternKind.Cycle);
        Assert.Equal(ids, cycle.Transactions.Select(Graph(l).TransactionId));
        Assert.InRange(cycle.Score, 0.5, 1);
    }

    [Fact]
    public void Detect_RefundAndCycleOutOfTimeOrder_AreNotCycles()
    {
        var l = Quiet();
        l.Pay("A", "B", 500, 100);
        l.Pay("B", "A", 500, 130);
        l.Pay("P", "Q", 5_000, 200);
        l.Pay("R", "P", 4_900, 190);
        l.Pay("Q", "R", 4_950, 210);

        Assert.DoesNotContain(Detect(l), p => p.Kind == PatternKind.Cycle);
    }

    [Fact]
    public void Detect_BurstToNewReceivers_IsFanOut_ButMonthlyPayrollIsNot()
    {
        var l = Quiet();
        for (var r = 0; r < 6; r++)
        {
            l.Pay("SRC", "R" + r, 4_000, 100 + (r * 5));
        }

        for (var month = 0; month < 12; month++)
        {
            for (var e = 0; e < 8; e++)
            {
                l.Pay("EMPLOYER", "E" + e, 2_500, (month * 730) + e);
            }
        }

        var fans = Detect(l).Where(p => p.Kind == PatternKind.FanOut).ToList();

        var fan = Assert.Single(fans);
        Assert.Equal(6, fan.Transactions.Count);
        Assert.Equal(24_000, fan.AmountEur);
    }

    [Fact]
    public void Detect_SmallCollectionAmongFriends_IsNotFanIn()
    {
        var l = Quiet();
        for (var r = 0; r < 10; r++)
        {
            l.Pay("F" + r, "BIRTHDAY", 30, 100 + r);
        }

        Assert.DoesNotContain(Detect(l), p => p.Kind == PatternKind.FanIn);
    }

    [Theory]
    [InlineData(9_500, 3, true)]
    [InlineData(9_999.99, 4, true)]
    [InlineData(9_500, 2, false)]
    [InlineData(10_000, 3, false)]
    [InlineData(5_000, 5, false)]
    public void Detect_TransfersJustUnderTheThreshold_AreStructuring(double amount, int count, bool expected)
    {
        var l = Quiet();
        for (var i = 0; i < count; i++)
        {
            l.Pay("SMURF", "BANK" + (i % 2), amount, 100 + (i * 30));
        }

        Assert.Equal(expected, Detect(l).Any(p => p.Kind == PatternKind.Structuring && p.Transactions.Count == count));
    }

    [Fact]
    public void Detect_ThroughThreeMiddlesToOneSink_IsScatterGather()
    {
        var l = Quiet();
        for (var m = 0; m < 3; m++)
        {
            l.Pay("S", "M" + m, 7_000, 100 + m);
            l.Pay("M" + m, "SINK", 6_800, 130 + m);
        }

        var sg = Assert.Single(Detect(l), p => p.Kind == PatternKind.ScatterGather);
        Assert.Equal(6, sg.Transactions.Count);
    }

    [Fact]
    public void Detect_HubCollectingThenSpreading_IsGatherScatter()
    {
        var l = Quiet();
        for (var i = 0; i < 5; i++)
        {
            l.Pay("IN" + i, "HUB", 6_000, 100 + (i * 6));
        }

        for (var o = 0; o < 5; o++)
        {
            l.Pay("HUB", "OUT" + o, 5_700, 150 + (o * 6));
        }

        var gs = Assert.Single(Detect(l), p => p.Kind == PatternKind.GatherScatter);
        Assert.Equal(10, gs.Transactions.Count);
    }

    [Fact]
    public void Detect_TwoLayersSharingSenders_IsStack()
    {
        var l = Quiet();
        foreach (var a in new[] { "L1a", "L1b" })
        {
            foreach (var b in new[] { "L2a", "L2b" })
            {
                l.Pay(a, b, 3_000, 100);
            }
        }

        foreach (var b in new[] { "L2a", "L2b" })
        {
            foreach (var c in new[] { "L3a", "L3b" })
            {
                l.Pay(b, c, 2_900, 130);
            }
        }

        var stack = Assert.Single(Detect(l), p => p.Kind == PatternKind.Stack);
        Assert.Equal(8, stack.Transactions.Count);
    }

    [Fact]
    public void Detect_EachTransaction_CarriesAtMostOneLabel()
    {
        var l = Quiet();
        for (var i = 0; i < 6; i++)
        {
            l.Pay("X", "Y" + i, 9_500, 100 + i);
            l.Pay("Y" + i, "Z", 9_400, 120 + i);
        }

        var found = Detect(l);

        var all = found.SelectMany(p => p.Transactions).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void Detect_DenseCliqueOfEqualTransfers_FinishesWithOneLabelPerTransaction()
    {
        // Hostile input: every account pays every other the same amount within minutes, a worst case for the cycle search.
        var l = Quiet();
        for (var a = 0; a < 30; a++)
        {
            for (var b = 0; b < 30; b++)
            {
                if (a != b)
                {
                    l.Pay("K" + a, "K" + b, 1_000, 100 + (((a * 30) + b) / 600.0));
                }
            }
        }

        var found = Detect(l);

        var all = found.SelectMany(p => p.Transactions).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Contains(found, p => p.Kind == PatternKind.Cycle);
    }

    [Fact]
    public void WriteTransactions_WritesTheBenchmarkContract()
    {
        var l = Quiet();
        l.Pay("A", "B", 1_000, 100, "a1");
        l.Pay("B", "C", 950, 101, "a2");
        l.Pay("C", "A", 900, 102, "a3");
        var g = l.Build();
        using var writer = new StringWriter();

        PatternDetector.WriteTransactions(g, PatternDetector.Detect(g), writer);

        Assert.Equal("pattern,transaction_id\ncycle,a1\ncycle,a2\ncycle,a3\n", writer.ToString());
    }

    /// <summary>A ledger that starts with a year-long span of unrelated payments, so that bursts are measured against a year.</summary>
    private static Ledger Quiet()
    {
        var l = new Ledger();
        l.Pay("BG1", "BG2", 20, 0);
        l.Pay("BG2", "BG1", 20, 24 * 365);
        return l;
    }

    private static TransactionGraph Graph(Ledger l) => l.Build();

    private static IReadOnlyList<DetectedPattern> Detect(Ledger l) => PatternDetector.Detect(l.Build());
}
