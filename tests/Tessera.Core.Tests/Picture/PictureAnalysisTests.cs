using CsCheck;
using Tessera.Core.Access;
using Tessera.Core.Picture;

namespace Tessera.Core.Tests.Picture;

/// <summary>Totals, changes, shares and small-count suppression on small hand-made tables.</summary>
public sealed class PictureAnalysisTests
{
    private static readonly YearMonth Jan = new(2023, 1);

    private static DetectionCount D(int year, int month, string route, string nationality, long count) =>
        new(new YearMonth(year, month), route, "Sea", nationality, count, PictureSources.Frontex);

    private static readonly DetectionCount[] Table =
    [
        D(2022, 1, "A Route", "Syria", 100), D(2022, 2, "A Route", "Syria", 100), D(2022, 1, "B Route", "Guinea", 50),
        D(2023, 1, "A Route", "Syria", 150), D(2023, 2, "A Route", "Guinea", 90), D(2023, 1, "B Route", "Guinea", 3),
        D(2023, 3, "A Route", "Syria", 1000), D(2021, 1, "A Route", "Syria", 7),
    ];

    [Fact]
    public void Summarise_Period_TotalsChangeAndShares()
    {
        var s = PictureAnalysis.Summarise(Table, new PictureQuery(Jan, new YearMonth(2023, 2)));

        Assert.Equal(243, s.Total);
        Assert.Equal(250, s.PreviousTotal);
        Assert.Equal((243.0 / 250) - 1, s.Change!.Value, 12);
        Assert.Equal(["A Route", "B Route"], s.Routes.Select(r => r.Route));
        Assert.Equal(240.0 / 243, s.Routes[0].Share!.Value, 12);
        Assert.Equal(-0.94, s.Routes[1].Change!.Value, 12);
        Assert.Equal(["Syria", "Guinea"], s.TopNationalities.Select(n => n.Nationality));
        Assert.Equal([153L, 90L], s.Months.Select(m => m.Count!.Value));
        Assert.Equal([150L, 100L], s.Months.Select(m => m.PreviousYear!.Value));
    }

    [Fact]
    public void Summarise_RouteFilter_IgnoresCaseAndRouteSuffix()
    {
        var s = PictureAnalysis.Summarise(Table, new PictureQuery(Jan, new YearMonth(2023, 2), Route: "b"));

        Assert.Equal(3, s.Total);
        Assert.Single(s.Routes);
    }

    [Fact]
    public void Summarise_NoPreviousYear_ChangeIsNull()
    {
        var s = PictureAnalysis.Summarise(Table, new PictureQuery(new YearMonth(2023, 3), new YearMonth(2023, 3)));

        Assert.Equal(1000, s.Total);
        Assert.Null(s.Change);
    }

    [Fact]
    public void Summarise_EndBeforeStart_IsBadInput() =>
        Assert.Throws<Tessera.Core.Model.ModelException>(() => PictureAnalysis.Summarise(Table, new PictureQuery(new YearMonth(2023, 3), Jan)));

    [Fact]
    public void For_PolicyOfficer_HidesCountsBelowFiveAndWhatDerivesFromThem()
    {
        var s = PictureAnalysis.Summarise(Table, new PictureQuery(Jan, new YearMonth(2023, 2)));
        var officer = new Principal("po", "EU", new HashSet<Role> { Role.PolicyOfficer });

        var seen = PictureAnalysis.For(s, officer);

        Assert.True(seen.Suppressed);
        Assert.Equal(243, seen.Total);
        var b = seen.Routes.Single(r => r.Route == "B Route");
        Assert.Null(b.Total);
        Assert.Equal(50, b.PreviousTotal);
        Assert.Null(b.Change);
        Assert.Null(b.Share);
    }

    [Fact]
    public void For_Analyst_SeesEveryCount()
    {
        var s = PictureAnalysis.Summarise(Table, new PictureQuery(Jan, new YearMonth(2023, 2)));
        var analyst = new Principal("a", "IT", new HashSet<Role> { Role.Analyst, Role.PolicyOfficer });

        Assert.Same(s, PictureAnalysis.For(s, analyst));
    }

    [Fact]
    public void SuppressSmallCounts_AnyTable_NoVisibleCountBelowThreshold()
    {
        var gen = Gen.Select(Gen.Int[2020, 2023], Gen.Int[1, 12], Gen.Int[0, 2].Select(i => "ABC"[i].ToString()), Gen.Int[0, 2].Select(i => "XYZ"[i].ToString()), Gen.Long[0, 12])
            .Select((y, m, r, n, c) => D(y, m, r, n, c)).Array[0, 40];
        gen.Sample(rows =>
        {
            var s = PictureAnalysis.SuppressSmallCounts(PictureAnalysis.Summarise(rows, new PictureQuery(new YearMonth(2022, 1), new YearMonth(2023, 12))), 5);
            var counts = new[] { s.Total, s.PreviousTotal }
                .Concat(s.Routes.SelectMany(r => new[] { r.Total, r.PreviousTotal }))
                .Concat(s.TopNationalities.SelectMany(n => new[] { n.Total, n.PreviousTotal }))
                .Concat(s.Months.SelectMany(m => new[] { m.Count, m.PreviousYear }));
            return counts.All(c => c is null or 0 or >= 5)
                && s.Routes.All(r => (r.Total is not null && r.PreviousTotal is not null) || r.Change is null);
        });
    }

    [Fact]
    public void YearMonth_RoundTripsAndOrders()
    {
        Gen.Int[0, 12 * 3000].Sample(i =>
        {
            var m = YearMonth.FromIndex(i);
            return YearMonth.Parse(m.ToString()) == m && m.AddMonths(1) > m && m.AddYears(1).Index == i + 12;
        });
    }
}
