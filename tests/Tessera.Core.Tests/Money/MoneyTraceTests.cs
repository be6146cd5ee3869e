using Tessera.Core.Money;

namespace Tessera.Core.Tests.Money;

public sealed class MoneyTraceTests
{
    [Fact]
    public void Forward_Chain_ReachesEachHopWithTheAmountPassedOn()
    {
        var l = new Ledger();
        l.Pay("A", "B", 1_000, 1);
        l.Pay("B", "C", 1_000, 2);
        l.Pay("C", "D", 400, 3);
        var g = l.Build();

        var result = Trace(g, "A", TraceDirection.Forward, hops: 5);

        Assert.Equal(1_000, result.SourceTotalEur);
        Assert.Equal([("B", 1, 1_000.0), ("C", 2, 1_000.0), ("D", 3, 400.0)], result.Reached.Select(r => (g.Accounts[r.Account], r.Hop, Math.Round(r.AmountEur, 6))));
        Assert.Equal(0.4, result.Reached[^1].Share, 6);
    }

    [Fact]
    public void Forward_MixedWithOtherMoney_CarriesTheProportionalShare()
    {
        var l = new Ledger();
        l.Pay("X", "B", 300, 1);
        l.Pay("A", "B", 100, 2);
        l.Pay("B", "C", 200, 3);
        var g = l.Build();

        var result = Trace(g, "A", TraceDirection.Forward, hops: 3);

        // B holds 400, of which 100 traced: a payment of 200 carries 200 × 100/400 = 50.
        Assert.Equal(50, result.Reached.Single(r => g.Accounts[r.Account] == "C").AmountEur, 6);
    }

    [Fact]
    public void Forward_PaymentBeforeTheMoneyArrived_IsNotFollowed()
    {
        var l = new Ledger();
        l.Pay("B", "C", 500, 1);
        l.Pay("A", "B", 500, 2);
        var g = l.Build();

        var result = Trace(g, "A", TraceDirection.Forward, hops: 5);

        Assert.DoesNotContain(result.Reached, r => g.Accounts[r.Account] == "C");
    }

    [Fact]
    public void Forward_HopLimit_StopsTheTrace()
    {
        var l = new Ledger();
        l.Pay("A", "B", 100, 1);
        l.Pay("B", "C", 100, 2);
        l.Pay("C", "D", 100, 3);
        var g = l.Build();

        var result = Trace(g, "A", TraceDirection.Forward, hops: 2);

        Assert.Equal(["B", "C"], result.Reached.Select(r => g.Accounts[r.Account]));
    }

    [Fact]
    public void Backward_FindsTheOriginsOfWhatTheTargetReceived()
    {
        var l = new Ledger();
        l.Pay("O1", "M", 300, 1);
        l.Pay("O2", "M", 100, 2);
        l.Pay("M", "T", 200, 3);
        var g = l.Build();

        var result = Trace(g, "T", TraceDirection.Backward, hops: 2);

        Assert.Equal(200, result.SourceTotalEur);
        var byName = result.Reached.ToDictionary(r => g.Accounts[r.Account], r => Math.Round(r.AmountEur, 6));
        Assert.Equal(200, byName["M"]);
        // Reversed time: M paid on 200; its latest receipt (100 from O2) is all traced, the remaining 100 comes from O1.
        Assert.Equal(100, byName["O2"]);
        Assert.Equal(100, byName["O1"]);
    }

    [Fact]
    public void Forward_RandomNetworks_HoldNoMoreThanTheSourceSent()
    {
        var rng = new Random(3);
        for (var round = 0; round < 30; round++)
        {
            var l = new Ledger();
            for (var i = 0; i < 300; i++)
            {
                l.Pay("N" + rng.Next(25), "N" + rng.Next(25), 1 + (rng.NextDouble() * 1_000), rng.NextDouble() * 500);
            }

            var g = l.Build();
            var source = rng.Next(g.AccountCount);
            var result = MoneyTrace.Run(g, new TraceRequest(source, TraceDirection.Forward, 4, long.MinValue, long.MaxValue, MinAmountEur: 0));

            Assert.True(result.Reached.Sum(r => r.HeldEur) <= result.SourceTotalEur + 1e-6, $"round {round}");
            Assert.All(result.Reached, r => Assert.InRange(r.HeldEur, 0, r.AmountEur + 1e-6));
        }
    }

    private static TraceResult Trace(TransactionGraph g, string account, TraceDirection direction, int hops) =>
        MoneyTrace.Run(g, new TraceRequest(Ledger.Account(g, account), direction, hops, Ledger.At(0), Ledger.At(1_000)));
}
