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
    [InlineData(null, EarlyWarningMethod.Robust)]
    [InlineData("robust", EarlyWarningMethod.Robust)]
    [InlineData("Seasonal-Naive", EarlyWarningMethod.SeasonalNaive)]
    public void ParseMethod_KnownNames_TheirMethod(string? name, EarlyWarningMethod expected) =>
        Assert.Equal(expected, EarlyWarning.ParseMethod(name));

    [Fact]
    public void ParseMethod_UnknownName_NamesTheField() =>
        Assert.Equal("method", Assert.Throws<Tessera.Core.Model.ModelException>(() => EarlyWarning.ParseMethod("zscore")).Field);
}
