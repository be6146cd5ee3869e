using Tessera.Core.Picture;

namespace Tessera.Core.Tests.Picture;

/// <summary>The early-warning rule on synthetic series, and its backtest on Frontex's history.</summary>
public sealed class EarlyWarningTests
{
    private static readonly EarlyWarningOptions Options = new();

    // A seasonal series (summer peak) with mild noise, from a seeded generator.
    private static Dictionary<YearMonth, long> Seasonal(int years, int seed, double level = 2000)
    {
        var random = new Random(seed);
        var series = new Dictionary<YearMonth, long>();
        foreach (var m in YearMonth.Range(new YearMonth(2010, 1), new YearMonth(2010 + years - 1, 12)))
        {
            var season = 1 + (0.6 * Math.Sin((m.Month - 4) / 12.0 * 2 * Math.PI));
            series[m] = (long)(level * season * Math.Exp(0.15 * ((random.NextDouble() * 2) - 1)));
        }

        return series;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Evaluate_SteadySeasonalSeries_NoAlert(int seed)
    {
        var points = EarlyWarning.Evaluate(Seasonal(8, seed), Options);

        Assert.DoesNotContain(points, p => p.Alert);
        Assert.Contains(points, p => p.Score is not null);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Evaluate_SurgeOfFourTimes_AlertsWithinTwoMonths(int seed)
    {
        var series = Seasonal(8, seed);
        var onset = new YearMonth(2016, 5);
        foreach (var m in YearMonth.Range(onset, new YearMonth(2017, 12)))
        {
            series[m] *= 4;
        }

        var first = EarlyWarning.Evaluate(series, Options).First(p => p.Alert).Month;

        Assert.InRange(first.Index - onset.Index, 0, 2);
    }

    [Fact]
    public void Evaluate_SmallCounts_NeverAlert()
    {
        var series = Seasonal(8, 4, level: 20);
        series[new YearMonth(2016, 6)] = 150;

        Assert.DoesNotContain(EarlyWarning.Evaluate(series, Options), p => p.Alert);
    }

    [Fact]
    public void Evaluate_FutureMonths_DoNotChangeThePast()
    {
        var series = Seasonal(8, 5);
        var before = EarlyWarning.Evaluate(series.Where(kv => kv.Key < new YearMonth(2015, 1)).ToDictionary(), Options);
        foreach (var m in YearMonth.Range(new YearMonth(2015, 1), new YearMonth(2017, 12)))
        {
            series[m] *= 10;
        }

        var after = EarlyWarning.Evaluate(series, Options).Take(before.Count);

        Assert.Equal(before, after);
    }

    [Fact]
    public void Scan_SurgingNationality_AlertsForRouteAndNationality()
    {
        var detections = Seasonal(8, 6).Select(kv => new DetectionCount(kv.Key, "A Route", "Sea", "Guinea", kv.Value, PictureSources.Frontex))
            .Concat(Seasonal(8, 7).Select(kv => new DetectionCount(kv.Key, "A Route", "Sea", "Syria",
                kv.Key >= new YearMonth(2017, 6) ? kv.Value * 5 : kv.Value, PictureSources.Frontex)))
            .ToList();

        var alerts = EarlyWarning.Scan(detections, new YearMonth(2017, 7), Options);

        Assert.Contains(alerts, a => a.Nationality == "Syria");
        Assert.DoesNotContain(alerts, a => a.Nationality == "Guinea");
    }

    [Fact]
    public void Backtest_FrontexHistory_FlagsThe2015SurgesBeforeTheirPeak()
    {
        var detections = DetectionFiles.Read(Datasets.Workbook).Detections;

        var result = EarlyWarningBacktest.Run(detections, new YearMonth(2010, 1), new YearMonth(2025, 4), Options, new SurgeDefinition());

        var surges = result.Routes.SelectMany(r => r.Surges).ToList();
        var em2015 = Assert.Single(surges, s => s.Route == "Eastern Mediterranean Route" && s.Year == 2015);
        var wb2015 = Assert.Single(surges, s => s.Route == "Western Balkan Route" && s.Year == 2015);
        Assert.Equal(new YearMonth(2015, 10), em2015.Peak);
        Assert.True(em2015.LeadMonths > 0);
        Assert.True(wb2015.LeadMonths > 0);
        Assert.Contains(surges, s => s.Route == "Western Balkan Route" && s.Year == 2022);
        Assert.InRange(result.FalseAlertRate, 0, 0.05);
    }

    [Fact]
    public void Evaluate_SeasonalNaive_AlertsWhenThreeMonthsDoubleTheYearBefore()
    {
        var series = Seasonal(4, 7);
        var surge = new YearMonth(2013, 6);
        foreach (var m in YearMonth.Range(surge.AddMonths(-2), surge))
        {
            series[m] *= 3;
        }

        var points = EarlyWarning.Evaluate(series, new EarlyWarningOptions(Method: EarlyWarningMethod.SeasonalNaive));

        var at = points.Single(p => p.Month == surge);
        Assert.True(at.Alert);
        Assert.Equal(points.Single(p => p.Month == surge.AddYears(-1)).Smoothed, at.Expected);
        Assert.DoesNotContain(points, p => p.Alert && p.Month < surge.AddMonths(-2));
        Assert.All(points.Where(p => p.Month.Year == 2010), p => Assert.False(p.Alert));
    }

    [Theory]
    [InlineData(null, EarlyWarningMethod.Farrington)]
    [InlineData("cusum", EarlyWarningMethod.Cusum)]
    [InlineData("robust", EarlyWarningMethod.Robust)]
    [InlineData("Seasonal-Naive", EarlyWarningMethod.SeasonalNaive)]
    public void ParseMethod_KnownNames_TheirMethod(string? name, EarlyWarningMethod expected) =>
        Assert.Equal(expected, EarlyWarning.ParseMethod(name));

    [Fact]
    public void ParseMethod_UnknownName_NamesTheField() =>
        Assert.Equal("method", Assert.Throws<Tessera.Core.Model.ModelException>(() => EarlyWarning.ParseMethod("zscore")).Field);
}

/// <summary>The quasi-Poisson regression and the CUSUM on its residuals.</summary>
public sealed class FarringtonTests
{
    private static long[] Seasonal(int years, int seed, double level = 2000, double growth = 0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, years * 12).Select(t =>
            (long)(level * Math.Exp(growth * t) * (1 + (0.6 * Math.Sin((t % 12) / 12.0 * 2 * Math.PI))) * Math.Exp(0.15 * ((random.NextDouble() * 2) - 1)))).ToArray();
    }

    private static Dictionary<YearMonth, long> AsSeries(long[] counts) =>
        counts.Select((c, i) => (c, i)).ToDictionary(x => new YearMonth(2010, 1).AddMonths(x.i), x => x.c);

    [Fact]
    public void Fit_SteadySeries_ExpectsTheSeasonalLevelWithinItsInterval()
    {
        var counts = Seasonal(6, 1);
        var fits = Farrington.Fit(counts, new FarringtonSettings());

        Assert.All(fits.Take(39), f => Assert.Null(f));
        var inside = Enumerable.Range(39, counts.Length - 39).Count(t => counts[t] <= fits[t]!.Value.Upper(3.09) && counts[t] >= fits[t]!.Value.Lower(3.09));
        Assert.Equal(counts.Length - 39, inside);
    }

    [Fact]
    public void Fit_PastSurgeInTheBaseline_IsDownWeighted()
    {
        var counts = Seasonal(6, 2);
        for (var t = 36; t < 42; t++)
        {
            counts[t] *= 6;
        }

        var plain = Farrington.Fit(counts, new FarringtonSettings(ReweightAbove: null, Trend: false))[66]!.Value;
        var reweighted = Farrington.Fit(counts, new FarringtonSettings(ReweightAbove: 1.0, Trend: false))[66]!.Value;

        Assert.True(reweighted.Expected < plain.Expected * 0.8, $"{reweighted.Expected:0} against {plain.Expected:0}");
    }

    [Fact]
    public void Fit_SignificantFall_IsKeptAndFollowed()
    {
        var counts = Seasonal(6, 3, level: 20000, growth: -0.05);

        var fit = Farrington.Fit(counts, new FarringtonSettings(Trend: true, HalfWindow: 1))[60]!.Value;

        Assert.True(fit.TrendKept);
        Assert.InRange(fit.Expected, counts[60] * 0.6, counts[60] * 1.4);
    }

    [Fact]
    public void Cusum_SustainedModerateRise_AlertsAndNamesTheMonthsThatDroveIt()
    {
        var counts = Seasonal(7, 4);
        for (var t = 60; t < 72; t++)
        {
            counts[t] = (long)(counts[t] * 1.8);
        }

        var options = new EarlyWarningOptions(Method: EarlyWarningMethod.Cusum);
        var points = EarlyWarning.Evaluate(AsSeries(counts), options);

        Assert.DoesNotContain(points.Take(60), p => p.Alert);
        var first = points.First(p => p.Alert);
        Assert.InRange(first.Month.Index - new YearMonth(2015, 1).Index, 0, 5);
        Assert.NotNull(first.Drivers);
        Assert.Contains(new YearMonth(2015, 1), first.Drivers!);
    }

    [Fact]
    public void Alert_Explanation_SaysObservedExpectedIntervalAndMethod()
    {
        var counts = Seasonal(6, 5);
        counts[^1] *= 5;
        var detections = AsSeries(counts).Select(kv => new DetectionCount(kv.Key, "A Route", "Sea", "Syria", kv.Value, PictureSources.Frontex)).ToList();

        var alert = EarlyWarning.Scan(detections, new YearMonth(2015, 12), new EarlyWarningOptions()).First(a => a.Nationality is null);

        Assert.Equal(EarlyWarningMethod.Farrington, alert.Method);
        Assert.True(alert.Observed > alert.Upper);
        Assert.Contains("expected", alert.Explanation, StringComparison.Ordinal);
        Assert.Contains("interval", alert.Explanation, StringComparison.Ordinal);
        Assert.Contains("quasi-Poisson", alert.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_OneRouteAndNationality_ScoresOnlyThem()
    {
        var counts = Seasonal(6, 6);
        counts[^1] *= 5;
        var detections = AsSeries(counts).SelectMany(kv => new[]
        {
            new DetectionCount(kv.Key, "A Route", "Sea", "Syria", kv.Value, PictureSources.Frontex),
            new DetectionCount(kv.Key, "B Route", "Land", "Syria", kv.Value, PictureSources.Frontex),
            new DetectionCount(kv.Key, "A Route", "Sea", "Guinea", kv.Value, PictureSources.Frontex),
        }).ToList();

        var alerts = EarlyWarning.Scan(detections, new YearMonth(2015, 12), new EarlyWarningOptions(), route: "A Route", nationality: "Syria");

        var only = Assert.Single(alerts);
        Assert.Equal(("A Route", "Syria"), (only.Route, only.Nationality));
    }
}
